import { describe, expect, it } from "vitest";
import {
  describeRule,
  firstRuleDate,
  holidayOn,
  occurrenceStarts,
  parisDateKey,
  parisDayStart,
  parisTimeText,
  parisToInstant,
  parisWallClock,
  parseRule,
} from "./recurrence.js";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("Paris wall clock", () => {
  it("converts both ways in winter and in summer", () => {
    expect(parisToInstant({ year: 2026, month: 1, day: 8, hour: 8, minute: 0, second: 0 }).toISOString()).toBe(
      "2026-01-08T07:00:00.000Z",
    );
    expect(parisToInstant({ year: 2026, month: 7, day: 2, hour: 8, minute: 0, second: 0 }).toISOString()).toBe(
      "2026-07-02T06:00:00.000Z",
    );
    expect(parisWallClock(new Date("2026-07-02T06:00:00Z"))).toMatchObject({ day: 2, hour: 8, minute: 0 });
    expect(parisDateKey(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(parisDayStart("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });

  it("moves a time that does not exist (spring forward) to after the change", () => {
    const gap = parisToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 });
    expect(parisTimeText(gap)).toBe("03:30");
  });
});

describe("rules", () => {
  it("accepts and normalises a rule", () => {
    expect(parseRule("rrule:freq=monthly;byday=1th")).toEqual({ rule: "FREQ=MONTHLY;BYDAY=1TH" });
    expect(parseRule("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10")).toEqual({ rule: "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10" });
    expect(parseRule("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231")).toEqual({
      rule: "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231",
    });
  });

  it.each([
    ["", /vide/],
    ["BYDAY=1TH", /FREQ est obligatoire/],
    ["FREQ=HOURLY", /FREQ doit valoir/],
    ["FREQ=MONTHLY;BYDAY=1XX", /BYDAY/],
    ["FREQ=MONTHLY;BYDAY=0TH", /BYDAY/],
    ["FREQ=MONTHLY;BYHOUR=8", /BYHOUR/],
    ["DTSTART:20260101T080000Z;FREQ=DAILY", /DTSTART/],
    ["FREQ=DAILY;COUNT=5;UNTIL=20260101", /COUNT et UNTIL/],
    ["FREQ=DAILY;UNTIL=20260231", /UNTIL/],
    ["FREQ=DAILY;COUNT=0", /COUNT/],
    ["FREQ=DAILY;FOO=1", /inconnu/],
    ["FREQ=YEARLY;BYMONTH=13", /BYMONTH/],
  ])("refuses %j with a French message", (text, message) => {
    const result = parseRule(text);
    expect("error" in result && result.error).toMatch(message);
  });
});

describe("occurrences", () => {
  it("keeps the first Thursday of every month at 08:00 Paris across both DST changes", () => {
    const first = new Date("2026-01-01T08:00:00+01:00");
    const starts = occurrenceStarts(first, "FREQ=MONTHLY;BYDAY=1TH", first, new Date("2027-01-01T00:00:00Z"));
    expect(starts).toHaveLength(12);
    expect(starts.map(parisTimeText)).toEqual(Array(12).fill("08:00"));
    expect(starts.map(parisDateKey)).toEqual([
      "2026-01-01",
      "2026-02-05",
      "2026-03-05",
      "2026-04-02",
      "2026-05-07",
      "2026-06-04",
      "2026-07-02",
      "2026-08-06",
      "2026-09-03",
      "2026-10-01",
      "2026-11-05",
      "2026-12-03",
    ]);
    // 07:00Z in winter, 06:00Z in summer (CEST from 29 March to 25 October 2026).
    expect(iso(starts.slice(2, 4))).toEqual(["2026-03-05T07:00:00.000Z", "2026-04-02T06:00:00.000Z"]);
    expect(iso(starts.slice(9, 11))).toEqual(["2026-10-01T06:00:00.000Z", "2026-11-05T07:00:00.000Z"]);
  });

  it("keeps a weekly evening time on the very days the clocks change", () => {
    const first = new Date("2026-03-22T19:00:00+01:00"); // Sunday
    const starts = occurrenceStarts(first, "FREQ=WEEKLY", first, new Date("2026-04-06T00:00:00Z"));
    expect(iso(starts)).toEqual(["2026-03-22T18:00:00.000Z", "2026-03-29T17:00:00.000Z", "2026-04-05T17:00:00.000Z"]);
  });

  it("returns only the window asked for, and honours COUNT and a date-only UNTIL", () => {
    const first = new Date("2026-01-01T08:00:00+01:00");
    const window = occurrenceStarts(
      first,
      "FREQ=MONTHLY;BYDAY=1TH",
      new Date("2026-06-01T00:00:00Z"),
      new Date("2026-08-01T00:00:00Z"),
    );
    expect(window.map(parisDateKey)).toEqual(["2026-06-04", "2026-07-02"]);
    const far = new Date("2030-01-01T00:00:00Z");
    expect(occurrenceStarts(first, "FREQ=MONTHLY;BYDAY=1TH;COUNT=3", first, far)).toHaveLength(3);
    const until = occurrenceStarts(first, "FREQ=MONTHLY;BYDAY=1TH;UNTIL=20260305", first, far);
    expect(until.map(parisDateKey)).toEqual(["2026-01-01", "2026-02-05", "2026-03-05"]);
  });

  it("gives a single event its one start when it falls in the window", () => {
    const start = new Date("2026-05-12T12:00:00+02:00");
    expect(occurrenceStarts(start, null, new Date("2026-05-01"), new Date("2026-06-01"))).toEqual([start]);
    expect(occurrenceStarts(start, null, new Date("2026-06-01"), new Date("2026-07-01"))).toEqual([]);
  });
});

describe("first date of a new rule", () => {
  const start = new Date("2027-01-01T08:00:00+01:00");
  it("finds it in a worker, and gives up on rules that never produce one", async () => {
    expect(await firstRuleDate("FREQ=MONTHLY;BYDAY=1TH", start)).toEqual(new Date("2027-01-07T07:00:00Z"));
    expect(await firstRuleDate("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", start)).toEqual(
      new Date("2044-02-29T07:00:00Z"),
    );
    expect(await firstRuleDate("FREQ=DAILY;UNTIL=20261231", start)).toBeNull();
    const started = Date.now();
    expect(await firstRuleDate("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start, 500)).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("public holidays", () => {
  it("names the French public holidays on the Paris day", () => {
    expect(holidayOn(new Date("2026-05-14T08:00:00+02:00"))).toBe("Ascension");
    expect(holidayOn(new Date("2026-07-14T10:00:00+02:00"))).toBe("Fête Nationale");
    expect(holidayOn(new Date("2026-05-01T00:30:00+02:00"))).toBe("Fête du travail"); // 30 April 22:30Z
    expect(holidayOn(new Date("2026-12-25T09:00:00+01:00"))).toBe("Noël");
    expect(holidayOn(new Date("2026-05-25T09:00:00+02:00"))).toBe("Lundi de Pentecôte");
    expect(holidayOn(new Date("2026-05-13T08:00:00+02:00"))).toBeNull();
  });

  it("adds Good Friday and St Stephen's Day in Alsace-Moselle only", () => {
    const goodFriday = new Date("2026-04-03T08:00:00+02:00");
    expect(holidayOn(goodFriday)).toBeNull();
    expect(holidayOn(goodFriday, { department: "67" })).toBe("Vendredi Saint");
    expect(holidayOn(new Date("2026-12-26T08:00:00+01:00"), { department: "57" })).toBe("Saint Étienne");
  });

  it("flags the monthly breakfast that falls on Ascension Thursday", () => {
    const first = new Date("2026-01-01T08:00:00+01:00");
    const starts = occurrenceStarts(first, "FREQ=WEEKLY;BYDAY=TH", first, new Date("2026-06-01T00:00:00Z"));
    const flagged = starts.filter((s) => holidayOn(s)).map((s) => `${parisDateKey(s)} ${holidayOn(s)}`);
    expect(flagged).toEqual(["2026-01-01 Jour de l'an", "2026-05-14 Ascension"]);
  });
});

describe("rules in words", () => {
  const first = new Date("2026-01-01T08:00:00+01:00");
  it.each([
    ["FREQ=MONTHLY;BYDAY=1TH", "le 1er jeudi de chaque mois à 08:00"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "le dernier vendredi de chaque mois à 08:00"],
    ["FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU", "le 2e mardi, tous les 2 mois à 08:00"],
    ["FREQ=MONTHLY;BYMONTHDAY=15", "le 15 de chaque mois à 08:00"],
    ["FREQ=WEEKLY", "chaque jeudi à 08:00"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "toutes les 2 semaines, le lundi et jeudi à 08:00"],
    ["FREQ=DAILY;COUNT=3", "tous les jours à 08:00, 3 fois"],
    ["FREQ=YEARLY;BYMONTH=6;BYDAY=2TH", "chaque année, le 2e jeudi de juin à 08:00"],
    ["FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1;UNTIL=20261231", "le 1er jeudi de chaque mois à 08:00, jusqu'au 31/12/2026"],
  ])("%s → %s", (rule, text) => {
    expect(describeRule(rule, first, "fr")).toBe(text);
  });

  it("speaks English too", () => {
    expect(describeRule("FREQ=MONTHLY;BYDAY=1TH", first, "en")).toBe("every month on the 1st Thursday at 08:00");
    expect(describeRule(null, first, "en")).toBeNull();
  });
});
