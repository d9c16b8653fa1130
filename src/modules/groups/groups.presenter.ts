import type { BoardMember } from "./groups.reads.js";
import type { GroupMembershipStatus, groupActions, workingGroupMembers, workingGroups } from "./groups.schema.js";

type GroupRow = typeof workingGroups.$inferSelect;
type MembershipRow = typeof workingGroupMembers.$inferSelect;
type ActionRow = typeof groupActions.$inferSelect;

const leaderJson = (leader: BoardMember | undefined) =>
  leader
    ? { personId: leader.personId, name: leader.name, memberId: leader.memberId, memberName: leader.memberName }
    : null;

/** The only place a working group becomes JSON. */
export function presentGroupSummary(
  row: GroupRow,
  options: {
    leader?: BoardMember;
    memberships: MembershipRow[];
    openActions: number;
    viewerMemberId: string | null;
  },
) {
  const mine = options.memberships.find((m) => m.memberId === options.viewerMemberId);
  return {
    id: row.id,
    name: row.name,
    theme: row.theme,
    workstream: row.workstream,
    description: row.description,
    status: row.status,
    leader: leaderJson(options.leader),
    memberCount: options.memberships.filter((m) => m.status === "active").length,
    invitedCount: options.memberships.filter((m) => m.status === "invited").length,
    openActions: options.openActions,
    myStatus: (mine?.status ?? null) as GroupMembershipStatus | null,
    originNeedId: row.originNeedId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMembership(row: MembershipRow, names: Map<string, string>) {
  return {
    memberId: row.memberId,
    name: names.get(row.memberId) ?? "—",
    status: row.status,
    invitedAt: row.invitedAt?.toISOString() ?? null,
    joinedAt: row.joinedAt?.toISOString() ?? null,
  };
}

export function presentAction(row: ActionRow, names: Map<string, string>) {
  return {
    id: row.id,
    title: row.title,
    ownerMemberId: row.ownerMemberId,
    ownerName: row.ownerMemberId ? (names.get(row.ownerMemberId) ?? null) : null,
    dueOn: row.dueOn,
    status: row.status,
    position: row.position,
  };
}
