import { bigint, boolean, date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { fundingCalls } from "../funding/funding.schema.js";
import { members } from "../members/members.schema.js";

/** The programmes every cluster starts with (DOMAIN.md §6); staff add their own (code null). */
export const STANDARD_PROGRAMMES = [
  "csr_diagnostic",
  "carbon_assessment",
  "cybersecurity_diagnostic",
  "strategic_audit_360",
  "group_purchasing",
  "hr_employer_brand",
] as const;
export type StandardProgramme = (typeof STANDARD_PROGRAMMES)[number];

/** A support programme members enrol in: a CSR diagnostic with a partner, a group-purchasing platform… */
export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    code: text("code"),
    name: text("name").notNull(),
    description: text("description"),
    /** The usual partner body (FACE Loire, CCI, Qantis…); an enrolment may name another. */
    partnerBody: text("partner_body"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("programmes_cluster_code").on(t.clusterId, t.code), tenantPolicy("programmes")],
).enableRLS();

export const ENROLMENT_STATUSES = ["enrolled", "in_progress", "completed", "dropped"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** A member company in a programme: since when, how far, with what outcome and which partner. */
export const programmeEnrolments = pgTable(
  "programme_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    enrolledOn: date("enrolled_on").notNull(),
    /** When it was completed or dropped; null while it goes on. */
    endedOn: date("ended_on"),
    status: text("status").$type<EnrolmentStatus>().notNull().default("enrolled"),
    outcome: text("outcome"),
    partnerBody: text("partner_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("programme_enrolments_once").on(t.programmeId, t.memberId, t.enrolledOn),
    index("programme_enrolments_member").on(t.clusterId, t.memberId),
    tenantPolicy("programme_enrolments"),
  ],
).enableRLS();

export const SUPPORT_CASE_STATUSES = ["preparing", "submitted", "granted", "refused", "abandoned"] as const;
export type SupportCaseStatus = (typeof SUPPORT_CASE_STATUSES)[number];

/** A member helped on a funding application ("accompagnement"): the call, the amount asked and obtained. */
export const supportCases = pgTable(
  "support_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    callId: uuid("call_id").references(() => fundingCalls.id, { onDelete: "set null" }),
    /** The call as named when it is not one recorded here ("AAP Région Industrie du futur"). */
    callLabel: text("call_label"),
    openedOn: date("opened_on").notNull(),
    status: text("status").$type<SupportCaseStatus>().notNull().default("preparing"),
    amountAskedCents: bigint("amount_asked_cents", { mode: "number" }),
    amountObtainedCents: bigint("amount_obtained_cents", { mode: "number" }),
    partnerBody: text("partner_body"),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_cases_cluster_opened").on(t.clusterId, t.openedOn), tenantPolicy("support_cases")],
).enableRLS();
