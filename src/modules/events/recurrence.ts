import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import joursFeries from "@socialgouv/jours-feries";
import * as rruleModule from "rrule";

/**
 * Recurring events: RFC 5545 RRULEs over Europe/Paris wall-clock time, and
 * French public holidays. Pure code, no I/O.
 *
 * A rule runs on the "floating" wall clock: the first start's Paris date and
 * time are read as if they were UTC, rrule expands them, and each date is
 * turned back into the instant a clock in Paris shows it. So "first Thursday
 * of the month at 08:00" stays 08:00 in Paris in winter (07:00Z) and in
 * summer (06:00Z). A time that does not exist (02:30 on the spring-forward
 * Sunday) moves to the same time after the change (03:30).
 */

export const PARIS = "Europe/Paris";

type RRuleClass = typeof rruleModule.RRule;
// rrule ships CommonJS for Node and ES modules for bundlers: its class is at either place.
const RRule: RRuleClass =
  (rruleModule as unknown as { default?: { RRule: RRuleClass } }).default?.RRule ?? rruleModule.RRule;

// ---------------------------------------------------------------- Paris wall clock

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  weekday: "short",
});

/** What a clock in Paris shows at that instant. */
export function parisWallClock(instant: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const part of wallFormat.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const wallAsUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
const utcAsWall = (d: Date): WallClock => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
  second: d.getUTCSeconds(),
});

const offsetAt = (ms: number) => {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(parisWallClock(new Date(whole))) - whole;
};

/** The instant a Paris clock shows that wall-clock time (fields may overflow: day 32 is next month's 1st). */
export function parisToInstant(w: WallClock): Date {
  const local = wallAsUtc(w);
  const first = local - offsetAt(local);
  return new Date(local - offsetAt(first));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-03": the Paris calendar day of an instant. */
export function parisDateKey(instant: Date): string {
  const w = parisWallClock(instant);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** "08:00": the Paris time of day of an instant. */
export function parisTimeText(instant: Date): string {
  const w = parisWallClock(instant);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Midnight in Paris starting the day `days` after the one `instant` falls on. */
export function parisMidnight(instant: Date, days = 0): Date {
  const w = parisWallClock(instant);
  return parisToInstant({ ...w, day: w.day + days, hour: 0, minute: 0, second: 0 });
}

/** Midnight in Paris at the start of a "YYYY-MM-DD" day. */
export function parisDayStart(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  return parisToInstant({ year, month, day, hour: 0, minute: 0, second: 0 });
}

// ---------------------------------------------------------------- rules

const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const DAY = "(MO|TU|WE|TH|FR|SA|SU)";
const intList = (min: number, max: number, signed: boolean) => (value: string) =>
  value.split(",").every((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item)) return false;
    const n = Number(item);
    if (!signed && n < 0) return false;
    return n !== 0 && Math.abs(n) >= min && Math.abs(n) <= max;
  });

const partChecks: Record<string, { check: (value: string) => boolean; message: string }> = {
  FREQ: {
    check: (v) => FREQUENCIES.includes(v),
    message: "FREQ doit valoir DAILY, WEEKLY, MONTHLY ou YEARLY",
  },
  INTERVAL: { check: (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1, message: "INTERVAL est un entier de 1 à 999" },
  COUNT: {
    check: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1000,
    message: "COUNT est un entier de 1 à 1000",
  },
  UNTIL: {
    check: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v) && !Number.isNaN(untilDate(v).getTime()),
    message: "UNTIL est une date AAAAMMJJ ou AAAAMMJJTHHMMSSZ",
  },
  BYDAY: {
    check: (v) =>
      v.split(",").every((item) => {
        const match = new RegExp(`^([+-]?\\d{1,2})?${DAY}$`).exec(item);
        return (
          match !== null && (match[1] === undefined || (Number(match[1]) !== 0 && Math.abs(Number(match[1])) <= 53))
        );
      }),
    message: "BYDAY liste des jours MO, TU, WE, TH, FR, SA, SU, éventuellement numérotés (1TH, -1FR)",
  },
  BYMONTHDAY: { check: intList(1, 31, true), message: "BYMONTHDAY liste des jours du mois (1 à 31, ou -1 à -31)" },
  BYMONTH: { check: intList(1, 12, false), message: "BYMONTH liste des mois (1 à 12)" },
  BYSETPOS: { check: intList(1, 366, true), message: "BYSETPOS liste des positions (1 à 366, ou -1 à -366)" },
  BYYEARDAY: { check: intList(1, 366, true), message: "BYYEARDAY liste des jours de l'année (1 à 366)" },
  BYWEEKNO: { check: intList(1, 53, true), message: "BYWEEKNO liste des semaines (1 à 53)" },
  WKST: { check: (v) => new RegExp(`^${DAY}$`).test(v), message: "WKST est un jour (MO…SU)" },
};

function untilDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?/.exec(value);
  if (!m) return new Date(Number.NaN);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d, Number(m[4] ?? 23), Number(m[5] ?? 59), Number(m[6] ?? 59)));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : new Date(Number.NaN);
}

function splitRule(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of rule.split(";")) {
    if (!piece) continue;
    const [name, ...rest] = piece.split("=");
    parts.set(name, rest.join("="));
  }
  return parts;
}

/**
 * Checks an RRULE as staff type it ("FREQ=MONTHLY;BYDAY=1TH"; "RRULE:" allowed)
 * and returns it normalised (upper case, no prefix), or a French message.
 * The start and its time come from the event: DTSTART, TZID, BYHOUR, BYMINUTE
 * and BYSECOND are refused, as are sub-daily frequencies.
 */
export function parseRule(text: string): { rule: string } | { error: string } {
  const rule = text
    .trim()
    .replace(/^RRULE:/i, "")
    .replace(/\s+/g, "")
    .replace(/;$/, "")
    .toUpperCase();
  if (!rule) return { error: "Règle vide" };
  if (/(^|;)(DTSTART|TZID)/.test(rule) || rule.includes("\n"))
    return { error: "La règle ne contient pas de DTSTART : le début est celui de l'événement" };
  const parts = splitRule(rule);
  if (!parts.has("FREQ")) return { error: "FREQ est obligatoire (ex. FREQ=MONTHLY;BYDAY=1TH)" };
  for (const [name, value] of parts) {
    if (["BYHOUR", "BYMINUTE", "BYSECOND"].includes(name))
      return { error: `${name} n'est pas accepté : l'heure est celle du début de l'événement` };
    const known = partChecks[name];
    if (!known) return { error: `Élément inconnu : ${name}` };
    if (!value || !known.check(value)) return { error: known.message };
  }
  if (parts.has("COUNT") && parts.has("UNTIL")) return { error: "COUNT et UNTIL ne vont pas ensemble" };
  try {
    RRule.parseString(rule);
  } catch (error) {
    return { error: `Règle illisible (${error instanceof Error ? error.message : error})` };
  }
  return { rule };
}

/** rrule reads a date-only UNTIL as midnight; RFC 5545 includes that whole day. */
const untilWholeDay = (rule: string) => rule.replace(/(^|;)UNTIL=(\d{8})(?=;|$)/, "$1UNTIL=$2T235959");

function expander(rule: string, firstStart: Date) {
  const options = RRule.parseString(untilWholeDay(rule));
  return new RRule({ ...options, dtstart: new Date(wallAsUtc(parisWallClock(firstStart))) });
}

/**
 * The starts of an event in [from, to): its first start alone when it has no
 * rule, else every date of the rule, at most `limit`.
 */
export function occurrenceStarts(
  firstStart: Date,
  rule: string | null | undefined,
  from: Date,
  to: Date,
  limit = 1000,
): Date[] {
  if (!rule) return firstStart >= from && firstStart < to ? [firstStart] : [];
  if (to <= from) return [];
  const day = 86_400_000;
  const floatingFrom = new Date(wallAsUtc(parisWallClock(from)) - day);
  const floatingTo = new Date(wallAsUtc(parisWallClock(to)) + day);
  const starts: Date[] = [];
  for (const floating of expander(rule, firstStart).between(floatingFrom, floatingTo, true)) {
    const instant = parisToInstant(utcAsWall(floating));
    if (instant >= from && instant < to) starts.push(instant);
    if (starts.length >= limit) break;
  }
  return starts;
}

// rrule only checks its bounds on dates it produces: a rule that produces none (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,
// FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6) runs to the year 9999, ~30 s of CPU. So the first date of a new rule is sought
// in a worker thread that is stopped after a time limit; rules that passed always produce dates, so expanding them
// in-process stays bounded.
const firstDateWorker = `
const { workerData, parentPort } = require("node:worker_threads");
const { RRule } = require(workerData.rrulePath);
const rule = new RRule({ ...RRule.parseString(workerData.rule), dtstart: new Date(workerData.dtstart) });
const first = rule.after(new Date(workerData.dtstart), true);
parentPort.postMessage(first ? first.getTime() : null);
`;

/**
 * The rule's first date at or after `firstStart` (its time of day kept), null if it has none, "timeout" when
 * finding out takes longer than `timeoutMs` (in practice: it has none).
 */
export async function firstRuleDate(
  rule: string,
  firstStart: Date,
  timeoutMs = 2000,
): Promise<Date | null | "timeout"> {
  const worker = new Worker(firstDateWorker, {
    eval: true,
    workerData: {
      rrulePath: createRequire(import.meta.url).resolve("rrule"),
      rule: untilWholeDay(rule),
      dtstart: wallAsUtc(parisWallClock(firstStart)),
    },
  });
  try {
    const floating = await new Promise<number | null | "timeout">((resolve, reject) => {
      const timer = setTimeout(() => resolve("timeout"), timeoutMs);
      worker.once("message", (value: number | null) => {
        clearTimeout(timer);
        resolve(value);
      });
      worker.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    if (floating === null || floating === "timeout") return floating;
    return parisToInstant(utcAsWall(new Date(floating)));
  } finally {
    await worker.terminate();
  }
}

/** True when the rule produces a last date (COUNT or UNTIL). */
export const ruleEnds = (rule: string) => /(^|;)(COUNT|UNTIL)=/.test(rule);

// ---------------------------------------------------------------- public holidays

/** Departments where Good Friday and St Stephen's Day are public holidays too (local law of Alsace-Moselle). */
export const ALSACE_MOSELLE = new Set(["57", "67", "68"]);

const holidayYears = new Map<string, Map<string, string>>();

function holidaysOf(year: number, alsace: boolean): Map<string, string> {
  const key = `${year}:${alsace}`;
  let days = holidayYears.get(key);
  if (!days) {
    days = new Map();
    // The package builds local-midnight dates and adds days as 24 h: across a local DST change that is an
    // hour off midnight, so the day is read at local noon, right whatever the process's TZ.
    for (const [name, date] of Object.entries(joursFeries(year, { alsace }))) {
      const noon = new Date(date.getTime() + 12 * 3_600_000);
      days.set(`${noon.getFullYear()}-${pad(noon.getMonth() + 1)}-${pad(noon.getDate())}`, name);
    }
    holidayYears.set(key, days);
  }
  return days;
}

/** The French name of the public holiday falling on the Paris day of `instant` ("Ascension"), or null. */
export function holidayOn(instant: Date, options: { department?: string | null } = {}): string | null {
  const key = parisDateKey(instant);
  const alsace = options.department ? ALSACE_MOSELLE.has(options.department) : false;
  return holidaysOf(Number(key.slice(0, 4)), alsace).get(key) ?? null;
}

// ---------------------------------------------------------------- rules in words

const DAYS_FR: Record<string, string> = {
  MO: "lundi",
  TU: "mardi",
  WE: "mercredi",
  TH: "jeudi",
  FR: "vendredi",
  SA: "samedi",
  SU: "dimanche",
};
const WEEKDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const MONTHS_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

const joinFr = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;

function ordinalFr(n: number): string {
  if (n === 1) return "1er";
  if (n === -1) return "dernier";
  if (n === -2) return "avant-dernier";
  return n > 0 ? `${n}e` : `${-n}e avant la fin,`;
}

const monthDayFr = (n: number) =>
  n === 1 ? "1er" : n === -1 ? "dernier jour" : n > 0 ? String(n) : `${-n}e jour avant la fin`;

function describeFr(parts: Map<string, string>, first: WallClock, weekday: string): string {
  const freq = parts.get("FREQ");
  const interval = Number(parts.get("INTERVAL") ?? 1);
  const setPos = parts.get("BYSETPOS")?.split(",").map(Number);
  const days = (parts.get("BYDAY")?.split(",") ?? []).map((item) => {
    const m = /^([+-]?\d+)?(\w\w)$/.exec(item)!;
    return { n: m[1] ? Number(m[1]) : setPos?.length === 1 ? setPos[0] : null, day: DAYS_FR[m[2]] };
  });
  const monthDays = parts.get("BYMONTHDAY")?.split(",").map(Number);
  const months = parts
    .get("BYMONTH")
    ?.split(",")
    .map((m) => MONTHS_FR[Number(m) - 1]);
  const dayNames = joinFr(days.map((d) => d.day));
  const numbered = days.length > 0 && days.every((d) => d.n !== null);
  const numberedText = joinFr(days.map((d) => `${ordinalFr(d.n!)} ${d.day}`));
  switch (freq) {
    case "DAILY":
      if (days.length) return interval === 1 ? `chaque ${dayNames}` : `tous les ${interval} jours, le ${dayNames}`;
      return interval === 1 ? "tous les jours" : `tous les ${interval} jours`;
    case "WEEKLY": {
      const names = dayNames || DAYS_FR[weekday];
      return interval === 1 ? `chaque ${names}` : `toutes les ${interval} semaines, le ${names}`;
    }
    case "MONTHLY": {
      const every = interval === 1 ? "de chaque mois" : `, tous les ${interval} mois`;
      if (numbered) return `le ${numberedText} ${every}`.replace(" ,", ",");
      if (days.length) return interval === 1 ? `chaque ${dayNames}` : `chaque ${dayNames}, tous les ${interval} mois`;
      const which = monthDays?.length ? joinFr(monthDays.map(monthDayFr)) : monthDayFr(first.day);
      return `le ${which} ${every}`.replace(" ,", ",");
    }
    case "YEARLY": {
      const every = interval === 1 ? "chaque année" : `tous les ${interval} ans`;
      const inMonths = joinFr(months ?? [MONTHS_FR[first.month - 1]]);
      if (numbered) return `${every}, le ${numberedText} de ${inMonths}`;
      const which = monthDays?.length ? joinFr(monthDays.map(monthDayFr)) : monthDayFr(first.day);
      return `${every}, le ${which} ${inMonths}`;
    }
    default:
      return parts.get("FREQ") ?? "";
  }
}

/** The rule in words, with its time: "le 1er jeudi de chaque mois à 08:00" / "every month on the 1st Thursday at 08:00". */
export function describeRule(
  rule: string | null | undefined,
  firstStart: Date,
  locale: "fr" | "en" = "fr",
): string | null {
  if (!rule) return null;
  const time = parisTimeText(firstStart);
  const parts = splitRule(rule);
  try {
    if (locale === "en") return `${expander(rule, firstStart).toText()} at ${time}`;
    const first = parisWallClock(firstStart);
    const weekday = WEEKDAY_CODES[new Date(wallAsUtc(first)).getUTCDay()];
    let text = `${describeFr(parts, first, weekday)} à ${time}`;
    const count = parts.get("COUNT");
    const until = parts.get("UNTIL");
    if (count) text += `, ${count} fois`;
    if (until) {
      const d = untilDate(until);
      text += `, jusqu'au ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    }
    return text.replace(/\s+/g, " ").replace(" ,", ",");
  } catch {
    return rule;
  }
}
