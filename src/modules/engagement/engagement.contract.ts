import { z } from "@hono/zod-openapi";
import { MAX_CHURN_MONTHS } from "../../core/engagement/churn.js";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "../members/members.contract.js";

export const engagementSorts = ["score", "events", "groups", "needs", "meetings", "name", "lastParticipation"] as const;

export const EngagementQuerySchema = z.object({
  sort: z.enum(engagementSorts).default("score"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type EngagementQuery = z.infer<typeof EngagementQuerySchema>;

const Component = z.object({ count: z.number(), points: z.number(), max: z.number() });
const Weight = z.object({ perUnit: z.number(), max: z.number() });
export const MemberEngagementSchema = z
  .object({
    member: z.object({ id: z.string(), name: z.string() }),
    town: z.string().nullable(),
    joinedOn: z.string().nullable(),
    score: z.number().describe("0–100: the sum of the components' points"),
    components: z.object({ events: Component, groups: Component, needs: Component, meetings: Component }),
    lastParticipationAt: z.string().nullable(),
    churnRisk: z.boolean(),
  })
  .openapi("MemberEngagement");

const Window = z.object({ from: z.string(), to: z.string() });
const Weights = z.object({ events: Weight, groups: Weight, needs: Weight, meetings: Weight });

export const EngagementTableSchema = z
  .object({ window: Window, weights: Weights, churnMonths: z.number(), members: z.array(MemberEngagementSchema) })
  .openapi("EngagementTable");

export const ChurnRiskSchema = z
  .object({
    churnMonths: z.number(),
    since: z.string().describe("No participation since this instant"),
    members: z.array(MemberEngagementSchema.extend({ silentSince: z.string().nullable() })),
  })
  .openapi("ChurnRisk");

export const MembershipYearsSchema = z
  .object({
    years: z.array(
      z.object({
        year: z.number(),
        atStart: z.number(),
        joins: z.number(),
        leaves: z.number(),
        atEnd: z.number(),
        retained: z.number(),
        retention: z.number().nullable(),
        partial: z.boolean(),
      }),
    ),
    undated: z.number().describe("Former members with no leaving date, left out of the figures"),
  })
  .openapi("MembershipYears");

export const ChurnSettingsSchema = z.object({
  churnMonths: z
    .number("Nombre de mois attendu")
    .int("Nombre entier de mois attendu")
    .min(1, "1 mois au moins")
    .max(MAX_CHURN_MONTHS, `${MAX_CHURN_MONTHS} mois au plus`),
});

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const slugParam = z.object({ slug: z.string().min(1).max(60) });

export const engagementTable = defineRoute("engagement.read", {
  method: "get",
  path: "/clusters/{slug}/engagement",
  tags: ["engagement"],
  summary: "Each current member's engagement over the last 12 months: score (0–100) and its components",
  request: { params: slugParam, query: EngagementQuerySchema },
  responses: { 200: json(EngagementTableSchema, "Members with their score"), ...errorResponses },
});

export const memberEngagement = defineRoute("engagement.read", {
  method: "get",
  path: "/clusters/{slug}/engagement/members/{id}",
  tags: ["engagement"],
  summary: "One current member's engagement score and components",
  request: { params: slugParam.extend({ id: z.string().uuid("Identifiant de membre invalide") }) },
  responses: {
    200: json(EngagementTableSchema.omit({ members: true }).extend({ member: MemberEngagementSchema }), "Score"),
    ...errorResponses,
  },
});

export const churnRisk = defineRoute("engagement.read", {
  method: "get",
  path: "/clusters/{slug}/engagement/churn-risk",
  tags: ["engagement"],
  summary: "Current members with no participation for N months (N per cluster, 6 by default)",
  request: { params: slugParam },
  responses: { 200: json(ChurnRiskSchema, "Members at risk, the longest silent first"), ...errorResponses },
});

export const membershipYears = defineRoute("engagement.read", {
  method: "get",
  path: "/clusters/{slug}/engagement/years",
  tags: ["engagement"],
  summary: "Joins, leaves and retention by calendar year",
  request: { params: slugParam },
  responses: { 200: json(MembershipYearsSchema, "Years, oldest first"), ...errorResponses },
});

// Setting N is done by the staff who act on it: the churn threshold drives the "to call" list.
export const setChurnSettings = defineRoute("contacts.manage", {
  method: "put",
  path: "/clusters/{slug}/engagement/settings",
  tags: ["engagement"],
  summary: "Set the cluster's churn threshold: months without participation before a member is at risk",
  request: {
    params: slugParam,
    body: { content: { "application/json": { schema: ChurnSettingsSchema } }, required: true },
  },
  responses: { 200: json(ChurnSettingsSchema, "Saved"), ...errorResponses },
});
