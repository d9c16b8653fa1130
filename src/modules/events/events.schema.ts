import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { members, people } from "../members/members.schema.js";

export const EVENT_KINDS = [
  "breakfast",
  "thematic_lunch",
  "company_visit",
  "afterwork",
  "business_corner",
  "peer_challenge",
  "training",
  "webinar",
  "trade_show",
  "general_assembly",
  "working_group_meeting",
  "business_meetings",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** Who may see and register: the cluster's members only, members of partner clusters too, or anyone. */
export type EventAudience = "members" | "partners" | "public";
export type EventStatus = "draft" | "published" | "cancelled";
/** One step of the timing every meeting follows ("08:00 accueil", "08:15 tour de table"…). */
export interface TimingStep {
  at: string;
  label: string;
}

/**
 * An event, or a series of them when `rrule` is set (RFC 5545 RRULE, e.g.
 * "FREQ=MONTHLY;BYDAY=1TH" for the first Thursday of every month). Times are
 * wall-clock Europe/Paris; `startsAt` is the first occurrence.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    kind: text("kind").$type<EventKind>().notNull(),
    title: text("title").notNull(),
    description: text("description"),
    agenda: text("agenda"),
    expectedResult: text("expected_result"),
    timing: jsonb("timing").$type<TimingStep[]>().notNull().default([]),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    rrule: text("rrule"),
    addressLine: text("address_line"),
    postcode: text("postcode"),
    communeInsee: text("commune_insee"),
    town: text("town"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    onlineUrl: text("online_url"),
    hostMemberId: uuid("host_member_id").references(() => members.id, { onDelete: "set null" }),
    audience: text("audience").$type<EventAudience>().notNull().default("members"),
    /** Seats per occurrence; null = unlimited. */
    capacity: integer("capacity"),
    /** At most this many confirmed seats per member company; null = no limit. */
    seatsPerCompany: integer("seats_per_company"),
    status: text("status").$type<EventStatus>().notNull().default("published"),
    /** Set when the event is a meeting of a working group. */
    workingGroupId: uuid("working_group_id"),
    createdBy: text("created_by"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_cluster_start").on(t.clusterId, t.startsAt),
    index("events_group").on(t.clusterId, t.workingGroupId),
    tenantPolicy("events"),
  ],
).enableRLS();

export type OccurrenceStatus = "scheduled" | "cancelled";

/**
 * One dated occurrence of an event (a single event has one). Registrations,
 * check-in, feedback and minutes belong to an occurrence. `originalStart` is
 * the start the rule produced (the iCalendar RECURRENCE-ID); `startsAt`
 * differs when the occurrence was moved.
 */
export const eventOccurrences = pgTable(
  "event_occurrences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    originalStart: timestamp("original_start", { withTimezone: true }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status").$type<OccurrenceStatus>().notNull().default("scheduled"),
    /** Name of the French public holiday falling on that day, if any (shown as a warning). */
    holiday: text("holiday"),
    cancelReason: text("cancel_reason"),
    minutes: text("minutes"),
    results: text("results"),
    /** Set once the day-before reminders went out. */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("event_occurrences_event_original").on(t.eventId, t.originalStart),
    index("event_occurrences_cluster_start").on(t.clusterId, t.startsAt),
    tenantPolicy("event_occurrences"),
  ],
).enableRLS();

export type RegistrationStatus = "confirmed" | "waiting" | "cancelled";

/**
 * A seat (or a place on the waiting list) at one occurrence, for a person of a
 * member company or a guest (a prospect: no member). `seq` is the arrival order
 * that the waiting list follows.
 */
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    occurrenceId: uuid("occurrence_id")
      .notNull()
      .references(() => eventOccurrences.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    memberId: uuid("member_id").references(() => members.id, { onDelete: "set null" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    userId: text("user_id"),
    name: text("name").notNull(),
    /** Lower-cased; one active registration per email and occurrence. */
    email: text("email").notNull(),
    /** For a guest: the company they come from. */
    company: text("company"),
    isGuest: boolean("is_guest").notNull().default(false),
    status: text("status").$type<RegistrationStatus>().notNull(),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    feedbackRating: smallint("feedback_rating"),
    feedbackComment: text("feedback_comment"),
    feedbackAt: timestamp("feedback_at", { withTimezone: true }),
    /** Secret of the guest's links (cancel, feedback) sent by email. */
    token: text("token").notNull(),
  },
  (t) => [
    uniqueIndex("registrations_active_email").on(t.occurrenceId, t.email).where(sql`status <> 'cancelled'`),
    index("registrations_occurrence_status").on(t.occurrenceId, t.status, t.seq),
    index("registrations_member").on(t.clusterId, t.memberId),
    index("registrations_user").on(t.clusterId, t.userId),
    uniqueIndex("registrations_token").on(t.token),
    tenantPolicy("registrations"),
  ],
).enableRLS();

/** The secret URL of a person's private calendar feed (their registrations). */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    userId: text("user_id").notNull(),
    token: text("token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("calendar_feeds_cluster_user").on(t.clusterId, t.userId),
    uniqueIndex("calendar_feeds_token").on(t.token),
    tenantPolicy("calendar_feeds"),
  ],
).enableRLS();
