import { type Actor, can } from "../../platform/permissions/permissions.js";
import type { MemberInput } from "./members.contract.js";
import type { Visibility } from "./members.schema.js";

/** How much of a member a viewer sees: staff everything, a company its own record, members what was shared. */
export type Audience = "staff" | "self" | "members" | "public";

export function audienceFor(actor: Actor, memberId: string): Audience {
  if (can(actor, "members.write")) return "staff";
  if (actor.memberId === memberId) return "self";
  if (can(actor, "members.read")) return "members";
  return "public";
}

export function sees(audience: Audience, visibility: Visibility): boolean {
  if (audience === "staff" || audience === "self") return true;
  if (audience === "members") return visibility !== "staff";
  return visibility === "public";
}

export function canEditMember(actor: Actor, memberId: string): boolean {
  return can(actor, "members.write") || (can(actor, "members.write-own") && actor.memberId === memberId);
}

/** Fields only staff set: the membership itself is the cluster's record, not the company's. */
export const staffOnlyFields = [
  "status",
  "joinedOn",
  "leftOn",
  "leaveReason",
  "sponsorId",
  "kind",
] as const satisfies readonly (keyof MemberInput)[];
