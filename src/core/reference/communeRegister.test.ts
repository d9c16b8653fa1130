import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { communeRegister, TOWN_HALLS } from "./communeRegister.js";
import { haversineKm } from "./roadTime.js";

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
    expect(register.byInsee.get("69123")).toMatchObject({ lat: 45.7676, lon: 4.835 });
    expect(register.byInsee.get("13055")).toMatchObject({ lat: 43.2961, lon: 5.3695 });
  });

  it("needs those three positions, and they agree with the CSV's neighbouring communes", () => {
    const csv = readFileSync(new URL("./data/communes-coordinates.csv", import.meta.url), "utf8")
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(","))
      .map(([insee, name, department, , lat, lon]) => ({
        insee,
        name,
        department,
        lat: Number(lat),
        lon: Number(lon),
      }));
    // Neither the three cities nor their arrondissements (75101–75120, 69381–69389, 13201–13216) have a row.
    const cityCodes = /^(75056|69123|13055|751\d\d|6938\d|132\d\d)$/;
    expect(csv.filter((row) => cityCodes.test(row.insee))).toEqual([]);
    // Each town hall lies inside its city: the nearest positions of other communes are its suburbs, several
    // kilometres away (a slip of a digit would land in a suburb, the sea or another department).
    const expected: Record<string, { departments: string[]; suburbs: string[]; km: [number, number] }> = {
      "75056": { departments: ["92", "93", "94"], suburbs: ["Le Pré-Saint-Gervais", "Gentilly"], km: [4, 6] },
      "69123": { departments: ["69"], suburbs: ["Caluire-et-Cuire", "La Mulatière"], km: [3, 5] },
      "13055": { departments: ["13"], suburbs: ["Plan-de-Cuques", "Septèmes-les-Vallons"], km: [9, 12] },
    };
    for (const [insee, townHall] of Object.entries(TOWN_HALLS)) {
      const nearest = csv
        .map((row) => ({ ...row, km: haversineKm(townHall, row) }))
        .sort((a, b) => a.km - b.km)
        .slice(0, 4);
      const { departments, suburbs, km } = expected[insee];
      expect(nearest.map((row) => row.name).slice(0, 2), insee).toEqual(suburbs);
      expect(
        nearest.every((row) => departments.includes(row.department)),
        insee,
      ).toBe(true);
      expect(nearest[0].km, insee).toBeGreaterThan(km[0]);
      expect(nearest[0].km, insee).toBeLessThan(km[1]);
    }
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

  it("keeps the CSV's older names of renamed and merged communes for matching", () => {
    const formerly = (name: string) => register.otherNames.filter((other) => other.name === name);
    expect(formerly("Cransac").map((other) => other.commune.name)).toEqual(["Cransac-les-Thermes"]);
    expect(formerly("Filain").map((other) => other.commune.insee)).toEqual(["02589"]); // merged, no delegated commune
    // A current name is not repeated as a former one.
    expect(formerly("Saint-Étienne")).toEqual([]);
  });
});
