import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import type { SizeClass } from "../../api/types";
import { useCluster } from "../auth/cluster";

/** JSON shapes of src/modules/funding/funding.contract.ts. */
export const FUNDER_KINDS = ["metropolis", "region", "department", "state", "eu", "cci", "other"] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];
export const INDICATORS = [
  "programme_members",
  "support_cases",
  "events_held",
  "event_attendance",
  "working_groups",
  "working_group_meetings",
  "business_meetings",
  "opportunities",
  "newsletters",
  "new_members",
  "members_at_end",
  "staff_contacts",
] as const;
export type Indicator = (typeof INDICATORS)[number];
export type IneligibleReason = "not_member" | "size_class" | "naf" | "department";

export interface Funder {
  id: string;
  name: string;
  kind: FunderKind;
  contactName: string | null;
  contactEmail: string | null;
  /** Grants recorded from this funder. */
  grants: number;
}
export interface FunderInput {
  name: string;
  kind: FunderKind;
  contactName?: string | null;
  contactEmail?: string | null;
}

export type CallState = "upcoming" | "open" | "closed";
export interface FundingCall {
  id: string;
  funder: { id: string; name: string } | null;
  funderName: string;
  title: string;
  description: string | null;
  topics: string[];
  sizeClasses: SizeClass[];
  nafCodes: string[];
  departments: string[];
  opensOn: string | null;
  closesOn: string;
  url: string | null;
  reminderDays: number;
  /** Relative to today in Europe/Paris. */
  state: CallState;
  /** Members told of the call (one notice each). */
  notified: number;
  notifiedAt: string | null;
  remindedAt: string | null;
  /** Support cases answering this call. */
  supportCases: number;
}
export interface FundingCallInput {
  funderId?: string | null;
  /** Defaults to the recorded funder's name. */
  funderName?: string;
  title: string;
  description?: string | null;
  topics?: string[];
  sizeClasses?: SizeClass[];
  nafCodes?: string[];
  departments?: string[];
  opensOn?: string | null;
  closesOn: string;
  url?: string | null;
  reminderDays?: number;
}
export interface CallMember {
  id: string;
  name: string;
  sizeClass: string | null;
  nafCode: string | null;
  department: string | null;
  town: string | null;
}
export interface EligibleMember extends CallMember {
  /** Whom the notice goes to (main contact, else the first person with an e-mail); null: nobody to write to. */
  contact: { name: string | null; email: string } | null;
  notifiedAt: string | null;
}
export interface IneligibleMember extends CallMember {
  reasons: IneligibleReason[];
}
export interface Eligibility {
  callId: string;
  eligible: EligibleMember[];
  /** Current members left out, and why (prospects and former members are not listed). */
  ineligible: IneligibleMember[];
}
export interface NotifyResult {
  /** E-mails queued now. */
  notified: number;
  alreadyNotified: number;
  noContact: { id: string; name: string }[];
}

export interface IndicatorFilter {
  programmeId?: string;
  eventKinds?: string[];
  titleContains?: string;
}
export interface GrantAction {
  id: string;
  grantId: string;
  title: string;
  indicator: Indicator;
  filter: IndicatorFilter;
  target: number;
  position: number;
}
export interface GrantActionInput {
  title: string;
  indicator: Indicator;
  filter?: IndicatorFilter;
  target: number;
}
export interface Grant {
  id: string;
  funder: { id: string; name: string; kind: FunderKind };
  title: string;
  amountCents: number;
  periodStart: string;
  periodEnd: string;
  agreementRef: string | null;
  budgetLine: string | null;
  actions: GrantAction[];
}
export interface GrantInput {
  funderId: string;
  title: string;
  amountCents: number;
  periodStart: string;
  periodEnd: string;
  agreementRef?: string | null;
  budgetLine?: string | null;
  actions?: GrantActionInput[];
}

const keys = {
  funders: (slug: string) => ["funders", slug] as const,
  calls: (slug: string) => ["funding-calls", slug] as const,
  eligibility: (slug: string, id: string) => ["funding-call-eligibility", slug, id] as const,
  grants: (slug: string) => ["grants", slug] as const,
};

export function useFunders() {
  const cluster = useCluster();
  return useQuery({
    queryKey: keys.funders(cluster.slug),
    queryFn: () => api.get<{ funders: Funder[] }>(cluster.apiPath("funders")).then((r) => r.funders),
  });
}

export function useFundingCalls() {
  const cluster = useCluster();
  return useQuery({
    queryKey: keys.calls(cluster.slug),
    queryFn: () => api.get<{ calls: FundingCall[] }>(cluster.apiPath("funding-calls")).then((r) => r.calls),
  });
}

export function useEligibility(callId: string | null) {
  const cluster = useCluster();
  return useQuery({
    queryKey: keys.eligibility(cluster.slug, callId ?? ""),
    queryFn: () => api.get<Eligibility>(cluster.apiPath(`funding-calls/${callId}/eligible`)),
    enabled: Boolean(callId),
  });
}

export function useGrants(year?: number | null) {
  const cluster = useCluster();
  return useQuery({
    queryKey: [...keys.grants(cluster.slug), year ?? null],
    queryFn: () =>
      api.get<{ grants: Grant[] }>(`${cluster.apiPath("grants")}${queryString({ year })}`).then((r) => r.grants),
  });
}

function useInvalidate() {
  const cluster = useCluster();
  const client = useQueryClient();
  return () => {
    // Calls, grants and targets feed the report and the dashboard: refresh them all.
    for (const prefix of [
      "funders",
      "funding-calls",
      "funding-call-eligibility",
      "grants",
      "report",
      "report-dashboard",
    ])
      void client.invalidateQueries({ queryKey: [prefix, cluster.slug] });
  };
}

export function useFundingMutations() {
  const cluster = useCluster();
  const invalidate = useInvalidate();
  const path = cluster.apiPath;
  return {
    createFunder: useMutation({
      mutationFn: (input: FunderInput) => api.post<Funder>(path("funders"), input),
      onSuccess: invalidate,
    }),
    updateFunder: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<FunderInput> }) =>
        api.patch<Funder>(path(`funders/${id}`), patch),
      onSuccess: invalidate,
    }),
    deleteFunder: useMutation({
      mutationFn: (id: string) => api.delete(path(`funders/${id}`)),
      onSuccess: invalidate,
    }),
    createCall: useMutation({
      mutationFn: (input: FundingCallInput) => api.post<FundingCall>(path("funding-calls"), input),
      onSuccess: invalidate,
    }),
    updateCall: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<FundingCallInput> }) =>
        api.patch<FundingCall>(path(`funding-calls/${id}`), patch),
      onSuccess: invalidate,
    }),
    deleteCall: useMutation({
      mutationFn: (id: string) => api.delete(path(`funding-calls/${id}`)),
      onSuccess: invalidate,
    }),
    notify: useMutation({
      mutationFn: (id: string) => api.post<NotifyResult>(path(`funding-calls/${id}/notify`), {}),
      onSuccess: invalidate,
    }),
    createGrant: useMutation({
      mutationFn: (input: GrantInput) => api.post<Grant>(path("grants"), input),
      onSuccess: invalidate,
    }),
    updateGrant: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<Omit<GrantInput, "funderId">> }) =>
        api.patch<Grant>(path(`grants/${id}`), patch),
      onSuccess: invalidate,
    }),
    deleteGrant: useMutation({
      mutationFn: (id: string) => api.delete(path(`grants/${id}`)),
      onSuccess: invalidate,
    }),
    addAction: useMutation({
      mutationFn: ({ grantId, input }: { grantId: string; input: GrantActionInput }) =>
        api.post<Grant>(path(`grants/${grantId}/actions`), input),
      onSuccess: invalidate,
    }),
    updateAction: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<GrantActionInput> & { position?: number } }) =>
        api.patch<Grant>(path(`grant-actions/${id}`), patch),
      onSuccess: invalidate,
    }),
    deleteAction: useMutation({
      mutationFn: (id: string) => api.delete(path(`grant-actions/${id}`)),
      onSuccess: invalidate,
    }),
  };
}
