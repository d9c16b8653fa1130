import { type Actor, can } from "../../platform/permissions/permissions.js";

type NeedAuthor = { memberId: string | null; authorUserId: string | null };

export const isNeedsStaff = (actor: Actor) => can(actor, "needs.manage");

/** Whether the need comes from the actor: their company posted it, or they did. */
export const isOwnNeed = (actor: Actor, need: NeedAuthor) =>
  (need.memberId !== null && need.memberId === actor.memberId) ||
  (need.authorUserId !== null && need.authorUserId === actor.userId);

/** Staff reword any need; a company rewords its own. */
export const canEditNeed = (actor: Actor, need: NeedAuthor) => isNeedsStaff(actor) || isOwnNeed(actor, need);
