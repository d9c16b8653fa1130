import { type SQL, sql } from "drizzle-orm";
import { departmentName, getCommune } from "../../core/reference/communes.js";
import { estimateRoadMinutes, maxKmForMinutes } from "../../core/reference/roadTime.js";
import type { Db } from "../../db/client.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid } from "../../server/errors.js";
import type { DirectoryQuery } from "./members.contract.js";
import { audienceFor, canEditMember } from "./members.policy.js";
import { presentMember } from "./members.presenter.js";
import type { members } from "./members.schema.js";
import { tenant, tradeLabelsOf } from "./members.service.js";

type MemberRow = typeof members.$inferSelect;
type Facet = "trade" | "sizeClass" | "certification" | "department" | "status" | "kind";
export interface Origin {
  insee: string;
  name: string;
  lat: number;
  lon: number;
  maxKm: number;
}

/**
 * Turns what a person types into a French, accent-insensitive tsquery: every
 * word must match (stemmed), the last one also as a prefix so results follow typing.
 */
export function toTsQuery(text: string): string | null {
  const words = text
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((w, i) => (i === words.length - 1 && w.length >= 2 ? `${w}:*` : w)).join(" & ");
}

export function resolveOrigin(query: Pick<DirectoryQuery, "near" | "within">): Origin | null {
  if (!query.near) {
    if (query.within) throw invalid([{ field: "near", message: "Choisissez la commune de départ du rayon" }]);
    return null;
  }
  const commune = getCommune(query.near);
  if (!commune || commune.lat == null || commune.lon == null) {
    throw invalid([{ field: "near", message: `Commune inconnue ou sans coordonnées : ${query.near}` }]);
  }
  const minutes = query.within ?? 120;
  return {
    insee: commune.insee,
    name: commune.name,
    lat: commune.lat,
    lon: commune.lon,
    maxKm: maxKmForMinutes(minutes),
  };
}

const distanceSql = (origin: Origin) =>
  sql`(2 * 6371 * asin(sqrt(power(sin(radians(m.lat - ${origin.lat}) / 2), 2) + cos(radians(${origin.lat})) * cos(radians(m.lat)) * power(sin(radians(m.lon - ${origin.lon}) / 2), 2))))`;

/** Each filter as SQL, by facet, so that facet counts can leave their own filter out (disjunctive faceting). */
function filters(query: DirectoryQuery, origin: Origin | null) {
  const facet: Partial<Record<Facet, SQL>> = {};
  const arr = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, "")}"`).join(",")}}`}::text[]`;
  if (query.trade.length) facet.trade = sql`m.trade_codes && ${arr(query.trade)}`;
  if (query.sizeClass.length) facet.sizeClass = sql`m.size_class = any(${arr(query.sizeClass)})`;
  if (query.certification.length) facet.certification = sql`m.certifications && ${arr(query.certification)}`;
  if (query.department.length) facet.department = sql`m.department = any(${arr(query.department)})`;
  if (query.status.length) facet.status = sql`m.status = any(${arr(query.status)})`;
  if (query.kind.length) facet.kind = sql`m.kind = any(${arr(query.kind)})`;
  const base: SQL[] = [];
  const tsq = query.q ? toTsQuery(query.q) : null;
  const digits = query.q?.replace(/\s/g, "") ?? "";
  if (/^\d{9}(\d{5})?$/.test(digits)) base.push(sql`m.siren = ${digits.slice(0, 9)}`);
  else if (tsq) base.push(sql`m.search_vector @@ to_tsquery('public.fr_unaccent', ${tsq})`);
  if (origin) {
    const dLat = origin.maxKm / 111.2;
    const dLon = origin.maxKm / (111.2 * Math.cos((origin.lat * Math.PI) / 180));
    base.push(sql`m.lat between ${origin.lat - dLat} and ${origin.lat + dLat}`);
    base.push(sql`m.lon between ${origin.lon - dLon} and ${origin.lon + dLon}`);
    base.push(sql`${distanceSql(origin)} <= ${origin.maxKm}`);
  }
  return { facet, base, tsq };
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/** `clusterIds` null = every cluster (platform-wide search, run by a platform admin outside a tenant). */
export async function searchMembersSql(
  tx: Db,
  clusterIds: string[] | null,
  query: DirectoryQuery,
  origin: Origin | null,
  withFacets = true,
) {
  const { facet, base, tsq } = filters(query, origin);
  const scope = clusterIds ? sql`m.cluster_id = any(${`{${clusterIds.join(",")}}`}::uuid[])` : sql`true`;
  const all = [scope, ...base, ...Object.values(facet)];
  const except = (name: Facet) =>
    and([
      scope,
      ...base,
      ...Object.entries(facet)
        .filter(([k]) => k !== name)
        .map(([, v]) => v),
    ]);
  const sort = query.sort ?? (tsq ? "relevance" : origin ? "distance" : "name");
  const order =
    sort === "relevance" && tsq
      ? sql`ts_rank(m.search_vector, to_tsquery('public.fr_unaccent', ${tsq})) desc, m.legal_name`
      : sort === "distance" && origin
        ? sql`${distanceSql(origin)}, m.legal_name`
        : sort === "size"
          ? sql`m.headcount desc nulls last, m.legal_name`
          : sort === "joined"
            ? sql`m.joined_on desc nulls last, m.legal_name`
            : sort === "updated"
              ? sql`m.updated_at desc`
              : sql`lower(m.legal_name)`;
  const offset = (query.page - 1) * query.pageSize;
  const pageRows = await tx.execute(sql`
    select m.*, ${origin ? distanceSql(origin) : sql`null::float8`} as distance_km
    from members m where ${and(all)} order by ${order} limit ${query.pageSize} offset ${offset}`);
  if (!withFacets) return { pageRows: rowsOf(pageRows), facetRows: [] };
  const facetRows = await tx.execute(sql`
    select 'total' as facet, null as value, count(*)::int as count from members m where ${and(all)}
    union all select 'sizeClass', m.size_class, count(*)::int from members m where ${except("sizeClass")} and m.size_class is not null group by 2
    union all select 'department', m.department, count(*)::int from members m where ${except("department")} and m.department is not null group by 2
    union all select 'status', m.status, count(*)::int from members m where ${except("status")} group by 2
    union all select 'kind', m.kind, count(*)::int from members m where ${except("kind")} group by 2
    union all select 'trade', t.code, count(*)::int from members m cross join lateral unnest(m.trade_codes) as t(code) where ${except("trade")} group by 2
    union all select 'certification', c.name, count(*)::int from members m cross join lateral unnest(m.certifications) as c(name) where ${except("certification")} group by 2`);
  return {
    pageRows: rowsOf(pageRows),
    facetRows: rowsOf(facetRows) as { facet: string; value: string | null; count: number }[],
  };
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** Raw rows come back snake_case from `execute`; map them to the drizzle row shape the presenter takes. */
export function toMemberRow(r: Record<string, unknown>): MemberRow {
  const date = (v: unknown) =>
    v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
  return {
    id: r.id as string,
    clusterId: r.cluster_id as string,
    kind: r.kind as MemberRow["kind"],
    legalName: r.legal_name as string,
    tradeName: r.trade_name as string | null,
    siren: r.siren as string | null,
    siret: r.siret as string | null,
    nafCode: r.naf_code as string | null,
    nafVersion: r.naf_version as string | null,
    headcount: r.headcount as number | null,
    turnoverEur: r.turnover_eur == null ? null : Number(r.turnover_eur),
    sizeClass: r.size_class as MemberRow["sizeClass"],
    addressLine: r.address_line as string | null,
    postcode: r.postcode as string | null,
    communeInsee: r.commune_insee as string | null,
    town: r.town as string | null,
    department: r.department as string | null,
    lat: r.lat as number | null,
    lon: r.lon as number | null,
    website: r.website as string | null,
    email: r.email as string | null,
    phone: r.phone as string | null,
    description: r.description as string | null,
    tradeCodes: (r.trade_codes as string[]) ?? [],
    certifications: (r.certifications as string[]) ?? [],
    equipment: (r.equipment as string[]) ?? [],
    status: r.status as MemberRow["status"],
    joinedOn: date(r.joined_on),
    leftOn: date(r.left_on),
    leaveReason: r.leave_reason as string | null,
    sponsorId: r.sponsor_id as string | null,
    visibility: r.visibility as MemberRow["visibility"],
    searchText: "",
    searchVector: null,
    nameKey: r.name_key as string,
    version: r.version as number,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

const sizeLabels: Record<string, string> = { micro: "TPE", sme: "PME", midcap: "ETI", large: "Grande entreprise" };
const statusLabels: Record<string, string> = { member: "Adhérent", prospect: "Prospect", former: "Ancien adhérent" };
const kindLabels: Record<string, string> = {
  company: "Entreprise",
  school: "École",
  lab: "Laboratoire",
  public_body: "Organisme public",
  partner: "Partenaire",
};

export async function searchDirectory(ctx: ClusterContext, query: DirectoryQuery, locale: "fr" | "en" = "fr") {
  const origin = resolveOrigin(query);
  return tenant(ctx, async (tx) => {
    const labels = await tradeLabelsOf(tx, ctx.clusterId, locale);
    const { pageRows, facetRows } = await searchMembersSql(tx, [ctx.clusterId], query, origin);
    const facets: Record<Facet, { value: string; label: string; count: number }[]> = {
      trade: [],
      sizeClass: [],
      certification: [],
      department: [],
      status: [],
      kind: [],
    };
    let total = 0;
    for (const row of facetRows) {
      if (row.facet === "total") total = row.count;
      else if (row.value !== null) {
        const name = row.facet as Facet;
        const label =
          name === "trade"
            ? (labels.get(row.value) ?? row.value)
            : name === "sizeClass"
              ? (sizeLabels[row.value] ?? row.value)
              : name === "status"
                ? (statusLabels[row.value] ?? row.value)
                : name === "kind"
                  ? (kindLabels[row.value] ?? row.value)
                  : name === "department"
                    ? `${row.value} ${departmentName(row.value) ?? ""}`.trim()
                    : row.value;
        facets[name].push({ value: row.value, label, count: row.count });
      }
    }
    for (const list of Object.values(facets))
      list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
    const items = pageRows.map((raw) => {
      const row = toMemberRow(raw);
      const distanceKm = raw.distance_km == null ? undefined : Number(raw.distance_km);
      return presentMember(row, {
        audience: audienceFor(ctx.actor, row.id),
        canEdit: canEditMember(ctx.actor, row.id),
        tradeLabels: labels,
        distanceKm,
        roadMinutes: distanceKm === undefined ? undefined : Math.round(estimateRoadMinutes(distanceKm)),
      });
    });
    return { items, total, page: query.page, pageSize: query.pageSize, facets, origin };
  });
}

/** Every matching member's position, for the map (contact coordinates only where the viewer may see them). */
export async function directoryPoints(ctx: ClusterContext, query: DirectoryQuery) {
  const origin = resolveOrigin(query);
  return tenant(ctx, async (tx) => {
    const { pageRows } = await searchMembersSql(
      tx,
      [ctx.clusterId],
      { ...query, page: 1, pageSize: 5000 },
      origin,
      false,
    );
    return pageRows
      .map(toMemberRow)
      .filter((m) => m.lat != null && m.lon != null)
      .map((m) => ({ id: m.id, name: m.tradeName ?? m.legalName, lat: m.lat!, lon: m.lon!, town: m.town }));
  });
}

export { canEditMember };
