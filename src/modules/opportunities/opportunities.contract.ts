import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { DocumentSchema, documentUploadBody } from "../documents/documents.http.js";
import { errorResponses } from "../members/members.contract.js";
import { OPPORTUNITY_STAGES } from "./opportunities.schema.js";

const uuid = (message: string) => z.string().uuid(message);
const isoDate = (what: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${what} : date attendue au format AAAA-MM-JJ`);
const insee = z.string().regex(/^\d[\dAB]\d{3}$/, "Code INSEE de commune attendu (5 caractères)");
const tradeCodes = z.array(z.string().trim().min(1).max(60), "Liste de métiers attendue").max(20, "20 étapes au plus");
const certificationList = z
  .array(z.string().trim().min(1).max(80), "Liste de certifications attendue")
  .max(10, "10 certifications au plus");
const cents = (what: string) =>
  z
    .number(`${what} : montant en centimes attendu`)
    .int(`${what} : montant en centimes (entier)`)
    .min(0, `${what} : montant positif attendu`)
    .max(1e14, `${what} : montant trop élevé`);

/** The need itself, as staff write it (a showcase lead comes with part of it). */
export const OpportunityInputSchema = z
  .object({
    title: z.string().trim().min(5, "Le titre est obligatoire (5 caractères au moins)").max(200),
    description: z.string().trim().max(5000).nullish(),
    buyerCompany: z.string().trim().max(200).nullish(),
    buyerContact: z.string().trim().max(200).nullish(),
    buyerEmail: z.string().trim().email("Adresse e-mail invalide").max(200).nullish().or(z.literal("")),
    buyerPhone: z.string().trim().max(40).nullish(),
    steps: tradeCodes.optional().describe("Trade codes of the cluster's taxonomy, one per step of the chain"),
    certifications: certificationList.optional(),
    volumes: z.string().trim().max(1000).nullish(),
    deadline: isoDate("Échéance").nullish(),
    siteCommuneInsee: insee.nullish().describe("The site's commune; its coordinates come from the official list"),
    maxTravelMinutes: z.number().int("Minutes entières").min(10, "10 minutes au moins").max(600).optional(),
    amountCents: cents("Montant").nullish(),
  })
  .openapi("OpportunityInput");
export type OpportunityInput = z.infer<typeof OpportunityInputSchema>;
export const OpportunityPatchSchema = OpportunityInputSchema.partial().openapi("OpportunityPatch");
export type OpportunityPatch = z.infer<typeof OpportunityPatchSchema>;

export const StageInputSchema = z
  .object({
    stage: z.enum(OPPORTUNITY_STAGES, `Étape attendue : ${OPPORTUNITY_STAGES.join(", ")}`),
    amountCents: cents("Montant").nullish().describe("The bid's amount (bid_sent) or the order's (won)"),
    date: isoDate("Date").nullish().describe("The day the bid was sent, or won / lost; today by default"),
    lossReason: z.string().trim().max(1000).nullish(),
  })
  .openapi("OpportunityStageInput");
export type StageInput = z.infer<typeof StageInputSchema>;

export const ProposeInputSchema = z.object({
  top: z.number().int("Nombre entier attendu").min(1, "1 au moins").max(10, "10 au plus").default(3),
  fairness: z.boolean("Vrai ou faux attendu").default(true).describe("Prefer members proposed less often in 12 months"),
});

export const AnswerInputSchema = z.object({
  accept: z.boolean("Réponse attendue : accepter (true) ou décliner (false)"),
  comment: z.string().trim().max(2000).nullish(),
});
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

export const ReferralInputSchema = z
  .object({
    toMemberId: uuid("Choisissez l'entreprise à qui passer l'affaire"),
    title: z.string().trim().min(5, "Le titre est obligatoire (5 caractères au moins)").max(200),
    description: z.string().trim().max(5000).nullish(),
    buyerCompany: z.string().trim().max(200).nullish(),
    buyerContact: z.string().trim().max(200).nullish(),
    buyerEmail: z.string().trim().email("Adresse e-mail invalide").max(200).nullish().or(z.literal("")),
    buyerPhone: z.string().trim().max(40).nullish(),
    amountCents: cents("Montant estimé").nullish(),
    fromMemberId: uuid("Identifiant de membre invalide").nullish().describe("Staff only: the company passing it"),
  })
  .openapi("ReferralInput");
export type ReferralInput = z.infer<typeof ReferralInputSchema>;

export const DealInputSchema = z
  .object({
    partnerMemberId: uuid("Choisissez l'autre entreprise"),
    amountCents: cents("Montant").refine((v) => v > 0, "Montant : plus de zéro attendu"),
    doneOn: isoDate("Date de l'affaire"),
    description: z.string().trim().max(2000).nullish(),
    opportunityId: uuid("Identifiant d'affaire invalide").nullish(),
    memberId: uuid("Identifiant de membre invalide").nullish().describe("Staff only: the declaring company"),
  })
  .openapi("BusinessDealInput");
export type DealInput = z.infer<typeof DealInputSchema>;

export const SettingsSchema = z.object({
  showcaseEnabled: z.boolean("Vrai ou faux attendu").describe("The public showcase and its need form are online"),
});

const Company = z.object({ id: z.string(), name: z.string() });
const Trade = z.object({ code: z.string(), label: z.string() });
export const InvitationStateSchema = z.object({
  id: z.string(),
  status: z.enum(["invited", "accepted", "declined", "withdrawn"]),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export const ProposalSchema = z
  .object({
    id: z.string(),
    round: z.number(),
    rank: z.number(),
    status: z.enum(["suggested", "invited", "confirmed", "declined", "superseded"]),
    leader: Company,
    members: z.array(
      Company.extend({
        town: z.string().nullable(),
        isLeader: z.boolean(),
        steps: z.array(Trade),
        invitation: InvitationStateSchema.nullable(),
      }),
    ),
    travelMinutes: z.number(),
    optimal: z.boolean(),
    fairness: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("ConsortiumProposal");

export const OpportunitySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    stage: z.enum(OPPORTUNITY_STAGES),
    source: z.enum(["showcase", "staff", "referral"]),
    buyer: z.object({
      company: z.string().nullable(),
      contact: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    steps: z.array(Trade),
    certifications: z.array(z.string()),
    volumes: z.string().nullable(),
    deadline: z.string().nullable(),
    site: z.object({ insee: z.string(), town: z.string(), lat: z.number(), lon: z.number() }).nullable(),
    maxTravelMinutes: z.number(),
    amountCents: z.number().nullable(),
    bidSentOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    lossReason: z.string().nullable(),
    leader: Company.nullable(),
    referredBy: Company.nullable(),
    referredTo: Company.nullable(),
    declined: z.array(Company),
    team: z.object({ invited: z.number(), accepted: z.number() }).describe("The current picked proposal's answers"),
    qualifiedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Opportunity");
export const OpportunityDetailSchema = OpportunitySchema.extend({
  documents: z.array(DocumentSchema),
  proposals: z.array(ProposalSchema),
  uncovered: z.array(Trade).describe("Steps no eligible member can take, from the last computation"),
}).openapi("OpportunityDetail");

export const InvitationSchema = InvitationStateSchema.extend({
  isLeader: z.boolean(),
  steps: z.array(Trade),
  company: Company,
  leader: Company,
  team: z.array(Company),
  opportunity: z.object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    volumes: z.string().nullable(),
    deadline: z.string().nullable(),
    certifications: z.array(z.string()),
    siteTown: z.string().nullable(),
    stage: z.enum(OPPORTUNITY_STAGES),
  }),
  createdAt: z.string(),
}).openapi("ConsortiumInvitation");

export const DealSchema = z
  .object({
    id: z.string(),
    company: Company,
    partner: Company,
    amountCents: z.number(),
    doneOn: z.string(),
    description: z.string().nullable(),
    opportunityId: z.string().nullable(),
    declaredBy: z.string(),
    canDelete: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("BusinessDeal");

export const FiguresSchema = z
  .object({
    year: z.number(),
    businessBetweenMembers: z.object({ count: z.number(), amountCents: z.number(), companies: z.number() }),
    opportunities: z.object({
      created: z.number(),
      bySource: z.object({ showcase: z.number(), staff: z.number(), referral: z.number() }),
      qualified: z.number(),
      teamsFormed: z.number(),
      bidsSent: z.number(),
      won: z.number(),
      wonAmountCents: z.number(),
      lost: z.number(),
    }),
  })
  .openapi("OpportunityFigures");

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const conflictResponse = { 409: json(z.any(), "Not possible in the opportunity's current state") };
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const opportunityParams = slugParam.extend({ opportunityId: uuid("Identifiant d'affaire invalide") });
const yearQuery = z.object({
  year: z.coerce.number().int("Année attendue").min(2000, "Année attendue").max(2100, "Année attendue").optional(),
});

export const listOpportunities = defineRoute("opportunities.manage", {
  method: "get",
  path: "/clusters/{slug}/opportunities",
  tags: ["opportunities"],
  summary: "The pipeline board: every opportunity by stage (won / lost of the last 12 months unless `all`)",
  request: {
    params: slugParam,
    query: z.object({ q: z.string().trim().max(200).optional(), all: z.enum(["true", "false"]).optional() }),
  },
  responses: { 200: json(z.object({ opportunities: z.array(OpportunitySchema) }), "Board"), ...errorResponses },
});

export const createOpportunity = defineRoute("opportunities.manage", {
  method: "post",
  path: "/clusters/{slug}/opportunities",
  tags: ["opportunities"],
  summary: "Record a buyer's need (a lead) by hand",
  request: { params: slugParam, body: body(OpportunityInputSchema) },
  responses: { 201: json(OpportunityDetailSchema, "Created"), ...errorResponses },
});

export const getSettings = defineRoute("opportunities.manage", {
  method: "get",
  path: "/clusters/{slug}/opportunities/settings",
  tags: ["opportunities"],
  summary: "Whether the public showcase is online",
  request: { params: slugParam },
  responses: { 200: json(SettingsSchema, "Settings"), ...errorResponses },
});

export const setSettings = defineRoute("opportunities.manage", {
  method: "put",
  path: "/clusters/{slug}/opportunities/settings",
  tags: ["opportunities"],
  summary: "Put the public showcase online or take it down",
  request: { params: slugParam, body: body(SettingsSchema) },
  responses: { 200: json(SettingsSchema, "Saved"), ...errorResponses },
});

export const opportunityFigures = defineRoute("reports.read", {
  method: "get",
  path: "/clusters/{slug}/opportunities/figures",
  tags: ["opportunities"],
  summary: "A year's figures: business generated between members, opportunities by outcome",
  request: { params: slugParam, query: yearQuery },
  responses: { 200: json(FiguresSchema, "Figures"), ...errorResponses },
});

export const getOpportunity = defineRoute("opportunities.manage", {
  method: "get",
  path: "/clusters/{slug}/opportunities/{opportunityId}",
  tags: ["opportunities"],
  summary: "An opportunity with its documents and its consortium proposals and answers",
  request: { params: opportunityParams },
  responses: { 200: json(OpportunityDetailSchema, "The opportunity"), ...errorResponses },
});

export const updateOpportunity = defineRoute("opportunities.manage", {
  method: "patch",
  path: "/clusters/{slug}/opportunities/{opportunityId}",
  tags: ["opportunities"],
  summary: "Qualify the need: steps, certifications, volumes, deadline, site, amount",
  request: { params: opportunityParams, body: body(OpportunityPatchSchema) },
  responses: { 200: json(OpportunityDetailSchema, "Updated"), ...conflictResponse, ...errorResponses },
});

export const moveOpportunity = defineRoute("opportunities.manage", {
  method: "post",
  path: "/clusters/{slug}/opportunities/{opportunityId}/stage",
  tags: ["opportunities"],
  summary: "Move it on the board (qualified needs steps and a site; team formed needs a confirmed team)",
  request: { params: opportunityParams, body: body(StageInputSchema) },
  responses: { 200: json(OpportunityDetailSchema, "Moved"), ...conflictResponse, ...errorResponses },
});

export const consortiumNeed = defineRoute("opportunities.manage", {
  method: "get",
  path: "/clusters/{slug}/opportunities/{opportunityId}/consortium-need",
  tags: ["opportunities"],
  summary: "The need as the consortium builder reads it (NEED.json of `grappe consortium propose`)",
  request: { params: opportunityParams },
  responses: { 200: json(z.any(), "docs/formats/consortium.md, Need"), ...errorResponses },
});

export const proposeTeams = defineRoute("opportunities.manage", {
  method: "post",
  path: "/clusters/{slug}/opportunities/{opportunityId}/proposals",
  tags: ["opportunities"],
  summary: "Ask the consortium builder for the best teams of members (companies that declined are left out)",
  request: { params: opportunityParams, body: body(ProposeInputSchema) },
  responses: { 200: json(OpportunityDetailSchema, "With the new proposals"), ...conflictResponse, ...errorResponses },
});

export const pickProposal = defineRoute("opportunities.manage", {
  method: "post",
  path: "/clusters/{slug}/opportunities/{opportunityId}/proposals/{proposalId}/pick",
  tags: ["opportunities"],
  summary: "Pick a proposal: its companies are invited (the leader to lead)",
  request: { params: opportunityParams.extend({ proposalId: uuid("Identifiant de proposition invalide") }) },
  responses: { 200: json(OpportunityDetailSchema, "Invitations sent"), ...conflictResponse, ...errorResponses },
});

export const addOpportunityDocument = defineRoute("opportunities.manage", {
  method: "post",
  path: "/clusters/{slug}/opportunities/{opportunityId}/documents",
  tags: ["opportunities"],
  summary: "Attach a document to the need (specifications, drawings)",
  request: { params: opportunityParams, body: documentUploadBody(["other", "template"]) },
  responses: { 201: json(DocumentSchema, "Stored"), ...errorResponses },
});

const documentParams = opportunityParams.extend({ documentId: uuid("Identifiant de document invalide") });
export const getOpportunityDocument = defineRoute("opportunities.manage", {
  method: "get",
  path: "/clusters/{slug}/opportunities/{opportunityId}/documents/{documentId}",
  tags: ["opportunities"],
  summary: "Download a document of the need",
  request: { params: documentParams },
  responses: { 200: { description: "The file" }, ...errorResponses },
});

export const deleteOpportunityDocument = defineRoute("opportunities.manage", {
  method: "delete",
  path: "/clusters/{slug}/opportunities/{opportunityId}/documents/{documentId}",
  tags: ["opportunities"],
  summary: "Remove a document of the need",
  request: { params: documentParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});

export const myOpportunities = defineRoute("opportunities.take-part", {
  method: "get",
  path: "/clusters/{slug}/my-opportunities",
  tags: ["opportunities"],
  summary: "The caller's company: consortium invitations, leads passed and received, business declared",
  request: { params: slugParam },
  responses: {
    200: json(
      z.object({
        company: Company.nullable(),
        invitations: z.array(InvitationSchema),
        referralsSent: z.array(OpportunitySchema.pick({ id: true, title: true, stage: true, createdAt: true })),
        referralsReceived: z.array(OpportunitySchema),
        deals: z.array(DealSchema),
      }),
      "Mine",
    ),
    ...errorResponses,
  },
});

export const answerInvitation = defineRoute("opportunities.take-part", {
  method: "post",
  path: "/clusters/{slug}/consortium-invitations/{invitationId}/answer",
  tags: ["opportunities"],
  summary: "Accept or decline joining a team, for one's own company (a refusal brings the next proposal)",
  request: {
    params: slugParam.extend({ invitationId: uuid("Identifiant d'invitation invalide") }),
    body: body(AnswerInputSchema),
  },
  responses: { 200: json(InvitationSchema, "Answered"), ...conflictResponse, ...errorResponses },
});

export const passLead = defineRoute("opportunities.take-part", {
  method: "post",
  path: "/clusters/{slug}/referrals",
  tags: ["opportunities"],
  summary: "Pass a lead to another member company (it appears on the staff's board)",
  request: { params: slugParam, body: body(ReferralInputSchema) },
  responses: { 201: json(OpportunitySchema, "Passed"), ...errorResponses },
});

export const listDeals = defineRoute("opportunities.take-part", {
  method: "get",
  path: "/clusters/{slug}/business-deals",
  tags: ["opportunities"],
  summary: "Business done between members (staff: all; a member: its own), by year",
  request: { params: slugParam, query: yearQuery },
  responses: { 200: json(z.object({ deals: z.array(DealSchema) }), "Deals"), ...errorResponses },
});

export const declareDeal = defineRoute("opportunities.take-part", {
  method: "post",
  path: "/clusters/{slug}/business-deals",
  tags: ["opportunities"],
  summary: "Declare business done with another member company (amount, date)",
  request: { params: slugParam, body: body(DealInputSchema) },
  responses: { 201: json(DealSchema, "Declared"), ...errorResponses },
});

export const deleteDeal = defineRoute("opportunities.take-part", {
  method: "delete",
  path: "/clusters/{slug}/business-deals/{dealId}",
  tags: ["opportunities"],
  summary: "Withdraw a declaration (the declaring company or staff)",
  request: { params: slugParam.extend({ dealId: uuid("Identifiant de déclaration invalide") }) },
  responses: { 204: { description: "Withdrawn" }, ...errorResponses },
});
