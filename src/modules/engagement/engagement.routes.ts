import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { churnMonthsOf } from "../../core/engagement/churn.js";
import type { AppEnv } from "../../server/context.js";
import { clusterContext } from "../members/members.routes.js";
import * as contract from "./engagement.contract.js";
import {
  churnRiskList,
  engagementTable,
  memberEngagement,
  membershipByYear,
  setChurnMonths,
} from "./engagement.service.js";

/** The cluster's churn threshold (settings.churnMonths, 6 by default). */
export const churnMonthsOfRequest = (c: Context<AppEnv>) => churnMonthsOf(c.get("cluster")?.settings);

export function engagementRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.engagementTable, async (c) =>
    c.json(await engagementTable(clusterContext(c), c.req.valid("query"), churnMonthsOfRequest(c)), 200),
  );
  app.openapi(contract.churnRisk, async (c) =>
    c.json(await churnRiskList(clusterContext(c), churnMonthsOfRequest(c)), 200),
  );
  app.openapi(contract.membershipYears, async (c) => c.json(await membershipByYear(clusterContext(c)), 200));
  app.openapi(contract.memberEngagement, async (c) =>
    c.json(await memberEngagement(clusterContext(c), c.req.valid("param").id, churnMonthsOfRequest(c)), 200),
  );
  app.openapi(contract.setChurnSettings, async (c) =>
    c.json(await setChurnMonths(clusterContext(c), churnMonthsOfRequest(c), c.req.valid("json").churnMonths), 200),
  );
}
