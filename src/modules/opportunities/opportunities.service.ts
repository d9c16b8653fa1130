import { and, desc, eq, gte, inArray, isNull, or } from "drizzle-orm";
import { getCommune } from "../../core/reference/communes.js";
import { foldText } from "../../core/reference/text.js";
import type { Db } from "../../db/client.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import { updateClusterSettings } from "../../platform/clusters/staff.service.js";
import type { ClusterContext } from "../../server/context.js";
import { AppError, type FieldError, invalid } from "../../server/errors.js";
import { addDocument, deleteDocument, getDocument, type NewDocument } from "../documents/documents.service.js";
import { tradeLabelsOf } from "../members/members.service.js";
import type { OpportunityInput, OpportunityPatch, StageInput } from "./opportunities.contract.js";
import { detail, loadOpportunity, summaries, tenant } from "./opportunities.reads.js";
import { stageProblem } from "./opportunities.rules.js";
import { consortiumProposals, type OpportunitySource, opportunities } from "./opportunities.schema.js";

type OpportunityValues = Partial<typeof opportunities.$inferInsert>;

const today = () => new Date().toISOString().slice(0, 10);
const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * Checks a need against the cluster's trades and the official communes, and turns it into column values
 * (the site's town and coordinates from its INSEE code). Every problem at once, each naming its field.
 */
export async function needValues(tx: Db, clusterId: string, input: OpportunityPatch): Promise<OpportunityValues> {
  const values: OpportunityValues = {};
  const errors: FieldError[] = [];
  const has = (key: keyof OpportunityPatch) => input[key] !== undefined;
  for (const key of ["description", "buyerCompany", "buyerContact", "buyerPhone", "volumes"] as const)
    if (has(key)) values[key] = blank(input[key]);
  if (has("title")) values.title = input.title!.trim();
  if (has("buyerEmail")) values.buyerEmail = blank(input.buyerEmail)?.toLowerCase() ?? null;
  if (has("deadline")) values.deadline = input.deadline ?? null;
  if (has("maxTravelMinutes")) values.maxTravelMinutes = input.maxTravelMinutes;
  if (has("amountCents")) values.amountCents = input.amountCents ?? null;
  if (has("certifications")) values.certifications = [...new Set(input.certifications!.map((c) => c.trim()))];
  if (has("steps")) {
    const known = await tradeLabelsOf(tx, clusterId);
    const unknown = input.steps!.filter((code) => !known.has(code));
    if (unknown.length)
      errors.push({ field: "steps", message: `Métier inconnu du référentiel : ${unknown.join(", ")}` });
    else values.steps = [...new Set(input.steps)];
  }
  if (has("siteCommuneInsee")) {
    const insee = input.siteCommuneInsee;
    if (!insee) Object.assign(values, { siteCommuneInsee: null, siteTown: null, siteLat: null, siteLon: null });
    else {
      const commune = getCommune(insee);
      if (!commune || commune.lat == null || commune.lon == null)
        errors.push({ field: "siteCommuneInsee", message: `Commune inconnue ou sans coordonnées : ${insee}` });
      else
        Object.assign(values, {
          siteCommuneInsee: commune.insee,
          siteTown: commune.name,
          siteLat: commune.lat,
          siteLon: commune.lon,
        });
    }
  }
  if (errors.length) throw invalid(errors);
  return values;
}

/** Inserts a lead inside the caller's transaction (the showcase and referrals go through here too). */
export async function insertOpportunity(
  tx: Db,
  ctx: ClusterContext,
  source: OpportunitySource,
  input: OpportunityInput,
  extra: OpportunityValues = {},
) {
  const values = await needValues(tx, ctx.clusterId, input);
  const [row] = await tx
    .insert(opportunities)
    .values({
      ...values,
      ...extra,
      clusterId: ctx.clusterId,
      title: input.title.trim(),
      source,
      stage: "lead",
      createdByUserId: ctx.actor.userId,
    })
    .returning();
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "opportunity",
    entityId: row.id,
    action: "create",
    changes: diffFields(null, { title: row.title, source, stage: "lead" }),
  });
  return row;
}

const matches = (row: typeof opportunities.$inferSelect, q: string) => {
  const haystack = foldText([row.title, row.description, row.buyerCompany, row.siteTown].filter(Boolean).join(" "));
  return foldText(q)
    .split(" ")
    .filter(Boolean)
    .every((word) => haystack.includes(word));
};

/** The board: open opportunities, and those won or lost within the last 12 months unless `all`. */
export async function listOpportunities(ctx: ClusterContext, query: { q?: string; all?: "true" | "false" }) {
  return tenant(ctx, async (tx) => {
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const rows = await tx
      .select()
      .from(opportunities)
      .where(
        and(
          eq(opportunities.clusterId, ctx.clusterId),
          query.all === "true"
            ? undefined
            : or(
                inArray(opportunities.stage, ["lead", "qualified", "team_formed", "bid_sent"]),
                isNull(opportunities.closedOn),
                gte(opportunities.closedOn, yearAgo),
              ),
        ),
      )
      .orderBy(desc(opportunities.updatedAt))
      .limit(2000);
    return summaries(
      tx,
      ctx,
      rows.filter((r) => !query.q || matches(r, query.q)),
    );
  });
}

export async function createOpportunity(ctx: ClusterContext, input: OpportunityInput) {
  return tenant(ctx, async (tx) => detail(tx, ctx, await insertOpportunity(tx, ctx, "staff", input)));
}

export async function getOpportunity(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => detail(tx, ctx, await loadOpportunity(tx, ctx.clusterId, id)));
}

export async function updateOpportunity(ctx: ClusterContext, id: string, patch: OpportunityPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadOpportunity(tx, ctx.clusterId, id);
    const values = await needValues(tx, ctx.clusterId, patch);
    const changes = diffFields(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
    if (!Object.keys(changes).length) return detail(tx, ctx, before);
    const [row] = await tx
      .update(opportunities)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(opportunities.id, id))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "opportunity",
      entityId: id,
      action: "update",
      changes,
    });
    return detail(tx, ctx, row);
  });
}

/** Moves an opportunity on the board, with the dates and amounts each stage records. */
export async function moveOpportunity(ctx: ClusterContext, id: string, input: StageInput) {
  return tenant(ctx, async (tx) => {
    const before = await loadOpportunity(tx, ctx.clusterId, id);
    const [confirmed] = await tx
      .select({ id: consortiumProposals.id })
      .from(consortiumProposals)
      .where(and(eq(consortiumProposals.opportunityId, id), eq(consortiumProposals.status, "confirmed")))
      .limit(1);
    const problem = stageProblem(before, input.stage, {
      teamConfirmed: Boolean(confirmed),
      amountCents: input.amountCents,
    });
    if (problem) {
      // A missing team is the state of things (409); a missing amount or step is the input's (422).
      const state = problem.fields.some((f) => f.field === "stage");
      throw new AppError(state ? 409 : 422, state ? "conflict" : "invalid", problem.message, problem.fields);
    }
    const values: Partial<typeof opportunities.$inferInsert> = { stage: input.stage, updatedAt: new Date() };
    if (input.amountCents != null) values.amountCents = input.amountCents;
    if (input.stage === "qualified" && !before.qualifiedAt) values.qualifiedAt = new Date();
    if (input.stage === "bid_sent") values.bidSentOn = input.date ?? before.bidSentOn ?? today();
    if (input.stage === "won" || input.stage === "lost") values.closedOn = input.date ?? today();
    else values.closedOn = null;
    if (input.stage === "lost") values.lossReason = input.lossReason ?? null;
    const [row] = await tx.update(opportunities).set(values).where(eq(opportunities.id, id)).returning();
    const { updatedAt: _, ...logged } = values;
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "opportunity",
      entityId: id,
      action: "stage",
      changes: diffFields(before as unknown as Record<string, unknown>, logged as Record<string, unknown>),
    });
    return detail(tx, ctx, row);
  });
}

/** settings.showcaseEnabled: the showcase is offline until staff put it online. */
export const showcaseEnabledOf = (settings: Record<string, unknown> | null | undefined) =>
  settings?.showcaseEnabled === true;

export async function setShowcaseEnabled(ctx: ClusterContext, before: boolean, showcaseEnabled: boolean) {
  return tenant(ctx, async (tx) => {
    const settings = await updateClusterSettings(tx, ctx.clusterId, { showcaseEnabled });
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "cluster",
      entityId: ctx.clusterId,
      action: "settings",
      changes: { showcaseEnabled: [before, showcaseEnabled] },
    });
    return { showcaseEnabled: showcaseEnabledOf(settings) };
  });
}

/** Documents of a need: its owner is checked first, so another cluster's id answers 404. */
export async function addOpportunityDocument(
  ctx: ClusterContext,
  id: string,
  input: Omit<NewDocument, "ownerType" | "ownerId">,
) {
  await tenant(ctx, (tx) => loadOpportunity(tx, ctx.clusterId, id));
  return addDocument(ctx, { ...input, ownerType: "opportunity", ownerId: id });
}

export async function opportunityDocument(ctx: ClusterContext, id: string, documentId: string) {
  await tenant(ctx, (tx) => loadOpportunity(tx, ctx.clusterId, id));
  return getDocument(ctx, "opportunity", id, documentId);
}

export async function removeOpportunityDocument(ctx: ClusterContext, id: string, documentId: string) {
  await tenant(ctx, (tx) => loadOpportunity(tx, ctx.clusterId, id));
  await deleteDocument(ctx, "opportunity", id, documentId);
}
