import { type Actor, can } from "../../platform/permissions/permissions.js";

/**
 * Record-level rules of business-meeting days, behind the route permissions
 * (meetings.take-part for members and staff, meetings.manage for staff).
 */

export const managesMeetings = (actor: Actor) => can(actor, "meetings.manage");

/** A participant is one's own when it is one's company's, or was created for one's account. */
export const ownsParticipant = (actor: Actor, p: { memberId: string | null; userId: string | null }) =>
  (p.memberId !== null && p.memberId === actor.memberId) || (p.userId !== null && p.userId === actor.userId);

/** Staff see and change every participant; a member only their own. */
export const mayManageParticipant = (actor: Actor, p: { memberId: string | null; userId: string | null }) =>
  managesMeetings(actor) || ownsParticipant(actor, p);
