import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export type MemberKind = "company" | "school" | "lab" | "public_body" | "partner";
export type MembershipStatus = "prospect" | "member" | "former";
export type SizeClass = "micro" | "sme" | "midcap" | "large";
export type Visibility = "staff" | "members" | "public";
/** Field groups whose visibility a member chooses. Identity (name, town, trades) is always seen by members. */
export type FieldGroup = "profile" | "contact" | "figures" | "equipment";
export type VisibilityMap = Record<FieldGroup, Visibility>;

export const members = pgTable(
  "members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    kind: text("kind").$type<MemberKind>().notNull().default("company"),
    legalName: text("legal_name").notNull(),
    tradeName: text("trade_name"),
    siren: text("siren"),
    siret: text("siret"),
    nafCode: text("naf_code"),
    nafVersion: text("naf_version"),
    headcount: integer("headcount"),
    turnoverEur: bigint("turnover_eur", { mode: "number" }),
    sizeClass: text("size_class").$type<SizeClass>(),
    addressLine: text("address_line"),
    postcode: text("postcode"),
    communeInsee: text("commune_insee"),
    town: text("town"),
    department: text("department"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    website: text("website"),
    email: text("email"),
    phone: text("phone"),
    description: text("description"),
    /** Codes of the cluster's trades taxonomy (stable across clusters, so federated search can facet on them). */
    tradeCodes: text("trade_codes").array().notNull().default(sql`'{}'::text[]`),
    certifications: text("certifications").array().notNull().default(sql`'{}'::text[]`),
    equipment: text("equipment").array().notNull().default(sql`'{}'::text[]`),
    status: text("status").$type<MembershipStatus>().notNull().default("member"),
    joinedOn: date("joined_on"),
    leftOn: date("left_on"),
    leaveReason: text("leave_reason"),
    sponsorId: uuid("sponsor_id"),
    visibility: jsonb("visibility").$type<VisibilityMap>().notNull(),
    /** Names, description, trades and town, kept by the service; the tsvector below is derived from it. */
    searchText: text("search_text").notNull().default(""),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('public.fr_unaccent'::regconfig, search_text)`,
    ),
    /** Name normalised for duplicate detection on import (lower case, no accents, no legal form). */
    nameKey: text("name_key").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("members_cluster_status").on(t.clusterId, t.status),
    index("members_search").using("gin", t.searchVector),
    index("members_cluster_siren").on(t.clusterId, t.siren),
    index("members_cluster_name_key").on(t.clusterId, t.nameKey),
    index("members_cluster_geo").on(t.clusterId, t.lat, t.lon),
    index("members_cluster_department").on(t.clusterId, t.department),
    index("members_certifications").using("gin", t.certifications),
    index("members_trade_codes").using("gin", t.tradeCodes),
    tenantPolicy("members"),
  ],
).enableRLS();

/** The trades taxonomy of a cluster: seeded with the mechanical value chain, extended by staff. */
export const trades = pgTable(
  "trades",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("trades_cluster_code").on(t.clusterId, t.code), tenantPolicy("trades")],
).enableRLS();

/** A person of a member company. `listed` is their consent to appear in the directory. */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    firstName: text("first_name"),
    lastName: text("last_name"),
    jobTitle: text("job_title"),
    email: text("email"),
    phone: text("phone"),
    listed: boolean("listed").notNull().default(false),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    isMainContact: boolean("is_main_contact").notNull().default(false),
    /** Sits on the cluster's board ("administrateur"): may lead a workstream and its working group. */
    isBoardMember: boolean("is_board_member").notNull().default(false),
    userId: text("user_id"),
    /** Set when the person's identifying data was erased (GDPR art. 17); the row stays for anonymous counts. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("people_member").on(t.clusterId, t.memberId), tenantPolicy("people")],
).enableRLS();

/** Yearly dues of a member. */
export const dues = pgTable(
  "dues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    amountCents: integer("amount_cents").notNull(),
    paidOn: date("paid_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("dues_member_year").on(t.memberId, t.year), tenantPolicy("dues")],
).enableRLS();

/** An import run: kept so that its rejected rows can be downloaded later. */
export const importRuns = pgTable(
  "import_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    fileName: text("file_name").notNull(),
    actorLabel: text("actor_label").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    created: integer("created").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
    rejected: jsonb("rejected").$type<{ row: number; reasons: string[]; values: Record<string, string> }[]>().notNull(),
    headers: text("headers").array().notNull(),
  },
  (t) => [index("import_runs_cluster").on(t.clusterId, t.at), tenantPolicy("import_runs")],
).enableRLS();
