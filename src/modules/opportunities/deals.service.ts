import { and, between, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { forbidden, invalid, notFound } from "../../server/errors.js";
import { membersByIds } from "../members/members.service.js";
import { invitationsOfCompany } from "./consortium.service.js";
import type { DealInput, ReferralInput } from "./opportunities.contract.js";
import { actingCompany, canWithdrawDeal, isOpportunityStaff } from "./opportunities.policy.js";
import { presentDeal, presentOpportunity } from "./opportunities.presenter.js";
import { loadOpportunity, lookups, memberIdsOf, tenant } from "./opportunities.reads.js";
import { yearBounds } from "./opportunities.rules.js";
import { businessDeals, opportunities } from "./opportunities.schema.js";
import { insertOpportunity } from "./opportunities.service.js";

async function requireMember(tx: Db, clusterId: string, id: string, field: string) {
  const [row] = await membersByIds(tx, clusterId, [id]);
  if (!row) throw invalid([{ field, message: "Membre inconnu dans ce cluster" }]);
  return row;
}

/** A member passes a lead to another member ("prescription"): a lead on the staff's board, naming both. */
export async function passLead(ctx: ClusterContext, input: ReferralInput) {
  return tenant(ctx, async (tx) => {
    const from = actingCompany(ctx.actor, input.fromMemberId);
    if (!from) throw invalid([{ field: "fromMemberId", message: "Choisissez l'entreprise qui passe l'affaire" }]);
    if (from === input.toMemberId)
      throw invalid([{ field: "toMemberId", message: "Passez l'affaire à une autre entreprise que la vôtre" }]);
    await requireMember(tx, ctx.clusterId, from, "fromMemberId");
    await requireMember(tx, ctx.clusterId, input.toMemberId, "toMemberId");
    const { toMemberId: _, fromMemberId: __, ...need } = input;
    const row = await insertOpportunity(tx, ctx, "referral", need, {
      referredByMemberId: from,
      referredToMemberId: input.toMemberId,
    });
    return presentOpportunity(row, await lookups(tx, ctx.clusterId, memberIdsOf(row)));
  });
}

async function presentDeals(tx: Db, ctx: ClusterContext, rows: (typeof businessDeals.$inferSelect)[]) {
  const l = await lookups(
    tx,
    ctx.clusterId,
    rows.flatMap((r) => [r.memberId, r.partnerMemberId]),
  );
  return rows.map((r) => presentDeal(r, l, ctx.actor));
}

/** Business done together, declared by one of the two companies (or by staff for one of them). */
export async function declareDeal(ctx: ClusterContext, input: DealInput) {
  return tenant(ctx, async (tx) => {
    const memberId = actingCompany(ctx.actor, input.memberId);
    if (!memberId) throw invalid([{ field: "memberId", message: "Choisissez l'entreprise qui déclare l'affaire" }]);
    if (memberId === input.partnerMemberId)
      throw invalid([{ field: "partnerMemberId", message: "L'affaire se fait entre deux entreprises différentes" }]);
    await requireMember(tx, ctx.clusterId, memberId, "memberId");
    await requireMember(tx, ctx.clusterId, input.partnerMemberId, "partnerMemberId");
    if (input.opportunityId) await loadOpportunity(tx, ctx.clusterId, input.opportunityId, "opportunityId");
    const [row] = await tx
      .insert(businessDeals)
      .values({
        clusterId: ctx.clusterId,
        memberId,
        partnerMemberId: input.partnerMemberId,
        amountCents: input.amountCents,
        doneOn: input.doneOn,
        description: input.description || null,
        opportunityId: input.opportunityId ?? null,
        declaredByUserId: ctx.actor.userId,
        declaredByLabel: ctx.actor.label,
      })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "business_deal",
      entityId: row.id,
      action: "create",
      changes: {
        deal: [
          null,
          { memberId, partnerMemberId: row.partnerMemberId, amountCents: row.amountCents, doneOn: row.doneOn },
        ],
      },
    });
    return (await presentDeals(tx, ctx, [row]))[0];
  });
}

/** Staff see every declaration; a company the ones it is part of (either side). */
export async function listDeals(ctx: ClusterContext, year?: number) {
  return tenant(ctx, async (tx) => {
    const staff = isOpportunityStaff(ctx.actor);
    if (!staff && !ctx.actor.memberId) return [];
    const bounds = year ? yearBounds(year) : null;
    const rows = await tx
      .select()
      .from(businessDeals)
      .where(
        and(
          eq(businessDeals.clusterId, ctx.clusterId),
          bounds ? between(businessDeals.doneOn, bounds.from, bounds.to) : undefined,
          staff
            ? undefined
            : or(
                eq(businessDeals.memberId, ctx.actor.memberId!),
                eq(businessDeals.partnerMemberId, ctx.actor.memberId!),
              ),
        ),
      )
      .orderBy(desc(businessDeals.doneOn), desc(businessDeals.createdAt))
      .limit(2000);
    return presentDeals(tx, ctx, rows);
  });
}

export async function deleteDeal(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(businessDeals)
      .where(and(eq(businessDeals.clusterId, ctx.clusterId), eq(businessDeals.id, id)));
    if (!row) throw notFound("Deal");
    if (!canWithdrawDeal(ctx.actor, row)) throw forbidden("Seule l'entreprise qui l'a déclarée la retire");
    await tx.delete(businessDeals).where(eq(businessDeals.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "business_deal",
      entityId: id,
      action: "delete",
      changes: { deal: [{ amountCents: row.amountCents, doneOn: row.doneOn }, null] },
    });
  });
}

/** What the caller's company has going: invitations to answer, leads passed and received, business declared. */
export async function myOpportunities(ctx: ClusterContext) {
  const memberId = ctx.actor.memberId;
  if (!memberId) return { company: null, invitations: [], referralsSent: [], referralsReceived: [], deals: [] };
  return tenant(ctx, async (tx) => {
    const referrals = await tx
      .select()
      .from(opportunities)
      .where(
        and(
          eq(opportunities.clusterId, ctx.clusterId),
          or(eq(opportunities.referredByMemberId, memberId), eq(opportunities.referredToMemberId, memberId)),
        ),
      )
      .orderBy(desc(opportunities.createdAt))
      .limit(500);
    const l = await lookups(tx, ctx.clusterId, [memberId, ...referrals.flatMap(memberIdsOf)]);
    const deals = await tx
      .select()
      .from(businessDeals)
      .where(
        and(
          eq(businessDeals.clusterId, ctx.clusterId),
          or(eq(businessDeals.memberId, memberId), eq(businessDeals.partnerMemberId, memberId)),
        ),
      )
      .orderBy(desc(businessDeals.doneOn))
      .limit(500);
    return {
      company: { id: memberId, name: l.names.get(memberId) ?? "—" },
      invitations: await invitationsOfCompany(tx, ctx.clusterId, memberId),
      // The company that passed a lead sees that it was passed and how it goes, not the buyer's details.
      referralsSent: referrals
        .filter((r) => r.referredByMemberId === memberId)
        .map((r) => ({ id: r.id, title: r.title, stage: r.stage, createdAt: r.createdAt.toISOString() })),
      referralsReceived: referrals
        .filter((r) => r.referredToMemberId === memberId)
        .map((r) => presentOpportunity(r, l)),
      deals: await presentDeals(tx, ctx, deals),
    };
  });
}

/**
 * "Business generated between members" in a year (by the day the business was done): declarations, their
 * total and how many distinct companies took part. For the funder report.
 */
export async function businessBetweenMembers(ctx: ClusterContext, year: number) {
  const { from, to } = yearBounds(year);
  return tenant(ctx, async (tx) => {
    const result = await tx.execute(sql`
      select count(*)::int as count, coalesce(sum(amount_cents), 0)::bigint as amount,
        (select count(distinct m)::int from business_deals d2, unnest(array[d2.member_id, d2.partner_member_id]) as m
          where d2.cluster_id = ${ctx.clusterId} and d2.done_on between ${from} and ${to}) as companies
      from business_deals where cluster_id = ${ctx.clusterId} and done_on between ${from} and ${to}`);
    const row = (result as unknown as { rows: { count: number; amount: string | number; companies: number }[] })
      .rows[0];
    return { count: Number(row.count), amountCents: Number(row.amount), companies: Number(row.companies) };
  });
}

/**
 * A year's opportunities: created (by source), qualified, teams formed (confirmed), bids sent, won (with the
 * orders' total) and lost, each counted in the year it happened. For the funder report.
 */
export async function opportunityCounts(ctx: ClusterContext, year: number) {
  const { from, to } = yearBounds(year);
  return tenant(ctx, async (tx) => {
    const result = await tx.execute(sql`
      select
        count(*) filter (where created_at >= ${from}::date and created_at < (${to}::date + 1))::int as created,
        count(*) filter (where source = 'showcase' and created_at >= ${from}::date and created_at < (${to}::date + 1))::int as showcase,
        count(*) filter (where source = 'staff' and created_at >= ${from}::date and created_at < (${to}::date + 1))::int as staff,
        count(*) filter (where source = 'referral' and created_at >= ${from}::date and created_at < (${to}::date + 1))::int as referral,
        count(*) filter (where qualified_at >= ${from}::date and qualified_at < (${to}::date + 1))::int as qualified,
        count(*) filter (where bid_sent_on between ${from} and ${to})::int as bids_sent,
        count(*) filter (where stage = 'won' and closed_on between ${from} and ${to})::int as won,
        coalesce(sum(amount_cents) filter (where stage = 'won' and closed_on between ${from} and ${to}), 0)::bigint as won_amount,
        count(*) filter (where stage = 'lost' and closed_on between ${from} and ${to})::int as lost,
        (select count(distinct p.opportunity_id)::int from consortium_proposals p
          where p.cluster_id = ${ctx.clusterId} and p.status = 'confirmed'
            and p.updated_at >= ${from}::date and p.updated_at < (${to}::date + 1)) as teams_formed
      from opportunities where cluster_id = ${ctx.clusterId}`);
    const r = (result as unknown as { rows: Record<string, string | number>[] }).rows[0];
    const n = (key: string) => Number(r[key] ?? 0);
    return {
      created: n("created"),
      bySource: { showcase: n("showcase"), staff: n("staff"), referral: n("referral") },
      qualified: n("qualified"),
      teamsFormed: n("teams_formed"),
      bidsSent: n("bids_sent"),
      won: n("won"),
      wonAmountCents: n("won_amount"),
      lost: n("lost"),
    };
  });
}

export async function opportunityFigures(ctx: ClusterContext, year: number) {
  return {
    year,
    businessBetweenMembers: await businessBetweenMembers(ctx, year),
    opportunities: await opportunityCounts(ctx, year),
  };
}
