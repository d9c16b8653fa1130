import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid, notFound } from "../../server/errors.js";
import { type DocumentKind, type DocumentOwner, documents } from "./documents.schema.js";

/**
 * Files attached to an event occurrence (minutes, results) or to a working
 * group (deliverables, templates), kept in the database. The owning module
 * checks that the owner exists and that the caller may touch it; this module
 * checks the file and stores it, with its change_log entry.
 */

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_KINDS = ["minutes", "results", "deliverable", "template", "other"] as const;

/** Office, PDF, text and image files; anything else is refused (no executables, no HTML served back). */
const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  rtf: "application/rtf",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  zip: "application/zip",
};
export const ACCEPTED_EXTENSIONS = Object.keys(CONTENT_TYPES);

export interface DocumentFile {
  name: string;
  bytes: Uint8Array;
}

export interface NewDocument {
  ownerType: DocumentOwner;
  ownerId: string;
  kind: DocumentKind;
  title?: string | null;
  file: DocumentFile;
}

type DocumentRow = typeof documents.$inferSelect;
export type DocumentJson = ReturnType<typeof presentDocument>;

export function presentDocument(row: Omit<DocumentRow, "content">) {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedBy: row.uploadedByLabel,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return (
    base
      .split("")
      .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
      .join("")
      .trim()
      .slice(-200) || "document"
  );
}

/** Checks a file, title and kind; throws 422 naming the field. */
export function checkDocument(input: NewDocument) {
  const errors: { field: string; message: string }[] = [];
  const fileName = cleanFileName(input.file.name);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const contentType = CONTENT_TYPES[extension];
  if (input.file.bytes.byteLength === 0) errors.push({ field: "file", message: "Le fichier est vide" });
  else if (input.file.bytes.byteLength > MAX_DOCUMENT_BYTES)
    errors.push({ field: "file", message: "Fichier trop volumineux (10 Mo au plus)" });
  else if (!contentType)
    errors.push({
      field: "file",
      message: `Type de fichier non accepté (.${extension || "?"}) : ${ACCEPTED_EXTENSIONS.join(", ")}`,
    });
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind))
    errors.push({ field: "kind", message: `Type de document inconnu : ${DOCUMENT_KINDS.join(", ")}` });
  const title = (input.title ?? "").trim() || fileName.replace(/\.[^.]+$/, "");
  if (title.length > 200) errors.push({ field: "title", message: "Titre trop long (200 caractères au plus)" });
  if (errors.length) throw invalid(errors);
  return { fileName, contentType: contentType!, title };
}

/** Stores a checked document inside the caller's tenant transaction. */
export async function insertDocument(tx: Db, ctx: ClusterContext, input: NewDocument) {
  const { fileName, contentType, title } = checkDocument(input);
  const [row] = await tx
    .insert(documents)
    .values({
      clusterId: ctx.clusterId,
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      kind: input.kind,
      title,
      fileName,
      contentType,
      sizeBytes: input.file.bytes.byteLength,
      content: Buffer.from(input.file.bytes),
      uploadedBy: ctx.actor.userId,
      uploadedByLabel: ctx.actor.label,
    })
    .returning({
      id: documents.id,
      clusterId: documents.clusterId,
      ownerType: documents.ownerType,
      ownerId: documents.ownerId,
      kind: documents.kind,
      title: documents.title,
      fileName: documents.fileName,
      contentType: documents.contentType,
      sizeBytes: documents.sizeBytes,
      uploadedBy: documents.uploadedBy,
      uploadedByLabel: documents.uploadedByLabel,
      createdAt: documents.createdAt,
    });
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: input.ownerType,
    entityId: input.ownerId,
    action: "document.add",
    changes: { [`document ${row.id}`]: [null, `${title} (${fileName}, ${row.sizeBytes} o)`] },
  });
  return presentDocument(row);
}

/** Adds a document to an owner the caller has already checked. */
export async function addDocument(ctx: ClusterContext, input: NewDocument) {
  checkDocument(input);
  return withTenant(ctx.db, ctx.clusterId, (tx) => insertDocument(tx, ctx, input));
}

const listColumns = {
  id: documents.id,
  ownerType: documents.ownerType,
  ownerId: documents.ownerId,
  kind: documents.kind,
  title: documents.title,
  fileName: documents.fileName,
  contentType: documents.contentType,
  sizeBytes: documents.sizeBytes,
  uploadedBy: documents.uploadedBy,
  uploadedByLabel: documents.uploadedByLabel,
  createdAt: documents.createdAt,
  clusterId: documents.clusterId,
};

/** The documents of one owner, newest first, without their content (inside the caller's transaction). */
export async function documentsOf(tx: Db, clusterId: string, ownerType: DocumentOwner, ownerId: string) {
  const rows = await tx
    .select(listColumns)
    .from(documents)
    .where(and(eq(documents.clusterId, clusterId), eq(documents.ownerType, ownerType), eq(documents.ownerId, ownerId)))
    .orderBy(desc(documents.createdAt));
  return rows.map(presentDocument);
}

export async function listDocuments(ctx: ClusterContext, ownerType: DocumentOwner, ownerId: string) {
  return withTenant(ctx.db, ctx.clusterId, (tx) => documentsOf(tx, ctx.clusterId, ownerType, ownerId));
}

/** One document with its content (inside the caller's transaction); 404 unless it belongs to that owner. */
export async function findDocument(
  tx: Db,
  clusterId: string,
  ownerType: DocumentOwner,
  ownerId: string,
  documentId: string,
) {
  const [row] = await tx
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.clusterId, clusterId),
        eq(documents.ownerType, ownerType),
        eq(documents.ownerId, ownerId),
        eq(documents.id, documentId),
      ),
    );
  if (!row) throw notFound("Document");
  return { ...presentDocument(row), content: new Uint8Array(row.content) };
}

/** One document with its content, for a download. */
export async function getDocument(ctx: ClusterContext, ownerType: DocumentOwner, ownerId: string, documentId: string) {
  return withTenant(ctx.db, ctx.clusterId, (tx) => findDocument(tx, ctx.clusterId, ownerType, ownerId, documentId));
}

/** Deletes a document inside the caller's transaction, with its change_log entry; 404 unless it is that owner's. */
export async function removeDocument(
  tx: Db,
  ctx: ClusterContext,
  ownerType: DocumentOwner,
  ownerId: string,
  documentId: string,
) {
  const [row] = await tx
    .delete(documents)
    .where(
      and(
        eq(documents.clusterId, ctx.clusterId),
        eq(documents.ownerType, ownerType),
        eq(documents.ownerId, ownerId),
        eq(documents.id, documentId),
      ),
    )
    .returning({ id: documents.id, title: documents.title });
  if (!row) throw notFound("Document");
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: ownerType,
    entityId: ownerId,
    action: "document.delete",
    changes: { [`document ${row.id}`]: [row.title, null] },
  });
}

export async function deleteDocument(
  ctx: ClusterContext,
  ownerType: DocumentOwner,
  ownerId: string,
  documentId: string,
) {
  await withTenant(ctx.db, ctx.clusterId, (tx) => removeDocument(tx, ctx, ownerType, ownerId, documentId));
}
