import { date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { funders } from "../funding/funding.schema.js";

/**
 * The staff's text for one section of an activity report, kept per year and funder (null funder: the
 * general report), so a regenerated report keeps what was written.
 */
export const reportNarratives = pgTable(
  "report_narratives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    funderId: uuid("funder_id").references(() => funders.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    body: text("body").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("report_narratives_section").on(t.clusterId, t.year, t.funderId, t.section).nullsNotDistinct(),
    tenantPolicy("report_narratives"),
  ],
).enableRLS();

/** A newsletter sent to the members (the mail outbox holds transactional mail, not campaigns). */
export const newsletters = pgTable(
  "newsletters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    sentOn: date("sent_on").notNull(),
    title: text("title").notNull(),
    recipients: integer("recipients"),
    url: text("url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("newsletters_cluster_sent").on(t.clusterId, t.sentOn), tenantPolicy("newsletters")],
).enableRLS();
