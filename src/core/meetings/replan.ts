import { computeBound } from "./bound.js";
import type { Instance, Schedule } from "./instance.js";
import { buildModel } from "./model.js";
import { numberTables, toSchedule } from "./output.js";
import { randomGenerator, type SchedulerOptions } from "./scheduler.js";
import { Timetable } from "./timetable.js";

export interface ReplanResult {
  schedule: Schedule;
  /** Confirmed meetings that stay at their slot and table. */
  kept: number;
  /** Confirmed meetings that can no longer be held (a participant cancelled, left or arrives later). */
  removed: { a: string; b: string; slot: number; reason: string }[];
  /** Meetings added in the freed slots. */
  added: { a: string; b: string; slot: number; table?: number }[];
}

/**
 * Re-plans a day under way: `instance` is the day as it stands now (a
 * cancelled participant has no slots left, a late one fewer, an accepted late
 * request is in `requests`). Every confirmed meeting of `previous` that can
 * still be held stays at its slot and table; freed slots are filled with the
 * heaviest requests that fit, without moving anybody else.
 */
export async function replanMeetings(
  instance: Instance,
  previous: Schedule,
  options: SchedulerOptions = {},
): Promise<ReplanResult> {
  const model = buildModel(instance);
  const tt = new Timetable(model);
  const index = new Map(model.ids.map((id, i) => [id, i]));
  const edgeOf = new Map<string, number>();
  for (let e = 0; e < model.edgeA.length; e++) edgeOf.set(`${model.edgeA[e]}:${model.edgeB[e]}`, e);
  const preset = new Map<number, number>();
  const removed: ReplanResult["removed"] = [];
  const usedTables = new Map<number, Set<number>>();
  for (const meeting of previous.meetings) {
    let a = index.get(meeting.a);
    let b = index.get(meeting.b);
    const drop = (reason: string) => removed.push({ a: meeting.a, b: meeting.b, slot: meeting.slot, reason });
    if (a === undefined || b === undefined) {
      drop("participant no longer in the day");
      continue;
    }
    if (a > b) [a, b] = [b, a];
    const e = edgeOf.get(`${a}:${b}`);
    if (e === undefined) {
      drop("request withdrawn or no common slot left");
      continue;
    }
    if (!tt.canMeetIn(e, meeting.slot)) {
      drop(
        `${model.available[a * model.slots + meeting.slot] ? meeting.b : meeting.a} is not available in that slot any more`,
      );
      continue;
    }
    if (!tt.fits(e, meeting.slot)) {
      drop("slot no longer has room");
      continue;
    }
    tt.assign(e, meeting.slot);
    tt.fixed[e] = 1;
    if (meeting.table !== undefined) {
      const used = usedTables.get(meeting.slot) ?? new Set<number>();
      if (!used.has(meeting.table)) {
        preset.set(e, meeting.table);
        used.add(meeting.table);
        usedTables.set(meeting.slot, used);
      }
    }
  }
  const kept = tt.held;
  // Fill: heaviest first; repairs may move only the new meetings (fixed ones never move).
  const order = Array.from(model.weight.keys())
    .filter((e) => tt.slotOf[e]! < 0)
    .sort((x, y) => model.weight[y]! - model.weight[x]! || model.window[x]!.length - model.window[y]!.length || x - y);
  for (const e of order) tt.place(e, 2);
  // Fewer breaks among what is new, by moving new meetings only.
  const random = randomGenerator(options.seed ?? 1);
  for (let i = 0; i < 20_000; i++) {
    const free = order.filter((e) => tt.slotOf[e]! >= 0);
    if (!free.length) break;
    const e = free[Math.floor(random() * free.length)]!;
    const s = tt.slotOf[e]!;
    const w = model.window[e]!;
    const t = w[Math.floor(random() * w.length)]!;
    if (t === s || !tt.fits(e, t)) continue;
    const a = model.edgeA[e]!;
    const b = model.edgeB[e]!;
    const before = tt.breaksOf(a) + tt.breaksOf(b);
    tt.assign(e, t);
    if (tt.breaksOf(a) + tt.breaksOf(b) > before) tt.assign(e, s);
  }
  const bound = await computeBound(model, { timeLimitSeconds: options.timeLimitSeconds ?? 10 });
  const schedule = toSchedule(tt, numberTables(tt, preset), bound.upperBound);
  const keptKeys = new Set(previous.meetings.map((m) => `${m.a < m.b ? m.a : m.b}|${m.a < m.b ? m.b : m.a}|${m.slot}`));
  const added = schedule.meetings.filter(
    (m) => !keptKeys.has(`${m.a < m.b ? m.a : m.b}|${m.a < m.b ? m.b : m.a}|${m.slot}`),
  );
  return { schedule, kept, removed, added };
}
