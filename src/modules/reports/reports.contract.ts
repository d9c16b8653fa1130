import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { INDICATORS } from "../funding/funding.schema.js";
import { errorResponses } from "../members/members.contract.js";
import { day } from "../programmes/programmes.contract.js";

/** The report's sections, in order; each has an editable narrative kept per year and funder. */
export const REPORT_SECTIONS = [
  "summary",
  "members",
  "events",
  "groups",
  "programmes",
  "support",
  "business",
  "communication",
  "funding",
  "targets",
  "labels",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const year = z.coerce.number().int("Année invalide").min(1990, "Année invalide").max(2100, "Année invalide");
export const ReportQuerySchema = z.object({
  year,
  funderId: z
    .string()
    .uuid("Identifiant de financeur invalide")
    .optional()
    .describe("The funder the report is for: its grants and targets only, and its own narratives"),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const Count = z.object({ key: z.string(), count: z.number() });
const NarrativeSchema = z
  .object({ body: z.string(), updatedBy: z.string(), updatedAt: z.string() })
  .openapi("ReportNarrative");

export const TargetSchema = z
  .object({
    grantId: z.string(),
    grantTitle: z.string(),
    actionId: z.string(),
    title: z.string(),
    indicator: z.enum(INDICATORS),
    target: z.number(),
    actual: z.number(),
    met: z.boolean(),
    /** The figure cannot be computed yet (its source module is not there): shown as pending, not as zero. */
    pending: z.boolean(),
  })
  .openapi("ReportTarget");

export const LabelIndicatorSchema = z
  .object({
    key: z.string(),
    label: z.string().describe("French label"),
    labelEn: z.string(),
    value: z.number().nullable().describe("null when the data does not give it"),
    unit: z.enum(["count", "share", "per_member"]),
    detail: z.string().nullable(),
  })
  .openapi("ReportLabelIndicator");

export const ActivityReportSchema = z
  .object({
    year: z.number(),
    period: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.string(),
    cluster: z.object({ name: z.string(), slug: z.string() }),
    funder: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
    funders: z.array(z.object({ id: z.string(), name: z.string() })).describe("For choosing whom the report is for"),
    members: z.object({
      atStart: z.number(),
      joins: z.number(),
      leaves: z.number(),
      atEnd: z.number(),
      retention: z.number().nullable().describe("0–1: members at the start still members at the end"),
      byKind: z.array(Count).describe("company, school, lab, public_body, partner"),
      bySize: z.array(Count).describe("micro, sme, midcap, large, unknown"),
    }),
    events: z.object({
      held: z.number().describe("Occurrences held (not cancelled, already started)"),
      attendance: z.number().describe("People present"),
      companies: z.number().describe("Distinct member companies present at least once"),
      byKind: z.array(z.object({ kind: z.string(), held: z.number(), attendance: z.number() })),
    }),
    groups: z.object({
      active: z.number(),
      meetings: z.number(),
      list: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          workstream: z.string(),
          members: z.number(),
          meetings: z.number(),
        }),
      ),
    }),
    programmes: z.array(
      z.object({
        programmeId: z.string(),
        code: z.string().nullable(),
        name: z.string(),
        members: z.number(),
        newMembers: z.number(),
        completed: z.number(),
        partnerBodies: z.array(z.string()),
      }),
    ),
    support: z.object({
      cases: z.number(),
      members: z.number(),
      granted: z.number(),
      amountAskedCents: z.number(),
      amountObtainedCents: z.number(),
      calls: z.array(z.object({ label: z.string(), cases: z.number() })),
    }),
    business: z.object({
      meetingsHeld: z.number(),
      followUps: z.number(),
      days: z.number(),
      opportunities: z.number(),
      businessBetweenMembers: z.number().describe("Deals recorded between members"),
      businessAmountCents: z.number(),
      opportunitiesPending: z.boolean().describe("true while the opportunities module is not there: figures read 0"),
    }),
    communication: z.object({
      newsletters: z.number(),
      list: z.array(
        z.object({ id: z.string(), sentOn: z.string(), title: z.string(), recipients: z.number().nullable() }),
      ),
    }),
    contacts: z.object({ direct: z.number(), membersReached: z.number(), byKind: z.array(Count) }),
    funding: z.object({
      duesCents: z.number().describe("Dues of the year"),
      grantsCents: z.number().describe("Grants, pro rata of the days of their period within the year"),
      privateShare: z.number().nullable().describe("Dues / (dues + grants), 0–1"),
      grants: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          funder: z.string(),
          amountCents: z.number(),
          inYearCents: z.number(),
          periodStart: z.string(),
          periodEnd: z.string(),
          agreementRef: z.string().nullable(),
          budgetLine: z.string().nullable(),
        }),
      ),
    }),
    targets: z.array(TargetSchema),
    labels: z.array(LabelIndicatorSchema).describe("European cluster-management label indicators the data supports"),
    narratives: z.record(z.enum(REPORT_SECTIONS), NarrativeSchema.nullable()),
  })
  .openapi("ActivityReport");
export type ActivityReport = z.infer<typeof ActivityReportSchema>;

export const NarrativeInputSchema = z
  .object({ body: z.string().max(20000, "20 000 caractères au plus").describe("Empty: the narrative is removed") })
  .openapi("ReportNarrativeInput");

export const DashboardSchema = z
  .object({
    year: z.number(),
    membersOverTime: z
      .array(z.object({ month: z.string(), members: z.number() }))
      .describe("Members at the end of each month of the year (to today for the current year)"),
    participationPerMonth: z.array(
      z.object({ month: z.string(), held: z.number(), attendance: z.number(), companies: z.number() }),
    ),
    fundingMix: z
      .array(
        z.object({
          year: z.number(),
          duesCents: z.number(),
          grantsCents: z.number(),
          privateShare: z.number().nullable(),
        }),
      )
      .describe("The year and the four before"),
    targets: z.array(TargetSchema),
  })
  .openapi("ReportDashboard");

export const NewsletterInputSchema = z
  .object({
    sentOn: day,
    title: z.string().trim().min(2, "L'objet de la lettre est obligatoire").max(300),
    recipients: z.number().int().min(0, "Nombre de destinataires positif attendu").nullish(),
    url: z.string().trim().url("Lien invalide (https://…)").nullish(),
  })
  .openapi("NewsletterInput");
export type NewsletterInput = z.infer<typeof NewsletterInputSchema>;
export const NewsletterSchema = z
  .object({
    id: z.string(),
    sentOn: z.string(),
    title: z.string(),
    recipients: z.number().nullable(),
    url: z.string().nullable(),
  })
  .openapi("Newsletter");

// ---------------------------------------------------------------- routes

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const file = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: "binary" }) } },
});
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const sectionParams = slugParam.extend({
  section: z.enum(REPORT_SECTIONS, `Section attendue : ${REPORT_SECTIONS.join(", ")}`),
});
const newsletterParams = slugParam.extend({ newsletterId: z.string().uuid("Identifiant de lettre invalide") });
const tags = ["reports"];
export const PDF = "application/pdf";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const activityReport = defineRoute("reports.read", {
  method: "get",
  path: "/clusters/{slug}/reports/activity",
  tags,
  summary: "The activity report of a year, for a funder or in general, computed from what was recorded",
  request: { params: slugParam, query: ReportQuerySchema },
  responses: { 200: json(ActivityReportSchema, "Report"), ...errorResponses },
});
export const putNarrative = defineRoute("reports.manage", {
  method: "put",
  path: "/clusters/{slug}/reports/activity/narratives/{section}",
  tags,
  summary: "Write (or clear) the narrative of a section; kept when the figures are regenerated",
  request: {
    params: sectionParams,
    query: ReportQuerySchema,
    body: { content: { "application/json": { schema: NarrativeInputSchema } }, required: true },
  },
  responses: { 200: json(z.object({ narrative: NarrativeSchema.nullable() }), "Saved"), ...errorResponses },
});
export const activityReportPdf = defineRoute("reports.read", {
  method: "get",
  path: "/clusters/{slug}/reports/activity.pdf",
  tags,
  summary: "The activity report as PDF",
  request: { params: slugParam, query: ReportQuerySchema },
  responses: { 200: file(PDF, "PDF"), ...errorResponses },
});
export const activityReportDocx = defineRoute("reports.read", {
  method: "get",
  path: "/clusters/{slug}/reports/activity.docx",
  tags,
  summary: "The activity report as a Word document",
  request: { params: slugParam, query: ReportQuerySchema },
  responses: { 200: file(DOCX, "DOCX"), ...errorResponses },
});
export const dashboard = defineRoute("reports.read", {
  method: "get",
  path: "/clusters/{slug}/reports/dashboard",
  tags,
  summary: "Series for the dashboard's charts: members over time, participation, funding mix, targets vs actuals",
  request: { params: slugParam, query: z.object({ year }) },
  responses: { 200: json(DashboardSchema, "Dashboard"), ...errorResponses },
});

export const listNewsletters = defineRoute("reports.manage", {
  method: "get",
  path: "/clusters/{slug}/newsletters",
  tags,
  summary: "Newsletters sent, optionally of one year",
  request: { params: slugParam, query: z.object({ year: year.optional() }) },
  responses: { 200: json(z.object({ newsletters: z.array(NewsletterSchema) }), "Newsletters"), ...errorResponses },
});
export const createNewsletter = defineRoute("reports.manage", {
  method: "post",
  path: "/clusters/{slug}/newsletters",
  tags,
  summary: "Record a newsletter sent to the members",
  request: {
    params: slugParam,
    body: { content: { "application/json": { schema: NewsletterInputSchema } }, required: true },
  },
  responses: { 201: json(NewsletterSchema, "Recorded"), ...errorResponses },
});
export const deleteNewsletter = defineRoute("reports.manage", {
  method: "delete",
  path: "/clusters/{slug}/newsletters/{newsletterId}",
  tags,
  summary: "Remove a newsletter recorded by mistake",
  request: { params: newsletterParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
