import { z } from "@hono/zod-openapi";
import { errorResponses } from "../../modules/members/members.contract.js";
import { defineRoute } from "../../server/route.js";

const statuses = ["pending", "sent", "failed", "held"] as const;

const AttachmentSchema = z.object({ filename: z.string(), contentType: z.string(), sizeBytes: z.number() });

export const OutboxMessageSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe("confirmation, waiting, promotion, cancelled_by_organiser, moved, reminder…"),
    toAddress: z.string(),
    toName: z.string().nullable(),
    subject: z.string(),
    status: z.enum(statuses).describe("pending: to send; sent; failed: gave up; held: no SMTP server configured"),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    attempts: z.number(),
    lastError: z.string().nullable(),
    attachments: z.array(AttachmentSchema),
  })
  .openapi("OutboxMessage");

export const OutboxMessageDetailSchema = OutboxMessageSchema.extend({
  text: z.string(),
  html: z.string().nullable(),
}).openapi("OutboxMessageDetail");

const slugParam = z.object({ slug: z.string().min(1).max(60) });
const messageParams = slugParam.extend({ messageId: z.string().uuid("Identifiant de message invalide") });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const listOutbox = defineRoute("outbox.read", {
  method: "get",
  path: "/clusters/{slug}/outbox",
  tags: ["outbox"],
  summary: "The emails the cluster sent or holds, newest first",
  request: {
    params: slugParam,
    query: z.object({
      status: z.enum(statuses).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
  },
  responses: {
    200: json(
      z.object({
        messages: z.array(OutboxMessageSchema),
        total: z.number(),
        delivery: z.enum(["smtp", "held"]).describe("held: no SMTP server configured, messages are only kept here"),
      }),
      "A page of messages",
    ),
    ...errorResponses,
  },
});

export const getOutboxMessage = defineRoute("outbox.read", {
  method: "get",
  path: "/clusters/{slug}/outbox/{messageId}",
  tags: ["outbox"],
  summary: "One email with its text and HTML",
  request: { params: messageParams },
  responses: { 200: json(OutboxMessageDetailSchema, "The message"), ...errorResponses },
});

export const getOutboxAttachment = defineRoute("outbox.read", {
  method: "get",
  path: "/clusters/{slug}/outbox/{messageId}/attachments/{index}",
  tags: ["outbox"],
  summary: "One attachment of an email (e.g. its .ics)",
  request: { params: messageParams.extend({ index: z.coerce.number().int().min(0).max(50) }) },
  responses: { 200: { description: "The file" }, ...errorResponses },
});
