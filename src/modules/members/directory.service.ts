import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { departmentName, getCommune } from "../../core/reference/communes.js";
import { estimateRoadMinutes, maxKmForMinutes } from "../../core/reference/roadTime.js";
import type { Db } from "../../db/client.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid } from "../../server/errors.js";
import type { DirectoryQuery } from "./members.contract.js";
import { audienceFor, canEditMember } from "./members.policy.js";
import { presentMember } from "./members.presenter.js";
import { members } from "./members.schema.js";
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
  const siren = /^\d{9}(\d{5})?$/.test(digits);
  if (siren) base.push(sql`m.siren = ${digits.slice(0, 9)}`);
  else if (tsq) base.push(sql`m.search_vector @@ to_tsquery('public.fr_unaccent', ${tsq})`);
  if (origin) {
    const dLat = origin.maxKm / 111.2;
    const dLon = origin.maxKm / (111.2 * Math.cos((origin.lat * Math.PI) / 180));
    base.push(sql`m.lat between ${origin.lat - dLat} and ${origin.lat + dLat}`);
    base.push(sql`m.lon between ${origin.lon - dLon} and ${origin.lon + dLon}`);
    base.push(sql`${distanceSql(origin)} <= ${origin.maxKm}`);
  }
  return { facet, base, tsq, textFilter: !!tsq && !siren };
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/**
 * The names a company is known by, as a tsvector (GIN-indexed by migration 0002 as `members_name_search`: keep
 * this expression identical to the index's).
 */
const nameVector = (alias: string) =>
  sql.raw(
    `to_tsvector('public.fr_unaccent'::regconfig, ${alias}.legal_name || ' ' || coalesce(${alias}.trade_name, ''))`,
  );

function scopeOf(clusterIds: string[] | null, alias = "m"): SQL {
  const column = sql.raw(`${alias}.cluster_id`);
  if (!clusterIds) return sql`true`;
  // One cluster as `=`: next to row-level security's own `cluster_id = …`, an `any(…)` made the planner expect ~1 row.
  if (clusterIds.length === 1) return sql`${column} = ${clusterIds[0]}::uuid`;
  return sql`${column} = any(${`{${clusterIds.join(",")}}`}::uuid[])`;
}

interface SortKey {
  expr: SQL;
  desc?: boolean;
  nullsLast?: boolean;
  /** Read from the join (not from the row): computed on the matching set, after it, rather than in its scan. */
  joined?: boolean;
}

/**
 * The order of a search. Relevance puts the members whose name (legal or trade name) matches every typed word
 * first, then ranks by ts_rank; every order ends with the id, so that pages never overlap nor skip a member.
 */
function sortOf(
  query: DirectoryQuery,
  tsq: string | null,
  origin: Origin | null,
  clusterIds: string[] | null,
): { keys: SortKey[]; join: SQL } {
  const sort = query.sort ?? (tsq ? "relevance" : origin ? "distance" : "name");
  const name = { expr: sql`m.legal_name` };
  const id = { expr: sql`m.id` };
  const keys = (...list: SortKey[]) => ({ keys: list, join: sql`` });
  if (sort === "relevance" && tsq) {
    const q = sql`to_tsquery('public.fr_unaccent', ${tsq})`;
    // The members whose names match come from their own index, joined by id to the matching rows (a to_tsvector
    // of each matching row's names cost about 4 µs of CPU a row: 90 ms for 23,000 rows, against 10 ms).
    const join = sql`left join (select n.id from members n where ${nameVector("n")} @@ ${q} and ${scopeOf(clusterIds, "n")}) named on named.id = m.id`;
    return {
      keys: [
        { expr: sql`(named.id is not null)`, desc: true, joined: true },
        { expr: sql`ts_rank(m.search_vector, ${q})`, desc: true },
        name,
        id,
      ],
      join,
    };
  }
  if (sort === "distance" && origin) return keys({ expr: distanceSql(origin) }, name, id);
  if (sort === "size") return keys({ expr: sql`m.headcount`, desc: true, nullsLast: true }, name, id);
  if (sort === "joined") return keys({ expr: sql`m.joined_on`, desc: true, nullsLast: true }, name, id);
  if (sort === "updated") return keys({ expr: sql`m.updated_at`, desc: true }, id);
  return keys({ expr: sql`lower(m.legal_name)` }, id);
}

const orderBy = (keys: SortKey[], as?: (i: number) => SQL) =>
  sql.join(
    keys.map(
      (k, i) => sql`${as ? as(i) : k.expr}${k.desc ? sql` desc` : sql``}${k.nullsLast ? sql` nulls last` : sql``}`,
    ),
    sql`, `,
  );

/** Every column but the search text and its tsvector, which no caller reads (about 1 kB a row). */
const memberColumns = sql.raw(
  Object.values(getTableColumns(members))
    .filter((column) => column.name !== "search_text" && column.name !== "search_vector")
    .map((column) => `m."${column.name}"`)
    .join(", "),
);

type FacetRow = { facet: string; value: string | null; count: number };

/**
 * The page of members matching `query` (raw rows, with `distance_km`) and, `withFacets`, the facet counts.
 * `clusterIds` null = every cluster (platform-wide search, run by a platform admin outside a tenant).
 */
export async function searchMembersSql(
  tx: Db,
  clusterIds: string[] | null,
  query: DirectoryQuery,
  origin: Origin | null,
  withFacets = true,
): Promise<{ pageRows: Record<string, unknown>[]; facetRows: FacetRow[] }> {
  const { facet, base, tsq, textFilter } = filters(query, origin);
  const scope = scopeOf(clusterIds);
  const { keys, join } = sortOf(query, tsq, origin, clusterIds);
  const distance = origin ? distanceSql(origin) : sql`null::float8`;
  const offset = (query.page - 1) * query.pageSize;
  if (!withFacets) {
    const pageRows = rowsOf(
      await tx.execute(sql`
        select ${memberColumns}, ${distance} as distance_km
        from members m ${join} where ${and([scope, ...base, ...Object.values(facet)])}
        order by ${orderBy(keys)} limit ${query.pageSize} offset ${offset}`),
    );
    return { pageRows, facetRows: [] };
  }
  // One statement gives the page's ids, in order, and the facet counts; then the page's rows are read by id.
  const page = { keys, join, limit: query.pageSize, offset };
  const statement = base.length ? matchedSql(scope, base, facet, page) : browseSql(scope, facet, page);
  // Across clusters a text filter reads its GIN index (see withoutSeqScan).
  const bitmap = textFilter && clusterIds?.length !== 1;
  const rows = rowsOf(await (bitmap ? withoutSeqScan(tx, statement) : tx.execute(statement))) as FacetRow[];
  const ids = rows
    .filter((r) => r.facet === "page")
    .sort((a, b) => a.count - b.count)
    .map((r) => r.value as string);
  const facetRows = rows.filter((r) => r.facet !== "page");
  if (!ids.length) return { pageRows: [], facetRows };
  const fetched = rowsOf(
    await tx.execute(sql`
      select ${memberColumns}, ${distance} as distance_km from members m
      where m.id = any(${`{${ids.join(",")}}`}::uuid[]) and ${scope}`),
  );
  const byId = new Map(fetched.map((r) => [r.id as string, r]));
  return { pageRows: ids.flatMap((id) => byId.get(id) ?? []) as Record<string, unknown>[], facetRows };
}

interface PageSpec {
  keys: SortKey[];
  join: SQL;
  limit: number;
  offset: number;
}

/**
 * The sort keys as columns of a materialized set: `select` lists those computed in its scan (k0, k1…; the last key
 * is always the id, which the set has), `key(i)` reads key i back from the set aliased m.
 */
function keysInSet(keys: SortKey[]) {
  const last = keys.length - 1;
  const column = (i: number) => sql.raw(i === last ? "id" : `k${i}`);
  const select = sql.join(
    keys.flatMap((k, i) => (k.joined || i === last ? [] : [sql`, ${k.expr} as ${column(i)}`])),
    sql``,
  );
  return { select, key: (i: number) => (keys[i].joined ? keys[i].expr : sql`m.${column(i)}`) };
}

/**
 * The page's ids as rows ('page', id, position), from `from` (aliased m) where `where`, each sort key read with
 * `key`; `page` is the name of the CTE it adds.
 */
function pageSql(page: PageSpec, from: SQL, where: SQL, key: (i: number) => SQL) {
  const rank = (i: number) => sql.raw(`r${i}`);
  const cte = sql`page as (
      select m.id, ${sql.join(
        page.keys.map((_, i) => sql`${key(i)} as ${rank(i)}`),
        sql`, `,
      )}
      from ${from} ${page.join} where ${where}
      order by ${orderBy(page.keys, key)} limit ${page.limit} offset ${page.offset})`;
  const select = sql`select 'page' as facet, id::text as value, (row_number() over (order by ${orderBy(page.keys, rank)}))::int as count from page`;
  return { cte, select };
}

/**
 * Counts of an array facet (trades, certifications): the rows are counted per distinct array first, then the few
 * distinct arrays unnested, rather than unnesting every row (3 times faster on 23,000 rows).
 */
const arrayFacet = (facet: Facet, column: "trade_codes" | "certifications", from: SQL) =>
  sql`select ${sql.raw(`'${facet}'`)}, v.value, sum(g.n)::int from (select ${sql.raw(column)} as a, count(*) as n from ${from} group by 1) g cross join lateral unnest(g.a) as v(value) group by 2`;

/** The facets in the order of their columns in `members_facets`, and those columns. */
const facetOrder: Facet[] = ["sizeClass", "department", "status", "kind", "trade", "certification"];
const facetColumn: Record<Facet, string> = {
  sizeClass: "size_class",
  department: "department",
  status: "status",
  kind: "kind",
  trade: "trade_codes",
  certification: "certifications",
};
const isArrayFacet = (name: Facet) => name === "trade" || name === "certification";

/**
 * Without a text or radius filter: the page and the facet counts. A facet's count leaves its own filter out
 * (disjunctive faceting), so the facets fall into groups by the filters they apply: the facets without a filter of
 * their own (and the total) apply them all, each filtered facet applies the others. Each group is counted in one
 * scan of the covering index `members_facets`, with GROUPING SETS: 1 to 3 scans for the usual 0 to 2 filters
 * instead of one per facet. The page's ids come from the same index when the order allows it.
 */
function browseSql(scope: SQL, facet: Partial<Record<Facet, SQL>>, page: PageSpec): SQL {
  const active = facetOrder.filter((name) => facet[name]);
  const where = (except?: Facet) =>
    and([scope, ...active.filter((name) => name !== except).map((name) => facet[name] as SQL)]);
  const groups = [
    { where: where(), facets: facetOrder.filter((name) => !facet[name]), total: true },
    ...active.map((name) => ({ where: where(name), facets: [name], total: false })),
  ];
  const ids = pageSql(page, sql`members m`, where(), (i) => page.keys[i].expr);
  const ctes: SQL[] = [ids.cte];
  const selects: SQL[] = [ids.select];
  for (const [i, group] of groups.entries()) {
    const cte = sql.raw(`g${i}`);
    const from = sql`members m where ${group.where}`;
    const columns = group.facets.map((name) => `m.${facetColumn[name]}`).join(", ");
    const all = (1 << group.facets.length) - 1;
    if (!group.facets.length) {
      ctes.push(sql`${cte} as (select ${all} as g, count(*) as n from ${from})`);
    } else {
      const sets = [...group.facets.map((name) => `(m.${facetColumn[name]})`), ...(group.total ? ["()"] : [])];
      ctes.push(sql`${cte} as (
        select grouping(${sql.raw(columns)}) as g, ${sql.raw(columns)}, count(*) as n
        from ${from} group by grouping sets (${sql.raw(sets.join(", "))}))`);
    }
    if (group.total) selects.push(sql`select 'total', null, n::int from ${cte} where g = ${sql.raw(String(all))}`);
    for (const [j, name] of group.facets.entries()) {
      const column = sql.raw(facetColumn[name]);
      // grouping() has a bit per column, the first one highest, set when the column is not grouped.
      const mask = sql.raw(String(all - (1 << (group.facets.length - 1 - j))));
      const label = sql.raw(`'${name}'`);
      selects.push(
        isArrayFacet(name)
          ? sql`select ${label}, v.value, sum(n)::int from ${cte} cross join lateral unnest(${cte}.${column}) as v(value) where g = ${mask} group by 2`
          : sql`select ${label}, ${column}, n::int from ${cte} where g = ${mask} and ${column} is not null`,
      );
    }
  }
  return sql`with ${sql.join(ctes, sql`, `)} ${sql.join(selects, sql` union all `)}`;
}

/**
 * Runs a statement with sequential scans disabled, in a (sub)transaction of its own. For a text search across all
 * clusters the planner costs `@@` as a cheap operator, so it prefers a sequential scan that evaluates it on every
 * one of the 80,000 rows (about 1 µs each, the tsvector being the 34th column) to the GIN bitmap of the matching
 * rows: measured, the bitmap takes half the CPU time for a match on 23,000 rows and still less for 46,000.
 */
function withoutSeqScan(tx: Db, statement: SQL) {
  return tx.transaction(async (t) => {
    await t.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    const result = await t.execute(statement);
    await t.execute(sql`select set_config('enable_seqscan', 'on', true)`);
    return result;
  });
}

/**
 * With a text or radius filter: the members matching the scope and those filters are found once, into a
 * materialized set that carries each facet filter as a boolean column. The page and every facet count are read
 * from it, each count leaving its own facet's column out (disjunctive faceting).
 */
function matchedSql(scope: SQL, base: SQL[], facet: Partial<Record<Facet, SQL>>, page: PageSpec): SQL {
  const active = Object.entries(facet) as [Facet, SQL][];
  const flag = (name: Facet) => sql.raw(`f_${name}`);
  const where = (except?: Facet) => and(active.filter(([name]) => name !== except).map(([name]) => sql`${flag(name)}`));
  const keys = keysInSet(page.keys);
  const ids = pageSql(page, sql`matched m`, where(), keys.key);
  return sql`
    with matched as materialized (
      select m.id, m.size_class, m.department, m.status, m.kind, m.trade_codes, m.certifications
        ${keys.select}
        ${sql.join(
          active.map(([name, filter]) => sql`, (${filter}) as ${flag(name)}`),
          sql``,
        )}
      from members m where ${and([scope, ...base])}
    ), ${ids.cte}
    ${ids.select}
    union all select 'total', null, count(*)::int from matched where ${where()}
    union all select 'sizeClass', size_class, count(*)::int from matched where ${where("sizeClass")} and size_class is not null group by 2
    union all select 'department', department, count(*)::int from matched where ${where("department")} and department is not null group by 2
    union all select 'status', status, count(*)::int from matched where ${where("status")} group by 2
    union all select 'kind', kind, count(*)::int from matched where ${where("kind")} group by 2
    union all ${arrayFacet("trade", "trade_codes", sql`matched where ${where("trade")}`)}
    union all ${arrayFacet("certification", "certifications", sql`matched where ${where("certification")}`)}`;
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
        // Trades and departments are data, labelled here; size class, status and kind are labelled by their
        // code, which the web translates (enums.sizeClass.*, enums.status.*, enums.kind.*).
        const label =
          name === "trade"
            ? (labels.get(row.value) ?? row.value)
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
