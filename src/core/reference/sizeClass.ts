/**
 * Company size class as French law defines it (décret n° 2008-1354, art. 51 of the loi de modernisation de
 * l'économie), which funders use to decide who is eligible:
 *
 * | class  | French | staff   | and turnover | or balance sheet |
 * |--------|--------|---------|--------------|------------------|
 * | micro  | TPE    | < 10    | ≤ 2 M€       | ≤ 2 M€           |
 * | sme    | PME    | < 250   | ≤ 50 M€      | ≤ 43 M€          |
 * | midcap | ETI    | < 5,000 | ≤ 1,500 M€   | ≤ 2,000 M€       |
 * | large  | GE     | otherwise                                  |
 *
 * Clusters do not record the balance sheet, so turnover alone is used: a firm above the turnover ceiling but
 * under the balance-sheet one is legally one class smaller than computed here. When only staff or only
 * turnover is known, that figure alone decides. The décret counts the figures of the whole group (the
 * "entreprise" in INSEE's sense), not of one legal unit; a subsidiary's own figures can understate its class.
 */

export type SizeClass = "micro" | "sme" | "midcap" | "large";

export interface CompanyFigures {
  /** Average annual headcount (effectif). */
  headcount: number | null | undefined;
  /** Annual turnover (chiffre d'affaires), euros. */
  turnoverEur: number | null | undefined;
}

/** Ceilings of each class but "large": staff strictly below, turnover at most. */
export const SIZE_CLASS_CEILINGS: readonly { sizeClass: SizeClass; staffBelow: number; turnoverAtMostEur: number }[] = [
  { sizeClass: "micro", staffBelow: 10, turnoverAtMostEur: 2_000_000 },
  { sizeClass: "sme", staffBelow: 250, turnoverAtMostEur: 50_000_000 },
  { sizeClass: "midcap", staffBelow: 5_000, turnoverAtMostEur: 1_500_000_000 },
];

/** The acronyms French members and funders use. */
export const SIZE_CLASS_ACRONYMS: Readonly<Record<SizeClass, string>> = {
  micro: "TPE",
  sme: "PME",
  midcap: "ETI",
  large: "GE",
};

/**
 * A figure that cannot be one (negative, NaN) counts as unknown rather than throwing: validating figures is
 * the form's or the import's job, and one bad spreadsheet cell must not abort a whole import here.
 */
function known(figure: number | null | undefined): figure is number {
  return typeof figure === "number" && Number.isFinite(figure) && figure >= 0;
}

/** The size class from staff and turnover, either of which may be unknown; null when both are. */
export function sizeClassOf({ headcount, turnoverEur }: CompanyFigures): SizeClass | null {
  const staffKnown = known(headcount);
  const turnoverKnown = known(turnoverEur);
  if (!staffKnown && !turnoverKnown) return null;
  const fitting = SIZE_CLASS_CEILINGS.find(
    (ceiling) =>
      (!staffKnown || headcount < ceiling.staffBelow) && (!turnoverKnown || turnoverEur <= ceiling.turnoverAtMostEur),
  );
  return fitting?.sizeClass ?? "large";
}
