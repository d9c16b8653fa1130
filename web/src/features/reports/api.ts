import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_BASE, api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";
import type { Indicator } from "../funding/api";

/** JSON shapes of src/modules/reports/reports.contract.ts. */
export const REPORT_SECTIONS = [
  "summary",
  "members",
  "events",
  "groups",
  "programmes",
  "support",
  "business",
  "communication",
  "funding",
  "targets",
  "labels",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface Count {
  key: string;
  count: number;
}
export interface Narrative {
  body: string;
  updatedBy: string;
  updatedAt: string;
}
export interface Target {
  grantId: string;
  grantTitle: string;
  actionId: string;
  title: string;
  indicator: Indicator;
  target: number;
  actual: number;
  met: boolean;
  /** The figure cannot be computed yet (its source is not recorded): shown as pending, not as zero. */
  pending: boolean;
}
export interface LabelIndicator {
  key: string;
  label: string;
  labelEn: string;
  /** null when the data does not give it. */
  value: number | null;
  unit: "count" | "share" | "per_member";
  detail: string | null;
}
export interface ActivityReport {
  year: number;
  period: { from: string; to: string };
  generatedAt: string;
  cluster: { name: string; slug: string };
  funder: { id: string; name: string; kind: string } | null;
  funders: { id: string; name: string }[];
  members: {
    atStart: number;
    joins: number;
    leaves: number;
    atEnd: number;
    retention: number | null;
    byKind: Count[];
    bySize: Count[];
  };
  events: {
    held: number;
    attendance: number;
    companies: number;
    byKind: { kind: string; held: number; attendance: number }[];
  };
  groups: {
    active: number;
    meetings: number;
    list: { id: string; name: string; workstream: string; members: number; meetings: number }[];
  };
  programmes: {
    programmeId: string;
    code: string | null;
    name: string;
    members: number;
    newMembers: number;
    completed: number;
    partnerBodies: string[];
  }[];
  support: {
    cases: number;
    members: number;
    granted: number;
    amountAskedCents: number;
    amountObtainedCents: number;
    calls: { label: string; cases: number }[];
  };
  business: {
    meetingsHeld: number;
    followUps: number;
    days: number;
    opportunities: number;
    businessBetweenMembers: number;
    businessAmountCents: number;
    /** true while opportunities are not recorded yet: the figures read 0. */
    opportunitiesPending: boolean;
  };
  communication: {
    newsletters: number;
    list: { id: string; sentOn: string; title: string; recipients: number | null }[];
  };
  contacts: { direct: number; membersReached: number; byKind: Count[] };
  funding: {
    duesCents: number;
    /** Grants pro rata of the days of their period within the year. */
    grantsCents: number;
    privateShare: number | null;
    grants: {
      id: string;
      title: string;
      funder: string;
      amountCents: number;
      inYearCents: number;
      periodStart: string;
      periodEnd: string;
      agreementRef: string | null;
      budgetLine: string | null;
    }[];
  };
  targets: Target[];
  labels: LabelIndicator[];
  narratives: Record<ReportSection, Narrative | null>;
}
export interface ReportDashboard {
  year: number;
  membersOverTime: { month: string; members: number }[];
  participationPerMonth: { month: string; held: number; attendance: number; companies: number }[];
  /** The year and the four before. */
  fundingMix: { year: number; duesCents: number; grantsCents: number; privateShare: number | null }[];
  targets: Target[];
}

export interface ReportParams {
  year: number;
  funderId: string | null;
}
const params = (p: ReportParams) => queryString({ year: p.year, funderId: p.funderId });
const reportKey = (slug: string, p: ReportParams) => ["report", slug, p.year, p.funderId ?? ""] as const;

export function useActivityReport(p: ReportParams) {
  const cluster = useCluster();
  return useQuery({
    queryKey: reportKey(cluster.slug, p),
    queryFn: () => api.get<ActivityReport>(`${cluster.apiPath("reports/activity")}${params(p)}`),
  });
}

/** Where the browser downloads the report file from (the session cookie goes with it). */
export function useReportFileUrl(p: ReportParams) {
  const cluster = useCluster();
  return (format: "pdf" | "docx") => `${API_BASE}${cluster.apiPath(`reports/activity.${format}`)}${params(p)}`;
}

/**
 * Saves a section's narrative. The report in the cache takes the new text at once (optimistic), and goes back
 * to what it was if the server refuses.
 */
export function useSaveNarrative(p: ReportParams) {
  const cluster = useCluster();
  const client = useQueryClient();
  const key = reportKey(cluster.slug, p);
  return useMutation({
    mutationFn: ({ section, body }: { section: ReportSection; body: string }) =>
      api.put<{ narrative: Narrative | null }>(
        `${cluster.apiPath(`reports/activity/narratives/${section}`)}${params(p)}`,
        { body },
      ),
    onMutate: async ({ section, body }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<ActivityReport>(key);
      if (before) {
        const optimistic: Narrative | null = body.trim()
          ? { body, updatedBy: cluster.me.user.name, updatedAt: new Date().toISOString() }
          : null;
        client.setQueryData<ActivityReport>(key, {
          ...before,
          narratives: { ...before.narratives, [section]: optimistic },
        });
      }
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSuccess: ({ narrative }, { section }) => {
      const current = client.getQueryData<ActivityReport>(key);
      if (current)
        client.setQueryData<ActivityReport>(key, {
          ...current,
          narratives: { ...current.narratives, [section]: narrative },
        });
    },
  });
}

export function useReportDashboard(year: number) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["report-dashboard", cluster.slug, year],
    queryFn: () => api.get<ReportDashboard>(`${cluster.apiPath("reports/dashboard")}${queryString({ year })}`),
  });
}

export interface Newsletter {
  id: string;
  sentOn: string;
  title: string;
  recipients: number | null;
  url: string | null;
}
export interface NewsletterInput {
  sentOn: string;
  title: string;
  recipients?: number | null;
  url?: string | null;
}

/** Newsletters are recorded by hand (the outbox holds transactional mail, not campaigns); they feed the report. */
export function useNewsletterMutations() {
  const cluster = useCluster();
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["report", cluster.slug] });
    void client.invalidateQueries({ queryKey: ["report-dashboard", cluster.slug] });
  };
  return {
    create: useMutation({
      mutationFn: (input: NewsletterInput) => api.post<Newsletter>(cluster.apiPath("newsletters"), input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(cluster.apiPath(`newsletters/${id}`)),
      onSuccess: refresh,
    }),
  };
}
