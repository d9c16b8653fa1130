import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";

/** Every change to tenant data: who, when, what (field → [before, after]). */
export const changeLog = pgTable(
  "change_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    action: text("action").notNull(),
    actorUserId: text("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
  },
  (t) => [index("change_log_entity").on(t.clusterId, t.entityType, t.entityId, t.at), tenantPolicy("change_log")],
).enableRLS();
