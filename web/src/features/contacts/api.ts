import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";

/** JSON shapes of src/modules/contacts/contacts.contract.ts. */
export type ContactKind = "call" | "visit" | "email" | "meeting";
export const contactKinds: ContactKind[] = ["call", "visit", "email", "meeting"];

export interface Ref {
  id: string;
  name: string;
}
export interface FollowUp {
  id: string;
  member: Ref;
  contactId: string | null;
  title: string;
  kind: ContactKind;
  dueOn: string;
  assignee: Ref | null;
  doneAt: string | null;
  overdue: boolean;
  createdAt: string;
}
export interface Contact {
  id: string;
  memberId: string;
  kind: ContactKind;
  happenedAt: string;
  summary: string;
  person: Ref | null;
  staff: { userId: string | null; name: string };
  followUps: FollowUp[];
  createdAt: string;
}
export interface ContactLog {
  contacts: Contact[];
  followUps: FollowUp[];
  lastContactAt: string | null;
}
export interface FollowUpInput {
  title: string;
  kind: ContactKind;
  dueOn: string;
  assigneeUserId?: string | null;
}
export interface ContactInput {
  kind: ContactKind;
  happenedAt: string;
  personId?: string | null;
  summary: string;
  followUp?: FollowUpInput | null;
}
export interface ToCall {
  today: string;
  soonDays: number;
  churnMonths: number;
  overdue: FollowUp[];
  dueSoon: FollowUp[];
  churnRisk: {
    member: Ref;
    town: string | null;
    joinedOn: string | null;
    lastParticipationAt: string | null;
    lastContactAt: string | null;
    mainContact: { name: string; phone: string | null; email: string | null } | null;
  }[];
}

export function useContactLog(memberId: string) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["contacts", cluster.slug, memberId],
    queryFn: () => api.get<ContactLog>(cluster.apiPath(`members/${memberId}/contacts`)),
  });
}

export function useToCall(params: { soonDays: number; assignee: "me" | "all" }) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["to-call", cluster.slug, params],
    queryFn: () => api.get<ToCall>(`${cluster.apiPath("to-call")}${queryString(params)}`),
  });
}

export function useAssignees() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["assignees", cluster.slug],
    queryFn: () =>
      api
        .get<{ users: { userId: string; name: string }[] }>(cluster.apiPath("contacts/assignees"))
        .then((r) => r.users),
    staleTime: 5 * 60_000,
  });
}

/** After any change: the member's log, the to-call list and engagement (meetings count in the score). */
function useRefresh() {
  const client = useQueryClient();
  const cluster = useCluster();
  return () => {
    void client.invalidateQueries({ queryKey: ["contacts", cluster.slug] });
    void client.invalidateQueries({ queryKey: ["to-call", cluster.slug] });
    void client.invalidateQueries({ queryKey: ["engagement", cluster.slug] });
  };
}

export function useContactMutations() {
  const cluster = useCluster();
  const refresh = useRefresh();
  const done = { onSuccess: refresh };
  return {
    create: useMutation({
      mutationFn: ({ memberId, input }: { memberId: string; input: ContactInput }) =>
        api.post<Contact>(cluster.apiPath(`members/${memberId}/contacts`), input),
      ...done,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<Omit<ContactInput, "followUp">> }) =>
        api.patch<Contact>(cluster.apiPath(`contacts/${id}`), patch),
      ...done,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(cluster.apiPath(`contacts/${id}`)), ...done }),
  };
}

export function useFollowUpMutations() {
  const cluster = useCluster();
  const refresh = useRefresh();
  const done = { onSuccess: refresh };
  return {
    create: useMutation({
      mutationFn: ({ memberId, input }: { memberId: string; input: FollowUpInput }) =>
        api.post<FollowUp>(cluster.apiPath(`members/${memberId}/follow-ups`), input),
      ...done,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<FollowUpInput> & { done?: boolean } }) =>
        api.patch<FollowUp>(cluster.apiPath(`follow-ups/${id}`), patch),
      ...done,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(cluster.apiPath(`follow-ups/${id}`)), ...done }),
  };
}
