import { checkSchedule } from "../../core/meetings/check.js";
import type { Instance, Schedule } from "../../core/meetings/instance.js";
import { SimilarityIndex } from "../../core/similarity/similarity.js";
import { parisToInstant, parisWallClock } from "../events/recurrence.js";
import type { MeetingCategory, MeetingPause, MeetingPhase } from "./meetings.schema.js";

/**
 * Priority → weight given to the scheduler. Each level counts twice the next, so one "indispensable"
 * meeting (1) is worth two "important" ones (2) and four "if possible" ones (3). A pair both sides asked
 * for adds both weights (the exchange format merges them), so mutual interest wins ties. A meeting staff
 * force weighs 8: more than any one participant's wish, so it is placed first but is still not absolute.
 */
export const PRIORITY_WEIGHT: Record<1 | 2 | 3, number> = { 1: 4, 2: 2, 3: 1 };
export const FORCED_WEIGHT = 8;

export const weightOf = (request: { priority: number; forced: boolean }) =>
  request.forced ? FORCED_WEIGHT : (PRIORITY_WEIGHT[request.priority as 1 | 2 | 3] ?? 1);

/**
 * The moves staff make by hand. "scheduled" is reached by running the scheduler and "published" by
 * publishing a schedule; going back to requests discards nothing but lets requests change again.
 */
export const PHASE_MOVES: Record<MeetingPhase, readonly MeetingPhase[]> = {
  draft: ["requests_open"],
  requests_open: ["draft", "requests_closed"],
  requests_closed: ["requests_open"],
  scheduled: ["requests_open", "requests_closed"],
  published: ["held"],
  held: ["published"],
};

/** Phases in which the grid, tables and category rules may still change (no schedule relies on them). */
export const CONFIGURABLE_PHASES: readonly MeetingPhase[] = ["draft", "requests_open", "requests_closed"];

export interface DayGrid {
  startTime: string;
  slotMinutes: number;
  slotCount: number;
  pauses: MeetingPause[];
}

/** The grid slots where meetings happen (not in a pause), ascending: scheduler slot s is grid slot meetingSlots[s]. */
export function meetingSlots(day: DayGrid): number[] {
  const paused = new Set<number>();
  for (const p of day.pauses) for (let g = p.from; g <= p.to; g++) paused.add(g);
  return Array.from({ length: day.slotCount }, (_, g) => g).filter((g) => !paused.has(g));
}

/** When grid slot `slot` starts, on the Paris day of `eventStart`. */
export function slotStart(eventStart: Date, day: DayGrid, slot: number): Date {
  const w = parisWallClock(eventStart);
  const [h, m] = day.startTime.split(":").map(Number);
  return parisToInstant({ ...w, hour: h!, minute: m! + slot * day.slotMinutes, second: 0 });
}

/** The grid slot under way at `now` (null before the first or after the last). */
export function currentSlot(eventStart: Date, day: DayGrid, now: Date): number | null {
  const first = slotStart(eventStart, day, 0).getTime();
  const index = Math.floor((now.getTime() - first) / (day.slotMinutes * 60_000));
  return index >= 0 && index < day.slotCount ? index : null;
}

export interface CategoryRules {
  categories: MeetingCategory[];
  allowedPairs: [string, string][];
}

/** No rule, or a participant not yet classified, means anyone may meet anyone. */
export function mayMeet(rules: CategoryRules, a: string | null, b: string | null): boolean {
  if (!rules.allowedPairs.length || !a || !b) return true;
  return rules.allowedPairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export function categoryLabel(rules: CategoryRules, code: string | null) {
  return rules.categories.find((c) => c.code === code)?.label ?? code ?? "—";
}

/** "Les rendez-vous « Fournisseur » – « Fournisseur » ne sont pas prévus ; « Fournisseur » rencontre : « Acheteur »." */
export function categoryRefusal(rules: CategoryRules, a: string, b: string): string {
  const partners = rules.allowedPairs
    .filter(([x, y]) => x === a || y === a)
    .map(([x, y]) => categoryLabel(rules, x === a ? y : x));
  const la = categoryLabel(rules, a);
  return (
    `Les rendez-vous « ${la} » – « ${categoryLabel(rules, b)} » ne sont pas prévus par les règles de la journée` +
    (partners.length ? ` ; « ${la} » rencontre : ${[...new Set(partners)].map((p) => `« ${p} »`).join(", ")}` : "")
  );
}

export interface PlanParticipant {
  id: string;
  category: string | null;
  availableFrom: number | null;
  availableTo: number | null;
  stand: string | null;
  status: "active" | "cancelled";
}
export interface PlanRequest {
  fromId: string;
  toId: string;
  priority: number;
  forced: boolean;
  status: string;
}
export interface PlanDay extends DayGrid, CategoryRules {
  tables: number | null;
}

/** Stand holders in a stable order: stand k takes place number tables + 1 + k in the exchange format. */
export const standHolders = (participants: PlanParticipant[]) =>
  participants
    .filter((p) => p.status === "active" && p.stand)
    .map((p) => p.id)
    .sort();

/**
 * The scheduler's instance for the day: active participants with the meeting slots of their window,
 * accepted requests between categories that may meet. Meetings at a fixed stand use no table, so the
 * instance counts tables + stands as places (a relaxation that `placeMeetings` settles).
 */
export function buildInstance(
  day: PlanDay,
  participants: PlanParticipant[],
  requests: PlanRequest[],
  options: { fromSlot?: number; keepBusy?: Map<string, number[]> } = {},
): Instance {
  const grid = meetingSlots(day);
  const active = new Map(participants.filter((p) => p.status === "active").map((p) => [p.id, p]));
  const stands = standHolders(participants);
  const instance: Instance = {
    slots: grid.length,
    participants: [...active.values()].map((p) => {
      const kept = new Set(options.keepBusy?.get(p.id) ?? []);
      const available = grid.flatMap((g, s) => {
        const inWindow = (p.availableFrom ?? 0) <= g && g <= (p.availableTo ?? day.slotCount - 1);
        const open = g >= (options.fromSlot ?? 0);
        return (inWindow && open) || kept.has(s) ? [s] : [];
      });
      return available.length === grid.length ? { id: p.id } : { id: p.id, available };
    }),
    requests: requests
      .filter((r) => r.status === "accepted" && active.has(r.fromId) && active.has(r.toId))
      .filter((r) => mayMeet(day, active.get(r.fromId)!.category, active.get(r.toId)!.category))
      .map((r) => ({ a: r.fromId, b: r.toId, weight: weightOf(r) })),
  };
  if (day.tables !== null) instance.tables = day.tables + stands.length;
  return instance;
}

export interface PlacedMeeting {
  a: string;
  b: string;
  /** Scheduler slot (index into meetingSlots). */
  slot: number;
  gridSlot: number;
  /** Numbered table, null at a stand or with no table limit. */
  table: number | null;
  stand: string | null;
}

/**
 * Gives every scheduled meeting its place: the stand of a participant who has one, else a numbered
 * table (the scheduler's number when it is a real table and free; kept meetings first). A slot where
 * more table meetings came out than tables exist loses its lightest extra ones (listed in `overflow`).
 * Rewrites the schedule so the stored exchange-format JSON stays valid for `checkSchedule`.
 */
export function placeMeetings(
  day: PlanDay,
  participants: PlanParticipant[],
  instance: Instance,
  schedule: Schedule,
  keep: Set<string> = new Set(),
): { schedule: Schedule; placed: PlacedMeeting[]; overflow: { a: string; b: string }[] } {
  const grid = meetingSlots(day);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const stands = standHolders(participants);
  const standIndex = new Map(stands.map((id, k) => [id, k]));
  const weights = new Map<string, number>();
  for (const r of instance.requests) {
    const key = pairKey(r.a, r.b);
    weights.set(key, (weights.get(key) ?? 0) + (r.weight ?? 1));
  }
  const placed: PlacedMeeting[] = [];
  const overflow: { a: string; b: string }[] = [];
  const bySlot = new Map<number, typeof schedule.meetings>();
  for (const m of schedule.meetings) bySlot.set(m.slot, [...(bySlot.get(m.slot) ?? []), m]);
  const meetings: Schedule["meetings"] = [];
  for (const [slot, list] of bySlot) {
    const used = new Set<number>();
    const atTables: typeof list = [];
    for (const m of list) {
      // The requested side's stand first: a visitor goes to the exhibitor they asked to see.
      const host = [m.b, m.a].find((id) => standIndex.has(id));
      if (host === undefined) {
        atTables.push(m);
        continue;
      }
      const table = day.tables === null ? undefined : day.tables + 1 + standIndex.get(host)!;
      meetings.push({ a: m.a, b: m.b, slot, ...(table ? { table } : {}) });
      placed.push({ a: m.a, b: m.b, slot, gridSlot: grid[slot]!, table: null, stand: byId.get(host)!.stand });
    }
    const order = atTables.sort(
      (x, y) =>
        Number(keep.has(meetingKey(y))) - Number(keep.has(meetingKey(x))) ||
        (weights.get(pairKey(y.a, y.b)) ?? 0) - (weights.get(pairKey(x.a, x.b)) ?? 0),
    );
    const pending: typeof list = [];
    for (const m of order) {
      if (day.tables !== null && m.table !== undefined && m.table <= day.tables && !used.has(m.table)) {
        used.add(m.table);
        meetings.push({ a: m.a, b: m.b, slot, table: m.table });
        placed.push({ a: m.a, b: m.b, slot, gridSlot: grid[slot]!, table: m.table, stand: null });
      } else pending.push(m);
    }
    for (const m of pending) {
      if (day.tables === null) {
        meetings.push({ a: m.a, b: m.b, slot });
        placed.push({ a: m.a, b: m.b, slot, gridSlot: grid[slot]!, table: null, stand: null });
        continue;
      }
      let table = 1;
      while (used.has(table)) table++;
      if (table > day.tables) {
        overflow.push({ a: m.a, b: m.b });
        continue;
      }
      used.add(table);
      meetings.push({ a: m.a, b: m.b, slot, table });
      placed.push({ a: m.a, b: m.b, slot, gridSlot: grid[slot]!, table, stand: null });
    }
  }
  meetings.sort((x, y) => x.slot - y.slot || (x.table ?? 0) - (y.table ?? 0));
  const report = checkSchedule(instance, { ...schedule, meetings, weight: 0, breaks: 0 });
  return {
    schedule: { meetings, weight: report.weight, upperBound: schedule.upperBound, breaks: report.breaks },
    placed,
    overflow,
  };
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
export const meetingKey = (m: { a: string; b: string; slot: number }) => `${pairKey(m.a, m.b)}|${m.slot}`;

/** Breaks (idle stretches between two meetings) of one participant, from the grid slots of their meetings. */
export function breaksOfSlots(grid: number[], slots: number[]): number {
  const index = slots.map((g) => grid.indexOf(g)).sort((x, y) => x - y);
  let breaks = 0;
  for (let i = 1; i < index.length; i++) if (index[i]! > index[i - 1]! + 1) breaks++;
  return breaks;
}

// ---------------------------------------------------------------- suggestions

export interface ProfileForMatch {
  id: string;
  category: string | null;
  offers: string;
  seeks: string;
  tradeCodes: string[];
}

export interface Suggestion {
  id: string;
  score: number;
  /** How well what the participant seeks matches what the other offers (0–1). */
  seeksOffers: number;
  /** And the other way round. */
  offersSeeks: number;
  sharedTrades: string[];
}

/**
 * Whom to meet: what one seeks against what the other offers (French similarity over the day's own
 * profiles, so words every profile uses weigh little), the reverse at half weight (a meeting both
 * sides gain from), and shared trades; only categories that may meet, no one already asked.
 */
export function suggestMeetings(
  rules: CategoryRules,
  me: ProfileForMatch,
  others: ProfileForMatch[],
  exclude: Set<string>,
  limit = 10,
): Suggestion[] {
  const index = new SimilarityIndex([me, ...others].map((p) => ({ id: p.id, text: `${p.offers} ${p.seeks}` })));
  const suggestions: Suggestion[] = [];
  for (const other of others) {
    if (other.id === me.id || exclude.has(other.id) || !mayMeet(rules, me.category, other.category)) continue;
    const seeksOffers = me.seeks && other.offers ? index.compare(me.seeks, other.offers) : 0;
    const offersSeeks = me.offers && other.seeks ? index.compare(me.offers, other.seeks) : 0;
    const sharedTrades = me.tradeCodes.filter((c) => other.tradeCodes.includes(c));
    const score = seeksOffers + offersSeeks / 2 + Math.min(sharedTrades.length, 3) * 0.1;
    if (score > 0.05)
      suggestions.push({
        id: other.id,
        score: Math.round(score * 1000) / 1000,
        seeksOffers,
        offersSeeks,
        sharedTrades,
      });
  }
  return suggestions.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)).slice(0, limit);
}
