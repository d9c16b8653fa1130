import { and, desc, eq } from "drizzle-orm";
import { checkSchedule } from "../../core/meetings/check.js";
import type { Instance, Schedule } from "../../core/meetings/instance.js";
import { replanMeetings } from "../../core/meetings/replan.js";
import { scheduleMeetings } from "../../core/meetings/scheduler.js";
import type { Db } from "../../db/client.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, notFound } from "../../server/errors.js";
import { managesMeetings, mayManageParticipant } from "./meetings.policy.js";
import { presentMeeting, presentParticipant, slotsOf } from "./meetings.presenter.js";
import {
  breaksOfSlots,
  buildInstance,
  categoryRefusal,
  currentSlot,
  mayMeet,
  meetingKey,
  meetingSlots,
  pairKey,
  placeMeetings,
  slotStart,
  weightOf,
} from "./meetings.rules.js";
import { meetingSchedules, meetings } from "./meetings.schema.js";
import {
  type DayRow,
  getDay,
  loadDay,
  movePhase,
  type ParticipantRow,
  participantsOf,
  presentContext,
  requestsOf,
  tenant,
} from "./meetings.service.js";

type ScheduleRow = typeof meetingSchedules.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;

const ratioOf = (weight: number, bound: number) => (bound > 0 ? Math.round((weight / bound) * 10_000) / 10_000 : 1);

async function latestSchedule(tx: Db, clusterId: string, dayId: string, status?: ScheduleRow["status"]) {
  const [row] = await tx
    .select()
    .from(meetingSchedules)
    .where(
      and(
        eq(meetingSchedules.clusterId, clusterId),
        eq(meetingSchedules.dayId, dayId),
        status ? eq(meetingSchedules.status, status) : undefined,
      ),
    )
    .orderBy(desc(meetingSchedules.version))
    .limit(1);
  return row ?? null;
}

async function meetingsOf(tx: Db, clusterId: string, scheduleId: string) {
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.clusterId, clusterId), eq(meetings.scheduleId, scheduleId)))
    .orderBy(meetings.slot, meetings.tableNumber);
}

/** Stores a computed schedule and its meetings (with their times and places). */
async function storeSchedule(
  tx: Db,
  ctx: ClusterContext,
  day: DayRow,
  eventStart: Date,
  run: {
    kind: "schedule" | "replan";
    status: "draft" | "published";
    instance: Instance;
    schedule: Schedule;
    placed: ReturnType<typeof placeMeetings>["placed"];
    stats: Record<string, unknown>;
    outcomes?: Map<string, { held: boolean | null; followUp: boolean | null; outcomeAt: Date | null }>;
  },
) {
  const previous = await latestSchedule(tx, ctx.clusterId, day.id);
  const [row] = await tx
    .insert(meetingSchedules)
    .values({
      clusterId: ctx.clusterId,
      dayId: day.id,
      version: (previous?.version ?? 0) + 1,
      kind: run.kind,
      status: run.status,
      instance: run.instance,
      schedule: run.schedule,
      weight: run.schedule.weight,
      upperBound: run.schedule.upperBound,
      breaks: run.schedule.breaks,
      stats: run.stats,
      createdBy: ctx.actor.userId,
      publishedAt: run.status === "published" ? new Date() : null,
    })
    .returning();
  const weights = new Map<string, number>();
  for (const r of run.instance.requests)
    weights.set(pairKey(r.a, r.b), (weights.get(pairKey(r.a, r.b)) ?? 0) + (r.weight ?? 1));
  const values = run.placed.map((m) => {
    const outcome = run.outcomes?.get(meetingKey(m));
    return {
      clusterId: ctx.clusterId,
      dayId: day.id,
      scheduleId: row.id,
      aId: m.a,
      bId: m.b,
      slot: m.gridSlot,
      tableNumber: m.table,
      stand: m.stand,
      startsAt: slotStart(eventStart, day, m.gridSlot),
      endsAt: slotStart(eventStart, day, m.gridSlot + 1),
      weight: weights.get(pairKey(m.a, m.b)) ?? 1,
      held: outcome?.held ?? null,
      followUp: outcome?.followUp ?? null,
      outcomeAt: outcome?.outcomeAt ?? null,
    };
  });
  for (let i = 0; i < values.length; i += 500) await tx.insert(meetings).values(values.slice(i, i + 500));
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "meeting_day",
    entityId: day.id,
    action: run.kind,
    changes: {
      schedule: [previous?.version ?? null, row.version],
      weight: [null, row.weight],
      breaks: [null, row.breaks],
    },
  });
  return row;
}

/** Accepted requests that are not in the schedule, each with the reason. */
function unplacedRequests(
  day: DayRow,
  participants: ParticipantRow[],
  requests: Awaited<ReturnType<typeof requestsOf>>,
  held: Set<string>,
  stats: { dropped?: { a: string; b: string }[]; overflow?: { a: string; b: string }[] },
) {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const dropped = new Set((stats.dropped ?? []).map((d) => pairKey(d.a, d.b)));
  const overflow = new Set((stats.overflow ?? []).map((d) => pairKey(d.a, d.b)));
  const label = (id: string) => {
    const p = byId.get(id);
    return p ? `${p.name} (${p.company})` : id;
  };
  return requests
    .filter((r) => r.status === "accepted" && !held.has(pairKey(r.fromId, r.toId)))
    .map((r) => {
      const from = byId.get(r.fromId);
      const to = byId.get(r.toId);
      const key = pairKey(r.fromId, r.toId);
      const reason =
        from?.status !== "active" || to?.status !== "active"
          ? "Un des deux participants s'est désinscrit"
          : !mayMeet(day, from.category, to.category)
            ? categoryRefusal(day, from.category!, to.category!)
            : dropped.has(key)
              ? "Aucun créneau commun aux deux participants (horaires de présence)"
              : overflow.has(key)
                ? "Plus de table libre à ce créneau"
                : "Pas de place : créneaux ou tables déjà pris par des rendez-vous de plus grand poids";
      return { requestId: r.id, from: label(r.fromId), to: label(r.toId), weight: weightOf(r), reason };
    });
}

async function review(tx: Db, ctx: ClusterContext, day: DayRow, row: ScheduleRow | null) {
  const participants = await participantsOf(tx, ctx.clusterId, day.id);
  const byId = new Map(participants.map((p) => [p.id, p]));
  if (!row) return { schedule: null, meetings: [], unplaced: [], perParticipant: [] };
  const rows = await meetingsOf(tx, ctx.clusterId, row.id);
  const requests = await requestsOf(tx, ctx.clusterId, day.id);
  const report = checkSchedule(row.instance as Instance, row.schedule as Schedule);
  const held = new Set(rows.map((m) => pairKey(m.aId, m.bId)));
  const grid = meetingSlots(day);
  const slotsBy = new Map<string, number[]>();
  for (const m of rows) for (const id of [m.aId, m.bId]) slotsBy.set(id, [...(slotsBy.get(id) ?? []), m.slot]);
  const requested = new Map<string, number>();
  for (const r of requests.filter((r) => r.status === "accepted"))
    for (const id of [r.fromId, r.toId]) requested.set(id, (requested.get(id) ?? 0) + 1);
  return {
    schedule: {
      id: row.id,
      version: row.version,
      kind: row.kind,
      status: row.status,
      weight: row.weight,
      upperBound: row.upperBound,
      ratio: ratioOf(row.weight, row.upperBound),
      breaks: row.breaks,
      valid: report.valid,
      problems: report.problems,
      stats: row.stats,
      createdAt: row.createdAt.toISOString(),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      format: row.schedule,
    },
    meetings: rows.map((m) => presentMeeting(m, byId)),
    unplaced: unplacedRequests(day, participants, requests, held, row.stats as never),
    perParticipant: participants
      .filter((p) => p.status === "active")
      .map((p) => ({
        id: p.id,
        name: p.name,
        company: p.company,
        meetings: slotsBy.get(p.id)?.length ?? 0,
        breaks: breaksOfSlots(grid, slotsBy.get(p.id) ?? []),
        requested: requested.get(p.id) ?? 0,
      }))
      .sort((a, b) => b.breaks - a.breaks || a.meetings - b.meetings || a.company.localeCompare(b.company)),
  };
}

export async function reviewSchedule(ctx: ClusterContext, eventId: string) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    return review(tx, ctx, day, await latestSchedule(tx, ctx.clusterId, day.id));
  });
}

export async function exportInstance(ctx: ClusterContext, eventId: string): Promise<Instance> {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    return buildInstance(
      day,
      await participantsOf(tx, ctx.clusterId, day.id),
      await requestsOf(tx, ctx.clusterId, day.id),
    );
  });
}

/**
 * Runs the scheduler on the accepted requests and stores the result as a draft for staff to review.
 * The solver runs outside any transaction (it takes seconds); the day is re-read before storing, and a
 * change of requests or participants meanwhile makes the run stale (409, run again).
 */
export async function runSchedule(ctx: ClusterContext, eventId: string, options: { timeLimitSeconds?: number } = {}) {
  const input = await tenant(ctx, async (tx) => {
    const { event, day } = await loadDay(tx, ctx, eventId);
    if (!["requests_closed", "scheduled"].includes(day.phase))
      throw conflict("Clôturez d'abord les demandes de rendez-vous", [{ field: "phase", message: day.phase }]);
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const requests = await requestsOf(tx, ctx.clusterId, day.id);
    return { event, day, participants, instance: buildInstance(day, participants, requests), requests };
  });
  const { day, participants, instance } = input;
  if (!instance.requests.length)
    throw conflict("Aucune demande acceptée : rien à planifier", [{ field: "requests", message: "0 acceptée" }]);
  const result = await scheduleMeetings(instance, {
    timeLimitSeconds: options.timeLimitSeconds ?? day.timeLimitSeconds,
  });
  const placed = placeMeetings(day, participants, instance, result.schedule);
  return tenant(ctx, async (tx) => {
    const { event, day: now } = await loadDay(tx, ctx, eventId);
    const fresh = buildInstance(
      now,
      await participantsOf(tx, ctx.clusterId, now.id),
      await requestsOf(tx, ctx.clusterId, now.id),
    );
    if (JSON.stringify(fresh) !== JSON.stringify(instance) || now.version !== day.version)
      throw conflict("Les demandes ont changé pendant le calcul : relancez-le");
    const row = await storeSchedule(tx, ctx, now, event.startsAt, {
      kind: "schedule",
      status: "draft",
      instance,
      schedule: placed.schedule,
      placed: placed.placed,
      stats: {
        ...result.stats,
        overflow: placed.overflow,
        ratio: ratioOf(placed.schedule.weight, placed.schedule.upperBound),
      },
    });
    const updated = now.phase === "scheduled" ? now : await movePhase(tx, ctx, now, "scheduled");
    return review(tx, ctx, updated, row);
  });
}

export async function publishSchedule(ctx: ClusterContext, eventId: string) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const row = await latestSchedule(tx, ctx.clusterId, day.id);
    if (!row || day.phase !== "scheduled" || row.status !== "draft")
      throw conflict("Aucun planning en attente de publication : calculez-le d'abord", [
        { field: "phase", message: day.phase },
      ]);
    await tx
      .update(meetingSchedules)
      .set({ status: "superseded" })
      .where(and(eq(meetingSchedules.dayId, day.id), eq(meetingSchedules.status, "published")));
    const [published] = await tx
      .update(meetingSchedules)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(meetingSchedules.id, row.id))
      .returning();
    const moved = await movePhase(tx, ctx, day, "published");
    return review(tx, ctx, moved, published);
  });
}

/**
 * Re-plans a published day (a cancellation, a late arrival, a request accepted late): meetings already
 * under way or past stay, every confirmed meeting that can still be held keeps its slot and table, and
 * freed slots from `fromSlot` on are filled. The result is published at once: on the day there is no time
 * for a review round, and nothing confirmed moves.
 */
export async function replan(
  ctx: ClusterContext,
  eventId: string,
  options: { fromSlot?: number } = {},
  now = new Date(),
) {
  const input = await tenant(ctx, async (tx) => {
    const { event, day } = await loadDay(tx, ctx, eventId);
    if (day.phase !== "published")
      throw conflict("Seul un planning publié se re-planifie", [{ field: "phase", message: day.phase }]);
    const current = await latestSchedule(tx, ctx.clusterId, day.id, "published");
    if (!current) throw conflict("Aucun planning publié");
    const under = currentSlot(event.startsAt, day, now);
    const beforeDay = now < slotStart(event.startsAt, day, 0);
    const fromSlot = options.fromSlot ?? (under !== null ? under + 1 : beforeDay ? 0 : day.slotCount);
    if (fromSlot >= day.slotCount)
      throw conflict("La journée est finie : plus rien à re-planifier", [
        { field: "fromSlot", message: String(fromSlot) },
      ]);
    const grid = meetingSlots(day);
    const previous = current.schedule as Schedule;
    const keepBusy = new Map<string, number[]>();
    for (const m of previous.meetings)
      if (grid[m.slot]! < fromSlot)
        for (const id of [m.a, m.b]) keepBusy.set(id, [...(keepBusy.get(id) ?? []), m.slot]);
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const requests = await requestsOf(tx, ctx.clusterId, day.id);
    // A participant who left keeps the meetings already held, so they stay in the record.
    const planned = participants.map((p) =>
      p.status === "cancelled" && keepBusy.has(p.id)
        ? { ...p, status: "active" as const, availableFrom: day.slotCount, availableTo: day.slotCount }
        : p,
    );
    const instance = buildInstance(day, planned, requests, { fromSlot, keepBusy });
    const outcomes = new Map(
      (await meetingsOf(tx, ctx.clusterId, current.id)).map((m) => [
        meetingKey({ a: m.aId, b: m.bId, slot: grid.indexOf(m.slot) }),
        { held: m.held, followUp: m.followUp, outcomeAt: m.outcomeAt },
      ]),
    );
    return { day, planned, instance, previous, current, fromSlot, outcomes };
  });
  const result = await replanMeetings(input.instance, input.previous, { timeLimitSeconds: 5 });
  const keep = new Set(input.previous.meetings.map(meetingKey));
  const placed = placeMeetings(input.day, input.planned, input.instance, result.schedule, keep);
  return tenant(ctx, async (tx) => {
    const { event, day } = await loadDay(tx, ctx, eventId);
    const current = await latestSchedule(tx, ctx.clusterId, day.id, "published");
    if (current?.id !== input.current.id) throw conflict("Le planning a changé pendant le calcul : relancez-le");
    await tx.update(meetingSchedules).set({ status: "superseded" }).where(eq(meetingSchedules.id, current.id));
    const row = await storeSchedule(tx, ctx, day, event.startsAt, {
      kind: "replan",
      status: "published",
      instance: input.instance,
      schedule: placed.schedule,
      placed: placed.placed,
      outcomes: input.outcomes,
      stats: {
        fromSlot: input.fromSlot,
        kept: result.kept,
        removed: result.removed,
        added: result.added,
        overflow: placed.overflow,
        ratio: ratioOf(placed.schedule.weight, placed.schedule.upperBound),
      },
    });
    return review(tx, ctx, day, row);
  });
}

// ---------------------------------------------------------------- outputs

/** The schedule participants see: the published one (staff: the latest, draft included). */
async function visibleSchedule(tx: Db, ctx: ClusterContext, day: DayRow) {
  const published = await latestSchedule(tx, ctx.clusterId, day.id, "published");
  if (!managesMeetings(ctx.actor)) return published;
  return (await latestSchedule(tx, ctx.clusterId, day.id)) ?? published;
}

export async function agenda(ctx: ClusterContext, eventId: string, participantId: string) {
  const dayJson = await getDay(ctx, eventId);
  return tenant(ctx, async (tx) => {
    const { event, day } = await loadDay(tx, ctx, eventId);
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const me = participants.find((p) => p.id === participantId);
    if (!me || !mayManageParticipant(ctx.actor, me)) throw notFound("Participant");
    const schedule = await visibleSchedule(tx, ctx, day);
    const rows = schedule
      ? (await meetingsOf(tx, ctx.clusterId, schedule.id)).filter((m) => m.aId === me.id || m.bId === me.id)
      : [];
    const pc = await presentContext(tx, ctx, day, participants);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const bySlot = new Map(rows.map((m) => [m.slot, m]));
    const items = slotsOf(event, day).map((s) => {
      const m = bySlot.get(s.slot);
      const away =
        (me.availableFrom !== null && s.slot < me.availableFrom) ||
        (me.availableTo !== null && s.slot > me.availableTo);
      return {
        slot: s.slot,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        kind: m ? ("meeting" as const) : s.pause ? ("pause" as const) : away ? ("away" as const) : ("free" as const),
        label: s.pause,
        meeting: m
          ? { ...presentMeeting(m, byId), with: presentParticipant(byId.get(m.aId === me.id ? m.bId : m.aId)!, pc) }
          : null,
      };
    });
    return {
      day: dayJson,
      participant: presentParticipant(me, pc),
      published: schedule?.status === "published",
      items,
      /** When the schedule shown was computed: the calendar entries' SEQUENCE follows it. */
      computedAt: schedule?.createdAt ?? null,
    };
  });
}
export type AgendaData = Awaited<ReturnType<typeof agenda>>;

/** Every meeting of the visible schedule with names, for the table plan. */
export async function tablePlan(ctx: ClusterContext, eventId: string) {
  const dayJson = await getDay(ctx, eventId);
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const schedule = await visibleSchedule(tx, ctx, day);
    const rows = schedule ? await meetingsOf(tx, ctx.clusterId, schedule.id) : [];
    return {
      day: dayJson,
      published: schedule?.status === "published",
      meetings: rows.map((m) => presentMeeting(m, byId)),
    };
  });
}

/** What happens at each place now and next: the slot comes from the clock (or `at`). */
export async function board(ctx: ClusterContext, eventId: string, at = new Date()) {
  return tenant(ctx, async (tx) => {
    const { event, day } = await loadDay(tx, ctx, eventId);
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const schedule = await latestSchedule(tx, ctx.clusterId, day.id, "published");
    const rows: MeetingRow[] = schedule ? await meetingsOf(tx, ctx.clusterId, schedule.id) : [];
    const slot = currentSlot(event.startsAt, day, at);
    const grid = meetingSlots(day);
    const next = grid.find((g) => (slot === null ? at < slotStart(event.startsAt, day, 0) : g > slot)) ?? null;
    const placeOf = (m: MeetingRow) =>
      m.stand ? `stand:${m.stand}` : m.tableNumber !== null ? `table:${m.tableNumber}` : `pair:${m.aId}`;
    const places = new Map<string, { place: string; table: number | null }>();
    for (let t = 1; t <= (day.tables ?? 0); t++) places.set(`table:${t}`, { place: `Table ${t}`, table: t });
    for (const m of rows)
      if (!places.has(placeOf(m)))
        places.set(placeOf(m), {
          place: m.stand ?? (m.tableNumber !== null ? `Table ${m.tableNumber}` : "—"),
          table: m.tableNumber,
        });
    const pause =
      slot !== null && !grid.includes(slot)
        ? (day.pauses.find((p) => p.from <= slot && slot <= p.to)?.label ?? null)
        : null;
    return {
      now: at.toISOString(),
      slot,
      slotStartsAt: slot !== null ? slotStart(event.startsAt, day, slot).toISOString() : null,
      slotEndsAt: slot !== null ? slotStart(event.startsAt, day, slot + 1).toISOString() : null,
      pause,
      next,
      places: [...places.entries()].map(([key, p]) => {
        const find = (s: number | null) => {
          const m = s === null ? undefined : rows.find((r) => r.slot === s && placeOf(r) === key);
          return m ? presentMeeting(m, byId) : null;
        };
        return { ...p, now: find(slot), next: find(next) };
      }),
    };
  });
}
