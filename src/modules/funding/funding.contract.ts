import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "../members/members.contract.js";
import { day } from "../programmes/programmes.contract.js";
import { FUNDER_KINDS, INDICATORS } from "./funding.schema.js";

const uuid = (message: string) => z.string().uuid(message);
const cents = z.number().int("Montant en centimes, entier").min(0, "Montant positif attendu");
const SIZE_CLASSES = ["micro", "sme", "midcap", "large"] as const;
const text = (max: number) => z.string().trim().max(max);

// ---------------------------------------------------------------- funders

const funderKind = z.enum(FUNDER_KINDS, `Type de financeur attendu : ${FUNDER_KINDS.join(", ")}`);
const funderFields = {
  name: z.string().trim().min(2, "Le nom du financeur est obligatoire").max(200),
  kind: funderKind,
  contactName: text(200).nullish(),
  contactEmail: z.string().trim().email("Adresse e-mail invalide").nullish(),
};
export const FunderInputSchema = z
  .object({ ...funderFields, kind: funderKind.default("other") })
  .openapi("FunderInput");
export type FunderInput = z.infer<typeof FunderInputSchema>;
export const FunderPatchSchema = z.object(funderFields).partial().openapi("FunderPatch");
export type FunderPatch = z.infer<typeof FunderPatchSchema>;
export const FunderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(FUNDER_KINDS),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    grants: z.number().describe("Grants recorded from this funder"),
  })
  .openapi("Funder");

// ---------------------------------------------------------------- funding calls

const list = (item: z.ZodString, max: number) => z.array(item).max(max);
const callFields = {
  funderId: uuid("Identifiant de financeur invalide").nullish().describe("A funder recorded here, if it is one"),
  funderName: text(200)
    .min(2, "Le financeur de l'appel est obligatoire")
    .optional()
    .describe("The funder as named on the call; defaults to the recorded funder's name"),
  title: z.string().trim().min(3, "L'intitulé de l'appel est obligatoire").max(300),
  description: text(10000).nullish(),
  topics: list(z.string().trim().min(1).max(100), 30).describe("Free topics: innovation, décarbonation, RH…"),
  sizeClasses: z
    .array(z.enum(SIZE_CLASSES, `Taille attendue : ${SIZE_CLASSES.join(", ")}`))
    .max(4)
    .describe("Empty: any size"),
  nafCodes: list(
    z
      .string()
      .trim()
      .regex(/^\d{2}(\.?\d{1,2}[A-Za-z]?)?$/, "Code NAF attendu : 25, 25.6, 25.62 ou 25.62A"),
    200,
  ).describe("Prefixes; empty: any activity"),
  departments: list(
    z
      .string()
      .trim()
      .regex(/^(\d{2}|2[AB]|97\d)$/, "Département attendu : 42, 2A, 974…"),
    101,
  ).describe("Empty: anywhere"),
  opensOn: day.nullish(),
  closesOn: day,
  url: z.string().trim().url("Lien invalide (https://…)").nullish(),
  reminderDays: z
    .number()
    .int()
    .min(0, "Entre 0 et 60 jours")
    .max(60, "Entre 0 et 60 jours")
    .describe("Days before the closing date the reminder goes out to the members notified (0: no reminder)"),
};
export const FundingCallInputSchema = z
  .object({
    ...callFields,
    topics: callFields.topics.default([]),
    sizeClasses: callFields.sizeClasses.default([]),
    nafCodes: callFields.nafCodes.default([]),
    departments: callFields.departments.default([]),
    reminderDays: callFields.reminderDays.default(7),
  })
  .openapi("FundingCallInput");
export type FundingCallInput = z.infer<typeof FundingCallInputSchema>;
export const FundingCallPatchSchema = z.object(callFields).partial().openapi("FundingCallPatch");
export type FundingCallPatch = z.infer<typeof FundingCallPatchSchema>;

export const FundingCallSchema = z
  .object({
    id: z.string(),
    funder: z.object({ id: z.string(), name: z.string() }).nullable(),
    funderName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    topics: z.array(z.string()),
    sizeClasses: z.array(z.string()),
    nafCodes: z.array(z.string()),
    departments: z.array(z.string()),
    opensOn: z.string().nullable(),
    closesOn: z.string(),
    url: z.string().nullable(),
    reminderDays: z.number(),
    state: z.enum(["upcoming", "open", "closed"]).describe("Relative to today (Europe/Paris)"),
    notified: z.number().describe("Members told about the call"),
    notifiedAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    supportCases: z.number().describe("Support cases answering this call"),
  })
  .openapi("FundingCall");

export const INELIGIBLE_REASONS = ["not_member", "size_class", "naf", "department"] as const;
const CallMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  sizeClass: z.string().nullable(),
  nafCode: z.string().nullable(),
  department: z.string().nullable(),
  town: z.string().nullable(),
});
export const EligibilitySchema = z
  .object({
    callId: z.string(),
    eligible: z.array(
      CallMemberSchema.extend({
        contact: z
          .object({ name: z.string().nullable(), email: z.string() })
          .nullable()
          .describe(
            "Who the notice goes to: the main contact, else the first person with an email; null: nobody to write to",
          ),
        notifiedAt: z.string().nullable(),
      }),
    ),
    ineligible: z
      .array(CallMemberSchema.extend({ reasons: z.array(z.enum(INELIGIBLE_REASONS)) }))
      .describe("Current members left out, with why (prospects and former members are not listed)"),
  })
  .openapi("FundingCallEligibility");

export const NotifyInputSchema = z
  .object({
    memberIds: z
      .array(uuid("Identifiant de membre invalide"))
      .max(2000)
      .optional()
      .describe("Only these eligible members; omitted: every eligible member not yet notified"),
  })
  .openapi("FundingCallNotifyInput");
export const NotifyResultSchema = z
  .object({
    notified: z.number().describe("Emails queued now"),
    alreadyNotified: z.number(),
    noContact: z.array(z.object({ id: z.string(), name: z.string() })).describe("Eligible members with no email"),
  })
  .openapi("FundingCallNotifyResult");

// ---------------------------------------------------------------- grants and their actions

export const IndicatorFilterSchema = z
  .object({
    programmeId: uuid("Identifiant de programme invalide").optional().describe("programme_members: this programme"),
    eventKinds: z
      .array(z.string().trim().min(1).max(40))
      .max(20)
      .optional()
      .describe("events_held / event_attendance: these kinds (breakfast, company_visit…)"),
    titleContains: text(100)
      .min(1)
      .optional()
      .describe("events_held / event_attendance: titles containing these words"),
  })
  .openapi("IndicatorFilter");
const indicator = z.enum(INDICATORS, `Indicateur attendu : ${INDICATORS.join(", ")}`);
const actionFields = {
  title: z.string().trim().min(2, "L'intitulé de l'action est obligatoire").max(300),
  indicator,
  filter: IndicatorFilterSchema,
  target: z.number().int("Cible entière attendue").min(0, "Cible positive attendue").max(1_000_000),
};
export const GrantActionInputSchema = z
  .object({ ...actionFields, filter: IndicatorFilterSchema.default({}) })
  .openapi("GrantActionInput");
export type GrantActionInput = z.infer<typeof GrantActionInputSchema>;
export const GrantActionPatchSchema = z
  .object({ ...actionFields, position: z.number().int().min(0) })
  .partial()
  .openapi("GrantActionPatch");
export type GrantActionPatch = z.infer<typeof GrantActionPatchSchema>;

const grantFields = {
  funderId: uuid("Identifiant de financeur invalide"),
  title: z.string().trim().min(2, "L'intitulé de la subvention est obligatoire").max(300),
  amountCents: cents,
  periodStart: day,
  periodEnd: day,
  agreementRef: text(200).nullish().describe("The agreement or deliberation number"),
  budgetLine: text(200).nullish().describe("The funder's budget line, e.g. INUM/SUFLI/65748"),
};
export const GrantInputSchema = z
  .object({ ...grantFields, actions: z.array(GrantActionInputSchema).max(50).default([]) })
  .openapi("GrantInput");
export type GrantInput = z.infer<typeof GrantInputSchema>;
export const GrantPatchSchema = z.object(grantFields).partial().openapi("GrantPatch");
export type GrantPatch = z.infer<typeof GrantPatchSchema>;

export const GrantActionSchema = z
  .object({
    id: z.string(),
    grantId: z.string(),
    title: z.string(),
    indicator: z.enum(INDICATORS),
    filter: IndicatorFilterSchema,
    target: z.number(),
    position: z.number(),
  })
  .openapi("GrantAction");
export const GrantSchema = z
  .object({
    id: z.string(),
    funder: z.object({ id: z.string(), name: z.string(), kind: z.enum(FUNDER_KINDS) }),
    title: z.string(),
    amountCents: z.number(),
    periodStart: z.string(),
    periodEnd: z.string(),
    agreementRef: z.string().nullable(),
    budgetLine: z.string().nullable(),
    actions: z.array(GrantActionSchema),
  })
  .openapi("Grant");

// ---------------------------------------------------------------- routes

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const funderParams = slugParam.extend({ funderId: uuid("Identifiant de financeur invalide") });
const callParams = slugParam.extend({ callId: uuid("Identifiant d'appel à projets invalide") });
const grantParams = slugParam.extend({ grantId: uuid("Identifiant de subvention invalide") });
const actionParams = slugParam.extend({ actionId: uuid("Identifiant d'action financée invalide") });
const yearQuery = z.object({
  year: z.coerce.number().int().min(1990, "Année invalide").max(2100, "Année invalide").optional(),
});
const tags = ["funding"];

export const listFunders = defineRoute("funding.manage", {
  method: "get",
  path: "/clusters/{slug}/funders",
  tags,
  summary: "The bodies funding the cluster: metropolis, region, state, EU, CCI",
  request: { params: slugParam },
  responses: { 200: json(z.object({ funders: z.array(FunderSchema) }), "Funders"), ...errorResponses },
});
export const createFunder = defineRoute("funding.manage", {
  method: "post",
  path: "/clusters/{slug}/funders",
  tags,
  summary: "Record a funder",
  request: { params: slugParam, body: body(FunderInputSchema) },
  responses: { 201: json(FunderSchema, "Created"), 409: json(z.any(), "Same name"), ...errorResponses },
});
export const updateFunder = defineRoute("funding.manage", {
  method: "patch",
  path: "/clusters/{slug}/funders/{funderId}",
  tags,
  summary: "Rename a funder or change its contact",
  request: { params: funderParams, body: body(FunderPatchSchema) },
  responses: { 200: json(FunderSchema, "Updated"), ...errorResponses },
});
export const deleteFunder = defineRoute("funding.manage", {
  method: "delete",
  path: "/clusters/{slug}/funders/{funderId}",
  tags,
  summary: "Remove a funder that has no grant",
  request: { params: funderParams },
  responses: { 204: { description: "Removed" }, 409: json(z.any(), "It has grants"), ...errorResponses },
});

export const listCalls = defineRoute("funding.manage", {
  method: "get",
  path: "/clusters/{slug}/funding-calls",
  tags,
  summary: "Funding calls, the open ones first",
  request: {
    params: slugParam,
    query: z.object({ state: z.enum(["open", "upcoming", "closed", "all"]).default("all") }),
  },
  responses: { 200: json(z.object({ calls: z.array(FundingCallSchema) }), "Calls"), ...errorResponses },
});
export const createCall = defineRoute("funding.manage", {
  method: "post",
  path: "/clusters/{slug}/funding-calls",
  tags,
  summary: "Record a funding call and who may answer it",
  request: { params: slugParam, body: body(FundingCallInputSchema) },
  responses: { 201: json(FundingCallSchema, "Created"), ...errorResponses },
});
export const getCall = defineRoute("funding.manage", {
  method: "get",
  path: "/clusters/{slug}/funding-calls/{callId}",
  tags,
  summary: "A funding call",
  request: { params: callParams },
  responses: { 200: json(FundingCallSchema, "Call"), ...errorResponses },
});
export const updateCall = defineRoute("funding.manage", {
  method: "patch",
  path: "/clusters/{slug}/funding-calls/{callId}",
  tags,
  summary: "Change a call's dates, criteria or link",
  request: { params: callParams, body: body(FundingCallPatchSchema) },
  responses: { 200: json(FundingCallSchema, "Updated"), ...errorResponses },
});
export const deleteCall = defineRoute("funding.manage", {
  method: "delete",
  path: "/clusters/{slug}/funding-calls/{callId}",
  tags,
  summary: "Remove a call (its support cases keep the call's name)",
  request: { params: callParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
export const callEligibility = defineRoute("funding.manage", {
  method: "get",
  path: "/clusters/{slug}/funding-calls/{callId}/eligible",
  tags,
  summary: "The current members the call's criteria admit, and those left out with why",
  request: { params: callParams },
  responses: { 200: json(EligibilitySchema, "Eligibility"), ...errorResponses },
});
export const notifyCall = defineRoute("funding.manage", {
  method: "post",
  path: "/clusters/{slug}/funding-calls/{callId}/notify",
  tags,
  summary: "Email the call to its eligible members in one action (a reminder follows before the deadline)",
  request: { params: callParams, body: body(NotifyInputSchema) },
  responses: { 200: json(NotifyResultSchema, "Queued"), 409: json(z.any(), "The call is closed"), ...errorResponses },
});

export const listGrants = defineRoute("funding.manage", {
  method: "get",
  path: "/clusters/{slug}/grants",
  tags,
  summary: "Grants received, optionally those whose period touches a year",
  request: { params: slugParam, query: yearQuery },
  responses: { 200: json(z.object({ grants: z.array(GrantSchema) }), "Grants"), ...errorResponses },
});
export const createGrant = defineRoute("funding.manage", {
  method: "post",
  path: "/clusters/{slug}/grants",
  tags,
  summary: "Record a grant and the actions it funds with their targets",
  request: { params: slugParam, body: body(GrantInputSchema) },
  responses: { 201: json(GrantSchema, "Created"), ...errorResponses },
});
export const getGrant = defineRoute("funding.manage", {
  method: "get",
  path: "/clusters/{slug}/grants/{grantId}",
  tags,
  summary: "A grant and its funded actions",
  request: { params: grantParams },
  responses: { 200: json(GrantSchema, "Grant"), ...errorResponses },
});
export const updateGrant = defineRoute("funding.manage", {
  method: "patch",
  path: "/clusters/{slug}/grants/{grantId}",
  tags,
  summary: "Amount, period, agreement reference or budget line of a grant",
  request: { params: grantParams, body: body(GrantPatchSchema) },
  responses: { 200: json(GrantSchema, "Updated"), ...errorResponses },
});
export const deleteGrant = defineRoute("funding.manage", {
  method: "delete",
  path: "/clusters/{slug}/grants/{grantId}",
  tags,
  summary: "Remove a grant recorded by mistake",
  request: { params: grantParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
export const addGrantAction = defineRoute("funding.manage", {
  method: "post",
  path: "/clusters/{slug}/grants/{grantId}/actions",
  tags,
  summary: "Add a funded action with its target (indicator + figure)",
  request: { params: grantParams, body: body(GrantActionInputSchema) },
  responses: { 201: json(GrantSchema, "The grant with the action"), ...errorResponses },
});
export const updateGrantAction = defineRoute("funding.manage", {
  method: "patch",
  path: "/clusters/{slug}/grant-actions/{actionId}",
  tags,
  summary: "Change a funded action's title, indicator or target",
  request: { params: actionParams, body: body(GrantActionPatchSchema) },
  responses: { 200: json(GrantSchema, "The grant"), ...errorResponses },
});
export const deleteGrantAction = defineRoute("funding.manage", {
  method: "delete",
  path: "/clusters/{slug}/grant-actions/{actionId}",
  tags,
  summary: "Remove a funded action",
  request: { params: actionParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
