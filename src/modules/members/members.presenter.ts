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
