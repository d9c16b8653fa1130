/**
 * The consortium exchange format of docs/formats/consortium.md (the shared format, then how Grappe reads
 * it): a buyer's need, the member companies that might answer it, and the ranked team proposals.
 */
import type { GeoPoint } from "../reference/roadTime.js";

export interface ConsortiumCompany {
  id: string;
  /** Trade slugs the company can take (a step is taken by a company listing it). */
  capabilities: string[];
  certifications: string[];
  location: GeoPoint;
  canLead: boolean;
  /**
   * How many times the company was put in a proposal over the last 12 months; only read with the
   * fairness option. Absent = 0.
   */
  proposedCount?: number;
}

export interface ConsortiumNeed {
  /** The steps to cover, each by exactly one team member. */
  steps: string[];
  /** Certifications every company taking a step must hold. */
  certifications: string[];
  site: GeoPoint;
  /** A company may take a step only if its estimated road time to `site` is at most this. */
  maxTravelMinutes: number;
  companies: ConsortiumCompany[];
  /** Pairs of company ids never put in one team. */
  incompatible: [string, string][];
}

export interface ConsortiumProposal {
  /** A member with canLead. */
  leader: string;
  /** Team company ids, sorted. */
  members: string[];
  /** step → company id, for every step of the need. */
  assignments: Record<string, string>;
  /** Sum over the members (each counted once) of the estimated road time to the site, minutes, rounded. */
  travelMinutes: number;
  /** True on the first proposal only, and only when it is proven best under the ranking. */
  optimal: boolean;
}

export interface ConsortiumResult {
  proposals: ConsortiumProposal[];
  /** Steps no eligible company can take; non-empty only when proposals is empty. */
  uncovered: string[];
}

export interface ProposeOptions {
  /** How many distinct teams to return, best first (default 1). */
  top?: number;
  /** Break ties (same size, same rounded travel) in favour of companies proposed less often. */
  fairness?: boolean;
  /** Wall-clock budget of the exact search, milliseconds (default 10,000). */
  timeLimitMs?: number;
}
