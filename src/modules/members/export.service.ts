import { eq } from "drizzle-orm";
import { findNaf } from "../../core/reference/naf.js";
import { estimateRoadMinutes } from "../../core/reference/roadTime.js";
import type { ClusterContext } from "../../server/context.js";
import { resolveOrigin, searchMembersSql, toMemberRow } from "./directory.service.js";
import { writeCsv, writeXlsx } from "./import/export.js";
import type { DirectoryQuery } from "./members.contract.js";
import { members } from "./members.schema.js";
import { tenant, tradeLabelsOf } from "./members.service.js";

const statusLabel = { member: "Adhérent", prospect: "Prospect", former: "Ancien adhérent" } as const;
const sizeLabel = { micro: "TPE", sme: "PME", midcap: "ETI", large: "GE" } as const;
const kindLabel = {
  company: "Entreprise",
  school: "École",
  lab: "Laboratoire",
  public_body: "Organisme public",
  partner: "Partenaire",
} as const;
const frDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null);

/**
 * The directory view the staff are looking at (same filters and order, no paging)
 * as CSV or XLSX. Its headers are the import's own, so an exported file imports
 * back unchanged.
 */
export async function exportMembers(ctx: ClusterContext, query: DirectoryQuery, format: "csv" | "xlsx") {
  const origin = resolveOrigin(query);
  const { rows, labels, sponsors } = await tenant(ctx, async (tx) => {
    const labels = await tradeLabelsOf(tx, ctx.clusterId);
    const { pageRows } = await searchMembersSql(
      tx,
      [ctx.clusterId],
      { ...query, page: 1, pageSize: 100_000 },
      origin,
      false,
    );
    const names = await tx
      .select({ id: members.id, name: members.legalName })
      .from(members)
      .where(eq(members.clusterId, ctx.clusterId));
    const sponsors = new Map(names.map((r) => [r.id, r.name]));
    return { rows: pageRows, labels, sponsors };
  });
  const headers = [
    "Raison sociale",
    "Nom commercial",
    "Type",
    "SIREN",
    "SIRET",
    "Code NAF",
    "Libellé NAF",
    "Effectif",
    "Chiffre d'affaires (€)",
    "Taille",
    "Adresse",
    "Code postal",
    "Ville",
    "Code INSEE",
    "Département",
    "Site web",
    "E-mail",
    "Téléphone",
    "Présentation",
    "Métiers",
    "Certifications",
    "Équipements",
    "Statut",
    "Date d'adhésion",
    "Date de sortie",
    "Motif de sortie",
    "Parrain",
    ...(origin ? ["Distance (km)", "Temps de route estimé (min)"] : []),
  ];
  const body = rows.map((raw) => {
    const m = toMemberRow(raw);
    const km = raw.distance_km == null ? null : Math.round(Number(raw.distance_km) * 10) / 10;
    return [
      m.legalName,
      m.tradeName,
      kindLabel[m.kind],
      m.siren,
      m.siret,
      m.nafCode,
      m.nafCode ? (findNaf(m.nafCode)?.label ?? null) : null,
      m.headcount,
      m.turnoverEur,
      m.sizeClass ? sizeLabel[m.sizeClass] : null,
      m.addressLine,
      m.postcode,
      m.town,
      m.communeInsee,
      m.department,
      m.website,
      m.email,
      m.phone,
      m.description,
      m.tradeCodes.map((c) => labels.get(c) ?? c).join(" ; "),
      m.certifications.join(" ; "),
      m.equipment.join(" ; "),
      statusLabel[m.status],
      frDate(m.joinedOn),
      frDate(m.leftOn),
      m.leaveReason,
      m.sponsorId ? (sponsors.get(m.sponsorId) ?? null) : null,
      ...(origin ? [km, km === null ? null : Math.round(estimateRoadMinutes(km))] : []),
    ];
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return format === "csv"
    ? { body: writeCsv(headers, body), fileName: `membres-${stamp}.csv`, type: "text/csv; charset=utf-8" }
    : {
        body: await writeXlsx("Membres", headers, body),
        fileName: `membres-${stamp}.xlsx`,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      };
}
