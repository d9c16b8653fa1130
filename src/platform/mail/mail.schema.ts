import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}
/** pending: to send; sent; failed: gave up after retries; held: no SMTP configured, read in the outbox. */
export type MailStatus = "pending" | "sent" | "failed" | "held";

/**
 * Every email the platform writes, queued in the same transaction as the change
 * that caused it (transactional outbox), then sent by SMTP when configured.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    attachments: jsonb("attachments").$type<MailAttachment[]>().notNull().default([]),
    /** Makes a message idempotent (e.g. one reminder per registration). */
    dedupeKey: text("dedupe_key"),
    relatedId: uuid("related_id"),
    status: text("status").$type<MailStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_cluster_created").on(t.clusterId, t.createdAt),
    index("outbox_status").on(t.status, t.createdAt),
    uniqueIndex("outbox_dedupe").on(t.clusterId, t.dedupeKey),
    tenantPolicy("outbox"),
  ],
).enableRLS();
