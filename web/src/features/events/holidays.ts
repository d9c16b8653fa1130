import { addDays } from "./paris";

/** The eleven French public holidays (metropolitan France), keyed by "YYYY-MM-DD". */
export const HOLIDAY_KEYS = [
  "newYear",
  "easterMonday",
  "labourDay",
  "victoryDay",
  "ascension",
  "whitMonday",
  "bastilleDay",
  "assumption",
  "allSaints",
  "armistice",
  "christmas",
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

const pad = (n: number) => String(n).padStart(2, "0");

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const cache = new Map<number, Map<string, HolidayKey>>();

export function holidaysOf(year: number): Map<string, HolidayKey> {
  const known = cache.get(year);
  if (known) return known;
  const sunday = easter(year);
  const days = new Map<string, HolidayKey>([
    [`${year}-01-01`, "newYear"],
    [addDays(sunday, 1), "easterMonday"],
    [`${year}-05-01`, "labourDay"],
    [`${year}-05-08`, "victoryDay"],
    [addDays(sunday, 39), "ascension"],
    [addDays(sunday, 50), "whitMonday"],
    [`${year}-07-14`, "bastilleDay"],
    [`${year}-08-15`, "assumption"],
    [`${year}-11-01`, "allSaints"],
    [`${year}-11-11`, "armistice"],
    [`${year}-12-25`, "christmas"],
  ]);
  cache.set(year, days);
  return days;
}

/** The holiday falling on a day ("2026-05-14" → "ascension"), or null. */
export const holidayOn = (key: string): HolidayKey | null => holidaysOf(Number(key.slice(0, 4))).get(key) ?? null;
