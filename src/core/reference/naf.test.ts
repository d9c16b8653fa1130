import { describe, expect, it } from "vitest";
import { findNaf, isValidNafCode, NAF_VERSION, normalizeNafCode, searchNaf } from "./naf.js";

describe("normalizeNafCode", () => {
  it("accepts the usual spellings of a sub-class code", () => {
    for (const spelling of ["2562A", "25.62A", "25.62 A", "25,62a", " 25 62 a ", "25.62\u00a0A"]) {
      expect(normalizeNafCode(spelling), spelling).toBe("25.62A");
    }
  });

  it("refuses what is not shaped like a sub-class", () => {
    expect(normalizeNafCode("25.62")).toBeNull(); // class, no letter
    expect(normalizeNafCode("285D")).toBeNull(); // NAF rév. 1 shape
    expect(normalizeNafCode("25.62AB")).toBeNull();
    expect(normalizeNafCode("")).toBeNull();
    expect(normalizeNafCode(null)).toBeNull();
  });
});

describe("findNaf", () => {
  it("finds machining sub-classes with INSEE's labels", () => {
    expect(findNaf("25.62A")).toEqual({ code: "25.62A", label: "Décolletage" });
    expect(findNaf("2562b")).toEqual({ code: "25.62B", label: "Mécanique industrielle" });
  });

  it("gives heat and surface treatment one shared code", () => {
    expect(findNaf("25.61Z")).toEqual({ code: "25.61Z", label: "Traitement et revêtement des métaux" });
  });

  it("collapses the package's stray double spaces in labels", () => {
    expect(findNaf("87.30B")?.label).toBe("Hébergement social pour handicapés physiques");
  });

  it("returns undefined for a well-shaped code that does not exist", () => {
    expect(findNaf("25.62C")).toBeUndefined();
    expect(findNaf("25.62")).toBeUndefined();
  });
});

describe("isValidNafCode", () => {
  it("accepts existing sub-classes in any spelling and refuses others", () => {
    expect(isValidNafCode("25,61z")).toBe(true);
    expect(isValidNafCode("99.00Z")).toBe(true);
    expect(isValidNafCode("25.61A")).toBe(false);
    expect(isValidNafCode("hello")).toBe(false);
  });
});

describe("searchNaf", () => {
  it("searches by code prefix", () => {
    expect(searchNaf("25.6").map((naf) => naf.code)).toEqual(["25.61Z", "25.62A", "25.62B"]);
    expect(searchNaf("2562").map((naf) => naf.code)).toEqual(["25.62A", "25.62B"]);
  });

  it("searches label words without accents", () => {
    expect(searchNaf("decolletage").map((naf) => naf.code)).toEqual(["25.62A"]);
    expect(searchNaf("mecanique indus").map((naf) => naf.code)).toContain("25.62B");
  });

  it("honours the limit and ignores an empty query", () => {
    expect(searchNaf("fabrication", 5)).toHaveLength(5);
    expect(searchNaf("  ")).toEqual([]);
  });
});

it("names the revision stored beside each code", () => {
  expect(NAF_VERSION).toBe("NAFRev2");
});
