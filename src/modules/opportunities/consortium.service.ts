import { and, count, desc, eq, gte, inArray, max, sql } from "drizzle-orm";
import { proposeConsortia } from "../../core/consortium/index.js";
import type { Db } from "../../db/client.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, forbidden, invalid, notFound } from "../../server/errors.js";
import { searchMembersSql, toMemberRow } from "../members/directory.service.js";
import type { AnswerInput } from "./opportunities.contract.js";
import { mayAnswerInvitation } from "./opportunities.policy.js";
import { presentInvitation } from "./opportunities.presenter.js";
import {
  detail,
  type InvitationRow,
  loadOpportunity,
  lookups,
  type OpportunityRow,
  type ProposalRow,
  tenant,
} from "./opportunities.reads.js";
import { consortiumNeedOf, FAIRNESS_WINDOW_DAYS, needProblems } from "./opportunities.rules.js";
import { consortiumInvitations, consortiumProposals, opportunities } from "./opportunities.schema.js";

/** Wall-clock budget of one computation in a request: the builder is exact within 1 s on 300 companies. */
const TIME_LIMIT_MS = 3000;

/** The cluster's current member companies, as the builder's candidates (through the members module's search). */
async function candidates(tx: Db, clusterId: string) {
  const { pageRows } = await searchMembersSql(
    tx,
    [clusterId],
    {
      trade: [],
      sizeClass: [],
      certification: [],
      department: [],
      status: ["member"],
      kind: ["company"],
      sort: "name",
      page: 1,
      pageSize: 5000,
    },
    null,
    false,
  );
  return pageRows.map(toMemberRow);
}

/** How many times each company was invited to a team in the last 12 months: the fairness count. */
async function proposedCounts(tx: Db, clusterId: string) {
  const since = new Date(Date.now() - FAIRNESS_WINDOW_DAYS * 86_400_000);
  const rows = await tx
    .select({ memberId: consortiumInvitations.memberId, n: count() })
    .from(consortiumInvitations)
    .where(and(eq(consortiumInvitations.clusterId, clusterId), gte(consortiumInvitations.createdAt, since)))
    .groupBy(consortiumInvitations.memberId);
  return new Map(rows.map((r) => [r.memberId, Number(r.n)]));
}

/** The need in the builder's exchange format (docs/formats/consortium.md), for the app and for the CLI. */
export async function buildConsortiumNeed(tx: Db, clusterId: string, opportunity: OpportunityRow) {
  const problems = needProblems(opportunity);
  if (problems.length) throw invalid(problems);
  return consortiumNeedOf(opportunity, await candidates(tx, clusterId), await proposedCounts(tx, clusterId));
}

export async function consortiumNeed(ctx: ClusterContext, id: string) {
  return tenant(ctx, async (tx) =>
    buildConsortiumNeed(tx, ctx.clusterId, await loadOpportunity(tx, ctx.clusterId, id)),
  );
}

const closed = (row: OpportunityRow) => row.stage === "won" || row.stage === "lost";

/** Runs the builder and stores its proposals as a new round; the previous round's unpicked ones are superseded. */
async function computeRound(tx: Db, ctx: ClusterContext, row: OpportunityRow, top: number, fairness: boolean) {
  const need = await buildConsortiumNeed(tx, ctx.clusterId, row);
  const result = proposeConsortia(need, { top, fairness, timeLimitMs: TIME_LIMIT_MS });
  await tx
    .update(consortiumProposals)
    .set({ status: "superseded", updatedAt: new Date() })
    .where(and(eq(consortiumProposals.opportunityId, row.id), eq(consortiumProposals.status, "suggested")));
  const [{ last }] = await tx
    .select({ last: max(consortiumProposals.round) })
    .from(consortiumProposals)
    .where(eq(consortiumProposals.opportunityId, row.id));
  const round = (last ?? 0) + 1;
  const inserted = result.proposals.length
    ? await tx
        .insert(consortiumProposals)
        .values(
          result.proposals.map((p, i) => ({
            clusterId: ctx.clusterId,
            opportunityId: row.id,
            round,
            rank: i + 1,
            leaderMemberId: p.leader,
            memberIds: p.members,
            assignments: p.assignments,
            travelMinutes: Math.round(p.travelMinutes),
            optimal: p.optimal,
            fairness,
          })),
        )
        .returning()
    : [];
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "opportunity",
    entityId: row.id,
    action: "consortium.propose",
    changes: { [`round ${round}`]: [null, { proposals: inserted.length, uncovered: result.uncovered, fairness }] },
  });
  return { proposals: inserted, uncovered: result.uncovered };
}

export async function proposeTeams(ctx: ClusterContext, id: string, options: { top: number; fairness: boolean }) {
  return tenant(ctx, async (tx) => {
    const row = await loadOpportunity(tx, ctx.clusterId, id);
    if (closed(row)) throw conflict("Affaire close : plus de proposition d'équipe");
    const { uncovered } = await computeRound(tx, ctx, row, options.top, options.fairness);
    return detail(tx, ctx, await loadOpportunity(tx, ctx.clusterId, id), uncovered);
  });
}

const invitationsOfProposal = (tx: Db, proposalId: string) =>
  tx.select().from(consortiumInvitations).where(eq(consortiumInvitations.proposalId, proposalId));

/** Once every company of the picked proposal accepted: the team is confirmed and its leader recorded. */
async function confirmIfComplete(tx: Db, ctx: ClusterContext, proposal: ProposalRow) {
  const answers = await invitationsOfProposal(tx, proposal.id);
  if (!answers.length || answers.some((a) => a.status !== "accepted")) return false;
  await tx
    .update(consortiumProposals)
    .set({ status: "confirmed", updatedAt: new Date() })
    .where(eq(consortiumProposals.id, proposal.id));
  const row = await loadOpportunity(tx, ctx.clusterId, proposal.opportunityId);
  const stage = row.stage === "lead" || row.stage === "qualified" ? "team_formed" : row.stage;
  await tx
    .update(opportunities)
    .set({ leaderMemberId: proposal.leaderMemberId, stage, updatedAt: new Date() })
    .where(eq(opportunities.id, row.id));
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "opportunity",
    entityId: row.id,
    action: "consortium.confirm",
    changes: { leaderMemberId: [row.leaderMemberId, proposal.leaderMemberId], stage: [row.stage, stage] },
  });
  return true;
}

/**
 * Invites a proposal's companies. A company that already accepted the same role for this opportunity (in a
 * proposal a refusal ended) keeps its acceptance when its steps here are among those it accepted.
 */
async function invite(tx: Db, ctx: ClusterContext, row: OpportunityRow, proposal: ProposalRow) {
  const current = await tx
    .select()
    .from(consortiumProposals)
    .where(
      and(eq(consortiumProposals.opportunityId, row.id), inArray(consortiumProposals.status, ["invited", "confirmed"])),
    );
  for (const other of current) {
    await tx
      .update(consortiumProposals)
      .set({ status: "superseded", updatedAt: new Date() })
      .where(eq(consortiumProposals.id, other.id));
    await tx
      .update(consortiumInvitations)
      .set({ status: "withdrawn" })
      .where(and(eq(consortiumInvitations.proposalId, other.id), eq(consortiumInvitations.status, "invited")));
  }
  const accepted = await tx
    .select()
    .from(consortiumInvitations)
    .where(and(eq(consortiumInvitations.opportunityId, row.id), eq(consortiumInvitations.status, "accepted")));
  const values = proposal.memberIds.map((memberId) => {
    const steps = Object.entries(proposal.assignments)
      .filter(([, id]) => id === memberId)
      .map(([step]) => step);
    const isLeader = memberId === proposal.leaderMemberId;
    const earlier = accepted.find(
      (a) => a.memberId === memberId && a.isLeader === isLeader && steps.every((s) => a.steps.includes(s)),
    );
    return {
      clusterId: ctx.clusterId,
      proposalId: proposal.id,
      opportunityId: row.id,
      memberId,
      isLeader,
      steps,
      status: earlier ? ("accepted" as const) : ("invited" as const),
      comment: earlier?.comment ?? null,
      answeredAt: earlier?.answeredAt ?? null,
      answeredByUserId: earlier?.answeredByUserId ?? null,
    };
  });
  await tx.insert(consortiumInvitations).values(values);
  await tx
    .update(consortiumProposals)
    .set({ status: "invited", updatedAt: new Date() })
    .where(eq(consortiumProposals.id, proposal.id));
  await tx.update(opportunities).set({ updatedAt: new Date() }).where(eq(opportunities.id, row.id));
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "opportunity",
    entityId: row.id,
    action: "consortium.invite",
    changes: {
      proposal: [null, { id: proposal.id, round: proposal.round, rank: proposal.rank, members: proposal.memberIds }],
    },
  });
  await confirmIfComplete(tx, ctx, { ...proposal, status: "invited" });
}

export async function pickProposal(ctx: ClusterContext, id: string, proposalId: string) {
  return tenant(ctx, async (tx) => {
    const row = await loadOpportunity(tx, ctx.clusterId, id);
    if (closed(row)) throw conflict("Affaire close : l'équipe ne change plus");
    const [proposal] = await tx
      .select()
      .from(consortiumProposals)
      .where(and(eq(consortiumProposals.opportunityId, id), eq(consortiumProposals.id, proposalId)));
    if (!proposal) throw notFound("Proposal");
    if (proposal.status !== "suggested")
      throw conflict(`Cette proposition n'est plus à choisir (${proposal.status})`, [
        { field: "proposalId", message: proposal.status },
      ]);
    const [confirmed] = await tx
      .select({ id: consortiumProposals.id })
      .from(consortiumProposals)
      .where(and(eq(consortiumProposals.opportunityId, id), eq(consortiumProposals.status, "confirmed")));
    if (confirmed) throw conflict("L'équipe est déjà confirmée : elle ne change plus");
    if (proposal.memberIds.some((m) => row.declinedMemberIds.includes(m)))
      throw conflict("Une entreprise de cette équipe a déjà décliné : demandez de nouvelles propositions");
    await invite(tx, ctx, row, proposal);
    return detail(tx, ctx, await loadOpportunity(tx, ctx.clusterId, id));
  });
}

async function loadInvitation(tx: Db, clusterId: string, id: string) {
  const [row] = await tx
    .select()
    .from(consortiumInvitations)
    .where(and(eq(consortiumInvitations.clusterId, clusterId), eq(consortiumInvitations.id, id)));
  if (!row) throw notFound("Invitation");
  return row;
}

async function loadProposal(tx: Db, id: string) {
  const [row] = await tx.select().from(consortiumProposals).where(eq(consortiumProposals.id, id));
  if (!row) throw notFound("Proposal");
  return row;
}

/**
 * A refusal: the proposal is declined, its open invitations withdrawn, the company left out of this bid, and
 * the builder asked again; its best team is picked at once (the companies that accepted keep their answer).
 */
async function nextProposal(tx: Db, ctx: ClusterContext, proposal: ProposalRow, refusing: string) {
  await tx
    .update(consortiumProposals)
    .set({ status: "declined", updatedAt: new Date() })
    .where(eq(consortiumProposals.id, proposal.id));
  await tx
    .update(consortiumInvitations)
    .set({ status: "withdrawn" })
    .where(and(eq(consortiumInvitations.proposalId, proposal.id), eq(consortiumInvitations.status, "invited")));
  await tx
    .update(opportunities)
    .set({
      declinedMemberIds: sql`array_append(array_remove(${opportunities.declinedMemberIds}, ${refusing}::uuid), ${refusing}::uuid)`,
      updatedAt: new Date(),
    })
    .where(eq(opportunities.id, proposal.opportunityId));
  const row = await loadOpportunity(tx, ctx.clusterId, proposal.opportunityId);
  const { proposals } = await computeRound(tx, ctx, row, 3, proposal.fairness);
  if (proposals[0]) await invite(tx, ctx, row, proposals[0]);
}

export async function answerInvitation(ctx: ClusterContext, invitationId: string, input: AnswerInput) {
  return tenant(ctx, async (tx) => {
    const invitation = await loadInvitation(tx, ctx.clusterId, invitationId);
    if (!mayAnswerInvitation(ctx.actor, invitation))
      throw forbidden("Seule l'entreprise invitée répond à cette invitation");
    const proposal = await loadProposal(tx, invitation.proposalId);
    if (invitation.status !== "invited" || proposal.status !== "invited")
      throw conflict(
        invitation.status === "invited" ? "Cette équipe n'est plus d'actualité" : "Vous avez déjà répondu",
        [{ field: "accept", message: invitation.status }],
      );
    const [updated] = await tx
      .update(consortiumInvitations)
      .set({
        status: input.accept ? "accepted" : "declined",
        comment: input.comment || null,
        answeredAt: new Date(),
        answeredByUserId: ctx.actor.userId,
      })
      .where(eq(consortiumInvitations.id, invitationId))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "opportunity",
      entityId: invitation.opportunityId,
      action: input.accept ? "consortium.accept" : "consortium.decline",
      changes: { [invitation.memberId]: ["invited", updated.status] },
    });
    if (input.accept) await confirmIfComplete(tx, ctx, proposal);
    else await nextProposal(tx, ctx, proposal, invitation.memberId);
    const opportunity = await loadOpportunity(tx, ctx.clusterId, invitation.opportunityId);
    const l = await lookups(tx, ctx.clusterId, proposal.memberIds);
    return presentInvitation(updated, opportunity, await loadProposal(tx, proposal.id), l);
  });
}

/** A company's invitations, newest first (withdrawn ones left out: they were never for it to answer). */
export async function invitationsOfCompany(tx: Db, clusterId: string, memberId: string) {
  const rows: InvitationRow[] = await tx
    .select()
    .from(consortiumInvitations)
    .where(and(eq(consortiumInvitations.clusterId, clusterId), eq(consortiumInvitations.memberId, memberId)))
    .orderBy(desc(consortiumInvitations.createdAt))
    .limit(200);
  const shown = rows.filter((r) => r.status !== "withdrawn");
  if (!shown.length) return [];
  const proposals = await tx
    .select()
    .from(consortiumProposals)
    .where(inArray(consortiumProposals.id, [...new Set(shown.map((r) => r.proposalId))]));
  const opportunityRows = await tx
    .select()
    .from(opportunities)
    .where(inArray(opportunities.id, [...new Set(shown.map((r) => r.opportunityId))]));
  const l = await lookups(
    tx,
    clusterId,
    proposals.flatMap((p) => p.memberIds),
  );
  return shown.map((r) =>
    presentInvitation(
      r,
      opportunityRows.find((o) => o.id === r.opportunityId)!,
      proposals.find((p) => p.id === r.proposalId)!,
      l,
    ),
  );
}
