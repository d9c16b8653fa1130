import type { Actor } from "../../platform/permissions/permissions.js";
import { canWithdrawDeal } from "./opportunities.policy.js";
import type {
  businessDeals,
  consortiumInvitations,
  consortiumProposals,
  opportunities,
} from "./opportunities.schema.js";

type OpportunityRow = typeof opportunities.$inferSelect;
type ProposalRow = typeof consortiumProposals.$inferSelect;
type InvitationRow = typeof consortiumInvitations.$inferSelect;
type DealRow = typeof businessDeals.$inferSelect;

/** Names and labels a presenter reads: member names and towns by id, trade labels by code. */
export interface Lookups {
  names: Map<string, string>;
  towns: Map<string, string | null>;
  labels: Map<string, string>;
}

const company = (id: string | null, l: Lookups) => (id ? { id, name: l.names.get(id) ?? "—" } : null);
const trade = (code: string, l: Lookups) => ({ code, label: l.labels.get(code) ?? code });

/** The only place an opportunity becomes JSON (staff, and the companies a referral names). */
export function presentOpportunity(row: OpportunityRow, l: Lookups, team = { invited: 0, accepted: 0 }) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    stage: row.stage,
    source: row.source,
    buyer: { company: row.buyerCompany, contact: row.buyerContact, email: row.buyerEmail, phone: row.buyerPhone },
    steps: row.steps.map((code) => trade(code, l)),
    certifications: row.certifications,
    volumes: row.volumes,
    deadline: row.deadline,
    site:
      row.siteCommuneInsee && row.siteLat != null && row.siteLon != null
        ? { insee: row.siteCommuneInsee, town: row.siteTown ?? "", lat: row.siteLat, lon: row.siteLon }
        : null,
    maxTravelMinutes: row.maxTravelMinutes,
    amountCents: row.amountCents,
    bidSentOn: row.bidSentOn,
    closedOn: row.closedOn,
    lossReason: row.lossReason,
    leader: company(row.leaderMemberId, l),
    referredBy: company(row.referredByMemberId, l),
    referredTo: company(row.referredToMemberId, l),
    declined: row.declinedMemberIds.map((id) => company(id, l)!),
    team,
    qualifiedAt: row.qualifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type OpportunityJson = ReturnType<typeof presentOpportunity>;

export const presentInvitationState = (row: InvitationRow) => ({
  id: row.id,
  status: row.status,
  comment: row.comment,
  answeredAt: row.answeredAt?.toISOString() ?? null,
});

export function presentProposal(row: ProposalRow, invitations: InvitationRow[], l: Lookups) {
  const stepsOf = (memberId: string) =>
    Object.entries(row.assignments)
      .filter(([, id]) => id === memberId)
      .map(([code]) => trade(code, l));
  return {
    id: row.id,
    round: row.round,
    rank: row.rank,
    status: row.status,
    leader: company(row.leaderMemberId, l)!,
    members: row.memberIds.map((id) => {
      const invitation = invitations.find((i) => i.proposalId === row.id && i.memberId === id);
      return {
        id,
        name: l.names.get(id) ?? "—",
        town: l.towns.get(id) ?? null,
        isLeader: id === row.leaderMemberId,
        steps: stepsOf(id),
        invitation: invitation ? presentInvitationState(invitation) : null,
      };
    }),
    travelMinutes: row.travelMinutes,
    optimal: row.optimal,
    fairness: row.fairness,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An invitation as the invited company sees it: the need without the buyer's contact, and its team. */
export function presentInvitation(row: InvitationRow, opportunity: OpportunityRow, proposal: ProposalRow, l: Lookups) {
  return {
    ...presentInvitationState(row),
    isLeader: row.isLeader,
    steps: row.steps.map((code) => trade(code, l)),
    company: company(row.memberId, l)!,
    leader: company(proposal.leaderMemberId, l)!,
    team: proposal.memberIds.map((id) => company(id, l)!),
    opportunity: {
      id: opportunity.id,
      title: opportunity.title,
      description: opportunity.description,
      volumes: opportunity.volumes,
      deadline: opportunity.deadline,
      certifications: opportunity.certifications,
      siteTown: opportunity.siteTown,
      stage: opportunity.stage,
    },
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentDeal(row: DealRow, l: Lookups, actor: Actor) {
  return {
    id: row.id,
    company: company(row.memberId, l)!,
    partner: company(row.partnerMemberId, l)!,
    amountCents: row.amountCents,
    doneOn: row.doneOn,
    description: row.description,
    opportunityId: row.opportunityId,
    declaredBy: row.declaredByLabel,
    canDelete: canWithdrawDeal(actor, row),
    createdAt: row.createdAt.toISOString(),
  };
}
