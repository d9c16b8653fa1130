import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import type { Actor } from "../../platform/permissions/permissions.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, forbidden, invalid, notFound } from "../../server/errors.js";
import { people } from "../members/members.schema.js";
import { membersByIds } from "../members/members.service.js";
import { queueEventMail } from "./event-mail.js";
import type { FeedbackInput, PublicRegistrationInput, RegistrationInput } from "./events.contract.js";
import {
  managesEvents,
  mayCancelRegistration,
  mayGiveFeedback,
  mayRegisterOthers,
  registrationOpen,
  seesEvent,
} from "./events.policy.js";
import {
  type EventRow,
  type OccurrenceRow,
  presentPublicRegistration,
  presentRegistration,
  type RegistrationRow,
} from "./events.presenter.js";
import { eventOccurrences, events, registrations } from "./events.schema.js";
import { parisMidnight } from "./recurrence.js";

/**
 * Seats, the waiting list, check-in and feedback.
 *
 * No overbooking: every transaction that may change who holds a seat at an
 * occurrence (register, cancel, promote after a capacity change) first locks
 * that occurrence's row (SELECT … FOR UPDATE), then counts the confirmed seats
 * and writes. Registrations of one occurrence are therefore serialised while
 * other occurrences proceed in parallel; under READ COMMITTED each statement
 * after the lock sees every seat committed before it. The partial unique index
 * (occurrence, email) where status <> 'cancelled' backs the duplicate check.
 * Transactions that lock several occurrences lock them in id order.
 */

export const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

// ---------------------------------------------------------------- loading

export async function loadEvent(tx: Db, clusterId: string, eventId: string): Promise<EventRow> {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.clusterId, clusterId), eq(events.id, eventId)));
  if (!row) throw notFound("Event");
  return row;
}

export async function loadOccurrence(tx: Db, clusterId: string, occurrenceId: string): Promise<OccurrenceRow> {
  const [row] = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.clusterId, clusterId), eq(eventOccurrences.id, occurrenceId)));
  if (!row) throw notFound("Occurrence");
  return row;
}

/** Locks the occurrence row for the rest of the transaction: the one door every seat change goes through. */
export async function lockOccurrence(tx: Db, clusterId: string, occurrenceId: string): Promise<OccurrenceRow> {
  const [row] = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.clusterId, clusterId), eq(eventOccurrences.id, occurrenceId)))
    .for("update");
  if (!row) throw notFound("Occurrence");
  return row;
}

/** An occurrence and its event, as the viewer may see them (404 for a draft seen by a member). */
async function visibleOccurrence(tx: Db, ctx: ClusterContext, occurrenceId: string, lock: boolean) {
  const occurrence = await (lock ? lockOccurrence : loadOccurrence)(tx, ctx.clusterId, occurrenceId);
  const event = await loadEvent(tx, ctx.clusterId, occurrence.eventId);
  if (!seesEvent(ctx.actor, event)) throw notFound("Occurrence");
  return { occurrence, event };
}

async function loadRegistration(tx: Db, clusterId: string, registrationId: string): Promise<RegistrationRow> {
  const [row] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.clusterId, clusterId), eq(registrations.id, registrationId)));
  if (!row) throw notFound("Registration");
  return row;
}

async function registrationByToken(tx: Db, clusterId: string, token: string): Promise<RegistrationRow> {
  const [row] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.clusterId, clusterId), eq(registrations.token, token)));
  if (!row) throw notFound("Registration");
  return row;
}

/** 1-based rank of a waiting registration in its occurrence's list (arrival order). */
async function waitingPosition(tx: Db, row: RegistrationRow): Promise<number | null> {
  if (row.status !== "waiting") return null;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.occurrenceId, row.occurrenceId),
        eq(registrations.status, "waiting"),
        sql`${registrations.seq} <= ${row.seq}`,
      ),
    );
  return n;
}

async function memberNames(tx: Db, clusterId: string, rows: { memberId: string | null }[]) {
  const ids = [...new Set(rows.map((r) => r.memberId).filter((id): id is string => Boolean(id)))];
  const found = await membersByIds(tx, clusterId, ids);
  return new Map(found.map((m) => [m.id, m.legalName]));
}

export async function presentOne(tx: Db, clusterId: string, row: RegistrationRow) {
  const names = await memberNames(tx, clusterId, [row]);
  return presentRegistration(
    row,
    row.memberId ? (names.get(row.memberId) ?? null) : null,
    await waitingPosition(tx, row),
  );
}

// ---------------------------------------------------------------- seats

async function confirmedByCompany(tx: Db, occurrenceId: string) {
  const rows = await tx
    .select({ memberId: registrations.memberId, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrenceId), eq(registrations.status, "confirmed")))
    .groupBy(registrations.memberId);
  const byCompany = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.memberId) byCompany.set(r.memberId, r.n);
  }
  return { total, byCompany };
}

const hasSeat = (
  event: Pick<EventRow, "capacity" | "seatsPerCompany">,
  seats: { total: number; byCompany: Map<string, number> },
  memberId: string | null,
) =>
  (event.capacity === null || seats.total < event.capacity) &&
  (event.seatsPerCompany === null || memberId === null || (seats.byCompany.get(memberId) ?? 0) < event.seatsPerCompany);

/**
 * Gives free seats to the waiting list in arrival order, skipping people whose
 * company already holds its `seatsPerCompany`. The caller holds the
 * occurrence's lock. Returns the promoted registrations (emailed).
 */
export async function promoteWaiting(
  tx: Db,
  clusterId: string,
  occurrence: OccurrenceRow,
  event: EventRow,
  now = new Date(),
): Promise<RegistrationRow[]> {
  if (occurrence.status !== "scheduled" || event.status !== "published" || now >= occurrence.endsAt) return [];
  const seats = await confirmedByCompany(tx, occurrence.id);
  if (event.capacity !== null && seats.total >= event.capacity) return [];
  const waiting = await tx
    .select({ id: registrations.id, memberId: registrations.memberId })
    .from(registrations)
    .where(and(eq(registrations.occurrenceId, occurrence.id), eq(registrations.status, "waiting")))
    .orderBy(asc(registrations.seq));
  const chosen: string[] = [];
  for (const candidate of waiting) {
    if (event.capacity !== null && seats.total >= event.capacity) break;
    if (!hasSeat(event, seats, candidate.memberId)) continue;
    chosen.push(candidate.id);
    seats.total++;
    if (candidate.memberId) seats.byCompany.set(candidate.memberId, (seats.byCompany.get(candidate.memberId) ?? 0) + 1);
  }
  if (!chosen.length) return [];
  const promoted = await tx
    .update(registrations)
    .set({ status: "confirmed", promotedAt: now })
    .where(and(inArray(registrations.id, chosen), eq(registrations.status, "waiting")))
    .returning();
  await queueEventMail(tx, clusterId, "promotion", chosen);
  return promoted.sort((a, b) => a.seq - b.seq);
}

/** Locks the given occurrences (id order) and promotes on each: after a capacity or per-company limit was raised. */
export async function promoteOnOccurrences(tx: Db, clusterId: string, event: EventRow, occurrenceIds: string[]) {
  const promoted: RegistrationRow[] = [];
  for (const id of [...occurrenceIds].sort()) {
    const occurrence = await lockOccurrence(tx, clusterId, id);
    promoted.push(...(await promoteWaiting(tx, clusterId, occurrence, event)));
  }
  return promoted;
}

// ---------------------------------------------------------------- registering

interface Registrant {
  name: string;
  email: string;
  company: string | null;
  memberId: string | null;
  personId: string | null;
  userId: string | null;
  isGuest: boolean;
}

export interface SignedInPerson {
  name: string;
  email: string;
}

const personName = (p: { firstName: string | null; lastName: string | null }) =>
  [p.firstName, p.lastName].filter(Boolean).join(" ").trim();

/** Who a registration is for: the caller, a member's person (staff) or a guest (staff). */
async function resolveRegistrant(
  tx: Db,
  ctx: ClusterContext,
  input: RegistrationInput,
  me: SignedInPerson | null,
): Promise<Registrant> {
  if (input.guest) {
    return {
      name: input.guest.name,
      email: input.guest.email.toLowerCase(),
      company: input.guest.company || null,
      memberId: null,
      personId: null,
      userId: null,
      isGuest: true,
    };
  }
  if (input.personId) {
    const [person] = await tx
      .select()
      .from(people)
      .where(and(eq(people.clusterId, ctx.clusterId), eq(people.id, input.personId)));
    if (!person || person.erasedAt)
      throw invalid([{ field: "personId", message: "Personne inconnue dans ce cluster" }]);
    if (!person.email)
      throw invalid([{ field: "personId", message: "Cette personne n'a pas d'adresse e-mail : ajoutez-la d'abord" }]);
    return {
      name: personName(person) || person.email,
      email: person.email.toLowerCase(),
      company: null,
      memberId: person.memberId,
      personId: person.id,
      userId: person.userId,
      isGuest: false,
    };
  }
  if (!me || !ctx.actor.userId) throw forbidden("Connectez-vous pour vous inscrire");
  const email = me.email.toLowerCase();
  // The person record of this account: linked by user id, or the company's person with the account's email.
  const [person] = await tx
    .select()
    .from(people)
    .where(
      and(
        eq(people.clusterId, ctx.clusterId),
        isNull(people.erasedAt),
        ctx.actor.memberId
          ? sql`(${people.userId} = ${ctx.actor.userId} or (${people.memberId} = ${ctx.actor.memberId} and lower(${people.email}) = ${email}))`
          : eq(people.userId, ctx.actor.userId),
      ),
    )
    .limit(1);
  return {
    name: (person && personName(person)) || me.name,
    email,
    company: null,
    memberId: ctx.actor.memberId ?? person?.memberId ?? null,
    personId: person?.id ?? null,
    userId: ctx.actor.userId,
    isGuest: false,
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}

const duplicate = (email: string) =>
  conflict(`${email} est déjà inscrit(e) à cette date`, [{ field: "email", message: "Déjà inscrit(e) à cette date" }]);

/** Takes a seat or a place on the waiting list; the caller holds the occurrence's lock. */
async function insertRegistration(
  tx: Db,
  ctx: ClusterContext,
  occurrence: OccurrenceRow,
  event: EventRow,
  who: Registrant,
): Promise<RegistrationRow> {
  const [existing] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.occurrenceId, occurrence.id),
        eq(registrations.email, who.email),
        ne(registrations.status, "cancelled"),
      ),
    );
  if (existing) throw duplicate(who.email);
  const free =
    (event.capacity === null && (event.seatsPerCompany === null || who.memberId === null)) ||
    hasSeat(event, await confirmedByCompany(tx, occurrence.id), who.memberId);
  let row: RegistrationRow;
  try {
    [row] = await tx
      .insert(registrations)
      .values({
        clusterId: ctx.clusterId,
        occurrenceId: occurrence.id,
        eventId: event.id,
        ...who,
        status: free ? "confirmed" : "waiting",
        token: randomBytes(24).toString("base64url"),
      })
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(who.email);
    throw error;
  }
  await queueEventMail(tx, ctx.clusterId, free ? "confirmation" : "waiting", [row.id]);
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "registration",
    entityId: row.id,
    action: "create",
    changes: { occurrenceId: [null, occurrence.id], name: [null, row.name], status: [null, row.status] },
  });
  return row;
}

export async function register(
  ctx: ClusterContext,
  occurrenceId: string,
  input: RegistrationInput,
  me: SignedInPerson | null,
) {
  if ((input.personId || input.guest) && !mayRegisterOthers(ctx.actor))
    throw forbidden("Seule l'équipe d'animation inscrit une autre personne");
  return tenant(ctx, async (tx) => {
    // Who first, outside the lock: the lock is held only to count seats and write.
    const who = await resolveRegistrant(tx, ctx, input, me);
    const { occurrence, event } = await visibleOccurrence(tx, ctx, occurrenceId, true);
    const closed = registrationOpen(ctx.actor, { ...occurrence, eventStatus: event.status });
    if (closed) throw conflict(closed);
    return presentOne(tx, ctx.clusterId, await insertRegistration(tx, ctx, occurrence, event, who));
  });
}

const guestActor = (email: string): Actor => ({
  userId: null,
  label: `invité ${email}`,
  role: null,
  platformAdmin: false,
  memberId: null,
});

/**
 * Anyone registers for a published event open to the public. A filled
 * honeypot gets the same answer and nothing is stored. Not public → 404.
 */
export async function registerGuestPublicly(ctx: ClusterContext, occurrenceId: string, input: PublicRegistrationInput) {
  const email = input.email.toLowerCase();
  const guestCtx = { ...ctx, actor: guestActor(email) };
  return tenant(guestCtx, async (tx) => {
    const occurrence = await lockOccurrence(tx, ctx.clusterId, occurrenceId);
    const event = await loadEvent(tx, ctx.clusterId, occurrence.eventId);
    if (event.audience !== "public" || event.status === "draft") throw notFound("Occurrence");
    const closed = registrationOpen(guestCtx.actor, { ...occurrence, eventStatus: event.status });
    if (closed) throw conflict(closed);
    if (input.website) {
      const fake = { id: randomUUID(), name: input.name, status: "confirmed" as const, feedbackRating: null };
      return presentPublicRegistration(fake, occurrence, event, null, true);
    }
    const row = await insertRegistration(tx, guestCtx, occurrence, event, {
      name: input.name,
      email,
      company: input.company,
      memberId: null,
      personId: null,
      userId: null,
      isGuest: true,
    });
    return presentPublicRegistration(row, occurrence, event, await waitingPosition(tx, row), true);
  });
}

// ---------------------------------------------------------------- cancelling

async function cancelLocked(tx: Db, ctx: ClusterContext, registrationId: string, staff: boolean) {
  const first = await loadRegistration(tx, ctx.clusterId, registrationId);
  const occurrence = await lockOccurrence(tx, ctx.clusterId, first.occurrenceId);
  const event = await loadEvent(tx, ctx.clusterId, occurrence.eventId);
  // Read again under the lock: a promotion may have changed it meanwhile.
  const row = await loadRegistration(tx, ctx.clusterId, registrationId);
  if (row.status === "cancelled") return { row, occurrence, event, promoted: [] as RegistrationRow[] };
  if (!staff && new Date() >= occurrence.startsAt)
    throw conflict("Cette date a commencé : l'inscription ne peut plus être annulée");
  const [cancelled] = await tx
    .update(registrations)
    .set({ status: "cancelled", cancelledAt: new Date() })
    .where(eq(registrations.id, row.id))
    .returning();
  const promoted = row.status === "confirmed" ? await promoteWaiting(tx, ctx.clusterId, occurrence, event) : [];
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "registration",
    entityId: row.id,
    action: "cancel",
    changes: {
      status: [row.status, "cancelled"],
      ...(promoted.length ? { promoted: [null, promoted.map((p) => p.name).join(", ")] } : {}),
    },
  });
  return { row: cancelled, occurrence, event, promoted };
}

/** Cancels a seat (one's own; staff any) and promotes the first waiting person who fits. */
export async function cancelRegistration(ctx: ClusterContext, registrationId: string) {
  return tenant(ctx, async (tx) => {
    const row = await loadRegistration(tx, ctx.clusterId, registrationId);
    if (!mayCancelRegistration(ctx.actor, row)) throw forbidden("Vous ne pouvez annuler que votre propre inscription");
    const { promoted } = await cancelLocked(tx, ctx, registrationId, managesEvents(ctx.actor));
    return { promoted: promoted.length ? await presentOne(tx, ctx.clusterId, promoted[0]) : null };
  });
}

// ---------------------------------------------------------------- staff: the list, check-in

/** Confirmed, then the waiting list, then cancelled; each in arrival order. */
export async function listRegistrations(ctx: ClusterContext, occurrenceId: string) {
  return tenant(ctx, async (tx) => {
    await visibleOccurrence(tx, ctx, occurrenceId, false);
    const rows = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.clusterId, ctx.clusterId), eq(registrations.occurrenceId, occurrenceId)))
      .orderBy(asc(registrations.seq));
    const names = await memberNames(tx, ctx.clusterId, rows);
    const rank = { confirmed: 0, waiting: 1, cancelled: 2 };
    let position = 0;
    return rows
      .sort((a, b) => rank[a.status] - rank[b.status] || a.seq - b.seq)
      .map((r) =>
        presentRegistration(
          r,
          r.memberId ? (names.get(r.memberId) ?? null) : null,
          r.status === "waiting" ? ++position : null,
        ),
      );
  });
}

export async function setCheckIn(ctx: ClusterContext, registrationId: string, present: boolean) {
  return tenant(ctx, async (tx) => {
    const row = await loadRegistration(tx, ctx.clusterId, registrationId);
    if (!present) {
      if (!row.checkedInAt) return presentOne(tx, ctx.clusterId, row);
      const [updated] = await tx
        .update(registrations)
        .set({ checkedInAt: null })
        .where(eq(registrations.id, row.id))
        .returning();
      return presentOne(tx, ctx.clusterId, updated);
    }
    if (row.checkedInAt) return presentOne(tx, ctx.clusterId, row);
    const occurrence = await loadOccurrence(tx, ctx.clusterId, row.occurrenceId);
    if (occurrence.status === "cancelled") throw conflict("Cette date est annulée");
    if (new Date() < parisMidnight(occurrence.startsAt)) throw conflict("Le pointage ouvre le jour de l'événement");
    if (row.status !== "confirmed")
      throw conflict(
        row.status === "waiting"
          ? "Cette personne est sur liste d'attente : sa place n'est pas confirmée"
          : "Cette inscription est annulée",
      );
    const [updated] = await tx
      .update(registrations)
      .set({ checkedInAt: new Date() })
      .where(and(eq(registrations.id, row.id), eq(registrations.status, "confirmed")))
      .returning();
    if (!updated) throw conflict("Cette inscription vient de changer : rechargez la liste");
    return presentOne(tx, ctx.clusterId, updated);
  });
}

// ---------------------------------------------------------------- feedback

async function recordFeedback(tx: Db, row: RegistrationRow, input: FeedbackInput) {
  const occurrence = await loadOccurrence(tx, row.clusterId, row.occurrenceId);
  if (occurrence.status === "cancelled") throw conflict("Cette date a été annulée");
  if (new Date() < occurrence.startsAt) throw conflict("L'avis s'ouvre au début de l'événement");
  if (row.status !== "confirmed")
    throw conflict("Seules les personnes qui avaient une place confirmée donnent leur avis");
  const [updated] = await tx
    .update(registrations)
    .set({ feedbackRating: input.rating, feedbackComment: input.comment || null, feedbackAt: new Date() })
    .where(eq(registrations.id, row.id))
    .returning();
  return { updated, occurrence };
}

/** The registrant rates what they attended (1–5, comment), once it has started; again to change it. */
export async function giveFeedback(ctx: ClusterContext, registrationId: string, input: FeedbackInput) {
  return tenant(ctx, async (tx) => {
    const row = await loadRegistration(tx, ctx.clusterId, registrationId);
    if (!mayGiveFeedback(ctx.actor, row)) throw forbidden("Seule la personne inscrite donne son avis");
    const { updated } = await recordFeedback(tx, row, input);
    return presentOne(tx, ctx.clusterId, updated);
  });
}

// ---------------------------------------------------------------- guests' secret links

async function publicView(tx: Db, row: RegistrationRow) {
  const occurrence = await loadOccurrence(tx, row.clusterId, row.occurrenceId);
  const event = await loadEvent(tx, row.clusterId, occurrence.eventId);
  const canCancel = row.status !== "cancelled" && occurrence.status === "scheduled" && new Date() < occurrence.startsAt;
  return presentPublicRegistration(row, occurrence, event, await waitingPosition(tx, row), canCancel);
}

export async function registrationFromToken(ctx: ClusterContext, token: string) {
  return tenant(ctx, async (tx) => publicView(tx, await registrationByToken(tx, ctx.clusterId, token)));
}

export async function cancelByToken(ctx: ClusterContext, token: string) {
  return tenant(ctx, async (tx) => {
    const row = await registrationByToken(tx, ctx.clusterId, token);
    const guestCtx = { ...ctx, actor: guestActor(row.email) };
    await cancelLocked(tx, guestCtx, row.id, false);
    return publicView(tx, await loadRegistration(tx, ctx.clusterId, row.id));
  });
}

export async function feedbackByToken(ctx: ClusterContext, token: string, input: FeedbackInput) {
  return tenant(ctx, async (tx) => {
    const row = await registrationByToken(tx, ctx.clusterId, token);
    const { updated } = await recordFeedback(tx, row, input);
    return publicView(tx, updated);
  });
}
