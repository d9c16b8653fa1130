import { describe, expect, it } from "vitest";
import { communeRegister } from "./communeRegister.js";

describe("communeRegister", () => {
  const register = communeRegister();

  it("keeps only current communes from the etalab list", () => {
    // 34,969 current communes; delegated, associated communes and arrondissements are aliases only.
    expect(register.byInsee.size).toBe(34969);
    expect(register.byInsee.has("75101")).toBe(false);
    expect(register.currentCodeOf.get("75101")).toBe("75056");
  });

  it("is loaded once", () => {
    expect(communeRegister()).toBe(register);
  });

  it("gives coordinates to nearly every commune", () => {
    const withoutCoordinates = [...register.byInsee.values()].filter((commune) => commune.lat === null);
    // Communes restored in 2025 and the overseas collectivities (975, 977, 978, 984, 986, 987, 988, 989).
    expect(withoutCoordinates.length).toBeLessThan(120);
    expect(withoutCoordinates.filter((commune) => commune.department.length === 2)).toHaveLength(8);
  });

  it("places Paris, Lyon and Marseille, which the CSV lacks, at their town halls", () => {
    expect(register.byInsee.get("75056")).toMatchObject({ lat: 48.8564, lon: 2.3525 });
    expect(register.byInsee.get("69123")).toMatchObject({ lat: 45.7676, lon: 4.8364 });
    expect(register.byInsee.get("13055")).toMatchObject({ lat: 43.2961, lon: 5.3695 });
  });

  it("takes a new commune's coordinates from its former commune of the same name", () => {
    // Conques-en-Rouergue became 12218 after the CSV's vintage; the CSV has it as 12076.
    expect(register.byInsee.get("12218")).toMatchObject({ lat: 44.58166, lon: 2.38947 });
  });

  it("takes postcodes and population from etalab, the more recent source", () => {
    expect(register.byInsee.get("01001")).toMatchObject({ postcodes: ["01400"], population: 860 });
  });

  it("keeps the names of delegated communes and arrondissements for matching", () => {
    const chalmazel = register.otherNames.find((other) => other.name === "Chalmazel");
    expect(chalmazel?.commune.insee).toBe("42039");
  });
});
