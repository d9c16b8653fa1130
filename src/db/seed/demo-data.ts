/**
 * The demo cluster: a fictional Mécaloire-like cluster of ≈70 mechanical SMEs around
 * Saint-Étienne, as plain data. Deterministic (seeded PRNG), so fixtures and screenshots
 * stay stable. Companies and people are invented; communes, NAF codes and trades are real.
 * The text builders are exported for the benchmark generator (bench/generators/members.ts).
 */
import {
  addressLine,
  bossTitle,
  type CompanySpec,
  type DemoCommune,
  demoClusterInfo,
  demoCommunes,
  demoCompanies,
  demoOrganisations,
  demoUsers,
  describeCompany,
  displayName,
  femaleFirstNames,
  feminine,
  headcountFor,
  landline,
  lastNames,
  maleFirstNames,
  mobile,
  type OrganisationSpec,
  pickCertifications,
  pickEquipment,
  pickSectors,
  pickSpeciality,
  type SizeBand,
  staffTitles,
  turnoverFor,
} from "./demo-vocabulary.js";

export type Vis = "staff" | "members" | "public";
export type DemoMemberKind = "company" | "school" | "lab" | "public_body" | "partner";

export interface DemoPerson {
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  phone: string | null;
  listed: boolean;
  isMainContact: boolean;
}
export interface DemoDues {
  year: number;
  amountCents: number;
  /** YYYY-MM-DD, null while unpaid. */
  paidOn: string | null;
}
export interface DemoMember {
  /** Stable slug, e.g. "chaudronnerie-du-gier". */
  key: string;
  kind: DemoMemberKind;
  legalName: string;
  tradeName: string | null;
  siren: string | null;
  siret: string | null;
  nafCode: string | null;
  headcount: number | null;
  turnoverEur: number | null;
  addressLine: string | null;
  postcode: string;
  communeInsee: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  description: string;
  trades: string[];
  certifications: string[];
  equipment: string[];
  status: "prospect" | "member" | "former";
  joinedOn: string | null;
  leftOn: string | null;
  leaveReason: string | null;
  sponsorKey: string | null;
  visibility: { profile: Vis; contact: Vis; figures: Vis; equipment: Vis };
  people: DemoPerson[];
  dues: DemoDues[];
}
export interface DemoUser {
  name: string;
  email: string;
  role: "staff" | "member" | "funder";
  memberKey?: string;
}
export interface DemoCluster {
  cluster: { slug: string; name: string; description: string; homeCommune: string };
  members: DemoMember[];
  users: DemoUser[];
}

/** mulberry32: tiny, fast and good enough for fixtures. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  /** `count` distinct items in random order (a partial Fisher–Yates shuffle). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    pool.length = n;
    return pool;
  }
  /** `count` random decimal digits (count ≤ 15). */
  digits(count: number): string {
    return String(Math.floor(this.next() * 10 ** count)).padStart(count, "0");
  }
}

/** The digit that makes `payload + digit` pass the Luhn check. */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Hands out SIRENs never seen before by this factory, and SIRETs derived from them. */
export class IdentifierFactory {
  private readonly used = new Set<string>();
  siren(rng: Rng, prefix = ""): string {
    for (;;) {
      const head = prefix || String(rng.int(3, 9));
      const payload = head + rng.digits(8 - head.length);
      const siren = payload + luhnCheckDigit(payload);
      if (siren !== "356000000" && !this.used.has(siren)) {
        this.used.add(siren);
        return siren;
      }
    }
  }
  /** SIREN + a 4-digit establishment number + the digit that makes all 14 pass Luhn. */
  siret(siren: string, establishment: number): string {
    const payload = siren + String(establishment).padStart(4, "0");
    return payload + luhnCheckDigit(payload);
  }
}

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

// ---------------------------------------------------------------------------------------------
// The demo cluster itself.

const SEED = 1995;
const DUES_YEARS = [2024, 2025, 2026];
/** The demo's "today": dates after it would look like data from the future. */
const LAST_DATE = "2026-10-31";

const pad = (n: number) => String(n).padStart(2, "0");
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function communeOf(insee: string): DemoCommune {
  const commune = demoCommunes.find((c) => c.insee === insee);
  if (!commune) throw new Error(`Demo commune ${insee} is missing from demoCommunes`);
  return commune;
}

interface PersonPlan {
  title: string;
  name?: [string, string];
  femaleShare: number;
}

function buildPeople(rng: Rng, key: string, department: string, plans: PersonPlan[]): DemoPerson[] {
  const taken = new Set<string>();
  const people = plans.map((plan): DemoPerson => {
    let firstName: string;
    let lastName: string;
    let female: boolean;
    if (plan.name) {
      [firstName, lastName] = plan.name;
      female = femaleFirstNames.includes(firstName);
    } else {
      do {
        female = rng.chance(plan.femaleShare);
        firstName = rng.pick(female ? femaleFirstNames : maleFirstNames);
        lastName = rng.pick(lastNames);
      } while (taken.has(`${firstName} ${lastName}`));
    }
    taken.add(`${firstName} ${lastName}`);
    const phoneRoll = rng.next();
    return {
      firstName,
      lastName,
      jobTitle: female ? feminine(plan.title) : plan.title,
      email: `${slugify(firstName)}.${slugify(lastName)}@${key}.example`,
      phone: phoneRoll < 0.55 ? mobile(rng) : phoneRoll < 0.8 ? landline(rng, department) : null,
      listed: rng.chance(0.8),
      isMainContact: false,
    };
  });
  const main = people.length > 1 && rng.chance(0.15) ? 1 : 0;
  if (people.length > 0) people[main].isMainContact = true;
  return people;
}

function joinDate(rng: Rng, spec: CompanySpec): string {
  if (spec.founder) return isoDate(1995, rng.int(3, 12), rng.int(1, 28));
  const latest = spec.status === "former" ? 2019 : 2026;
  const year = 1996 + Math.floor((latest - 1995) * rng.next() ** 0.75);
  return isoDate(year, rng.int(1, year === 2026 ? 10 : 12), rng.int(1, 28));
}

/** Leaves after the first quarter, so the dues of the year of leaving were paid. */
function leaveDate(rng: Rng, joinedOn: string): string {
  const year = rng.int(Math.max(Number(joinedOn.slice(0, 4)) + 2, 2021), 2026);
  return isoDate(year, rng.int(6, year === 2026 ? 10 : 12), rng.int(1, 28));
}

export function duesAmountCents(size: SizeBand, headcount: number): number {
  if (size === "tpe") return 30_000;
  if (size === "eti") return 200_000;
  if (headcount < 20) return 60_000;
  if (headcount < 50) return 80_000;
  return headcount < 100 ? 100_000 : 120_000;
}

function buildDues(rng: Rng, joinedOn: string | null, leftOn: string | null, amountCents: number): DemoDues[] {
  if (!joinedOn) return [];
  const joinYear = Number(joinedOn.slice(0, 4));
  const leftYear = leftOn ? Number(leftOn.slice(0, 4)) : Number.POSITIVE_INFINITY;
  return DUES_YEARS.filter((year) => year >= joinYear && year <= leftYear).map((year) => {
    let paidOn: string | null = isoDate(year, rng.int(1, 5), rng.int(1, 28));
    if (year === joinYear) {
      const joined = new Date(`${joinedOn}T00:00:00Z`);
      joined.setUTCDate(joined.getUTCDate() + rng.int(3, 30));
      paidOn = joined.toISOString().slice(0, 10);
      if (paidOn > LAST_DATE) paidOn = null;
    }
    if (year === 2026 && !leftOn && rng.chance(0.12)) paidOn = null;
    return { year, amountCents, paidOn };
  });
}

/** Most members show their profile to all, contacts and equipment to members, figures to staff. */
export function memberVisibility(rng: Rng, status: DemoMember["status"]): DemoMember["visibility"] {
  if (status !== "member") return { profile: "staff", contact: "staff", figures: "staff", equipment: "staff" };
  return {
    profile: rng.chance(0.1) ? "members" : "public",
    contact: rng.chance(0.1) ? "public" : "members",
    figures: rng.chance(0.15) ? "members" : "staff",
    equipment: rng.chance(0.15) ? "public" : "members",
  };
}

function companyMember(rng: Rng, ids: IdentifierFactory, spec: CompanySpec): DemoMember {
  const commune = communeOf(spec.insee);
  const headcount = headcountFor(rng, spec.size);
  const status = spec.status ?? "member";
  const joinedOn = status === "prospect" ? null : joinDate(rng, spec);
  const leftOn = status === "former" && joinedOn ? leaveDate(rng, joinedOn) : null;
  const foundedBefore = joinedOn ? Number(joinedOn.slice(0, 4)) : 2024;
  const foundedYear = rng.int(spec.size === "tpe" ? 1990 : 1948, Math.min(foundedBefore, 2022));
  const speciality = spec.speciality ?? pickSpeciality(rng, spec.trades[0]);
  const sectors = spec.sectors ?? pickSectors(rng, spec.trades);
  const certifications = pickCertifications(rng, spec.trades, spec.size, sectors);
  const siren = ids.siren(rng);
  const staffCount = { tpe: 0, small: rng.int(0, 1), medium: rng.int(1, 2), eti: 2 }[spec.size];
  const plans: PersonPlan[] = [
    { title: bossTitle(rng, spec.legalName), name: spec.boss, femaleShare: 0.25 },
    ...rng
      .shuffle(staffTitles)
      .slice(0, staffCount)
      .map((title) => ({ title, femaleShare: 0.45 })),
  ];
  return {
    key: spec.key,
    kind: "company",
    legalName: spec.legalName,
    tradeName: spec.tradeName ?? null,
    siren,
    siret: ids.siret(siren, rng.chance(0.8) ? 1 : rng.int(2, 4)),
    nafCode: speciality.nafCode,
    headcount,
    turnoverEur: turnoverFor(rng, headcount),
    addressLine: addressLine(rng),
    postcode: rng.pick(commune.postcodes),
    communeInsee: commune.insee,
    website: `https://www.${spec.key}.example`,
    email: `contact@${spec.key}.example`,
    phone: landline(rng, commune.department),
    description: describeCompany(rng, {
      name: displayName(spec.legalName),
      trades: spec.trades,
      town: commune.name,
      foundedYear,
      size: spec.size,
      sectors,
      certifications,
      speciality: speciality.phrase,
    }),
    trades: spec.trades,
    certifications,
    equipment: pickEquipment(rng, spec.trades, spec.size),
    status,
    joinedOn,
    leftOn,
    leaveReason: spec.leaveReason ?? null,
    sponsorKey: null,
    visibility: memberVisibility(rng, status),
    people: buildPeople(rng, spec.key, commune.department, plans),
    dues: buildDues(rng, joinedOn, leftOn, duesAmountCents(spec.size, headcount)),
  };
}

const sirenPrefixByKind: Record<OrganisationSpec["kind"], string> = {
  school: "19",
  lab: "19",
  public_body: "18",
  partner: "77",
};

function organisationMember(rng: Rng, ids: IdentifierFactory, spec: OrganisationSpec): DemoMember {
  const commune = communeOf(spec.insee);
  const siren = ids.siren(rng, sirenPrefixByKind[spec.kind]);
  const joinedOn = isoDate(spec.joinedYear, rng.int(1, 12), rng.int(1, 28));
  // Schools and labs pay the smallest rate; chambers, agencies and federations are members ex officio.
  const paying = spec.kind === "school" || spec.kind === "lab";
  return {
    key: spec.key,
    kind: spec.kind,
    legalName: spec.legalName,
    tradeName: spec.tradeName ?? null,
    siren,
    siret: ids.siret(siren, rng.int(1, 3)),
    nafCode: spec.nafCode,
    headcount: null,
    turnoverEur: null,
    addressLine: addressLine(rng),
    postcode: rng.pick(commune.postcodes),
    communeInsee: commune.insee,
    website: `https://www.${spec.key}.example`,
    email: `contact@${spec.key}.example`,
    phone: landline(rng, commune.department),
    description: spec.description,
    trades: spec.trades,
    certifications: [],
    equipment: [],
    status: "member",
    joinedOn,
    leftOn: null,
    leaveReason: null,
    sponsorKey: null,
    visibility: { profile: "public", contact: "public", figures: "staff", equipment: "public" },
    people: buildPeople(
      rng,
      spec.key,
      commune.department,
      spec.contactTitles.map((title) => ({ title, femaleShare: 0.5 })),
    ),
    dues: paying ? buildDues(rng, joinedOn, null, 30_000) : [],
  };
}

/** About twenty members were brought in by an earlier one (parrainage), mostly recently. */
function assignSponsors(rng: Rng, companies: DemoMember[]): void {
  const candidates = companies.filter((m) => m.joinedOn && m.joinedOn >= "2008-01-01");
  for (const member of rng.shuffle(candidates).slice(0, 20)) {
    const joinedOn = member.joinedOn!;
    const sponsors = companies.filter(
      (s) => s !== member && s.joinedOn && s.joinedOn < joinedOn && (!s.leftOn || s.leftOn > joinedOn),
    );
    if (sponsors.length > 0) member.sponsorKey = rng.pick(sponsors).key;
  }
}

export function demoCluster(): DemoCluster {
  const rng = new Rng(SEED);
  const ids = new IdentifierFactory();
  const companies = demoCompanies.map((spec) => companyMember(rng, ids, spec));
  assignSponsors(rng, companies);
  const organisations = demoOrganisations.map((spec) => organisationMember(rng, ids, spec));
  return {
    cluster: demoClusterInfo,
    members: [...companies, ...organisations],
    users: demoUsers,
  };
}
