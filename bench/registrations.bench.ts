/**
 * Registrations under load, over HTTP, against the real server.
 *
 * 1. Prepares a database (fresh PGlite directory, or a fresh PostgreSQL database `grappe_bench_<timestamp>`):
 *    one cluster, member companies with --users signed-up member accounts, --events one-off events of
 *    --capacity seats each (optionally --per-company seats per company), through the services.
 * 2. Starts the real server (`src/server/main.ts` under tsx, as e2e/global-setup.ts does) on a random port
 *    on that database, and signs every user in over HTTP (their session cookies).
 * 3. Loads `POST /api/clusters/{slug}/occurrences/{id}/registrations` with autocannon: every user registers
 *    for every event (one event after the other, so all concurrent requests contend for the same seats), plus
 *    --duplicates of repeated clicks that must answer 409. Prints throughput (req/s) and latency (p50, p95,
 *    p99) and the answers by status.
 * 4. Stops the server and checks in the database: no occurrence has more confirmed seats than its capacity
 *    (nor a company more than its per-company limit), no one is registered twice, every free seat went to
 *    the waiting list, and whoever waits arrived after whoever holds a seat (no per-company limit).
 *
 *   npm run bench:registrations -- [--postgres] [--users=200] [--events=10] [--capacity=50] [--per-company=N]
 *                                  [--connections=50] [--duplicates=0.1] [--order=hot|spread] [--keep]
 *
 * PGlite by default; PostgreSQL with --postgres or when DATABASE_URL is set (the fresh database is created on
 * BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, and dropped unless --keep).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { type Database, databaseVersion, openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { withTenant } from "../src/db/tenant.js";
import { eventOccurrences, events, registrations } from "../src/modules/events/events.schema.js";
import { createEvent } from "../src/modules/events/events.service.js";
import { people } from "../src/modules/members/members.schema.js";
import { createMember } from "../src/modules/members/members.service.js";
import { createAuth } from "../src/platform/auth/auth.js";
import { createUserWithPassword } from "../src/platform/auth/users.service.js";
import { createCluster, grantRole } from "../src/platform/clusters/clusters.service.js";
import { systemActor } from "../src/platform/permissions/permissions.js";

interface Options {
  postgres: boolean;
  users: number;
  events: number;
  capacity: number;
  perCompany: number | null;
  connections: number;
  duplicates: number;
  /** hot: one event after the other (every request in flight wants the same seats); spread: events interleaved. */
  order: "hot" | "spread";
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    postgres: Boolean(process.env.DATABASE_URL),
    users: 200,
    events: 10,
    capacity: 50,
    perCompany: null,
    connections: 50,
    duplicates: 0.1,
    order: "hot",
    keep: false,
  };
  const positive = (name: string, value: string) => {
    const n = Number(value.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive integer, not "${value}"`);
    return n;
  };
  for (const arg of argv) {
    const [, name, value = ""] = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg) ?? [];
    if (name === "postgres") options.postgres = true;
    else if (name === "pglite") options.postgres = false;
    else if (name === "users") options.users = positive(name, value);
    else if (name === "events") options.events = positive(name, value);
    else if (name === "capacity") options.capacity = positive(name, value);
    else if (name === "per-company") options.perCompany = positive(name, value);
    else if (name === "connections") options.connections = positive(name, value);
    else if (name === "duplicates") options.duplicates = Math.max(0, Number(value));
    else if (name === "order" && (value === "hot" || value === "spread")) options.order = value;
    else if (name === "keep") options.keep = true;
    else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

const ROOT = new URL("..", import.meta.url).pathname;
const SECRET = "bench-secret-bench-secret-bench-secret!!";
const PASSWORD = "password-123";
const USERS_PER_COMPANY = 10;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

// ---------------------------------------------------------------- database

interface Target {
  label: string;
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function prepareTarget(options: Options): Promise<Target> {
  if (options.postgres) {
    const url =
      process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `grappe_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const benchUrl = new URL(url);
    benchUrl.pathname = `/${name}`;
    return {
      label: `PostgreSQL, database ${name}`,
      env: { DATABASE_URL: benchUrl.toString() },
      open: () => openDatabase({ databaseUrl: benchUrl.toString(), poolSize: 4 }),
      cleanup: async () => {
        if (options.keep) return console.log(`kept ${benchUrl}  (drop database ${name} with (force);)`);
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dataDir = mkdtempSync(join(os.tmpdir(), "grappe-bench-"));
  return {
    label: `PGlite, ${dataDir}`,
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir: join(dataDir, "pglite") }),
    cleanup: async () => {
      if (options.keep) return console.log(`kept ${dataDir}`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Fixture {
  slug: string;
  clusterId: string;
  users: { email: string; memberId: string }[];
  occurrences: { id: string; eventId: string }[];
}

async function setUp(database: Database, options: Options): Promise<Fixture> {
  const { db } = database;
  await migrateDatabase(database);
  const auth = createAuth({ db, secret: SECRET, baseURL: "http://localhost", secureCookies: false });
  const slug = `bench${Date.now().toString(36)}`;
  const cluster = await createCluster(db, { slug, name: "Grappe du banc d'essai", homeCommune: "42218" });
  const ctx = { db, clusterId: cluster.id, actor: systemActor("bench") };
  const users: Fixture["users"] = [];
  const companies = Math.ceil(options.users / USERS_PER_COMPANY);
  for (let c = 0; c < companies; c++) {
    const member = await createMember(ctx, { legalName: `Entreprise ${c + 1} du banc` });
    const inThis = Math.min(USERS_PER_COMPANY, options.users - c * USERS_PER_COMPANY);
    const created = await Promise.all(
      Array.from({ length: inThis }, async (_, i) => {
        const email = `u${c + 1}-${i + 1}@entreprise${c + 1}.bench`;
        const { id } = await createUserWithPassword(auth, {
          name: `Personne ${c + 1}-${i + 1}`,
          email,
          password: PASSWORD,
        });
        await grantRole(db, { clusterId: cluster.id, userId: id, role: "member", memberId: member.id });
        return { email, userId: id, memberId: member.id as string, i };
      }),
    );
    await withTenant(db, cluster.id, (tx) =>
      tx.insert(people).values(
        created.map((u) => ({
          clusterId: cluster.id,
          memberId: u.memberId,
          firstName: "Personne",
          lastName: `${c + 1}-${u.i + 1}`,
          email: u.email,
          userId: u.userId,
        })),
      ),
    );
    users.push(...created.map(({ email, memberId }) => ({ email, memberId })));
  }
  const occurrences: Fixture["occurrences"] = [];
  for (let e = 0; e < options.events; e++) {
    const detail = await createEvent(ctx, {
      kind: "breakfast",
      title: `Petit-déjeuner ${e + 1}`,
      startsAt: new Date(Date.now() + (7 + e) * 86_400_000).toISOString(),
      durationMinutes: 90,
      communeInsee: "42218",
      audience: "members",
      capacity: options.capacity,
      seatsPerCompany: options.perCompany,
    });
    occurrences.push({ id: detail.occurrences[0].id, eventId: detail.id });
  }
  return { slug, clusterId: cluster.id, users, occurrences };
}

// ---------------------------------------------------------------- server

async function startServer(target: Target) {
  const port = 3100 + Math.floor(Math.random() * 800);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, target.env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "development",
    GRAPPE_DEMO: "off",
    BETTER_AUTH_SECRET: SECRET,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const server: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/server/main.ts")],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server stopped:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The server did not start in time:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

// ---------------------------------------------------------------- load

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

async function hammer(url: string, fixture: Fixture, cookies: string[], options: Options) {
  // Every (user, occurrence) pair once; "hot": one occurrence after the other, so all the requests in flight
  // contend for the same seats (a popular breakfast, the worst case); "spread": occurrences interleaved.
  // Then repeated clicks of earlier pairs.
  const pairs: [number, number][] = [];
  const [users, occurrences] = [cookies.length, fixture.occurrences.length];
  if (options.order === "hot") for (let o = 0; o < occurrences; o++) for (let u = 0; u < users; u++) pairs.push([u, o]);
  else for (let u = 0; u < users; u++) for (let o = 0; o < occurrences; o++) pairs.push([u, o]);
  const repeats = Math.round(pairs.length * options.duplicates);
  const interleaved = [...pairs];
  for (let i = 0; i < repeats; i++) interleaved.push(pairs[(i * 7919) % pairs.length]);
  let next = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        amount: interleaved.length,
        timeout: 60,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const [u, o] = interleaved[next++ % interleaved.length];
              request.path = `/api/clusters/${fixture.slug}/occurrences/${fixture.occurrences[o].id}/registrations`;
              request.headers = {
                ...request.headers,
                cookie: cookies[u],
                origin: url,
                "content-type": "application/json",
              };
              request.body = "{}";
              return request;
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(Math.round(responseTime));
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { result, latencies, statuses, seconds, expected: { created: pairs.length, duplicates: repeats } };
}

// ---------------------------------------------------------------- checks

async function verify(database: Database, fixture: Fixture, options: Options) {
  const { db } = database;
  const problems: string[] = [];
  const perOccurrence = await db
    .select({
      occurrenceId: registrations.occurrenceId,
      capacity: events.capacity,
      confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')::int`,
      waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waiting')::int`,
      maxConfirmedSeq: sql<
        number | null
      >`max(${registrations.seq}) filter (where ${registrations.status} = 'confirmed')`,
      minWaitingSeq: sql<number | null>`min(${registrations.seq}) filter (where ${registrations.status} = 'waiting')`,
    })
    .from(registrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, registrations.occurrenceId))
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(eq(registrations.clusterId, fixture.clusterId))
    .groupBy(registrations.occurrenceId, events.capacity);
  for (const o of perOccurrence) {
    if (o.capacity !== null && o.confirmed > o.capacity)
      problems.push(`occurrence ${o.occurrenceId}: ${o.confirmed} confirmed for ${o.capacity} seats`);
    if (o.waiting > 0 && options.perCompany === null && o.capacity !== null && o.confirmed < o.capacity)
      problems.push(`occurrence ${o.occurrenceId}: ${o.capacity - o.confirmed} free seats while ${o.waiting} wait`);
    if (
      options.perCompany === null &&
      o.maxConfirmedSeq !== null &&
      o.minWaitingSeq !== null &&
      Number(o.maxConfirmedSeq) > Number(o.minWaitingSeq)
    )
      problems.push(`occurrence ${o.occurrenceId}: someone waits who arrived before someone seated`);
  }
  const duplicates = await db
    .select({ occurrenceId: registrations.occurrenceId, email: registrations.email, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.clusterId, fixture.clusterId), sql`${registrations.status} <> 'cancelled'`))
    .groupBy(registrations.occurrenceId, registrations.email)
    .having(sql`count(*) > 1`);
  for (const d of duplicates) problems.push(`${d.email} registered ${d.n} times at ${d.occurrenceId}`);
  if (options.perCompany !== null) {
    const over = await db
      .select({
        occurrenceId: registrations.occurrenceId,
        memberId: registrations.memberId,
        n: sql<number>`count(*)::int`,
      })
      .from(registrations)
      .where(and(eq(registrations.clusterId, fixture.clusterId), eq(registrations.status, "confirmed")))
      .groupBy(registrations.occurrenceId, registrations.memberId)
      .having(sql`count(*) > ${options.perCompany}`);
    for (const o of over) problems.push(`company ${o.memberId}: ${o.n} seats at ${o.occurrenceId}`);
  }
  const total = perOccurrence.reduce((sum, o) => sum + o.confirmed + o.waiting, 0);
  return { perOccurrence, problems, total };
}

// ---------------------------------------------------------------- main

async function main() {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `registrations bench: ${options.users} users × ${options.events} events of ${options.capacity} seats` +
      `${options.perCompany ? `, ${options.perCompany} per company` : ""}, ${options.connections} connections, ` +
      `${Math.round(options.duplicates * 100)} % repeated clicks, order ${options.order}; load average ${load()}`,
  );
  const target = await prepareTarget(options);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    let setupStarted = Date.now();
    let database = await target.open();
    const version = await databaseVersion(database.db);
    const fixture = await setUp(database, options);
    await database.close();
    console.log(
      `  ${target.label} (PostgreSQL ${version}): set up in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    setupStarted = Date.now();
    server = await startServer(target);
    const cookies = await inBatches(fixture.users, 8, (u) => signIn(server!.url, u.email));
    console.log(
      `  server ${server.url} started, ${cookies.length} users signed in in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    const run = await hammer(server.url, fixture, cookies, options);
    await server.stop();
    const { latencies, statuses, seconds, expected } = run;
    const count = latencies.length;
    const by = [...statuses.entries()]
      .sort()
      .map(([s, n]) => `${s}: ${n}`)
      .join(", ");
    console.log(
      `registrations  ${options.postgres ? "postgres" : "pglite  "}  ${options.order.padEnd(6)}  n=${count}  ${(count / seconds).toFixed(0)} req/s` +
        `  p50=${percentile(latencies, 50)} ms  p95=${percentile(latencies, 95)} ms  p99=${percentile(latencies, 99)} ms` +
        `  max=${latencies.at(-1)} ms  (${by}; autocannon: ${run.result.requests.average} req/s average, ${run.result.errors} errors, ${run.result.timeouts} timeouts)`,
    );

    database = await target.open();
    const check = await verify(database, fixture, options);
    await database.close();
    const confirmed = check.perOccurrence.reduce((s, o) => s + o.confirmed, 0);
    const waiting = check.perOccurrence.reduce((s, o) => s + o.waiting, 0);
    console.log(
      `  database: ${check.total} registrations (${confirmed} confirmed, ${waiting} waiting) over ${check.perOccurrence.length} occurrences; ` +
        `expected ${expected.created} created and ${expected.duplicates} answered 409`,
    );
    const statusOk = (statuses.get(201) ?? 0) === expected.created && (statuses.get(409) ?? 0) === expected.duplicates;
    if (check.total !== expected.created)
      check.problems.push(`${check.total} registrations stored, ${expected.created} expected`);
    if (!statusOk) check.problems.push(`answers ${by}, expected 201: ${expected.created}, 409: ${expected.duplicates}`);
    if (check.problems.length) {
      console.log(`  FAIL\n    ${check.problems.slice(0, 20).join("\n    ")}`);
      process.exitCode = 1;
    } else {
      console.log("  OK: no overbooking, no duplicate, free seats all given, waiting list in arrival order");
    }
    console.log(`  load average at the end ${load()}`);
  } catch (error) {
    if (server) console.error(server.output());
    throw error;
  } finally {
    await server?.stop();
    await target.cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
