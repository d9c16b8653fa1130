/**
 * Churn risk: a member that took part in nothing (no event attended, no working group joined, no need posted
 * or supported, no meeting) for N months. A member that joined less than N months ago is not at risk yet:
 * its silence is measured from the day it joined.
 */

export const DEFAULT_CHURN_MONTHS = 6;
export const MAX_CHURN_MONTHS = 36;

/** The cluster's N, from its settings (`churnMonths`), or the default when unset or out of range. */
export function churnMonthsOf(settings: Record<string, unknown> | null | undefined): number {
  const value = settings?.churnMonths;
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_CHURN_MONTHS
    ? value
    : DEFAULT_CHURN_MONTHS;
}

/** The same day `months` calendar months earlier (31 March − 1 month → 28/29 February). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/** When the member's silence started: its last participation, or the day it joined when later (or none). */
export function silentSince(lastParticipation: Date | null, joinedOn: Date | null): Date | null {
  if (!lastParticipation) return joinedOn;
  if (!joinedOn) return lastParticipation;
  return lastParticipation > joinedOn ? lastParticipation : joinedOn;
}

export function isChurnRisk(
  member: { lastParticipation: Date | null; joinedOn: Date | null },
  now: Date,
  months: number,
): boolean {
  const since = silentSince(member.lastParticipation, member.joinedOn);
  // No date at all (an old record with no joining date and no activity): silent for as long as we know.
  return since === null || since < monthsBefore(now, months);
}
