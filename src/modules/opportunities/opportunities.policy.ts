import { type Actor, can } from "../../platform/permissions/permissions.js";
import { forbidden } from "../../server/errors.js";

export const isOpportunityStaff = (actor: Actor) => can(actor, "opportunities.manage");

/** A company answers only its own invitations; staff do not answer for it (the answer is the company's word). */
export const mayAnswerInvitation = (actor: Actor, invitation: { memberId: string }) =>
  actor.memberId !== null && actor.memberId === invitation.memberId;

/** The declaring company withdraws its declaration; staff withdraw any. */
export const canWithdrawDeal = (actor: Actor, deal: { memberId: string }) =>
  isOpportunityStaff(actor) || (actor.memberId !== null && actor.memberId === deal.memberId);

/**
 * The company a person acts for: a member's person always for their own company; staff for the company
 * they name (`field` says which input names it).
 */
export function actingCompany(actor: Actor, named: string | null | undefined): string | null {
  if (isOpportunityStaff(actor)) return named ?? null;
  if (!actor.memberId) throw forbidden("Votre compte n'est rattaché à aucune entreprise adhérente");
  if (named && named !== actor.memberId) throw forbidden("Vous ne pouvez agir qu'au nom de votre entreprise");
  return actor.memberId;
}
