import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { DirectoryQuerySchema, errorResponses } from "./members.contract.js";

const slugParam = z.object({ slug: z.string() });
const file = z.any().openapi({ type: "string", format: "binary", description: "An .xlsx or .csv file" });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const MappingSchema = z.record(
  z.string().regex(/^\d+$/, "Index de colonne attendu"),
  z
    .object({ field: z.string(), multiplier: z.number().positive().optional(), year: z.number().int().optional() })
    .nullable(),
);

const RejectedRowSchema = z.object({
  row: z.number(),
  reasons: z.array(z.string()),
  values: z.record(z.string(), z.string()),
});
export const ImportResultSchema = z
  .object({
    runId: z.string(),
    total: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.array(RejectedRowSchema),
  })
  .openapi("ImportResult");

export const previewImport = defineRoute("members.import", {
  method: "post",
  path: "/clusters/{slug}/imports/preview",
  tags: ["import"],
  summary: "Read a member file and suggest how its columns map to member fields; writes nothing",
  request: {
    params: slugParam,
    body: { content: { "multipart/form-data": { schema: z.object({ file }) } }, required: true },
  },
  responses: {
    200: json(z.record(z.string(), z.unknown()), "Columns, suggested mapping and a sample"),
    ...errorResponses,
  },
});

export const runImport = defineRoute("members.import", {
  method: "post",
  path: "/clusters/{slug}/imports",
  tags: ["import"],
  summary: "Import members: every row is imported or reported with its reasons",
  request: {
    params: slugParam,
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({
            file,
            mapping: z
              .string()
              .optional()
              .describe("JSON: column index → { field, multiplier?, year? } or null; default: the suggestion"),
            onExisting: z
              .enum(["update", "reject"])
              .optional()
              .describe("A row matching a member (SIREN or name): update it, or report it"),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ImportResultSchema, "Import report"), ...errorResponses },
});

export const listImports = defineRoute("members.import", {
  method: "get",
  path: "/clusters/{slug}/imports",
  tags: ["import"],
  summary: "Past imports",
  request: { params: slugParam },
  responses: { 200: json(z.object({ runs: z.array(z.record(z.string(), z.unknown())) }), "Runs"), ...errorResponses },
});

export const rejectedRows = defineRoute("members.import", {
  method: "get",
  path: "/clusters/{slug}/imports/{runId}/rejected",
  tags: ["import"],
  summary: "Download an import's rejected rows with their reasons, to fix and import again",
  request: {
    params: slugParam.extend({ runId: z.string().uuid() }),
    query: z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") }),
  },
  responses: { 200: { description: "The file" }, ...errorResponses },
});

export const exportMembers = defineRoute("members.export", {
  method: "get",
  path: "/clusters/{slug}/members/export",
  tags: ["members"],
  summary: "Export the directory view (same filters) as CSV or XLSX",
  request: {
    params: slugParam,
    query: DirectoryQuerySchema.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") }),
  },
  responses: { 200: { description: "The file" }, ...errorResponses },
});
