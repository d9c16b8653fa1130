import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { trades } from "../../modules/members/members.schema.js";
import { mechanicalTrades } from "../../modules/members/trades.seed.js";
import { type ClusterRole, clusterRoles, clusters } from "./clusters.schema.js";

export type Cluster = typeof clusters.$inferSelect;

export async function findClusterBySlug(db: Db, slug: string): Promise<Cluster | undefined> {
  const [cluster] = await db.select().from(clusters).where(eq(clusters.slug, slug));
  return cluster;
}

export async function listClusters(db: Db): Promise<Cluster[]> {
  return db.select().from(clusters).orderBy(clusters.name);
}

/** Creates a tenant with the mechanical trades taxonomy to start from. */
export async function createCluster(
  db: Db,
  input: { slug: string; name: string; description?: string; homeCommune?: string },
): Promise<Cluster> {
  const [cluster] = await db.insert(clusters).values(input).returning();
  await withTenant(db, cluster.id, (tx) =>
    tx
      .insert(trades)
      .values(mechanicalTrades.map((trade, position) => ({ ...trade, position, clusterId: cluster.id }))),
  );
  return cluster;
}

export async function roleInCluster(db: Db, userId: string, clusterId: string) {
  const [row] = await db
    .select({ role: clusterRoles.role, memberId: clusterRoles.memberId })
    .from(clusterRoles)
    .where(and(eq(clusterRoles.userId, userId), eq(clusterRoles.clusterId, clusterId)));
  return row;
}

export async function grantRole(
  db: Db,
  input: { clusterId: string; userId: string; role: ClusterRole; memberId?: string | null },
): Promise<void> {
  await db
    .insert(clusterRoles)
    .values({ ...input, memberId: input.memberId ?? null })
    .onConflictDoUpdate({
      target: [clusterRoles.clusterId, clusterRoles.userId],
      set: { role: input.role, memberId: input.memberId ?? null },
    });
}

/** The clusters a user may open, with their role in each (a platform admin sees all). */
export async function clustersOfUser(db: Db, userId: string, platformAdmin: boolean) {
  if (platformAdmin) {
    const all = await listClusters(db);
    return all.map((c) => ({ slug: c.slug, name: c.name, role: "staff" as ClusterRole, memberId: null }));
  }
  return db
    .select({ slug: clusters.slug, name: clusters.name, role: clusterRoles.role, memberId: clusterRoles.memberId })
    .from(clusterRoles)
    .innerJoin(clusters, eq(clusters.id, clusterRoles.clusterId))
    .where(eq(clusterRoles.userId, userId))
    .orderBy(clusters.name);
}
