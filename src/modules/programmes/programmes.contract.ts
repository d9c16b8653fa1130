import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "../members/members.contract.js";
import { ENROLMENT_STATUSES, SUPPORT_CASE_STATUSES } from "./programmes.schema.js";

const uuid = (message: string) => z.string().uuid(message);
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ")
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Cette date n'existe pas");
const cents = z.number().int("Montant en centimes, entier").min(0, "Montant positif attendu");

export const ProgrammeInputSchema = z
  .object({
    name: z.string().trim().min(2, "Le nom du programme est obligatoire").max(200),
    description: z.string().trim().max(5000).nullish(),
    partnerBody: z.string().trim().max(200).nullish(),
    active: z.boolean().optional(),
  })
  .openapi("ProgrammeInput");
export type ProgrammeInput = z.infer<typeof ProgrammeInputSchema>;
export const ProgrammePatchSchema = ProgrammeInputSchema.partial().openapi("ProgrammePatch");

const enrolmentStatus = z.enum(ENROLMENT_STATUSES, `Statut attendu : ${ENROLMENT_STATUSES.join(", ")}`);
const enrolmentFields = {
  enrolledOn: day,
  endedOn: day.nullish(),
  outcome: z.string().trim().max(2000).nullish(),
  partnerBody: z.string().trim().max(200).nullish().describe("Defaults to the programme's usual partner"),
};
export const EnrolmentInputSchema = z
  .object({
    memberId: uuid("Identifiant de membre invalide"),
    status: enrolmentStatus.default("enrolled"),
    ...enrolmentFields,
  })
  .openapi("EnrolmentInput");
export type EnrolmentInput = z.infer<typeof EnrolmentInputSchema>;
// No defaults in a patch: an omitted field is left as it is.
export const EnrolmentPatchSchema = z
  .object({ status: enrolmentStatus, ...enrolmentFields })
  .partial()
  .openapi("EnrolmentPatch");
export type EnrolmentPatch = z.infer<typeof EnrolmentPatchSchema>;

const caseStatus = z.enum(SUPPORT_CASE_STATUSES, `Statut attendu : ${SUPPORT_CASE_STATUSES.join(", ")}`);
const caseFields = {
  callId: uuid("Identifiant d'appel à projets invalide").nullish().describe("A call recorded in Grappe"),
  callLabel: z.string().trim().max(300).nullish().describe("The call as named, when it is not recorded here"),
  openedOn: day,
  amountAskedCents: cents.nullish(),
  amountObtainedCents: cents.nullish(),
  partnerBody: z.string().trim().max(200).nullish().describe("e.g. the competitiveness pole that helped"),
  notes: z.string().trim().max(5000).nullish(),
};
export const SupportCaseInputSchema = z
  .object({ memberId: uuid("Identifiant de membre invalide"), status: caseStatus.default("preparing"), ...caseFields })
  .openapi("SupportCaseInput");
export type SupportCaseInput = z.infer<typeof SupportCaseInputSchema>;
export const SupportCasePatchSchema = z
  .object({ status: caseStatus, ...caseFields })
  .partial()
  .openapi("SupportCasePatch");
export type SupportCasePatch = z.infer<typeof SupportCasePatchSchema>;

const CompanySchema = z.object({ id: z.string(), name: z.string() });
export const EnrolmentSchema = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    member: CompanySchema,
    enrolledOn: z.string(),
    endedOn: z.string().nullable(),
    status: z.enum(ENROLMENT_STATUSES),
    outcome: z.string().nullable(),
    partnerBody: z.string().nullable(),
  })
  .openapi("Enrolment");
export const ProgrammeSchema = z
  .object({
    id: z.string(),
    code: z.string().nullable().describe("Set on the standard programmes; null for staff-defined ones"),
    name: z.string(),
    description: z.string().nullable(),
    partnerBody: z.string().nullable(),
    active: z.boolean(),
    enrolments: z.number().describe("Enrolments not dropped"),
  })
  .openapi("Programme");
export const ProgrammeDetailSchema = ProgrammeSchema.extend({ enrolmentList: z.array(EnrolmentSchema) }).openapi(
  "ProgrammeDetail",
);
export const SupportCaseSchema = z
  .object({
    id: z.string(),
    member: CompanySchema,
    call: z.object({ id: z.string(), title: z.string() }).nullable(),
    callLabel: z.string().nullable(),
    openedOn: z.string(),
    status: z.enum(SUPPORT_CASE_STATUSES),
    amountAskedCents: z.number().nullable(),
    amountObtainedCents: z.number().nullable(),
    partnerBody: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .openapi("SupportCase");

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const programmeParams = slugParam.extend({ programmeId: uuid("Identifiant de programme invalide") });
const enrolmentParams = slugParam.extend({ enrolmentId: uuid("Identifiant d'inscription invalide") });
const caseParams = slugParam.extend({ caseId: uuid("Identifiant d'accompagnement invalide") });
const tags = ["programmes"];

export const listProgrammes = defineRoute("programmes.manage", {
  method: "get",
  path: "/clusters/{slug}/programmes",
  tags,
  summary: "Support programmes (the standard ones and the staff's) with their enrolment counts",
  request: { params: slugParam },
  responses: { 200: json(z.object({ programmes: z.array(ProgrammeSchema) }), "Programmes"), ...errorResponses },
});
export const createProgramme = defineRoute("programmes.manage", {
  method: "post",
  path: "/clusters/{slug}/programmes",
  tags,
  summary: "Define a programme of the cluster's own",
  request: { params: slugParam, body: body(ProgrammeInputSchema) },
  responses: { 201: json(ProgrammeDetailSchema, "Created"), ...errorResponses },
});
export const getProgramme = defineRoute("programmes.manage", {
  method: "get",
  path: "/clusters/{slug}/programmes/{programmeId}",
  tags,
  summary: "A programme and its enrolments",
  request: { params: programmeParams },
  responses: { 200: json(ProgrammeDetailSchema, "Programme"), ...errorResponses },
});
export const updateProgramme = defineRoute("programmes.manage", {
  method: "patch",
  path: "/clusters/{slug}/programmes/{programmeId}",
  tags,
  summary: "Rename, describe, deactivate a programme",
  request: { params: programmeParams, body: body(ProgrammePatchSchema) },
  responses: { 200: json(ProgrammeDetailSchema, "Updated"), ...errorResponses },
});
export const enrol = defineRoute("programmes.manage", {
  method: "post",
  path: "/clusters/{slug}/programmes/{programmeId}/enrolments",
  tags,
  summary: "Enrol a member company in a programme",
  request: { params: programmeParams, body: body(EnrolmentInputSchema) },
  responses: {
    201: json(EnrolmentSchema, "Enrolled"),
    409: json(z.any(), "Already enrolled that day"),
    ...errorResponses,
  },
});
export const updateEnrolment = defineRoute("programmes.manage", {
  method: "patch",
  path: "/clusters/{slug}/enrolments/{enrolmentId}",
  tags,
  summary: "Status, end date, outcome or partner of an enrolment",
  request: { params: enrolmentParams, body: body(EnrolmentPatchSchema) },
  responses: { 200: json(EnrolmentSchema, "Updated"), ...errorResponses },
});
export const deleteEnrolment = defineRoute("programmes.manage", {
  method: "delete",
  path: "/clusters/{slug}/enrolments/{enrolmentId}",
  tags,
  summary: "Remove an enrolment recorded by mistake",
  request: { params: enrolmentParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
export const listSupportCases = defineRoute("programmes.manage", {
  method: "get",
  path: "/clusters/{slug}/support-cases",
  tags,
  summary: "Members helped on funding applications, optionally of one year",
  request: {
    params: slugParam,
    query: z.object({
      year: z.coerce.number().int().min(1990, "Année invalide").max(2100, "Année invalide").optional(),
    }),
  },
  responses: { 200: json(z.object({ supportCases: z.array(SupportCaseSchema) }), "Support cases"), ...errorResponses },
});
export const createSupportCase = defineRoute("programmes.manage", {
  method: "post",
  path: "/clusters/{slug}/support-cases",
  tags,
  summary: "Record a member helped on a funding application",
  request: { params: slugParam, body: body(SupportCaseInputSchema) },
  responses: { 201: json(SupportCaseSchema, "Created"), ...errorResponses },
});
export const updateSupportCase = defineRoute("programmes.manage", {
  method: "patch",
  path: "/clusters/{slug}/support-cases/{caseId}",
  tags,
  summary: "Status and amounts of a support case",
  request: { params: caseParams, body: body(SupportCasePatchSchema) },
  responses: { 200: json(SupportCaseSchema, "Updated"), ...errorResponses },
});
export const deleteSupportCase = defineRoute("programmes.manage", {
  method: "delete",
  path: "/clusters/{slug}/support-cases/{caseId}",
  tags,
  summary: "Remove a support case recorded by mistake",
  request: { params: caseParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
