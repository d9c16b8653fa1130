/**
 * Events happen in Europe/Paris whatever the browser's zone: every date shown, every day
 * of the month grid and every time typed in a form is Paris wall-clock time.
 * Calendar days are "YYYY-MM-DD" keys; their arithmetic runs on UTC midnights.
 */
export const PARIS = "Europe/Paris";

const pad = (n: number) => String(n).padStart(2, "0");

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: PARIS,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function parisFields(instant: Date) {
  const parts = partsFormat.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

/** "2026-12-03T07:00:00Z" → { date: "2026-12-03", time: "08:00" } in Paris. */
export function parisParts(value: string | Date) {
  const f = parisFields(typeof value === "string" ? new Date(value) : value);
  return { date: `${f.year}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}` };
}

export const parisDateKey = (value: string | Date) => parisParts(value).date;
export const todayKey = () => parisDateKey(new Date());

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function parisOffset(utcMs: number): number {
  const f = parisFields(new Date(utcMs));
  return Math.round((Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - utcMs) / 60_000);
}

/** Paris wall-clock "2026-12-03" + "08:00" → "2026-12-03T08:00:00+01:00" (what the API takes). */
export function parisWallToIso(date: string, time: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let offset = parisOffset(wall - 60 * 60_000);
  offset = parisOffset(wall - offset * 60_000);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const keyToUtc = (key: string) => {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const utcToKey = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export function addDays(key: string, days: number): string {
  const date = keyToUtc(key);
  date.setUTCDate(date.getUTCDate() + days);
  return utcToKey(date);
}

/** "2026-12" + 1 → "2027-01". */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** 0 = Monday … 6 = Sunday: the French week. */
export const weekdayIndex = (key: string) => (keyToUtc(key).getUTCDay() + 6) % 7;

/** The days a month grid shows: from the Monday on or before the 1st to the Sunday on or after the last day. */
export function monthGrid(month: string): string[] {
  const first = `${month}-01`;
  const start = addDays(first, -weekdayIndex(first));
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const end = addDays(last, 6 - weekdayIndex(last));
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

export const isMonthKey = (value: string | null): value is string =>
  Boolean(value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value));
