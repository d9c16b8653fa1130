import { type EligibleCompany, eligibleCompanies, stepsOf } from "./eligibility.js";
import type { ConsortiumNeed, ConsortiumProposal, ConsortiumResult, ProposeOptions } from "./types.js";

/**
 * The consortium builder: the K best teams for a need, exactly, by branch and bound.
 *
 * What a team is. A set of eligible companies such that (a) no two are named together in `incompatible`,
 * (b) every step can be given to a member that may take it, (c) one member has canLead, and (d) every
 * member is needed: dropping any one loses a step or the only possible leader. (d) keeps a company that
 * would take nothing out of the top K; the best team always satisfies it anyway, since dropping a useless
 * member gives a smaller team. In such a team every member can be given at least one step.
 *
 * Ranking, in order: fewest companies; then least total road time, the sum over the members (each once) of
 * their estimated road time to the site rounded to the minute — the figure `travelMinutes` shows, so the
 * order can be checked on the output; with `fairness`, then the least total `proposedCount` of the members
 * (a pure tie-breaker: it never reorders teams that differ in size or travel); then the member ids.
 *
 * The search. Leadership is treated as one more element to cover (covered by canLead companies), so a team
 * is a cover of steps ∪ {lead}. Each node branches on the uncovered element with the fewest available
 * companies; its i-th branch takes the i-th candidate and forbids the candidates before it, so every set is
 * reached at most once, and every team as defined above is reached (each of its members is the only one
 * covering some element). Taking a company forbids the companies incompatible with it.
 *
 * The bound at a node is exact for everything but incompatibilities between companies still to choose: the
 * least cost, size first then travel then fairness folded into one integer, of covering the remaining
 * elements with the companies still available, by dynamic programming over the subsets of the remaining
 * elements (at most 2^(steps+1) = 8,192 for 12 steps; past 16 elements, over the 16 rarest ones only, a
 * weaker but still valid bound). A greedy team found first is the incumbent to beat. Children are tried in
 * the order of a cheaper bound that ignores the forbidden companies (computed once for the whole search). A
 * node whose bound reaches the K-th best team found so far is cut. When the search ends before the time limit, the K teams returned are
 * the K best under the ranking: the first one is then marked `optimal`.
 */

export interface SearchStats {
  /** Companies eligible for at least one step. */
  eligible: number;
  nodes: number;
  elapsedMs: number;
  /** The search ran to the end: the proposals are the best K (and the first is optimal). */
  proved: boolean;
  timedOut: boolean;
  /**
   * Why there is no proposal: "uncovered" (some step no eligible company can take), "no-leader" (no
   * eligible company can lead), "no-team" (proven: incompatibilities leave no team), "timeout".
   */
  reason?: "uncovered" | "no-leader" | "no-team" | "timeout";
}

export interface SearchOutcome {
  result: ConsortiumResult;
  stats: SearchStats;
}

/** Steps ∪ {lead} must fit a 31-bit mask. */
export const MAX_STEPS = 29;
/** Above this many elements the subset tables become maps. */
const TABLE_ELEMENTS = 20;
/** proposedCount above this is read as this, so the folded integer cost stays exact in a double. */
const MAX_PROPOSED_COUNT = 1_000_000;
const DEFAULT_TIME_LIMIT_MS = 10_000;
/** The covering DP looks at most at this many elements (2^16 subsets). */
const DP_ELEMENTS = 16;
const TIME_UP = Symbol("time up");

interface Found {
  cost: number;
  members: number[];
  key: string;
}

export function searchConsortia(need: ConsortiumNeed, options: ProposeOptions = {}): SearchOutcome {
  const started = performance.now();
  const top = Math.max(1, Math.floor(options.top ?? 1));
  const fairness = options.fairness === true;
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const steps = stepsOf(need);
  if (steps.length > MAX_STEPS) throw new RangeError(`a need has at most ${MAX_STEPS} steps (got ${steps.length})`);

  const fair = (c: EligibleCompany) =>
    fairness ? Math.min(MAX_PROPOSED_COUNT, Math.max(0, Math.floor(c.company.proposedCount ?? 0))) : 0;
  // Index = rank by cost, so candidate lists in index order are in cost order.
  const elig = eligibleCompanies(need).sort(
    (a, b) => a.minutes - b.minutes || fair(a) - fair(b) || (a.company.id < b.company.id ? -1 : 1),
  );
  const n = elig.length;
  const stats: SearchStats = { eligible: n, nodes: 0, elapsedMs: 0, proved: false, timedOut: false };
  const finish = (proposals: ConsortiumProposal[], uncovered: string[]): SearchOutcome => {
    stats.elapsedMs = performance.now() - started;
    return { result: { proposals, uncovered }, stats };
  };

  const uncovered = steps.filter((_, i) => !elig.some((e) => e.steps.includes(i)));
  if (steps.length === 0 || uncovered.length > 0) {
    stats.proved = true;
    stats.reason = "uncovered";
    return finish([], uncovered);
  }
  if (!elig.some((e) => e.company.canLead)) {
    stats.proved = true;
    stats.reason = "no-leader";
    return finish([], []);
  }

  const S = steps.length;
  const E = S + 1;
  const FULL = E === 31 ? 0x7fffffff : (1 << E) - 1;
  // Element k < S is step k, element S is "lead". Bits go to elements rarest first: the covering DP
  // branches on the lowest bit, so it branches on few companies and reaches fewer subsets.
  const holders = new Array<number>(E).fill(0);
  for (const e of elig) {
    for (const s of e.steps) holders[s]!++;
    if (e.company.canLead) holders[S]!++;
  }
  const bit = new Array<number>(E);
  [...holders.keys()]
    .sort((a, b) => holders[a]! - holders[b]! || a - b)
    .forEach((element, position) => {
      bit[element] = 1 << position;
    });
  const mask = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    let m = elig[c]!.company.canLead ? bit[S]! : 0;
    for (const s of elig[c]!.steps) m |= bit[s]!;
    mask[c] = m;
  }
  // One integer: size, then travel, then fairness. Travel of a team < W0 / W1, its fairness sum < W1.
  let maxMinutes = 0;
  let maxFair = 0;
  for (const e of elig) {
    maxMinutes = Math.max(maxMinutes, e.minutes);
    maxFair = Math.max(maxFair, fair(e));
  }
  const W1 = E * maxFair + 1;
  const W0 = (E * maxMinutes + 1) * W1;
  const cost = new Float64Array(n);
  for (let c = 0; c < n; c++) cost[c] = W0 + elig[c]!.minutes * W1 + fair(elig[c]!);

  const cand: number[][] = Array.from({ length: E }, () => []);
  for (let c = 0; c < n; c++) for (let e = 0; e < E; e++) if (mask[c]! & (1 << e)) cand[e]!.push(c);

  const index = new Map(elig.map((e, i) => [e.company.id, i]));
  const adjacent: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of need.incompatible) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    adjacent[i]!.push(j);
    adjacent[j]!.push(i);
  }

  // forbidden[c] > 0: c may not join the team below this node.
  const forbidden = new Int32Array(n);

  // Memo tables of the covering DP: one for "every company available" (kept for the whole search), one
  // per node (invalidated by a stamp).
  const table = E <= TABLE_ELEMENTS;
  const rootTable = table ? new Float64Array(1 << E).fill(-1) : null;
  const rootMap = table ? null : new Map<number, number>();
  const nodeTable = table ? new Float64Array(1 << E) : null;
  const nodeStamp = table ? new Int32Array(1 << E) : null;
  let nodeMap = table ? null : new Map<number, number>();
  let stamp = 0;
  let states = 0;
  /**
   * The elements a bound looks at: all of them up to DP_ELEMENTS, else the rarest DP_ELEMENTS (covering part
   * of what remains costs no more than covering all of it, so the bound stays valid, only weaker).
   */
  const rarest = (M: number) => {
    let kept = 0;
    for (let k = 0; M !== 0 && k < DP_ELEMENTS; k++) {
      const low = M & -M;
      kept |= low;
      M ^= low;
    }
    return kept;
  };

  /** Least cost of covering the elements of M, with every company (respect=false) or the available ones. */
  const coverCost = (M: number, respect: boolean): number => {
    if (M === 0) return 0;
    let cached: number | undefined;
    if (respect) cached = nodeStamp ? (nodeStamp[M] === stamp ? nodeTable![M] : -1) : nodeMap!.get(M);
    else cached = rootTable ? rootTable[M] : rootMap!.get(M);
    if (cached !== undefined && cached >= 0) return cached;
    if ((++states & 1023) === 0 && performance.now() >= deadline) throw TIME_UP;
    const e = 31 - Math.clz32(M & -M);
    let best = Number.POSITIVE_INFINITY;
    const kept: number[] = [];
    for (const c of cand[e]!) {
      if (respect && forbidden[c] !== 0) continue;
      // Candidates come cheapest first: once one costs as much as the best cover, no later one helps.
      if (cost[c]! >= best) break;
      const m = mask[c]! & M;
      let dominated = false;
      for (const k of kept) {
        if ((m & ~k) === 0) {
          dominated = true;
          break;
        }
      }
      if (dominated) continue; // a cheaper company already covers at least as much of M
      kept.push(m);
      const value = cost[c]! + coverCost(M & ~m, respect);
      if (value < best) best = value;
    }
    if (respect) {
      if (nodeStamp) {
        nodeStamp[M] = stamp;
        nodeTable![M] = best;
      } else nodeMap!.set(M, best);
    } else if (rootTable) rootTable[M] = best;
    else rootMap!.set(M, best);
    return best;
  };

  const found: Found[] = [];
  const keys = new Set<string>();
  const chosen: number[] = [];
  let covered = 0;
  let spent = 0;
  let timedOut = false;
  const kth = () => (found.length < top ? Number.POSITIVE_INFINITY : found[top - 1]!.cost);

  const record = () => {
    // (d): every member needed.
    for (let i = 0; i < chosen.length; i++) {
      let others = 0;
      for (let j = 0; j < chosen.length; j++) if (j !== i) others |= mask[chosen[j]!]!;
      if (others === FULL) return;
    }
    const members = [...chosen].sort((a, b) => a - b);
    const key = members
      .map((c) => elig[c]!.company.id)
      .sort()
      .join("\u0000");
    if (keys.has(key)) return;
    const entry: Found = { cost: spent, members, key };
    let at = found.length;
    while (
      at > 0 &&
      (found[at - 1]!.cost > entry.cost || (found[at - 1]!.cost === entry.cost && found[at - 1]!.key > key))
    )
      at--;
    if (at >= top) return;
    found.splice(at, 0, entry);
    keys.add(key);
    if (found.length > top) keys.delete(found.pop()!.key);
  };

  const visit = (): void => {
    if ((stats.nodes++ & 127) === 0 && performance.now() >= deadline) timedOut = true;
    if (timedOut) return;
    const U = FULL & ~covered;
    if (U === 0) {
      record();
      return;
    }
    stamp++;
    if (nodeMap) nodeMap = new Map();
    if (spent + coverCost(rarest(U), true) >= kth()) return;

    let element = -1;
    let fewest = Number.POSITIVE_INFINITY;
    for (let e = 0; e < E; e++) {
      if (!(U & (1 << e))) continue;
      let count = 0;
      for (const c of cand[e]!) if (forbidden[c] === 0) count++;
      if (count < fewest) {
        fewest = count;
        element = e;
      }
    }
    const options: { c: number; bound: number }[] = [];
    for (const c of cand[element]!) {
      if (forbidden[c] === 0) options.push({ c, bound: cost[c]! + coverCost(rarest(U & ~mask[c]!), false) });
    }
    options.sort((a, b) => a.bound - b.bound || a.c - b.c);

    const excluded: number[] = [];
    for (const { c, bound } of options) {
      if (spent + bound >= kth()) break; // sorted: the rest cannot do better either
      const before = covered;
      chosen.push(c);
      covered |= mask[c]!;
      spent += cost[c]!;
      for (const j of adjacent[c]!) forbidden[j]!++;
      visit();
      for (const j of adjacent[c]!) forbidden[j]!--;
      spent -= cost[c]!;
      covered = before;
      chosen.pop();
      if (timedOut) break;
      forbidden[c]!++;
      excluded.push(c);
    }
    for (const c of excluded) forbidden[c]!--;
  };
  /**
   * A first team by greedy covering (best cost per newly covered element, honouring incompatibilities,
   * then dropping members that are not needed), so that a search cut short by the time limit still
   * proposes something. The search then only has to beat it.
   */
  const greedy = () => {
    const banned = new Uint8Array(n);
    let union = 0;
    const team: number[] = [];
    while (union !== FULL) {
      let pick = -1;
      let ratio = Number.POSITIVE_INFINITY;
      for (let c = 0; c < n; c++) {
        if (banned[c]) continue;
        let gain = 0;
        for (let x = mask[c]! & ~union; x !== 0; x &= x - 1) gain++;
        if (gain > 0 && cost[c]! / gain < ratio) {
          ratio = cost[c]! / gain;
          pick = c;
        }
      }
      if (pick < 0) return;
      team.push(pick);
      union |= mask[pick]!;
      banned[pick] = 1;
      for (const j of adjacent[pick]!) banned[j] = 1;
    }
    team.sort((a, b) => cost[b]! - cost[a]!);
    for (let i = 0; i < team.length; i++) {
      let others = 0;
      for (let j = 0; j < team.length; j++) if (j !== i) others |= mask[team[j]!]!;
      if (others === FULL) team.splice(i--, 1);
    }
    chosen.push(...team);
    spent = team.reduce((sum, c) => sum + cost[c]!, 0);
    record();
    chosen.length = 0;
    spent = 0;
  };

  try {
    greedy();
    visit();
  } catch (error) {
    if (error !== TIME_UP) throw error;
    timedOut = true;
  }

  stats.timedOut = timedOut;
  stats.proved = !timedOut;
  if (found.length === 0) stats.reason = timedOut ? "timeout" : "no-team";
  const proposals = found.map((f, i) => proposalOf(f.members, elig, steps, fairness, i === 0 && !timedOut));
  return finish(proposals, []);
}

/** One assignment in which every member takes at least one step, and the leader. */
function proposalOf(
  members: number[],
  elig: EligibleCompany[],
  steps: string[],
  fairness: boolean,
  optimal: boolean,
): ConsortiumProposal {
  // Each member gets a step of its own (a matching, by augmenting paths), the other steps go to the
  // nearest member that may take them (members are in order of road time).
  const owner = new Array<number>(steps.length).fill(-1);
  const tryMember = (m: number, seen: boolean[]): boolean => {
    for (const s of elig[m]!.steps) {
      if (seen[s]) continue;
      seen[s] = true;
      if (owner[s] === -1 || tryMember(owner[s]!, seen)) {
        owner[s] = m;
        return true;
      }
    }
    return false;
  };
  for (const m of members) tryMember(m, new Array<boolean>(steps.length).fill(false));
  for (let s = 0; s < steps.length; s++) {
    if (owner[s] === -1) owner[s] = members.find((m) => elig[m]!.steps.includes(s))!;
  }
  const taken = (m: number) => owner.filter((o) => o === m).length;
  const leaders = members.filter((m) => elig[m]!.company.canLead);
  // The leader takes the most steps; then (fairness) the one proposed less often; then the nearest.
  leaders.sort(
    (a, b) =>
      taken(b) - taken(a) ||
      (fairness ? (elig[a]!.company.proposedCount ?? 0) - (elig[b]!.company.proposedCount ?? 0) : 0) ||
      elig[a]!.exactMinutes - elig[b]!.exactMinutes ||
      (elig[a]!.company.id < elig[b]!.company.id ? -1 : 1),
  );
  const assignments: Record<string, string> = {};
  steps.forEach((s, i) => {
    assignments[s] = elig[owner[i]!]!.company.id;
  });
  return {
    leader: elig[leaders[0]!]!.company.id,
    members: members.map((m) => elig[m]!.company.id).sort(),
    assignments,
    travelMinutes: members.reduce((sum, m) => sum + elig[m]!.minutes, 0),
    optimal,
  };
}
