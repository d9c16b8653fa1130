import { and, eq, inArray, ne, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, historyOf, recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, forbidden, invalid, notFound } from "../../server/errors.js";
import type { MemberInput, MemberPatch } from "./members.contract.js";
import { audienceFor, canEditMember, staffOnlyFields } from "./members.policy.js";
import { presentHistoryChanges, presentMember, sponsorIdsIn } from "./members.presenter.js";
import { defaultVisibility, type MemberValues, prepareMemberValues, searchTextOf } from "./members.rules.js";
import { dues, members, people, trades } from "./members.schema.js";

export type MemberRow = typeof members.$inferSelect;

export const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

export async function tradeLabelsOf(tx: Db, clusterId: string, locale: "fr" | "en" = "fr") {
  const rows = await tx.select().from(trades).where(eq(trades.clusterId, clusterId)).orderBy(trades.position);
  return new Map(rows.map((t) => [t.code, locale === "en" ? t.labelEn : t.labelFr]));
}

async function loadMember(tx: Db, clusterId: string, id: string): Promise<MemberRow> {
  const [row] = await tx
    .select()
    .from(members)
    .where(and(eq(members.clusterId, clusterId), eq(members.id, id)));
  if (!row) throw notFound("Member");
  return row;
}

/** A member with the same SIREN, or with the same normalised name when either lacks a SIREN. */
export async function findDuplicate(
  tx: Db,
  clusterId: string,
  candidate: { siren?: string | null; nameKey?: string | null },
  exceptId?: string,
): Promise<MemberRow | undefined> {
  const conditions = [];
  if (candidate.siren) conditions.push(eq(members.siren, candidate.siren));
  if (candidate.nameKey) conditions.push(eq(members.nameKey, candidate.nameKey));
  if (!conditions.length) return undefined;
  const rows = await tx
    .select()
    .from(members)
    .where(and(eq(members.clusterId, clusterId), or(...conditions), exceptId ? ne(members.id, exceptId) : undefined))
    .limit(5);
  return (
    rows.find((r) => candidate.siren && r.siren === candidate.siren) ??
    rows.find((r) => !candidate.siren || !r.siren || r.siren === candidate.siren)
  );
}

/** The 409 of a duplicate: the field that collides, and the other member's id and name as `details`. */
function duplicateConflict(message: string, duplicate: MemberRow, values: { siren?: string | null }) {
  const field = values.siren && duplicate.siren === values.siren ? "siren" : "legalName";
  return conflict(message, [{ field, message: `Doublon de ${duplicate.legalName}` }], {
    duplicateId: duplicate.id,
    duplicateName: duplicate.legalName,
  });
}

export async function presentOne(tx: Db, ctx: ClusterContext, row: MemberRow, locale: "fr" | "en" = "fr") {
  const [labels, personRows, duesRows, sponsor] = await Promise.all([
    tradeLabelsOf(tx, ctx.clusterId, locale),
    tx
      .select()
      .from(people)
      .where(and(eq(people.clusterId, ctx.clusterId), eq(people.memberId, row.id)))
      .orderBy(people.createdAt),
    tx
      .select()
      .from(dues)
      .where(and(eq(dues.clusterId, ctx.clusterId), eq(dues.memberId, row.id))),
    row.sponsorId
      ? tx.select({ id: members.id, name: members.legalName }).from(members).where(eq(members.id, row.sponsorId))
      : Promise.resolve([]),
  ]);
  return presentMember(row, {
    audience: audienceFor(ctx.actor, row.id),
    canEdit: canEditMember(ctx.actor, row.id),
    tradeLabels: labels,
    people: personRows,
    dues: duesRows,
    sponsor: sponsor[0] ?? null,
  });
}

export async function getMember(ctx: ClusterContext, id: string, locale: "fr" | "en" = "fr") {
  return tenant(ctx, async (tx) => presentOne(tx, ctx, await loadMember(tx, ctx.clusterId, id), locale));
}

async function checkSponsor(tx: Db, clusterId: string, sponsorId: string | null | undefined) {
  if (!sponsorId) return;
  const [sponsor] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.clusterId, clusterId), eq(members.id, sponsorId)));
  if (!sponsor) throw invalid([{ field: "sponsorId", message: "Parrain inconnu dans ce cluster" }]);
}

/** Inserts a checked member inside the caller's transaction (shared by the API, imports and the demo). */
export async function insertMember(tx: Db, ctx: ClusterContext, values: MemberValues, labels: Map<string, string>) {
  const row = {
    kind: "company" as const,
    status: "member" as const,
    tradeCodes: [],
    certifications: [],
    equipment: [],
    visibility: defaultVisibility,
    ...values,
    legalName: values.legalName!,
    nameKey: values.nameKey!,
    clusterId: ctx.clusterId,
  };
  const [created] = await tx
    .insert(members)
    .values({ ...row, searchText: searchTextOf({ description: null, tradeName: null, town: null, ...row }, labels) })
    .returning();
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "member",
    entityId: created.id,
    action: "create",
    changes: diffFields(null, values as Record<string, unknown>),
  });
  return created;
}

export async function createMember(ctx: ClusterContext, input: MemberInput) {
  return tenant(ctx, async (tx) => {
    const labels = await tradeLabelsOf(tx, ctx.clusterId);
    const { values, errors } = prepareMemberValues(input, null, new Set(labels.keys()));
    if (errors.length) throw invalid(errors);
    await checkSponsor(tx, ctx.clusterId, values.sponsorId);
    const duplicate = await findDuplicate(tx, ctx.clusterId, values);
    if (duplicate) throw duplicateConflict(`Ce membre existe déjà : ${duplicate.legalName}`, duplicate, values);
    const created = await insertMember(tx, ctx, values, labels);
    return presentOne(tx, ctx, created);
  });
}

/** Applies checked values to an existing member and records the difference; returns null when nothing changed. */
export async function applyMemberChange(
  tx: Db,
  ctx: ClusterContext,
  before: MemberRow,
  values: MemberValues,
  labels: Map<string, string>,
) {
  const changes = diffFields(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
  if (!Object.keys(changes).length) return null;
  const merged = { ...before, ...values };
  const [updated] = await tx
    .update(members)
    .set({ ...values, searchText: searchTextOf(merged, labels), version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(members.id, before.id), eq(members.version, before.version)))
    .returning();
  if (!updated)
    throw conflict("Ce membre a été modifié entre-temps : rechargez la fiche", [
      { field: "version", message: "Version périmée" },
    ]);
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "member",
    entityId: before.id,
    action: "update",
    changes,
  });
  return updated;
}

export async function updateMember(ctx: ClusterContext, id: string, patch: MemberPatch) {
  if (!canEditMember(ctx.actor, id)) throw forbidden("Vous ne pouvez modifier que la fiche de votre entreprise");
  const { version, ...input } = patch;
  if (ctx.actor.role !== "staff" && !ctx.actor.platformAdmin) {
    const touched = staffOnlyFields.filter((f) => input[f] !== undefined);
    if (touched.length) throw forbidden(`Seule l'équipe d'animation modifie : ${touched.join(", ")}`);
  }
  return tenant(ctx, async (tx) => {
    const before = await loadMember(tx, ctx.clusterId, id);
    if (before.version !== version) {
      throw conflict("Ce membre a été modifié entre-temps : rechargez la fiche", [
        { field: "version", message: `Version ${version} lue, ${before.version} actuelle` },
      ]);
    }
    const labels = await tradeLabelsOf(tx, ctx.clusterId);
    const { values, errors } = prepareMemberValues(input, before, new Set(labels.keys()));
    if (errors.length) throw invalid(errors);
    await checkSponsor(tx, ctx.clusterId, values.sponsorId);
    if (values.siren || values.nameKey) {
      const duplicate = await findDuplicate(
        tx,
        ctx.clusterId,
        { siren: values.siren ?? before.siren, nameKey: values.nameKey ?? before.nameKey },
        id,
      );
      if (duplicate && (values.siren ? duplicate.siren === values.siren : true)) {
        const what = values.siren ? "SIREN" : "nom";
        throw duplicateConflict(`Un autre membre porte déjà ce ${what} : ${duplicate.legalName}`, duplicate, values);
      }
    }
    const updated = (await applyMemberChange(tx, ctx, before, values, labels)) ?? before;
    return presentOne(tx, ctx, updated);
  });
}

export async function deleteMember(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const before = await loadMember(tx, ctx.clusterId, id);
    await tx
      .update(members)
      .set({ sponsorId: null })
      .where(and(eq(members.clusterId, ctx.clusterId), eq(members.sponsorId, id)));
    await tx.delete(members).where(eq(members.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "member",
      entityId: id,
      action: "delete",
      changes: { legalName: [before.legalName, null] },
    });
  });
}

export async function memberHistory(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => {
    await loadMember(tx, ctx.clusterId, id);
    const personIds = (await tx.select({ id: people.id }).from(people).where(eq(people.memberId, id))).map((p) => p.id);
    const own = await historyOf(tx, ctx.clusterId, "member", id);
    const related = await Promise.all(personIds.map((pid) => historyOf(tx, ctx.clusterId, "person", pid)));
    const duesEntries = await historyOf(tx, ctx.clusterId, "dues", id);
    const entries = [...own, ...related.flat(), ...duesEntries].sort((a, b) => b.at.getTime() - a.at.getTime());
    const sponsorIds = sponsorIdsIn(entries);
    const sponsorNames = new Map(
      (await membersByIds(tx, ctx.clusterId, sponsorIds)).map((row) => [row.id, row.legalName] as const),
    );
    return entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      changes: presentHistoryChanges(e.entityType, e.changes, sponsorNames),
    }));
  });
}

/** Legal names of members of the cluster by id, for platform screens that name a member company (accounts). */
export async function memberNames(ctx: ClusterContext, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select({ id: members.id, legalName: members.legalName })
      .from(members)
      .where(and(eq(members.clusterId, ctx.clusterId), inArray(members.id, wanted)));
    return new Map(rows.map((row) => [row.id, row.legalName]));
  });
}

export async function membersByIds(tx: Db, clusterId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select()
    .from(members)
    .where(and(eq(members.clusterId, clusterId), inArray(members.id, ids)));
}
