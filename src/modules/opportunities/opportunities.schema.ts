import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import { members } from "../members/members.schema.js";

export const OPPORTUNITY_STAGES = ["lead", "qualified", "team_formed", "bid_sent", "won", "lost"] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
/** Where a lead came from: the public showcase, staff themselves, or a member passing it to another. */
export type OpportunitySource = "showcase" | "staff" | "referral";

/**
 * A buyer's need and its way through the pipeline: lead → qualified → team formed → bid sent → won / lost.
 * The need (steps from the trades taxonomy, certifications, site) is what the consortium builder answers.
 */
export const opportunities = pgTable(
  "opportunities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    stage: text("stage").$type<OpportunityStage>().notNull().default("lead"),
    source: text("source").$type<OpportunitySource>().notNull(),
    buyerCompany: text("buyer_company"),
    buyerContact: text("buyer_contact"),
    buyerEmail: text("buyer_email"),
    buyerPhone: text("buyer_phone"),
    /** Trade codes of the cluster's taxonomy, in the order of the chain. */
    steps: text("steps").array().notNull().default(sql`'{}'::text[]`),
    certifications: text("certifications").array().notNull().default(sql`'{}'::text[]`),
    volumes: text("volumes"),
    deadline: date("deadline"),
    siteCommuneInsee: text("site_commune_insee"),
    siteTown: text("site_town"),
    siteLat: doublePrecision("site_lat"),
    siteLon: doublePrecision("site_lon"),
    maxTravelMinutes: integer("max_travel_minutes").notNull().default(120),
    /** Estimated value while open; the bid's amount once sent; the order's once won. */
    amountCents: bigint("amount_cents", { mode: "number" }),
    bidSentOn: date("bid_sent_on"),
    /** The day it was won or lost. */
    closedOn: date("closed_on"),
    lossReason: text("loss_reason"),
    qualifiedAt: timestamp("qualified_at", { withTimezone: true }),
    /** The confirmed leader, who takes the order. */
    leaderMemberId: uuid("leader_member_id").references(() => members.id, { onDelete: "set null" }),
    /** Companies that declined to join this bid: never proposed for it again. */
    declinedMemberIds: uuid("declined_member_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** A lead one member passed to another ("prescription"). */
    referredByMemberId: uuid("referred_by_member_id").references(() => members.id, { onDelete: "set null" }),
    referredToMemberId: uuid("referred_to_member_id").references(() => members.id, { onDelete: "set null" }),
    createdByUserId: text("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("opportunities_cluster_stage").on(t.clusterId, t.stage, t.updatedAt),
    index("opportunities_cluster_referral").on(t.clusterId, t.referredToMemberId),
    tenantPolicy("opportunities"),
  ],
).enableRLS();

/**
 * suggested: computed, waiting for staff; invited: picked, members asked; confirmed: every member accepted;
 * declined: a member refused (the next proposal follows); superseded: replaced by a newer computation.
 */
export type ProposalStatus = "suggested" | "invited" | "confirmed" | "declined" | "superseded";

/** A team the consortium builder proposed for an opportunity, kept as it was proposed. */
export const consortiumProposals = pgTable(
  "consortium_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    /** Which computation it belongs to (1, 2, … per opportunity) and its rank there (1 = best). */
    round: integer("round").notNull(),
    rank: integer("rank").notNull(),
    leaderMemberId: uuid("leader_member_id").notNull(),
    memberIds: uuid("member_ids").array().notNull(),
    /** step (trade code) → member id. */
    assignments: jsonb("assignments").$type<Record<string, string>>().notNull(),
    travelMinutes: integer("travel_minutes").notNull(),
    optimal: boolean("optimal").notNull().default(false),
    fairness: boolean("fairness").notNull().default(false),
    status: text("status").$type<ProposalStatus>().notNull().default("suggested"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consortium_proposals_opportunity").on(t.clusterId, t.opportunityId, t.round, t.rank),
    tenantPolicy("consortium_proposals"),
  ],
).enableRLS();

export type InvitationStatus = "invited" | "accepted" | "declined" | "withdrawn";

/**
 * A member company asked to join a picked proposal (as its leader or for its steps). Its creation is what
 * "proposed" means for the fairness count: how many invitations a company received in the last 12 months.
 */
export const consortiumInvitations = pgTable(
  "consortium_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => consortiumProposals.id, { onDelete: "cascade" }),
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    isLeader: boolean("is_leader").notNull().default(false),
    steps: text("steps").array().notNull(),
    status: text("status").$type<InvitationStatus>().notNull().default("invited"),
    comment: text("comment"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredByUserId: text("answered_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("consortium_invitations_proposal_member").on(t.proposalId, t.memberId),
    index("consortium_invitations_member").on(t.clusterId, t.memberId, t.createdAt),
    tenantPolicy("consortium_invitations"),
  ],
).enableRLS();

/** Business two member companies declare they did together: the figure funders ask for, per year. */
export const businessDeals = pgTable(
  "business_deals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    /** The company that declared it and the other one. */
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    partnerMemberId: uuid("partner_member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    doneOn: date("done_on").notNull(),
    description: text("description"),
    opportunityId: uuid("opportunity_id").references(() => opportunities.id, { onDelete: "set null" }),
    declaredByUserId: text("declared_by_user_id"),
    declaredByLabel: text("declared_by_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("business_deals_cluster_done").on(t.clusterId, t.doneOn), tenantPolicy("business_deals")],
).enableRLS();

/**
 * One row per need submitted on the public showcase, to rate-limit by sender (a SHA-256 of the cluster and
 * the client address, never the address itself); rows older than a day are deleted as new ones arrive.
 */
export const showcaseSubmissions = pgTable(
  "showcase_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    senderKey: text("sender_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("showcase_submissions_sender").on(t.clusterId, t.senderKey, t.createdAt),
    tenantPolicy("showcase_submissions"),
  ],
).enableRLS();
