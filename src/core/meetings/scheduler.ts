import { greedySchedule } from "./baseline.js";
import { type Bound, computeBound } from "./bound.js";
import type { Instance, Schedule } from "./instance.js";
import { buildModel, type Model } from "./model.js";
import { numberTables, toSchedule } from "./output.js";
import { Timetable } from "./timetable.js";

export interface SchedulerOptions {
  /** Total wall-clock budget in seconds (default 10). The search stops earlier when it cannot improve. */
  timeLimitSeconds?: number;
  /** Seed of the local search's random choices: same seed, same instance → same schedule. */
  seed?: number;
  /** Progress messages (the CLI prints them on stderr). */
  log?: (message: string) => void;
}

export interface SchedulerStats {
  requests: number;
  pairs: number;
  dropped: { a: string; b: string; reason: string }[];
  held: number;
  boundMethod: Bound["method"];
  seconds: { bound: number; placement: number; breaks: number; total: number };
  breaksBeforeReduction: number;
  maxBreaks: number;
  /** Among participants who asked for at least one meeting, the fewest meetings anyone got. */
  minMeetings: number;
}

export interface SchedulerResult {
  schedule: Schedule;
  stats: SchedulerStats;
}

/** Small, fast, seedable generator (mulberry32). */
export function randomGenerator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stage 2–4 of the design: place the LP's selection hardest first, refill, swap heavier requests in. */
function placeRequests(tt: Timetable, x: Float64Array, deadline: number) {
  const { model } = tt;
  const m = model.edgeA.length;
  const degree = (e: number) => model.incident[model.edgeA[e]!]!.length + model.incident[model.edgeB[e]!]!.length;
  const selected: number[] = [];
  const others: number[] = [];
  for (let e = 0; e < m; e++) (x[e]! >= 0.5 ? selected : others).push(e);
  selected.sort(
    (p, q) =>
      model.window[p]!.length - model.window[q]!.length ||
      model.weight[q]! - model.weight[p]! ||
      degree(q) - degree(p) ||
      p - q,
  );
  for (const e of selected) {
    if (performance.now() > deadline) break;
    tt.place(e, 2);
  }
  others.sort((p, q) => model.weight[q]! - model.weight[p]! || x[q]! - x[p]! || p - q);
  for (const e of [...selected.filter((e) => tt.slotOf[e]! < 0), ...others]) {
    if (tt.slotOf[e]! >= 0) continue;
    if (performance.now() > deadline) break;
    tt.place(e, 1);
  }
  swapIn(tt, deadline);
}

/** A heavier unheld request takes the place of lighter blockers, which are then re-placed if they can be. */
function swapIn(tt: Timetable, deadline: number) {
  const { model, T } = tt;
  const m = model.edgeA.length;
  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    const unheld = Array.from({ length: m }, (_, e) => e)
      .filter((e) => tt.slotOf[e]! < 0)
      .sort((p, q) => model.weight[q]! - model.weight[p]! || p - q);
    for (const e of unheld) {
      if (performance.now() > deadline) return;
      if (tt.slotOf[e]! >= 0) continue;
      const w = model.weight[e]!;
      const a = model.edgeA[e]!;
      const b = model.edgeB[e]!;
      for (const s of model.window[e]!) {
        const blockers = new Set<number>();
        const fa = tt.busy[a * T + s]!;
        const fb = tt.busy[b * T + s]!;
        if (fa >= 0) blockers.add(fa);
        if (fb >= 0) blockers.add(fb);
        let blocked = 0;
        for (const f of blockers) blocked += model.weight[f]!;
        if (blocked >= w) continue;
        let lightest = -1;
        if (tt.inSlot[s]!.length - blockers.size >= tt.K) {
          // A full slot: the lightest other meeting there gives up its table.
          for (const g of tt.inSlot[s]!) {
            if (blockers.has(g) || tt.fixed[g]) continue;
            if (lightest < 0 || model.weight[g]! < model.weight[lightest]!) lightest = g;
          }
          if (lightest < 0 || blocked + model.weight[lightest]! >= w) continue;
          blockers.add(lightest);
        }
        if ([...blockers].some((f) => tt.fixed[f])) continue;
        const mark = tt.begin();
        for (const f of blockers) tt.unassign(f);
        tt.assign(e, s);
        let lost = 0;
        for (const f of blockers) if (!tt.place(f, 1)) lost += model.weight[f]!;
        if (w - lost > 1e-9) {
          tt.end();
          improved = true;
          break;
        }
        tt.rollback(mark);
        tt.end();
      }
    }
    if (!improved) return;
  }
}

/**
 * Stage 5: fewer breaks by simulated annealing over moves that never change
 * which meetings are held: move a meeting to a free slot, or swap the
 * two-slot Kempe component it belongs to. Fairness is the tie-breaker:
 * among equal totals, the sum of squared breaks (it spreads breaks out).
 */
function reduceBreaks(tt: Timetable, deadline: number, random: () => number) {
  const { model } = tt;
  const n = model.ids.length;
  const breaks = new Int32Array(n);
  let total = 0;
  let squares = 0;
  for (let v = 0; v < n; v++) {
    breaks[v] = tt.breaksOf(v);
    total += breaks[v]!;
    squares += breaks[v]! * breaks[v]!;
  }
  const held: number[] = [];
  for (let e = 0; e < model.edgeA.length; e++) if (tt.slotOf[e]! >= 0 && !tt.fixed[e]) held.push(e);
  if (total === 0 || held.length === 0) return;
  const meetingsOf: number[][] = Array.from({ length: n }, () => []);
  for (const e of held) {
    meetingsOf[model.edgeA[e]!]!.push(e);
    meetingsOf[model.edgeB[e]!]!.push(e);
  }

  let best = { total, squares, slots: Int32Array.from(tt.slotOf) };
  const started = performance.now();
  const span = Math.max(1, deadline - started);
  let iterations = 0;
  let lastImprovement = started;
  const touched = new Set<number>();
  while (total > 0) {
    if ((iterations & 255) === 0) {
      const now = performance.now();
      if (now > deadline) break;
      // Stagnation: nothing better for a long while (relative to what was spent so far).
      if (now - lastImprovement > Math.max(1500, (lastImprovement - started) * 2) && iterations > 200_000) break;
    }
    iterations++;
    const temperature = 0.5 * (1 - (performance.now() - started) / span) + 0.02;

    // Mostly pick a meeting of someone who has breaks.
    let e: number;
    let focus = -1;
    if (random() < 0.8) {
      const v = Math.floor(random() * n);
      let pick = -1;
      for (let k = 0; k < n; k++) {
        const u = (v + k) % n;
        if (breaks[u]! > 0) {
          pick = u;
          break;
        }
      }
      const list = meetingsOf[pick]!;
      e = list[Math.floor(random() * list.length)]!;
      focus = pick;
    } else {
      e = held[Math.floor(random() * held.length)]!;
    }
    const window = model.window[e]!;
    if (window.length < 2) continue;
    const s = tt.slotOf[e]!;
    let t = window[Math.floor(random() * window.length)]!;
    if (focus >= 0 && random() < 0.7) {
      // Close a gap: next to another meeting of the participant who has breaks.
      const T = tt.T;
      const options: number[] = [];
      for (const u of window) {
        if (u === s || tt.busy[focus * T + u]! >= 0) continue;
        if (
          (u > 0 && u - 1 !== s && tt.busy[focus * T + u - 1]! >= 0) ||
          (u < T - 1 && u + 1 !== s && tt.busy[focus * T + u + 1]! >= 0)
        ) {
          options.push(u);
        }
      }
      if (options.length) t = options[Math.floor(random() * options.length)]!;
    }
    if (t === s) continue;

    let component: number[] | null;
    if (tt.fits(e, t)) component = [e];
    else {
      component = tt.component(e, t, 16);
      if (component && component.length === 1 && tt.inSlot[t]!.length >= tt.K) {
        // Every table taken in t: trade places with a meeting of t that can go to s (a balanced swap).
        const others = tt.inSlot[t]!;
        component = null;
        for (let k = 0; k < 6; k++) {
          const f = others[Math.floor(random() * others.length)]!;
          if (tt.fixed[f] || !tt.canMeetIn(f, s)) continue;
          const fa = model.edgeA[f]!;
          const fb = model.edgeB[f]!;
          if (tt.busy[fa * tt.T + s]! >= 0 || tt.busy[fb * tt.T + s]! >= 0) continue;
          component = [e, f];
          break;
        }
      }
      if (!component) continue;
    }
    touched.clear();
    for (const f of component) {
      touched.add(model.edgeA[f]!);
      touched.add(model.edgeB[f]!);
    }
    let before = 0;
    let beforeSq = 0;
    for (const v of touched) {
      before += breaks[v]!;
      beforeSq += breaks[v]! * breaks[v]!;
    }
    let moved: boolean;
    if (component.length === 1 && tt.fits(e, t)) {
      tt.assign(e, t);
      moved = true;
    } else moved = tt.swapComponent(component, s, t);
    if (!moved) continue;
    let after = 0;
    let afterSq = 0;
    for (const v of touched) {
      const b = tt.breaksOf(v);
      after += b;
      afterSq += b * b;
    }
    const delta = after - before;
    const deltaSq = afterSq - beforeSq;
    const accept =
      delta < 0 ||
      (delta === 0 && (deltaSq <= 0 || random() < 0.1)) ||
      (delta > 0 && random() < Math.exp(-delta / temperature));
    if (!accept) {
      if (component.length === 1 && tt.slotOf[e] === t && !tt.fixed[e]) {
        if (tt.fits(e, s)) tt.assign(e, s);
        else tt.swapComponent(component, t, s);
      } else tt.swapComponent(component, t, s);
      continue;
    }
    for (const v of touched) {
      const b = tt.breaksOf(v);
      breaks[v] = b;
    }
    total += delta;
    squares += deltaSq;
    if (total < best.total || (total === best.total && squares < best.squares)) {
      best = { total, squares, slots: Int32Array.from(tt.slotOf) };
      lastImprovement = performance.now();
    }
  }
  // Restore the best timetable seen.
  if (best.total < total || (best.total === total && best.squares < squares)) {
    for (const e of held) tt.unassign(e);
    for (const e of held) tt.assign(e, best.slots[e]!);
  }
}

function fairness(tt: Timetable) {
  const { model } = tt;
  let maxBreaks = 0;
  let minMeetings = Number.POSITIVE_INFINITY;
  for (let v = 0; v < model.ids.length; v++) {
    maxBreaks = Math.max(maxBreaks, tt.breaksOf(v));
    if (model.incident[v]!.length === 0) continue;
    let count = 0;
    for (let s = 0; s < tt.T; s++) if (tt.busy[v * tt.T + s]! >= 0) count++;
    minMeetings = Math.min(minMeetings, count);
  }
  return { maxBreaks, minMeetings: Number.isFinite(minMeetings) ? minMeetings : 0 };
}

/** Loads a schedule (the baseline's, or one being re-planned) into a timetable. */
export function timetableFrom(model: Model, schedule: Schedule): Timetable {
  const tt = new Timetable(model);
  const edgeOf = new Map<string, number>();
  for (let e = 0; e < model.edgeA.length; e++) edgeOf.set(`${model.edgeA[e]}:${model.edgeB[e]}`, e);
  const index = new Map(model.ids.map((id, i) => [id, i]));
  for (const meeting of schedule.meetings) {
    let a = index.get(meeting.a);
    let b = index.get(meeting.b);
    if (a === undefined || b === undefined) continue;
    if (a > b) [a, b] = [b, a];
    const e = edgeOf.get(`${a}:${b}`);
    if (e !== undefined && tt.slotOf[e]! < 0 && tt.canMeetIn(e, meeting.slot) && tt.fits(e, meeting.slot)) {
      tt.assign(e, meeting.slot);
    }
  }
  return tt;
}

/**
 * Schedules a business-meeting day (docs/formats/meetings.md): the most total
 * weight, then the fewest breaks, then fairness; with the proven upper bound.
 */
export async function scheduleMeetings(instance: Instance, options: SchedulerOptions = {}): Promise<SchedulerResult> {
  const started = performance.now();
  const limit = (options.timeLimitSeconds ?? 10) * 1000;
  const deadline = started + limit * 0.97;
  const log = options.log ?? (() => {});
  const random = randomGenerator(options.seed ?? 1);
  const model = buildModel(instance);
  log(`${model.ids.length} participants, ${model.slots} slots, ${model.edgeA.length} pairs to consider`);

  const bound = await computeBound(model, { timeLimitSeconds: Math.max(1, (limit / 1000) * 0.5) });
  const boundDone = performance.now();
  log(`upper bound ${bound.upperBound} (${bound.method}, ${bound.lpSeconds.toFixed(2)} s)`);

  let tt = new Timetable(model);
  placeRequests(tt, bound.x, started + limit * 0.7);
  // Portfolio: keep the baseline's selection if it ever holds more (it never should; the property tests check it).
  const baseline = greedySchedule(instance);
  if (baseline.weight > tt.weightHeld + 1e-9) {
    log(`baseline held more (${baseline.weight} > ${tt.weightHeld}); starting from it`);
    tt = timetableFrom(model, baseline);
  }
  const placementDone = performance.now();
  const breaksBeforeReduction = tt.totalBreaks();
  log(`placed ${tt.held} meetings, weight ${tt.weightHeld}, ${breaksBeforeReduction} breaks`);

  reduceBreaks(tt, deadline, random);
  if (Math.abs(baseline.weight - tt.weightHeld) < 1e-9 && baseline.breaks < tt.totalBreaks()) {
    // Lexicographic objective: same weight, fewer breaks wins, whoever found it.
    tt = timetableFrom(model, baseline);
  }
  const done = performance.now();
  const schedule = toSchedule(tt, numberTables(tt), bound.upperBound);
  log(`breaks ${breaksBeforeReduction} → ${schedule.breaks}`);
  return {
    schedule,
    stats: {
      requests: instance.requests.length,
      pairs: model.edgeA.length,
      dropped: model.dropped,
      held: tt.held,
      boundMethod: bound.method,
      seconds: {
        bound: (boundDone - started) / 1000,
        placement: (placementDone - boundDone) / 1000,
        breaks: (done - placementDone) / 1000,
        total: (done - started) / 1000,
      },
      breaksBeforeReduction,
      ...fairness(tt),
    },
  };
}
