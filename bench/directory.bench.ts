/**
 * Directory search at France Clusters' scale: 125 clusters, 80,000 companies (bench/generators/members.ts),
 * loaded into PostgreSQL and into an in-memory PGlite, then searched the way the API searches
 * (`searchMembersSql`, page + facet counts) with a deterministic mix of French text queries, facet filters,
 * radius searches, sorts and pages. Prints p50/p95/mean/max latency per database and scope:
 *   - one-cluster: the API path, `withTenant(db, clusterId, tx => searchMembersSql(tx, [clusterId], …))`;
 *   - all-clusters: a platform-wide search, `searchMembersSql(db, null, …)` as the owner.
 * Targets (PostgreSQL): p95 ≤ 50 ms in one cluster, ≤ 150 ms across all clusters.
 *
 *   npm run bench:directory -- [--only=postgres|pglite] [--companies=80000] [--clusters=125]
 *                              [--queries=300] [--warmup=20] [--seed=2024] [--keep] [--explain]
 *                              [--insert=json|drizzle] [--setup-sql="create index …"]…
 *                              [--scope=one-cluster|all-clusters] [--reuse=grappe_bench_…]
 *
 * PostgreSQL: a fresh database `grappe_bench_<timestamp>` on BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end unless --keep.
 * --insert picks how the 1,000-row batches are sent (see insertBatch); --setup-sql runs after the migrations and
 * before loading, as a migration would, to prototype an index or a storage setting; --explain prints
 * EXPLAIN ANALYZE of the slowest query of each scope. --reuse=NAME searches a database kept by an earlier run with
 * the same --clusters, --companies and --seed (PostgreSQL only, not loaded again, not dropped), for quick iterations.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import pg from "pg";
import { NAF_VERSION } from "../src/core/reference/naf.js";
import { sizeClassOf } from "../src/core/reference/sizeClass.js";
import { companyNameKey } from "../src/core/reference/text.js";
import { type Database, type Db, databaseVersion, openDatabase, openPglite } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { Rng } from "../src/db/seed/demo-data.js";
import { withTenant } from "../src/db/tenant.js";
import { type Origin, resolveOrigin, searchMembersSql } from "../src/modules/members/directory.service.js";
import { type DirectoryQuery, DirectoryQuerySchema } from "../src/modules/members/members.contract.js";
import { searchTextOf } from "../src/modules/members/members.rules.js";
import { members } from "../src/modules/members/members.schema.js";
import { mechanicalTrades } from "../src/modules/members/trades.seed.js";
import { createCluster } from "../src/platform/clusters/clusters.service.js";
import { type GeneratedCluster, type GeneratedCompany, generateClusters } from "./generators/members.js";

// ---------------------------------------------------------------- options

interface Options {
  only: "postgres" | "pglite" | null;
  companies: number;
  clusters: number;
  queries: number;
  warmup: number;
  seed: number;
  keep: boolean;
  explain: boolean;
  insert: "json" | "drizzle";
  setupSql: string[];
  reuse: string | null;
  scope: Scope | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    only: null,
    companies: 80_000,
    clusters: 125,
    queries: 300,
    warmup: 20,
    seed: 2024,
    keep: false,
    explain: false,
    insert: "json",
    setupSql: [],
    reuse: null,
    scope: null,
  };
  const positive = (name: string, value: string) => {
    const n = Number(value.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive integer, not "${value}"`);
    return n;
  };
  for (const arg of argv) {
    const [, name, value = ""] = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg) ?? [];
    if (name === "only" && (value === "postgres" || value === "pglite")) options.only = value;
    else if (name === "companies") options.companies = positive(name, value);
    else if (name === "clusters") options.clusters = positive(name, value);
    else if (name === "queries") options.queries = positive(name, value);
    else if (name === "warmup") options.warmup = Number(value) || 0;
    else if (name === "seed") options.seed = positive(name, value);
    else if (name === "keep") options.keep = true;
    else if (name === "explain") options.explain = true;
    else if (name === "insert" && (value === "json" || value === "drizzle")) options.insert = value;
    else if (name === "setup-sql" && value) options.setupSql.push(value);
    else if (name === "scope" && (value === "one-cluster" || value === "all-clusters")) options.scope = value;
    else if (name === "reuse" && /^grappe_bench_\d+$/.test(value)) options.reuse = value;
    else throw new Error(`Unknown option ${arg} (see the header of bench/directory.bench.ts)`);
  }
  return options;
}

// ---------------------------------------------------------------- databases

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

interface BenchDatabase {
  database: Database;
  label: string;
  drop(): Promise<void>;
}

async function freshPostgres(keep: boolean, reuse: string | null): Promise<BenchDatabase> {
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
  const name = reuse ?? `grappe_bench_${Date.now()}`;
  if (!reuse) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  keep ||= reuse !== null;
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: benchUrl.toString(), poolSize: 4 });
  await migrateDatabase(database);
  return {
    database,
    label: `PostgreSQL ${await databaseVersion(database.db)}, database ${name}`,
    drop: async () => {
      await database.close();
      if (keep) {
        console.log(`  kept ${benchUrl.toString()}  (drop database ${name} with (force);)`);
        return;
      }
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function freshPglite(): Promise<BenchDatabase> {
  const database = await openDatabase({ pglite: await openPglite() });
  await migrateDatabase(database);
  return {
    database,
    label: `PGlite (PostgreSQL ${await databaseVersion(database.db)}), in memory`,
    drop: () => database.close(),
  };
}

// ---------------------------------------------------------------- loading

const BATCH = 1_000;
type MemberInsert = typeof members.$inferInsert;
const memberColumns = getTableColumns(members);
/** What createCluster seeds, so searchTextOf gets the labels the service would use. */
const tradeLabels = new Map(mechanicalTrades.map((t) => [t.code, t.labelFr]));

interface LoadedCluster {
  id: string;
  size: number;
  generated: GeneratedCluster;
}

/** The row the service would write for this company (see prepareMemberValues and insertMember). */
function memberRow(m: GeneratedCompany, clusterId: string, ids: Map<string, string>): MemberInsert {
  const row = {
    id: ids.get(m.key)!,
    clusterId,
    kind: m.kind,
    legalName: m.legalName,
    tradeName: m.tradeName,
    siren: m.siren,
    siret: m.siret,
    nafCode: m.nafCode,
    nafVersion: m.nafCode ? NAF_VERSION : null,
    headcount: m.headcount,
    turnoverEur: m.turnoverEur,
    sizeClass: sizeClassOf({ headcount: m.headcount, turnoverEur: m.turnoverEur }),
    addressLine: m.addressLine,
    postcode: m.postcode,
    communeInsee: m.communeInsee,
    town: m.town,
    department: m.department,
    lat: m.lat,
    lon: m.lon,
    website: m.website,
    email: m.email?.toLowerCase() ?? null,
    phone: m.phone,
    description: m.description,
    tradeCodes: [...new Set(m.trades)],
    certifications: [...new Set(m.certifications)],
    equipment: m.equipment,
    status: m.status,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    leaveReason: m.leaveReason,
    sponsorId: m.sponsorKey ? (ids.get(m.sponsorKey) ?? null) : null,
    visibility: m.visibility,
    nameKey: companyNameKey(m.legalName),
  };
  return { ...row, searchText: searchTextOf(row, tradeLabels) };
}

/**
 * One INSERT of a batch of rows. "drizzle" is `db.insert(members).values(rows)`; "json" sends the same rows as
 * one jsonb parameter expanded by jsonb_populate_recordset (same columns, same defaults for the others), because
 * drizzle's builder costs ~0.4 ms of CPU per 35-column row, more than PostgreSQL takes to store it.
 */
async function insertBatch(db: Db, rows: MemberInsert[], how: Options["insert"]): Promise<void> {
  if (how === "drizzle") {
    await db.insert(members).values(rows);
    return;
  }
  const keys = Object.keys(rows[0]) as (keyof MemberInsert)[];
  const names = keys.map((key) => memberColumns[key].name);
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((key, i) => [names[i], row[key]]))));
  const list = sql.raw(names.map((name) => `"${name}"`).join(", "));
  await db.execute(
    sql`insert into members (${list}) select ${list} from jsonb_populate_recordset(null::members, ${json}::jsonb)`,
  );
}

async function load(database: Database, generated: GeneratedCluster[], options: Options): Promise<LoadedCluster[]> {
  const { db } = database;
  const loaded: LoadedCluster[] = [];
  for (const statement of options.setupSql) {
    await db.execute(sql.raw(statement));
    console.log(`  setup: ${statement}`);
  }
  const started = performance.now();
  for (const cluster of generated) {
    const created = await createCluster(db, {
      slug: cluster.slug,
      name: cluster.name,
      description: cluster.description,
      homeCommune: cluster.homeCommune,
    });
    const ids = new Map(cluster.members.map((m) => [m.key, randomUUID()]));
    const rows = cluster.members.map((m) => memberRow(m, created.id, ids));
    for (let i = 0; i < rows.length; i += BATCH) await insertBatch(db, rows.slice(i, i + BATCH), options.insert);
    loaded.push({ id: created.id, size: rows.length, generated: cluster });
  }
  const inserted = performance.now();
  // ANALYZE for the planner; VACUUM too, for the visibility map and hint bits a live table has from autovacuum.
  await db.execute(sql`vacuum analyze`);
  const total = loaded.reduce((sum, c) => sum + c.size, 0);
  const ms = performance.now() - started;
  console.log(
    `  loaded ${loaded.length} clusters, ${total} members in ${seconds(ms)} ` +
      `(insert ${seconds(inserted - started)}, ${Math.round(total / ((inserted - started) / 1000))} rows/s; ` +
      `vacuum analyze ${seconds(performance.now() - inserted)})`,
  );
  return loaded;
}

/** The clusters of a database an earlier run loaded from the same generated data (--reuse). */
async function reload(database: Database, generated: GeneratedCluster[]): Promise<LoadedCluster[]> {
  const rows = (await database.db.execute(sql`select id, slug from clusters`)) as unknown as {
    rows: { id: string; slug: string }[];
  };
  const ids = new Map(rows.rows.map((r) => [r.slug, r.id]));
  const loaded = generated.map((cluster) => {
    const id = ids.get(cluster.slug);
    if (!id) throw new Error(`--reuse: cluster ${cluster.slug} is not in this database (same --clusters and --seed?)`);
    return { id, size: cluster.members.length, generated: cluster };
  });
  console.log(`  reusing ${loaded.length} clusters, ${loaded.reduce((sum, c) => sum + c.size, 0)} members`);
  return loaded;
}

// ---------------------------------------------------------------- queries

type Scope = "one-cluster" | "all-clusters";
type Kind = "browse" | "text" | "name" | "facets" | "radius" | "combined";

interface Planned {
  kind: Kind;
  /** The cluster searched (one-cluster scope), or null for the platform-wide search. */
  cluster: LoadedCluster | null;
  query: DirectoryQuery;
  origin: Origin | null;
}

const texts = [
  "usinage",
  "traitement thermique",
  "chaudronnerie inox",
  "décolletage précision",
  "soudure",
  "tôlerie découpe laser",
  "fonderie aluminium",
  "robotique",
  "aéronautique",
  "maintenance industrielle",
  "usinage 5 axes",
  "moules injection",
  "métrologie",
  "fabrication additive",
  "traitement de surface",
  "charpente métallique",
  "rectification",
  "machines spéciales",
];
const sizeClasses = ["micro", "sme", "midcap", "large"];
const certifications = ["ISO 9001", "EN 9100", "ISO 14001", "IATF 16949", "MASE", "Nadcap", "ISO 45001"];
const statusSets = [["member"], ["member"], ["member", "prospect"], ["former"]];
const mainTradeCodes = mechanicalTrades
  .filter((t) => t.code !== "training" && t.code !== "research")
  .map((t) => t.code);

/** One weighted choice, deterministic for the PRNG's state. */
function weighted<T>(rng: Rng, choices: [T, number][]): T {
  let roll = rng.next() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of choices) {
    roll -= w;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1][0];
}

/** A name prefix as people type it: the first 4–6 letters of a distinctive word of a real member's name. */
function namePrefix(rng: Rng, company: GeneratedCompany): string {
  const words = company.legalName
    .split(/[\s-]+/)
    .filter((w) => w.length >= 4 && !/^(SARL|SASU|EURL|SAS|Fils|Établissements)$/.test(w));
  const word = words.length ? rng.pick(words) : company.legalName;
  return word.slice(0, rng.int(4, 6));
}

function facetFilters(rng: Rng, company: GeneratedCompany, count: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const facets = rng.shuffle(["trade", "sizeClass", "certification", "department", "status"]).slice(0, count);
  for (const facet of facets) {
    if (facet === "trade")
      out.trade = rng.chance(0.7) ? [rng.pick(mainTradeCodes)] : rng.shuffle(mainTradeCodes).slice(0, 2);
    if (facet === "sizeClass") out.sizeClass = rng.chance(0.7) ? [rng.pick(sizeClasses)] : ["sme", "midcap"];
    if (facet === "certification") out.certification = [rng.pick(certifications)];
    // A department where the cluster really has members, as the facet list offers it.
    if (facet === "department") out.department = [company.department];
    if (facet === "status") out.status = rng.pick(statusSets);
  }
  return out;
}

/**
 * The mix: what people do in a directory. Radius searches start from a real commune of the cluster's area
 * (a member's commune), within 60 or 120 minutes. Sorts default as the UI does (relevance with text,
 * distance with a radius, else name), sometimes overridden; a quarter of the searches look at page 3.
 */
function planQuery(rng: Rng, scope: Scope, cluster: LoadedCluster): Planned {
  const kind = weighted<Kind>(
    rng,
    scope === "one-cluster"
      ? [
          ["browse", 10],
          ["text", 25],
          ["name", 10],
          ["facets", 20],
          ["radius", 15],
          ["combined", 20],
        ]
      : [
          ["browse", 5],
          ["text", 35],
          ["name", 10],
          ["facets", 20],
          ["radius", 15],
          ["combined", 15],
        ],
  );
  // A real member of the cluster: its commune, department and name feed the filters.
  const company = rng.pick(cluster.generated.members);
  const raw: Record<string, unknown> = { page: rng.chance(0.25) ? 3 : 1, pageSize: 25 };
  const radius = () => {
    raw.near = rng.chance(0.3) ? cluster.generated.homeCommune : company.communeInsee;
    raw.within = rng.chance(0.5) ? 60 : 120;
  };
  if (kind === "browse") {
    if (rng.chance(0.3)) raw.sort = rng.pick(["size", "joined", "updated"]);
  } else if (kind === "text") {
    raw.q = rng.pick(texts);
    if (rng.chance(0.2)) raw.sort = "name";
  } else if (kind === "name") {
    raw.q = namePrefix(rng, company);
  } else if (kind === "facets") {
    Object.assign(raw, facetFilters(rng, company, rng.int(1, 2)));
    if (rng.chance(0.2)) raw.sort = "size";
  } else if (kind === "radius") {
    radius();
    if (rng.chance(0.3)) Object.assign(raw, facetFilters(rng, company, 1));
    if (rng.chance(0.2)) raw.sort = "name";
  } else {
    raw.q = rng.pick(texts);
    Object.assign(raw, facetFilters(rng, company, rng.int(1, 2)));
    if (rng.chance(0.6)) radius();
    raw.sort = rng.pick(["relevance", "relevance", "distance", "name"]);
  }
  const query = DirectoryQuerySchema.parse(raw);
  return { kind, cluster: scope === "one-cluster" ? cluster : null, query, origin: resolveOrigin(query) };
}

/** Clusters of varied sizes, the biggest first: the top 2, then the 90th, 75th, 50th, 25th percentile and smallest. */
function clusterPool(loaded: LoadedCluster[]): LoadedCluster[] {
  const bySize = [...loaded].sort((a, b) => b.size - a.size);
  const at = (q: number) => bySize[Math.min(bySize.length - 1, Math.round(q * (bySize.length - 1)))];
  return [...new Set([bySize[0], bySize[1] ?? bySize[0], at(0.1), at(0.25), at(0.5), at(0.75), at(1)])];
}

function plan(rng: Rng, scope: Scope, loaded: LoadedCluster[], count: number): Planned[] {
  const pool = clusterPool(loaded);
  return Array.from({ length: count }, (_, i) =>
    planQuery(rng, scope, scope === "one-cluster" ? pool[i % pool.length] : rng.pick(loaded)),
  );
}

async function run(db: Db, p: Planned): Promise<number> {
  const started = performance.now();
  const result = p.cluster
    ? await withTenant(db, p.cluster.id, (tx) => searchMembersSql(tx, [p.cluster!.id], p.query, p.origin, true))
    : await searchMembersSql(db, null, p.query, p.origin, true);
  const ms = performance.now() - started;
  if (!result.facetRows.some((r) => r.facet === "total")) throw new Error("search returned no total");
  return ms;
}

/** Runs `searchMembersSql` with every statement prefixed by EXPLAIN ANALYZE, printing the plans. */
async function explain(db: Db, p: Planned): Promise<void> {
  const explaining = (target: Db): Db =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        // A statement run in a transaction of its own (a planner setting) is explained in it.
        if (prop === "transaction")
          return (work: (tx: Db) => Promise<unknown>) => obj.transaction((tx) => work(explaining(tx as unknown as Db)));
        if (prop !== "execute") return Reflect.get(obj, prop, receiver);
        return async (query: SQL) => {
          const result = await obj.execute(sql`explain (analyze, buffers) ${query}`);
          const lines = (result as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]);
          // A set_config() is a one-node Result: not worth printing.
          if (!lines[0].startsWith("Result")) console.log(lines.map((l) => `      ${l}`).join("\n"));
          return { rows: [{ facet: "total", value: null, count: 0 }] };
        };
      },
    }) as Db;
  console.log(`    EXPLAIN ANALYZE ${describe(p)}`);
  if (p.cluster) {
    const id = p.cluster.id;
    await withTenant(db, id, (tx) => searchMembersSql(explaining(tx), [id], p.query, p.origin, true));
  } else await searchMembersSql(explaining(db), null, p.query, p.origin, true);
}

function describe(p: Planned): string {
  const q = p.query;
  const parts = [
    p.kind,
    p.cluster ? `cluster of ${p.cluster.size}` : "all clusters",
    q.q && `q="${q.q}"`,
    ...(["trade", "sizeClass", "certification", "department", "status"] as const)
      .filter((f) => q[f].length)
      .map((f) => `${f}=${q[f].join(",")}`),
    q.near && `near=${q.near} within=${q.within}`,
    q.sort && `sort=${q.sort}`,
    `page=${q.page}`,
  ];
  return parts.filter(Boolean).join(" ");
}

// ---------------------------------------------------------------- statistics

interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    max: sorted[sorted.length - 1],
  };
}

const ms1 = (v: number) => (v < 10 ? v.toFixed(1) : String(Math.round(v)));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const targets: Record<Scope, number> = { "one-cluster": 50, "all-clusters": 150 };

function resultLine(kind: string, scope: Scope, s: Stats): string {
  const line =
    `directory  ${kind.padEnd(8)}  ${scope.padEnd(12)}  n=${s.n}  p50=${ms1(s.p50)} ms  p95=${ms1(s.p95)} ms  ` +
    `mean=${ms1(s.mean)} max=${ms1(s.max)}`;
  const verdict =
    kind === "postgres"
      ? `target p95 ≤ ${targets[scope]} ms: ${s.p95 <= targets[scope] ? "PASS" : "MISS"}`
      : "(targets apply to PostgreSQL)";
  return `${line}  ${verdict}`;
}

function breakdown(samples: { p: Planned; ms: number }[]): void {
  const groups = new Map<string, number[]>();
  const add = (key: string, ms: number) => groups.set(key, [...(groups.get(key) ?? []), ms]);
  for (const { p, ms } of samples) {
    add(`kind ${p.kind}`, ms);
    if (p.cluster) add(`cluster of ${String(p.cluster.size).padStart(4)}`, ms);
    add(`page ${p.query.page}`, ms);
  }
  for (const [key, values] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const s = stats(values);
    console.log(
      `    ${key.padEnd(18)} n=${String(s.n).padStart(3)}  p50=${ms1(s.p50).padStart(5)}  p95=${ms1(s.p95).padStart(5)}  max=${ms1(s.max).padStart(5)} ms`,
    );
  }
  const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 3);
  for (const { p, ms } of slowest) console.log(`    slow: ${ms1(ms)} ms  ${describe(p)}`);
}

// ---------------------------------------------------------------- main

async function benchmark(kind: "postgres" | "pglite", options: Options, generated: GeneratedCluster[]) {
  const lines: string[] = [];
  const bench = kind === "postgres" ? await freshPostgres(options.keep, options.reuse) : await freshPglite();
  try {
    console.log(`\n${bench.label}`);
    const loaded = options.reuse
      ? await reload(bench.database, generated)
      : await load(bench.database, generated, options);
    const pool = clusterPool(loaded);
    console.log(`  one-cluster pool (sizes): ${pool.map((c) => c.size).join(", ")}`);
    for (const scope of ["one-cluster", "all-clusters"] as Scope[]) {
      if (options.scope && options.scope !== scope) continue;
      // Same seed per scope on both databases: they answer the very same queries.
      const rng = new Rng(options.seed + (scope === "one-cluster" ? 1 : 2));
      const planned = plan(rng, scope, loaded, options.warmup + options.queries);
      for (const p of planned.slice(0, options.warmup)) await run(bench.database.db, p);
      const samples: { p: Planned; ms: number }[] = [];
      for (const p of planned.slice(options.warmup)) samples.push({ p, ms: await run(bench.database.db, p) });
      const line = resultLine(kind, scope, stats(samples.map((s) => s.ms)));
      console.log(`  ${line}`);
      breakdown(samples);
      if (options.explain) await explain(bench.database.db, [...samples].sort((a, b) => b.ms - a.ms)[0].p);
      lines.push(line);
    }
  } finally {
    await bench.drop();
  }
  return lines;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `Directory benchmark: ${options.clusters} clusters, ${options.companies} companies, ` +
      `${options.queries} queries per database and scope after ${options.warmup} warm-up, seed ${options.seed}`,
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const t = performance.now();
  const generated = [
    ...generateClusters({ clusters: options.clusters, companies: options.companies, seed: options.seed }),
  ];
  console.log(`Generated in ${seconds(performance.now() - t)}`);
  const lines: string[] = [];
  if (options.reuse) options.only = "postgres";
  for (const kind of ["postgres", "pglite"] as const) {
    if (!options.only || options.only === kind) lines.push(...(await benchmark(kind, options, generated)));
  }
  console.log(`\nResults (load average at the end ${os.loadavg()[0].toFixed(2)}):`);
  for (const line of lines) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
