import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { members } from "../members/members.schema.js";

export type NeedStatus = "open" | "merged" | "group_opened" | "closed";

/** A question or need a member posts for the others ("who else struggles with…?"). */
export const needs = pgTable(
  "needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").references(() => members.id, { onDelete: "set null" }),
    authorUserId: text("author_user_id"),
    authorLabel: text("author_label").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    status: text("status").$type<NeedStatus>().notNull().default("open"),
    /** When staff merged it into a similar need. */
    mergedIntoId: uuid("merged_into_id"),
    workingGroupId: uuid("working_group_id"),
    /** Staff chose not to open a group for now; the proposal stays hidden. */
    proposalDismissedAt: timestamp("proposal_dismissed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("needs_cluster_status").on(t.clusterId, t.status, t.createdAt), tenantPolicy("needs")],
).enableRLS();

/** "Me too": another member company shares the need. One per company and need. */
export const needSupporters = pgTable(
  "need_supporters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    authorLabel: text("author_label").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("need_supporters_need_member").on(t.needId, t.memberId),
    index("need_supporters_member").on(t.clusterId, t.memberId),
    tenantPolicy("need_supporters"),
  ],
).enableRLS();
