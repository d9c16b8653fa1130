import { and, asc, count, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, forbidden, invalid, notFound } from "../../server/errors.js";
import { listGroupDocuments } from "./deliverables.service.js";
import type { GroupInput, GroupPatch } from "./groups.contract.js";
import { canEditPlan, canManageGroups, canMoveOwnMembership } from "./groups.policy.js";
import { presentAction, presentGroupSummary, presentMembership } from "./groups.presenter.js";
import { boardMembers, companyNames, existingMembers, groupMeetings, personIdsOfUser } from "./groups.reads.js";
import {
  type GroupMembershipStatus,
  groupActions,
  type Workstream,
  workingGroupMembers,
  workingGroups,
} from "./groups.schema.js";

export type GroupRow = typeof workingGroups.$inferSelect;

export const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

export async function loadGroup(tx: Db, clusterId: string, groupId: string): Promise<GroupRow> {
  const [row] = await tx
    .select()
    .from(workingGroups)
    .where(and(eq(workingGroups.clusterId, clusterId), eq(workingGroups.id, groupId)));
  if (!row) throw notFound("Working group");
  return row;
}

async function checkLeader(tx: Db, clusterId: string, personId: string | null | undefined) {
  if (!personId) return;
  const [leader] = await boardMembers(tx, clusterId, [personId]);
  if (!leader)
    throw invalid([{ field: "leaderPersonId", message: "Le pilote doit être un administrateur (membre du bureau)" }]);
}

async function checkMembers(tx: Db, clusterId: string, ids: string[], field: string) {
  const found = await existingMembers(tx, clusterId, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw invalid([{ field, message: `Membre inconnu dans ce cluster : ${missing.join(", ")}` }]);
}

/** Whether the actor may change this group's action plan and deliverables. */
export async function planEditable(tx: Db, ctx: ClusterContext, group: GroupRow) {
  if (canManageGroups(ctx.actor)) return true;
  return canEditPlan(ctx.actor, group.leaderPersonId, await personIdsOfUser(tx, ctx.clusterId, ctx.actor.userId));
}

export async function requirePlanEditable(tx: Db, ctx: ClusterContext, group: GroupRow) {
  if (!(await planEditable(tx, ctx, group)))
    throw forbidden("Seuls l'équipe d'animation et le pilote du groupe modifient le plan d'action");
}

async function membershipsOf(tx: Db, clusterId: string, groupIds: string[]) {
  if (!groupIds.length) return [];
  return tx
    .select()
    .from(workingGroupMembers)
    .where(and(eq(workingGroupMembers.clusterId, clusterId), inArray(workingGroupMembers.groupId, groupIds)))
    .orderBy(asc(workingGroupMembers.createdAt));
}

async function openActionCounts(tx: Db, clusterId: string, groupIds: string[]) {
  if (!groupIds.length) return new Map<string, number>();
  const rows = await tx
    .select({ groupId: groupActions.groupId, open: count() })
    .from(groupActions)
    .where(
      and(
        eq(groupActions.clusterId, clusterId),
        inArray(groupActions.groupId, groupIds),
        inArray(groupActions.status, ["todo", "in_progress"]),
      ),
    )
    .groupBy(groupActions.groupId);
  return new Map(rows.map((r) => [r.groupId, Number(r.open)]));
}

export async function listGroups(
  ctx: ClusterContext,
  query: { status?: "active" | "closed"; workstream?: Workstream },
) {
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(workingGroups)
      .where(
        and(
          eq(workingGroups.clusterId, ctx.clusterId),
          query.status ? eq(workingGroups.status, query.status) : undefined,
          query.workstream ? eq(workingGroups.workstream, query.workstream) : undefined,
        ),
      )
      .orderBy(asc(workingGroups.status), desc(workingGroups.createdAt));
    const ids = rows.map((r) => r.id);
    const [memberships, open, leaders] = await Promise.all([
      membershipsOf(tx, ctx.clusterId, ids),
      openActionCounts(tx, ctx.clusterId, ids),
      boardMembers(
        tx,
        ctx.clusterId,
        rows.map((r) => r.leaderPersonId).filter((id): id is string => Boolean(id)),
      ),
    ]);
    return rows.map((row) =>
      presentGroupSummary(row, {
        leader: leaders.find((l) => l.personId === row.leaderPersonId),
        memberships: memberships.filter((m) => m.groupId === row.id),
        openActions: open.get(row.id) ?? 0,
        viewerMemberId: ctx.actor.memberId,
      }),
    );
  });
}

/** Everything the group page shows, read inside the caller's transaction. */
export async function groupDetail(tx: Db, ctx: ClusterContext, row: GroupRow) {
  const [memberships, actions, leaders, meetings, documents, editable] = await Promise.all([
    membershipsOf(tx, ctx.clusterId, [row.id]),
    tx
      .select()
      .from(groupActions)
      .where(and(eq(groupActions.clusterId, ctx.clusterId), eq(groupActions.groupId, row.id)))
      .orderBy(asc(groupActions.position), asc(groupActions.createdAt)),
    row.leaderPersonId ? boardMembers(tx, ctx.clusterId, [row.leaderPersonId]) : Promise.resolve([]),
    groupMeetings(tx, ctx.clusterId, row.id, canManageGroups(ctx.actor)),
    listGroupDocuments(tx, ctx.clusterId, row.id),
    planEditable(tx, ctx, row),
  ]);
  const names = await companyNames(tx, ctx.clusterId, [
    ...memberships.map((m) => m.memberId),
    ...actions.map((a) => a.ownerMemberId),
  ]);
  const order: Record<GroupMembershipStatus, number> = { active: 0, invited: 1, declined: 2, left: 3 };
  return {
    ...presentGroupSummary(row, {
      leader: leaders[0],
      memberships,
      openActions: actions.filter((a) => a.status === "todo" || a.status === "in_progress").length,
      viewerMemberId: ctx.actor.memberId,
    }),
    members: memberships
      .map((m) => presentMembership(m, names))
      .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, "fr")),
    actions: actions.map((a) => presentAction(a, names)),
    meetings,
    documents,
    canManage: canManageGroups(ctx.actor),
    canEditPlan: editable,
  };
}

export async function getGroup(ctx: ClusterContext, groupId: string) {
  return tenant(ctx, async (tx) => groupDetail(tx, ctx, await loadGroup(tx, ctx.clusterId, groupId)));
}

export interface NewWorkingGroup {
  name: string;
  theme: string;
  workstream: Workstream;
  description?: string | null;
  leaderPersonId?: string | null;
  members: { memberId: string; status: "invited" | "active" }[];
  originNeedId?: string | null;
}

/**
 * Creates a group and its companies inside the caller's transaction (shared by the groups API and by
 * "open a group from a common need", which invites the need's companies).
 */
export async function insertWorkingGroup(tx: Db, ctx: ClusterContext, input: NewWorkingGroup): Promise<GroupRow> {
  await checkLeader(tx, ctx.clusterId, input.leaderPersonId);
  const memberIds = [...new Set(input.members.map((m) => m.memberId))];
  await checkMembers(tx, ctx.clusterId, memberIds, "memberIds");
  const [group] = await tx
    .insert(workingGroups)
    .values({
      clusterId: ctx.clusterId,
      name: input.name,
      theme: input.theme,
      workstream: input.workstream,
      description: input.description ?? null,
      leaderPersonId: input.leaderPersonId ?? null,
      originNeedId: input.originNeedId ?? null,
    })
    .returning();
  const now = new Date();
  const seen = new Set<string>();
  const rows = input.members
    .filter((m) => (seen.has(m.memberId) ? false : seen.add(m.memberId)))
    .map((m) => ({
      clusterId: ctx.clusterId,
      groupId: group.id,
      memberId: m.memberId,
      status: m.status,
      invitedAt: m.status === "invited" ? now : null,
      joinedAt: m.status === "active" ? now : null,
    }));
  if (rows.length) await tx.insert(workingGroupMembers).values(rows);
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "working_group",
    entityId: group.id,
    action: "create",
    changes: diffFields(null, {
      name: group.name,
      theme: group.theme,
      workstream: group.workstream,
      leaderPersonId: group.leaderPersonId,
      members: rows.map((r) => `${r.memberId}:${r.status}`),
      originNeedId: group.originNeedId,
    }),
  });
  return group;
}

export async function createGroup(ctx: ClusterContext, input: GroupInput) {
  return tenant(ctx, async (tx) => {
    const group = await insertWorkingGroup(tx, ctx, {
      ...input,
      members: (input.memberIds ?? []).map((memberId) => ({ memberId, status: "active" as const })),
    });
    return groupDetail(tx, ctx, group);
  });
}

export async function updateGroup(ctx: ClusterContext, groupId: string, patch: GroupPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadGroup(tx, ctx.clusterId, groupId);
    if (patch.leaderPersonId !== undefined) await checkLeader(tx, ctx.clusterId, patch.leaderPersonId);
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const changes = diffFields(before as unknown as Record<string, unknown>, values);
    if (!Object.keys(changes).length) return groupDetail(tx, ctx, before);
    const [updated] = await tx
      .update(workingGroups)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(workingGroups.id, groupId))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "working_group",
      entityId: groupId,
      action: "update",
      changes,
    });
    return groupDetail(tx, ctx, updated);
  });
}

export async function listLeaders(ctx: ClusterContext) {
  return tenant(ctx, async (tx) =>
    (await boardMembers(tx, ctx.clusterId)).map(({ userId: _userId, ...leader }) => leader),
  );
}

async function loadMembership(tx: Db, clusterId: string, groupId: string, memberId: string) {
  const [row] = await tx
    .select()
    .from(workingGroupMembers)
    .where(
      and(
        eq(workingGroupMembers.clusterId, clusterId),
        eq(workingGroupMembers.groupId, groupId),
        eq(workingGroupMembers.memberId, memberId),
      ),
    );
  return row;
}

export async function addGroupMember(
  ctx: ClusterContext,
  groupId: string,
  input: { memberId: string; status: "invited" | "active" },
) {
  return tenant(ctx, async (tx) => {
    const group = await loadGroup(tx, ctx.clusterId, groupId);
    await checkMembers(tx, ctx.clusterId, [input.memberId], "memberId");
    if (await loadMembership(tx, ctx.clusterId, groupId, input.memberId))
      throw conflict("Cette entreprise est déjà dans le groupe", [
        { field: "memberId", message: "Déjà dans le groupe" },
      ]);
    const now = new Date();
    await tx.insert(workingGroupMembers).values({
      clusterId: ctx.clusterId,
      groupId,
      memberId: input.memberId,
      status: input.status,
      invitedAt: input.status === "invited" ? now : null,
      joinedAt: input.status === "active" ? now : null,
    });
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "working_group",
      entityId: groupId,
      action: "member_add",
      changes: { [input.memberId]: [null, input.status] },
    });
    return groupDetail(tx, ctx, group);
  });
}

export async function updateGroupMember(
  ctx: ClusterContext,
  groupId: string,
  memberId: string,
  status: GroupMembershipStatus,
) {
  return tenant(ctx, async (tx) => {
    const group = await loadGroup(tx, ctx.clusterId, groupId);
    const before = await loadMembership(tx, ctx.clusterId, groupId, memberId);
    if (!before) throw notFound("Group membership");
    if (!canMoveOwnMembership(ctx.actor, memberId, before.status, status))
      throw forbidden("Vous ne pouvez répondre que pour votre entreprise (accepter, décliner, quitter)");
    if (before.status !== status) {
      const now = new Date();
      await tx
        .update(workingGroupMembers)
        .set({
          status,
          joinedAt: status === "active" ? now : before.joinedAt,
          leftAt: status === "left" ? now : null,
        })
        .where(eq(workingGroupMembers.id, before.id));
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "working_group",
        entityId: groupId,
        action: "member_status",
        changes: { [memberId]: [before.status, status] },
      });
    }
    return groupDetail(tx, ctx, group);
  });
}

export async function removeGroupMember(ctx: ClusterContext, groupId: string, memberId: string) {
  await tenant(ctx, async (tx) => {
    await loadGroup(tx, ctx.clusterId, groupId);
    const before = await loadMembership(tx, ctx.clusterId, groupId, memberId);
    if (!before) throw notFound("Group membership");
    await tx.delete(workingGroupMembers).where(eq(workingGroupMembers.id, before.id));
    // Actions it carried stay in the plan, without an owner.
    await tx
      .update(groupActions)
      .set({ ownerMemberId: null })
      .where(
        and(
          eq(groupActions.clusterId, ctx.clusterId),
          eq(groupActions.groupId, groupId),
          eq(groupActions.ownerMemberId, memberId),
        ),
      );
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "working_group",
      entityId: groupId,
      action: "member_remove",
      changes: { [memberId]: [before.status, null] },
    });
  });
}

/** Companies of the group that may carry an action (any but those who declined or left). */
export async function groupCompanyIds(tx: Db, clusterId: string, groupId: string) {
  const rows = await tx
    .select({ memberId: workingGroupMembers.memberId })
    .from(workingGroupMembers)
    .where(
      and(
        eq(workingGroupMembers.clusterId, clusterId),
        eq(workingGroupMembers.groupId, groupId),
        ne(workingGroupMembers.status, "declined"),
        ne(workingGroupMembers.status, "left"),
      ),
    );
  return new Set(rows.map((r) => r.memberId));
}
