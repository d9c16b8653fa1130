import type { ScoredRow } from "./engagement.service.js";

/** The only place an engagement row becomes JSON. */
export function presentEngagement(row: ScoredRow) {
  return {
    member: { id: row.memberId, name: row.legalName },
    town: row.town,
    joinedOn: row.joinedOn,
    score: row.score,
    components: row.components,
    lastParticipationAt: row.lastParticipationAt?.toISOString() ?? null,
    churnRisk: row.churnRisk,
  };
}
