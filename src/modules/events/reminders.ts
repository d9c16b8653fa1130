import { and, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { queueReminderMail } from "./event-mail.js";
import { eventOccurrences, events, registrations } from "./events.schema.js";
import { parisMidnight, parisWallClock } from "./recurrence.js";

/** Reminders go out from this hour (Paris) the day before, not in the middle of the night. */
export const REMINDER_HOUR = 8;

export interface ReminderRun {
  occurrences: number;
  messages: number;
}

/**
 * The day-before reminder job: for every scheduled occurrence of a published
 * event starting tomorrow (Europe/Paris) and not reminded yet, queues one
 * reminder per confirmed registration and marks the occurrence reminded.
 * Safe to run often and from several processes: the occurrence's reminded_at
 * and each message's dedupe key (registration + start) keep it to one email.
 */
export async function queueDayBeforeReminders(
  db: Db,
  now = new Date(),
  options: { fromHour?: number } = {},
): Promise<ReminderRun> {
  const run: ReminderRun = { occurrences: 0, messages: 0 };
  if (parisWallClock(now).hour < (options.fromHour ?? REMINDER_HOUR)) return run;
  const from = parisMidnight(now, 1);
  const to = parisMidnight(now, 2);
  const due = and(
    eq(eventOccurrences.status, "scheduled"),
    gte(eventOccurrences.startsAt, from),
    lt(eventOccurrences.startsAt, to),
    isNull(eventOccurrences.remindedAt),
  );
  // Which clusters have something to do (platform-wide look, as the owner), then each in its tenant.
  const clusterIds = await db.selectDistinct({ id: eventOccurrences.clusterId }).from(eventOccurrences).where(due);
  for (const { id: clusterId } of clusterIds) {
    await withTenant(db, clusterId, async (tx) => {
      const occurrences = await tx
        .select({ id: eventOccurrences.id })
        .from(eventOccurrences)
        .innerJoin(events, eq(events.id, eventOccurrences.eventId))
        .where(and(eq(eventOccurrences.clusterId, clusterId), eq(events.status, "published"), due));
      if (!occurrences.length) return;
      const ids = occurrences.map((o) => o.id);
      const confirmed = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(
          and(
            eq(registrations.clusterId, clusterId),
            inArray(registrations.occurrenceId, ids),
            eq(registrations.status, "confirmed"),
          ),
        );
      run.messages += await queueReminderMail(
        tx,
        clusterId,
        confirmed.map((r) => r.id),
        now,
      );
      const marked = await tx
        .update(eventOccurrences)
        .set({ remindedAt: now })
        .where(and(inArray(eventOccurrences.id, ids), isNull(eventOccurrences.remindedAt)))
        .returning({ id: eventOccurrences.id });
      run.occurrences += marked.length;
    });
  }
  return run;
}
