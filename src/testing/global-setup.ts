import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, pgliteExtensions } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";

/** Migrates one PGlite once per run and dumps it; each test file loads a copy (≈1 s instead of ≈7 s). */
export default async function setup() {
  if (process.env.DATABASE_URL) return;
  const dir = join(process.cwd(), ".tmp");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tar.gz`);
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  await migrateDatabase(await openDatabase({ pglite }));
  const dump = await pglite.dumpDataDir("gzip");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  process.env.GRAPPE_PGLITE_TEMPLATE = file;
}
