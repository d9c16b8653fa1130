import { describe, expect, it } from "vitest";
import {
  type CalendarEvent,
  type CalendarOccurrence,
  escapeText,
  expandRule,
  foldLine,
  invitation,
  normalizeRule,
  paramValue,
  personalCalendar,
  seriesCalendar,
} from "./calendar.js";
import { expandCalendar, expectWellFormed, parseCalendar } from "./ics.testing.js";
import { parisToInstant } from "./recurrence.js";

const at = (iso: string) => new Date(iso);
const paris = (y: number, m: number, d: number, h = 8, mi = 0) =>
  parisToInstant({ year: y, month: m, day: d, hour: h, minute: mi, second: 0 });

describe("RFC 5545 text", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(paramValue('Grappe "Loire", Forez')).toBe(`"Grappe 'Loire', Forez"`);
    expect(paramValue("Jeanne Dupont")).toBe("Jeanne Dupont");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const pieces = folded.split("\r\n");
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(pieces.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
    expect(foldLine("SHORT:1")).toBe("SHORT:1");
  });
});

describe("rules", () => {
  it("normalises a rule: prefix, case, UNTIL in UTC", () => {
    expect(normalizeRule("RRULE:freq=monthly;byday=1th")).toBe("FREQ=MONTHLY;BYDAY=1TH");
    expect(normalizeRule("FREQ=WEEKLY;UNTIL=20261231")).toBe("FREQ=WEEKLY;UNTIL=20261231T225959Z");
    expect(normalizeRule("FREQ=WEEKLY;UNTIL=20260701T100000")).toBe("FREQ=WEEKLY;UNTIL=20260701T080000Z");
    expect(normalizeRule("BYDAY=MO")).toBeNull();
    expect(normalizeRule("FREQ=SOMETIMES")).toBeNull();
  });

  it("expands in Paris wall-clock time: 08:00 stays 08:00 after the change of time", () => {
    const starts = expandRule("FREQ=MONTHLY;BYDAY=1TH", paris(2026, 10, 1), paris(2027, 4, 1));
    expect(starts.map((s) => s.toISOString())).toEqual([
      "2026-10-01T06:00:00.000Z",
      "2026-11-05T07:00:00.000Z",
      "2026-12-03T07:00:00.000Z",
      "2027-01-07T07:00:00.000Z",
      "2027-02-04T07:00:00.000Z",
      "2027-03-04T07:00:00.000Z",
      "2027-04-01T06:00:00.000Z",
    ]);
  });
});

const created = at("2026-09-01T10:00:00Z");
function occurrence(id: string, start: Date, patch: Partial<CalendarOccurrence> = {}): CalendarOccurrence {
  return {
    id,
    originalStart: start,
    startsAt: start,
    endsAt: new Date(start.getTime() + 90 * 60_000),
    status: "scheduled",
    url: `https://grappe.test/o/${id}`,
    updatedAt: created,
    ...patch,
  };
}
function series(patch: Partial<CalendarEvent> = {}): CalendarEvent {
  const starts = expandRule("FREQ=MONTHLY;BYDAY=1TH", paris(2026, 10, 1), paris(2027, 4, 1));
  return {
    id: "11111111-1111-4111-8111-111111111111",
    title: "Petit-déjeuner, réseau; échanges \\ et « café »",
    description: "Ordre du jour :\n1. Tour de table\n2. Intervention",
    location: "12 rue de l'Industrie, 42000 Saint-Étienne",
    url: "https://grappe.test/e/1",
    category: "Petit-déjeuner",
    status: "published",
    rrule: "FREQ=MONTHLY;BYDAY=1TH",
    startsAt: paris(2026, 10, 1),
    durationMinutes: 90,
    createdAt: created,
    updatedAt: created,
    occurrences: starts.map((s, i) => occurrence(`o${i}`, s)),
    ...patch,
  };
}

describe("series feed", () => {
  it("writes one VEVENT with RRULE, EXDATE for a cancelled date and RECURRENCE-ID for a moved one", () => {
    const event = series();
    const [, nov, dec, jan] = event.occurrences;
    dec.status = "cancelled";
    jan.startsAt = paris(2027, 1, 8, 9, 30);
    jan.endsAt = paris(2027, 1, 8, 11, 0);
    const text = seriesCalendar({ name: "Grappe, événements", domain: "grappe.test", now: created, events: [event] });
    expectWellFormed(text);
    expect(text).toContain("RRULE:FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270401T060000Z");
    expect(text).toContain("EXDATE;TZID=Europe/Paris:20261203T080000");
    expect(text).toContain("RECURRENCE-ID;TZID=Europe/Paris:20270107T080000");
    expect(text).toContain("SUMMARY:Petit-déjeuner\\, réseau\\; échanges \\\\ et « café »");
    expect(text).toContain("X-WR-CALNAME:Grappe\\, événements");
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    const shown = expandCalendar(text, paris(2030, 1, 1));
    expect(shown.map((o) => o.start.toISOString())).toEqual(
      event.occurrences.filter((o) => o.status !== "cancelled").map((o) => o.startsAt.toISOString()),
    );
    const moved = shown.find((o) => o.recurrenceId?.getTime() === jan.originalStart.getTime())!;
    expect(moved.start.toISOString()).toBe("2027-01-08T08:30:00.000Z");
    expect(moved.end.toISOString()).toBe("2027-01-08T10:00:00.000Z");
    expect(moved.url).toBe("https://grappe.test/o/o3");
    expect(shown.find((o) => o.start.getTime() === nov.startsAt.getTime())!.end.toISOString()).toBe(
      "2026-11-05T08:30:00.000Z",
    );
    expect(shown[0].summary).toBe(event.title);
    expect(shown[0].description).toBe(event.description);
  });

  it("ends a finite rule at its last date (UNTIL) and excludes missing dates", () => {
    const event = series({ rrule: "FREQ=WEEKLY;COUNT=4" });
    event.occurrences = expandRule("FREQ=WEEKLY;COUNT=4", event.startsAt, paris(2030, 1, 1)).map((s, i) =>
      occurrence(`w${i}`, s),
    );
    event.occurrences.splice(1, 1);
    const text = seriesCalendar({ name: "x", domain: "grappe.test", now: created, events: [event] });
    expect(text).toContain("RRULE:FREQ=WEEKLY;UNTIL=20261022T060000Z");
    const shown = expandCalendar(text, paris(2030, 1, 1));
    expect(shown.map((o) => o.start.getTime())).toEqual(event.occurrences.map((o) => o.startsAt.getTime()));
  });

  it("writes occurrences the rule no longer gives as events of their own, and a single event plainly", () => {
    const event = series({ rrule: "FREQ=MONTHLY;BYDAY=2TU", startsAt: paris(2026, 10, 13) });
    event.occurrences = [
      occurrence("old", paris(2026, 10, 1)),
      ...expandRule("FREQ=MONTHLY;BYDAY=2TU", paris(2026, 10, 13), paris(2026, 12, 31)).map((s, i) =>
        occurrence(`n${i}`, s),
      ),
    ];
    const single: CalendarEvent = {
      ...series({ id: "22222222-2222-4222-8222-222222222222", rrule: null }),
      occurrences: [occurrence("s", paris(2026, 11, 20, 18), { status: "cancelled" })],
    };
    const text = seriesCalendar({ name: "x", domain: "grappe.test", now: created, events: [event, single] });
    expectWellFormed(text);
    const shown = expandCalendar(text, paris(2030, 1, 1));
    expect(shown.map((o) => o.start.getTime())).toEqual(
      [...event.occurrences, ...single.occurrences].map((o) => o.startsAt.getTime()).sort(),
    );
    expect(shown.find((o) => o.uid === "occurrence-old@grappe.test")).toBeTruthy();
    expect(shown.find((o) => o.uid === `event-${single.id}@grappe.test`)!.status).toBe("CANCELLED");
  });

  it("shows a series with nothing left as cancelled", () => {
    const event = series({ status: "cancelled" });
    for (const o of event.occurrences) o.status = "cancelled";
    const text = seriesCalendar({ name: "x", domain: "grappe.test", now: created, events: [event] });
    expect(text).not.toContain("EXDATE");
    expect(parseCalendar(text).getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("personal feed and invitations", () => {
  const event = series();
  const { occurrences, rrule: _rrule, ...base } = event;

  it("lists one VEVENT per seat, waiting ones tentative", () => {
    const text = personalCalendar({
      name: "Mes inscriptions",
      domain: "grappe.test",
      now: created,
      waitingLabel: "liste d'attente",
      items: [
        { event: base, occurrence: occurrences[0], waiting: false },
        { event: base, occurrence: { ...occurrences[1], status: "cancelled" }, waiting: false },
        { event: base, occurrence: occurrences[2], waiting: true },
      ],
    });
    expectWellFormed(text);
    const shown = expandCalendar(text, paris(2030, 1, 1));
    expect(shown.map((o) => o.status)).toEqual(["CONFIRMED", "CANCELLED", "TENTATIVE"]);
    expect(shown[2].summary).toBe(`${event.title} (liste d'attente)`);
    expect(shown.map((o) => o.uid)).toEqual(occurrences.slice(0, 3).map((o) => `occurrence-${o.id}@grappe.test`));
  });

  it("writes REQUEST and CANCEL with the same UID and a growing SEQUENCE", () => {
    const common = {
      domain: "grappe.test",
      calendarName: "Grappe",
      event: base,
      occurrence: occurrences[0],
      organizer: { name: "Grappe Loire, Forez", email: "noreply@grappe.test" },
      attendee: { name: "Jeanne Dupont", email: "jeanne@example.org" },
    };
    const request = invitation({ ...common, method: "REQUEST", now: at("2026-09-10T10:00:00Z") });
    const cancel = invitation({ ...common, method: "CANCEL", now: at("2026-09-12T10:00:00Z") });
    expectWellFormed(request);
    expectWellFormed(cancel);
    const [r, c] = [request, cancel].map((t) => parseCalendar(t));
    expect(r.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(c.getFirstPropertyValue("method")).toBe("CANCEL");
    const [rv, cv] = [r, c].map((x) => x.getFirstSubcomponent("vevent")!);
    expect(rv.getFirstPropertyValue("uid")).toBe(cv.getFirstPropertyValue("uid"));
    expect(Number(cv.getFirstPropertyValue("sequence"))).toBeGreaterThan(Number(rv.getFirstPropertyValue("sequence")));
    expect(cv.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(rv.getFirstProperty("organizer")!.getParameter("cn")).toBe("Grappe Loire, Forez");
    expect(rv.getFirstPropertyValue("attendee")).toBe("mailto:jeanne@example.org");
    expect(expandCalendar(request, paris(2030, 1, 1))[0].start.toISOString()).toBe("2026-10-01T06:00:00.000Z");
  });
});
