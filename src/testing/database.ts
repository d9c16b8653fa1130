import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, openDatabase, pgliteExtensions } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";

/**
 * Integration tests run on the database the environment names: PostgreSQL
 * when DATABASE_URL is set (a fresh database per test file, dropped after),
 * PGlite otherwise (a clone of a template migrated once per run by globalSetup).
 */
export const testDatabaseKind = process.env.DATABASE_URL ? "postgres" : "pglite";

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `grappe_t_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: 20 });
    await migrateDatabase(database);
    return {
      database,
      drop: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const template = process.env.GRAPPE_PGLITE_TEMPLATE;
  let pglite: PGlite;
  if (template && existsSync(template)) {
    pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]), extensions: pgliteExtensions });
  } else {
    pglite = await PGlite.create({ extensions: pgliteExtensions });
  }
  const database = await openDatabase({ pglite });
  await migrateDatabase(database); // a no-op on the migrated template
  return { database, drop: () => database.close() };
}
