import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { HistoryEntry, Member, MemberInput, MemberPatch, Person, PersonInput } from "../../api/types";
import { useCluster } from "../auth/cluster";

export const memberKey = (slug: string, id: string) => ["member", slug, id] as const;

export function useMember(id: string | undefined) {
  const cluster = useCluster();
  return useQuery({
    queryKey: memberKey(cluster.slug, id ?? ""),
    queryFn: () => api.get<Member>(cluster.apiPath(`members/${id}`)),
    enabled: Boolean(id),
  });
}

export function useMemberHistory(id: string, enabled: boolean) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["member-history", cluster.slug, id],
    queryFn: () =>
      api.get<{ entries: HistoryEntry[] }>(cluster.apiPath(`members/${id}/history`)).then((r) => r.entries),
    enabled,
  });
}

/** After any change to a member: its page, its history and every directory view. */
function useRefresh() {
  const client = useQueryClient();
  const cluster = useCluster();
  return (id?: string) => {
    void client.invalidateQueries({ queryKey: ["directory"] });
    void client.invalidateQueries({ queryKey: ["directory-map"] });
    void client.invalidateQueries({ queryKey: ["dashboard"] });
    if (id) {
      void client.invalidateQueries({ queryKey: memberKey(cluster.slug, id) });
      void client.invalidateQueries({ queryKey: ["member-history", cluster.slug, id] });
    }
  };
}

export function useCreateMember() {
  const cluster = useCluster();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: MemberInput) => api.post<Member>(cluster.apiPath("members"), input),
    onSuccess: (member) => refresh(member.id),
  });
}

export function useUpdateMember(id: string) {
  const cluster = useCluster();
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (patch: MemberPatch) => api.patch<Member>(cluster.apiPath(`members/${id}`), patch),
    onSuccess: (member) => {
      client.setQueryData(memberKey(cluster.slug, id), member);
      refresh(id);
    },
  });
}

export function useDeleteMember(id: string) {
  const cluster = useCluster();
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.delete(cluster.apiPath(`members/${id}`)),
    onSuccess: () => {
      client.removeQueries({ queryKey: memberKey(cluster.slug, id) });
      refresh();
    },
  });
}

export function usePersonMutations(memberId: string) {
  const cluster = useCluster();
  const refresh = useRefresh();
  const done = { onSuccess: () => refresh(memberId) };
  return {
    add: useMutation({
      mutationFn: (input: PersonInput) => api.post<Person>(cluster.apiPath(`members/${memberId}/people`), input),
      ...done,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<PersonInput> }) =>
        api.patch<Person>(cluster.apiPath(`people/${id}`), patch),
      ...done,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(cluster.apiPath(`people/${id}`)), ...done }),
    erase: useMutation({
      mutationFn: (id: string) => api.post<Person>(cluster.apiPath(`people/${id}/erase`), {}),
      ...done,
    }),
  };
}

export function useDuesMutations(memberId: string) {
  const cluster = useCluster();
  const refresh = useRefresh();
  const done = { onSuccess: () => refresh(memberId) };
  return {
    save: useMutation({
      mutationFn: ({ year, amountCents, paidOn }: { year: number; amountCents: number; paidOn: string | null }) =>
        api.put(cluster.apiPath(`members/${memberId}/dues/${year}`), { amountCents, paidOn }),
      ...done,
    }),
    remove: useMutation({
      mutationFn: (year: number) => api.delete(cluster.apiPath(`members/${memberId}/dues/${year}`)),
      ...done,
    }),
  };
}
