import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { members, people } from "../members/members.schema.js";

export type ContactKind = "call" | "visit" | "email" | "meeting";

/** A contact the staff had with a member: a call, a visit, an email, a meeting. */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn().references(() => clusters.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    kind: text("kind").$type<ContactKind>().notNull(),
    happenedAt: timestamp("happened_at", { withTimezone: true }).notNull(),
    summary: text("summary").notNull(),
    staffUserId: text("staff_user_id"),
    staffLabel: text("staff_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contacts_member").on(t.clusterId, t.memberId, t.happenedAt), tenantPolicy("contacts")],
).enableRLS();

/** A follow-up task from a contact (or on its own): "call back about the CSR diagnostic by 12/03". */
export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    kind: text("kind").$type<ContactKind>().notNull().default("call"),
    dueOn: date("due_on").notNull(),
    assigneeUserId: text("assignee_user_id"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("follow_ups_due").on(t.clusterId, t.doneAt, t.dueOn), tenantPolicy("follow_ups")],
).enableRLS();
