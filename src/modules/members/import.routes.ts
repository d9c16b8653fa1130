import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../server/context.js";
import { invalid, zodFields } from "../../server/errors.js";
import { exportMembers } from "./export.service.js";
import { memberImportFields } from "./import/columns.js";
import * as contract from "./import.contract.js";
import { importMembers, listImportRuns, type Mapping, previewImport, rejectedRowsFile } from "./import.service.js";
import { clusterContext } from "./members.routes.js";

const MAX_BYTES = 20 * 1024 * 1024;

async function uploadedFile(c: Context<AppEnv>) {
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File))
    throw invalid([{ field: "file", message: "Joignez un fichier .xlsx ou .csv (champ « file »)" }]);
  if (file.size === 0) throw invalid([{ field: "file", message: "Le fichier est vide" }]);
  if (file.size > MAX_BYTES) throw invalid([{ field: "file", message: "Fichier trop volumineux (20 Mo au plus)" }]);
  return { form, file, buffer: new Uint8Array(await file.arrayBuffer()) };
}

function parseMapping(text: unknown): Mapping | undefined {
  if (text === undefined || text === "") return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(String(text));
  } catch {
    throw invalid([{ field: "mapping", message: "Correspondance des colonnes illisible (JSON attendu)" }]);
  }
  const parsed = contract.MappingSchema.safeParse(raw);
  if (!parsed.success) throw invalid(zodFields(parsed.error).map((f) => ({ ...f, field: `mapping.${f.field}` })));
  for (const [index, column] of Object.entries(parsed.data)) {
    if (column && !(memberImportFields as readonly string[]).includes(column.field)) {
      throw invalid([{ field: `mapping.${index}`, message: `Champ inconnu : ${column.field}` }]);
    }
  }
  return parsed.data as Mapping;
}

function download(c: Context<AppEnv>, file: { body: Uint8Array; fileName: string; type: string }) {
  return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": file.type,
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
  });
}

export function importRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.previewImport, async (c) => {
    const { file, buffer } = await uploadedFile(c);
    return c.json(await previewImport(buffer, file.name), 200);
  });
  app.openapi(contract.runImport, async (c) => {
    const { form, file, buffer } = await uploadedFile(c);
    const onExisting = form.onExisting === "reject" ? "reject" : "update";
    const result = await importMembers(clusterContext(c), {
      buffer,
      fileName: file.name,
      mapping: parseMapping(form.mapping),
      onExisting,
    });
    return c.json(result, 200);
  });
  app.openapi(contract.listImports, async (c) => c.json({ runs: await listImportRuns(clusterContext(c)) }, 200));
  app.openapi(contract.rejectedRows, async (c) =>
    download(c, await rejectedRowsFile(clusterContext(c), c.req.valid("param").runId, c.req.valid("query").format)),
  );
  app.openapi(contract.exportMembers, async (c) => {
    const { format, ...query } = c.req.valid("query");
    return download(c, await exportMembers(clusterContext(c), query, format));
  });
}
