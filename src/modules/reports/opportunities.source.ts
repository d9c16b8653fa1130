import type { ClusterContext } from "../../server/context.js";
import { businessBetweenMembers, opportunityCounts } from "../opportunities/deals.service.js";

/**
 * The report's opportunities figures, from the opportunities module's exported counts: opportunities
 * created in the year, and business declared between members. Kept in this one file so the report
 * depends on that module in one place only.
 */
export async function opportunityFigures(ctx: ClusterContext, year: number) {
  // One after the other: each is its own tenant transaction, and PGlite has one connection.
  const opportunities = await opportunityCounts(ctx, year);
  const business = await businessBetweenMembers(ctx, year);
  return {
    opportunities: opportunities.created,
    businessBetweenMembers: business.count,
    businessAmountCents: business.amountCents,
    pending: false,
  };
}
