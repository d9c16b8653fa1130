import { RRule } from "rrule";
import { type HolidayKey, holidayOn } from "./holidays";
import { todayKey } from "./paris";

/**
 * The recurrence builder's model and its RFC 5545 RRULE text (without DTSTART), both ways.
 * "weekly on Monday and Thursday", "monthly on the 1st Thursday" and anything else as typed text.
 */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const NTHS = ["1", "2", "3", "4", "-1"] as const;
export type Nth = (typeof NTHS)[number];
export type RecurrenceMode = "none" | "weekly" | "monthly" | "custom";
export type RecurrenceEnd = "never" | "count" | "until";

export interface RecurrenceModel {
  mode: RecurrenceMode;
  interval: number;
  weekdays: Weekday[];
  nth: Nth;
  weekday: Weekday;
  end: RecurrenceEnd;
  count: number;
  /** "YYYY-MM-DD" */
  until: string;
  custom: string;
}

/** The weekday of a "YYYY-MM-DD" day, and its rank in the month (5th → last). */
export function weekdayOf(date: string): { weekday: Weekday; nth: Nth } {
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const rank = Math.ceil(d / 7);
  return { weekday: WEEKDAYS[(day + 6) % 7], nth: rank >= 5 ? "-1" : (String(rank) as Nth) };
}

export function defaultRecurrence(date: string): RecurrenceModel {
  const { weekday, nth } = weekdayOf(date || todayKey());
  return {
    mode: "none",
    interval: 1,
    weekdays: [weekday],
    nth,
    weekday,
    end: "never",
    count: 10,
    until: "",
    custom: "",
  };
}

const ALLOWED_KEYS = new Set([
  "FREQ",
  "INTERVAL",
  "COUNT",
  "UNTIL",
  "BYDAY",
  "BYMONTHDAY",
  "BYMONTH",
  "BYSETPOS",
  "BYWEEKNO",
  "BYYEARDAY",
  "BYHOUR",
  "BYMINUTE",
  "BYSECOND",
  "WKST",
]);

/** "FREQ=MONTHLY;BYDAY=1TH" → { FREQ: "MONTHLY", BYDAY: "1TH" }; null when it is not KEY=VALUE pairs. */
function parts(text: string): Record<string, string> | null {
  const result: Record<string, string> = {};
  const body = text.trim().replace(/^RRULE:/i, "");
  if (!body) return null;
  for (const part of body.split(";")) {
    if (!part) continue;
    const [key, value, extra] = part.split("=");
    if (!key || !value || extra !== undefined) return null;
    result[key.toUpperCase()] = value.toUpperCase();
  }
  return result;
}

/** Why a typed rule is not acceptable (a short code the form translates), or null. */
export function ruleProblem(text: string): "syntax" | "freq" | "key" | "number" | "until" | null {
  const map = parts(text);
  if (!map) return "syntax";
  if (!/^(YEARLY|MONTHLY|WEEKLY|DAILY)$/.test(map.FREQ ?? "")) return "freq";
  for (const key of Object.keys(map)) if (!ALLOWED_KEYS.has(key)) return "key";
  for (const key of ["INTERVAL", "COUNT"]) if (map[key] && !/^[1-9]\d{0,3}$/.test(map[key])) return "number";
  if (map.UNTIL && !/^\d{8}(T\d{6}Z?)?$/.test(map.UNTIL)) return "until";
  if (map.BYDAY && !/^([+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU))(,[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU))*$/.test(map.BYDAY))
    return "syntax";
  for (const key of ["BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND"])
    if (map[key] && !/^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/.test(map[key])) return "number";
  if (map.WKST && !/^(MO|TU|WE|TH|FR|SA|SU)$/.test(map.WKST)) return "syntax";
  try {
    RRule.parseString(text.trim().replace(/^RRULE:/i, ""));
  } catch {
    return "syntax";
  }
  return null;
}

const compact = (date: string) => date.replaceAll("-", "");

function endParts(model: RecurrenceModel): string[] {
  if (model.end === "count" && model.count > 0) return [`COUNT=${Math.floor(model.count)}`];
  // The last day, to its end in UTC: an event that day in Paris is still inside.
  if (model.end === "until" && /^\d{4}-\d{2}-\d{2}$/.test(model.until))
    return [`UNTIL=${compact(model.until)}T235959Z`];
  return [];
}

/** The model as RRULE text, or null for a single event. */
export function toRrule(model: RecurrenceModel): string | null {
  const interval = model.interval > 1 ? [`INTERVAL=${Math.floor(model.interval)}`] : [];
  switch (model.mode) {
    case "none":
      return null;
    case "weekly": {
      const days = WEEKDAYS.filter((d) => model.weekdays.includes(d));
      return [
        "FREQ=WEEKLY",
        ...interval,
        `BYDAY=${(days.length ? days : [model.weekday]).join(",")}`,
        ...endParts(model),
      ].join(";");
    }
    case "monthly":
      return ["FREQ=MONTHLY", ...interval, `BYDAY=${model.nth}${model.weekday}`, ...endParts(model)].join(";");
    case "custom":
      return model.custom.trim().replace(/^RRULE:/i, "") || null;
  }
}

/** Reads a saved rule back into the builder; anything it cannot show becomes custom text. */
export function fromRrule(text: string | null | undefined, date: string): RecurrenceModel {
  const model = defaultRecurrence(date);
  if (!text?.trim()) return model;
  const map = parts(text);
  const custom = { ...model, mode: "custom" as const, custom: text.trim() };
  if (!map) return custom;
  const keys = Object.keys(map);
  const simple = keys.every((k) => ["FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL"].includes(k));
  if (!simple || (map.COUNT && map.UNTIL)) return custom;
  const interval = map.INTERVAL ? Number(map.INTERVAL) : 1;
  if (!Number.isInteger(interval) || interval < 1) return custom;
  const end: Pick<RecurrenceModel, "end" | "count" | "until"> = { end: "never", count: model.count, until: "" };
  if (map.COUNT) {
    if (!/^\d+$/.test(map.COUNT)) return custom;
    Object.assign(end, { end: "count", count: Number(map.COUNT) });
  } else if (map.UNTIL) {
    const m = /^(\d{4})(\d{2})(\d{2})/.exec(map.UNTIL);
    if (!m) return custom;
    Object.assign(end, { end: "until", until: `${m[1]}-${m[2]}-${m[3]}` });
  }
  if (map.FREQ === "WEEKLY") {
    const days = (map.BYDAY ?? model.weekday).split(",");
    if (!days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) return custom;
    return { ...model, ...end, mode: "weekly", interval, weekdays: days };
  }
  if (map.FREQ === "MONTHLY") {
    const m = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(map.BYDAY ?? "");
    const nth = m?.[1].replace("+", "");
    if (!m || !nth || !(NTHS as readonly string[]).includes(nth)) return custom;
    return { ...model, ...end, mode: "monthly", interval, nth: nth as Nth, weekday: m[2] as Weekday };
  }
  return custom;
}

export interface PreviewDate {
  /** "YYYY-MM-DD" in Paris. */
  date: string;
  /** "HH:MM" in Paris. */
  time: string;
  holiday: HolidayKey | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The next dates of a rule starting on `date` at `time` (Paris wall clock), from today on.
 * Computed on "floating" times (wall clock stored as UTC), so daylight saving never shifts them.
 * A single event gives its one date.
 */
export function previewDates(
  rule: string | null,
  date: string,
  time: string,
  limit = 8,
  today = todayKey(),
): PreviewDate[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return [];
  if (!rule) return [{ date, time, holiday: holidayOn(date) }];
  if (ruleProblem(rule)) return [];
  const [y, m, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const options = RRule.parseString(rule.replace(/^RRULE:/i, ""));
  const engine = new RRule({ ...options, dtstart: new Date(Date.UTC(y, m - 1, d, h, mi)) });
  const out: PreviewDate[] = [];
  let seen = 0;
  engine.all((instant) => {
    seen += 1;
    const key = `${instant.getUTCFullYear()}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}`;
    if (key >= today) {
      out.push({
        date: key,
        time: `${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}`,
        holiday: holidayOn(key),
      });
    }
    // Stop once enough are found, or after a few years' worth of past dates.
    return out.length < limit && seen < 5000;
  });
  return out;
}
