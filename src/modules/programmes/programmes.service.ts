import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, ne } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, invalid, notFound } from "../../server/errors.js";
import { fundingCallTitles } from "../funding/calls.reads.js";
import { membersByIds } from "../members/members.service.js";
import type {
  EnrolmentInput,
  EnrolmentPatch,
  ProgrammeInput,
  SupportCaseInput,
  SupportCasePatch,
} from "./programmes.contract.js";
import { presentEnrolment, presentProgramme, presentSupportCase } from "./programmes.presenter.js";
import { activeDuring, STANDARD_PROGRAMME_TEXTS } from "./programmes.rules.js";
import { programmeEnrolments, programmes, STANDARD_PROGRAMMES, supportCases } from "./programmes.schema.js";

type ProgrammeRow = typeof programmes.$inferSelect;
const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

/** The standard programmes exist in every cluster: created the first time the cluster's programmes are read. */
export async function ensureStandardProgrammes(tx: Db, clusterId: string) {
  await tx
    .insert(programmes)
    .values(STANDARD_PROGRAMMES.map((code) => ({ clusterId, code, ...STANDARD_PROGRAMME_TEXTS[code] })))
    .onConflictDoNothing({ target: [programmes.clusterId, programmes.code] });
}

/** The standard programmes in their usual order, then the staff's own in the order they were made. */
const standardRank = (code: string | null) => {
  const i = STANDARD_PROGRAMMES.indexOf(code as (typeof STANDARD_PROGRAMMES)[number]);
  return i < 0 ? STANDARD_PROGRAMMES.length : i;
};
const inOrder = (rows: ProgrammeRow[]) =>
  rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => standardRank(a.row.code) - standardRank(b.row.code) || a.i - b.i)
    .map((x) => x.row);

async function namesOf(tx: Db, clusterId: string, ids: string[]) {
  const rows = await membersByIds(tx, clusterId, [...new Set(ids)]);
  return new Map(rows.map((m) => [m.id, m.legalName]));
}

async function requireMember(tx: Db, clusterId: string, memberId: string) {
  const [row] = await membersByIds(tx, clusterId, [memberId]);
  if (!row) throw invalid([{ field: "memberId", message: "Membre inconnu dans ce cluster" }]);
  return row;
}

async function loadProgramme(tx: Db, clusterId: string, id: string): Promise<ProgrammeRow> {
  const [row] = await tx
    .select()
    .from(programmes)
    .where(and(eq(programmes.clusterId, clusterId), eq(programmes.id, id)));
  if (!row) throw notFound("Programme");
  return row;
}

async function enrolmentCounts(tx: Db, clusterId: string) {
  const rows = await tx
    .select({ programmeId: programmeEnrolments.programmeId, n: count() })
    .from(programmeEnrolments)
    .where(and(eq(programmeEnrolments.clusterId, clusterId), ne(programmeEnrolments.status, "dropped")))
    .groupBy(programmeEnrolments.programmeId);
  return new Map(rows.map((r) => [r.programmeId, Number(r.n)]));
}

export async function listProgrammes(ctx: ClusterContext) {
  return tenant(ctx, async (tx) => {
    await ensureStandardProgrammes(tx, ctx.clusterId);
    const rows = inOrder(
      await tx
        .select()
        .from(programmes)
        .where(eq(programmes.clusterId, ctx.clusterId))
        .orderBy(asc(programmes.createdAt), asc(programmes.name)),
    );
    const counts = await enrolmentCounts(tx, ctx.clusterId);
    return rows.map((r) => presentProgramme(r, counts.get(r.id) ?? 0));
  });
}

async function detail(tx: Db, clusterId: string, row: ProgrammeRow) {
  const enrolments = await tx
    .select()
    .from(programmeEnrolments)
    .where(and(eq(programmeEnrolments.clusterId, clusterId), eq(programmeEnrolments.programmeId, row.id)))
    .orderBy(desc(programmeEnrolments.enrolledOn));
  const names = await namesOf(
    tx,
    clusterId,
    enrolments.map((e) => e.memberId),
  );
  return {
    ...presentProgramme(row, enrolments.filter((e) => e.status !== "dropped").length),
    enrolmentList: enrolments.map((e) => presentEnrolment(e, names)),
  };
}

export async function getProgramme(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => detail(tx, ctx.clusterId, await loadProgramme(tx, ctx.clusterId, id)));
}

export async function createProgramme(ctx: ClusterContext, input: ProgrammeInput) {
  return tenant(ctx, async (tx) => {
    const [row] = await tx
      .insert(programmes)
      .values({
        clusterId: ctx.clusterId,
        name: input.name,
        description: input.description ?? null,
        partnerBody: input.partnerBody ?? null,
        active: input.active ?? true,
      })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, { entityType: "programme", entityId: row.id, action: "create" });
    return detail(tx, ctx.clusterId, row);
  });
}

export async function updateProgramme(ctx: ClusterContext, id: string, patch: Partial<ProgrammeInput>) {
  return tenant(ctx, async (tx) => {
    const before = await loadProgramme(tx, ctx.clusterId, id);
    const [row] = await tx.update(programmes).set(patch).where(eq(programmes.id, before.id)).returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "programme",
      entityId: id,
      action: "update",
      changes: diffFields(before, patch),
    });
    return detail(tx, ctx.clusterId, row);
  });
}

function checkDates(enrolledOn: string, endedOn: string | null | undefined) {
  if (endedOn && endedOn < enrolledOn)
    throw invalid([{ field: "endedOn", message: "La fin ne peut précéder l'inscription" }]);
}

export async function enrol(ctx: ClusterContext, programmeId: string, input: EnrolmentInput) {
  return tenant(ctx, async (tx) => {
    const programme = await loadProgramme(tx, ctx.clusterId, programmeId);
    const member = await requireMember(tx, ctx.clusterId, input.memberId);
    checkDates(input.enrolledOn, input.endedOn);
    const [row] = await tx
      .insert(programmeEnrolments)
      .values({
        clusterId: ctx.clusterId,
        programmeId: programme.id,
        memberId: member.id,
        enrolledOn: input.enrolledOn,
        endedOn: input.endedOn ?? null,
        status: input.status,
        outcome: input.outcome ?? null,
        partnerBody: input.partnerBody ?? programme.partnerBody,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`${member.legalName} est déjà inscrite à ce programme à cette date`);
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "member",
      entityId: member.id,
      action: "enrol",
      changes: { programme: [null, programme.name] },
    });
    return presentEnrolment(row, new Map([[member.id, member.legalName]]));
  });
}

async function loadEnrolment(tx: Db, clusterId: string, id: string) {
  const [row] = await tx
    .select()
    .from(programmeEnrolments)
    .where(and(eq(programmeEnrolments.clusterId, clusterId), eq(programmeEnrolments.id, id)));
  if (!row) throw notFound("Enrolment");
  return row;
}

export async function updateEnrolment(ctx: ClusterContext, id: string, patch: EnrolmentPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadEnrolment(tx, ctx.clusterId, id);
    checkDates(patch.enrolledOn ?? before.enrolledOn, patch.endedOn === undefined ? before.endedOn : patch.endedOn);
    const [row] = await tx
      .update(programmeEnrolments)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(programmeEnrolments.id, id))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "enrolment",
      entityId: id,
      action: "update",
      changes: diffFields(before, patch),
    });
    return presentEnrolment(row, await namesOf(tx, ctx.clusterId, [row.memberId]));
  });
}

export async function deleteEnrolment(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const row = await loadEnrolment(tx, ctx.clusterId, id);
    await tx.delete(programmeEnrolments).where(eq(programmeEnrolments.id, row.id));
    await recordChange(tx, ctx.clusterId, ctx.actor, { entityType: "enrolment", entityId: id, action: "delete" });
  });
}

// ---------------------------------------------------------------- support cases

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

async function presentCases(tx: Db, clusterId: string, rows: (typeof supportCases.$inferSelect)[]) {
  const names = await namesOf(
    tx,
    clusterId,
    rows.map((r) => r.memberId),
  );
  const calls = await fundingCallTitles(
    tx,
    clusterId,
    rows.flatMap((r) => (r.callId ? [r.callId] : [])),
  );
  return rows.map((r) => presentSupportCase(r, names, calls));
}

export async function listSupportCases(ctx: ClusterContext, query: { year?: number }) {
  return tenant(ctx, async (tx) => {
    const range = query.year ? yearRange(query.year) : null;
    const rows = await tx
      .select()
      .from(supportCases)
      .where(
        and(
          eq(supportCases.clusterId, ctx.clusterId),
          range ? gte(supportCases.openedOn, range.from) : undefined,
          range ? lte(supportCases.openedOn, range.to) : undefined,
        ),
      )
      .orderBy(desc(supportCases.openedOn));
    return presentCases(tx, ctx.clusterId, rows);
  });
}

async function checkCall(tx: Db, clusterId: string, callId: string | null | undefined) {
  if (callId && !(await fundingCallTitles(tx, clusterId, [callId])).size)
    throw invalid([{ field: "callId", message: "Appel à projets inconnu dans ce cluster" }]);
}

export async function createSupportCase(ctx: ClusterContext, input: SupportCaseInput) {
  return tenant(ctx, async (tx) => {
    const member = await requireMember(tx, ctx.clusterId, input.memberId);
    await checkCall(tx, ctx.clusterId, input.callId);
    if (!input.callId && !input.callLabel)
      throw invalid([{ field: "callLabel", message: "Indiquez l'appel à projets (choisi ou nommé)" }]);
    const [row] = await tx
      .insert(supportCases)
      .values({ ...input, clusterId: ctx.clusterId, memberId: member.id })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "member",
      entityId: member.id,
      action: "support_case",
      changes: { call: [null, input.callLabel ?? input.callId ?? null] },
    });
    return (await presentCases(tx, ctx.clusterId, [row]))[0];
  });
}

async function loadCase(tx: Db, clusterId: string, id: string) {
  const [row] = await tx
    .select()
    .from(supportCases)
    .where(and(eq(supportCases.clusterId, clusterId), eq(supportCases.id, id)));
  if (!row) throw notFound("Support case");
  return row;
}

export async function updateSupportCase(ctx: ClusterContext, id: string, patch: SupportCasePatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadCase(tx, ctx.clusterId, id);
    await checkCall(tx, ctx.clusterId, patch.callId);
    const callId = patch.callId === undefined ? before.callId : patch.callId;
    const callLabel = patch.callLabel === undefined ? before.callLabel : patch.callLabel;
    if (!callId && !callLabel)
      throw invalid([{ field: "callLabel", message: "Indiquez l'appel à projets (choisi ou nommé)" }]);
    const [row] = await tx
      .update(supportCases)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(supportCases.id, id))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "support_case",
      entityId: id,
      action: "update",
      changes: diffFields(before, patch),
    });
    return (await presentCases(tx, ctx.clusterId, [row]))[0];
  });
}

export async function deleteSupportCase(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    await loadCase(tx, ctx.clusterId, id);
    await tx.delete(supportCases).where(eq(supportCases.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, { entityType: "support_case", entityId: id, action: "delete" });
  });
}

// ---------------------------------------------------------------- reads for the activity report

export interface ProgrammeActivity {
  programmeId: string;
  code: string | null;
  name: string;
  /** Distinct member companies whose enrolment ran during the period. */
  members: number;
  /** Of which enrolled within the period. */
  newMembers: number;
  completed: number;
  partnerBodies: string[];
}

/** Per programme, the member companies involved during [from, to] (YYYY-MM-DD). */
export async function programmeActivity(ctx: ClusterContext, from: string, to: string): Promise<ProgrammeActivity[]> {
  return tenant(ctx, async (tx) => {
    await ensureStandardProgrammes(tx, ctx.clusterId);
    const list = inOrder(
      await tx
        .select()
        .from(programmes)
        .where(eq(programmes.clusterId, ctx.clusterId))
        .orderBy(asc(programmes.createdAt), asc(programmes.name)),
    );
    const enrolments = await tx
      .select()
      .from(programmeEnrolments)
      .where(and(eq(programmeEnrolments.clusterId, ctx.clusterId), lte(programmeEnrolments.enrolledOn, to)));
    return list.map((p) => {
      const running = enrolments.filter((e) => e.programmeId === p.id && activeDuring(e, from, to));
      return {
        programmeId: p.id,
        code: p.code,
        name: p.name,
        members: new Set(running.map((e) => e.memberId)).size,
        newMembers: new Set(running.filter((e) => e.enrolledOn >= from).map((e) => e.memberId)).size,
        completed: running.filter((e) => e.status === "completed" && e.endedOn && e.endedOn <= to).length,
        partnerBodies: [...new Set(running.flatMap((e) => (e.partnerBody ? [e.partnerBody] : [])))].sort(),
      };
    });
  });
}

export interface SupportActivity {
  cases: number;
  members: number;
  granted: number;
  amountAskedCents: number;
  amountObtainedCents: number;
  /** The calls answered, by label. */
  calls: { label: string; cases: number }[];
}

/** The support cases opened during [from, to]. */
export async function supportActivity(ctx: ClusterContext, from: string, to: string): Promise<SupportActivity> {
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(supportCases)
      .where(
        and(
          eq(supportCases.clusterId, ctx.clusterId),
          gte(supportCases.openedOn, from),
          lte(supportCases.openedOn, to),
        ),
      );
    const titles = await fundingCallTitles(
      tx,
      ctx.clusterId,
      rows.flatMap((r) => (r.callId ? [r.callId] : [])),
    );
    const byLabel = new Map<string, number>();
    for (const r of rows) {
      const label = (r.callId && titles.get(r.callId)) || r.callLabel || "—";
      byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    }
    return {
      cases: rows.length,
      members: new Set(rows.map((r) => r.memberId)).size,
      granted: rows.filter((r) => r.status === "granted").length,
      amountAskedCents: rows.reduce((s, r) => s + (r.amountAskedCents ?? 0), 0),
      amountObtainedCents: rows.reduce((s, r) => s + (r.amountObtainedCents ?? 0), 0),
      calls: [...byLabel].map(([label, cases]) => ({ label, cases })).sort((a, b) => b.cases - a.cases),
    };
  });
}

/** Member ids enrolled in a programme during the period (the funder report's lists). */
export async function programmeMemberIds(ctx: ClusterContext, programmeIds: string[], from: string, to: string) {
  if (!programmeIds.length) return [];
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(programmeEnrolments)
      .where(
        and(eq(programmeEnrolments.clusterId, ctx.clusterId), inArray(programmeEnrolments.programmeId, programmeIds)),
      );
    return [...new Set(rows.filter((e) => activeDuring(e, from, to)).map((e) => e.memberId))];
  });
}

/** Names of the cluster's programmes by id (a funded action's filter names one). */
export async function programmeNames(tx: Db, clusterId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<string, string>();
  const rows = await tx
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(and(eq(programmes.clusterId, clusterId), inArray(programmes.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many support cases answer each recorded funding call. */
export async function supportCaseCountsByCall(tx: Db, clusterId: string) {
  const rows = await tx
    .select({ callId: supportCases.callId, n: count() })
    .from(supportCases)
    .where(and(eq(supportCases.clusterId, clusterId), isNotNull(supportCases.callId)))
    .groupBy(supportCases.callId);
  return new Map(rows.map((r) => [r.callId as string, Number(r.n)]));
}
