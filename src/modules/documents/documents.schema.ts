import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clusterIdColumn, tenantPolicy } from "../../db/tenancy.schema.js";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** What a document is attached to: an event occurrence (minutes, results), a working group (deliverables), a buyer's need. */
export type DocumentOwner = "event_occurrence" | "working_group" | "opportunity";
export type DocumentKind = "minutes" | "results" | "deliverable" | "template" | "other";

/**
 * A file kept in the database (so PGlite's one directory and a PostgreSQL dump
 * hold everything); documents are small office files, capped by the service.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clusterId: clusterIdColumn(),
    ownerType: text("owner_type").$type<DocumentOwner>().notNull(),
    ownerId: uuid("owner_id").notNull(),
    kind: text("kind").$type<DocumentKind>().notNull().default("other"),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: text("uploaded_by"),
    uploadedByLabel: text("uploaded_by_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("documents_owner").on(t.clusterId, t.ownerType, t.ownerId), tenantPolicy("documents")],
).enableRLS();
