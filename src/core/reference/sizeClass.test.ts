import { describe, expect, it } from "vitest";
import { SIZE_CLASS_ACRONYMS, sizeClassOf } from "./sizeClass.js";

const M = 1_000_000;

describe("sizeClassOf", () => {
  it("needs both figures under the micro ceilings for a micro firm", () => {
    expect(sizeClassOf({ headcount: 9, turnoverEur: 2 * M })).toBe("micro");
    expect(sizeClassOf({ headcount: 10, turnoverEur: 2 * M })).toBe("sme");
    expect(sizeClassOf({ headcount: 9, turnoverEur: 2 * M + 1 })).toBe("sme");
  });

  it("places the SME boundary at 250 staff and 50 M€", () => {
    expect(sizeClassOf({ headcount: 249, turnoverEur: 50 * M })).toBe("sme");
    expect(sizeClassOf({ headcount: 250, turnoverEur: 10 * M })).toBe("midcap");
    expect(sizeClassOf({ headcount: 40, turnoverEur: 50 * M + 1 })).toBe("midcap");
  });

  it("places the mid-cap boundary at 5,000 staff and 1.5 bn€", () => {
    expect(sizeClassOf({ headcount: 4_999, turnoverEur: 1_500 * M })).toBe("midcap");
    expect(sizeClassOf({ headcount: 5_000, turnoverEur: 100 * M })).toBe("large");
    expect(sizeClassOf({ headcount: 1_000, turnoverEur: 1_500 * M + 1 })).toBe("large");
  });

  it("uses the one figure known", () => {
    expect(sizeClassOf({ headcount: 3, turnoverEur: null })).toBe("micro");
    expect(sizeClassOf({ headcount: 12, turnoverEur: undefined })).toBe("sme");
    expect(sizeClassOf({ headcount: null, turnoverEur: 1.9 * M })).toBe("micro");
    expect(sizeClassOf({ headcount: null, turnoverEur: 2e9 })).toBe("large");
  });

  it("counts a firm with no staff (a holding, a sole founder) as micro", () => {
    expect(sizeClassOf({ headcount: 0, turnoverEur: 0 })).toBe("micro");
  });

  it("returns null when nothing is known", () => {
    expect(sizeClassOf({ headcount: null, turnoverEur: null })).toBeNull();
    expect(sizeClassOf({ headcount: undefined, turnoverEur: undefined })).toBeNull();
  });

  it("ignores a figure that cannot be one", () => {
    expect(sizeClassOf({ headcount: -1, turnoverEur: 60 * M })).toBe("midcap");
    expect(sizeClassOf({ headcount: 300, turnoverEur: Number.NaN })).toBe("midcap");
    expect(sizeClassOf({ headcount: Number.POSITIVE_INFINITY, turnoverEur: -5 })).toBeNull();
  });
});

it("gives the French acronyms", () => {
  expect(Object.values(SIZE_CLASS_ACRONYMS)).toEqual(["TPE", "PME", "ETI", "GE"]);
});
