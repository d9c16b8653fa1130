/** Calendar days as the staff live them: in Paris time, whatever the server's time zone. */

const parisDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const parisOffsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "shortOffset" });

/** The day it is in Paris at `instant`, as YYYY-MM-DD. */
export const parisDay = (instant: Date): string => parisDayFormat.format(instant);

/** `day` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Noon in Paris on `day`: the instant a contact logged with a day only is recorded at. */
export function parisNoon(day: string): Date {
  const utcNoon = new Date(`${day}T12:00:00Z`);
  const name = parisOffsetFormat.formatToParts(utcNoon).find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  const offsetMinutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
  return new Date(utcNoon.getTime() - offsetMinutes * 60_000);
}

/** When a contact happened: a day (noon in Paris) or an ISO date-time. */
export const happenedAtOf = (value: string): Date =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? parisNoon(value) : new Date(value);

/** A contact cannot be logged ahead of time; a few minutes of clock skew are forgiven. */
export function isInFuture(value: string, now: Date): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value > parisDay(now);
  return new Date(value).getTime() > now.getTime() + 5 * 60_000;
}
