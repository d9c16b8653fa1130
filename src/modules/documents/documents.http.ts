import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../server/context.js";
import { invalid } from "../../server/errors.js";
import type { DocumentKind } from "./documents.schema.js";
import { MAX_DOCUMENT_BYTES } from "./documents.service.js";

/** HTTP helpers shared by the modules that take documents (events, working groups). */

export const DocumentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi("Document");

/** The multipart body of an upload, for the OpenAPI document. */
export const documentUploadBody = (kinds: readonly [string, ...string[]]) => ({
  content: {
    "multipart/form-data": {
      schema: z.object({
        file: z.any().openapi({ type: "string", format: "binary" }),
        title: z.string().optional(),
        kind: z.enum(kinds).optional(),
      }),
    },
  },
  required: true,
});

/** Reads `file`, `title` and `kind` from a multipart request; 422 naming the field when one is missing or wrong. */
export async function readDocumentUpload<K extends DocumentKind>(
  c: Context<AppEnv>,
  kinds: readonly K[],
  defaultKind: K,
) {
  const length = Number(c.req.header("content-length") ?? 0);
  if (length > MAX_DOCUMENT_BYTES + 64 * 1024)
    throw invalid([{ field: "file", message: "Fichier trop volumineux (10 Mo au plus)" }]);
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw invalid([{ field: "file", message: "Envoyez le fichier en multipart/form-data (champ « file »)" }]);
  }
  const file = form.file;
  if (!(file instanceof File)) throw invalid([{ field: "file", message: "Joignez un fichier (champ « file »)" }]);
  const kind = typeof form.kind === "string" && form.kind ? form.kind : defaultKind;
  if (!(kinds as readonly string[]).includes(kind))
    throw invalid([{ field: "kind", message: `Type de document attendu : ${kinds.join(", ")}` }]);
  return {
    kind: kind as K,
    title: typeof form.title === "string" ? form.title : null,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  };
}

/** A stored document as a download: its type, an attachment disposition with an RFC 5987 UTF-8 name, no sniffing. */
export function documentDownload(
  c: Context<AppEnv>,
  document: { fileName: string; contentType: string; content: Uint8Array },
) {
  const ascii = document.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return c.body(document.content as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": document.contentType,
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  });
}
