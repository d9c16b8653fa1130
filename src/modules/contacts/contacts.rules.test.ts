import { describe, expect, it } from "vitest";
import { addDays, happenedAtOf, isInFuture, parisDay, parisNoon } from "./contacts.rules.js";

describe("contact days", () => {
  it("reads the day in Paris, not UTC", () => {
    expect(parisDay(new Date("2025-06-30T22:30:00Z"))).toBe("2025-07-01");
    expect(parisDay(new Date("2025-01-31T22:30:00Z"))).toBe("2025-01-31");
  });

  it("adds calendar days across months and years", () => {
    expect(addDays("2025-12-30", 3)).toBe("2026-01-02");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("records a day-only contact at noon Paris time, summer and winter", () => {
    expect(parisNoon("2025-07-14").toISOString()).toBe("2025-07-14T10:00:00.000Z");
    expect(parisNoon("2025-01-14").toISOString()).toBe("2025-01-14T11:00:00.000Z");
    expect(happenedAtOf("2025-03-02T09:15:00+01:00").toISOString()).toBe("2025-03-02T08:15:00.000Z");
  });

  it("refuses contacts in the future, forgiving clock skew", () => {
    const now = new Date("2025-06-30T22:30:00Z"); // 1 July in Paris
    expect(isInFuture("2025-07-01", now)).toBe(false);
    expect(isInFuture("2025-07-02", now)).toBe(true);
    expect(isInFuture("2025-06-30T22:33:00Z", now)).toBe(false);
    expect(isInFuture("2025-06-30T23:30:00Z", now)).toBe(true);
  });
});
