import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { users } from "../../platform/auth/auth.schema.js";
import { expandRule } from "./calendar.js";
import { eventOccurrences, events, registrations } from "./events.schema.js";
import { parisToInstant } from "./recurrence.js";

/**
 * Test fixtures written straight to the tables (inside the tenant), so the
 * calendar and mail tests do not depend on the events service's rules.
 */

export const paris = (year: number, month: number, day: number, hour = 8, minute = 0) =>
  parisToInstant({ year, month, day, hour, minute, second: 0 });

export interface EventFixture {
  title?: string;
  rrule?: string | null;
  startsAt: Date;
  /** Last start to generate occurrences for (recurring events). */
  until?: Date;
  durationMinutes?: number;
  audience?: "members" | "partners" | "public";
  status?: "draft" | "published" | "cancelled";
  addressLine?: string | null;
  postcode?: string | null;
  town?: string | null;
  onlineUrl?: string | null;
  agenda?: string | null;
  description?: string | null;
  capacity?: number | null;
}

export async function insertEvent(db: Db, clusterId: string, input: EventFixture) {
  const duration = input.durationMinutes ?? 90;
  const starts = input.rrule
    ? expandRule(input.rrule, input.startsAt, input.until ?? input.startsAt)
    : [input.startsAt];
  return withTenant(db, clusterId, async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        clusterId,
        kind: "breakfast",
        title: input.title ?? "Petit-déjeuner des dirigeants",
        description: input.description ?? null,
        agenda: input.agenda ?? null,
        timing: [],
        startsAt: starts[0],
        durationMinutes: duration,
        rrule: input.rrule ?? null,
        addressLine: input.addressLine === undefined ? "12 rue de l'Industrie" : input.addressLine,
        postcode: input.postcode === undefined ? "42000" : input.postcode,
        town: input.town === undefined ? "Saint-Étienne" : input.town,
        onlineUrl: input.onlineUrl ?? null,
        audience: input.audience ?? "public",
        status: input.status ?? "published",
        capacity: input.capacity ?? null,
      })
      .returning();
    const occurrences = await tx
      .insert(eventOccurrences)
      .values(
        starts.map((start) => ({
          clusterId,
          eventId: event.id,
          originalStart: start,
          startsAt: start,
          endsAt: new Date(start.getTime() + duration * 60_000),
        })),
      )
      .returning();
    occurrences.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return { event, occurrences };
  });
}

export async function updateOccurrence(
  db: Db,
  clusterId: string,
  id: string,
  patch: Partial<typeof eventOccurrences.$inferInsert>,
) {
  return withTenant(db, clusterId, (tx) =>
    tx
      .update(eventOccurrences)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(eventOccurrences.id, id)),
  );
}

export async function insertRegistration(
  db: Db,
  clusterId: string,
  occurrence: { id: string; eventId: string },
  input: {
    name: string;
    email: string;
    userId?: string | null;
    status?: "confirmed" | "waiting" | "cancelled";
    isGuest?: boolean;
  },
) {
  return withTenant(db, clusterId, async (tx) => {
    const [row] = await tx
      .insert(registrations)
      .values({
        clusterId,
        occurrenceId: occurrence.id,
        eventId: occurrence.eventId,
        name: input.name,
        email: input.email.toLowerCase(),
        userId: input.userId ?? null,
        isGuest: input.isGuest ?? false,
        status: input.status ?? "confirmed",
        token: randomBytes(24).toString("base64url"),
      })
      .returning();
    return row;
  });
}

export async function userByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}
