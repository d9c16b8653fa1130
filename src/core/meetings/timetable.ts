import type { Model } from "./model.js";

/**
 * A timetable under construction: which request is held in which slot, with
 * O(1) look-ups of who is busy when, a journal to undo tentative changes, and
 * the repair moves of the design in MEETINGS-NOTES.md (move a blocker, swap a
 * Kempe chain between two slots).
 */
export class Timetable {
  readonly T: number;
  readonly K: number;
  /** Slot of each edge, -1 when not held. */
  readonly slotOf: Int32Array;
  /** busy[v * T + s] = the edge participant v holds in slot s, or -1. */
  readonly busy: Int32Array;
  /** Edges held per slot (unordered), with each edge's position for O(1) removal. */
  readonly inSlot: number[][];
  private readonly posInSlot: Int32Array;
  /** Edges whose slot must not change (re-planning keeps confirmed meetings). */
  readonly fixed: Uint8Array;
  weightHeld = 0;
  held = 0;
  private journal: number[] | null = null;
  private depth = 0;

  constructor(readonly model: Model) {
    this.T = model.slots;
    this.K = model.tables;
    const m = model.edgeA.length;
    this.slotOf = new Int32Array(m).fill(-1);
    this.busy = new Int32Array(model.ids.length * model.slots).fill(-1);
    this.inSlot = Array.from({ length: model.slots }, () => []);
    this.posInSlot = new Int32Array(m).fill(-1);
    this.fixed = new Uint8Array(m);
  }

  /** Starts recording changes; returns a mark to roll back to. */
  begin(): number {
    if (!this.journal) this.journal = [];
    this.depth++;
    return this.journal.length;
  }
  rollback(mark: number) {
    const journal = this.journal!;
    while (journal.length > mark) {
      const previous = journal.pop()!;
      const e = journal.pop()!;
      this.setSlot(e, previous, false);
    }
  }
  /** Ends the innermost begin(); the journal is dropped when the outermost ends. */
  end() {
    this.depth--;
    if (this.depth === 0) this.journal = null;
  }

  private setSlot(e: number, s: number, record = true) {
    const current = this.slotOf[e]!;
    if (current === s) return;
    if (record && this.journal) this.journal.push(e, current);
    const { T } = this;
    const a = this.model.edgeA[e]!;
    const b = this.model.edgeB[e]!;
    if (current >= 0) {
      this.busy[a * T + current] = -1;
      this.busy[b * T + current] = -1;
      const list = this.inSlot[current]!;
      const pos = this.posInSlot[e]!;
      const last = list.pop()!;
      if (last !== e) {
        list[pos] = last;
        this.posInSlot[last] = pos;
      }
      this.posInSlot[e] = -1;
      this.weightHeld -= this.model.weight[e]!;
      this.held--;
    }
    this.slotOf[e] = s;
    if (s >= 0) {
      this.busy[a * T + s] = e;
      this.busy[b * T + s] = e;
      this.posInSlot[e] = this.inSlot[s]!.length;
      this.inSlot[s]!.push(e);
      this.weightHeld += this.model.weight[e]!;
      this.held++;
    }
  }

  assign(e: number, s: number) {
    this.setSlot(e, s);
  }
  unassign(e: number) {
    this.setSlot(e, -1);
  }

  isFree(v: number, s: number) {
    return this.busy[v * this.T + s] === -1;
  }
  /** Whether edge e can go into slot s as things stand (its window guarantees availability). */
  fits(e: number, s: number) {
    return (
      this.isFree(this.model.edgeA[e]!, s) && this.isFree(this.model.edgeB[e]!, s) && this.inSlot[s]!.length < this.K
    );
  }
  canMeetIn(e: number, s: number) {
    const { T } = this;
    return (
      this.model.available[this.model.edgeA[e]! * T + s] === 1 &&
      this.model.available[this.model.edgeB[e]! * T + s] === 1
    );
  }

  /** Breaks of participant v (idle stretches between its meetings). */
  breaksOf(v: number): number {
    const { T } = this;
    const o = v * T;
    let runs = 0;
    let previous = false;
    for (let s = 0; s < T; s++) {
      const on = this.busy[o + s]! >= 0;
      if (on && !previous) runs++;
      previous = on;
    }
    return runs > 1 ? runs - 1 : 0;
  }
  totalBreaks(): number {
    let total = 0;
    for (let v = 0; v < this.model.ids.length; v++) total += this.breaksOf(v);
    return total;
  }

  /** How well slot s suits edge e: neighbours already busy mean fewer breaks. */
  private affinity(e: number, s: number): number {
    const { T } = this;
    let score = 0;
    for (const v of [this.model.edgeA[e]!, this.model.edgeB[e]!]) {
      const o = v * T;
      if (s > 0 && this.busy[o + s - 1]! >= 0) score += 2;
      if (s < T - 1 && this.busy[o + s + 1]! >= 0) score += 2;
      // A day that has begun: prefer staying near it rather than opening a far slot.
      let nearest = T;
      for (let t = 0; t < T; t++) if (this.busy[o + t]! >= 0) nearest = Math.min(nearest, Math.abs(t - s));
      if (nearest < T) score -= nearest * 0.1;
    }
    return score;
  }

  /** The best slot edge e fits in directly, or -1. */
  bestDirectSlot(e: number, exclude = -1): number {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const s of this.model.window[e]!) {
      if (s === exclude || !this.fits(e, s)) continue;
      const score = this.affinity(e, s);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }

  /** Moves a held, non-fixed edge to another slot it fits in directly. */
  private relocate(f: number, avoid: number): boolean {
    if (this.fixed[f]) return false;
    const from = this.slotOf[f]!;
    // Vacate first so that fits() sees the edge's own endpoints as free elsewhere.
    const target = this.bestDirectSlotIgnoring(f, from, avoid);
    if (target < 0) return false;
    this.setSlot(f, target);
    return true;
  }
  private bestDirectSlotIgnoring(f: number, from: number, avoid: number): number {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const s of this.model.window[f]!) {
      if (s === from || s === avoid || !this.fits(f, s)) continue;
      const score = this.affinity(f, s);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }

  /**
   * The Kempe chain of slots s1/s2 that starts at participant `start` with its
   * s1 meeting: the path alternating s1 and s2 meetings. Returns null when it
   * would pass through `forbidden` (the other end of the meeting to place),
   * a fixed meeting, or a participant unavailable in the swapped slot.
   */
  private chain(start: number, s1: number, s2: number, forbidden: number, limit: number): number[] | null {
    const { T } = this;
    const edges: number[] = [];
    let v = start;
    let s = s1;
    for (;;) {
      const f = this.busy[v * T + s]!;
      if (f < 0) return edges;
      if (this.fixed[f] || edges.length >= limit) return null;
      const other = this.model.edgeA[f] === v ? this.model.edgeB[f]! : this.model.edgeA[f]!;
      const next = s === s1 ? s2 : s1;
      if (!this.canMeetIn(f, next)) return null;
      if (other === forbidden) return null;
      edges.push(f);
      v = other;
      s = next;
    }
  }

  /** Swaps the slots s1 ↔ s2 of the given edges (a Kempe chain), if tables allow. */
  private swapChain(edges: number[], s1: number, s2: number, extraInS1: number): boolean {
    let toS2 = 0;
    let toS1 = 0;
    for (const f of edges) {
      if (this.slotOf[f] === s1) toS2++;
      else toS1++;
    }
    if (this.inSlot[s1]!.length - toS2 + toS1 + extraInS1 > this.K) return false;
    if (this.inSlot[s2]!.length - toS1 + toS2 > this.K) return false;
    // Two passes so that no participant is ever double-booked in between.
    const moves = edges.map((f) => [f, this.slotOf[f] === s1 ? s2 : s1] as const);
    for (const [f] of moves) this.setSlot(f, -1);
    for (const [f, target] of moves) this.setSlot(f, target);
    return true;
  }

  /**
   * Places edge e, repairing if needed: directly; else by moving one or two
   * blocking meetings (or one meeting out of a full slot); else by swapping a
   * Kempe chain between two slots of its window. Returns whether e is held.
   */
  place(e: number, effort = 2): boolean {
    const direct = this.bestDirectSlot(e);
    if (direct >= 0) {
      this.setSlot(e, direct);
      return true;
    }
    if (effort <= 0) return false;
    const { T } = this;
    const a = this.model.edgeA[e]!;
    const b = this.model.edgeB[e]!;
    const window = this.model.window[e]!;
    // 1. Move the blockers of one slot elsewhere.
    for (const s of window) {
      const mark = this.begin();
      const fa = this.busy[a * T + s]!;
      const fb = this.busy[b * T + s]!;
      let ok = true;
      if (fa >= 0 && !this.relocate(fa, s)) ok = false;
      if (ok && fb >= 0 && fb !== fa && !this.relocate(fb, s)) ok = false;
      if (ok && this.inSlot[s]!.length >= this.K) {
        ok = false;
        for (const g of this.inSlot[s]!) {
          if (this.relocate(g, s)) {
            ok = true;
            break;
          }
        }
      }
      if (ok && this.fits(e, s)) {
        this.setSlot(e, s);
        this.end();
        return true;
      }
      this.rollback(mark);
      this.end();
    }
    // 2. Kempe chains: a free in s1, b free in s2; swap b's s1/s2 chain.
    if (effort < 2) return false;
    for (const s1 of window) {
      if (!this.isFree(a, s1)) continue;
      for (const s2 of window) {
        if (s2 === s1 || !this.isFree(b, s2)) continue;
        const edges = this.chain(b, s1, s2, a, 64);
        if (!edges) continue;
        const mark = this.begin();
        if (this.swapChain(edges, s1, s2, 1) && this.fits(e, s1)) {
          this.setSlot(e, s1);
          this.end();
          return true;
        }
        this.rollback(mark);
        this.end();
      }
    }
    return false;
  }

  /**
   * A Kempe-chain move for break reduction: the connected s/t component of
   * edge e (meetings alternating between slots s and t through shared
   * participants), if it is small, movable and fits the tables. Returns the
   * component or null.
   */
  component(e: number, t: number, limit: number): number[] | null {
    const s = this.slotOf[e]!;
    const { T } = this;
    const seen = new Set<number>([e]);
    const stack = [e];
    while (stack.length) {
      const f = stack.pop()!;
      if (this.fixed[f]) return null;
      const target = this.slotOf[f] === s ? t : s;
      if (!this.canMeetIn(f, target)) return null;
      for (const v of [this.model.edgeA[f]!, this.model.edgeB[f]!]) {
        const g = this.busy[v * T + target]!;
        if (g >= 0 && !seen.has(g)) {
          if (seen.size >= limit) return null;
          seen.add(g);
          stack.push(g);
        }
      }
    }
    return [...seen];
  }

  /** Swaps a component found by `component` between its two slots, if tables allow. */
  swapComponent(edges: number[], s: number, t: number): boolean {
    return this.swapChain(edges, s, t, 0);
  }
}
