import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { GroupDetailSchema } from "../groups/groups.contract.js";
import { WORKSTREAMS } from "../groups/groups.schema.js";
import { errorResponses } from "../members/members.contract.js";

export const needStatuses = ["open", "merged", "group_opened", "closed"] as const;
const uuid = (message: string) => z.string().uuid(message);

export const NeedInputSchema = z
  .object({
    title: z.string().trim().min(5, "Le titre est obligatoire (5 caractères au moins)").max(200),
    body: z.string().trim().max(5000).nullish(),
    memberId: uuid("Identifiant de membre invalide")
      .nullish()
      .describe("Staff only: the company the need comes from (a member's person posts for their own)"),
  })
  .openapi("NeedInput");
export type NeedInput = z.infer<typeof NeedInputSchema>;

export const NeedPatchSchema = z
  .object({
    title: z.string().trim().min(5, "Le titre est obligatoire (5 caractères au moins)").max(200).optional(),
    body: z.string().trim().max(5000).nullish(),
    status: z.enum(["open", "closed"]).optional().describe("Staff only"),
  })
  .openapi("NeedPatch");
export type NeedPatch = z.infer<typeof NeedPatchSchema>;

export const SupportInputSchema = z
  .object({
    comment: z.string().trim().max(2000).nullish().describe("What the company would add (its own context)"),
    memberId: uuid("Identifiant de membre invalide").nullish().describe('Staff only: the company saying "me too"'),
  })
  .openapi("NeedSupportInput");
export type SupportInput = z.infer<typeof SupportInputSchema>;

export const MergeInputSchema = z.object({
  intoId: uuid("Identifiant de besoin invalide").describe("The need this one is merged into"),
});

export const OpenGroupInputSchema = z
  .object({
    name: z.string().trim().min(1, "Le nom du groupe est obligatoire").max(200),
    theme: z.string().trim().min(1, "Le thème est obligatoire").max(300),
    workstream: z.enum(WORKSTREAMS, `Chantier attendu : ${WORKSTREAMS.join(", ")}`),
    description: z.string().trim().max(5000).nullish(),
    leaderPersonId: uuid("Identifiant de personne invalide").nullish(),
  })
  .openapi("OpenGroupFromNeed");
export type OpenGroupInput = z.infer<typeof OpenGroupInputSchema>;

export const NeedSettingsSchema = z.object({
  needThreshold: z
    .number()
    .int("Nombre entier attendu")
    .min(2, "Deux entreprises au moins")
    .max(50, "50 entreprises au plus")
    .describe("Distinct companies sharing a need before staff are offered to open a working group"),
});

const CompanySchema = z.object({ id: z.string(), name: z.string() });
export const NeedSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    status: z.enum(needStatuses),
    author: z.object({ label: z.string(), company: CompanySchema.nullable() }),
    supportCount: z.number().describe('"Me too" from other companies'),
    companyCount: z.number().describe("Distinct companies sharing it: the author's and the supporters'"),
    supportedByMe: z.boolean().describe('The caller\'s company said "me too"'),
    mine: z.boolean().describe("Posted by the caller's company (or by the caller)"),
    canEdit: z.boolean(),
    mergedIntoId: z.string().nullable(),
    workingGroupId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Need");
export const SupporterSchema = z.object({
  company: CompanySchema,
  label: z.string(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export const NeedDetailSchema = NeedSchema.extend({
  supporters: z.array(SupporterSchema),
  mergedFrom: z.array(z.object({ id: z.string(), title: z.string() })),
}).openapi("NeedDetail");

export const SimilarNeedSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(needStatuses),
  companyCount: z.number(),
  score: z.number().describe("0 to 1"),
});
export const ProposalSchema = z.object({
  need: NeedSchema,
  companies: z.array(CompanySchema),
  suggestedWorkstream: z.enum(WORKSTREAMS),
});

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});
const conflictResponse = { 409: json(z.any(), "Not possible in the need's current state") };
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const needParams = slugParam.extend({ needId: uuid("Identifiant de besoin invalide") });

export const listNeeds = defineRoute("needs.read", {
  method: "get",
  path: "/clusters/{slug}/needs",
  tags: ["needs"],
  summary: "The common needs board: open needs by support (or every status), text filter",
  request: {
    params: slugParam,
    query: z.object({
      q: z.string().trim().max(200).optional(),
      status: z.enum([...needStatuses, "all"]).default("open"),
      sort: z.enum(["support", "recent"]).default("support"),
      mine: z.enum(["true", "false"]).optional().describe("Only the needs of the caller's company"),
    }),
  },
  responses: {
    200: json(z.object({ needs: z.array(NeedSchema), threshold: z.number() }), "Needs"),
    ...errorResponses,
  },
});

export const similarNeeds = defineRoute("needs.read", {
  method: "get",
  path: "/clusters/{slug}/needs/similar",
  tags: ["needs"],
  summary: "Open needs like a text being typed (French similarity: stems, vocabulary, TF-IDF)",
  request: {
    params: slugParam,
    query: z.object({
      text: z.string().max(5000).default(""),
      exclude: uuid("Identifiant de besoin invalide").optional().describe("A need not to suggest (itself)"),
    }),
  },
  responses: { 200: json(z.object({ similar: z.array(SimilarNeedSchema) }), "Suggestions"), ...errorResponses },
});

export const needProposals = defineRoute("needs.manage", {
  method: "get",
  path: "/clusters/{slug}/needs/proposals",
  tags: ["needs"],
  summary: "Needs shared by enough companies to open a working group (not dismissed)",
  request: { params: slugParam },
  responses: {
    200: json(z.object({ proposals: z.array(ProposalSchema), threshold: z.number() }), "Proposals"),
    ...errorResponses,
  },
});

export const getNeedSettings = defineRoute("needs.read", {
  method: "get",
  path: "/clusters/{slug}/needs/settings",
  tags: ["needs"],
  summary: "How many companies must share a need before a working group is proposed",
  request: { params: slugParam },
  responses: { 200: json(NeedSettingsSchema, "Settings"), ...errorResponses },
});

export const setNeedSettings = defineRoute("needs.manage", {
  method: "put",
  path: "/clusters/{slug}/needs/settings",
  tags: ["needs"],
  summary: "Change the number of companies that makes a need a working-group proposal",
  request: { params: slugParam, body: body(NeedSettingsSchema) },
  responses: { 200: json(NeedSettingsSchema, "Saved"), ...errorResponses },
});

export const postNeed = defineRoute("needs.post", {
  method: "post",
  path: "/clusters/{slug}/needs",
  tags: ["needs"],
  summary: "Post a question or a need for the other members",
  request: { params: slugParam, body: body(NeedInputSchema) },
  responses: { 201: json(NeedDetailSchema, "Posted"), ...errorResponses },
});

export const getNeed = defineRoute("needs.read", {
  method: "get",
  path: "/clusters/{slug}/needs/{needId}",
  tags: ["needs"],
  summary: "A need with the companies that share it and their comments",
  request: { params: needParams },
  responses: { 200: json(NeedDetailSchema, "The need"), ...errorResponses },
});

export const updateNeed = defineRoute("needs.post", {
  method: "patch",
  path: "/clusters/{slug}/needs/{needId}",
  tags: ["needs"],
  summary: "Reword a need (its author's company or staff); staff close or reopen it",
  request: { params: needParams, body: body(NeedPatchSchema) },
  responses: { 200: json(NeedDetailSchema, "Updated"), ...conflictResponse, ...errorResponses },
});

export const supportNeed = defineRoute("needs.post", {
  method: "post",
  path: "/clusters/{slug}/needs/{needId}/support",
  tags: ["needs"],
  summary: '"Me too": the caller\'s company shares the need, with a comment (once per company)',
  request: { params: needParams, body: body(SupportInputSchema) },
  responses: { 201: json(NeedDetailSchema, "Counted"), ...conflictResponse, ...errorResponses },
});

export const withdrawSupport = defineRoute("needs.post", {
  method: "delete",
  path: "/clusters/{slug}/needs/{needId}/support",
  tags: ["needs"],
  summary: "Take back the caller's company's \"me too\"",
  request: { params: needParams },
  responses: { 200: json(NeedDetailSchema, "Withdrawn"), ...errorResponses },
});

export const mergeNeed = defineRoute("needs.manage", {
  method: "post",
  path: "/clusters/{slug}/needs/{needId}/merge",
  tags: ["needs"],
  summary: "Merge a need into a similar one: its companies carry over, each counted once",
  request: { params: needParams, body: body(MergeInputSchema) },
  responses: { 200: json(NeedDetailSchema, "The need merged into"), ...conflictResponse, ...errorResponses },
});

export const dismissProposal = defineRoute("needs.manage", {
  method: "post",
  path: "/clusters/{slug}/needs/{needId}/dismiss-proposal",
  tags: ["needs"],
  summary: "Hide the working-group proposal of a need (the need stays open)",
  request: { params: needParams },
  responses: { 200: json(NeedDetailSchema, "Dismissed"), ...errorResponses },
});

export const openGroupFromNeed = defineRoute("needs.manage", {
  method: "post",
  path: "/clusters/{slug}/needs/{needId}/open-group",
  tags: ["needs"],
  summary: "Open a working group from a need, inviting every company that shares it",
  request: { params: needParams, body: body(OpenGroupInputSchema) },
  responses: { 201: json(GroupDetailSchema, "The new group"), ...conflictResponse, ...errorResponses },
});
