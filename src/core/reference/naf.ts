import codesNaf from "@socialgouv/codes-naf";
import { foldText } from "./text.js";

/**
 * The NAF (INSEE's activity classification) codes a company declares, revision 2.
 *
 * NAF 2025 replaces rév. 2 on 1 January 2027 with different codes, so every stored code is stored with
 * `NAF_VERSION` beside it; a later migration can then tell which table a code belongs to.
 *
 * Only sub-classes ("25.62A": two digits, dot, two digits, a letter) are accepted for a company: that is the
 * level INSEE assigns (the APE code). The package also ships divisions ("25"), groups ("25.6") and classes
 * ("25.62"), used here for nothing. It does not ship the letter sections (A–U).
 *
 * A NAF code is too coarse to describe a trade: heat treatment and surface coating share 25.61Z. Members'
 * trades have their own taxonomy; NAF is the official label only.
 */

export const NAF_VERSION = "NAFRev2";
export type NafVersion = typeof NAF_VERSION;

export interface NafSubclass {
  /** "25.62A" */
  code: string;
  /** INSEE's French label, "Décolletage" */
  label: string;
}

const SUBCLASS_CODE = /^\d{2}\.\d{2}[A-Z]$/;

/** Sub-classes by code, labels with the package's stray double spaces collapsed. Built once at import (732 rows). */
const subclassesByCode: ReadonlyMap<string, NafSubclass> = new Map(
  codesNaf
    .filter((entry) => SUBCLASS_CODE.test(entry.id))
    .map((entry) => [entry.id, { code: entry.id, label: entry.label.replace(/\s+/g, " ").trim() }]),
);

/**
 * The canonical form "25.62A" of a sub-class code as people write it: "2562A", "25.62A", "25.62 A",
 * "25,62a", "25 62 A". Null when it does not have the shape of a sub-class code; whether the code exists is
 * `isValidNafCode`'s business.
 */
export function normalizeNafCode(input: string | null | undefined): string | null {
  if (!input) return null;
  const match = input
    .toUpperCase()
    .replace(/[\s\u00a0\u202f]/g, "")
    .match(/^(\d{2})[.,]?(\d{2})([A-Z])$/);
  return match ? `${match[1]}.${match[2]}${match[3]}` : null;
}

/** The sub-class for a code in any accepted spelling, or undefined when it is not a NAF rév. 2 sub-class. */
export function findNaf(code: string | null | undefined): NafSubclass | undefined {
  const normalized = normalizeNafCode(code);
  return normalized === null ? undefined : subclassesByCode.get(normalized);
}

/** Whether the code (any accepted spelling) is an existing NAF rév. 2 sub-class. */
export function isValidNafCode(code: string | null | undefined): boolean {
  return findNaf(code) !== undefined;
}

/**
 * Sub-classes for a picker: by code prefix when the query starts with a digit ("25.6", "2562"), otherwise by
 * label words (accent- and case-insensitive, every word of the query must start a word of the label).
 * In code order.
 */
export function searchNaf(query: string, limit = 20): NafSubclass[] {
  const trimmed = query.trim();
  if (trimmed === "") return [];
  const all = [...subclassesByCode.values()];
  if (/^\d/.test(trimmed)) {
    const compactQuery = trimmed.toUpperCase().replace(/[\s.,]/g, "");
    return all.filter((naf) => naf.code.replace(".", "").startsWith(compactQuery)).slice(0, limit);
  }
  const queryWords = foldText(trimmed).split(" ");
  return all
    .filter((naf) => {
      const labelWords = foldText(naf.label).split(" ");
      return queryWords.every((queryWord) => labelWords.some((labelWord) => labelWord.startsWith(queryWord)));
    })
    .slice(0, limit);
}
