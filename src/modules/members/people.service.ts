import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { changeLog } from "../../platform/audit/audit.schema.js";
import { diffFields, historyOf, recordChange } from "../../platform/audit/audit.service.js";
import { users } from "../../platform/auth/auth.schema.js";
import { clusterRoles } from "../../platform/clusters/clusters.schema.js";
import type { ClusterContext } from "../../server/context.js";
import { forbidden, notFound } from "../../server/errors.js";
import { canEditMember } from "./members.policy.js";
import { presentPerson } from "./members.presenter.js";
import { dues, members, people } from "./members.schema.js";
import { tenant } from "./members.service.js";
import type { PersonInput } from "./people.contract.js";

type PersonRow = typeof people.$inferSelect;
const identifying = ["firstName", "lastName", "jobTitle", "email", "phone"] as const;

async function loadPerson(tx: Db, ctx: ClusterContext, personId: string): Promise<PersonRow> {
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.clusterId, ctx.clusterId), eq(people.id, personId)));
  if (!person) throw notFound("Person");
  return person;
}

function clean(input: Partial<PersonInput>) {
  const out: Partial<typeof people.$inferInsert> = {};
  for (const key of identifying) if (input[key] !== undefined) out[key] = input[key]?.trim() || null;
  if (out.email) out.email = out.email.toLowerCase();
  if (input.listed !== undefined) {
    out.listed = input.listed;
    out.consentAt = input.listed ? new Date() : null;
  }
  if (input.isMainContact !== undefined) out.isMainContact = input.isMainContact;
  return out;
}

async function demoteOtherMainContacts(tx: Db, memberId: string, keepId: string) {
  const others = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.memberId, memberId), eq(people.isMainContact, true)));
  for (const other of others)
    if (other.id !== keepId) await tx.update(people).set({ isMainContact: false }).where(eq(people.id, other.id));
}

export async function addPerson(ctx: ClusterContext, memberId: string, input: PersonInput) {
  if (!canEditMember(ctx.actor, memberId))
    throw forbidden("Vous ne pouvez modifier que les personnes de votre entreprise");
  return tenant(ctx, async (tx) => {
    const [member] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.clusterId, ctx.clusterId), eq(members.id, memberId)));
    if (!member) throw notFound("Member");
    const values = clean(input);
    const [person] = await tx
      .insert(people)
      .values({ ...values, clusterId: ctx.clusterId, memberId })
      .returning();
    if (person.isMainContact) await demoteOtherMainContacts(tx, memberId, person.id);
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "person",
      entityId: person.id,
      action: "create",
      changes: diffFields(null, values),
    });
    return presentPerson(person);
  });
}

export async function updatePerson(ctx: ClusterContext, personId: string, input: Partial<PersonInput>) {
  return tenant(ctx, async (tx) => {
    const before = await loadPerson(tx, ctx, personId);
    if (!canEditMember(ctx.actor, before.memberId))
      throw forbidden("Vous ne pouvez modifier que les personnes de votre entreprise");
    if (before.erasedAt) throw forbidden("Cette personne a été effacée");
    const values = clean(input);
    const changes = diffFields(before as unknown as Record<string, unknown>, values);
    delete changes.consentAt;
    const [person] = await tx
      .update(people)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(people.id, personId))
      .returning();
    if (values.isMainContact) await demoteOtherMainContacts(tx, before.memberId, personId);
    if (Object.keys(changes).length)
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "person",
        entityId: personId,
        action: "update",
        changes,
      });
    return presentPerson(person);
  });
}

export async function removePerson(ctx: ClusterContext, personId: string) {
  await tenant(ctx, async (tx) => {
    const before = await loadPerson(tx, ctx, personId);
    if (!canEditMember(ctx.actor, before.memberId))
      throw forbidden("Vous ne pouvez modifier que les personnes de votre entreprise");
    await tx.delete(people).where(eq(people.id, personId));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "person",
      entityId: personId,
      action: "delete",
      changes: {},
    });
  });
}

/** Right of access: the person, their company, their login and every recorded change about them. */
export async function exportPerson(ctx: ClusterContext, personId: string) {
  const data = await tenant(ctx, async (tx) => {
    const person = await loadPerson(tx, ctx, personId);
    const [member] = await tx
      .select({ id: members.id, legalName: members.legalName })
      .from(members)
      .where(eq(members.id, person.memberId));
    const history = await historyOf(tx, ctx.clusterId, "person", personId, 10_000);
    return { person, member, history };
  });
  const login = data.person.userId
    ? ((
        await ctx.db
          .select({ email: users.email, name: users.name, createdAt: users.createdAt })
          .from(users)
          .where(eq(users.id, data.person.userId))
      )[0] ?? null)
    : null;
  return {
    exportedAt: new Date().toISOString(),
    person: {
      ...presentPerson(data.person),
      consentAt: data.person.consentAt?.toISOString() ?? null,
      createdAt: data.person.createdAt.toISOString(),
    },
    company: data.member,
    login,
    history: data.history.map((h) => ({
      at: h.at.toISOString(),
      actor: h.actorLabel,
      action: h.action,
      changes: h.changes,
    })),
  };
}

/**
 * Right to erasure: identifying fields are wiped, in the person's row and in
 * the history of changes about them; the row stays (counted, anonymously, in
 * reports), any login is deleted, and the erasure itself is recorded.
 */
export async function erasePerson(ctx: ClusterContext, personId: string) {
  const erased = await tenant(ctx, async (tx) => {
    const before = await loadPerson(tx, ctx, personId);
    const [person] = await tx
      .update(people)
      .set({
        firstName: null,
        lastName: null,
        jobTitle: null,
        email: null,
        phone: null,
        listed: false,
        consentAt: null,
        isMainContact: false,
        userId: null,
        erasedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(people.id, personId))
      .returning();
    const history = await historyOf(tx, ctx.clusterId, "person", personId, 100_000);
    for (const entry of history) {
      const redacted: Record<string, [unknown, unknown]> = Object.fromEntries(
        Object.keys(entry.changes).map((field) => [field, ["[effacé]", "[effacé]"]]),
      );
      await tx.update(changeLog).set({ changes: redacted }).where(eq(changeLog.id, entry.id));
    }
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "person",
      entityId: personId,
      action: "erase",
      changes: {},
    });
    return { person, userId: before.userId };
  });
  if (erased.userId) {
    await ctx.db
      .delete(clusterRoles)
      .where(and(eq(clusterRoles.userId, erased.userId), eq(clusterRoles.clusterId, ctx.clusterId)));
    const remaining = await ctx.db
      .select({ id: clusterRoles.id })
      .from(clusterRoles)
      .where(eq(clusterRoles.userId, erased.userId));
    if (!remaining.length) await ctx.db.delete(users).where(eq(users.id, erased.userId));
  }
  return presentPerson(erased.person);
}

export async function setDues(
  ctx: ClusterContext,
  memberId: string,
  year: number,
  input: { amountCents: number; paidOn: string | null },
) {
  await tenant(ctx, async (tx) => {
    const [member] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.clusterId, ctx.clusterId), eq(members.id, memberId)));
    if (!member) throw notFound("Member");
    const [before] = await tx
      .select()
      .from(dues)
      .where(and(eq(dues.memberId, memberId), eq(dues.year, year)));
    await tx
      .insert(dues)
      .values({ clusterId: ctx.clusterId, memberId, year, ...input })
      .onConflictDoUpdate({ target: [dues.memberId, dues.year], set: input });
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "dues",
      entityId: memberId,
      action: before ? "update" : "create",
      changes: {
        [`dues ${year}`]: [before ? { amountCents: before.amountCents, paidOn: before.paidOn } : null, input],
      },
    });
  });
}

export async function deleteDues(ctx: ClusterContext, memberId: string, year: number) {
  await tenant(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(dues)
      .where(and(eq(dues.clusterId, ctx.clusterId), eq(dues.memberId, memberId), eq(dues.year, year)));
    if (!before) throw notFound("Dues");
    await tx.delete(dues).where(eq(dues.id, before.id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "dues",
      entityId: memberId,
      action: "delete",
      changes: { [`dues ${year}`]: [{ amountCents: before.amountCents, paidOn: before.paidOn }, null] },
    });
  });
}
