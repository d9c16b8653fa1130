import { and, asc, count, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, invalid, notFound } from "../../server/errors.js";
import { programmeNames } from "../programmes/programmes.service.js";
import type {
  FunderInput,
  FunderPatch,
  GrantActionInput,
  GrantActionPatch,
  GrantInput,
  GrantPatch,
} from "./funding.contract.js";
import { presentFunder, presentGrant } from "./funding.presenter.js";
import { funders, grantActions, grants, type IndicatorFilter } from "./funding.schema.js";

type FunderRow = typeof funders.$inferSelect;
type GrantRow = typeof grants.$inferSelect;
const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

// ---------------------------------------------------------------- funders

async function loadFunder(tx: Db, clusterId: string, id: string, field?: string): Promise<FunderRow> {
  const [row] = await tx
    .select()
    .from(funders)
    .where(and(eq(funders.clusterId, clusterId), eq(funders.id, id)));
  if (!row) {
    if (field) throw invalid([{ field, message: "Financeur inconnu dans ce cluster" }]);
    throw notFound("Funder");
  }
  return row;
}

async function grantCounts(tx: Db, clusterId: string) {
  const rows = await tx
    .select({ funderId: grants.funderId, n: count() })
    .from(grants)
    .where(eq(grants.clusterId, clusterId))
    .groupBy(grants.funderId);
  return new Map(rows.map((r) => [r.funderId, Number(r.n)]));
}

export async function listFunders(ctx: ClusterContext) {
  return tenant(ctx, async (tx) => {
    const rows = await tx.select().from(funders).where(eq(funders.clusterId, ctx.clusterId)).orderBy(asc(funders.name));
    const counts = await grantCounts(tx, ctx.clusterId);
    return rows.map((r) => presentFunder(r, counts.get(r.id) ?? 0));
  });
}

/** Id and name of every funder, for choosing whom a report is for (reports only read this). */
export async function funderChoices(ctx: ClusterContext) {
  return tenant(ctx, (tx) =>
    tx
      .select({ id: funders.id, name: funders.name, kind: funders.kind })
      .from(funders)
      .where(eq(funders.clusterId, ctx.clusterId))
      .orderBy(asc(funders.name)),
  );
}

const sameName = (name: string) =>
  conflict(`Un financeur s'appelle déjà « ${name} »`, [{ field: "name", message: "Nom déjà pris" }]);

export async function createFunder(ctx: ClusterContext, input: FunderInput) {
  return tenant(ctx, async (tx) => {
    const [row] = await tx
      .insert(funders)
      .values({ ...input, clusterId: ctx.clusterId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw sameName(input.name);
    await recordChange(tx, ctx.clusterId, ctx.actor, { entityType: "funder", entityId: row.id, action: "create" });
    return presentFunder(row, 0);
  });
}

export async function updateFunder(ctx: ClusterContext, id: string, patch: FunderPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadFunder(tx, ctx.clusterId, id);
    if (patch.name && patch.name !== before.name) {
      const [taken] = await tx
        .select({ id: funders.id })
        .from(funders)
        .where(and(eq(funders.clusterId, ctx.clusterId), eq(funders.name, patch.name)));
      if (taken) throw sameName(patch.name);
    }
    const [row] = await tx.update(funders).set(patch).where(eq(funders.id, id)).returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "funder",
      entityId: id,
      action: "update",
      changes: diffFields(before, patch),
    });
    return presentFunder(row, (await grantCounts(tx, ctx.clusterId)).get(id) ?? 0);
  });
}

export async function deleteFunder(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const row = await loadFunder(tx, ctx.clusterId, id);
    const n = (await grantCounts(tx, ctx.clusterId)).get(id) ?? 0;
    // Its grants are the history of the cluster's funding: they are removed one by one, on purpose.
    if (n) throw conflict(`${row.name} a ${n} subvention(s) enregistrée(s) : supprimez-les d'abord`);
    await tx.delete(funders).where(eq(funders.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "funder",
      entityId: id,
      action: "delete",
      changes: { name: [row.name, null] },
    });
  });
}

// ---------------------------------------------------------------- grants

async function loadGrant(tx: Db, clusterId: string, id: string): Promise<GrantRow> {
  const [row] = await tx
    .select()
    .from(grants)
    .where(and(eq(grants.clusterId, clusterId), eq(grants.id, id)));
  if (!row) throw notFound("Grant");
  return row;
}

async function presentGrants(tx: Db, clusterId: string, rows: GrantRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [funderRows, actions] = await Promise.all([
    tx
      .select()
      .from(funders)
      .where(and(eq(funders.clusterId, clusterId), inArray(funders.id, [...new Set(rows.map((r) => r.funderId))]))),
    tx
      .select()
      .from(grantActions)
      .where(and(eq(grantActions.clusterId, clusterId), inArray(grantActions.grantId, ids)))
      .orderBy(asc(grantActions.position), asc(grantActions.createdAt)),
  ]);
  const funderById = new Map(funderRows.map((f) => [f.id, f]));
  return rows.map((r) =>
    presentGrant(
      r,
      funderById.get(r.funderId)!,
      actions.filter((a) => a.grantId === r.id),
    ),
  );
}

function checkPeriod(start: string, end: string) {
  if (end < start) throw invalid([{ field: "periodEnd", message: "La fin de période ne peut précéder son début" }]);
}

/** A programme named by an indicator's filter must be one of the cluster's. */
async function checkFilter(tx: Db, clusterId: string, filter: IndicatorFilter | undefined, field: string) {
  if (filter?.programmeId && !(await programmeNames(tx, clusterId, [filter.programmeId])).size)
    throw invalid([{ field: `${field}.programmeId`, message: "Programme inconnu dans ce cluster" }]);
}

export async function listGrants(ctx: ClusterContext, query: { year?: number }) {
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(grants)
      .where(
        and(
          eq(grants.clusterId, ctx.clusterId),
          query.year ? lte(grants.periodStart, `${query.year}-12-31`) : undefined,
          query.year ? gte(grants.periodEnd, `${query.year}-01-01`) : undefined,
        ),
      )
      .orderBy(desc(grants.periodStart), asc(grants.title));
    return presentGrants(tx, ctx.clusterId, rows);
  });
}

export async function getGrant(ctx: ClusterContext, id: string) {
  return tenant(
    ctx,
    async (tx) => (await presentGrants(tx, ctx.clusterId, [await loadGrant(tx, ctx.clusterId, id)]))[0],
  );
}

export async function createGrant(ctx: ClusterContext, input: GrantInput) {
  return tenant(ctx, async (tx) => {
    await loadFunder(tx, ctx.clusterId, input.funderId, "funderId");
    checkPeriod(input.periodStart, input.periodEnd);
    for (const [i, a] of input.actions.entries()) await checkFilter(tx, ctx.clusterId, a.filter, `actions.${i}.filter`);
    const { actions, ...fields } = input;
    const [row] = await tx
      .insert(grants)
      .values({ ...fields, clusterId: ctx.clusterId })
      .returning();
    if (actions.length) {
      await tx
        .insert(grantActions)
        .values(actions.map((a, position) => ({ ...a, clusterId: ctx.clusterId, grantId: row.id, position })));
    }
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "grant",
      entityId: row.id,
      action: "create",
      changes: { amountCents: [null, row.amountCents] },
    });
    return (await presentGrants(tx, ctx.clusterId, [row]))[0];
  });
}

export async function updateGrant(ctx: ClusterContext, id: string, patch: GrantPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadGrant(tx, ctx.clusterId, id);
    if (patch.funderId) await loadFunder(tx, ctx.clusterId, patch.funderId, "funderId");
    checkPeriod(patch.periodStart ?? before.periodStart, patch.periodEnd ?? before.periodEnd);
    const [row] = await tx
      .update(grants)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(grants.id, id))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "grant",
      entityId: id,
      action: "update",
      changes: diffFields(before, patch),
    });
    return (await presentGrants(tx, ctx.clusterId, [row]))[0];
  });
}

export async function deleteGrant(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const row = await loadGrant(tx, ctx.clusterId, id);
    await tx.delete(grants).where(eq(grants.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "grant",
      entityId: id,
      action: "delete",
      changes: { title: [row.title, null], amountCents: [row.amountCents, null] },
    });
  });
}

export async function addGrantAction(ctx: ClusterContext, grantId: string, input: GrantActionInput) {
  return tenant(ctx, async (tx) => {
    const grant = await loadGrant(tx, ctx.clusterId, grantId);
    await checkFilter(tx, ctx.clusterId, input.filter, "filter");
    const [{ n }] = await tx.select({ n: count() }).from(grantActions).where(eq(grantActions.grantId, grant.id));
    await tx
      .insert(grantActions)
      .values({ ...input, clusterId: ctx.clusterId, grantId: grant.id, position: Number(n) });
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "grant",
      entityId: grant.id,
      action: "add_action",
      changes: { action: [null, input.title] },
    });
    return (await presentGrants(tx, ctx.clusterId, [grant]))[0];
  });
}

async function loadAction(tx: Db, clusterId: string, id: string) {
  const [row] = await tx
    .select()
    .from(grantActions)
    .where(and(eq(grantActions.clusterId, clusterId), eq(grantActions.id, id)));
  if (!row) throw notFound("Funded action");
  return row;
}

export async function updateGrantAction(ctx: ClusterContext, id: string, patch: GrantActionPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadAction(tx, ctx.clusterId, id);
    await checkFilter(tx, ctx.clusterId, patch.filter, "filter");
    await tx.update(grantActions).set(patch).where(eq(grantActions.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "grant_action",
      entityId: id,
      action: "update",
      changes: diffFields(before, patch),
    });
    return (await presentGrants(tx, ctx.clusterId, [await loadGrant(tx, ctx.clusterId, before.grantId)]))[0];
  });
}

export async function deleteGrantAction(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const row = await loadAction(tx, ctx.clusterId, id);
    await tx.delete(grantActions).where(eq(grantActions.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "grant_action",
      entityId: id,
      action: "delete",
      changes: { title: [row.title, null] },
    });
  });
}

// ---------------------------------------------------------------- reads for the activity report

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * The part of a grant that falls in [from, to], pro rata of the days of its period: a grant for
 * July 2024 – June 2025 counts half in each year. Rounded to the cent.
 */
export function amountWithin(
  grant: { amountCents: number; periodStart: string; periodEnd: string },
  from: string,
  to: string,
) {
  const start = grant.periodStart > from ? grant.periodStart : from;
  const end = grant.periodEnd < to ? grant.periodEnd : to;
  if (end < start) return 0;
  const total = dayNumber(grant.periodEnd) - dayNumber(grant.periodStart) + 1;
  return Math.round((grant.amountCents * (dayNumber(end) - dayNumber(start) + 1)) / total);
}

/** The grants whose period touches [from, to], with their actions, optionally of one funder only. */
export async function grantsWithin(ctx: ClusterContext, from: string, to: string, funderId?: string) {
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(grants)
      .where(
        and(
          eq(grants.clusterId, ctx.clusterId),
          lte(grants.periodStart, to),
          gte(grants.periodEnd, from),
          funderId ? eq(grants.funderId, funderId) : undefined,
        ),
      )
      .orderBy(asc(grants.periodStart), asc(grants.title));
    return (await presentGrants(tx, ctx.clusterId, rows)).map((g) => ({
      ...g,
      inRangeCents: amountWithin(g, from, to),
    }));
  });
}
