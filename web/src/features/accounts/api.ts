import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Account, AccountInput, Member } from "../../api/types";
import { useCluster } from "../auth/cluster";
import { memberKey } from "../members/api";

export function useAccounts() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["accounts", cluster.slug],
    queryFn: () => api.get<{ users: Account[] }>(cluster.apiPath("users")).then((r) => r.users),
  });
}

export function useCreateAccount() {
  const cluster = useCluster();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput) => api.post<Account>(cluster.apiPath("users"), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["accounts", cluster.slug] }),
  });
}

/** Names of the member companies the accounts belong to (the list gives only their ids). */
export function useMemberNames(ids: string[]) {
  const cluster = useCluster();
  const results = useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: memberKey(cluster.slug, id),
      queryFn: () => api.get<Member>(cluster.apiPath(`members/${id}`)),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  for (const result of results) if (result.data) names.set(result.data.id, result.data.legalName);
  return names;
}
