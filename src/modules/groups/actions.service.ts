import { and, asc, eq, max } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid, notFound } from "../../server/errors.js";
import type { ActionInput, ActionPatch } from "./groups.contract.js";
import { presentAction } from "./groups.presenter.js";
import { companyNames } from "./groups.reads.js";
import { groupActions } from "./groups.schema.js";
import { groupCompanyIds, loadGroup, requirePlanEditable, tenant } from "./groups.service.js";

/** An action's owner is one of the group's companies. */
async function checkOwner(tx: Db, clusterId: string, groupId: string, ownerMemberId: string | null | undefined) {
  if (!ownerMemberId) return;
  if (!(await groupCompanyIds(tx, clusterId, groupId)).has(ownerMemberId))
    throw invalid([{ field: "ownerMemberId", message: "Le porteur doit être une entreprise du groupe" }]);
}

async function loadAction(tx: Db, clusterId: string, groupId: string, actionId: string) {
  const [row] = await tx
    .select()
    .from(groupActions)
    .where(
      and(eq(groupActions.clusterId, clusterId), eq(groupActions.groupId, groupId), eq(groupActions.id, actionId)),
    );
  if (!row) throw notFound("Action");
  return row;
}

async function present(tx: Db, clusterId: string, row: typeof groupActions.$inferSelect) {
  return presentAction(row, await companyNames(tx, clusterId, [row.ownerMemberId]));
}

export async function addAction(ctx: ClusterContext, groupId: string, input: ActionInput) {
  return tenant(ctx, async (tx) => {
    const group = await loadGroup(tx, ctx.clusterId, groupId);
    await requirePlanEditable(tx, ctx, group);
    await checkOwner(tx, ctx.clusterId, groupId, input.ownerMemberId);
    const [{ last }] = await tx
      .select({ last: max(groupActions.position) })
      .from(groupActions)
      .where(and(eq(groupActions.clusterId, ctx.clusterId), eq(groupActions.groupId, groupId)));
    const [row] = await tx
      .insert(groupActions)
      .values({
        clusterId: ctx.clusterId,
        groupId,
        title: input.title,
        ownerMemberId: input.ownerMemberId ?? null,
        dueOn: input.dueOn ?? null,
        status: input.status,
        position: (last ?? -1) + 1,
      })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "group_action",
      entityId: row.id,
      action: "create",
      changes: diffFields(null, { groupId, ...input }),
    });
    return present(tx, ctx.clusterId, row);
  });
}

export async function updateAction(ctx: ClusterContext, groupId: string, actionId: string, patch: ActionPatch) {
  return tenant(ctx, async (tx) => {
    const group = await loadGroup(tx, ctx.clusterId, groupId);
    await requirePlanEditable(tx, ctx, group);
    const before = await loadAction(tx, ctx.clusterId, groupId, actionId);
    if (patch.ownerMemberId !== undefined) await checkOwner(tx, ctx.clusterId, groupId, patch.ownerMemberId);
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const changes = diffFields(before as unknown as Record<string, unknown>, values);
    if (!Object.keys(changes).length) return present(tx, ctx.clusterId, before);
    const [row] = await tx
      .update(groupActions)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(groupActions.id, actionId))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "group_action",
      entityId: actionId,
      action: "update",
      changes,
    });
    return present(tx, ctx.clusterId, row);
  });
}

export async function deleteAction(ctx: ClusterContext, groupId: string, actionId: string) {
  await tenant(ctx, async (tx) => {
    const group = await loadGroup(tx, ctx.clusterId, groupId);
    await requirePlanEditable(tx, ctx, group);
    const before = await loadAction(tx, ctx.clusterId, groupId, actionId);
    await tx.delete(groupActions).where(eq(groupActions.id, actionId));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "group_action",
      entityId: actionId,
      action: "delete",
      changes: { title: [before.title, null] },
    });
  });
}

/** Puts the plan in the given order; the list must name every action of the plan once. */
export async function reorderActions(ctx: ClusterContext, groupId: string, ids: string[]) {
  return tenant(ctx, async (tx) => {
    const group = await loadGroup(tx, ctx.clusterId, groupId);
    await requirePlanEditable(tx, ctx, group);
    const rows = await tx
      .select()
      .from(groupActions)
      .where(and(eq(groupActions.clusterId, ctx.clusterId), eq(groupActions.groupId, groupId)));
    const current = new Set(rows.map((r) => r.id));
    if (new Set(ids).size !== ids.length || ids.length !== current.size || ids.some((id) => !current.has(id)))
      throw invalid([{ field: "ids", message: "Donnez chaque action du plan une fois, dans le nouvel ordre" }]);
    for (const [position, id] of ids.entries()) {
      if (rows.find((r) => r.id === id)?.position !== position)
        await tx.update(groupActions).set({ position }).where(eq(groupActions.id, id));
    }
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "working_group",
      entityId: groupId,
      action: "reorder_actions",
      changes: {},
    });
    const ordered = await tx
      .select()
      .from(groupActions)
      .where(and(eq(groupActions.clusterId, ctx.clusterId), eq(groupActions.groupId, groupId)))
      .orderBy(asc(groupActions.position));
    const names = await companyNames(
      tx,
      ctx.clusterId,
      ordered.map((r) => r.ownerMemberId),
    );
    return ordered.map((r) => presentAction(r, names));
  });
}
