import { sql } from "drizzle-orm";
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { members } from "../members/members.schema.js";

export const FUNDER_KINDS = ["metropolis", "region", "department", "state", "eu", "cci", "other"] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

/** A body that funds the cluster or its members: a metropolis, a region, the state, the EU, a CCI. */
export const funders = pgTable(
  "funders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").$type<FunderKind>().notNull().default("other"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("funders_cluster_name").on(t.clusterId, t.name), tenantPolicy("funders")],
).enableRLS();

/**
 * A public funding call ("appel à projets") members may answer. Empty size classes, NAF codes or departments
 * mean "any". NAF codes are prefixes: "25" is the whole division, "25.62A" one subclass.
 */
export const fundingCalls = pgTable(
  "funding_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    funderId: uuid("funder_id").references(() => funders.id, { onDelete: "set null" }),
    /** The funder as named on the call (Bpifrance, ADEME…), recorded funder or not. */
    funderName: text("funder_name").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
    sizeClasses: text("size_classes").array().notNull().default(sql`'{}'::text[]`),
    nafCodes: text("naf_codes").array().notNull().default(sql`'{}'::text[]`),
    departments: text("departments").array().notNull().default(sql`'{}'::text[]`),
    opensOn: date("opens_on"),
    closesOn: date("closes_on").notNull(),
    url: text("url"),
    /** Days before the closing date the reminder goes out to the members notified. */
    reminderDays: integer("reminder_days").notNull().default(7),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("funding_calls_cluster_closes").on(t.clusterId, t.closesOn), tenantPolicy("funding_calls")],
).enableRLS();

/** A member told about a call (one per call and member), so the reminder reaches the same members. */
export const fundingCallNotices = pgTable(
  "funding_call_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    callId: uuid("call_id")
      .notNull()
      .references(() => fundingCalls.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    notifiedAt: timestamp("notified_at", { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [unique("funding_call_notices_call_member").on(t.callId, t.memberId), tenantPolicy("funding_call_notices")],
).enableRLS();

/** A grant the cluster received: "20 000 € for 2024, convention n°…, budget line INUM/SUFLI/65748". */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    funderId: uuid("funder_id")
      .notNull()
      .references(() => funders.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    agreementRef: text("agreement_ref"),
    budgetLine: text("budget_line"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("grants_cluster_period").on(t.clusterId, t.periodStart), tenantPolicy("grants")],
).enableRLS();

/** What a funded action's actual figure is computed from (see reports/indicators.ts). */
export const INDICATORS = [
  "programme_members",
  "support_cases",
  "events_held",
  "event_attendance",
  "working_groups",
  "working_group_meetings",
  "business_meetings",
  "opportunities",
  "newsletters",
  "new_members",
  "members_at_end",
  "staff_contacts",
] as const;
export type Indicator = (typeof INDICATORS)[number];
/** Narrows an indicator: the programme, the event kinds, words the event titles contain. */
export interface IndicatorFilter {
  programmeId?: string;
  eventKinds?: string[];
  titleContains?: string;
}

/** An action a grant funds, with its target: "at least 20 members in CSR diagnostics". */
export const grantActions = pgTable(
  "grant_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    indicator: text("indicator").$type<Indicator>().notNull(),
    filter: jsonb("filter").$type<IndicatorFilter>().notNull().default({}),
    target: integer("target").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("grant_actions_grant").on(t.clusterId, t.grantId, t.position), tenantPolicy("grant_actions")],
).enableRLS();
