import highsLoader, { type Highs } from "highs";
import type { Model } from "./model.js";

/**
 * The proven upper bound on the total weight, from the linear relaxation of
 * the selection problem (a degree-constrained b-matching):
 *
 *   max Σ w_e x_e  s.t.  Σ_{e ∋ v} x_e ≤ available slots of v   (each participant)
 *                        Σ x_e ≤ slots × tables                  (all tables)
 *                        window cuts: for a slot interval I, the requests whose
 *                        common window lies in I number at most tables × |I|,
 *                        and, per participant, at most its available slots in I
 *                        0 ≤ x_e ≤ 1.
 *
 * Every schedule satisfies these, so the LP optimum bounds it. The figure we
 * report is not HiGHS's floating-point objective but weak duality computed
 * exactly from its row duals y ≥ 0: Σ rhs·y + Σ_e max(0, w_e − Σ_{r ∋ e} y_r),
 * which is a valid bound for ANY y ≥ 0, so a solver tolerance cannot make it
 * wrong. With integer weights it is rounded down.
 */
export interface Bound {
  upperBound: number;
  /** LP value per edge (0 when the LP was not solved). */
  x: Float64Array;
  method: "lp" | "combinatorial";
  lpSeconds: number;
}

interface Row {
  edges: number[];
  rhs: number;
}

let highsPromise: Promise<Highs> | null = null;
const loadHighs = () => {
  highsPromise ??= highsLoader();
  return highsPromise;
};

function rowsOf(model: Model): Row[] {
  const T = model.slots;
  const K = model.tables;
  const m = model.edgeA.length;
  const rows: Row[] = [];
  for (let v = 0; v < model.ids.length; v++) {
    const incident = model.incident[v]!;
    if (incident.length > model.capacity[v]!) rows.push({ edges: Array.from(incident), rhs: model.capacity[v]! });
  }
  if (Number.isFinite(K) && m > T * K) rows.push({ edges: Array.from({ length: m }, (_, e) => e), rhs: T * K });

  // Window cuts, only where they can bind (more candidates than room).
  const narrow = (e: number) => model.window[e]!.length < T;
  const anyNarrow = model.window.some((w) => w.length < T);
  if (!anyNarrow) return rows;
  for (let i = 0; i < T; i++) {
    for (let j = i; j < T; j++) {
      if (i === 0 && j === T - 1) continue;
      const len = j - i + 1;
      if (Number.isFinite(K)) {
        const inside: number[] = [];
        for (let e = 0; e < m; e++) {
          const w = model.window[e]!;
          if (narrow(e) && w[0]! >= i && w[w.length - 1]! <= j) inside.push(e);
        }
        if (inside.length > K * len) rows.push({ edges: inside, rhs: K * len });
      }
    }
  }
  for (let v = 0; v < model.ids.length; v++) {
    const incident = model.incident[v]!;
    for (let i = 0; i < T; i++) {
      for (let j = i; j < T; j++) {
        let room = 0;
        for (let s = i; s <= j; s++) room += model.available[v * T + s]!;
        if (room >= model.capacity[v]!) continue; // no tighter than the participant's own row
        const inside: number[] = [];
        for (const e of incident) {
          const w = model.window[e]!;
          if (w[0]! >= i && w[w.length - 1]! <= j) inside.push(e);
        }
        if (inside.length > room) rows.push({ edges: inside, rhs: room });
      }
    }
  }
  return rows;
}

/** Weak duality: a valid upper bound for any y ≥ 0. */
function dualBound(model: Model, rows: Row[], y: Float64Array): number {
  const m = model.edgeA.length;
  const reduced = Float64Array.from(model.weight);
  let total = 0;
  rows.forEach((row, r) => {
    const yr = y[r]!;
    if (yr <= 0) return;
    total += row.rhs * yr;
    for (const e of row.edges) reduced[e]! -= yr;
  });
  for (let e = 0; e < m; e++) if (reduced[e]! > 0) total += reduced[e]!;
  return total;
}

/** A bound without the LP: each participant's heaviest requests, and the heaviest that fit the tables. */
export function combinatorialBound(model: Model): number {
  const m = model.edgeA.length;
  let perParticipant = 0;
  for (let v = 0; v < model.ids.length; v++) {
    const weights = Array.from(model.incident[v]!, (e) => model.weight[e]!).sort((x, y) => y - x);
    perParticipant += weights.slice(0, model.capacity[v]!).reduce((s, w) => s + w, 0);
  }
  let bound = perParticipant / 2;
  const all = Array.from(model.weight).sort((x, y) => y - x);
  const fit = Number.isFinite(model.tables) ? model.slots * model.tables : m;
  bound = Math.min(
    bound,
    all.slice(0, fit).reduce((s, w) => s + w, 0),
  );
  return bound;
}

const integral = (model: Model) => model.weight.every((w) => Number.isInteger(w));
const finish = (model: Model, value: number) => (integral(model) ? Math.floor(value + 1e-7) : value);

export async function computeBound(model: Model, options: { timeLimitSeconds?: number } = {}): Promise<Bound> {
  const m = model.edgeA.length;
  const started = performance.now();
  const fallback = (): Bound => ({
    upperBound: finish(model, combinatorialBound(model)),
    x: new Float64Array(m),
    method: "combinatorial",
    lpSeconds: (performance.now() - started) / 1000,
  });
  if (m === 0) return { upperBound: 0, x: new Float64Array(0), method: "lp", lpSeconds: 0 };
  const rows = rowsOf(model);
  if (rows.length === 0) {
    // Nothing binds: every request can be held as far as counting goes.
    const x = new Float64Array(m).fill(1);
    return {
      upperBound: finish(
        model,
        model.weight.reduce((s, w) => s + w, 0),
      ),
      x,
      method: "lp",
      lpSeconds: 0,
    };
  }

  // CSC: for each edge, the rows it appears in.
  const perEdge: number[][] = Array.from({ length: m }, () => []);
  rows.forEach((row, r) => {
    for (const e of row.edges) perEdge[e]!.push(r);
  });
  const starts = new Int32Array(m + 1);
  let nnz = 0;
  for (let e = 0; e < m; e++) {
    starts[e] = nnz;
    nnz += perEdge[e]!.length;
  }
  starts[m] = nnz;
  const indices = new Int32Array(nnz);
  let k = 0;
  for (let e = 0; e < m; e++) for (const r of perEdge[e]!) indices[k++] = r;

  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch {
    return fallback();
  }
  try {
    return highs.withModel(
      {
        numCols: m,
        numRows: rows.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost: model.weight,
        colLower: new Float64Array(m),
        colUpper: new Float64Array(m).fill(1),
        rowLower: new Float64Array(rows.length).fill(-highs.infinity),
        rowUpper: Float64Array.from(rows, (r) => r.rhs),
        matrix: {
          format: "csc",
          numRows: rows.length,
          numCols: m,
          starts,
          indices,
          values: new Float64Array(nnz).fill(1),
        },
      },
      (lp) => {
        lp.options.set({ output_flag: false, time_limit: options.timeLimitSeconds ?? 60 });
        lp.run();
        const solution = lp.getSolution();
        const y = Float64Array.from(solution.rowDual, (d) => Math.abs(d));
        const certified = Math.min(dualBound(model, rows, y), combinatorialBound(model));
        return {
          upperBound: finish(model, certified),
          x: Float64Array.from(solution.colValue),
          method: "lp" as const,
          lpSeconds: (performance.now() - started) / 1000,
        };
      },
    );
  } catch {
    return fallback();
  }
}
