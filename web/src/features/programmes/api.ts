import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";

/** JSON shapes of src/modules/programmes/programmes.contract.ts. */
export const ENROLMENT_STATUSES = ["enrolled", "in_progress", "completed", "dropped"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const SUPPORT_CASE_STATUSES = ["preparing", "submitted", "granted", "refused", "abandoned"] as const;
export type SupportCaseStatus = (typeof SUPPORT_CASE_STATUSES)[number];

export interface Company {
  id: string;
  name: string;
}
export interface Programme {
  id: string;
  /** Set on the standard programmes (csr_diagnostic…); null for the staff's own. */
  code: string | null;
  name: string;
  description: string | null;
  partnerBody: string | null;
  active: boolean;
  /** Enrolments not dropped. */
  enrolments: number;
}
export interface Enrolment {
  id: string;
  programmeId: string;
  member: Company;
  enrolledOn: string;
  endedOn: string | null;
  status: EnrolmentStatus;
  outcome: string | null;
  partnerBody: string | null;
}
export interface ProgrammeDetail extends Programme {
  enrolmentList: Enrolment[];
}
export interface ProgrammeInput {
  name: string;
  description?: string | null;
  partnerBody?: string | null;
  active?: boolean;
}
export interface EnrolmentInput {
  memberId: string;
  enrolledOn: string;
  endedOn?: string | null;
  status?: EnrolmentStatus;
  outcome?: string | null;
  partnerBody?: string | null;
}
export type EnrolmentPatch = Partial<Omit<EnrolmentInput, "memberId">>;

export interface SupportCase {
  id: string;
  member: Company;
  call: { id: string; title: string } | null;
  callLabel: string | null;
  openedOn: string;
  status: SupportCaseStatus;
  amountAskedCents: number | null;
  amountObtainedCents: number | null;
  partnerBody: string | null;
  notes: string | null;
}
export interface SupportCaseInput {
  memberId: string;
  callId?: string | null;
  callLabel?: string | null;
  openedOn: string;
  status?: SupportCaseStatus;
  amountAskedCents?: number | null;
  amountObtainedCents?: number | null;
  partnerBody?: string | null;
  notes?: string | null;
}
export type SupportCasePatch = Partial<Omit<SupportCaseInput, "memberId">>;

const programmesKey = (slug: string) => ["programmes", slug] as const;
const programmeKey = (slug: string, id: string) => ["programme", slug, id] as const;
const casesKey = (slug: string) => ["support-cases", slug] as const;

export function useProgrammes() {
  const cluster = useCluster();
  return useQuery({
    queryKey: programmesKey(cluster.slug),
    queryFn: () => api.get<{ programmes: Programme[] }>(cluster.apiPath("programmes")).then((r) => r.programmes),
  });
}

export function useProgramme(id: string | null) {
  const cluster = useCluster();
  return useQuery({
    queryKey: programmeKey(cluster.slug, id ?? ""),
    queryFn: () => api.get<ProgrammeDetail>(cluster.apiPath(`programmes/${id}`)),
    enabled: Boolean(id),
  });
}

/** Every write refreshes the list (its counts) and the programme shown; the report's figures follow. */
function useInvalidate() {
  const cluster = useCluster();
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: programmesKey(cluster.slug) });
    void client.invalidateQueries({ queryKey: ["programme", cluster.slug] });
    void client.invalidateQueries({ queryKey: casesKey(cluster.slug) });
    void client.invalidateQueries({ queryKey: ["report", cluster.slug] });
  };
}

export function useProgrammeMutations() {
  const cluster = useCluster();
  const invalidate = useInvalidate();
  return {
    create: useMutation({
      mutationFn: (input: ProgrammeInput) => api.post<ProgrammeDetail>(cluster.apiPath("programmes"), input),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<ProgrammeInput> }) =>
        api.patch<ProgrammeDetail>(cluster.apiPath(`programmes/${id}`), patch),
      onSuccess: invalidate,
    }),
    enrol: useMutation({
      mutationFn: ({ programmeId, input }: { programmeId: string; input: EnrolmentInput }) =>
        api.post<Enrolment>(cluster.apiPath(`programmes/${programmeId}/enrolments`), input),
      onSuccess: invalidate,
    }),
    updateEnrolment: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: EnrolmentPatch }) =>
        api.patch<Enrolment>(cluster.apiPath(`enrolments/${id}`), patch),
      onSuccess: invalidate,
    }),
    deleteEnrolment: useMutation({
      mutationFn: (id: string) => api.delete(cluster.apiPath(`enrolments/${id}`)),
      onSuccess: invalidate,
    }),
  };
}

export function useSupportCases(year: number | null) {
  const cluster = useCluster();
  return useQuery({
    queryKey: [...casesKey(cluster.slug), year],
    queryFn: () =>
      api
        .get<{ supportCases: SupportCase[] }>(`${cluster.apiPath("support-cases")}${queryString({ year })}`)
        .then((r) => r.supportCases),
  });
}

export function useSupportCaseMutations() {
  const cluster = useCluster();
  const invalidate = useInvalidate();
  return {
    create: useMutation({
      mutationFn: (input: SupportCaseInput) => api.post<SupportCase>(cluster.apiPath("support-cases"), input),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: SupportCasePatch }) =>
        api.patch<SupportCase>(cluster.apiPath(`support-cases/${id}`), patch),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(cluster.apiPath(`support-cases/${id}`)),
      onSuccess: invalidate,
    }),
  };
}
