import { describe, expect, it } from "vitest";
import {
  type CommuneLookup,
  communeNameKey,
  communesByPostcode,
  departmentName,
  findCommune,
  getCommune,
  searchCommunes,
} from "./communes.js";

const SAINT_ETIENNE = "42218";

function inseeOf(lookup: CommuneLookup): string {
  if ("error" in lookup) throw new Error(lookup.error);
  return lookup.commune.insee;
}

describe("getCommune", () => {
  it("joins the official list with the coordinates", () => {
    expect(getCommune(SAINT_ETIENNE)).toEqual({
      insee: SAINT_ETIENNE,
      name: "Saint-Étienne",
      department: "42",
      postcodes: ["42000", "42100", "42230"],
      lat: 45.4241,
      lon: 4.36647,
      population: 173136,
    });
  });

  it("knows Corsican codes and returns undefined for unknown or former codes", () => {
    expect(getCommune("2a004")?.name).toBe("Ajaccio");
    expect(getCommune("99999")).toBeUndefined();
    expect(getCommune("75101")).toBeUndefined(); // an arrondissement, not a commune
  });
});

describe("communesByPostcode", () => {
  it("lists every commune a postcode serves", () => {
    const served = communesByPostcode("01400");
    expect(served.length).toBeGreaterThan(1);
    expect(served.map((commune) => commune.insee)).toContain("01001");
    expect(communesByPostcode("1400")).toEqual(served);
  });

  it("returns an empty list for an unknown postcode", () => {
    expect(communesByPostcode("00000")).toEqual([]);
  });
});

describe("communeNameKey", () => {
  it("reads the ways spreadsheets write a name", () => {
    const key = communeNameKey("Saint-Étienne");
    for (const spelling of ["ST ETIENNE", "saint étienne", "St-Étienne", "SAINT ETIENNE CEDEX 2"]) {
      expect(communeNameKey(spelling), spelling).toBe(key);
    }
    expect(communeNameKey("CHAMBON FEUGEROLLES (LE)")).toBe(communeNameKey("Le Chambon-Feugerolles"));
    expect(communeNameKey("CHALON S/ SAONE")).toBe(communeNameKey("Chalon-sur-Saône"));
  });

  it("leaves the last word alone while it is still being typed", () => {
    expect(communeNameKey("st", false)).toBe("st");
    expect(communeNameKey("st eti", false)).toBe("saint eti");
  });
});

describe("findCommune", () => {
  it("finds Saint-Étienne however its name is written", () => {
    for (const name of ["Saint-Etienne", "ST ETIENNE", "saint étienne"]) {
      expect(inseeOf(findCommune({ name })), name).toBe(SAINT_ETIENNE);
      expect(inseeOf(findCommune({ name, postcode: "42000" })), name).toBe(SAINT_ETIENNE);
    }
  });

  it("takes the INSEE code first, restoring a dropped leading zero", () => {
    expect(inseeOf(findCommune({ insee: "42218", name: "ignored" }))).toBe(SAINT_ETIENNE);
    expect(inseeOf(findCommune({ insee: "1001" }))).toBe("01001");
    expect(findCommune({ insee: "99999" })).toEqual({ error: "Code commune INSEE inconnu : 99999" });
  });

  it("maps arrondissements, former codes and delegated communes to today's commune", () => {
    expect(inseeOf(findCommune({ insee: "75101" }))).toBe("75056"); // Paris 1er, as SIRENE gives it
    expect(inseeOf(findCommune({ insee: "12076" }))).toBe("12218"); // merged into Conques-en-Rouergue
    expect(inseeOf(findCommune({ name: "Chalmazel", postcode: "42920" }))).toBe("42039");
    expect(inseeOf(findCommune({ name: "Lyon 3e Arrondissement" }))).toBe("69123");
  });

  it("tells namesakes apart by postcode", () => {
    expect(findCommune({ name: "Saint-Martin" })).toEqual({
      error: "Commune ambiguë : 5 communes s'appellent Saint-Martin, précisez le code postal",
    });
    expect(inseeOf(findCommune({ name: "Saint-Martin", postcode: "67220" }))).toBe("67426");
    expect(inseeOf(findCommune({ name: "SAINT MARTIN", postcode: "32300" }))).toBe("32389");
  });

  it("accepts a Cedex postcode of the right department", () => {
    expect(inseeOf(findCommune({ name: "SAINT ETIENNE CEDEX 1", postcode: "42007" }))).toBe(SAINT_ETIENNE);
    expect(findCommune({ name: "Saint-Étienne", postcode: "69007" })).toEqual({
      error: "Commune inconnue : Saint-Étienne (69007) ; ce code postal dessert Lyon",
    });
  });

  it("finds renamed and merged communes by their former name", () => {
    // Renamed after the CSV's COG 2024, which still has the old names.
    expect(findCommune({ name: "Cransac", postcode: "12110" })).toMatchObject({
      commune: { insee: "12083", name: "Cransac-les-Thermes" },
    });
    expect(inseeOf(findCommune({ name: "CRANSAC" }))).toBe("12083"); // the only commune ever so named
    expect(inseeOf(findCommune({ name: "Oissel", postcode: "76350" }))).toBe("76484"); // Oissel-sur-Seine
    expect(inseeOf(findCommune({ name: "Grigny", postcode: "69520" }))).toBe("69096"); // Grigny-sur-Rhône
    expect(inseeOf(findCommune({ name: "Éragny", postcode: "95610" }))).toBe("95218"); // Éragny-sur-Oise
    expect(inseeOf(findCommune({ name: "ERAGNY SUR OISE", postcode: "95610" }))).toBe("95218");
    // Merged into a new commune that lists no delegated commune of that name.
    expect(inseeOf(findCommune({ name: "Filain", postcode: "02000" }))).toBe("02589"); // Pargny-et-Filain
    // The namesakes elsewhere are untouched.
    expect(inseeOf(findCommune({ name: "Grigny", postcode: "91350" }))).toBe("91286");
    expect(inseeOf(findCommune({ name: "Grigny", postcode: "62140" }))).toBe("62388");
  });

  it("takes a short name when one commune of the postcode bears it, and explains the rest", () => {
    expect(inseeOf(findCommune({ name: "Chambon", postcode: "42500" }))).toBe("42044"); // Le Chambon-Feugerolles
    expect(inseeOf(findCommune({ name: "Paris 3e", postcode: "75003" }))).toBe("75056");
    expect(inseeOf(findCommune({ name: "OISSEL CEDEX", postcode: "76351" }))).toBe("76484"); // Cedex: department
    expect(findCommune({ name: "Chalain", postcode: "42600" })).toEqual({
      error: "Commune ambiguë : Chalain (42600) peut désigner Chalain-d'Uzore et Chalain-le-Comtal, précisez le nom",
    });
    // Filler words alone pick nothing, even when the postcode serves one commune.
    expect(findCommune({ name: "Saint", postcode: "42000" })).toEqual({
      error: "Commune inconnue : Saint (42000) ; ce code postal dessert Saint-Étienne",
    });
    // Without a postcode, a short name is not enough.
    expect(findCommune({ name: "Oissel" })).toMatchObject({ commune: { insee: "76484" } }); // former name
    expect(findCommune({ name: "Feugerolles" })).toEqual({ error: "Commune inconnue : Feugerolles" });
    expect(inseeOf(findCommune({ name: "Feugerolles", postcode: "42500" }))).toBe("42044");
  });

  it("reads La Poste's spellings", () => {
    expect(inseeOf(findCommune({ name: "CHAMBON FEUGEROLLES (LE)", postcode: "42500" }))).toBe("42044");
    expect(inseeOf(findCommune({ name: "CHALON S/ SAONE", postcode: "71100" }))).toBe("71076");
  });

  it("uses a postcode alone only when it serves one commune", () => {
    expect(inseeOf(findCommune({ postcode: "42100" }))).toBe(SAINT_ETIENNE);
    expect(findCommune({ postcode: "01400" })).toEqual({
      error: "Code postal 01400 : plusieurs communes, précisez la commune",
    });
    expect(findCommune({ postcode: "00000" })).toEqual({ error: "Code postal inconnu : 00000" });
    expect(findCommune({ postcode: "4200A" })).toEqual({ error: "Code postal invalide : 4200A" });
  });

  it("explains what is missing or unknown", () => {
    expect(findCommune({ name: "Atlantide" })).toEqual({ error: "Commune inconnue : Atlantide" });
    expect(findCommune({ name: "  ", postcode: "" })).toEqual({ error: "Commune non renseignée" });
  });

  it("resolves communes that have no coordinates, with lat and lon null", () => {
    const lookup = findCommune({ insee: "15031" }); // Celles, restored in 2025, absent from the CSV
    expect(lookup).toMatchObject({ commune: { name: "Celles", lat: null, lon: null } });
  });
});

describe("searchCommunes", () => {
  it("puts the biggest town first among names starting with the text typed", () => {
    expect(searchCommunes("saint-ét", 3).map((commune) => commune.name)).toEqual([
      "Saint-Étienne",
      "Saint-Étienne-du-Rouvray",
      "Saint-Étienne-de-Montluc",
    ]);
    expect(searchCommunes("ST ETI", 1)[0].insee).toBe(SAINT_ETIENNE);
  });

  it("does not read an unfinished 'st' as Saint", () => {
    expect(searchCommunes("st", 1)[0].name).toBe("Strasbourg");
    expect(searchCommunes("st", 3).map((commune) => commune.name)).toContain("Saint-Étienne");
  });

  it("matches postcode prefixes", () => {
    expect(searchCommunes("4200", 5).map((commune) => commune.insee)).toEqual([SAINT_ETIENNE]);
    expect(searchCommunes("42", 50).every((commune) => commune.postcodes.some((p) => p.startsWith("42")))).toBe(true);
  });

  it("honours the limit and ignores empty input", () => {
    expect(searchCommunes("a", 7)).toHaveLength(7);
    expect(searchCommunes(" - ")).toEqual([]);
  });
});

describe("departmentName", () => {
  it("names departments from their code", () => {
    expect(departmentName("42")).toBe("Loire");
    expect(departmentName("2a")).toBe("Corse-du-Sud");
    expect(departmentName("1")).toBe("Ain");
    expect(departmentName("974")).toBe("La Réunion");
    expect(departmentName("99")).toBeUndefined();
  });
});
