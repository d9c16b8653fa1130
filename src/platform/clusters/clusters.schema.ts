import { index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/auth.schema.js";

/** A cluster is a tenant. Its own row is platform data (no RLS): the slug is resolved before a tenant is known. */
export const clusters = pgTable("clusters", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  /** INSEE code of the commune the cluster's radius defaults to (e.g. 42218 Saint-Étienne). */
  homeCommune: text("home_commune"),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ClusterRole = "staff" | "member" | "funder";

/**
 * A user's role in one cluster. `member` users belong to one member company
 * (member_id) and may edit only that company.
 */
export const clusterRoles = pgTable(
  "cluster_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: uuid("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<ClusterRole>().notNull(),
    memberId: uuid("member_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("cluster_roles_user_cluster").on(t.clusterId, t.userId), index("cluster_roles_user").on(t.userId)],
);
