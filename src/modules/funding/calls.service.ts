import { and, asc, count, eq, gt, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { enqueueMail } from "../../platform/mail/mail.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, invalid, notFound } from "../../server/errors.js";
import { supportCaseCountsByCall } from "../programmes/programmes.service.js";
import { renderCallMail } from "./calls.mail.js";
import { callCandidates } from "./calls.reads.js";
import { departmentOf, ineligibility, reminderDue } from "./eligibility.js";
import type { FundingCallInput, FundingCallPatch } from "./funding.contract.js";
import { callState, presentCall } from "./funding.presenter.js";
import { funders, fundingCallNotices, fundingCalls } from "./funding.schema.js";

type CallRow = typeof fundingCalls.$inferSelect;
const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);
const parisDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
/** Calls open and close on Paris days. */
export const parisToday = (now = new Date()) => parisDayFormat.format(now);

async function loadCall(tx: Db, clusterId: string, id: string): Promise<CallRow> {
  const [row] = await tx
    .select()
    .from(fundingCalls)
    .where(and(eq(fundingCalls.clusterId, clusterId), eq(fundingCalls.id, id)));
  if (!row) throw notFound("Funding call");
  return row;
}

async function funderName(tx: Db, clusterId: string, funderId: string) {
  const [row] = await tx
    .select({ name: funders.name })
    .from(funders)
    .where(and(eq(funders.clusterId, clusterId), eq(funders.id, funderId)));
  if (!row) throw invalid([{ field: "funderId", message: "Financeur inconnu dans ce cluster" }]);
  return row.name;
}

async function present(tx: Db, clusterId: string, rows: CallRow[], today: string) {
  const ids = rows.map((r) => r.id);
  const [funderRows, notices, cases] = await Promise.all([
    tx.select({ id: funders.id, name: funders.name }).from(funders).where(eq(funders.clusterId, clusterId)),
    ids.length
      ? tx
          .select({ callId: fundingCallNotices.callId, n: count() })
          .from(fundingCallNotices)
          .where(and(eq(fundingCallNotices.clusterId, clusterId), inArray(fundingCallNotices.callId, ids)))
          .groupBy(fundingCallNotices.callId)
      : Promise.resolve([]),
    supportCaseCountsByCall(tx, clusterId),
  ]);
  const funderNames = new Map(funderRows.map((f) => [f.id, f.name]));
  const notified = new Map(notices.map((n) => [n.callId, Number(n.n)]));
  return rows.map((r) =>
    presentCall(r, today, { funderNames, notified: notified.get(r.id) ?? 0, supportCases: cases.get(r.id) ?? 0 }),
  );
}

function checkDates(opensOn: string | null | undefined, closesOn: string) {
  if (opensOn && opensOn > closesOn)
    throw invalid([{ field: "closesOn", message: "La clôture ne peut précéder l'ouverture" }]);
}

export async function listCalls(ctx: ClusterContext, query: { state: "open" | "upcoming" | "closed" | "all" }) {
  const today = parisToday();
  return tenant(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(fundingCalls)
      .where(eq(fundingCalls.clusterId, ctx.clusterId))
      .orderBy(asc(fundingCalls.closesOn));
    const order = { open: 0, upcoming: 1, closed: 2 } as const;
    const kept = rows
      .filter((r) => query.state === "all" || callState(r, today) === query.state)
      // Open calls first, the nearest deadline first; closed ones last, the latest first.
      .sort((a, b) => {
        const sa = callState(a, today);
        const sb = callState(b, today);
        if (sa !== sb) return order[sa] - order[sb];
        return sa === "closed" ? b.closesOn.localeCompare(a.closesOn) : a.closesOn.localeCompare(b.closesOn);
      });
    return present(tx, ctx.clusterId, kept, today);
  });
}

export async function getCall(ctx: ClusterContext, id: string) {
  return tenant(
    ctx,
    async (tx) => (await present(tx, ctx.clusterId, [await loadCall(tx, ctx.clusterId, id)], parisToday()))[0],
  );
}

export async function createCall(ctx: ClusterContext, input: FundingCallInput) {
  return tenant(ctx, async (tx) => {
    checkDates(input.opensOn, input.closesOn);
    const named = input.funderId ? await funderName(tx, ctx.clusterId, input.funderId) : null;
    const name = input.funderName ?? named;
    if (!name) throw invalid([{ field: "funderName", message: "Indiquez le financeur de l'appel (choisi ou nommé)" }]);
    const [row] = await tx
      .insert(fundingCalls)
      .values({ ...input, clusterId: ctx.clusterId, funderId: input.funderId ?? null, funderName: name })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "funding_call",
      entityId: row.id,
      action: "create",
    });
    return (await present(tx, ctx.clusterId, [row], parisToday()))[0];
  });
}

export async function updateCall(ctx: ClusterContext, id: string, patch: FundingCallPatch) {
  return tenant(ctx, async (tx) => {
    const before = await loadCall(tx, ctx.clusterId, id);
    const values: Partial<CallRow> = { ...patch } as Partial<CallRow>;
    if (patch.funderId) values.funderName = patch.funderName ?? (await funderName(tx, ctx.clusterId, patch.funderId));
    checkDates(patch.opensOn === undefined ? before.opensOn : patch.opensOn, patch.closesOn ?? before.closesOn);
    // A new deadline or reminder delay gets its own reminder.
    if (
      (patch.closesOn && patch.closesOn !== before.closesOn) ||
      (patch.reminderDays ?? before.reminderDays) !== before.reminderDays
    ) {
      values.remindedAt = null;
      await tx.update(fundingCallNotices).set({ remindedAt: null }).where(eq(fundingCallNotices.callId, id));
    }
    const [row] = await tx
      .update(fundingCalls)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(fundingCalls.id, before.id))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "funding_call",
      entityId: id,
      action: "update",
      changes: diffFields(before, patch),
    });
    return (await present(tx, ctx.clusterId, [row], parisToday()))[0];
  });
}

export async function deleteCall(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const row = await loadCall(tx, ctx.clusterId, id);
    await tx.delete(fundingCalls).where(eq(fundingCalls.id, row.id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "funding_call",
      entityId: id,
      action: "delete",
      changes: { title: [row.title, null] },
    });
  });
}

async function eligibilityOf(tx: Db, clusterId: string, call: CallRow) {
  const candidates = await callCandidates(tx, clusterId);
  const notices = await tx
    .select({ memberId: fundingCallNotices.memberId, notifiedAt: fundingCallNotices.notifiedAt })
    .from(fundingCallNotices)
    .where(eq(fundingCallNotices.callId, call.id));
  const notifiedAt = new Map(notices.map((n) => [n.memberId, n.notifiedAt]));
  const eligible = [];
  const ineligible = [];
  for (const m of candidates) {
    const card = {
      id: m.id,
      name: m.name,
      sizeClass: m.sizeClass,
      nafCode: m.nafCode,
      department: departmentOf(m),
      town: m.town,
    };
    const reasons = ineligibility(call, m);
    if (reasons.length) ineligible.push({ ...card, reasons });
    else eligible.push({ ...card, contact: m.contact, notifiedAt: notifiedAt.get(m.id)?.toISOString() ?? null });
  }
  return { callId: call.id, eligible, ineligible };
}

/** The current members a call admits (with who would be written to), and those it leaves out with why. */
export async function callEligibility(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => eligibilityOf(tx, ctx.clusterId, await loadCall(tx, ctx.clusterId, id)));
}

/**
 * Emails the call to its eligible members in one action, through the outbox (sent once the transaction
 * commits). A member already told is not told twice; the reminder job later writes to the same members.
 */
export async function notifyCall(ctx: ClusterContext, id: string, input: { memberIds?: string[] }, now = new Date()) {
  return tenant(ctx, async (tx) => {
    const call = await loadCall(tx, ctx.clusterId, id);
    const today = parisToday(now);
    if (call.closesOn < today) throw conflict(`L'appel « ${call.title} » est clos depuis le ${call.closesOn}`);
    const { eligible } = await eligibilityOf(tx, ctx.clusterId, call);
    let chosen = eligible;
    if (input.memberIds) {
      const wanted = new Set(input.memberIds);
      chosen = eligible.filter((m) => wanted.has(m.id));
      const unknown = input.memberIds.filter((mid) => !chosen.some((m) => m.id === mid));
      if (unknown.length)
        throw invalid([{ field: "memberIds", message: `${unknown.length} membre(s) non éligible(s) à cet appel` }]);
    }
    const [cluster] = await tx.select({ name: clusters.name }).from(clusters).where(eq(clusters.id, ctx.clusterId));
    const result = { notified: 0, alreadyNotified: 0, noContact: [] as { id: string; name: string }[] };
    for (const m of chosen) {
      if (m.notifiedAt) {
        result.alreadyNotified++;
        continue;
      }
      if (!m.contact) {
        result.noContact.push({ id: m.id, name: m.name });
        continue;
      }
      const message = renderCallMail(
        "notice",
        call,
        { ...m.contact, memberId: m.id, memberName: m.name },
        cluster,
        today,
      );
      await enqueueMail(tx, ctx.clusterId, message);
      await tx
        .insert(fundingCallNotices)
        .values({
          clusterId: ctx.clusterId,
          callId: call.id,
          memberId: m.id,
          email: m.contact.email,
          name: m.contact.name,
          notifiedAt: now,
        })
        .onConflictDoNothing();
      result.notified++;
    }
    if (result.notified) {
      await tx.update(fundingCalls).set({ notifiedAt: now }).where(eq(fundingCalls.id, call.id));
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "funding_call",
        entityId: call.id,
        action: "notify",
        changes: { notified: [null, result.notified] },
      });
    }
    return result;
  });
}

export interface CallReminderRun {
  calls: number;
  messages: number;
}

/**
 * The reminder job for funding calls, run beside the events' day-before reminders (server/jobs.ts): for each
 * call whose closing date is within its reminder delay, still open and not reminded yet, one reminder to
 * every member notified. Safe to run often and from several processes (reminded_at and dedupe keys).
 */
export async function queueFundingCallReminders(db: Db, now = new Date()): Promise<CallReminderRun> {
  const run: CallReminderRun = { calls: 0, messages: 0 };
  const today = parisToday(now);
  const pending = and(
    isNull(fundingCalls.remindedAt),
    isNotNull(fundingCalls.notifiedAt),
    gt(fundingCalls.reminderDays, 0),
    gte(fundingCalls.closesOn, today),
  );
  // Platform-wide look (as the owner) at which clusters have a call still to remind, then each in its tenant.
  const due = await db.selectDistinct({ clusterId: fundingCalls.clusterId }).from(fundingCalls).where(pending);
  for (const { clusterId } of due) {
    await withTenant(db, clusterId, async (tx) => {
      const calls = (
        await tx
          .select()
          .from(fundingCalls)
          .where(and(eq(fundingCalls.clusterId, clusterId), pending))
      ).filter((c) => reminderDue(c, today));
      if (!calls.length) return;
      const [cluster] = await tx.select({ name: clusters.name }).from(clusters).where(eq(clusters.id, clusterId));
      const names = new Map((await callCandidates(tx, clusterId)).map((m) => [m.id, m.name] as const));
      for (const call of calls) {
        const notices = await tx
          .select()
          .from(fundingCallNotices)
          .where(and(eq(fundingCallNotices.callId, call.id), isNull(fundingCallNotices.remindedAt)));
        for (const n of notices) {
          const memberName = names.get(n.memberId);
          // A member that left since the notice is not reminded.
          if (!memberName) continue;
          const message = renderCallMail(
            "reminder",
            call,
            { name: n.name, email: n.email, memberId: n.memberId, memberName },
            cluster,
            today,
          );
          if (await enqueueMail(tx, clusterId, message)) run.messages++;
        }
        await tx
          .update(fundingCallNotices)
          .set({ remindedAt: now })
          .where(and(eq(fundingCallNotices.callId, call.id), isNull(fundingCallNotices.remindedAt)));
        await tx.update(fundingCalls).set({ remindedAt: now }).where(eq(fundingCalls.id, call.id));
        run.calls++;
      }
    });
  }
  return run;
}
