import * as rruleModule from "rrule";
import type { EventStatus, OccurrenceStatus } from "./events.schema.js";
import { PARIS, parisToInstant, parisWallClock, type WallClock } from "./recurrence.js";

/**
 * iCalendar (RFC 5545) written by hand, for the feeds (public and private)
 * and the invitations attached to emails. What Thunderbird, Google Calendar
 * and Outlook all read: CRLF line ends, lines folded at 75 octets (never
 * inside a UTF-8 character), TEXT escaped (\\ ; , and newlines), wall-clock
 * times with TZID=Europe/Paris and the matching VTIMEZONE, UTC DTSTAMP.
 *
 * A recurring event is one VEVENT with its RRULE (cut at the last occurrence
 * the database holds, so the calendar shows exactly what exists), an EXDATE
 * per cancelled or missing occurrence, and a VEVENT with RECURRENCE-ID per
 * moved one. Occurrences the rule no longer produces (kept after a change of
 * rule) are written as VEVENTs of their own.
 */

/** The wall clock read as if it were UTC: plain arithmetic on local dates and times. */
const wallAsUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
const utcAsWall = (ms: number): WallClock => {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};

// ---------------------------------------------------------------- RFC 5545 values and lines

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const wallText = (w: WallClock) =>
  `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;

/** DATE-TIME in Paris wall-clock form, to go with TZID=Europe/Paris. */
export const icsLocal = (instant: Date) => wallText(parisWallClock(instant));
/** DATE-TIME in UTC form (DTSTAMP, UNTIL…). */
export const icsUtc = (instant: Date) => `${wallText(utcAsWall(instant.getTime()))}Z`;

/** TEXT value: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 5545 TEXT may not hold control characters
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
  );
}

/** A parameter value (CN=…): quoted when it holds : ; or , — a parameter cannot hold a double quote. */
export function paramValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a parameter may hold neither control characters nor DQUOTE
  const clean = value.replace(/[\u0000-\u001f\u007f"]/g, (c) => (c === '"' ? "'" : " ")).trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds a content line at 75 octets; continuation lines start with one space (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= 75) return line;
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

type Params = Record<string, string | undefined>;

/** One property line, unfolded: NAME;PARAM=value:VALUE. The value is written as given (escape TEXT first). */
export function property(name: string, value: string, params: Params = {}): string {
  let line = name;
  for (const [key, param] of Object.entries(params)) if (param !== undefined) line += `;${key}=${param}`;
  return `${line}:${value.replace(/[\r\n]+/g, " ")}`;
}

const textProperty = (name: string, value: string | null | undefined, params: Params = {}) =>
  value ? [property(name, escapeText(value), params)] : [];
const localTime = (name: string, instant: Date) => property(name, icsLocal(instant), { TZID: PARIS });

/**
 * Europe/Paris since 1996 (the EU rule): summer time from the last Sunday of
 * March at 02:00 to the last Sunday of October at 03:00.
 */
export const parisTimezone = [
  "BEGIN:VTIMEZONE",
  `TZID:${PARIS}`,
  `X-LIC-LOCATION:${PARIS}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** Joins lines into an iCalendar object: each folded, CRLF-terminated. */
export function serialize(lines: string[]): string {
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** SEQUENCE from a time: seconds since 2024, so it only grows (fits a 32-bit integer until 2092). */
export const sequenceOf = (at: Date) => Math.max(0, Math.floor((at.getTime() - Date.UTC(2024, 0, 1)) / 1000));

// ---------------------------------------------------------------- recurrence

type RRuleClass = typeof rruleModule.RRule;
// rrule ships CommonJS for Node and ES modules for bundlers: its class is at either place.
const RRule: RRuleClass =
  (rruleModule as unknown as { default?: { RRule: RRuleClass } }).default?.RRule ?? rruleModule.RRule;

const FREQUENCIES = new Set(["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
const RULE_PARTS = new Set([
  "FREQ",
  "UNTIL",
  "COUNT",
  "INTERVAL",
  "BYSECOND",
  "BYMINUTE",
  "BYHOUR",
  "BYDAY",
  "BYMONTHDAY",
  "BYYEARDAY",
  "BYWEEKNO",
  "BYMONTH",
  "BYSETPOS",
  "WKST",
]);

/**
 * An event's RRULE as the feeds write it: no "RRULE:" prefix nor DTSTART, upper-case,
 * and UNTIL in UTC as RFC 5545 requires with a TZID start (a date-only UNTIL
 * means until the end of that day in Paris). Null if it cannot be read.
 */
export function normalizeRule(raw: string): string | null {
  const text = raw.trim().replace(/^RRULE:/i, "");
  const parts: string[] = [];
  let hasFreq = false;
  for (const part of text.split(";")) {
    if (!part.trim()) continue;
    const [rawKey, ...rest] = part.split("=");
    const key = rawKey.trim().toUpperCase();
    let value = rest.join("=").trim().toUpperCase();
    if (!key || !value || key === "DTSTART") continue;
    if (!RULE_PARTS.has(key)) return null;
    if (key === "FREQ") {
      if (!FREQUENCIES.has(value)) return null;
      hasFreq = true;
    }
    if ((key === "COUNT" || key === "INTERVAL") && !/^[1-9]\d{0,3}$/.test(value)) return null;
    if (key === "UNTIL") {
      const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
      if (!m) return null;
      if (m[7] !== "Z") {
        const wall = m[4]
          ? { hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) }
          : { hour: 23, minute: 59, second: 59 };
        value = icsUtc(parisToInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...wall }));
      }
    }
    parts.push(`${key}=${value}`);
  }
  if (!hasFreq) return null;
  const rule = parts.join(";");
  try {
    RRule.parseString(rule);
  } catch {
    return null;
  }
  return rule;
}

const ruleParts = (rule: string) => new Map(rule.split(";").map((p) => p.split("=") as [string, string]));

/**
 * The starts the rule produces from `firstStart` (wall-clock Paris), up to and
 * including `horizon`; at most `limit` of them.
 */
export function expandRule(rule: string, firstStart: Date, horizon: Date, limit = 5000): Date[] {
  const options = RRule.parseString(rule);
  const floating = (instant: Date) => new Date(wallAsUtc(parisWallClock(instant)));
  const until = options.until ? floating(options.until) : null;
  const end = floating(horizon).getTime();
  const recurrence = new RRule({ ...options, dtstart: floating(firstStart), until, tzid: null });
  const starts: Date[] = [];
  recurrence.all((date, index) => {
    if (date.getTime() > end || index >= limit) return false;
    starts.push(parisToInstant(utcAsWall(date.getTime())));
    return true;
  });
  return starts;
}

// ---------------------------------------------------------------- components

export interface Person {
  name: string;
  email: string;
}

export interface VEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  sequence: number;
  stamp: Date;
  created?: Date;
  lastModified?: Date;
  rrule?: string;
  exdates?: Date[];
  recurrenceId?: Date;
  organizer?: Person;
  attendee?: Person & { partstat?: "ACCEPTED" | "NEEDS-ACTION" | "TENTATIVE" };
  categories?: string;
}

export function vevent(e: VEvent): string[] {
  const lines = ["BEGIN:VEVENT", property("UID", e.uid), property("DTSTAMP", icsUtc(e.stamp))];
  if (e.recurrenceId) lines.push(localTime("RECURRENCE-ID", e.recurrenceId));
  lines.push(localTime("DTSTART", e.start), localTime("DTEND", e.end));
  if (e.rrule) lines.push(property("RRULE", e.rrule));
  for (const exdate of e.exdates ?? []) lines.push(localTime("EXDATE", exdate));
  lines.push(...textProperty("SUMMARY", e.summary));
  lines.push(...textProperty("DESCRIPTION", e.description));
  lines.push(...textProperty("LOCATION", e.location));
  lines.push(...textProperty("CATEGORIES", e.categories));
  if (e.url) lines.push(property("URL", e.url, { VALUE: "URI" }));
  if (e.organizer) {
    lines.push(property("ORGANIZER", `mailto:${e.organizer.email}`, { CN: paramValue(e.organizer.name) }));
  }
  if (e.attendee) {
    lines.push(
      property("ATTENDEE", `mailto:${e.attendee.email}`, {
        CUTYPE: "INDIVIDUAL",
        ROLE: "REQ-PARTICIPANT",
        PARTSTAT: e.attendee.partstat ?? "ACCEPTED",
        RSVP: "FALSE",
        CN: paramValue(e.attendee.name),
      }),
    );
  }
  lines.push(property("STATUS", e.status ?? "CONFIRMED"));
  lines.push(property("SEQUENCE", String(e.sequence)));
  lines.push(property("TRANSP", e.status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE"));
  if (e.created) lines.push(property("CREATED", icsUtc(e.created)));
  if (e.lastModified) lines.push(property("LAST-MODIFIED", icsUtc(e.lastModified)));
  lines.push("END:VEVENT");
  return lines;
}

export interface CalendarHeader {
  name: string;
  method: "PUBLISH" | "REQUEST" | "CANCEL";
  /** Feeds: how often clients should fetch again. */
  refresh?: boolean;
}

export function vcalendar(header: CalendarHeader, events: string[][]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Grappe//Grappe events//FR",
    "CALSCALE:GREGORIAN",
    property("METHOD", header.method),
    property("X-WR-CALNAME", escapeText(header.name)),
    property("X-WR-TIMEZONE", PARIS),
  ];
  if (header.refresh) {
    lines.push(property("REFRESH-INTERVAL", "PT1H", { VALUE: "DURATION" }), property("X-PUBLISHED-TTL", "PT1H"));
  }
  lines.push(...parisTimezone);
  for (const event of events) lines.push(...event);
  lines.push("END:VCALENDAR");
  return serialize(lines);
}

// ---------------------------------------------------------------- feeds

export interface CalendarOccurrence {
  id: string;
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  status: OccurrenceStatus;
  url: string | null;
  updatedAt: Date;
}

/** An event as the calendars show it (texts already composed by the caller). */
export interface CalendarEvent {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  url: string | null;
  category: string | null;
  status: EventStatus;
  rrule: string | null;
  startsAt: Date;
  durationMinutes: number;
  createdAt: Date;
  updatedAt: Date;
  occurrences: CalendarOccurrence[];
}

export const eventUid = (eventId: string, domain: string) => `event-${eventId}@${domain}`;
export const occurrenceUid = (occurrenceId: string, domain: string) => `occurrence-${occurrenceId}@${domain}`;

const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

function standalone(event: CalendarEvent, o: CalendarOccurrence, uid: string, stamp: Date): string[] {
  return vevent({
    uid,
    start: o.startsAt,
    end: o.endsAt,
    summary: event.title,
    description: event.description,
    location: event.location,
    url: o.url ?? event.url,
    categories: event.category ?? undefined,
    status: event.status === "cancelled" || o.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: sequenceOf(latest(event.updatedAt, o.updatedAt)),
    stamp,
    created: event.createdAt,
    lastModified: latest(event.updatedAt, o.updatedAt),
  });
}

/** The VEVENTs of one event: a master with RRULE/EXDATE and its moved occurrences, or single events. */
export function eventComponents(event: CalendarEvent, domain: string, stamp: Date): string[][] {
  const occurrences = [...event.occurrences].sort((a, b) => a.originalStart.getTime() - b.originalStart.getTime());
  if (!occurrences.length) return [];
  const rule = event.rrule ? normalizeRule(event.rrule) : null;
  if (!rule) {
    if (occurrences.length === 1) return [standalone(event, occurrences[0], eventUid(event.id, domain), stamp)];
    return occurrences.map((o) => standalone(event, o, occurrenceUid(o.id, domain), stamp));
  }
  const horizon = occurrences[occurrences.length - 1].originalStart;
  const starts = expandRule(rule, event.startsAt, horizon);
  if (!starts.length) return occurrences.map((o) => standalone(event, o, occurrenceUid(o.id, domain), stamp));

  const uid = eventUid(event.id, domain);
  const byStart = new Map(occurrences.map((o) => [o.originalStart.getTime(), o]));
  const ruleStarts = new Set(starts.map((s) => s.getTime()));
  const duration = event.durationMinutes * 60_000;
  // Nothing left to attend: the series is shown cancelled rather than as a rule with every date excluded.
  const seriesCancelled = !occurrences.some(
    (o) => o.status !== "cancelled" && ruleStarts.has(o.originalStart.getTime()),
  );

  // The rule as written ends at the last start the database holds (UNTIL, in UTC): the calendar shows
  // exactly the occurrences that exist, and grows as more are generated; COUNT would say the same.
  const parts = ruleParts(rule);
  parts.delete("COUNT");
  parts.delete("UNTIL");
  parts.set("UNTIL", icsUtc(starts[starts.length - 1]));
  const written = [...parts].map(([k, v]) => `${k}=${v}`).join(";");

  const exdates: Date[] = [];
  const moved: CalendarOccurrence[] = [];
  for (const start of starts) {
    const o = byStart.get(start.getTime());
    if (seriesCancelled) continue;
    if (!o || o.status === "cancelled") exdates.push(start);
    else if (
      o.startsAt.getTime() !== o.originalStart.getTime() ||
      o.endsAt.getTime() - o.startsAt.getTime() !== duration
    )
      moved.push(o);
  }
  const lastModified = latest(event.updatedAt, ...occurrences.map((o) => o.updatedAt));
  const components = [
    vevent({
      uid,
      start: starts[0],
      end: new Date(starts[0].getTime() + duration),
      rrule: written,
      exdates,
      summary: event.title,
      description: event.description,
      location: event.location,
      url: event.url,
      categories: event.category ?? undefined,
      status: seriesCancelled ? "CANCELLED" : "CONFIRMED",
      sequence: sequenceOf(lastModified),
      stamp,
      created: event.createdAt,
      lastModified,
    }),
  ];
  for (const o of moved) {
    components.push(
      vevent({
        uid,
        recurrenceId: o.originalStart,
        start: o.startsAt,
        end: o.endsAt,
        summary: event.title,
        description: event.description,
        location: event.location,
        url: o.url ?? event.url,
        categories: event.category ?? undefined,
        status: "CONFIRMED",
        sequence: sequenceOf(lastModified),
        stamp,
        created: event.createdAt,
        lastModified: latest(event.updatedAt, o.updatedAt),
      }),
    );
  }
  // Occurrences kept from an earlier rule: events of their own.
  for (const o of occurrences) {
    if (!ruleStarts.has(o.originalStart.getTime()))
      components.push(standalone(event, o, occurrenceUid(o.id, domain), stamp));
  }
  return components;
}

/** The public feed of a cluster: every event as series. */
export function seriesCalendar(input: { name: string; domain: string; now: Date; events: CalendarEvent[] }): string {
  return vcalendar(
    { name: input.name, method: "PUBLISH", refresh: true },
    input.events.flatMap((event) => eventComponents(event, input.domain, input.now)),
  );
}

export interface PersonalItem {
  event: Omit<CalendarEvent, "occurrences" | "rrule">;
  occurrence: CalendarOccurrence;
  waiting: boolean;
}

/** A person's feed: one VEVENT per occurrence they hold a seat (or a place on the waiting list) at. */
export function personalCalendar(input: {
  name: string;
  domain: string;
  now: Date;
  waitingLabel: string;
  items: PersonalItem[];
}): string {
  return vcalendar(
    { name: input.name, method: "PUBLISH", refresh: true },
    input.items.map(({ event, occurrence: o, waiting }) => {
      const cancelled = event.status === "cancelled" || o.status === "cancelled";
      return vevent({
        uid: occurrenceUid(o.id, input.domain),
        start: o.startsAt,
        end: o.endsAt,
        summary: waiting && !cancelled ? `${event.title} (${input.waitingLabel})` : event.title,
        description: event.description,
        location: event.location,
        url: o.url ?? event.url,
        categories: event.category ?? undefined,
        status: cancelled ? "CANCELLED" : waiting ? "TENTATIVE" : "CONFIRMED",
        sequence: sequenceOf(latest(event.updatedAt, o.updatedAt)),
        stamp: input.now,
        created: event.createdAt,
        lastModified: latest(event.updatedAt, o.updatedAt),
      });
    }),
  );
}

/**
 * The .ics an email carries for one occurrence: an iTIP REQUEST (invitation or
 * update, with ORGANIZER and ATTENDEE as Outlook and Gmail require to offer
 * "add to calendar") or a CANCEL with the same UID and a higher SEQUENCE, which
 * removes it from the calendar it was added to.
 */
export function invitation(input: {
  method: "REQUEST" | "CANCEL";
  domain: string;
  now: Date;
  calendarName: string;
  event: Omit<CalendarEvent, "occurrences" | "rrule">;
  occurrence: CalendarOccurrence;
  organizer: Person;
  attendee: Person;
}): string {
  const { event, occurrence: o } = input;
  return vcalendar({ name: input.calendarName, method: input.method }, [
    vevent({
      uid: occurrenceUid(o.id, input.domain),
      start: o.startsAt,
      end: o.endsAt,
      summary: event.title,
      description: event.description,
      location: event.location,
      url: o.url ?? event.url,
      status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
      sequence: sequenceOf(input.now),
      stamp: input.now,
      organizer: input.organizer,
      attendee: { ...input.attendee, partstat: input.method === "CANCEL" ? "NEEDS-ACTION" : "ACCEPTED" },
    }),
  ]);
}

// ---------------------------------------------------------------- what calendars and emails say of an event

/**
 * The web pages an email or a calendar links to (one place to change them).
 * The guest page lets someone without an account see or cancel their seat
 * from the secret token of their registration.
 */
export const eventLinks = {
  occurrence: (base: string, slug: string, occurrenceId: string) =>
    `${base}/c/${encodeURIComponent(slug)}/occurrences/${occurrenceId}`,
  guest: (base: string, slug: string, token: string) =>
    `${base}/guest/${encodeURIComponent(slug)}/registrations/${encodeURIComponent(token)}`,
  publicFeed: (base: string, slug: string) => `${base}/api/clusters/${encodeURIComponent(slug)}/events.ics`,
  privateFeed: (base: string, slug: string, token: string) =>
    `${base}/api/clusters/${encodeURIComponent(slug)}/calendar/${token}.ics`,
};

export interface EventPlace {
  addressLine: string | null;
  postcode: string | null;
  town: string | null;
  onlineUrl: string | null;
}

/** "12 rue de l'Industrie, 42000 Saint-Étienne", the online link, or both. */
export function placeText(e: EventPlace): string | null {
  const address = [e.addressLine, [e.postcode, e.town].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [address, e.onlineUrl].filter(Boolean).join(" — ") || null;
}

export interface EventTexts {
  description: string | null;
  agenda: string | null;
  timing: { at: string; label: string }[];
}

/** The DESCRIPTION of an event in calendars: its description, agenda and timing, then the link to its page. */
export function describeEvent(e: EventTexts, locale: "fr" | "en", url: string | null): string | null {
  const t =
    locale === "en"
      ? { agenda: "Agenda", timing: "Timing", more: "Details" }
      : { agenda: "Programme", timing: "Déroulé", more: "Détails" };
  const blocks: string[] = [];
  if (e.description?.trim()) blocks.push(e.description.trim());
  const colon = locale === "en" ? ":" : " :";
  if (e.agenda?.trim()) blocks.push(`${t.agenda}${colon}\n${e.agenda.trim()}`);
  if (e.timing.length) {
    blocks.push([`${t.timing}${colon}`, ...e.timing.map((step) => `${step.at} ${step.label}`)].join("\n"));
  }
  if (url) blocks.push(`${t.more}${colon} ${url}`);
  return blocks.join("\n\n") || null;
}
