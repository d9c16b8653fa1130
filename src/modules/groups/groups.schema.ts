import { date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { members, people } from "../members/members.schema.js";

/** The cluster's workstreams ("chantiers"), each led by a board member. */
export const WORKSTREAMS = [
  "innovation",
  "internal_performance",
  "business_development",
  "network_animation",
  "production_france",
  "communication",
  "governance",
  "training",
  "other",
] as const;
export type Workstream = (typeof WORKSTREAMS)[number];
export type WorkingGroupStatus = "active" | "closed";

export const workingGroups = pgTable(
  "working_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    theme: text("theme").notNull(),
    workstream: text("workstream").$type<Workstream>().notNull(),
    description: text("description"),
    /** A board member (a person flagged board member). */
    leaderPersonId: uuid("leader_person_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status").$type<WorkingGroupStatus>().notNull().default("active"),
    /** The common need it was opened from, if any. */
    originNeedId: uuid("origin_need_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("working_groups_cluster").on(t.clusterId, t.status), tenantPolicy("working_groups")],
).enableRLS();

export type GroupMembershipStatus = "invited" | "active" | "declined" | "left";

/** A member company in a working group (invited first when the group comes from a need). */
export const workingGroupMembers = pgTable(
  "working_group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status").$type<GroupMembershipStatus>().notNull().default("active"),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    leftAt: timestamp("left_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("working_group_members_group_member").on(t.groupId, t.memberId),
    index("working_group_members_member").on(t.clusterId, t.memberId),
    tenantPolicy("working_group_members"),
  ],
).enableRLS();

export type ActionStatus = "todo" | "in_progress" | "done" | "dropped";

/** A line of a working group's action plan. */
export const groupActions = pgTable(
  "group_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerMemberId: uuid("owner_member_id").references(() => members.id, { onDelete: "set null" }),
    ownerPersonId: uuid("owner_person_id").references(() => people.id, { onDelete: "set null" }),
    dueOn: date("due_on"),
    status: text("status").$type<ActionStatus>().notNull().default("todo"),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("group_actions_group").on(t.clusterId, t.groupId, t.position), tenantPolicy("group_actions")],
).enableRLS();
