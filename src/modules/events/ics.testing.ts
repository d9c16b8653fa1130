import ICAL from "ical.js";
import { expect } from "vitest";

/**
 * Test helpers: read an iCalendar text as clients do (ical.js), after
 * checking the RFC 5545 form clients are picky about.
 */

/** CRLF everywhere, lines of at most 75 octets, balanced BEGIN/END, the properties every VEVENT needs. */
export function expectWellFormed(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  const logical = text
    .replace(/\r\n[ \t]/g, "")
    .slice(0, -2)
    .split("\r\n");
  const stack: string[] = [];
  let props = new Set<string>();
  for (const line of logical) {
    const name = line.split(/[;:]/, 1)[0];
    if (name === "BEGIN") {
      stack.push(line.slice(6));
      if (line === "BEGIN:VEVENT") props = new Set();
    } else if (name === "END") {
      expect(stack.pop()).toBe(line.slice(4));
      if (line === "END:VEVENT") {
        for (const required of ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"]) {
          expect(props, `VEVENT without ${required}`).toContain(required);
        }
      }
    } else props.add(name);
  }
  expect(stack).toEqual([]);
  expect(logical[0]).toBe("BEGIN:VCALENDAR");
}

export interface ParsedOccurrence {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  /** The start the rule gave, for an occurrence of a series. */
  recurrenceId: Date | null;
  status: string | null;
  location: string | null;
  url: string | null;
  description: string | null;
}

/** Parses with ical.js (throws on any syntax error), registering the VTIMEZONEs as clients do. */
export function parseCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return root;
}

/**
 * Every occurrence the calendar shows up to `until`, expanding RRULEs with
 * ical.js (EXDATEs removed, RECURRENCE-ID exceptions applied), sorted by start.
 */
export function expandCalendar(text: string, until: Date): ParsedOccurrence[] {
  const root = parseCalendar(text);
  const vevents = root.getAllSubcomponents("vevent");
  const exceptions = vevents.filter((v) => v.hasProperty("recurrence-id"));
  const out: ParsedOccurrence[] = [];
  const str = (c: ICAL.Component, name: string) => {
    const value = c.getFirstPropertyValue(name);
    return value === null || value === undefined ? null : String(value);
  };
  for (const component of vevents.filter((v) => !v.hasProperty("recurrence-id"))) {
    const event = new ICAL.Event(component);
    for (const exception of exceptions) {
      if (str(exception, "uid") === event.uid) event.relateException(exception);
    }
    if (!event.isRecurring()) {
      out.push({
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        recurrenceId: null,
        status: str(component, "status"),
        location: event.location,
        url: str(component, "url"),
        description: event.description,
      });
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (next.toJSDate().getTime() > until.getTime()) break;
      const details = event.getOccurrenceDetails(next);
      const item = details.item;
      out.push({
        uid: event.uid,
        summary: item.summary,
        start: details.startDate.toJSDate(),
        end: details.endDate.toJSDate(),
        recurrenceId: details.recurrenceId.toJSDate(),
        status: str(item.component, "status"),
        location: item.location,
        url: str(item.component, "url"),
        description: item.description,
      });
      if (out.length > 10_000) throw new Error("runaway expansion");
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}
