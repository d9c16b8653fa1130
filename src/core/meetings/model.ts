import type { Instance } from "./instance.js";

/**
 * The instance in arrays: participants 0…n-1, requests merged by unordered
 * pair (weights added), each with the slots both can meet in. Pairs with no
 * common slot cannot be held and are listed in `dropped`.
 */
export interface Model {
  slots: number;
  /** Meetings at once; Infinity when the instance gives no table limit. */
  tables: number;
  ids: string[];
  /** available[v * slots + s] = 1 when participant v can meet in slot s. */
  available: Uint8Array;
  /** Available slot count per participant. */
  capacity: Int32Array;
  edgeA: Int32Array;
  edgeB: Int32Array;
  weight: Float64Array;
  /** Common slots per edge, ascending. */
  window: Int32Array[];
  /** Edges of each participant. */
  incident: Int32Array[];
  dropped: { a: string; b: string; reason: string }[];
}

export function buildModel(instance: Instance): Model {
  const T = instance.slots;
  const ids = instance.participants.map((p) => p.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const available = new Uint8Array(n * T);
  const capacity = new Int32Array(n);
  instance.participants.forEach((p, v) => {
    const slots = p.available ?? Array.from({ length: T }, (_, s) => s);
    for (const s of slots) available[v * T + s] = 1;
    capacity[v] = slots.length;
  });

  const merged = new Map<string, { a: number; b: number; w: number }>();
  for (const r of instance.requests) {
    let a = index.get(r.a)!;
    let b = index.get(r.b)!;
    if (a > b) [a, b] = [b, a];
    const key = `${a}:${b}`;
    const entry = merged.get(key);
    if (entry) entry.w += r.weight ?? 1;
    else merged.set(key, { a, b, w: r.weight ?? 1 });
  }

  const edges: { a: number; b: number; w: number; window: Int32Array }[] = [];
  const dropped: Model["dropped"] = [];
  for (const { a, b, w } of merged.values()) {
    const common: number[] = [];
    for (let s = 0; s < T; s++) if (available[a * T + s] && available[b * T + s]) common.push(s);
    if (common.length === 0) {
      dropped.push({ a: ids[a]!, b: ids[b]!, reason: "no common available slot" });
      continue;
    }
    edges.push({ a, b, w, window: Int32Array.from(common) });
  }

  const incidentLists: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, i) => {
    incidentLists[e.a]!.push(i);
    incidentLists[e.b]!.push(i);
  });
  return {
    slots: T,
    tables: instance.tables ?? Number.POSITIVE_INFINITY,
    ids,
    available,
    capacity,
    edgeA: Int32Array.from(edges, (e) => e.a),
    edgeB: Int32Array.from(edges, (e) => e.b),
    weight: Float64Array.from(edges, (e) => e.w),
    window: edges.map((e) => e.window),
    incident: incidentLists.map((l) => Int32Array.from(l)),
    dropped,
  };
}

/** Idle stretches between the first and last busy slot of one participant's day. */
export function breaksOfRow(busy: ArrayLike<number>, offset: number, slots: number): number {
  let runs = 0;
  let previous = false;
  for (let s = 0; s < slots; s++) {
    const on = busy[offset + s]! >= 0;
    if (on && !previous) runs++;
    previous = on;
  }
  return runs > 1 ? runs - 1 : 0;
}
