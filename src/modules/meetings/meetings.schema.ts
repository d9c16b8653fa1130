import { sql } from "drizzle-orm";
import {
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
import { events } from "../events/events.schema.js";
import { members, people } from "../members/members.schema.js";

/** draft → requests_open → requests_closed → scheduled → published → held. */
export const MEETING_PHASES = ["draft", "requests_open", "requests_closed", "scheduled", "published", "held"] as const;
export type MeetingPhase = (typeof MEETING_PHASES)[number];

/** A pause of the day over grid slots `from…to` (inclusive): no meeting is placed there. */
export interface MeetingPause {
  label: string;
  from: number;
  to: number;
}
export interface MeetingCategory {
  code: string;
  label: string;
}

/**
 * The business-meeting configuration of an event of kind `business_meetings`.
 * The day is a grid of `slotCount` slots of `slotMinutes` from `startTime`
 * (Paris wall clock, on the event's date); pause slots hold no meeting.
 * `allowedPairs` lists the category pairs that may meet (unordered); empty =
 * anyone may meet anyone.
 */
export const meetingDays = pgTable(
  "meeting_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    phase: text("phase").$type<MeetingPhase>().notNull().default("draft"),
    startTime: text("start_time").notNull(),
    slotMinutes: integer("slot_minutes").notNull(),
    slotCount: integer("slot_count").notNull(),
    pauses: jsonb("pauses").$type<MeetingPause[]>().notNull().default([]),
    /** Numbered tables; null = no limit (every meeting at a stand or free seating). */
    tables: integer("tables"),
    categories: jsonb("categories").$type<MeetingCategory[]>().notNull().default([]),
    allowedPairs: jsonb("allowed_pairs").$type<[string, string][]>().notNull().default([]),
    timeLimitSeconds: integer("time_limit_seconds").notNull().default(10),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("meeting_days_event").on(t.eventId), tenantPolicy("meeting_days")],
).enableRLS();

export type ParticipantStatus = "active" | "cancelled";

/**
 * Someone taking part: a member company's person (memberId, personId, userId
 * who manages the profile) or a guest (no member). `availableFrom/To` are grid
 * slots (inclusive); a fixed `stand` means their meetings are held there.
 */
export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    dayId: uuid("day_id")
      .notNull()
      .references(() => meetingDays.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").references(() => members.id, { onDelete: "set null" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    userId: text("user_id"),
    name: text("name").notNull(),
    company: text("company").notNull(),
    email: text("email"),
    phone: text("phone"),
    category: text("category"),
    offers: text("offers").notNull().default(""),
    seeks: text("seeks").notNull().default(""),
    tradeCodes: text("trade_codes").array().notNull().default(sql`'{}'::text[]`),
    availableFrom: integer("available_from"),
    availableTo: integer("available_to"),
    stand: text("stand"),
    status: text("status").$type<ParticipantStatus>().notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("meeting_participants_day_member").on(t.dayId, t.memberId).where(sql`member_id is not null`),
    index("meeting_participants_day").on(t.clusterId, t.dayId),
    index("meeting_participants_user").on(t.clusterId, t.userId),
    tenantPolicy("meeting_participants"),
  ],
).enableRLS();

export type MeetingRequestStatus = "pending" | "accepted" | "declined" | "withdrawn";

/** A wish to meet: `fromId` asks `toId`; priority 1 (must) … 3 (if possible) sets the weight. */
export const meetingRequests = pgTable(
  "meeting_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    dayId: uuid("day_id")
      .notNull()
      .references(() => meetingDays.id, { onDelete: "cascade" }),
    fromId: uuid("from_id")
      .notNull()
      .references(() => meetingParticipants.id, { onDelete: "cascade" }),
    toId: uuid("to_id")
      .notNull()
      .references(() => meetingParticipants.id, { onDelete: "cascade" }),
    priority: smallint("priority").notNull(),
    status: text("status").$type<MeetingRequestStatus>().notNull().default("pending"),
    /** Set by staff: accepted on both sides' behalf, weighed as a must. */
    forced: boolean("forced").notNull().default(false),
    message: text("message"),
    createdBy: text("created_by"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("meeting_requests_pair").on(t.dayId, t.fromId, t.toId),
    index("meeting_requests_day").on(t.clusterId, t.dayId, t.status),
    tenantPolicy("meeting_requests"),
  ],
).enableRLS();

export type MeetingScheduleStatus = "draft" | "published" | "superseded";

/** One run of the scheduler (or of the re-planner) over the day, as the exchange format and its figures. */
export const meetingSchedules = pgTable(
  "meeting_schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    dayId: uuid("day_id")
      .notNull()
      .references(() => meetingDays.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: text("kind").$type<"schedule" | "replan">().notNull(),
    status: text("status").$type<MeetingScheduleStatus>().notNull().default("draft"),
    /** The Instance the run was given (docs format), so anyone can re-check the schedule. */
    instance: jsonb("instance").notNull(),
    schedule: jsonb("schedule").notNull(),
    weight: doublePrecision("weight").notNull(),
    upperBound: doublePrecision("upper_bound").notNull(),
    breaks: integer("breaks").notNull(),
    /** Scheduler figures: seconds, bound method, dropped pairs, re-plan kept/removed/added. */
    stats: jsonb("stats").notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [unique("meeting_schedules_version").on(t.dayId, t.version), tenantPolicy("meeting_schedules")],
).enableRLS();

/**
 * A meeting of one schedule: grid slot, numbered table or a participant's
 * stand, and what happened ("held?", "follow-up expected?", null until told).
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    dayId: uuid("day_id")
      .notNull()
      .references(() => meetingDays.id, { onDelete: "cascade" }),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => meetingSchedules.id, { onDelete: "cascade" }),
    aId: uuid("a_id")
      .notNull()
      .references(() => meetingParticipants.id, { onDelete: "cascade" }),
    bId: uuid("b_id")
      .notNull()
      .references(() => meetingParticipants.id, { onDelete: "cascade" }),
    slot: integer("slot").notNull(),
    tableNumber: integer("table_number"),
    stand: text("stand"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    weight: doublePrecision("weight").notNull(),
    held: boolean("held"),
    followUp: boolean("follow_up"),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
  },
  (t) => [
    index("meetings_schedule").on(t.clusterId, t.scheduleId, t.slot),
    index("meetings_starts").on(t.clusterId, t.startsAt),
    tenantPolicy("meetings"),
  ],
).enableRLS();
