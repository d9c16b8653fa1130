import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "../members/members.contract.js";

export const contactKinds = ["call", "visit", "email", "meeting"] as const;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day (2025-02-30 is refused), as YYYY-MM-DD. */
export const isoDay = z
  .string()
  .regex(DATE_ONLY, { error: "Date attendue au format AAAA-MM-JJ", abort: true })
  .refine((v) => {
    const day = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
  }, "Cette date n'existe pas");
/** A day (YYYY-MM-DD, taken at noon Paris time) or an ISO 8601 date-time with its offset. */
const dayOrInstant = z
  .string()
  .refine(
    (v) =>
      DATE_ONLY.test(v) ? isoDay.safeParse(v).success : /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
    "Date attendue au format AAAA-MM-JJ ou date-heure ISO 8601",
  );
const uuid = (message: string) => z.string().uuid(message);

export const FollowUpInputSchema = z
  .object({
    title: z.string().trim().min(1, "L'intitulé de la relance est obligatoire").max(300),
    kind: z.enum(contactKinds).default("call"),
    dueOn: isoDay.describe("The day it is due (YYYY-MM-DD)"),
    assigneeUserId: z.string().min(1).max(100).nullish().describe("A staff user of the cluster; default: oneself"),
  })
  .openapi("FollowUpInput");
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

export const FollowUpPatchSchema = z
  .object({
    title: z.string().trim().min(1, "L'intitulé de la relance est obligatoire").max(300).optional(),
    kind: z.enum(contactKinds).optional(),
    dueOn: isoDay.optional(),
    assigneeUserId: z.string().min(1).max(100).nullish(),
    done: z.boolean().optional().describe("true marks it done (now), false reopens it"),
  })
  .openapi("FollowUpPatch");
export type FollowUpPatch = z.infer<typeof FollowUpPatchSchema>;

export const ContactInputSchema = z
  .object({
    kind: z.enum(contactKinds, "Type de contact attendu : call, visit, email ou meeting"),
    happenedAt: dayOrInstant.describe("When it happened: a day or a date-time; not in the future"),
    personId: uuid("Identifiant de personne invalide").nullish().describe("The person of the member spoken to"),
    summary: z.string().trim().min(1, "Le compte rendu est obligatoire").max(5000),
    followUp: FollowUpInputSchema.nullish().describe("A follow-up task to create with it"),
  })
  .openapi("ContactInput");
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactPatchSchema = z
  .object({
    kind: z.enum(contactKinds).optional(),
    happenedAt: dayOrInstant.optional(),
    personId: uuid("Identifiant de personne invalide").nullish(),
    summary: z.string().trim().min(1, "Le compte rendu est obligatoire").max(5000).optional(),
  })
  .openapi("ContactPatch");
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

const Ref = z.object({ id: z.string(), name: z.string() });
export const FollowUpSchema = z
  .object({
    id: z.string(),
    member: Ref,
    contactId: z.string().nullable(),
    title: z.string(),
    kind: z.enum(contactKinds),
    dueOn: z.string(),
    assignee: Ref.nullable(),
    doneAt: z.string().nullable(),
    /** Open and due before today (Paris time). */
    overdue: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("FollowUp");

export const ContactSchema = z
  .object({
    id: z.string(),
    memberId: z.string(),
    kind: z.enum(contactKinds),
    happenedAt: z.string(),
    summary: z.string(),
    person: Ref.nullable(),
    staff: z.object({ userId: z.string().nullable(), name: z.string() }),
    followUps: z.array(FollowUpSchema),
    createdAt: z.string(),
  })
  .openapi("Contact");

export const ContactLogSchema = z
  .object({
    contacts: z.array(ContactSchema),
    /** Open follow-ups by due date, then the done ones, latest first. */
    followUps: z.array(FollowUpSchema),
    lastContactAt: z.string().nullable(),
  })
  .openapi("ContactLog");

export const ToCallSchema = z
  .object({
    today: z.string(),
    soonDays: z.number(),
    churnMonths: z.number(),
    overdue: z.array(FollowUpSchema),
    dueSoon: z.array(FollowUpSchema),
    churnRisk: z.array(
      z.object({
        member: Ref,
        town: z.string().nullable(),
        joinedOn: z.string().nullable(),
        lastParticipationAt: z.string().nullable(),
        lastContactAt: z.string().nullable(),
        mainContact: z
          .object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })
          .nullable(),
      }),
    ),
  })
  .openapi("ToCall");

export const ToCallQuerySchema = z.object({
  soonDays: z.coerce.number().int().min(0).max(90).default(14).describe("Follow-ups due within this many days"),
  assignee: z.enum(["me", "all"]).default("all").describe("'me': only the caller's follow-ups"),
});
export type ToCallQuery = z.infer<typeof ToCallQuerySchema>;

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const memberParams = slugParam.extend({ id: uuid("Identifiant de membre invalide") });
const contactParams = slugParam.extend({ contactId: uuid("Identifiant de contact invalide") });
const followUpParams = slugParam.extend({ followUpId: uuid("Identifiant de relance invalide") });

export const memberContactLog = defineRoute("contacts.manage", {
  method: "get",
  path: "/clusters/{slug}/members/{id}/contacts",
  tags: ["contacts"],
  summary: "A member's contact log: calls, visits, emails and meetings with staff, and its follow-ups",
  request: { params: memberParams },
  responses: { 200: json(ContactLogSchema, "The log, latest first"), ...errorResponses },
});

export const createContact = defineRoute("contacts.manage", {
  method: "post",
  path: "/clusters/{slug}/members/{id}/contacts",
  tags: ["contacts"],
  summary: "Record a contact with a member (and optionally a follow-up task)",
  request: { params: memberParams, body: body(ContactInputSchema) },
  responses: { 201: json(ContactSchema, "Recorded"), ...errorResponses },
});

export const updateContact = defineRoute("contacts.manage", {
  method: "patch",
  path: "/clusters/{slug}/contacts/{contactId}",
  tags: ["contacts"],
  summary: "Correct a recorded contact",
  request: { params: contactParams, body: body(ContactPatchSchema) },
  responses: { 200: json(ContactSchema, "Updated"), ...errorResponses },
});

export const deleteContact = defineRoute("contacts.manage", {
  method: "delete",
  path: "/clusters/{slug}/contacts/{contactId}",
  tags: ["contacts"],
  summary: "Delete a contact recorded by mistake (its follow-ups stay, detached)",
  request: { params: contactParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses },
});

export const createFollowUp = defineRoute("contacts.manage", {
  method: "post",
  path: "/clusters/{slug}/members/{id}/follow-ups",
  tags: ["contacts"],
  summary: "Plan a follow-up with a member (call back, visit…) due on a day, for a staff user",
  request: { params: memberParams, body: body(FollowUpInputSchema) },
  responses: { 201: json(FollowUpSchema, "Planned"), ...errorResponses },
});

export const updateFollowUp = defineRoute("contacts.manage", {
  method: "patch",
  path: "/clusters/{slug}/follow-ups/{followUpId}",
  tags: ["contacts"],
  summary: "Change a follow-up, mark it done or reopen it",
  request: { params: followUpParams, body: body(FollowUpPatchSchema) },
  responses: { 200: json(FollowUpSchema, "Updated"), ...errorResponses },
});

export const deleteFollowUp = defineRoute("contacts.manage", {
  method: "delete",
  path: "/clusters/{slug}/follow-ups/{followUpId}",
  tags: ["contacts"],
  summary: "Delete a follow-up planned by mistake",
  request: { params: followUpParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses },
});

export const toCall = defineRoute("contacts.manage", {
  method: "get",
  path: "/clusters/{slug}/to-call",
  tags: ["contacts"],
  summary: "Who to call: overdue and due-soon follow-ups, then members at churn risk not contacted for N months",
  request: { params: slugParam, query: ToCallQuerySchema },
  responses: { 200: json(ToCallSchema, "The list"), ...errorResponses },
});

export const assignees = defineRoute("contacts.manage", {
  method: "get",
  path: "/clusters/{slug}/contacts/assignees",
  tags: ["contacts"],
  summary: "The staff users a follow-up can be assigned to",
  request: { params: slugParam },
  responses: {
    200: json(z.object({ users: z.array(z.object({ userId: z.string(), name: z.string() })) }), "Staff"),
    ...errorResponses,
  },
});
