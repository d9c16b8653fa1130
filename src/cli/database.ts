import { join, resolve } from "node:path";
import { type Database, openDatabase } from "../db/client.js";
import { DataDirLockedError, lockDataDir } from "../db/lock.js";
import { migrateDatabase } from "../db/migrate.js";
import { findClusterBySlug } from "../platform/clusters/clusters.service.js";
import { systemActor } from "../platform/permissions/permissions.js";
import type { ClusterContext } from "../server/context.js";
import { UsageError } from "./errors.js";

/**
 * The CLI works on the server's own database: DATABASE_URL, or the PGlite
 * directory under DATA_DIR (default ./data), which it locks first so that it
 * never opens a directory a running server holds.
 */
export async function withCliDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(process.env.DATA_DIR ?? "./data");
  let release: (() => Promise<void>) | null = null;
  if (!url) {
    try {
      release = await lockDataDir(dataDir, "cli");
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new UsageError(error.message, 3);
      throw error;
    }
  }
  const database = await openDatabase({ databaseUrl: url, dataDir: url ? undefined : join(dataDir, "pglite") });
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
    await release?.();
  }
}

export async function cliContext(database: Database, slug: string): Promise<ClusterContext> {
  const cluster = await findClusterBySlug(database.db, slug);
  if (!cluster)
    throw new UsageError(`Unknown cluster "${slug}". Check --cluster (the slug in the web address, e.g. "demo").`);
  const who = process.env.USER ?? "cli";
  return { db: database.db, clusterId: cluster.id, actor: { ...systemActor(`Ligne de commande (${who})`) } };
}
