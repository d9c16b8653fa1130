import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../auth/auth.schema.js";
import { clusterRoles, clusters } from "./clusters.schema.js";

export interface StaffUser {
  userId: string;
  name: string;
}

/** The cluster's staff accounts (who may be assigned a follow-up), by name. */
export async function staffOfCluster(db: Db, clusterId: string): Promise<StaffUser[]> {
  return db
    .select({ userId: users.id, name: users.name })
    .from(clusterRoles)
    .innerJoin(users, eq(users.id, clusterRoles.userId))
    .where(and(eq(clusterRoles.clusterId, clusterId), eq(clusterRoles.role, "staff")))
    .orderBy(users.name);
}

/** Names of users by id (a follow-up's assignee may have lost their role since; their name stays readable). */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Merges `patch` into the cluster's settings (per-cluster parameters such as `churnMonths`); returns them all. */
export async function updateClusterSettings(db: Db, clusterId: string, patch: Record<string, unknown>) {
  const [row] = await db
    .update(clusters)
    .set({ settings: sql`${clusters.settings} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(clusters.id, clusterId))
    .returning({ settings: clusters.settings });
  return row.settings;
}
