import { sql } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * Runs `work` in one transaction as the non-owner role `app_user` with the
 * cluster set, so PostgreSQL's row-level security hides and refuses every
 * other cluster's rows, behind the services' own `cluster_id` filters.
 * Keep the work short: PGlite is one connection.
 */
export async function withTenant<T>(db: Db, clusterId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.cluster_id', ${clusterId}, true), set_config('role', 'app_user', true)`,
    );
    return work(tx as unknown as Db);
  });
}
