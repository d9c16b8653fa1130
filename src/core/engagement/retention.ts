/**
 * Joins, leaves and retention by calendar year, from each member's membership dates.
 *
 * - at start: joined before 1 January and not left before it;
 * - joins / leaves: `joinedOn` / `leftOn` within the year;
 * - retained: of those at start, still members at the end of the year (today, for the current year);
 * - retention = retained / at start (null when nobody was a member on 1 January).
 *
 * A member counts from its `joinedOn` to its `leftOn` (exclusive), whatever its status says; a prospect has
 * no `joinedOn` and does not count. A former member with no `leftOn` left on an unknown date: it is left out
 * of every figure and counted apart (`undated`), rather than guessed.
 */

export interface MembershipDates {
  joinedOn: string | null;
  leftOn: string | null;
  status: "prospect" | "member" | "former";
}

export interface MembershipYear {
  year: number;
  atStart: number;
  joins: number;
  leaves: number;
  atEnd: number;
  retained: number;
  /** 0–1, or null when nobody was a member at the start of the year. */
  retention: number | null;
  /** The current year: "end" means today. */
  partial: boolean;
}

/** Dates are YYYY-MM-DD strings, compared as strings. `today` too. */
export function membershipYears(
  members: readonly MembershipDates[],
  today: string,
  options: { maxYears?: number } = {},
): { years: MembershipYear[]; undated: number } {
  const dated = members.filter((m) => m.joinedOn && !(m.status === "former" && !m.leftOn));
  const undated = members.filter((m) => m.joinedOn && m.status === "former" && !m.leftOn).length;
  const currentYear = Number(today.slice(0, 4));
  if (!dated.length) return { years: [], undated };
  const firstJoin = Math.min(...dated.map((m) => Number(m.joinedOn!.slice(0, 4))));
  const firstYear = Math.max(firstJoin, currentYear - (options.maxYears ?? 100) + 1);
  const years: MembershipYear[] = [];
  for (let year = firstYear; year <= currentYear; year++) {
    const start = `${year}-01-01`;
    const partial = year === currentYear;
    const end = partial ? today : `${year}-12-31`;
    const stillIn = (m: MembershipDates) => !m.leftOn || m.leftOn > end;
    const startCohort = dated.filter((m) => m.joinedOn! < start && (!m.leftOn || m.leftOn >= start));
    const retained = startCohort.filter(stillIn).length;
    years.push({
      year,
      atStart: startCohort.length,
      joins: dated.filter((m) => m.joinedOn! >= start && m.joinedOn! <= end).length,
      leaves: dated.filter((m) => m.leftOn && m.leftOn >= start && m.leftOn <= end).length,
      atEnd: dated.filter((m) => m.joinedOn! <= end && stillIn(m)).length,
      retained,
      retention: startCohort.length ? retained / startCohort.length : null,
      partial,
    });
  }
  return { years, undated };
}
