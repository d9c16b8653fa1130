import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";
import type { GroupDetail, Workstream } from "../groups/api";

/** JSON shapes of src/modules/needs/needs.contract.ts. */
export type NeedStatus = "open" | "merged" | "group_opened" | "closed";
export interface Company {
  id: string;
  name: string;
}
export interface Need {
  id: string;
  title: string;
  body: string | null;
  status: NeedStatus;
  author: { label: string; company: Company | null };
  supportCount: number;
  companyCount: number;
  supportedByMe: boolean;
  mine: boolean;
  canEdit: boolean;
  mergedIntoId: string | null;
  workingGroupId: string | null;
  createdAt: string;
}
export interface NeedDetail extends Need {
  supporters: { company: Company; label: string; comment: string | null; createdAt: string }[];
  mergedFrom: { id: string; title: string }[];
}
export interface SimilarNeed {
  id: string;
  title: string;
  status: NeedStatus;
  companyCount: number;
  score: number;
}
export interface Proposal {
  need: Need;
  companies: Company[];
  suggestedWorkstream: Workstream;
}
export interface NeedFilters {
  q: string;
  status: NeedStatus | "all";
  sort: "support" | "recent";
  mine: boolean;
}

const needKey = (slug: string, id: string) => ["need", slug, id] as const;

export function useNeeds(filters: NeedFilters) {
  const cluster = useCluster();
  const search = queryString({
    q: filters.q.trim(),
    status: filters.status,
    sort: filters.sort,
    mine: filters.mine ? "true" : null,
  });
  return useQuery({
    queryKey: ["needs", cluster.slug, search],
    queryFn: () => api.get<{ needs: Need[]; threshold: number }>(`${cluster.apiPath("needs")}${search}`),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string | undefined) {
  const cluster = useCluster();
  return useQuery({
    queryKey: needKey(cluster.slug, id ?? ""),
    queryFn: () => api.get<NeedDetail>(cluster.apiPath(`needs/${id}`)),
    enabled: Boolean(id),
  });
}

/** Needs like a text (debounce it first); nothing is asked for fewer than 8 characters. */
export function useSimilarNeeds(text: string, exclude?: string) {
  const cluster = useCluster();
  const trimmed = text.trim();
  return useQuery({
    queryKey: ["needs-similar", cluster.slug, trimmed, exclude],
    queryFn: () =>
      api
        .get<{ similar: SimilarNeed[] }>(
          `${cluster.apiPath("needs/similar")}${queryString({ text: trimmed, exclude })}`,
        )
        .then((r) => r.similar),
    enabled: trimmed.length >= 8,
    placeholderData: keepPreviousData,
  });
}

export function useProposals(enabled: boolean) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["needs-proposals", cluster.slug],
    queryFn: () => api.get<{ proposals: Proposal[]; threshold: number }>(cluster.apiPath("needs/proposals")),
    enabled,
  });
}

function useRefresh() {
  const client = useQueryClient();
  const cluster = useCluster();
  return (need?: NeedDetail) => {
    if (need) client.setQueryData(needKey(cluster.slug, need.id), need);
    for (const key of ["needs", "needs-proposals", "needs-similar", "need"])
      void client.invalidateQueries({ queryKey: [key, cluster.slug] });
  };
}

export function useNeedMutations() {
  const cluster = useCluster();
  const refresh = useRefresh();
  const client = useQueryClient();
  const done = { onSuccess: (need: NeedDetail) => refresh(need) };
  return {
    post: useMutation({
      mutationFn: (input: { title: string; body: string | null }) =>
        api.post<NeedDetail>(cluster.apiPath("needs"), input),
      ...done,
    }),
    support: useMutation({
      mutationFn: ({ id, comment }: { id: string; comment: string }) =>
        api.post<NeedDetail>(cluster.apiPath(`needs/${id}/support`), { comment: comment.trim() || null }),
      ...done,
    }),
    withdraw: useMutation({
      mutationFn: (id: string) => api.delete<NeedDetail>(cluster.apiPath(`needs/${id}/support`)),
      ...done,
    }),
    update: useMutation({
      mutationFn: ({
        id,
        patch,
      }: {
        id: string;
        patch: { title?: string; body?: string | null; status?: "open" | "closed" };
      }) => api.patch<NeedDetail>(cluster.apiPath(`needs/${id}`), patch),
      ...done,
    }),
    merge: useMutation({
      mutationFn: ({ id, intoId }: { id: string; intoId: string }) =>
        api.post<NeedDetail>(cluster.apiPath(`needs/${id}/merge`), { intoId }),
      ...done,
    }),
    dismiss: useMutation({
      mutationFn: (id: string) => api.post<NeedDetail>(cluster.apiPath(`needs/${id}/dismiss-proposal`), {}),
      ...done,
    }),
    openGroup: useMutation({
      mutationFn: ({
        id,
        input,
      }: {
        id: string;
        input: { name: string; theme: string; workstream: Workstream; description: string | null };
      }) => api.post<GroupDetail>(cluster.apiPath(`needs/${id}/open-group`), input),
      onSuccess: () => {
        refresh();
        void client.invalidateQueries({ queryKey: ["groups", cluster.slug] });
      },
    }),
    setThreshold: useMutation({
      mutationFn: (needThreshold: number) =>
        api.put<{ needThreshold: number }>(cluster.apiPath("needs/settings"), { needThreshold }),
      onSuccess: () => refresh(),
    }),
  };
}
