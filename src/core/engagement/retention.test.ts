import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MembershipDates, membershipYears } from "./retention.js";

const member = (joinedOn: string | null, leftOn: string | null = null): MembershipDates => ({
  joinedOn,
  leftOn,
  status: joinedOn === null ? "prospect" : leftOn ? "former" : "member",
});

describe("membership years", () => {
  const members: MembershipDates[] = [
    member("2022-03-01"), // stays
    member("2022-06-15", "2024-02-01"), // leaves in 2024
    member("2023-01-01"), // joins on New Year's day: a 2023 join, not at the start of 2023
    member("2023-05-10", "2023-11-30"), // joins and leaves the same year
    member("2024-09-01"),
    member(null), // a prospect
    { joinedOn: "2021-01-10", leftOn: null, status: "former" }, // left on an unknown date
  ];

  it("counts joins, leaves, members at start and end, and retention per year", () => {
    const { years, undated } = membershipYears(members, "2025-04-15");
    expect(undated).toBe(1);
    expect(years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(years[0]).toEqual({
      year: 2022,
      atStart: 0,
      joins: 2,
      leaves: 0,
      atEnd: 2,
      retained: 0,
      retention: null,
      partial: false,
    });
    expect(years[1]).toMatchObject({
      year: 2023,
      atStart: 2,
      joins: 2,
      leaves: 1,
      atEnd: 3,
      retained: 2,
      retention: 1,
    });
    expect(years[2]).toMatchObject({ year: 2024, atStart: 3, joins: 1, leaves: 1, atEnd: 3, retained: 2 });
    expect(years[2].retention).toBeCloseTo(2 / 3);
    expect(years[3]).toMatchObject({
      year: 2025,
      atStart: 3,
      joins: 0,
      leaves: 0,
      atEnd: 3,
      retention: 1,
      partial: true,
    });
  });

  it("measures the current year up to today", () => {
    const { years } = membershipYears([member("2020-01-05"), member("2020-02-01", "2021-09-01")], "2021-06-30");
    expect(years.at(-1)).toMatchObject({ year: 2021, atStart: 2, leaves: 0, retained: 2, retention: 1, partial: true });
  });

  it("limits the number of years", () => {
    const { years } = membershipYears([member("2001-01-05")], "2025-06-30", { maxYears: 5 });
    expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(years[0].atStart).toBe(1);
  });

  it("has nothing to say without dated members", () => {
    expect(membershipYears([member(null)], "2025-01-01")).toEqual({ years: [], undated: 0 });
  });

  it("keeps at end = at start + joins − leaves, and retained ≤ at start", () => {
    const day = fc
      .integer({ min: 0, max: 365 * 8 })
      .map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const dates = fc.array(
      fc.tuple(day, fc.option(day)).map(([a, b]) => (b && b > a ? member(a, b) : member(a))),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(dates, (list) => {
        for (const y of membershipYears(list, "2025-12-31").years) {
          expect(y.atEnd).toBe(y.atStart + y.joins - y.leaves);
          expect(y.retained).toBeLessThanOrEqual(y.atStart);
        }
      }),
    );
  });
});
