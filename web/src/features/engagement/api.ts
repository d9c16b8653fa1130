import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";

/** JSON shapes of src/modules/engagement/engagement.contract.ts. */
export const components = ["events", "groups", "needs", "meetings"] as const;
export type Component = (typeof components)[number];
export type EngagementSort = "score" | Component | "name" | "lastParticipation";

export interface ScoredComponent {
  count: number;
  points: number;
  max: number;
}
export type Weights = Record<Component, { perUnit: number; max: number }>;
export interface MemberEngagement {
  member: { id: string; name: string };
  town: string | null;
  joinedOn: string | null;
  score: number;
  components: Record<Component, ScoredComponent>;
  lastParticipationAt: string | null;
  churnRisk: boolean;
}
interface Window {
  from: string;
  to: string;
}
export interface EngagementTable {
  window: Window;
  weights: Weights;
  churnMonths: number;
  members: MemberEngagement[];
}
export interface ChurnRisk {
  churnMonths: number;
  since: string;
  members: (MemberEngagement & { silentSince: string | null })[];
}
export interface MembershipYear {
  year: number;
  atStart: number;
  joins: number;
  leaves: number;
  atEnd: number;
  retained: number;
  retention: number | null;
  partial: boolean;
}

export function useEngagement(sort: EngagementSort, order: "asc" | "desc") {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["engagement", cluster.slug, "table", sort, order],
    queryFn: () => api.get<EngagementTable>(`${cluster.apiPath("engagement")}${queryString({ sort, order })}`),
  });
}

export function useMemberEngagement(memberId: string) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["engagement", cluster.slug, "member", memberId],
    queryFn: () =>
      api.get<{ window: Window; weights: Weights; churnMonths: number; member: MemberEngagement }>(
        cluster.apiPath(`engagement/members/${memberId}`),
      ),
    retry: false,
  });
}

export function useChurnRisk() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["engagement", cluster.slug, "churn"],
    queryFn: () => api.get<ChurnRisk>(cluster.apiPath("engagement/churn-risk")),
  });
}

export function useMembershipYears() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["engagement", cluster.slug, "years"],
    queryFn: () => api.get<{ years: MembershipYear[]; undated: number }>(cluster.apiPath("engagement/years")),
  });
}

export function useSetChurnMonths() {
  const cluster = useCluster();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (churnMonths: number) =>
      api.put<{ churnMonths: number }>(cluster.apiPath("engagement/settings"), { churnMonths }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["engagement", cluster.slug] });
      void client.invalidateQueries({ queryKey: ["to-call", cluster.slug] });
    },
  });
}
