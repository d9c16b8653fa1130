import { type Actor, can } from "../../platform/permissions/permissions.js";
import type { EventStatus } from "./events.schema.js";

/**
 * Record-level rules of events, behind the route permissions
 * (events.read, events.register, events.manage, events.checkin).
 */

/** Staff run events: they see drafts, register anyone, cancel any seat. */
export const managesEvents = (actor: Actor) => can(actor, "events.manage");

/** Members see published events (and those cancelled after publication); staff also drafts. */
export function seesEvent(actor: Actor, event: { status: EventStatus }): boolean {
  return managesEvents(actor) || event.status !== "draft";
}

/** A registration is one's own when it was made for one's account. */
export const ownsRegistration = (actor: Actor, registration: { userId: string | null }) =>
  actor.userId !== null && registration.userId === actor.userId;

/** A member cancels only their own seat; staff any. */
export const mayCancelRegistration = (actor: Actor, registration: { userId: string | null }) =>
  managesEvents(actor) || ownsRegistration(actor, registration);

/** Only the registrant rates what they attended (staff do not speak for them). */
export const mayGiveFeedback = ownsRegistration;

/** Registering someone else (a member's person, a guest) is staff work. */
export const mayRegisterOthers = managesEvents;

export interface OccurrenceState {
  startsAt: Date;
  endsAt: Date;
  status: "scheduled" | "cancelled";
  eventStatus: EventStatus;
}

/**
 * Whether a seat may still be taken: a published event, a scheduled
 * occurrence, before it starts (staff: until it ends, for people who turn up).
 */
export function registrationOpen(actor: Actor, occurrence: OccurrenceState, now = new Date()): string | null {
  if (occurrence.eventStatus === "draft") return "Cet événement n'est pas encore publié";
  if (occurrence.eventStatus === "cancelled" || occurrence.status === "cancelled") return "Cette date est annulée";
  const closesAt = managesEvents(actor) ? occurrence.endsAt : occurrence.startsAt;
  if (now >= closesAt) return "Les inscriptions sont closes : cette date a commencé";
  return null;
}
