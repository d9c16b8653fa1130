import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";

/** JSON shapes of src/modules/opportunities/*.contract.ts. */
export const STAGES = ["lead", "qualified", "team_formed", "bid_sent", "won", "lost"] as const;
export type Stage = (typeof STAGES)[number];
export interface Company {
  id: string;
  name: string;
}
export interface TradeRef {
  code: string;
  label: string;
}
export interface Opportunity {
  id: string;
  title: string;
  description: string | null;
  stage: Stage;
  source: "showcase" | "staff" | "referral";
  buyer: { company: string | null; contact: string | null; email: string | null; phone: string | null };
  steps: TradeRef[];
  certifications: string[];
  volumes: string | null;
  deadline: string | null;
  site: { insee: string; town: string; lat: number; lon: number } | null;
  maxTravelMinutes: number;
  amountCents: number | null;
  bidSentOn: string | null;
  closedOn: string | null;
  lossReason: string | null;
  leader: Company | null;
  referredBy: Company | null;
  referredTo: Company | null;
  declined: Company[];
  team: { invited: number; accepted: number };
  qualifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface InvitationState {
  id: string;
  status: "invited" | "accepted" | "declined" | "withdrawn";
  comment: string | null;
  answeredAt: string | null;
}
export interface Proposal {
  id: string;
  round: number;
  rank: number;
  status: "suggested" | "invited" | "confirmed" | "declined" | "superseded";
  leader: Company;
  members: (Company & {
    town: string | null;
    isLeader: boolean;
    steps: TradeRef[];
    invitation: InvitationState | null;
  })[];
  travelMinutes: number;
  optimal: boolean;
  fairness: boolean;
  createdAt: string;
}
export interface DocumentRef {
  id: string;
  title: string;
  fileName: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: string;
}
export interface OpportunityDetail extends Opportunity {
  documents: DocumentRef[];
  proposals: Proposal[];
  uncovered: TradeRef[];
}
export interface Invitation extends InvitationState {
  isLeader: boolean;
  steps: TradeRef[];
  company: Company;
  leader: Company;
  team: Company[];
  opportunity: {
    id: string;
    title: string;
    description: string | null;
    volumes: string | null;
    deadline: string | null;
    certifications: string[];
    siteTown: string | null;
    stage: Stage;
  };
  createdAt: string;
}
export interface Deal {
  id: string;
  company: Company;
  partner: Company;
  amountCents: number;
  doneOn: string;
  description: string | null;
  opportunityId: string | null;
  declaredBy: string;
  canDelete: boolean;
  createdAt: string;
}
export interface Figures {
  year: number;
  businessBetweenMembers: { count: number; amountCents: number; companies: number };
  opportunities: {
    created: number;
    bySource: { showcase: number; staff: number; referral: number };
    qualified: number;
    teamsFormed: number;
    bidsSent: number;
    won: number;
    wonAmountCents: number;
    lost: number;
  };
}
export interface Mine {
  company: Company | null;
  invitations: Invitation[];
  referralsSent: { id: string; title: string; stage: Stage; createdAt: string }[];
  referralsReceived: Opportunity[];
  deals: Deal[];
}
export interface NeedInput {
  title?: string;
  description?: string | null;
  buyerCompany?: string | null;
  buyerContact?: string | null;
  buyerEmail?: string | null;
  buyerPhone?: string | null;
  steps?: string[];
  certifications?: string[];
  volumes?: string | null;
  deadline?: string | null;
  siteCommuneInsee?: string | null;
  maxTravelMinutes?: number;
  amountCents?: number | null;
}

const detailKey = (slug: string, id: string) => ["opportunity", slug, id] as const;

export function useBoard(q: string) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["opportunities", cluster.slug, q],
    queryFn: () =>
      api
        .get<{ opportunities: Opportunity[] }>(`${cluster.apiPath("opportunities")}${queryString({ q: q.trim() })}`)
        .then((r) => r.opportunities),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string | undefined) {
  const cluster = useCluster();
  return useQuery({
    queryKey: detailKey(cluster.slug, id ?? ""),
    queryFn: () => api.get<OpportunityDetail>(cluster.apiPath(`opportunities/${id}`)),
    enabled: Boolean(id),
  });
}

export function useFigures(year: number, enabled = true) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["opportunity-figures", cluster.slug, year],
    queryFn: () => api.get<Figures>(`${cluster.apiPath("opportunities/figures")}${queryString({ year })}`),
    enabled,
  });
}

export function useShowcaseSetting(enabled: boolean) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["showcase-setting", cluster.slug],
    queryFn: () => api.get<{ showcaseEnabled: boolean }>(cluster.apiPath("opportunities/settings")),
    enabled,
  });
}

export function useMine() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["my-opportunities", cluster.slug],
    queryFn: () => api.get<Mine>(cluster.apiPath("my-opportunities")),
  });
}

export function useDeals(year: number) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["business-deals", cluster.slug, year],
    queryFn: () =>
      api.get<{ deals: Deal[] }>(`${cluster.apiPath("business-deals")}${queryString({ year })}`).then((r) => r.deals),
  });
}

export function useOpportunityMutations() {
  const cluster = useCluster();
  const client = useQueryClient();
  const refresh = (detail?: OpportunityDetail) => {
    if (detail) client.setQueryData(detailKey(cluster.slug, detail.id), detail);
    for (const key of ["opportunities", "opportunity", "opportunity-figures", "my-opportunities", "business-deals"])
      void client.invalidateQueries({ queryKey: [key, cluster.slug] });
  };
  const done = { onSuccess: (detail: OpportunityDetail) => refresh(detail) };
  const path = (id: string, sub = "") => cluster.apiPath(`opportunities/${id}${sub}`);
  return {
    refresh,
    create: useMutation({
      mutationFn: (input: NeedInput) => api.post<OpportunityDetail>(cluster.apiPath("opportunities"), input),
      ...done,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: NeedInput }) => api.patch<OpportunityDetail>(path(id), patch),
      ...done,
    }),
    move: useMutation({
      mutationFn: ({
        id,
        ...input
      }: {
        id: string;
        stage: Stage;
        amountCents?: number | null;
        date?: string | null;
        lossReason?: string | null;
      }) => api.post<OpportunityDetail>(path(id, "/stage"), input),
      ...done,
    }),
    propose: useMutation({
      mutationFn: ({ id, top, fairness }: { id: string; top: number; fairness: boolean }) =>
        api.post<OpportunityDetail>(path(id, "/proposals"), { top, fairness }),
      ...done,
    }),
    pick: useMutation({
      mutationFn: ({ id, proposalId }: { id: string; proposalId: string }) =>
        api.post<OpportunityDetail>(path(id, `/proposals/${proposalId}/pick`), {}),
      ...done,
    }),
    upload: useMutation({
      mutationFn: ({ id, file }: { id: string; file: File }) => {
        const form = new FormData();
        form.append("file", file);
        return api.post<DocumentRef>(path(id, "/documents"), form);
      },
      onSuccess: () => refresh(),
    }),
    removeDocument: useMutation({
      mutationFn: ({ id, documentId }: { id: string; documentId: string }) =>
        api.delete<void>(path(id, `/documents/${documentId}`)),
      onSuccess: () => refresh(),
    }),
    setShowcase: useMutation({
      mutationFn: (showcaseEnabled: boolean) =>
        api.put<{ showcaseEnabled: boolean }>(cluster.apiPath("opportunities/settings"), { showcaseEnabled }),
      onSuccess: () => void client.invalidateQueries({ queryKey: ["showcase-setting", cluster.slug] }),
    }),
    answer: useMutation({
      mutationFn: ({ invitationId, accept, comment }: { invitationId: string; accept: boolean; comment: string }) =>
        api.post<Invitation>(cluster.apiPath(`consortium-invitations/${invitationId}/answer`), {
          accept,
          comment: comment.trim() || null,
        }),
      onSuccess: () => refresh(),
    }),
    passLead: useMutation({
      mutationFn: (input: NeedInput & { toMemberId: string; fromMemberId?: string | null }) =>
        api.post<Opportunity>(cluster.apiPath("referrals"), input),
      onSuccess: () => refresh(),
    }),
    declareDeal: useMutation({
      mutationFn: (input: {
        partnerMemberId: string;
        amountCents: number;
        doneOn: string;
        description: string | null;
        memberId?: string | null;
      }) => api.post<Deal>(cluster.apiPath("business-deals"), input),
      onSuccess: () => refresh(),
    }),
    deleteDeal: useMutation({
      mutationFn: (dealId: string) => api.delete<void>(cluster.apiPath(`business-deals/${dealId}`)),
      onSuccess: () => refresh(),
    }),
  };
}

/** The document's download address (the browser sends the session cookie). */
export const documentUrl = (apiPath: string, documentId: string) => `/api${apiPath}/documents/${documentId}`;

/** Euros typed by a person ("12 500,50") → cents; null when empty, NaN when unreadable. */
export function eurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u202f€]/g, "").replace(",", ".");
  if (!cleaned) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : Number.NaN;
}
