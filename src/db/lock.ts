import { mkdirSync } from "node:fs";
import lockfile from "proper-lockfile";

/**
 * A PGlite data directory must be opened by one process only, or it corrupts.
 * The server holds this lock while it runs; the CLI takes it too, and refuses
 * with a clear message when a server holds it.
 */
export async function lockDataDir(dataDir: string, holder: "server" | "cli"): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, { lockfilePath: `${dataDir}/grappe.lock`, stale: 15_000, update: 5_000 });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") {
      throw new DataDirLockedError(
        holder === "cli"
          ? `The database in ${dataDir} is in use by a running Grappe server. Stop the server first (or point DATABASE_URL at PostgreSQL, which allows both).`
          : `The database in ${dataDir} is already in use by another Grappe process.`,
      );
    }
    throw error;
  }
}

export class DataDirLockedError extends Error {}
