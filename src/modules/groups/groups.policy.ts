import { type Actor, can } from "../../platform/permissions/permissions.js";
import type { GroupMembershipStatus } from "./groups.schema.js";

/** Staff open, change and close working groups. */
export const canManageGroups = (actor: Actor) => can(actor, "groups.manage");

/** The action plan and the deliverables: staff, or the group's leader (a board member signed in as themself). */
export function canEditPlan(actor: Actor, leaderPersonId: string | null, actorPersonIds: string[]): boolean {
  return canManageGroups(actor) || (leaderPersonId !== null && actorPersonIds.includes(leaderPersonId));
}

/** What a company may do with its own place in a group: accept or decline an invitation, leave, come back. */
const ownMoves: Record<GroupMembershipStatus, GroupMembershipStatus[]> = {
  invited: ["active", "declined"],
  active: ["left"],
  declined: ["active"],
  left: ["active"],
};

export function canMoveOwnMembership(
  actor: Actor,
  memberId: string,
  from: GroupMembershipStatus,
  to: GroupMembershipStatus,
): boolean {
  if (canManageGroups(actor)) return true;
  return actor.memberId === memberId && ownMoves[from].includes(to);
}
