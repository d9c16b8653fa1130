export { type SearchOutcome, type SearchStats, searchConsortia } from "./solver.js";
export type {
  ConsortiumCompany,
  ConsortiumNeed,
  ConsortiumProposal,
  ConsortiumResult,
  ProposeOptions,
} from "./types.js";

import { searchConsortia } from "./solver.js";
import type { ConsortiumNeed, ConsortiumResult, ProposeOptions } from "./types.js";

/**
 * The top K teams for a need, in the ranking of docs/formats/consortium.md (see solver.ts for the rules,
 * the fairness tie-breaker and the proof). Pure, no I/O. When every step can be taken by someone but no
 * team exists (incompatibilities, or no eligible company can lead), `proposals` and `uncovered` are both
 * empty; `searchConsortia` says why in its stats.
 */
export function proposeConsortia(need: ConsortiumNeed, options?: ProposeOptions): ConsortiumResult {
  return searchConsortia(need, options).result;
}
