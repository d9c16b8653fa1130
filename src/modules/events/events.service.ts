import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import { getCommune } from "../../core/reference/communes.js";
import type { Db } from "../../db/client.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import { can } from "../../platform/permissions/permissions.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, type FieldError, invalid, notFound } from "../../server/errors.js";
import { documentsOf, findDocument, insertDocument, removeDocument } from "../documents/documents.service.js";
import { membersByIds } from "../members/members.service.js";
import { queueEventMail } from "./event-mail.js";
import type { EventInput, EventListQuery, EventPatch, OccurrencePatch } from "./events.contract.js";
import { registrationOpen, seesEvent } from "./events.policy.js";
import {
  type EventRow,
  type MyRegistration,
  type OccurrenceRow,
  presentEventDetail,
  presentEventFields,
  presentOccurrenceDetail,
  presentOccurrenceSummary,
  type SeatCounts,
} from "./events.presenter.js";
import { eventOccurrences, events, registrations } from "./events.schema.js";
import {
  firstRuleDate,
  holidayOn,
  occurrenceStarts,
  parisDateKey,
  parisDayStart,
  parisMidnight,
  parisToInstant,
  parseRule,
  ruleEnds,
} from "./recurrence.js";
import { loadEvent, lockOccurrence, promoteOnOccurrences, tenant } from "./registration.service.js";

/**
 * Events (one-off or series) and their occurrences. A series' occurrences are
 * rows of event_occurrences, written for a horizon of HORIZON_DAYS ahead and
 * extended lazily (when a calendar asks further, or time has passed).
 */

export const HORIZON_DAYS = 366;
const DAY_MS = 86_400_000;
const MAX_WINDOW_DAYS = 400;

type Locale = "fr" | "en";
type EventInsert = typeof events.$inferInsert;

// ---------------------------------------------------------------- input

/** ISO 8601 with an offset, or a Paris wall-clock time without one; null when it is no real date. */
export function parseDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  if (!m[7]) return parisToInstant({ year, month, day, hour, minute, second });
  const offset = m[7] === "Z" ? "Z" : `${m[7].slice(0, 3)}:${m[7].slice(-2)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const departmentOf = (event: Pick<EventRow, "communeInsee">) =>
  event.communeInsee ? (getCommune(event.communeInsee)?.department ?? null) : null;

const nullIfEmpty = <T>(value: T | null | undefined) => (value === "" || value === undefined ? null : value);

/**
 * Checks an event's input against what it was (null on create) and returns the
 * columns to write; 422 naming every bad field. A rule's first date is the
 * first one it produces at or after the given start (DTSTART is an occurrence).
 */
async function prepareEvent(
  tx: Db,
  ctx: ClusterContext,
  input: Partial<EventInput>,
  before: EventRow | null,
): Promise<Partial<EventInsert>> {
  const errors: FieldError[] = [];
  const values: Partial<EventInsert> = {};
  const has = <K extends keyof EventInput>(key: K) => input[key] !== undefined;
  for (const key of ["kind", "title", "durationMinutes", "audience", "status", "timing"] as const) {
    if (has(key)) Object.assign(values, { [key]: input[key] });
  }
  for (const key of [
    "description",
    "agenda",
    "expectedResult",
    "addressLine",
    "postcode",
    "onlineUrl",
    "hostMemberId",
    "capacity",
    "seatsPerCompany",
    "workingGroupId",
  ] as const) {
    if (has(key)) Object.assign(values, { [key]: nullIfEmpty(input[key]) });
  }
  if (input.startsAt !== undefined) {
    const startsAt = parseDateTime(input.startsAt);
    if (startsAt) values.startsAt = startsAt;
    else errors.push({ field: "startsAt", message: "Date ou heure impossible" });
  }
  let rule = before?.rrule ?? null;
  if (input.rrule !== undefined) {
    if (!input.rrule?.trim()) rule = null;
    else {
      const parsed = parseRule(input.rrule);
      if ("error" in parsed) errors.push({ field: "rrule", message: `Règle de récurrence invalide : ${parsed.error}` });
      else rule = parsed.rule;
    }
    values.rrule = rule;
  }
  const start = values.startsAt ?? before?.startsAt;
  if (start && rule && (values.startsAt || values.rrule) && !errors.some((e) => e.field === "rrule")) {
    // Bounded: precheckRule refused rules without dates, and a rule with COUNT or UNTIL stops by itself.
    const [first] = occurrenceStarts(start, rule, start, new Date(start.getTime() + 10 * 366 * DAY_MS), 1);
    if (first) values.startsAt = first;
    else errors.push(noDates().fields[0]);
  }
  if (input.communeInsee !== undefined) {
    if (!input.communeInsee) Object.assign(values, { communeInsee: null, town: null, lat: null, lon: null });
    else {
      const commune = getCommune(input.communeInsee);
      if (!commune) errors.push({ field: "communeInsee", message: `Commune inconnue : ${input.communeInsee}` });
      else
        Object.assign(values, { communeInsee: commune.insee, town: commune.name, lat: commune.lat, lon: commune.lon });
    }
  }
  const commune = "communeInsee" in values ? values.communeInsee : before?.communeInsee;
  const online = "onlineUrl" in values ? values.onlineUrl : before?.onlineUrl;
  if (!commune && !online && !errors.some((e) => e.field === "communeInsee"))
    errors.push({
      field: "communeInsee",
      message: "Indiquez un lieu : une commune (communeInsee) ou un lien en ligne (onlineUrl)",
    });
  if (values.hostMemberId) {
    const [host] = await membersByIds(tx, ctx.clusterId, [values.hostMemberId]);
    if (!host) errors.push({ field: "hostMemberId", message: "Membre inconnu dans ce cluster" });
  }
  const capacity = "capacity" in values ? values.capacity : before?.capacity;
  const perCompany = "seatsPerCompany" in values ? values.seatsPerCompany : before?.seatsPerCompany;
  if (capacity && perCompany && perCompany > capacity)
    errors.push({ field: "seatsPerCompany", message: "Pas plus de places par entreprise que de places en tout" });
  if (errors.length) throw invalid(errors);
  return values;
}

const noDates = () => invalid([{ field: "rrule", message: "La règle ne donne aucune date à partir du début" }]);

/**
 * Refuses a rule that produces no date before any transaction opens: finding that out can take rrule
 * seconds (see firstRuleDate), which must not hold a connection, nor PGlite's only one.
 */
async function precheckRule(input: Partial<EventInput>) {
  if (!input.rrule?.trim()) return;
  const parsed = parseRule(input.rrule);
  if ("error" in parsed) return; // reported with the other fields
  const start = (input.startsAt && parseDateTime(input.startsAt)) || new Date();
  const first = await firstRuleDate(parsed.rule, start);
  if (first === "timeout" || (first === null && !ruleEnds(parsed.rule))) throw noDates();
}

// ---------------------------------------------------------------- occurrences of a series

const occurrenceValues = (event: EventRow, start: Date, department: string | null) => ({
  clusterId: event.clusterId,
  eventId: event.id,
  originalStart: start,
  startsAt: start,
  endsAt: new Date(start.getTime() + event.durationMinutes * 60_000),
  holiday: holidayOn(start, { department }),
});

/** Writes the occurrences an event's rule gives in [from, to) that are not there yet. */
async function materialise(tx: Db, event: EventRow, from: Date, to: Date) {
  const starts = occurrenceStarts(event.startsAt, event.rrule, from, to);
  if (!starts.length) return 0;
  const department = departmentOf(event);
  const inserted = await tx
    .insert(eventOccurrences)
    .values(starts.map((s) => occurrenceValues(event, s, department)))
    .onConflictDoNothing()
    .returning({ id: eventOccurrences.id });
  return inserted.length;
}

/** The end of the horizon occurrences are written to: a year after now (or after the event's start). */
const horizonFor = (event: Pick<EventRow, "startsAt">, now = new Date()) =>
  new Date(Math.max(now.getTime(), event.startsAt.getTime()) + HORIZON_DAYS * DAY_MS);

/**
 * Extends the series of a cluster (or one event) up to `until`, past the last
 * occurrence each holds. Idempotent and safe in parallel (unique
 * (event, original start)); writes nothing when the horizon is already there.
 */
export async function extendSeries(tx: Db, clusterId: string, until: Date, eventId?: string) {
  const series = await tx
    .select()
    .from(events)
    .where(
      and(
        eq(events.clusterId, clusterId),
        isNotNull(events.rrule),
        ne(events.status, "cancelled"),
        lt(events.startsAt, until),
        eventId ? eq(events.id, eventId) : undefined,
      ),
    );
  if (!series.length) return 0;
  const last = await tx
    .select({ eventId: eventOccurrences.eventId, last: sql<string>`max(${eventOccurrences.originalStart})` })
    .from(eventOccurrences)
    .where(
      and(
        eq(eventOccurrences.clusterId, clusterId),
        inArray(
          eventOccurrences.eventId,
          series.map((e) => e.id),
        ),
      ),
    )
    .groupBy(eventOccurrences.eventId);
  const lastOf = new Map(last.map((r) => [r.eventId, new Date(r.last)]));
  let added = 0;
  for (const event of series) {
    const after = lastOf.get(event.id);
    const from = after ? new Date(after.getTime() + 1000) : event.startsAt;
    if (from < until) added += await materialise(tx, event, from, until);
  }
  return added;
}

async function activeRegistrationIds(tx: Db, occurrenceIds: string[]) {
  if (!occurrenceIds.length) return [];
  const rows = await tx
    .select({ id: registrations.id, occurrenceId: registrations.occurrenceId })
    .from(registrations)
    .where(and(inArray(registrations.occurrenceId, occurrenceIds), ne(registrations.status, "cancelled")));
  return rows;
}

/**
 * After the start or the rule of a series changed: each future occurrence
 * takes the new rule's date of the same day (moving it; its people are
 * emailed), or is deleted when the new rule has no such day, unless it has
 * registrations, was moved or cancelled, or has minutes: those are kept.
 * Then the new rule's other dates are added.
 */
async function regenerate(tx: Db, event: EventRow, before: EventRow, now = new Date()) {
  const future = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.eventId, event.id), gt(eventOccurrences.startsAt, now)))
    .orderBy(asc(eventOccurrences.originalStart));
  const active = await activeRegistrationIds(
    tx,
    future.map((o) => o.id),
  );
  const activeCount = new Map<string, number>();
  for (const r of active) activeCount.set(r.occurrenceId, (activeCount.get(r.occurrenceId) ?? 0) + 1);
  const department = departmentOf(event);
  const duration = event.durationMinutes * 60_000;
  const moved: string[] = [];

  if (!event.rrule && !before.rrule) {
    // A one-off event: its single occurrence follows the event wherever it goes.
    const all = await tx.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, event.id));
    for (const occurrence of all) {
      await tx
        .update(eventOccurrences)
        .set({
          originalStart: event.startsAt,
          startsAt: event.startsAt,
          endsAt: new Date(event.startsAt.getTime() + duration),
          holiday: holidayOn(event.startsAt, { department }),
          updatedAt: now,
        })
        .where(eq(eventOccurrences.id, occurrence.id));
      if (occurrence.startsAt.getTime() !== event.startsAt.getTime()) moved.push(occurrence.id);
    }
    if (!all.length) await materialise(tx, event, event.startsAt, new Date(event.startsAt.getTime() + 1));
  } else {
    const lastKept = future.at(-1)?.originalStart.getTime() ?? 0;
    const until = new Date(Math.max(horizonFor(event, now).getTime(), lastKept + 1));
    const byDay = new Map<string, Date>();
    for (const start of occurrenceStarts(event.startsAt, event.rrule, now, until))
      byDay.set(parisDateKey(start), start);
    for (const occurrence of future) {
      const day = parisDateKey(occurrence.originalStart);
      const target = byDay.get(day);
      const wasMoved = occurrence.startsAt.getTime() !== occurrence.originalStart.getTime();
      if (target) {
        byDay.delete(day);
        if (target.getTime() === occurrence.originalStart.getTime()) continue;
        const follows = !wasMoved && occurrence.status === "scheduled";
        await tx
          .update(eventOccurrences)
          .set({
            originalStart: target,
            ...(follows
              ? {
                  startsAt: target,
                  endsAt: new Date(target.getTime() + duration),
                  holiday: holidayOn(target, { department }),
                }
              : {}),
            updatedAt: now,
          })
          .where(eq(eventOccurrences.id, occurrence.id));
        if (follows && activeCount.get(occurrence.id)) moved.push(occurrence.id);
      } else if (
        !wasMoved &&
        occurrence.status === "scheduled" &&
        !activeCount.get(occurrence.id) &&
        !occurrence.minutes &&
        !occurrence.results
      ) {
        await tx.delete(eventOccurrences).where(eq(eventOccurrences.id, occurrence.id));
      }
    }
    const added = [...byDay.values()];
    if (added.length) {
      await tx
        .insert(eventOccurrences)
        .values(added.map((s) => occurrenceValues(event, s, department)))
        .onConflictDoNothing();
    }
  }
  const movedIds = active.filter((r) => moved.includes(r.occurrenceId)).map((r) => r.id);
  if (movedIds.length) await queueEventMail(tx, event.clusterId, "moved", movedIds);
}

/** New duration or place: future occurrences that follow the series get their end and holiday again. */
async function refreshFuture(tx: Db, event: EventRow, now = new Date()) {
  const future = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.eventId, event.id), gt(eventOccurrences.startsAt, now)));
  const department = departmentOf(event);
  for (const occurrence of future) {
    const follows = occurrence.startsAt.getTime() === occurrence.originalStart.getTime();
    const endsAt = follows
      ? new Date(occurrence.startsAt.getTime() + event.durationMinutes * 60_000)
      : occurrence.endsAt;
    const holiday = holidayOn(occurrence.startsAt, { department });
    if (endsAt.getTime() !== occurrence.endsAt.getTime() || holiday !== occurrence.holiday) {
      await tx.update(eventOccurrences).set({ endsAt, holiday }).where(eq(eventOccurrences.id, occurrence.id));
    }
  }
}

// ---------------------------------------------------------------- reading

async function seatCounts(tx: Db, occurrenceIds: string[]): Promise<Map<string, SeatCounts>> {
  if (!occurrenceIds.length) return new Map();
  const rows = await tx
    .select({
      occurrenceId: registrations.occurrenceId,
      confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')::int`,
      waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waiting')::int`,
    })
    .from(registrations)
    .where(inArray(registrations.occurrenceId, occurrenceIds))
    .groupBy(registrations.occurrenceId);
  return new Map(rows.map((r) => [r.occurrenceId, { confirmed: r.confirmed, waiting: r.waiting }]));
}

/** The caller's own active registrations at these occurrences, with their waiting-list rank. */
async function myRegistrations(tx: Db, ctx: ClusterContext, occurrenceIds: string[]) {
  const mine = new Map<string, MyRegistration & { feedbackRating: number | null; feedbackComment: string | null }>();
  if (!ctx.actor.userId || !occurrenceIds.length) return mine;
  const rows = await tx
    .select({
      id: registrations.id,
      occurrenceId: registrations.occurrenceId,
      status: registrations.status,
      feedbackRating: registrations.feedbackRating,
      feedbackComment: registrations.feedbackComment,
      position: sql<number | null>`case when ${registrations.status} = 'waiting' then (
        select count(*)::int from registrations w
        where w.occurrence_id = ${registrations.occurrenceId} and w.status = 'waiting' and w.seq <= ${registrations.seq}
      ) end`,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.clusterId, ctx.clusterId),
        eq(registrations.userId, ctx.actor.userId),
        ne(registrations.status, "cancelled"),
        inArray(registrations.occurrenceId, occurrenceIds),
      ),
    );
  for (const r of rows) {
    mine.set(r.occurrenceId, {
      id: r.id,
      status: r.status as "confirmed" | "waiting",
      position: r.position,
      feedbackRating: r.feedbackRating,
      feedbackComment: r.feedbackComment,
    });
  }
  return mine;
}

async function summaries(tx: Db, ctx: ClusterContext, rows: { occurrence: OccurrenceRow; event: EventRow }[]) {
  const ids = rows.map((r) => r.occurrence.id);
  const [counts, mine] = [await seatCounts(tx, ids), await myRegistrations(tx, ctx, ids)];
  return rows.map(({ occurrence, event }) => {
    const my = mine.get(occurrence.id);
    return presentOccurrenceSummary(
      occurrence,
      event,
      counts.get(occurrence.id),
      my ? { id: my.id, status: my.status, position: my.position } : null,
    );
  });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every occurrence in [from, to) (Paris days), by start; members see no drafts. */
export async function listOccurrences(ctx: ClusterContext, query: EventListQuery) {
  const from = query.from ? parisDayStart(query.from) : parisMidnight(new Date());
  const to = query.to ? parisDayStart(query.to) : parisMidnight(from, 90);
  if (to <= from) throw invalid([{ field: "to", message: "La fin doit suivre le début" }]);
  if (to.getTime() - from.getTime() > (MAX_WINDOW_DAYS + 1) * DAY_MS)
    throw invalid([{ field: "to", message: `Période de ${MAX_WINDOW_DAYS} jours au plus` }]);
  return tenant(ctx, async (tx) => {
    await extendSeries(tx, ctx.clusterId, new Date(Math.max(to.getTime(), Date.now() + HORIZON_DAYS * DAY_MS)));
    const rows = await tx
      .select({ occurrence: eventOccurrences, event: events })
      .from(eventOccurrences)
      .innerJoin(events, eq(events.id, eventOccurrences.eventId))
      .where(
        and(
          eq(eventOccurrences.clusterId, ctx.clusterId),
          gte(eventOccurrences.startsAt, from),
          lt(eventOccurrences.startsAt, to),
          query.kind ? eq(events.kind, query.kind) : undefined,
          can(ctx.actor, "events.manage") ? undefined : ne(events.status, "draft"),
          ...(query.q ?? "")
            .split(/\s+/)
            .filter(Boolean)
            .slice(0, 8)
            .map(
              (word) =>
                sql`immutable_unaccent(lower(${events.title} || ' ' || coalesce(${events.description}, '') || ' ' || coalesce(${events.town}, ''))) like '%' || immutable_unaccent(lower(${escapeLike(word)})) || '%'`,
            ),
        ),
      )
      .orderBy(asc(eventOccurrences.startsAt), asc(events.title));
    return summaries(tx, ctx, rows);
  });
}

async function hostOf(tx: Db, clusterId: string, event: EventRow) {
  if (!event.hostMemberId) return null;
  const [host] = await membersByIds(tx, clusterId, [event.hostMemberId]);
  return host ? { id: host.id, name: host.legalName } : null;
}

/** The event with its next 12 and last 6 occurrences. */
async function eventDetail(tx: Db, ctx: ClusterContext, event: EventRow, locale: Locale) {
  const now = new Date();
  if (event.rrule && event.status !== "cancelled") await extendSeries(tx, ctx.clusterId, horizonFor(event), event.id);
  const next = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.eventId, event.id), gte(eventOccurrences.startsAt, now)))
    .orderBy(asc(eventOccurrences.startsAt))
    .limit(12);
  const past = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.eventId, event.id), lt(eventOccurrences.startsAt, now)))
    .orderBy(desc(eventOccurrences.startsAt))
    .limit(6);
  const rows = [...past.reverse(), ...next].map((occurrence) => ({ occurrence, event }));
  return presentEventDetail(event, await hostOf(tx, ctx.clusterId, event), await summaries(tx, ctx, rows), locale);
}

async function visibleEvent(tx: Db, ctx: ClusterContext, eventId: string) {
  const event = await loadEvent(tx, ctx.clusterId, eventId);
  if (!seesEvent(ctx.actor, event)) throw notFound("Event");
  return event;
}

export async function getEvent(ctx: ClusterContext, eventId: string, locale: Locale = "fr") {
  return tenant(ctx, async (tx) => eventDetail(tx, ctx, await visibleEvent(tx, ctx, eventId), locale));
}

async function occurrenceDetail(tx: Db, ctx: ClusterContext, occurrenceId: string, locale: Locale) {
  const [row] = await tx
    .select({ occurrence: eventOccurrences, event: events })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(and(eq(eventOccurrences.clusterId, ctx.clusterId), eq(eventOccurrences.id, occurrenceId)));
  if (!row || !seesEvent(ctx.actor, row.event)) throw notFound("Occurrence");
  const { occurrence, event } = row;
  const [summary] = await summaries(tx, ctx, [row]);
  const mine = (await myRegistrations(tx, ctx, [occurrence.id])).get(occurrence.id);
  const now = new Date();
  const open = registrationOpen(ctx.actor, { ...occurrence, eventStatus: event.status }, now) === null;
  return presentOccurrenceDetail(
    summary,
    occurrence,
    presentEventFields(event, await hostOf(tx, ctx.clusterId, event), locale),
    {
      documents: await documentsOf(tx, ctx.clusterId, "event_occurrence", occurrence.id),
      myFeedback: mine?.feedbackRating != null ? { rating: mine.feedbackRating, comment: mine.feedbackComment } : null,
      canRegister: open && ctx.actor.userId !== null && !mine,
      canCheckIn:
        can(ctx.actor, "events.checkin") &&
        occurrence.status === "scheduled" &&
        now >= parisMidnight(occurrence.startsAt),
    },
  );
}

export async function getOccurrence(ctx: ClusterContext, occurrenceId: string, locale: Locale = "fr") {
  return tenant(ctx, (tx) => occurrenceDetail(tx, ctx, occurrenceId, locale));
}

// ---------------------------------------------------------------- writing events

export async function createEvent(ctx: ClusterContext, input: EventInput, locale: Locale = "fr") {
  await precheckRule(input);
  return tenant(ctx, async (tx) => {
    const values = await prepareEvent(tx, ctx, input, null);
    const [event] = await tx
      .insert(events)
      .values({
        ...values,
        kind: values.kind!,
        title: values.title!,
        startsAt: values.startsAt!,
        durationMinutes: values.durationMinutes!,
        status: values.status ?? "published",
        clusterId: ctx.clusterId,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const from = new Date(Math.max(event.startsAt.getTime(), Date.now() - HORIZON_DAYS * DAY_MS));
    await materialise(tx, event, event.rrule ? from : event.startsAt, horizonFor(event));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "event",
      entityId: event.id,
      action: "create",
      changes: diffFields(null, values as Record<string, unknown>),
    });
    return eventDetail(tx, ctx, event, locale);
  });
}

export async function updateEvent(ctx: ClusterContext, eventId: string, patch: EventPatch, locale: Locale = "fr") {
  const { version, ...input } = patch;
  await precheckRule(input);
  return tenant(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(events)
      .where(and(eq(events.clusterId, ctx.clusterId), eq(events.id, eventId)))
      .for("update");
    if (!before) throw notFound("Event");
    if (version !== undefined && version !== before.version)
      throw conflict("Cet événement a été modifié entre-temps : rechargez-le", [
        { field: "version", message: `Version ${version} lue, ${before.version} actuelle` },
      ]);
    if (before.status === "cancelled") throw conflict("Cet événement est annulé");
    const values = await prepareEvent(tx, ctx, input, before);
    const changes = diffFields(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
    if (!Object.keys(changes).length) return eventDetail(tx, ctx, before, locale);
    const [event] = await tx
      .update(events)
      .set({ ...values, version: before.version + 1, updatedAt: new Date() })
      .where(eq(events.id, eventId))
      .returning();
    if ("startsAt" in changes || "rrule" in changes) await regenerate(tx, event, before);
    if ("durationMinutes" in changes || "communeInsee" in changes) await refreshFuture(tx, event);
    if ("capacity" in changes || "seatsPerCompany" in changes || "status" in changes) {
      const open = await tx
        .select({ id: eventOccurrences.id })
        .from(eventOccurrences)
        .where(
          and(
            eq(eventOccurrences.eventId, event.id),
            eq(eventOccurrences.status, "scheduled"),
            gt(eventOccurrences.endsAt, new Date()),
          ),
        );
      await promoteOnOccurrences(
        tx,
        ctx.clusterId,
        event,
        open.map((o) => o.id),
      );
    }
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "event",
      entityId: event.id,
      action: "update",
      changes,
    });
    return eventDetail(tx, ctx, event, locale);
  });
}

/** Cancels the series: the event and its future occurrences; people registered there are emailed. */
export async function cancelEvent(
  ctx: ClusterContext,
  eventId: string,
  reason: string | null | undefined,
  locale: Locale = "fr",
) {
  return tenant(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(events)
      .where(and(eq(events.clusterId, ctx.clusterId), eq(events.id, eventId)))
      .for("update");
    if (!before) throw notFound("Event");
    if (before.status === "cancelled") throw conflict("Cet événement est déjà annulé");
    const now = new Date();
    const [event] = await tx
      .update(events)
      .set({ status: "cancelled", version: before.version + 1, updatedAt: now })
      .where(eq(events.id, eventId))
      .returning();
    // Updating the rows waits for any registration holding one of them, so the list below misses no one.
    const cancelled = await tx
      .update(eventOccurrences)
      .set({ status: "cancelled", cancelReason: reason || null, updatedAt: now })
      .where(
        and(
          eq(eventOccurrences.eventId, eventId),
          eq(eventOccurrences.status, "scheduled"),
          gt(eventOccurrences.startsAt, now),
        ),
      )
      .returning({ id: eventOccurrences.id });
    const people = await activeRegistrationIds(
      tx,
      cancelled.map((o) => o.id),
    );
    if (people.length)
      await queueEventMail(
        tx,
        ctx.clusterId,
        "cancelled_by_organiser",
        people.map((p) => p.id),
      );
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "event",
      entityId: eventId,
      action: "cancel",
      changes: { status: [before.status, "cancelled"], reason: [null, reason || null] },
    });
    return eventDetail(tx, ctx, event, locale);
  });
}

// ---------------------------------------------------------------- writing occurrences

/** Moves one occurrence (its original start stays: calendars show an exception) or writes minutes and results. */
export async function updateOccurrence(
  ctx: ClusterContext,
  occurrenceId: string,
  patch: OccurrencePatch,
  locale: Locale = "fr",
) {
  return tenant(ctx, async (tx) => {
    const before = await lockOccurrence(tx, ctx.clusterId, occurrenceId);
    const event = await loadEvent(tx, ctx.clusterId, before.eventId);
    const values: Partial<typeof eventOccurrences.$inferInsert> = {};
    if (patch.minutes !== undefined) values.minutes = patch.minutes || null;
    if (patch.results !== undefined) values.results = patch.results || null;
    if (patch.startsAt !== undefined || patch.durationMinutes !== undefined) {
      const startsAt = patch.startsAt !== undefined ? parseDateTime(patch.startsAt) : before.startsAt;
      if (!startsAt) throw invalid([{ field: "startsAt", message: "Date ou heure impossible" }]);
      if (before.status === "cancelled" || event.status === "cancelled")
        throw conflict("Cette date est annulée : elle ne peut plus être déplacée");
      const minutes = patch.durationMinutes ?? (before.endsAt.getTime() - before.startsAt.getTime()) / 60_000;
      values.startsAt = startsAt;
      values.endsAt = new Date(startsAt.getTime() + minutes * 60_000);
      values.holiday = holidayOn(startsAt, { department: departmentOf(event) });
    }
    const changes = diffFields(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
    if (Object.keys(changes).length) {
      await tx
        .update(eventOccurrences)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(eventOccurrences.id, occurrenceId));
      if ("startsAt" in changes || "endsAt" in changes) {
        const people = await activeRegistrationIds(tx, [occurrenceId]);
        if (people.length)
          await queueEventMail(
            tx,
            ctx.clusterId,
            "moved",
            people.map((p) => p.id),
          );
      }
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "event_occurrence",
        entityId: occurrenceId,
        action: "update",
        changes,
      });
    }
    return occurrenceDetail(tx, ctx, occurrenceId, locale);
  });
}

/** Cancels one occurrence; its registered people are emailed. */
export async function cancelOccurrence(
  ctx: ClusterContext,
  occurrenceId: string,
  reason: string | null | undefined,
  locale: Locale = "fr",
) {
  return tenant(ctx, async (tx) => {
    const before = await lockOccurrence(tx, ctx.clusterId, occurrenceId);
    if (before.status === "cancelled") throw conflict("Cette date est déjà annulée");
    await tx
      .update(eventOccurrences)
      .set({ status: "cancelled", cancelReason: reason || null, updatedAt: new Date() })
      .where(eq(eventOccurrences.id, occurrenceId));
    const people = await activeRegistrationIds(tx, [occurrenceId]);
    if (people.length)
      await queueEventMail(
        tx,
        ctx.clusterId,
        "cancelled_by_organiser",
        people.map((p) => p.id),
      );
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "event_occurrence",
      entityId: occurrenceId,
      action: "cancel",
      changes: { status: ["scheduled", "cancelled"], reason: [null, reason || null] },
    });
    return occurrenceDetail(tx, ctx, occurrenceId, locale);
  });
}

// ---------------------------------------------------------------- documents of an occurrence

async function checkOccurrence(tx: Db, ctx: ClusterContext, occurrenceId: string) {
  const [row] = await tx
    .select({ status: events.status })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(and(eq(eventOccurrences.clusterId, ctx.clusterId), eq(eventOccurrences.id, occurrenceId)));
  if (!row || !seesEvent(ctx.actor, row)) throw notFound("Occurrence");
}

export async function addOccurrenceDocument(
  ctx: ClusterContext,
  occurrenceId: string,
  upload: { kind: "minutes" | "results" | "other"; title: string | null; file: { name: string; bytes: Uint8Array } },
) {
  return tenant(ctx, async (tx) => {
    await checkOccurrence(tx, ctx, occurrenceId);
    return insertDocument(tx, ctx, { ownerType: "event_occurrence", ownerId: occurrenceId, ...upload });
  });
}

export async function occurrenceDocument(ctx: ClusterContext, occurrenceId: string, documentId: string) {
  return tenant(ctx, async (tx) => {
    await checkOccurrence(tx, ctx, occurrenceId);
    return findDocument(tx, ctx.clusterId, "event_occurrence", occurrenceId, documentId);
  });
}

export async function removeOccurrenceDocument(ctx: ClusterContext, occurrenceId: string, documentId: string) {
  await tenant(ctx, async (tx) => {
    await checkOccurrence(tx, ctx, occurrenceId);
    await removeDocument(tx, ctx, "event_occurrence", occurrenceId, documentId);
  });
}
