import type { ConsortiumCompany, ConsortiumNeed } from "../../core/consortium/index.js";
import type { FieldError } from "../../server/errors.js";
import type { OpportunityStage, opportunities } from "./opportunities.schema.js";

type OpportunityRow = typeof opportunities.$inferSelect;

/** Needs one sender (client address) may submit to one cluster's showcase within the window. */
export const SHOWCASE_LIMIT = 5;
/** The rate-limit window: one hour. Rows older than a day are purged. */
export const SHOWCASE_WINDOW_MS = 60 * 60 * 1000;
export const SHOWCASE_RETENTION_MS = 24 * 60 * 60 * 1000;

/** How far back "proposed" counts for the fairness option: the last 12 months. */
export const FAIRNESS_WINDOW_DAYS = 365;

/**
 * Who may lead a joint bid. The leader takes the order and carries the contract for the whole team, so it
 * must be an SME or larger (10 staff or more, or the size class derived from headcount and turnover: sme,
 * midcap, large). Micro-enterprises and companies whose size is unknown take steps but do not lead; staff
 * make one eligible by filling in its headcount.
 */
export function canLead(member: { sizeClass: string | null }): boolean {
  return member.sizeClass === "sme" || member.sizeClass === "midcap" || member.sizeClass === "large";
}

/** The members the builder may consider: current member companies with coordinates, minus those who declined. */
export interface CandidateMember {
  id: string;
  kind: string;
  status: string;
  tradeCodes: string[];
  certifications: string[];
  lat: number | null;
  lon: number | null;
  sizeClass: string | null;
}

/** The builder's input (docs/formats/consortium.md) from an opportunity and the cluster's members. */
export function consortiumNeedOf(
  opportunity: Pick<
    OpportunityRow,
    "steps" | "certifications" | "siteLat" | "siteLon" | "maxTravelMinutes" | "declinedMemberIds"
  >,
  candidates: CandidateMember[],
  proposedCounts: Map<string, number>,
): ConsortiumNeed {
  const declined = new Set(opportunity.declinedMemberIds);
  const companies: ConsortiumCompany[] = candidates
    .filter((m) => m.kind === "company" && m.status === "member" && m.lat != null && m.lon != null)
    .filter((m) => !declined.has(m.id))
    .map((m) => ({
      id: m.id,
      capabilities: [...m.tradeCodes],
      certifications: [...m.certifications],
      location: { lat: m.lat!, lon: m.lon! },
      canLead: canLead(m),
      proposedCount: proposedCounts.get(m.id) ?? 0,
    }));
  return {
    steps: [...opportunity.steps],
    certifications: [...opportunity.certifications],
    site: { lat: opportunity.siteLat ?? 0, lon: opportunity.siteLon ?? 0 },
    maxTravelMinutes: opportunity.maxTravelMinutes,
    companies,
    incompatible: [],
  };
}

/** What a need must say before the builder can be asked: its steps and its site. */
export function needProblems(opportunity: Pick<OpportunityRow, "steps" | "siteLat" | "siteLon">): FieldError[] {
  const problems: FieldError[] = [];
  if (!opportunity.steps.length) problems.push({ field: "steps", message: "Indiquez les étapes (métiers) du besoin" });
  if (opportunity.siteLat == null || opportunity.siteLon == null)
    problems.push({ field: "siteCommuneInsee", message: "Indiquez la commune du site" });
  return problems;
}

const order: Record<OpportunityStage, number> = { lead: 0, qualified: 1, team_formed: 2, bid_sent: 3, won: 4, lost: 4 };

/**
 * Why an opportunity may not move to `target` (null when it may): a qualified need has its steps and site;
 * a team is formed once its proposal is confirmed; a bid sent and an order won have an amount.
 */
export function stageProblem(
  opportunity: Pick<OpportunityRow, "stage" | "steps" | "siteLat" | "siteLon" | "amountCents" | "source">,
  target: OpportunityStage,
  context: { teamConfirmed: boolean; amountCents: number | null | undefined },
): { fields: FieldError[]; message: string } | null {
  if (target === opportunity.stage) return null;
  const forward = order[target] > order[opportunity.stage];
  if (!forward) return null;
  if (order[target] >= order.qualified && target !== "lost" && opportunity.source !== "referral") {
    const problems = needProblems(opportunity);
    if (problems.length) return { fields: problems, message: "Qualifiez d'abord le besoin : étapes et site" };
  }
  if ((target === "team_formed" || target === "bid_sent" || target === "won") && opportunity.source !== "referral") {
    if (!context.teamConfirmed)
      return {
        fields: [
          { field: "stage", message: "Aucune équipe confirmée : choisissez une proposition et attendez les réponses" },
        ],
        message: "L'équipe n'est pas encore confirmée",
      };
  }
  if ((target === "bid_sent" || target === "won") && context.amountCents == null && opportunity.amountCents == null)
    return {
      fields: [{ field: "amountCents", message: "Indiquez le montant" }],
      message: "Montant manquant",
    };
  return null;
}

/** The year's bounds as ISO dates, for `date` columns. */
export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
