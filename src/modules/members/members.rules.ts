import { findCommune } from "../../core/reference/communes.js";
import { findNaf, NAF_VERSION, normalizeNafCode } from "../../core/reference/naf.js";
import { explainSiretError, isValidSiren, normalizeSiren, normalizeSiret } from "../../core/reference/siret.js";
import { sizeClassOf } from "../../core/reference/sizeClass.js";
import { companyNameKey } from "../../core/reference/text.js";
import type { FieldError } from "../../server/errors.js";
import type { MemberInput } from "./members.contract.js";
import type { members, VisibilityMap } from "./members.schema.js";

type MemberRow = typeof members.$inferSelect;
export type MemberValues = Partial<Omit<typeof members.$inferInsert, "id" | "clusterId" | "searchVector">>;

export const defaultVisibility: VisibilityMap = {
  profile: "public",
  contact: "members",
  figures: "staff",
  equipment: "members",
};

const nullIfBlank = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function normalizeWebsite(value: string | null | undefined): { value: string | null } | { error: string } {
  const raw = nullIfBlank(value);
  if (!raw) return { value: null };
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    if (!url.hostname.includes(".")) return { error: `Adresse de site invalide : ${raw}` };
    return { value: url.toString().replace(/\/$/, "") };
  } catch {
    return { error: `Adresse de site invalide : ${raw}` };
  }
}

/**
 * Checks and normalises what a person or an import wrote about a member, against
 * the French reference data (SIREN/SIRET keys, official NAF list and communes),
 * and derives what follows from it (size class, commune fields, name key).
 * Returns every problem at once, each naming its field.
 */
export function prepareMemberValues(
  input: Partial<MemberInput>,
  existing: MemberRow | null,
  knownTrades: Set<string>,
): { values: MemberValues; errors: FieldError[] } {
  const values: MemberValues = {};
  const errors: FieldError[] = [];
  const has = (key: keyof MemberInput) => Object.hasOwn(input, key) && input[key] !== undefined;

  for (const key of ["kind", "tradeName", "description", "addressLine", "phone", "leaveReason"] as const) {
    if (has(key))
      (values as Record<string, unknown>)[key] = key === "kind" ? input[key] : nullIfBlank(input[key] as string);
  }
  if (has("legalName")) {
    values.legalName = input.legalName!.trim();
    values.nameKey = companyNameKey(values.legalName);
  }
  if (has("email")) values.email = nullIfBlank(input.email)?.toLowerCase() ?? null;
  if (has("website")) {
    const website = normalizeWebsite(input.website);
    if ("error" in website) errors.push({ field: "website", message: website.error });
    else values.website = website.value;
  }

  let siren = existing?.siren ?? null;
  if (has("siren")) {
    const raw = nullIfBlank(input.siren);
    siren = raw ? normalizeSiren(raw) : null;
    if (raw && (!siren || !isValidSiren(siren))) {
      errors.push({ field: "siren", message: `SIREN invalide : ${raw} (9 chiffres dont une clé de Luhn)` });
    } else values.siren = siren;
  }
  if (has("siret")) {
    const raw = nullIfBlank(input.siret);
    const siret = raw ? normalizeSiret(raw) : null;
    const problem = raw ? explainSiretError(raw) : null;
    if (raw && (problem || !siret)) errors.push({ field: "siret", message: `SIRET invalide : ${raw} — ${problem}` });
    else if (siret && siren && !siret.startsWith(siren)) {
      errors.push({ field: "siret", message: `Le SIRET ${siret} n'appartient pas au SIREN ${siren}` });
    } else {
      values.siret = siret;
      if (siret && !siren) values.siren = siret.slice(0, 9);
    }
  }

  if (has("nafCode")) {
    const raw = nullIfBlank(input.nafCode);
    const code = raw ? normalizeNafCode(raw) : null;
    if (raw && (!code || !findNaf(code))) {
      errors.push({ field: "nafCode", message: `Code NAF inconnu de la nomenclature NAF rév. 2 : ${raw}` });
    } else {
      values.nafCode = code;
      values.nafVersion = code ? NAF_VERSION : null;
    }
  }

  if (has("headcount")) values.headcount = input.headcount ?? null;
  if (has("turnoverEur")) values.turnoverEur = input.turnoverEur == null ? null : Math.round(input.turnoverEur);
  if (has("headcount") || has("turnoverEur")) {
    values.sizeClass = sizeClassOf({
      headcount: has("headcount") ? (input.headcount ?? null) : (existing?.headcount ?? null),
      turnoverEur: has("turnoverEur") ? (input.turnoverEur ?? null) : (existing?.turnoverEur ?? null),
    });
  }

  if (has("communeInsee") || has("postcode") || has("town")) {
    const insee = nullIfBlank(input.communeInsee);
    const postcode = nullIfBlank(input.postcode) ?? (insee ? null : (existing?.postcode ?? null));
    const town = nullIfBlank(input.town);
    if (!insee && !postcode && !town) {
      Object.assign(values, { communeInsee: null, postcode: null, town: null, department: null, lat: null, lon: null });
    } else {
      const found = findCommune({
        insee: insee ?? undefined,
        postcode: postcode ?? undefined,
        name: town ?? undefined,
      });
      if ("error" in found) errors.push({ field: insee ? "communeInsee" : "town", message: found.error });
      else {
        const c = found.commune;
        Object.assign(values, {
          communeInsee: c.insee,
          postcode: postcode && c.postcodes.includes(postcode) ? postcode : (c.postcodes[0] ?? postcode),
          town: c.name,
          department: c.department,
          lat: c.lat,
          lon: c.lon,
        });
      }
    }
  }

  if (has("trades")) {
    const unknown = input.trades!.filter((code) => !knownTrades.has(code));
    if (unknown.length)
      errors.push({ field: "trades", message: `Métier inconnu du référentiel : ${unknown.join(", ")}` });
    else values.tradeCodes = [...new Set(input.trades)];
  }
  if (has("certifications")) values.certifications = [...new Set(input.certifications!.map((c) => c.trim()))];
  if (has("equipment")) values.equipment = input.equipment!.map((e) => e.trim());

  if (has("status")) values.status = input.status;
  if (has("joinedOn")) values.joinedOn = input.joinedOn ?? null;
  if (has("leftOn")) values.leftOn = input.leftOn ?? null;
  const joined = values.joinedOn ?? existing?.joinedOn;
  const left = values.leftOn ?? existing?.leftOn;
  if (joined && left && left < joined) {
    errors.push({ field: "leftOn", message: "La date de sortie précède la date d'adhésion" });
  }
  if (has("sponsorId")) {
    if (existing && input.sponsorId === existing.id) {
      errors.push({ field: "sponsorId", message: "Un membre ne peut pas être son propre parrain" });
    } else values.sponsorId = input.sponsorId ?? null;
  }
  if (has("visibility")) {
    values.visibility = { ...defaultVisibility, ...(existing?.visibility ?? {}), ...input.visibility };
  }
  return { values, errors };
}

/** The text the directory's full-text index is built from: names, description, trades, town, equipment. */
export function searchTextOf(
  row: Pick<MemberRow, "legalName" | "tradeName" | "description" | "town" | "equipment" | "tradeCodes">,
  tradeLabels: Map<string, string>,
) {
  return [
    row.legalName,
    row.tradeName,
    row.description,
    row.tradeCodes.map((code) => tradeLabels.get(code) ?? code).join(" "),
    row.town,
    row.equipment.join(" "),
  ]
    .filter(Boolean)
    .join(" \n ");
}
