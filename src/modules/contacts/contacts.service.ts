import { and, asc, desc, eq, inArray, isNull, lte, max, sql } from "drizzle-orm";
import { monthsBefore } from "../../core/engagement/churn.js";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import { staffOfCluster, userNames } from "../../platform/clusters/staff.service.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid, notFound } from "../../server/errors.js";
import { churnRiskMembers } from "../engagement/engagement.service.js";
import { people } from "../members/members.schema.js";
import { membersByIds } from "../members/members.service.js";
import type { ContactInput, ContactPatch, FollowUpInput, FollowUpPatch, ToCallQuery } from "./contacts.contract.js";
import { type FollowUpJson, type Names, presentContact, presentFollowUp } from "./contacts.presenter.js";
import { addDays, happenedAtOf, isInFuture, parisDay } from "./contacts.rules.js";
import { contacts, followUps } from "./contacts.schema.js";

type ContactRow = typeof contacts.$inferSelect;
type FollowUpRow = typeof followUps.$inferSelect;

const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);
const fullName = (p: { firstName: string | null; lastName: string | null }) =>
  [p.firstName, p.lastName].filter(Boolean).join(" ") || "—";

async function loadMember(tx: Db, clusterId: string, memberId: string) {
  const [member] = await membersByIds(tx, clusterId, [memberId]);
  if (!member) throw notFound("Member");
  return member;
}

/** Names of the members, people and users the rows mention, for the presenter. */
async function namesFor(tx: Db, clusterId: string, contactRows: ContactRow[], followUpRows: FollowUpRow[]) {
  const memberIds = [...new Set([...contactRows, ...followUpRows].map((r) => r.memberId))];
  const personIds = [...new Set(contactRows.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const userIds = [
    ...contactRows.flatMap((r) => (r.staffUserId ? [r.staffUserId] : [])),
    ...followUpRows.flatMap((r) => (r.assigneeUserId ? [r.assigneeUserId] : [])),
  ];
  const [memberRows, personRows, users] = await Promise.all([
    membersByIds(tx, clusterId, memberIds),
    personIds.length
      ? tx
          .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
          .from(people)
          .where(and(eq(people.clusterId, clusterId), inArray(people.id, personIds)))
      : Promise.resolve([]),
    userNames(tx, userIds),
  ]);
  return {
    members: new Map(memberRows.map((m) => [m.id, m.legalName])),
    people: new Map(personRows.map((p) => [p.id, fullName(p)])),
    users,
  } satisfies Names;
}

async function checkPerson(tx: Db, clusterId: string, memberId: string, personId: string | null | undefined) {
  if (!personId) return;
  const [person] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.clusterId, clusterId), eq(people.memberId, memberId), eq(people.id, personId)));
  if (!person) throw invalid([{ field: "personId", message: "Cette personne n'appartient pas à ce membre" }]);
}

/** A follow-up goes to a staff user of the cluster (or to oneself, e.g. a platform admin helping out). */
async function checkAssignee(tx: Db, ctx: ClusterContext, userId: string | null | undefined, field: string) {
  if (!userId || userId === ctx.actor.userId) return;
  const staff = await staffOfCluster(tx, ctx.clusterId);
  if (!staff.some((s) => s.userId === userId)) {
    throw invalid([{ field, message: "Ce compte n'est pas dans l'équipe d'animation du cluster" }]);
  }
}

function checkNotFuture(value: string | undefined, now: Date, field = "happenedAt") {
  if (value && isInFuture(value, now)) {
    throw invalid([{ field, message: "Un contact se note une fois qu'il a eu lieu : date dans le futur" }]);
  }
}

async function insertFollowUp(
  tx: Db,
  ctx: ClusterContext,
  memberId: string,
  input: FollowUpInput,
  contactId: string | null,
  fieldPrefix = "",
) {
  await checkAssignee(tx, ctx, input.assigneeUserId, `${fieldPrefix}assigneeUserId`);
  const [row] = await tx
    .insert(followUps)
    .values({
      clusterId: ctx.clusterId,
      memberId,
      contactId,
      title: input.title,
      kind: input.kind,
      dueOn: input.dueOn,
      assigneeUserId: input.assigneeUserId ?? ctx.actor.userId,
    })
    .returning();
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "follow_up",
    entityId: row.id,
    action: "create",
    changes: diffFields(null, { memberId, title: row.title, dueOn: row.dueOn, assigneeUserId: row.assigneeUserId }),
  });
  return row;
}

/** Open follow-ups first (earliest due first), then the done ones (latest done first). */
const followUpOrder = [sql`${followUps.doneAt} is not null`, asc(followUps.dueOn), desc(followUps.doneAt)];

export async function memberContactLog(ctx: ClusterContext, memberId: string, now = new Date()) {
  return tenant(ctx, async (tx) => {
    await loadMember(tx, ctx.clusterId, memberId);
    const [contactRows, followUpRows] = await Promise.all([
      tx
        .select()
        .from(contacts)
        .where(and(eq(contacts.clusterId, ctx.clusterId), eq(contacts.memberId, memberId)))
        .orderBy(desc(contacts.happenedAt), desc(contacts.createdAt)),
      tx
        .select()
        .from(followUps)
        .where(and(eq(followUps.clusterId, ctx.clusterId), eq(followUps.memberId, memberId)))
        .orderBy(...followUpOrder),
    ]);
    const names = await namesFor(tx, ctx.clusterId, contactRows, followUpRows);
    const today = parisDay(now);
    const presented = followUpRows.map((f) => presentFollowUp(f, names, today));
    return {
      contacts: contactRows.map((c) =>
        presentContact(
          c,
          names,
          presented.filter((f) => f.contactId === c.id),
        ),
      ),
      followUps: presented,
      lastContactAt: contactRows[0]?.happenedAt.toISOString() ?? null,
    };
  });
}

async function presentOneContact(tx: Db, ctx: ClusterContext, row: ContactRow, now: Date) {
  const related = await tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.clusterId, ctx.clusterId), eq(followUps.contactId, row.id)))
    .orderBy(...followUpOrder);
  const names = await namesFor(tx, ctx.clusterId, [row], related);
  const today = parisDay(now);
  return presentContact(
    row,
    names,
    related.map((f) => presentFollowUp(f, names, today)),
  );
}

export async function createContact(ctx: ClusterContext, memberId: string, input: ContactInput, now = new Date()) {
  checkNotFuture(input.happenedAt, now);
  return tenant(ctx, async (tx) => {
    await loadMember(tx, ctx.clusterId, memberId);
    await checkPerson(tx, ctx.clusterId, memberId, input.personId);
    const [row] = await tx
      .insert(contacts)
      .values({
        clusterId: ctx.clusterId,
        memberId,
        personId: input.personId ?? null,
        kind: input.kind,
        happenedAt: happenedAtOf(input.happenedAt),
        summary: input.summary,
        staffUserId: ctx.actor.userId,
        staffLabel: ctx.actor.label,
      })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "contact",
      entityId: row.id,
      action: "create",
      changes: diffFields(null, { memberId, kind: row.kind, happenedAt: row.happenedAt.toISOString() }),
    });
    if (input.followUp) await insertFollowUp(tx, ctx, memberId, input.followUp, row.id, "followUp.");
    return presentOneContact(tx, ctx, row, now);
  });
}

async function loadContact(tx: Db, clusterId: string, id: string) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.clusterId, clusterId), eq(contacts.id, id)));
  if (!row) throw notFound("Contact");
  return row;
}

export async function updateContact(ctx: ClusterContext, id: string, patch: ContactPatch, now = new Date()) {
  checkNotFuture(patch.happenedAt, now);
  return tenant(ctx, async (tx) => {
    const before = await loadContact(tx, ctx.clusterId, id);
    await checkPerson(tx, ctx.clusterId, before.memberId, patch.personId);
    const values = {
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.happenedAt !== undefined ? { happenedAt: happenedAtOf(patch.happenedAt) } : {}),
      ...(patch.personId !== undefined ? { personId: patch.personId } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
    };
    if (!Object.keys(values).length) return presentOneContact(tx, ctx, before, now);
    const [row] = await tx.update(contacts).set(values).where(eq(contacts.id, id)).returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "contact",
      entityId: id,
      action: "update",
      changes: diffFields(before as unknown as Record<string, unknown>, values),
    });
    return presentOneContact(tx, ctx, row, now);
  });
}

export async function deleteContact(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const before = await loadContact(tx, ctx.clusterId, id);
    await tx.delete(contacts).where(eq(contacts.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "contact",
      entityId: id,
      action: "delete",
      changes: { summary: [before.summary, null] },
    });
  });
}

async function presentFollowUps(tx: Db, clusterId: string, rows: FollowUpRow[], now: Date) {
  const names = await namesFor(tx, clusterId, [], rows);
  const today = parisDay(now);
  return rows.map((row) => presentFollowUp(row, names, today));
}

export async function createFollowUp(ctx: ClusterContext, memberId: string, input: FollowUpInput, now = new Date()) {
  return tenant(ctx, async (tx) => {
    await loadMember(tx, ctx.clusterId, memberId);
    const row = await insertFollowUp(tx, ctx, memberId, input, null);
    return (await presentFollowUps(tx, ctx.clusterId, [row], now))[0];
  });
}

async function loadFollowUp(tx: Db, clusterId: string, id: string) {
  const [row] = await tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.clusterId, clusterId), eq(followUps.id, id)));
  if (!row) throw notFound("Follow-up");
  return row;
}

export async function updateFollowUp(ctx: ClusterContext, id: string, patch: FollowUpPatch, now = new Date()) {
  return tenant(ctx, async (tx) => {
    const before = await loadFollowUp(tx, ctx.clusterId, id);
    if (patch.assigneeUserId) await checkAssignee(tx, ctx, patch.assigneeUserId, "assigneeUserId");
    const values = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
      ...(patch.assigneeUserId !== undefined ? { assigneeUserId: patch.assigneeUserId } : {}),
      // Marking done twice keeps the first date; reopening clears it.
      ...(patch.done === true && !before.doneAt ? { doneAt: now } : {}),
      ...(patch.done === false ? { doneAt: null } : {}),
    };
    let row = before;
    if (Object.keys(values).length) {
      [row] = await tx.update(followUps).set(values).where(eq(followUps.id, id)).returning();
      const action =
        patch.done === true && !before.doneAt ? "done" : patch.done === false && before.doneAt ? "reopen" : "update";
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "follow_up",
        entityId: id,
        action,
        changes: diffFields(before as unknown as Record<string, unknown>, values),
      });
    }
    return (await presentFollowUps(tx, ctx.clusterId, [row], now))[0];
  });
}

export async function deleteFollowUp(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const before = await loadFollowUp(tx, ctx.clusterId, id);
    await tx.delete(followUps).where(eq(followUps.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "follow_up",
      entityId: id,
      action: "delete",
      changes: { title: [before.title, null] },
    });
  });
}

export async function assigneesOf(ctx: ClusterContext) {
  return tenant(ctx, (tx) => staffOfCluster(tx, ctx.clusterId));
}

/** The latest contact with each member (any kind), for the members given. */
export async function lastContacts(tx: Db, clusterId: string, memberIds: string[]): Promise<Map<string, Date>> {
  if (!memberIds.length) return new Map();
  const rows = await tx
    .select({ memberId: contacts.memberId, last: max(contacts.happenedAt) })
    .from(contacts)
    .where(and(eq(contacts.clusterId, clusterId), inArray(contacts.memberId, memberIds)))
    .groupBy(contacts.memberId);
  return new Map(rows.flatMap((r) => (r.last ? [[r.memberId, new Date(r.last)] as const] : [])));
}

/**
 * Who to call: open follow-ups overdue, then due within `soonDays` (optionally only the caller's), then
 * current members at churn risk whom nobody contacted for N months and who have no open follow-up planned.
 */
export async function toCallList(ctx: ClusterContext, query: ToCallQuery, churnMonths: number, now = new Date()) {
  const today = parisDay(now);
  const horizon = addDays(today, query.soonDays);
  return tenant(ctx, async (tx) => {
    const open = await tx
      .select()
      .from(followUps)
      .where(
        and(
          eq(followUps.clusterId, ctx.clusterId),
          isNull(followUps.doneAt),
          lte(followUps.dueOn, horizon),
          query.assignee === "me" ? eq(followUps.assigneeUserId, ctx.actor.userId ?? "") : undefined,
        ),
      )
      .orderBy(asc(followUps.dueOn), asc(followUps.createdAt));
    const presented: FollowUpJson[] = await presentFollowUps(tx, ctx.clusterId, open, now);

    const planned = new Set(
      (
        await tx
          .selectDistinct({ memberId: followUps.memberId })
          .from(followUps)
          .where(and(eq(followUps.clusterId, ctx.clusterId), isNull(followUps.doneAt)))
      ).map((r) => r.memberId),
    );
    const atRisk = (await churnRiskMembers(tx, ctx.clusterId, churnMonths, now)).filter(
      (m) => !planned.has(m.memberId),
    );
    const lastContact = await lastContacts(
      tx,
      ctx.clusterId,
      atRisk.map((m) => m.memberId),
    );
    const threshold = monthsBefore(now, churnMonths);
    const uncontacted = atRisk.filter((m) => !(lastContact.get(m.memberId)! >= threshold));
    const mainContacts = uncontacted.length
      ? await tx
          .select()
          .from(people)
          .where(
            and(
              eq(people.clusterId, ctx.clusterId),
              inArray(
                people.memberId,
                uncontacted.map((m) => m.memberId),
              ),
              isNull(people.erasedAt),
            ),
          )
          .orderBy(desc(people.isMainContact), asc(people.createdAt))
      : [];
    const contactOf = new Map<string, (typeof mainContacts)[number]>();
    for (const p of mainContacts) if (!contactOf.has(p.memberId)) contactOf.set(p.memberId, p);

    return {
      today,
      soonDays: query.soonDays,
      churnMonths,
      overdue: presented.filter((f) => f.dueOn < today),
      dueSoon: presented.filter((f) => f.dueOn >= today),
      churnRisk: uncontacted.map((m) => {
        const person = contactOf.get(m.memberId);
        return {
          member: { id: m.memberId, name: m.legalName },
          town: m.town,
          joinedOn: m.joinedOn,
          lastParticipationAt: m.lastParticipationAt?.toISOString() ?? null,
          lastContactAt: lastContact.get(m.memberId)?.toISOString() ?? null,
          mainContact: person ? { name: fullName(person), phone: person.phone, email: person.email } : null,
        };
      }),
    };
  });
}
