/**
 * Synthetic clusters for the directory benchmark: France Clusters' scale (125 clusters, 80,000
 * companies), sizes skewed like the real network (a few of 2,000+, many of 200–600), each cluster
 * centred on a real city and its companies in real communes within ~150 km, weighted by population.
 * Same fields as a demo member (minus people and dues) plus the commune's name and coordinates.
 * Deterministic for a given seed; yields one cluster at a time so callers can stream inserts.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type DemoMember,
  IdentifierFactory,
  isoDate,
  memberVisibility,
  Rng,
  slugify,
} from "../../src/db/seed/demo-data.js";
import {
  addressLine,
  describeCompany,
  headcountFor,
  landline,
  lastNames,
  phonePrefixByDepartment,
  pickCertifications,
  pickEquipment,
  pickSectors,
  pickSpeciality,
  type SizeBand,
  tradeVocabulary,
  turnoverFor,
} from "../../src/db/seed/demo-vocabulary.js";

export interface GeneratedCompany extends Omit<DemoMember, "people" | "dues"> {
  town: string;
  department: string;
  lat: number;
  lon: number;
}

export interface GeneratedCluster {
  /** 0-based position in the generated set. */
  index: number;
  slug: string;
  name: string;
  description: string;
  homeCommune: string;
  centre: { lat: number; lon: number };
  members: GeneratedCompany[];
}

export interface GenerateOptions {
  clusters: number;
  companies: number;
  seed: number;
  /** Defaults to the product's commune reference, else the shared copy. */
  communesPath?: string;
}

export interface CommuneRow {
  insee: string;
  name: string;
  department: string;
  postcodes: string[];
  lat: number;
  lon: number;
  population: number;
}

const RADIUS_KM = 150;

export function loadCommunes(path?: string): CommuneRow[] {
  const shipped = fileURLToPath(new URL("../../src/core/reference/data/communes-coordinates.csv", import.meta.url));
  const file = path ?? (existsSync(shipped) ? shipped : "/work/shared/data/communes-coordinates.csv");
  const rows: CommuneRow[] = [];
  for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
    const [insee, name, department, postcodes, lat, lon, population] = line.split(",");
    if (!insee || !postcodes) continue;
    rows.push({
      insee,
      name,
      department,
      postcodes: postcodes.split(" "),
      lat: Number(lat),
      lon: Number(lon),
      population: Number(population) || 0,
    });
  }
  return rows;
}

/** Equirectangular distance: within a few per cent of great-circle at 150 km, and much cheaper. */
function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x = ((b.lon - a.lon) * Math.PI * Math.cos(((a.lat + b.lat) * Math.PI) / 360)) / 180;
  const y = ((b.lat - a.lat) * Math.PI) / 180;
  return 6371 * Math.sqrt(x * x + y * y);
}

/**
 * Cities of more than 20,000 inhabitants in metropolitan France, largest first, keeping a
 * distance between them so the clusters spread across the country; the distance shrinks when
 * that leaves too few.
 */
export function pickCentres(communes: CommuneRow[], count: number): CommuneRow[] {
  const cities = communes
    .filter((c) => c.population > 20_000 && !c.department.startsWith("97"))
    .sort((a, b) => b.population - a.population);
  for (const spacing of [60, 45, 30, 15, 0]) {
    const chosen: CommuneRow[] = [];
    for (const city of cities) {
      if (chosen.length === count) break;
      if (chosen.every((c) => distanceKm(c, city) >= spacing)) chosen.push(city);
    }
    if (chosen.length === count || spacing === 0) return chosen;
  }
  return [];
}

/** Cluster sizes summing to `companies`: ~3 % large, ~13 % medium, the rest 150–650 before scaling. */
export function clusterSizes(rng: Rng, clusters: number, companies: number): number[] {
  const large = Math.max(1, Math.round(clusters * 0.03));
  const medium = Math.round(clusters * 0.13);
  const raw = Array.from({ length: clusters }, (_, i) =>
    i < large ? rng.int(2_000, 4_000) : i < large + medium ? rng.int(800, 1_600) : rng.int(150, 650),
  );
  const total = raw.reduce((sum, n) => sum + n, 0);
  const exact = raw.map((n) => (n * companies) / total);
  const sizes = exact.map(Math.floor);
  // Largest remainders get the companies rounding left over.
  const order = exact.map((n, i) => [n - Math.floor(n), i]).sort((a, b) => b[0] - a[0]);
  // Computed once: re-summing in the loop condition would stop halfway (the sum grows as k does).
  const leftover = companies - sizes.reduce((sum, n) => sum + n, 0);
  for (let k = 0; k < leftover; k++) sizes[order[k][1]]++;
  return sizes;
}

/** Where a cluster's companies are: communes within the radius, by population, denser near the centre. */
class CommuneSampler {
  private readonly rows: CommuneRow[] = [];
  private readonly cumulative: number[] = [];
  constructor(communes: CommuneRow[], centre: CommuneRow) {
    let total = 0;
    for (const commune of communes) {
      const d = distanceKm(centre, commune);
      if (d > RADIUS_KM || commune.population === 0) continue;
      total += commune.population * Math.exp(-d / 60);
      this.rows.push(commune);
      this.cumulative.push(total);
    }
  }
  sample(rng: Rng): CommuneRow {
    const target = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return this.rows[lo];
  }
}

/** Main trades, weighted like a mechanical cluster's membership, and the trades that go with each. */
const mainTrades: [code: string, weight: number, companions: string[]][] = [
  ["machining", 22, ["turning", "welding", "metrology", "integration", "design"]],
  ["turning", 8, ["machining", "heat-treatment", "metrology"]],
  ["boiler-making", 9, ["welding", "piping", "metal-structures", "sheet-metal"]],
  ["sheet-metal", 7, ["welding", "boiler-making", "surface-treatment"]],
  ["welding", 3, ["boiler-making", "metal-structures"]],
  ["surface-treatment", 5, ["heat-treatment"]],
  ["heat-treatment", 3, ["surface-treatment", "metrology"]],
  ["mould-making", 5, ["machining", "plastics"]],
  ["foundry", 3, ["machining"]],
  ["forging", 3, ["machining", "heat-treatment"]],
  ["springs", 2, ["sheet-metal"]],
  ["special-machines", 6, ["automation", "design", "integration"]],
  ["integration", 3, ["automation", "welding"]],
  ["automation", 5, ["special-machines", "integration"]],
  ["metal-structures", 4, ["welding", "boiler-making"]],
  ["piping", 2, ["boiler-making", "maintenance"]],
  ["maintenance", 5, ["factory-relocation", "automation", "welding"]],
  ["factory-relocation", 1, ["maintenance"]],
  ["metrology", 2, ["design"]],
  ["design", 6, ["special-machines", "automation"]],
  ["additive-manufacturing", 1, ["design", "machining"]],
  ["plastics", 4, ["mould-making", "integration"]],
];
const mainTradeTotal = mainTrades.reduce((sum, [, weight]) => sum + weight, 0);

function pickTrades(rng: Rng): string[] {
  let roll = rng.next() * mainTradeTotal;
  let entry = mainTrades[mainTrades.length - 1];
  for (const candidate of mainTrades) {
    roll -= candidate[1];
    if (roll < 0) {
      entry = candidate;
      break;
    }
  }
  const extra = rng.chance(0.4) ? 0 : rng.chance(0.6) ? 1 : 2;
  return [entry[0], ...rng.shuffle(entry[2]).slice(0, extra)];
}

function pickSize(rng: Rng): SizeBand {
  const roll = rng.next();
  return roll < 0.35 ? "tpe" : roll < 0.75 ? "small" : roll < 0.95 ? "medium" : "eti";
}

const legalForms: Record<SizeBand, string[]> = {
  tpe: ["SARL", "SASU", "EURL", "SAS"],
  small: ["SARL", "SAS", "SAS"],
  medium: ["SAS", "SAS", "SA"],
  eti: ["SA", "SAS"],
};

/** A company name and its slug, built from the slugs of its (few, cached) parts. */
function companyName(rng: Rng, trade: string, town: string): [name: string, slug: string] {
  const word = rng.pick(tradeVocabulary[trade].nameWords);
  const surname = rng.pick(lastNames);
  const roll = rng.next();
  if (roll < 0.3) return [`${word} ${surname}`, `${slug(word)}-${slug(surname)}`];
  if (roll < 0.45) return [`${surname} ${word}`, `${slug(surname)}-${slug(word)}`];
  if (roll < 0.6) return [`${surname} et Fils`, `${slug(surname)}-et-fils`];
  if (roll < 0.7) {
    const partner = rng.pick(lastNames);
    return [`Établissements ${surname}-${partner}`, `etablissements-${slug(surname)}-${slug(partner)}`];
  }
  return [`${word} ${town}`, `${slug(word)}-${slug(town)}`];
}

/** "de Rennes", "d'Angers", "du Mans", "des Sables-d'Olonne". */
function ofTown(town: string): string {
  if (town.startsWith("Le ")) return `du ${town.slice(3)}`;
  if (town.startsWith("Les ")) return `des ${town.slice(4)}`;
  return /^[AEIOUYÉÈÂÎH]/.test(town) ? `d'${town}` : `de ${town}`;
}

function clusterIdentity(rng: Rng, city: CommuneRow): { name: string; description: string } {
  const of = ofTown(city.name);
  const name = rng.pick([
    `Grappe industrielle ${of}`,
    `Cluster Méca ${city.name}`,
    `Réseau mécanique ${of}`,
    `${city.name} Industries`,
    `Pôle métallurgie ${of}`,
  ]);
  const description = `Réseau d'entreprises de la mécanique et de la métallurgie autour ${of} : sous-traitance, ingénierie et maintenance industrielle, de la conception à la livraison de la pièce finie. Données de test générées.`;
  return { name, description };
}

/** The first digit of French landlines by department (01 Île-de-France … 05 South-West). */
// biome-ignore format: a lookup table
const phoneZones: [zone: string, departments: string][] = [
  ["1", "75 77 78 91 92 93 94 95"],
  ["2", "14 18 22 27 28 29 35 36 37 41 44 45 49 50 53 56 61 72 76 85"],
  ["3", "02 08 10 21 25 39 51 52 54 55 57 58 59 60 62 67 68 70 71 80 88 89 90"],
  ["5", "09 12 16 17 19 23 24 31 32 33 40 46 47 64 65 79 81 82 86 87"],
];

const phoneZoneByDepartment = new Map(
  phoneZones.flatMap(([zone, departments]) => departments.split(" ").map((department) => [department, zone] as const)),
);

function phoneFor(rng: Rng, department: string): string {
  const zone = phoneZoneByDepartment.get(department) ?? "4";
  if (zone === "4" && phonePrefixByDepartment[department]) return landline(rng, department);
  return `+33 ${zone} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
}

export function* generateClusters(options: GenerateOptions): Generator<GeneratedCluster> {
  const rng = new Rng(options.seed);
  const ids = new IdentifierFactory();
  const keys = new Map<string, number>();
  const communes = loadCommunes(options.communesPath);
  const centres = pickCentres(communes, options.clusters);
  if (centres.length < options.clusters) throw new Error(`Only ${centres.length} cities can centre a cluster`);
  const sizes = clusterSizes(rng, options.clusters, options.companies);
  // The biggest clusters go to the biggest cities, give or take.
  const byWeight = centres
    .map((city) => ({ city, weight: Math.log(city.population) + rng.next() * 2 }))
    .sort((a, b) => b.weight - a.weight);
  const slugs = new Set<string>();

  for (let index = 0; index < options.clusters; index++) {
    const city = byWeight[index].city;
    let slug = slugify(city.name);
    while (slugs.has(slug)) slug += "-bis";
    slugs.add(slug);
    const sampler = new CommuneSampler(communes, city);
    const foundedYear = rng.int(1990, 2016);
    const members: GeneratedCompany[] = [];
    for (let n = 0; n < sizes[index]; n++) {
      members.push(generateCompany(rng, ids, keys, sampler.sample(rng), foundedYear, members));
    }
    const centre = { lat: city.lat, lon: city.lon };
    yield { index, slug, ...clusterIdentity(rng, city), homeCommune: city.insee, centre, members };
  }
}

/** Slugs of name parts and towns: a few thousand strings, each slugified once. */
const slugCache = new Map<string, string>();
function slug(text: string): string {
  let value = slugCache.get(text);
  if (value === undefined) {
    value = slugify(text);
    slugCache.set(text, value);
  }
  return value;
}

/** The name's slug; else with the town; else numbered (keys, websites and emails are unique across the set). */
function uniqueKey(keys: Map<string, number>, base: string, town: string): string {
  let key = base;
  if (keys.has(key)) key = base.endsWith(town) ? base : `${base}-${town}`;
  if (keys.has(key)) {
    let n = keys.get(base)! + 1;
    while (keys.has(`${base}-${n}`)) n++;
    keys.set(base, n);
    key = `${base}-${n}`;
  }
  keys.set(key, 1);
  return key;
}

function generateCompany(
  rng: Rng,
  ids: IdentifierFactory,
  keys: Map<string, number>,
  commune: CommuneRow,
  clusterFounded: number,
  earlier: GeneratedCompany[],
): GeneratedCompany {
  const trades = pickTrades(rng);
  const size = pickSize(rng);
  const [name, nameSlug] = companyName(rng, trades[0], commune.name);
  const key = uniqueKey(keys, nameSlug, slug(commune.name));
  const headcount = headcountFor(rng, size);
  const statusRoll = rng.next();
  const status: DemoMember["status"] = statusRoll < 0.88 ? "member" : statusRoll < 0.94 ? "prospect" : "former";
  const joinYear = rng.int(clusterFounded, status === "former" ? 2022 : 2026);
  const joinedOn =
    status === "prospect" ? null : isoDate(joinYear, rng.int(1, joinYear === 2026 ? 10 : 12), rng.int(1, 28));
  const leftOn = status === "former" ? isoDate(rng.int(joinYear + 1, 2026), rng.int(1, 10), rng.int(1, 28)) : null;
  const speciality = pickSpeciality(rng, trades[0]);
  const sectors = pickSectors(rng, trades);
  const certifications = pickCertifications(rng, trades, size, sectors);
  const siren = ids.siren(rng);
  let sponsorKey: string | null = null;
  if (joinedOn && earlier.length > 0 && rng.chance(0.15)) {
    const sponsor = earlier[rng.int(0, earlier.length - 1)];
    if (sponsor.joinedOn && sponsor.joinedOn < joinedOn) sponsorKey = sponsor.key;
  }
  const legalName = `${name} ${rng.pick(legalForms[size])}`;
  return {
    key,
    kind: "company",
    legalName,
    tradeName: null,
    siren,
    siret: ids.siret(siren, rng.chance(0.8) ? 1 : rng.int(2, 9)),
    nafCode: speciality.nafCode,
    headcount,
    turnoverEur: turnoverFor(rng, headcount),
    addressLine: addressLine(rng),
    postcode: rng.pick(commune.postcodes),
    communeInsee: commune.insee,
    website: `https://www.${key}.example`,
    email: `contact@${key}.example`,
    phone: phoneFor(rng, commune.department),
    description: describeCompany(rng, {
      name,
      trades,
      town: commune.name,
      foundedYear: rng.int(1950, joinYear),
      size,
      sectors,
      certifications,
      speciality: speciality.phrase,
    }),
    trades,
    certifications,
    equipment: pickEquipment(rng, trades, size),
    status,
    joinedOn,
    leftOn,
    leaveReason:
      status === "former"
        ? rng.pick(["Cessation d'activité", "Départ à la retraite du dirigeant", "Rachat par un groupe"])
        : null,
    sponsorKey,
    visibility: memberVisibility(rng, status),
    town: commune.name,
    department: commune.department,
    lat: commune.lat,
    lon: commune.lon,
  };
}
