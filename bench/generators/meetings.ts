import type { Instance, InstanceRequest } from "../../src/core/meetings/instance.js";
import { randomGenerator } from "../../src/core/meetings/scheduler.js";

/**
 * Synthetic business-meeting days, deterministic for a seed.
 * - Over-subscribed days (the benchmark families): a quarter of participants
 *   are buyers; suppliers ask buyers, buyers ask suppliers, and some suppliers
 *   ask each other (partners), so the meeting graph is not bipartite.
 *   Priorities 1–3; a mutual wish adds both weights.
 * - Forum days shaped like the real ones of the literature (Bofill et al.,
 *   JAIR 2022: 40–80 participants, 8–22 slots, 125–300 accepted meetings,
 *   tables, forbidden slots), where every meeting fits and breaks matter.
 */
export interface DayOptions {
  participants: number;
  slots: number;
  requests: number;
  /** Late arrivals and early leaves for about a quarter of participants. */
  windows: boolean;
  /** Tables for about this share of the meetings the day could hold at most (n/2 per slot). */
  tableShare?: number;
  /** "skewed": a few buyers are wanted by everyone (Zipf-like). */
  popularity: "uniform" | "skewed";
  seed: number;
}

export function generateDay(options: DayOptions): Instance {
  const random = randomGenerator(options.seed);
  const n = options.participants;
  const T = options.slots;
  const buyers = Math.max(2, Math.round(n / 4));
  const ids = Array.from({ length: n }, (_, i) => (i < buyers ? `buyer${i + 1}` : `supplier${i - buyers + 1}`));
  const participants = ids.map((id) => {
    if (!options.windows || random() > 0.25) return { id };
    const length = Math.max(2, Math.round(T * (0.4 + random() * 0.4)));
    const start = random() < 0.5 ? 0 : T - length; // early leave or late arrival
    return { id, available: Array.from({ length }, (_, k) => start + k) };
  });
  // Popularity of each participant as a target.
  const popularity = ids.map((_, i) => (options.popularity === "skewed" ? 1 / (1 + (i % buyers)) ** 1.1 : 1));
  const cumulative = (lo: number, hi: number) => {
    const acc: number[] = [];
    let sum = 0;
    for (let i = lo; i < hi; i++) {
      sum += popularity[i]!;
      acc.push(sum);
    }
    return { acc, sum, lo };
  };
  const buyerPick = cumulative(0, buyers);
  const supplierPick = cumulative(buyers, n);
  const pick = (table: ReturnType<typeof cumulative>) => {
    const x = random() * table.sum;
    let lo = 0;
    let hi = table.acc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table.acc[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return table.lo + lo;
  };
  const requests: InstanceRequest[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (requests.length < options.requests && guard++ < options.requests * 20) {
    const r = random();
    let a: number;
    let b: number;
    if (r < 0.55) {
      a = buyers + Math.floor(random() * (n - buyers));
      b = pick(buyerPick);
    } else if (r < 0.9) {
      a = Math.floor(random() * buyers);
      b = pick(supplierPick);
    } else {
      a = buyers + Math.floor(random() * (n - buyers));
      b = pick(supplierPick);
    }
    if (a === b) continue;
    const key = `${a}>${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const weight = 1 + Math.floor(random() * 3);
    requests.push({ a: ids[a]!, b: ids[b]!, weight });
  }
  const instance: Instance = { slots: T, participants, requests };
  if (options.tableShare) instance.tables = Math.max(1, Math.round((n / 2) * options.tableShare));
  return instance;
}

/**
 * A forum day: `meetings` accepted meetings that all fit (each participant
 * has at most as many as its available slots), tables with a little slack,
 * forbidden slots for some participants.
 */
export function generateForum(options: {
  participants: number;
  slots: number;
  meetings: number;
  seed: number;
}): Instance {
  const random = randomGenerator(options.seed);
  const { participants: n, slots: T } = options;
  const ids = Array.from({ length: n }, (_, i) => `p${i + 1}`);
  const available = ids.map(() => {
    const all = Array.from({ length: T }, (_, s) => s);
    if (random() > 0.3) return all;
    // Forbidden slots: one or two stretches at the start or end.
    const forbid = 1 + Math.floor(random() * Math.max(1, T / 4));
    return random() < 0.5 ? all.slice(forbid) : all.slice(0, T - forbid);
  });
  const degree = new Int32Array(n);
  // Leave one slot of slack per participant, as real days do.
  const cap = available.map((a) => Math.max(1, a.length - 1));
  const pairs = new Set<string>();
  const requests: InstanceRequest[] = [];
  let guard = 0;
  while (requests.length < options.meetings && guard++ < options.meetings * 200) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b || degree[a]! >= cap[a]! || degree[b]! >= cap[b]!) continue;
    const common = available[a]!.filter((s) => available[b]!.includes(s));
    if (common.length < 2) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    degree[a]!++;
    degree[b]!++;
    requests.push({ a: ids[a]!, b: ids[b]!, weight: 1 });
  }
  const perSlot = Math.ceil(requests.length / T);
  return {
    slots: T,
    tables: Math.ceil(perSlot * 1.25),
    participants: ids.map((id, i) => (available[i]!.length === T ? { id } : { id, available: available[i] })),
    requests,
  };
}
