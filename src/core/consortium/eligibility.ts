import { estimateRoadTime } from "../reference/roadTime.js";
import type { ConsortiumCompany, ConsortiumNeed } from "./types.js";

/**
 * Who may take which step (docs/formats/consortium.md): the capability, every certification the need lists,
 * and an estimated road time to the site of at most maxTravelMinutes (src/core/reference/roadTime.ts).
 * Certifications compare without case and with spaces collapsed, so "ISO 9001" matches "iso  9001".
 */

export const normalizeCertification = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("fr");

/** Distinct steps of the need, in its order. */
export const stepsOf = (need: ConsortiumNeed) => [...new Set(need.steps)];

export interface EligibleCompany {
  company: ConsortiumCompany;
  /** Steps (indices into stepsOf(need)) the company may take; never empty. */
  steps: number[];
  /** Estimated road time to the site, minutes, not rounded: the eligibility test uses this. */
  exactMinutes: number;
  /**
   * The same rounded to the minute: the team's travel is the sum of these, so the ranking is on the very
   * figures a proposal shows and is compared in exact integer arithmetic.
   */
  minutes: number;
}

export function eligibleCompanies(need: ConsortiumNeed): EligibleCompany[] {
  const steps = stepsOf(need);
  const required = need.certifications.map(normalizeCertification);
  const out: EligibleCompany[] = [];
  for (const company of need.companies) {
    const held = new Set(company.certifications.map(normalizeCertification));
    if (!required.every((c) => held.has(c))) continue;
    const exactMinutes = estimateRoadTime(company.location, need.site).minutes;
    if (!(exactMinutes <= need.maxTravelMinutes)) continue;
    const capabilities = new Set(company.capabilities);
    const taken = steps.flatMap((s, i) => (capabilities.has(s) ? [i] : []));
    if (taken.length === 0) continue;
    out.push({ company, steps: taken, exactMinutes, minutes: Math.round(exactMinutes) });
  }
  return out;
}
