import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** Both drivers produce a PgDatabase; services only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "postgres" | "pglite";

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Runs raw SQL (several statements allowed on PGlite, one on pg). */
  close(): Promise<void>;
  /** The PGlite instance, for cloning test templates. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string;
  /** Open a clone of an existing PGlite (tests). */
  pglite?: PGlite;
  poolSize?: number;
}

export const pgliteExtensions = { pg_trgm, unaccent };

export async function openPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Extensions must go in the options object: `new PGlite(undefined, {extensions})` ignores them.
  return PGlite.create({ dataDir, extensions: pgliteExtensions });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on("error", (error) => console.error("PostgreSQL pool error:", error.message));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { kind: "postgres", db, pool, close: () => pool.end() };
  }
  const client = options.pglite ?? (await openPglite(options.dataDir));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { kind: "pglite", db, pglite: client, close: () => client.close() };
}

export async function databaseVersion(db: Db): Promise<string> {
  const rows = await db.execute<{ server_version: string }>(sql`show server_version`);
  return (rows as unknown as { rows: { server_version: string }[] }).rows[0].server_version;
}
