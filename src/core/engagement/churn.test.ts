import { describe, expect, it } from "vitest";
import { churnMonthsOf, DEFAULT_CHURN_MONTHS, isChurnRisk, monthsBefore, silentSince } from "./churn.js";

const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("churn risk", () => {
  it("reads the cluster's N from its settings, 6 by default", () => {
    expect(churnMonthsOf({})).toBe(DEFAULT_CHURN_MONTHS);
    expect(churnMonthsOf(null)).toBe(6);
    expect(churnMonthsOf({ churnMonths: 9 })).toBe(9);
    for (const bad of [0, -1, 2.5, "9", 99]) expect(churnMonthsOf({ churnMonths: bad })).toBe(6);
  });

  it("goes back calendar months, clamping to the month's last day", () => {
    expect(monthsBefore(d("2025-08-15"), 6).toISOString().slice(0, 10)).toBe("2025-02-15");
    expect(monthsBefore(d("2025-03-31"), 1).toISOString().slice(0, 10)).toBe("2025-02-28");
    expect(monthsBefore(d("2024-03-31"), 1).toISOString().slice(0, 10)).toBe("2024-02-29");
    expect(monthsBefore(d("2025-01-10"), 12).toISOString().slice(0, 10)).toBe("2024-01-10");
  });

  it("measures silence from the last participation, or from joining when later", () => {
    expect(silentSince(null, null)).toBeNull();
    expect(silentSince(d("2025-01-01"), null)).toEqual(d("2025-01-01"));
    expect(silentSince(null, d("2024-05-01"))).toEqual(d("2024-05-01"));
    expect(silentSince(d("2024-01-01"), d("2024-05-01"))).toEqual(d("2024-05-01"));
  });

  it("flags members silent for N months, not newcomers", () => {
    const now = d("2025-08-15");
    expect(isChurnRisk({ lastParticipation: d("2025-01-10"), joinedOn: d("2020-01-01") }, now, 6)).toBe(true);
    expect(isChurnRisk({ lastParticipation: d("2025-03-10"), joinedOn: d("2020-01-01") }, now, 6)).toBe(false);
    expect(isChurnRisk({ lastParticipation: d("2025-03-10"), joinedOn: d("2020-01-01") }, now, 3)).toBe(true);
    expect(isChurnRisk({ lastParticipation: null, joinedOn: d("2025-05-01") }, now, 6)).toBe(false);
    expect(isChurnRisk({ lastParticipation: null, joinedOn: d("2024-05-01") }, now, 6)).toBe(true);
    expect(isChurnRisk({ lastParticipation: null, joinedOn: null }, now, 6)).toBe(true);
  });
});
