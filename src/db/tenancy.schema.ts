import { sql } from "drizzle-orm";
import { pgPolicy, pgRole, uuid } from "drizzle-orm/pg-core";

/**
 * The non-owner role every tenant-scoped transaction runs as, so that row-level
 * security applies (the owner and PGlite's superuser bypass it). Created by the
 * hand-written first migration, idempotently: drizzle-kit's CREATE ROLE would fail
 * on a second database of the same server.
 */
export const appUser = pgRole("app_user").existing();

const currentCluster = sql`nullif(current_setting('app.cluster_id', true), '')::uuid`;

/** RLS policy of every tenant-owned table: rows of the transaction's cluster only. */
export function tenantPolicy(table: string) {
  return pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appUser,
    using: sql`cluster_id = ${currentCluster}`,
    withCheck: sql`cluster_id = ${currentCluster}`,
  });
}

/** The cluster_id column of a tenant-owned table. */
export const clusterIdColumn = () => uuid("cluster_id").notNull();
