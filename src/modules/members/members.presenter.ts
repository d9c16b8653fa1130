import { findNaf } from "../../core/reference/naf.js";
import { type Audience, sees } from "./members.policy.js";
import type { dues, members, people } from "./members.schema.js";

type MemberRow = typeof members.$inferSelect;
type PersonRow = typeof people.$inferSelect;
type DuesRow = typeof dues.$inferSelect;

export interface PresentOptions {
  audience: Audience;
  canEdit: boolean;
  tradeLabels: Map<string, string>;
  sponsor?: { id: string; name: string } | null;
  people?: PersonRow[];
  dues?: DuesRow[];
  distanceKm?: number;
  roadMinutes?: number;
}

export function presentPerson(person: PersonRow) {
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    jobTitle: person.jobTitle,
    email: person.email,
    phone: person.phone,
    listed: person.listed,
    isMainContact: person.isMainContact,
    erased: person.erasedAt !== null,
  };
}

/**
 * The only place a member row becomes JSON. Each field group is included only
 * when the audience may see it, so a new column never leaks by default.
 * People appear to non-staff only when they consented to be listed.
 */
export function presentMember(row: MemberRow, options: PresentOptions) {
  const { audience } = options;
  const full = audience === "staff" || audience === "self";
  const visibility = row.visibility;
  const listedPeople = (options.people ?? []).filter((p) => full || (p.listed && p.erasedAt === null));
  return {
    id: row.id,
    kind: row.kind,
    legalName: row.legalName,
    tradeName: row.tradeName,
    siren: row.siren,
    siret: row.siret,
    nafCode: row.nafCode,
    nafLabel: row.nafCode ? (findNaf(row.nafCode)?.label ?? null) : null,
    town: row.town,
    department: row.department,
    communeInsee: row.communeInsee,
    trades: row.tradeCodes.map((code) => ({ code, label: options.tradeLabels.get(code) ?? code })),
    ...(audience !== "public" ? { status: row.status } : {}),
    ...(options.distanceKm !== undefined
      ? { distanceKm: Math.round(options.distanceKm * 10) / 10, roadMinutes: options.roadMinutes }
      : {}),
    ...(sees(audience, visibility.profile)
      ? { profile: { description: row.description, certifications: row.certifications } }
      : {}),
    ...(sees(audience, visibility.contact)
      ? {
          contact: {
            addressLine: row.addressLine,
            postcode: row.postcode,
            website: row.website,
            email: row.email,
            phone: row.phone,
            lat: row.lat,
            lon: row.lon,
          },
        }
      : {}),
    ...(sees(audience, visibility.figures)
      ? { figures: { headcount: row.headcount, turnoverEur: row.turnoverEur, sizeClass: row.sizeClass } }
      : {}),
    ...(sees(audience, visibility.equipment) ? { equipment: row.equipment } : {}),
    ...(full
      ? {
          membership: {
            status: row.status,
            joinedOn: row.joinedOn,
            leftOn: row.leftOn,
            leaveReason: row.leaveReason,
            sponsor: options.sponsor ?? null,
            dues: (options.dues ?? [])
              .map((d) => ({ year: d.year, amountCents: d.amountCents, paidOn: d.paidOn }))
              .sort((a, b) => b.year - a.year),
          },
          visibility,
        }
      : {}),
    ...(options.people ? { people: listedPeople.map(presentPerson) } : {}),
    canEdit: options.canEdit,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type MemberJson = ReturnType<typeof presentMember>;

/**
 * The fields the history shows, by the names the API uses for them (labelled by the web, in French or English),
 * for each kind of entry. Everything else a change log holds (name_key, search_text, version, derived positions,
 * consent timestamps, links to logins…) is internal and left out, so a new column never shows by default.
 */
const HISTORY_FIELDS: Record<string, Record<string, string>> = {
  member: {
    kind: "kind",
    legalName: "legalName",
    tradeName: "tradeName",
    siren: "siren",
    siret: "siret",
    nafCode: "nafCode",
    headcount: "headcount",
    turnoverEur: "turnoverEur",
    sizeClass: "sizeClass",
    addressLine: "addressLine",
    postcode: "postcode",
    town: "town",
    website: "website",
    email: "email",
    phone: "phone",
    description: "description",
    tradeCodes: "trades",
    certifications: "certifications",
    equipment: "equipment",
    status: "status",
    joinedOn: "joinedOn",
    leftOn: "leftOn",
    leaveReason: "leaveReason",
    sponsorId: "sponsor",
    visibility: "visibility",
  },
  person: {
    firstName: "firstName",
    lastName: "lastName",
    jobTitle: "jobTitle",
    email: "email",
    phone: "phone",
    listed: "listed",
    isMainContact: "isMainContact",
    isBoardMember: "isBoardMember",
  },
};

/** One change as the history shows it; `year` for dues, which are kept per year. */
export interface HistoryChange {
  field: string;
  year?: number;
  before: unknown;
  after: unknown;
}

/**
 * A change log entry's changes in user-facing terms: public field names only, a sponsor as { id, name } rather
 * than an id, "dues 2025" as the field `dues` of year 2025. `sponsorNames` names the sponsors the entries cite.
 */
export function presentHistoryChanges(
  entityType: string,
  changes: Record<string, [unknown, unknown]>,
  sponsorNames: Map<string, string> = new Map(),
): HistoryChange[] {
  if (entityType === "dues") {
    return Object.entries(changes)
      .flatMap(([key, [before, after]]) => {
        const year = /^dues (\d{4})$/.exec(key)?.[1];
        return year ? [{ field: "dues", year: Number(year), before, after }] : [];
      })
      .sort((a, b) => a.year - b.year);
  }
  const sponsor = (id: unknown) => (typeof id === "string" ? { id, name: sponsorNames.get(id) ?? null } : (id ?? null));
  // In the order of the form, not of the stored JSON (jsonb orders keys by length).
  return Object.entries(HISTORY_FIELDS[entityType] ?? {}).flatMap(([key, field]): HistoryChange[] => {
    if (!Object.hasOwn(changes, key)) return [];
    const [before, after] = changes[key];
    return field === "sponsor"
      ? [{ field, before: sponsor(before), after: sponsor(after) }]
      : [{ field, before, after }];
  });
}

/** Sponsor ids cited by member entries, to name them in one query. */
export function sponsorIdsIn(entries: { entityType: string; changes: Record<string, [unknown, unknown]> }[]) {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.entityType !== "member") continue;
    for (const value of entry.changes.sponsorId ?? []) if (typeof value === "string") ids.add(value);
  }
  return [...ids];
}
