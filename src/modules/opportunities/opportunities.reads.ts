import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid, notFound } from "../../server/errors.js";
import { documentsOf } from "../documents/documents.service.js";
import { membersByIds, tradeLabelsOf } from "../members/members.service.js";
import { type Lookups, presentOpportunity, presentProposal } from "./opportunities.presenter.js";
import { consortiumInvitations, consortiumProposals, opportunities } from "./opportunities.schema.js";

export type OpportunityRow = typeof opportunities.$inferSelect;
export type ProposalRow = typeof consortiumProposals.$inferSelect;
export type InvitationRow = typeof consortiumInvitations.$inferSelect;

export const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

export async function loadOpportunity(tx: Db, clusterId: string, id: string, field?: string): Promise<OpportunityRow> {
  const [row] = await tx
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.clusterId, clusterId), eq(opportunities.id, id)));
  if (!row) {
    if (field) throw invalid([{ field, message: "Affaire inconnue dans ce cluster" }]);
    throw notFound("Opportunity");
  }
  return row;
}

/** Names, towns and trade labels for the ids given, in one pass. */
export async function lookups(tx: Db, clusterId: string, memberIds: (string | null)[]): Promise<Lookups> {
  const ids = [...new Set(memberIds.filter((id): id is string => Boolean(id)))];
  const [rows, labels] = await Promise.all([membersByIds(tx, clusterId, ids), tradeLabelsOf(tx, clusterId)]);
  return {
    names: new Map(rows.map((m) => [m.id, m.tradeName ?? m.legalName])),
    towns: new Map(rows.map((m) => [m.id, m.town])),
    labels,
  };
}

export const memberIdsOf = (row: OpportunityRow) => [
  row.leaderMemberId,
  row.referredByMemberId,
  row.referredToMemberId,
  ...row.declinedMemberIds,
];

export async function proposalsOf(tx: Db, clusterId: string, opportunityIds: string[]) {
  if (!opportunityIds.length) return { proposals: [] as ProposalRow[], invitations: [] as InvitationRow[] };
  const [proposals, invitations] = await Promise.all([
    tx
      .select()
      .from(consortiumProposals)
      .where(
        and(eq(consortiumProposals.clusterId, clusterId), inArray(consortiumProposals.opportunityId, opportunityIds)),
      )
      .orderBy(desc(consortiumProposals.round), asc(consortiumProposals.rank)),
    tx
      .select()
      .from(consortiumInvitations)
      .where(
        and(
          eq(consortiumInvitations.clusterId, clusterId),
          inArray(consortiumInvitations.opportunityId, opportunityIds),
        ),
      ),
  ]);
  return { proposals, invitations };
}

/** The answers to the proposal being worked on (invited or confirmed), for the board's cards. */
function teamOf(opportunityId: string, proposals: ProposalRow[], invitations: InvitationRow[]) {
  const current = proposals.find(
    (p) => p.opportunityId === opportunityId && (p.status === "invited" || p.status === "confirmed"),
  );
  if (!current) return { invited: 0, accepted: 0 };
  const mine = invitations.filter((i) => i.proposalId === current.id);
  return { invited: mine.length, accepted: mine.filter((i) => i.status === "accepted").length };
}

/** Opportunities as the board shows them. */
export async function summaries(tx: Db, ctx: ClusterContext, rows: OpportunityRow[]) {
  const { proposals, invitations } = await proposalsOf(
    tx,
    ctx.clusterId,
    rows.map((r) => r.id),
  );
  const l = await lookups(tx, ctx.clusterId, rows.flatMap(memberIdsOf));
  return rows.map((row) => presentOpportunity(row, l, teamOf(row.id, proposals, invitations)));
}

/**
 * Which proposals the detail shows: those of the last computation, and every one that was picked (invited,
 * confirmed or declined), so the story of a refusal stays readable.
 */
export async function detail(tx: Db, ctx: ClusterContext, row: OpportunityRow, uncovered: string[] = []) {
  const { proposals, invitations } = await proposalsOf(tx, ctx.clusterId, [row.id]);
  const lastRound = proposals[0]?.round ?? 0;
  const shown = proposals.filter((p) => p.round === lastRound || p.status !== "superseded");
  const l = await lookups(tx, ctx.clusterId, [...memberIdsOf(row), ...shown.flatMap((p) => p.memberIds)]);
  return {
    ...presentOpportunity(row, l, teamOf(row.id, proposals, invitations)),
    documents: await documentsOf(tx, ctx.clusterId, "opportunity", row.id),
    proposals: shown.map((p) => presentProposal(p, invitations, l)),
    uncovered: uncovered.map((code) => ({ code, label: l.labels.get(code) ?? code })),
  };
}
