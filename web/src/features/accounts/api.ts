import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Account, AccountInput } from "../../api/types";
import { useCluster } from "../auth/cluster";

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
