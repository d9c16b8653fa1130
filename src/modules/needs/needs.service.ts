import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { foldText } from "../../core/reference/text.js";
import { SimilarityIndex } from "../../core/similarity/similarity.js";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, forbidden, invalid, notFound } from "../../server/errors.js";
import { groupDetail, insertWorkingGroup } from "../groups/groups.service.js";
import { membersByIds } from "../members/members.service.js";
import type { NeedInput, NeedPatch, OpenGroupInput, SupportInput } from "./needs.contract.js";
import { canEditNeed, isNeedsStaff } from "./needs.policy.js";
import { presentNeed, presentSupporter } from "./needs.presenter.js";
import { companiesOf, suggestWorkstream } from "./needs.rules.js";
import { type NeedStatus, needSupporters, needs } from "./needs.schema.js";

type NeedRow = typeof needs.$inferSelect;
type SupporterRow = typeof needSupporters.$inferSelect;

const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

async function loadNeed(tx: Db, clusterId: string, id: string, field?: string): Promise<NeedRow> {
  const [row] = await tx
    .select()
    .from(needs)
    .where(and(eq(needs.clusterId, clusterId), eq(needs.id, id)));
  if (!row) {
    if (field) throw invalid([{ field, message: "Besoin inconnu dans ce cluster" }]);
    throw notFound("Need");
  }
  return row;
}

async function supportersOf(tx: Db, clusterId: string, needIds: string[]): Promise<SupporterRow[]> {
  if (!needIds.length) return [];
  return tx
    .select()
    .from(needSupporters)
    .where(and(eq(needSupporters.clusterId, clusterId), inArray(needSupporters.needId, needIds)))
    .orderBy(asc(needSupporters.createdAt));
}

async function namesOf(tx: Db, clusterId: string, ids: (string | null)[]) {
  const rows = await membersByIds(tx, clusterId, [...new Set(ids.filter((id): id is string => Boolean(id)))]);
  return new Map(rows.map((m) => [m.id, m.legalName]));
}

/** Needs with their supporters, presented for the actor. */
async function presentMany(tx: Db, ctx: ClusterContext, rows: NeedRow[]) {
  const supporters = await supportersOf(
    tx,
    ctx.clusterId,
    rows.map((r) => r.id),
  );
  const names = await namesOf(tx, ctx.clusterId, [
    ...rows.map((r) => r.memberId),
    ...supporters.map((s) => s.memberId),
  ]);
  return rows.map((row) => ({
    row,
    supporters: supporters.filter((s) => s.needId === row.id),
    json: presentNeed(
      row,
      supporters.filter((s) => s.needId === row.id),
      names,
      ctx.actor,
    ),
    names,
  }));
}

async function detail(tx: Db, ctx: ClusterContext, row: NeedRow) {
  const [{ json, supporters, names }] = await presentMany(tx, ctx, [row]);
  const mergedFrom = await tx
    .select({ id: needs.id, title: needs.title })
    .from(needs)
    .where(and(eq(needs.clusterId, ctx.clusterId), eq(needs.mergedIntoId, row.id)))
    .orderBy(asc(needs.createdAt));
  return { ...json, supporters: supporters.map((s) => presentSupporter(s, names)), mergedFrom };
}

const matchesText = (row: NeedRow, q: string) => {
  const haystack = foldText(`${row.title} ${row.body ?? ""}`);
  return foldText(q)
    .split(" ")
    .filter(Boolean)
    .every((word) => haystack.includes(word));
};

export async function listNeeds(
  ctx: ClusterContext,
  query: { q?: string; status: NeedStatus | "all"; sort: "support" | "recent"; mine?: "true" | "false" },
) {
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(needs)
      .where(
        and(eq(needs.clusterId, ctx.clusterId), query.status === "all" ? undefined : eq(needs.status, query.status)),
      )
      .orderBy(asc(needs.createdAt))
      .limit(2000);
    const filtered = rows.filter((r) => !query.q || matchesText(r, query.q));
    let presented = (await presentMany(tx, ctx, filtered)).map((p) => p.json);
    if (query.mine === "true") presented = presented.filter((n) => n.mine || n.supportedByMe);
    const byDate = (a: { createdAt: string }, b: { createdAt: string }) => b.createdAt.localeCompare(a.createdAt);
    return presented.sort((a, b) =>
      query.sort === "recent" ? byDate(a, b) : b.companyCount - a.companyCount || byDate(a, b),
    );
  });
}

export async function getNeed(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => detail(tx, ctx, await loadNeed(tx, ctx.clusterId, id)));
}

/** The company a person acts for: their own, or (staff) the one named. */
async function actingCompany(tx: Db, ctx: ClusterContext, named: string | null | undefined, required: boolean) {
  if (!isNeedsStaff(ctx.actor)) {
    if (named && named !== ctx.actor.memberId) throw forbidden("Vous ne pouvez parler qu'au nom de votre entreprise");
    if (!ctx.actor.memberId) throw forbidden("Votre compte n'est rattaché à aucune entreprise adhérente");
    return ctx.actor.memberId;
  }
  if (!named) {
    if (required) throw invalid([{ field: "memberId", message: "Choisissez l'entreprise concernée" }]);
    return null;
  }
  if (!(await namesOf(tx, ctx.clusterId, [named])).has(named))
    throw invalid([{ field: "memberId", message: "Membre inconnu dans ce cluster" }]);
  return named;
}

export async function postNeed(ctx: ClusterContext, input: NeedInput) {
  return tenant(ctx, async (tx) => {
    const memberId = await actingCompany(tx, ctx, input.memberId, false);
    const [row] = await tx
      .insert(needs)
      .values({
        clusterId: ctx.clusterId,
        memberId,
        authorUserId: ctx.actor.userId,
        authorLabel: ctx.actor.label,
        title: input.title,
        body: input.body || null,
      })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "need",
      entityId: row.id,
      action: "create",
      changes: diffFields(null, { title: row.title, body: row.body, memberId }),
    });
    return detail(tx, ctx, row);
  });
}

export async function updateNeed(ctx: ClusterContext, id: string, patch: NeedPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadNeed(tx, ctx.clusterId, id);
    if (!canEditNeed(ctx.actor, before)) throw forbidden("Seuls l'entreprise qui l'a posté et l'équipe le modifient");
    if (patch.status !== undefined && !isNeedsStaff(ctx.actor))
      throw forbidden("Seule l'équipe d'animation clôt ou rouvre un besoin");
    if (!isNeedsStaff(ctx.actor) && before.status !== "open")
      throw conflict("Ce besoin n'est plus ouvert : il ne se modifie plus");
    if (patch.status && (before.status === "merged" || before.status === "group_opened"))
      throw conflict("Un besoin fusionné ou devenu groupe de travail garde son statut", [
        { field: "status", message: `Statut actuel : ${before.status}` },
      ]);
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const changes = diffFields(before as unknown as Record<string, unknown>, values);
    if (!Object.keys(changes).length) return detail(tx, ctx, before);
    const [row] = await tx
      .update(needs)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(needs.id, id))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, { entityType: "need", entityId: id, action: "update", changes });
    return detail(tx, ctx, row);
  });
}

function requireOpen(need: NeedRow, what: string) {
  if (need.status !== "open")
    throw conflict(`${what} : ce besoin n'est plus ouvert (${need.status})`, [
      { field: "status", message: need.status },
    ]);
}

export async function supportNeed(ctx: ClusterContext, id: string, input: SupportInput) {
  return tenant(ctx, async (tx) => {
    const need = await loadNeed(tx, ctx.clusterId, id);
    const memberId = (await actingCompany(tx, ctx, input.memberId, true))!;
    requireOpen(need, "« Moi aussi » impossible");
    if (need.memberId === memberId)
      throw conflict("Ce besoin vient de cette entreprise : elle compte déjà", [
        { field: "memberId", message: "Entreprise auteur du besoin" },
      ]);
    const [existing] = await tx
      .select({ id: needSupporters.id })
      .from(needSupporters)
      .where(and(eq(needSupporters.needId, id), eq(needSupporters.memberId, memberId)));
    if (existing)
      throw conflict("Cette entreprise a déjà dit « moi aussi »", [
        { field: "memberId", message: "Un « moi aussi » par entreprise" },
      ]);
    await tx.insert(needSupporters).values({
      clusterId: ctx.clusterId,
      needId: id,
      memberId,
      userId: ctx.actor.userId,
      authorLabel: ctx.actor.label,
      comment: input.comment || null,
    });
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "need",
      entityId: id,
      action: "support",
      changes: { [memberId]: [null, input.comment || ""] },
    });
    return detail(tx, ctx, need);
  });
}

export async function withdrawSupport(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => {
    const need = await loadNeed(tx, ctx.clusterId, id);
    if (!ctx.actor.memberId) throw forbidden("Votre compte n'est rattaché à aucune entreprise adhérente");
    requireOpen(need, "Retrait impossible");
    const [removed] = await tx
      .delete(needSupporters)
      .where(and(eq(needSupporters.needId, id), eq(needSupporters.memberId, ctx.actor.memberId)))
      .returning({ id: needSupporters.id });
    if (!removed) throw notFound("Support");
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "need",
      entityId: id,
      action: "withdraw_support",
      changes: { [ctx.actor.memberId]: ["", null] },
    });
    return detail(tx, ctx, need);
  });
}

/**
 * Merges `sourceId` into `intoId`: every company sharing the source (its author's included) becomes a
 * supporter of the target unless already counted there; the source is marked merged.
 */
export async function mergeNeed(ctx: ClusterContext, sourceId: string, intoId: string) {
  if (sourceId === intoId) throw invalid([{ field: "intoId", message: "Un besoin ne se fusionne pas dans lui-même" }]);
  return tenant(ctx, async (tx) => {
    const source = await loadNeed(tx, ctx.clusterId, sourceId);
    const target = await loadNeed(tx, ctx.clusterId, intoId, "intoId");
    requireOpen(source, "Fusion impossible");
    if (target.status !== "open")
      throw conflict(`Fusion impossible : le besoin cible n'est plus ouvert (${target.status})`, [
        { field: "intoId", message: target.status },
      ]);
    const [sourceSupporters, targetSupporters] = await Promise.all([
      supportersOf(tx, ctx.clusterId, [sourceId]),
      supportersOf(tx, ctx.clusterId, [intoId]),
    ]);
    const counted = new Set(
      companiesOf(
        target,
        targetSupporters.map((s) => s.memberId),
      ),
    );
    const carried: string[] = [];
    for (const supporter of sourceSupporters) {
      if (counted.has(supporter.memberId)) {
        await tx.delete(needSupporters).where(eq(needSupporters.id, supporter.id));
      } else {
        await tx.update(needSupporters).set({ needId: intoId }).where(eq(needSupporters.id, supporter.id));
        counted.add(supporter.memberId);
        carried.push(supporter.memberId);
      }
    }
    if (source.memberId && !counted.has(source.memberId)) {
      await tx.insert(needSupporters).values({
        clusterId: ctx.clusterId,
        needId: intoId,
        memberId: source.memberId,
        userId: source.authorUserId,
        authorLabel: source.authorLabel,
        comment: [source.title, source.body].filter(Boolean).join(" — ").slice(0, 2000),
      });
      carried.push(source.memberId);
    }
    const now = new Date();
    await tx
      .update(needs)
      .set({ status: "merged", mergedIntoId: intoId, updatedAt: now })
      .where(eq(needs.id, sourceId));
    // Needs merged into the source earlier now point at the target.
    await tx
      .update(needs)
      .set({ mergedIntoId: intoId })
      .where(and(eq(needs.clusterId, ctx.clusterId), eq(needs.mergedIntoId, sourceId)));
    await tx.update(needs).set({ updatedAt: now }).where(eq(needs.id, intoId));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "need",
      entityId: sourceId,
      action: "merge",
      changes: { mergedIntoId: [null, intoId] },
    });
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "need",
      entityId: intoId,
      action: "merge_in",
      changes: { [sourceId]: [null, carried] },
    });
    return detail(tx, ctx, await loadNeed(tx, ctx.clusterId, intoId));
  });
}

/** Open, undismissed needs shared by at least `threshold` distinct companies, most shared first. */
export async function needProposals(ctx: ClusterContext, threshold: number) {
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(needs)
      .where(and(eq(needs.clusterId, ctx.clusterId), eq(needs.status, "open"), isNull(needs.proposalDismissedAt)))
      .limit(2000);
    return (await presentMany(tx, ctx, rows))
      .filter((p) => p.json.companyCount >= threshold)
      .sort((a, b) => b.json.companyCount - a.json.companyCount)
      .map(({ row, json, supporters, names }) => ({
        need: json,
        companies: companiesOf(
          row,
          supporters.map((s) => s.memberId),
        ).map((id) => ({ id, name: names.get(id) ?? "—" })),
        suggestedWorkstream: suggestWorkstream(`${row.title} ${row.body ?? ""}`),
      }));
  });
}

export async function dismissProposal(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => {
    const need = await loadNeed(tx, ctx.clusterId, id);
    requireOpen(need, "Proposition déjà traitée");
    const [row] = await tx
      .update(needs)
      .set({ proposalDismissedAt: new Date(), updatedAt: new Date() })
      .where(eq(needs.id, id))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "need",
      entityId: id,
      action: "dismiss_proposal",
      changes: {},
    });
    return detail(tx, ctx, row);
  });
}

/** One action: a working group with every company sharing the need invited, and the need marked as such. */
export async function openGroupFromNeed(ctx: ClusterContext, id: string, input: OpenGroupInput) {
  return tenant(ctx, async (tx) => {
    const need = await loadNeed(tx, ctx.clusterId, id);
    requireOpen(need, "Groupe déjà ouvert ou besoin clos");
    const supporters = await supportersOf(tx, ctx.clusterId, [id]);
    const group = await insertWorkingGroup(tx, ctx, {
      ...input,
      description: input.description ?? need.body,
      members: companiesOf(
        need,
        supporters.map((s) => s.memberId),
      ).map((memberId) => ({ memberId, status: "invited" as const })),
      originNeedId: id,
    });
    await tx
      .update(needs)
      .set({ status: "group_opened", workingGroupId: group.id, updatedAt: new Date() })
      .where(eq(needs.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "need",
      entityId: id,
      action: "open_group",
      changes: { workingGroupId: [null, group.id], status: [need.status, "group_opened"] },
    });
    return groupDetail(tx, ctx, group);
  });
}

/** Open needs (and those already turned into a group, which one may join) most like `text`. */
export async function similarNeeds(ctx: ClusterContext, text: string, exclude?: string) {
  if (!text.trim()) return [];
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(needs)
      .where(and(eq(needs.clusterId, ctx.clusterId), inArray(needs.status, ["open", "group_opened"])))
      .limit(5000);
    const index = new SimilarityIndex(rows.map((r) => ({ id: r.id, text: `${r.title}\n${r.body ?? ""}` })));
    const hits = index.search(text, { limit: 5, exclude });
    const chosen = hits.map((h) => rows.find((r) => r.id === h.id)!);
    const supporters = await supportersOf(
      tx,
      ctx.clusterId,
      chosen.map((r) => r.id),
    );
    return hits.map((hit, i) => ({
      id: hit.id,
      title: chosen[i].title,
      status: chosen[i].status,
      companyCount: companiesOf(
        chosen[i],
        supporters.filter((s) => s.needId === hit.id).map((s) => s.memberId),
      ).length,
      score: Math.round(hit.score * 100) / 100,
    }));
  });
}
