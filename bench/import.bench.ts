/**
 * Member import at a big cluster's scale: a 5,000-row member file as staff really send it, imported through
 * `importMembers` (the service behind the import wizard and the CLI) into a fresh cluster, on an in-memory
 * PGlite and on PostgreSQL, once as an Excel-FR CSV (Windows-1252, ";", French decimals, dd/mm/yyyy) and once
 * as an XLSX (typed cells: numbers, dates). Then the same file again into the same cluster, which must create
 * nothing. Target: ≤ 10 s for 5,000 rows.
 *
 *   npm run bench:import -- [--only=postgres|pglite] [--rows=5000] [--seed=2025] [--keep] [--statements]
 *
 * --statements prints, after each import, the time spent in each kind of SQL statement (both databases).
 *
 * The file: companies from bench/generators/members.ts, trades as their French labels separated by ";", the
 * commune as postcode + town, a contact and the year's dues; about 3 % of the rows are wrong the way real files
 * are (bad SIREN key, unknown commune, impossible date, unknown trade, no company name, bad e-mail, a number
 * typed with a stray space, a company listed twice), and must come back rejected with their reasons.
 * PostgreSQL: a fresh database `grappe_bench_<timestamp>` on BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end unless --keep.
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { NodePgPreparedQuery } from "drizzle-orm/node-postgres";
import { PglitePreparedQuery } from "drizzle-orm/pglite";
import iconv from "iconv-lite";
import pg from "pg";
import { findCommune } from "../src/core/reference/communes.js";
import { companyNameKey } from "../src/core/reference/text.js";
import { type Database, type Db, databaseVersion, openDatabase, openPglite } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { Rng, slugify } from "../src/db/seed/demo-data.js";
import { bossTitle, femaleFirstNames, lastNames, maleFirstNames, staffTitles } from "../src/db/seed/demo-vocabulary.js";
import { type CsvCell, writeCsv, writeXlsx, type XlsxCell } from "../src/modules/members/import/export.js";
import { importMembers } from "../src/modules/members/import.service.js";
import { mechanicalTrades } from "../src/modules/members/trades.seed.js";
import { createCluster } from "../src/platform/clusters/clusters.service.js";
import { systemActor } from "../src/platform/permissions/permissions.js";
import { type GeneratedCompany, generateClusters } from "./generators/members.js";

// ---------------------------------------------------------------- options

interface Options {
  only: "postgres" | "pglite" | null;
  rows: number;
  seed: number;
  keep: boolean;
  statements: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { only: null, rows: 5_000, seed: 2025, keep: false, statements: false };
  for (const arg of argv) {
    const [, name, value = ""] = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg) ?? [];
    const n = Number(value.replace(/_/g, ""));
    if (name === "only" && (value === "postgres" || value === "pglite")) options.only = value;
    else if (name === "rows" && Number.isInteger(n) && n >= 100) options.rows = n;
    else if (name === "seed" && Number.isInteger(n) && n > 0) options.seed = n;
    else if (name === "keep") options.keep = true;
    else if (name === "statements") options.statements = true;
    else throw new Error(`Unknown or invalid option ${arg} (see the header of bench/import.bench.ts)`);
  }
  return options;
}

// ---------------------------------------------------------------- the file

const headers = [
  "Raison sociale",
  "SIREN",
  "SIRET",
  "Code NAF",
  "Effectif",
  "CA 2024 (k€)",
  "Adresse",
  "CP",
  "Ville",
  "Site web",
  "E-mail",
  "Téléphone",
  "Activité",
  "Métiers",
  "Certifications",
  "Équipements",
  "Statut",
  "Date d'adhésion",
  "Date de sortie",
  "Motif de sortie",
  "Parrain",
  "Cotisation 2025",
  "Payée le",
  "Contact",
  "Fonction",
  "Email contact",
] as const;
type Header = (typeof headers)[number];
type Cell = string | number | Date | null;
type Row = Record<Header, Cell>;

const tradeLabel = new Map(mechanicalTrades.map((t) => [t.code, t.labelFr]));
const statusLabel = { member: "Adhérent", prospect: "Prospect", former: "Ancien adhérent" } as const;
const NBSP = "\u00a0";

/** "16430.5" → "16 430,5" with the no-break space Excel-FR groups thousands with. */
function frenchNumber(value: number, decimals: number): string {
  const [int, dec] = value.toFixed(decimals).split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)}${dec ? `,${dec}` : ""}`;
}

/** ISO date → a Date for the XLSX (exceljs writes its UTC day), or dd/mm/yyyy text for the CSV. */
const dateCell = (iso: string | null, typed: boolean): Cell => {
  if (!iso) return null;
  return typed ? new Date(iso) : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

function duesEuros(headcount: number | null): number {
  const staff = headcount ?? 0;
  return staff < 10 ? 300 : staff < 50 ? 600 : staff < 250 ? 1_200 : 2_000;
}

/** One spreadsheet row for a company; `typed` = XLSX cells (numbers, dates), else the text Excel-FR writes in a CSV. */
function companyRow(rng: Rng, c: GeneratedCompany, sponsor: string | null, typed: boolean): Row {
  const female = rng.chance(0.3);
  const first = rng.pick(female ? femaleFirstNames : maleFirstNames);
  const last = rng.pick(lastNames);
  const turnoverK = c.turnoverEur === null ? null : c.turnoverEur / 1000;
  const dues = c.status === "member" ? duesEuros(c.headcount) : null;
  const paid = dues !== null && rng.chance(0.85) ? `2025-${String(rng.int(1, 6)).padStart(2, "0")}-15` : null;
  return {
    "Raison sociale": c.legalName,
    SIREN: c.siren,
    SIRET: c.siret,
    "Code NAF": c.nafCode,
    Effectif: c.headcount,
    "CA 2024 (k€)": turnoverK === null ? null : typed || rng.chance(0.5) ? turnoverK : frenchNumber(turnoverK, 1),
    Adresse: c.addressLine,
    CP: c.postcode,
    Ville: c.town,
    "Site web": c.website?.replace(/^https:\/\//, "") ?? null,
    "E-mail": c.email,
    Téléphone: c.phone,
    Activité: c.description,
    Métiers: c.trades.map((code) => tradeLabel.get(code) ?? code).join(" ; "),
    Certifications: c.certifications.join(" ; "),
    Équipements: c.equipment.join(" ; "),
    Statut: statusLabel[c.status],
    "Date d'adhésion": dateCell(c.joinedOn, typed),
    "Date de sortie": dateCell(c.leftOn, typed),
    "Motif de sortie": c.leaveReason,
    Parrain: sponsor,
    "Cotisation 2025": dues === null ? null : typed ? dues : frenchNumber(dues, 2),
    "Payée le": dateCell(paid, typed),
    Contact: `${first} ${last}`,
    Fonction: rng.chance(0.6) ? bossTitle(rng, c.legalName) : rng.pick(staffTitles),
    "Email contact": `${slugify(first)}.${slugify(last)}@${c.key}.example`,
  };
}

/** The mistakes of real member files, one per bad row; each must make importMembers reject the row. */
const mistakes: [name: string, spoil: (row: Row, earlier: Row) => Partial<Row>][] = [
  ["SIREN key", (row) => ({ SIREN: String(row.SIREN).slice(0, 8) + ((Number(String(row.SIREN)[8]) + 1) % 10) })],
  ["unknown commune", () => ({ CP: "99999", Ville: "Saint-Nulle-Part" })],
  ["impossible date", () => ({ "Date d'adhésion": "31/02/2019" })],
  ["unknown trade", (row) => ({ Métiers: `${row.Métiers} ; Peinture industrielle` })],
  ["no company name", () => ({ "Raison sociale": "" })],
  ["bad e-mail", () => ({ "E-mail": "contact@@exemple" })],
  ["stray space in a number", () => ({ Effectif: "12 34" })],
  ["listed twice", (_, earlier) => ({ ...earlier })],
];

/**
 * The generator may give two companies the same name ("Morel et Fils SARL" in two towns); a real member list
 * tells them apart, and importMembers would take the second for the first. Like staff do, add the town, then
 * a number, before the legal form.
 */
function distinctNames(companies: GeneratedCompany[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const c of companies) {
    const form = / (SARL|SASU|EURL|SAS|SA)$/.exec(c.legalName)?.[0] ?? "";
    const stem = c.legalName.slice(0, c.legalName.length - form.length);
    let name = c.legalName;
    for (let n = 1; taken.has(companyNameKey(name)); n++) name = `${stem} ${c.town}${n > 1 ? ` ${n}` : ""}${form}`;
    taken.add(companyNameKey(name));
    names.set(c.key, name);
  }
  return names;
}

interface MemberFile {
  headers: string[];
  rows: Row[];
  /** How many rows each mistake spoilt. */
  bad: Map<string, number>;
  /** Positions (0-based, header excluded) of the spoilt rows. */
  spoilt: Set<number>;
}

/**
 * `rows` companies of one generated cluster around a big city, about 3 % of them spoilt. Built twice from the
 * same seed (CSV text cells, XLSX typed cells), so both files hold the same companies and the same mistakes.
 */
function memberFile(companies: GeneratedCompany[], seed: number, typed: boolean): MemberFile {
  const rng = new Rng(seed);
  const nameOf = distinctNames(companies);
  const rows = companies.map((c) =>
    companyRow(rng, { ...c, legalName: nameOf.get(c.key)! }, c.sponsorKey ? nameOf.get(c.sponsorKey)! : null, typed),
  );
  const bad = new Map<string, number>();
  const spoilt = new Set<number>();
  // Every 33rd row from the 100th: 3 %; a duplicate repeats one of the first 100 rows, which are never spoilt.
  for (let i = 100; i < rows.length; i += 33) {
    const [name, spoil] = rng.pick(mistakes);
    Object.assign(rows[i], spoil(rows[i], rows[rng.int(0, 99)]));
    bad.set(name, (bad.get(name) ?? 0) + 1);
    spoilt.add(i);
  }
  return { headers: [...headers], rows, bad, spoilt };
}

async function csvFile(file: MemberFile): Promise<Uint8Array> {
  const utf8 = writeCsv(
    file.headers,
    file.rows.map((row) => headers.map((h) => row[h] as CsvCell)),
  );
  // What Excel-FR's "CSV (séparateur : point-virgule)" saves: the ANSI code page, no BOM.
  const text = new TextDecoder().decode(utf8).replace(/^\uFEFF/, "");
  const bytes = iconv.encode(text, "windows-1252");
  if (iconv.decode(bytes, "windows-1252") !== text) throw new Error("the CSV has characters Windows-1252 lacks");
  return new Uint8Array(bytes);
}

async function xlsxFile(file: MemberFile): Promise<Uint8Array> {
  return writeXlsx(
    "Adhérents",
    file.headers,
    file.rows.map((row) => headers.map((h) => row[h] as XlsxCell)),
  );
}

// ---------------------------------------------------------------- databases

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";

interface BenchDatabase {
  database: Database;
  label: string;
  drop(): Promise<void>;
}

async function freshPostgres(keep: boolean): Promise<BenchDatabase> {
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
  const name = `grappe_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
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

// ---------------------------------------------------------------- statements

/** Time spent per kind of statement (its first words), counted while `traceStatements` is on. */
const statementTimes = new Map<string, { count: number; ms: number }>();

/** Times every statement drizzle sends, on PostgreSQL and on PGlite, by wrapping its prepared queries. */
function traceStatements() {
  for (const proto of [NodePgPreparedQuery.prototype, PglitePreparedQuery.prototype] as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >[]) {
    for (const method of ["execute", "all"]) {
      const original = proto[method];
      proto[method] = async function (this: { queryString: string }, ...args: unknown[]) {
        const started = performance.now();
        try {
          return await original.apply(this, args);
        } finally {
          const key = this.queryString.replace(/\s+/g, " ").replace(/\$\d+/g, "$").slice(0, 70);
          const entry = statementTimes.get(key) ?? { count: 0, ms: 0 };
          entry.count++;
          entry.ms += performance.now() - started;
          statementTimes.set(key, entry);
        }
      };
    }
  }
}

function printStatements() {
  const entries = [...statementTimes].sort((a, b) => b[1].ms - a[1].ms);
  const total = entries.reduce((sum, [, e]) => sum + e.ms, 0);
  console.log(`    statements: ${(total / 1000).toFixed(2)} s in ${entries.reduce((n, [, e]) => n + e.count, 0)}`);
  for (const [key, e] of entries.slice(0, 8))
    console.log(`      ${(e.ms / 1000).toFixed(2).padStart(6)} s  ${String(e.count).padStart(5)}×  ${key}`);
  statementTimes.clear();
}

/** What a cluster holds, and its history entries by kind (read as the owner, outside the timed import). */
async function holdings(db: Db, clusterId: string) {
  const count = (table: string, where = "") =>
    sql.raw(`(select count(*)::int from ${table} where cluster_id = '${clusterId}' ${where})`);
  const result = await db.execute<Record<string, number>>(sql`select
    ${count("members")} as "members", ${count("members", "and sponsor_id is not null")} as "sponsored",
    ${count("people")} as "people", ${count("dues")} as "dues",
    ${count("change_log", "and entity_type = 'member'")} as "memberEntries",
    ${count("change_log", "and entity_type = 'person'")} as "personEntries",
    ${count("change_log", "and entity_type = 'dues'")} as "duesEntries"`);
  const [row] = (result as unknown as { rows: Record<string, number>[] }).rows;
  return row as {
    members: number;
    sponsored: number;
    people: number;
    dues: number;
    memberEntries: number;
    personEntries: number;
    duesEntries: number;
  };
}

// ---------------------------------------------------------------- main

/** The target: 10 s for 5,000 rows, scaled for --rows. */
const TARGET_SECONDS_PER_5000 = 10;

interface Upload {
  format: "csv" | "xlsx";
  fileName: string;
  buffer: Uint8Array;
  spoilt: Set<number>;
}

/** Rejection reasons grouped by their first words ("Doublon de la ligne n du fichier", "Commune inconnue"…). */
function reasonSummary(rejected: { reasons: string[] }[]): string {
  const counts = new Map<string, number>();
  for (const r of rejected) {
    const key = r.reasons[0]
      .replace(/\s*[:«(].*$/, "")
      .replace(/\d+/g, "n")
      .slice(0, 40);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}

async function benchmark(kind: "postgres" | "pglite", options: Options, uploads: Upload[]): Promise<string[]> {
  const lines: string[] = [];
  const target = Number(((TARGET_SECONDS_PER_5000 * options.rows) / 5_000).toFixed(1));
  const bench = kind === "postgres" ? await freshPostgres(options.keep) : await freshPglite();
  try {
    console.log(`\n${bench.label}`);
    const { db } = bench.database;
    for (const upload of uploads) {
      const cluster = await createCluster(db, {
        slug: `import-${upload.format}`,
        name: `Import ${upload.format.toUpperCase()}`,
        homeCommune: "75056",
      });
      const ctx = { db, clusterId: cluster.id, actor: systemActor("import") };
      let heldAfterFirst: Awaited<ReturnType<typeof holdings>> | null = null;
      for (const pass of ["first", "again"] as const) {
        statementTimes.clear();
        const started = performance.now();
        const result = await importMembers(ctx, { buffer: upload.buffer, fileName: upload.fileName });
        const s = (performance.now() - started) / 1000;
        const head = `import  ${kind.padEnd(8)}  ${upload.format.padEnd(4)}  ${pass.padEnd(5)}  rows=${result.total}`;
        const timing = `${s.toFixed(1)} s  ${Math.round(result.total / s)} rows/s`;
        const counts = `created=${result.created} updated=${result.updated} unchanged=${result.unchanged} rejected=${result.rejected.length}`;
        const verdict =
          pass === "first"
            ? `target ≤ ${target} s: ${s <= target ? "PASS" : "MISS"}`
            : result.created === 0
              ? "created nothing: OK"
              : "created rows on re-import: WRONG";
        const line = `${head}  ${timing}  ${counts}  ${verdict}`;
        console.log(`  ${line}`);
        if (pass === "first") {
          // The header is row 1 of both files, so the i-th data row is row i + 2.
          const planted = (row: number) => upload.spoilt.has(row - 2);
          console.log(`    rejected (${upload.spoilt.size} spoilt): ${reasonSummary(result.rejected)}`);
          for (const r of result.rejected.filter((r) => !planted(r.row))) {
            console.log(`    rejected although not spoilt: row ${r.row}: ${r.reasons.join(" ; ")}`);
          }
          const caught = new Set(result.rejected.map((r) => r.row - 2));
          const missed = [...upload.spoilt].filter((i) => !caught.has(i));
          if (missed.length) console.log(`    spoilt but accepted: rows ${missed.map((i) => i + 2).join(", ")}`);
        }
        // Each member, person and dues written has its history entry; a re-import writes nothing at all.
        const held = await holdings(db, cluster.id);
        const shown = Object.entries(held)
          .map(([k, n]) => `${k}=${n}`)
          .join(" ");
        const complete =
          held.memberEntries === held.members && held.personEntries === held.people && held.duesEntries === held.dues;
        const verdictHeld =
          pass === "first"
            ? `an entry per member, person and dues: ${complete ? "OK" : "WRONG"}`
            : `unchanged: ${JSON.stringify(held) === JSON.stringify(heldAfterFirst) ? "OK" : "WRONG"}`;
        console.log(`    written: ${shown}  ${verdictHeld}`);
        heldAfterFirst = held;
        if (options.statements) printStatements();
        lines.push(line);
      }
    }
  } finally {
    await bench.drop();
  }
  return lines;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.statements) traceStatements();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  console.log(`Import benchmark: ${options.rows} rows, seed ${options.seed}`);
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);
  const [cluster] = generateClusters({ clusters: 1, companies: options.rows, seed: options.seed });
  const uploads: Upload[] = [];
  for (const format of ["csv", "xlsx"] as const) {
    const file = memberFile(cluster.members, options.seed, format === "xlsx");
    const buffer = format === "csv" ? await csvFile(file) : await xlsxFile(file);
    uploads.push({ format, fileName: `adherents-${cluster.slug}.${format}`, buffer, spoilt: file.spoilt });
    console.log(
      `${format.toUpperCase()} file: ${file.rows.length} rows, ${(buffer.byteLength / 1024 / 1024).toFixed(1)} MB, ` +
        `${file.spoilt.size} spoilt (${[...file.bad].map(([k, n]) => `${k} ${n}`).join(", ")})`,
    );
  }
  // The commune register and its name index load on first use, once per process: not part of an import's cost.
  const warm = performance.now();
  findCommune({ postcode: "42000", name: "Saint-Étienne" });
  console.log(`Commune reference loaded in ${((performance.now() - warm) / 1000).toFixed(1)} s (once per process)`);
  const lines: string[] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    if (!options.only || options.only === kind) lines.push(...(await benchmark(kind, options, uploads)));
  }
  console.log(`\nResults (load average at the end ${load()}):`);
  for (const line of lines) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
