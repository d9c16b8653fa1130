import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";

/** JSON shapes of src/modules/groups/groups.contract.ts. */
export const WORKSTREAMS = [
  "innovation",
  "internal_performance",
  "business_development",
  "network_animation",
  "production_france",
  "communication",
  "governance",
  "training",
  "other",
] as const;
export type Workstream = (typeof WORKSTREAMS)[number];
export type GroupStatus = "active" | "closed";
export type MembershipStatus = "invited" | "active" | "declined" | "left";
export const ACTION_STATUSES = ["todo", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type DeliverableKind = "deliverable" | "template" | "other";

export interface Leader {
  personId: string;
  name: string;
  memberId: string;
  memberName: string;
}
export interface GroupSummary {
  id: string;
  name: string;
  theme: string;
  workstream: Workstream;
  description: string | null;
  status: GroupStatus;
  leader: Leader | null;
  memberCount: number;
  invitedCount: number;
  openActions: number;
  myStatus: MembershipStatus | null;
  originNeedId: string | null;
  createdAt: string;
}
export interface GroupAction {
  id: string;
  title: string;
  ownerMemberId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: ActionStatus;
  position: number;
}
export interface GroupDocument {
  id: string;
  title: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: string;
}
export interface GroupDetail extends GroupSummary {
  members: {
    memberId: string;
    name: string;
    status: MembershipStatus;
    invitedAt: string | null;
    joinedAt: string | null;
  }[];
  actions: GroupAction[];
  meetings: {
    eventId: string;
    occurrenceId: string;
    title: string;
    startsAt: string;
    endsAt: string;
    status: string;
  }[];
  documents: GroupDocument[];
  canManage: boolean;
  canEditPlan: boolean;
}
export interface GroupInput {
  name: string;
  theme: string;
  workstream: Workstream;
  description?: string | null;
  leaderPersonId?: string | null;
  memberIds?: string[];
}
export type GroupPatch = Partial<Omit<GroupInput, "memberIds">> & { status?: GroupStatus };
export interface ActionInput {
  title?: string;
  ownerMemberId?: string | null;
  dueOn?: string | null;
  status?: ActionStatus;
}

export const groupKey = (slug: string, id: string) => ["group", slug, id] as const;

export function useGroups(filters: { status?: GroupStatus | null; workstream?: Workstream | null }) {
  const cluster = useCluster();
  const search = queryString({ status: filters.status, workstream: filters.workstream });
  return useQuery({
    queryKey: ["groups", cluster.slug, search],
    queryFn: () => api.get<{ groups: GroupSummary[] }>(`${cluster.apiPath("groups")}${search}`).then((r) => r.groups),
  });
}

export function useGroup(id: string | undefined) {
  const cluster = useCluster();
  return useQuery({
    queryKey: groupKey(cluster.slug, id ?? ""),
    queryFn: () => api.get<GroupDetail>(cluster.apiPath(`groups/${id}`)),
    enabled: Boolean(id),
  });
}

export function useLeaders(enabled: boolean) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["group-leaders", cluster.slug],
    queryFn: () => api.get<{ leaders: Leader[] }>(cluster.apiPath("groups/leaders")).then((r) => r.leaders),
    enabled,
  });
}

/** Every change answers the group (or a part of it): the page and the list refresh. */
function useRefresh(id?: string) {
  const client = useQueryClient();
  const cluster = useCluster();
  return (group?: GroupDetail) => {
    if (group) client.setQueryData(groupKey(cluster.slug, group.id), group);
    else if (id) void client.invalidateQueries({ queryKey: groupKey(cluster.slug, id) });
    void client.invalidateQueries({ queryKey: ["groups", cluster.slug] });
  };
}

export function useCreateGroup() {
  const cluster = useCluster();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: GroupInput) => api.post<GroupDetail>(cluster.apiPath("groups"), input),
    onSuccess: (group) => refresh(group),
  });
}

export function useGroupMutations(id: string) {
  const cluster = useCluster();
  const refresh = useRefresh(id);
  const path = (sub = "") => cluster.apiPath(`groups/${id}${sub}`);
  return {
    update: useMutation({
      mutationFn: (patch: GroupPatch) => api.patch<GroupDetail>(path(), patch),
      onSuccess: (group) => refresh(group),
    }),
    invite: useMutation({
      mutationFn: (memberId: string) => api.post<GroupDetail>(path("/members"), { memberId, status: "invited" }),
      onSuccess: (group) => refresh(group),
    }),
    setMembership: useMutation({
      mutationFn: ({ memberId, status }: { memberId: string; status: MembershipStatus }) =>
        api.patch<GroupDetail>(path(`/members/${memberId}`), { status }),
      onSuccess: (group) => refresh(group),
    }),
    removeMember: useMutation({
      mutationFn: (memberId: string) => api.delete(path(`/members/${memberId}`)),
      onSuccess: () => refresh(),
    }),
    addAction: useMutation({
      mutationFn: (input: ActionInput) => api.post<GroupAction>(path("/actions"), input),
      onSuccess: () => refresh(),
    }),
    updateAction: useMutation({
      mutationFn: ({ actionId, patch }: { actionId: string; patch: ActionInput }) =>
        api.patch<GroupAction>(path(`/actions/${actionId}`), patch),
      onSuccess: () => refresh(),
    }),
    deleteAction: useMutation({
      mutationFn: (actionId: string) => api.delete(path(`/actions/${actionId}`)),
      onSuccess: () => refresh(),
    }),
    reorder: useMutation({
      mutationFn: (ids: string[]) => api.put<{ actions: GroupAction[] }>(path("/actions/order"), { ids }),
      onSuccess: () => refresh(),
    }),
    upload: useMutation({
      mutationFn: ({ file, title, kind }: { file: File; title: string; kind: DeliverableKind }) => {
        const form = new FormData();
        form.append("file", file);
        if (title.trim()) form.append("title", title.trim());
        form.append("kind", kind);
        return api.post<GroupDocument>(path("/documents"), form);
      },
      onSuccess: () => refresh(),
    }),
    deleteDocument: useMutation({
      mutationFn: (documentId: string) => api.delete(path(`/documents/${documentId}`)),
      onSuccess: () => refresh(),
    }),
  };
}
