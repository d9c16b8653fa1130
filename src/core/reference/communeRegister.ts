import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { foldText } from "./text.js";

/**
 * Loading of the commune register behind `communes.ts`: the official list (INSEE code, name, department,
 * postcodes, population) from `@etalab/decoupage-administratif`, joined by INSEE code with coordinates from
 * `data/communes-coordinates.csv` (sources and licence in data/README.md).
 *
 * The two sources are not the same vintage: the etalab list already has the communes created or restored
 * after the CSV's COG 2024. A new commune missing from the CSV takes the coordinates of one of its former
 * communes (etalab's `anciensCodes`); Paris, Lyon and Marseille, absent from the CSV along with their
 * arrondissements, take their town hall's; the few left (communes restored in 2025, overseas collectivities)
 * resolve with lat/lon null. Population and postcodes come from etalab, the more recent of the two; the CSV's
 * names, when they differ, are kept as former names (renamed or merged communes).
 *
 * Loaded on the first lookup and kept, not at import, so that importing the module costs nothing.
 */

export interface Commune {
  /** Current INSEE code ("42218"), the key stored on members. */
  readonly insee: string;
  readonly name: string;
  /** Department code: "42", "2A", "974". */
  readonly department: string;
  readonly postcodes: readonly string[];
  readonly lat: number | null;
  readonly lon: number | null;
  readonly population: number | null;
}

export interface CommuneRegister {
  byInsee: Map<string, Commune>;
  /** Former codes, delegated and associated communes, arrondissements municipaux → current code. */
  currentCodeOf: Map<string, string>;
  byPostcode: Map<string, Commune[]>;
  /**
   * Names spreadsheets still use for a current commune: its delegated and associated communes, its
   * arrondissements, and its own or its merged communes' names before a renaming or merger (from the CSV).
   */
  otherNames: { name: string; commune: Commune }[];
}

interface EtalabCommune {
  code: string;
  nom: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  departement?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  /** For a delegated or associated commune: the current commune it belongs to. */
  chefLieu?: string;
  /** For an arrondissement municipal: Paris, Lyon or Marseille. */
  commune?: string;
}

interface CoordinatesRow {
  name: string;
  lat: number;
  lon: number;
  population: number | null;
}

/**
 * Absent from the CSV with their arrondissements; their town halls' positions, to about 50 m (checked against
 * the CSV's neighbouring communes in communeRegister.test.ts). Lyon's is the middle of the building between
 * place des Terreaux and place de la Comédie, not the Opéra behind it.
 */
export const TOWN_HALLS: Readonly<Record<string, { lat: number; lon: number }>> = {
  "75056": { lat: 48.8564, lon: 2.3525 }, // Paris, place de l'Hôtel-de-Ville (4e)
  "69123": { lat: 45.7676, lon: 4.835 }, // Lyon, place des Terreaux (1er)
  "13055": { lat: 43.2961, lon: 5.3695 }, // Marseille, quai du Port (2e)
};

const requireFromHere = createRequire(import.meta.url);
const COORDINATES_CSV = new URL("./data/communes-coordinates.csv", import.meta.url);

/** The package's root module reads `./data` from the working directory and fails, so read its files directly. */
export function readEtalab<T>(file: "communes.json" | "departements.json"): T {
  return JSON.parse(readFileSync(requireFromHere.resolve(`@etalab/decoupage-administratif/data/${file}`), "utf8"));
}

/**
 * insee,name,department,postcodes,lat,lon,population_2021 with CRLF line ends and no quoted field. Parsed with
 * indexOf rather than split(): this runs inside the first request that needs a commune.
 */
function readCoordinates(): Map<string, CoordinatesRow> {
  const rows = new Map<string, CoordinatesRow>();
  const text = readFileSync(COORDINATES_CSV, "utf8");
  for (let start = text.indexOf("\n") + 1; start > 0 && start < text.length; ) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end < 0 ? text.length : end).trimEnd();
    start = end < 0 ? text.length : end + 1;
    const commas = [line.indexOf(",")];
    for (let i = 1; i < 6; i++) commas.push(line.indexOf(",", commas[i - 1] + 1));
    if (commas[5] < 0 || commas[3] + 1 === commas[4] || commas[4] + 1 === commas[5]) continue;
    rows.set(line.slice(0, commas[0]), {
      name: line.slice(commas[0] + 1, commas[1]),
      lat: Number(line.slice(commas[3] + 1, commas[4])),
      lon: Number(line.slice(commas[4] + 1, commas[5])),
      population: commas[5] + 1 < line.length ? Number(line.slice(commas[5] + 1)) : null,
    });
  }
  return rows;
}

/** The commune's own row, else a town hall, else the former commune of the same name, else the most populous. */
function coordinatesFor(entry: EtalabCommune, csv: Map<string, CoordinatesRow>): { lat: number; lon: number } | null {
  const own = csv.get(entry.code) ?? TOWN_HALLS[entry.code];
  if (own || !entry.anciensCodes) return own ?? null;
  const former = entry.anciensCodes.flatMap((code) => csv.get(code) ?? []);
  const sameName = former.find((row) => foldText(row.name) === foldText(entry.nom));
  return sameName ?? former.sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0] ?? null;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function loadRegister(): CommuneRegister {
  const entries = readEtalab<EtalabCommune[]>("communes.json");
  const csv = readCoordinates();
  const register: CommuneRegister = {
    byInsee: new Map(),
    currentCodeOf: new Map(),
    byPostcode: new Map(),
    otherNames: [],
  };
  for (const entry of entries) {
    if (entry.type !== "commune-actuelle") continue;
    const coordinates = coordinatesFor(entry, csv);
    const commune: Commune = {
      insee: entry.code,
      name: entry.nom,
      department: entry.departement ?? "",
      postcodes: entry.codesPostaux ?? [],
      lat: coordinates?.lat ?? null,
      lon: coordinates?.lon ?? null,
      population: entry.population ?? csv.get(entry.code)?.population ?? null,
    };
    register.byInsee.set(commune.insee, commune);
    for (const postcode of commune.postcodes) pushTo(register.byPostcode, postcode, commune);
    for (const formerCode of entry.anciensCodes ?? []) register.currentCodeOf.set(formerCode, commune.insee);
  }
  for (const entry of entries) {
    const commune = register.byInsee.get(entry.chefLieu ?? entry.commune ?? "");
    if (entry.type === "commune-actuelle" || !commune) continue;
    if (!register.byInsee.has(entry.code)) register.currentCodeOf.set(entry.code, commune.insee);
    register.otherNames.push({ name: entry.nom, commune });
  }
  // The etalab list keeps no former names, but the CSV is older: its name for the same code is the name before
  // a renaming ("Cransac", now "Cransac-les-Thermes"), and its names for a merged commune's former codes are
  // the merged communes' names when etalab lists no delegated commune for them.
  for (const entry of entries) {
    const commune = entry.type === "commune-actuelle" ? register.byInsee.get(entry.code) : undefined;
    if (!commune) continue;
    for (const code of [entry.code, ...(entry.anciensCodes ?? [])]) {
      if (code !== entry.code && register.byInsee.has(code)) continue; // restored since: a commune of its own
      const former = csv.get(code)?.name;
      if (former && foldText(former) !== foldText(commune.name)) register.otherNames.push({ name: former, commune });
    }
  }
  return register;
}

let loaded: CommuneRegister | undefined;

/** The register, loaded on first call and kept for the life of the process. */
export function communeRegister(): CommuneRegister {
  loaded ??= loadRegister();
  return loaded;
}
