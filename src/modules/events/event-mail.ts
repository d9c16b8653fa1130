import type { Db } from "../../db/client.js";

/**
 * The emails an event sends, queued in the outbox within the caller's
 * transaction (so a rolled-back registration sends nothing).
 * - confirmation: a seat is confirmed (carries the occurrence's .ics)
 * - waiting: placed on the waiting list
 * - promotion: promoted from the waiting list (carries the .ics)
 * - cancelled_by_organiser: the occurrence or the series was cancelled
 * - moved: the occurrence was moved (carries the updated .ics)
 * Reminders the day before are queued by the reminder job, not here.
 */
export type EventMailKind = "confirmation" | "waiting" | "promotion" | "cancelled_by_organiser" | "moved";

// TODO(issue 3, mail): render and queue; owned by the calendar & mail work.
export async function queueEventMail(
  _tx: Db,
  _clusterId: string,
  _kind: EventMailKind,
  _registrationIds: string[],
): Promise<void> {}
