export type {
  ConsortiumCompany,
  ConsortiumNeed,
  ConsortiumProposal,
  ConsortiumResult,
  ProposeOptions,
} from "./types.js";

import type { ConsortiumNeed, ConsortiumResult, ProposeOptions } from "./types.js";

/** The top K teams for a need, in the ranking of docs/formats/consortium.md. Pure, no I/O. */
export function proposeConsortia(_need: ConsortiumNeed, _options?: ProposeOptions): ConsortiumResult {
  throw new Error("proposeConsortia: not implemented yet");
}
