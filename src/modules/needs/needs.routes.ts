import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { withTenant } from "../../db/tenant.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import { updateClusterSettings } from "../../platform/clusters/staff.service.js";
import type { AppEnv } from "../../server/context.js";
import { clusterContext } from "../members/members.routes.js";
import * as contract from "./needs.contract.js";
import { needThresholdOf } from "./needs.rules.js";
import * as needs from "./needs.service.js";

/** The cluster's threshold (settings.needThreshold, 3 by default). */
const thresholdOf = (c: Context<AppEnv>) => needThresholdOf(c.get("cluster")?.settings);

export function needRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.listNeeds, async (c) =>
    c.json({ needs: await needs.listNeeds(clusterContext(c), c.req.valid("query")), threshold: thresholdOf(c) }, 200),
  );
  // The fixed paths before /needs/{needId}.
  app.openapi(contract.similarNeeds, async (c) => {
    const { text, exclude } = c.req.valid("query");
    return c.json({ similar: await needs.similarNeeds(clusterContext(c), text, exclude) }, 200);
  });
  app.openapi(contract.needProposals, async (c) =>
    c.json({ proposals: await needs.needProposals(clusterContext(c), thresholdOf(c)), threshold: thresholdOf(c) }, 200),
  );
  app.openapi(contract.getNeedSettings, async (c) => c.json({ needThreshold: thresholdOf(c) }, 200));
  app.openapi(contract.setNeedSettings, async (c) => {
    const ctx = clusterContext(c);
    const before = thresholdOf(c);
    const { needThreshold } = c.req.valid("json");
    const settings = await withTenant(ctx.db, ctx.clusterId, async (tx) => {
      const updated = await updateClusterSettings(tx, ctx.clusterId, { needThreshold });
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "cluster",
        entityId: ctx.clusterId,
        action: "settings",
        changes: { needThreshold: [before, needThreshold] },
      });
      return updated;
    });
    return c.json({ needThreshold: needThresholdOf(settings) }, 200);
  });
  app.openapi(contract.postNeed, async (c) =>
    c.json(await needs.postNeed(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.getNeed, async (c) =>
    c.json(await needs.getNeed(clusterContext(c), c.req.valid("param").needId), 200),
  );
  app.openapi(contract.updateNeed, async (c) =>
    c.json(await needs.updateNeed(clusterContext(c), c.req.valid("param").needId, c.req.valid("json")), 200),
  );
  app.openapi(contract.supportNeed, async (c) =>
    c.json(await needs.supportNeed(clusterContext(c), c.req.valid("param").needId, c.req.valid("json")), 201),
  );
  app.openapi(contract.withdrawSupport, async (c) =>
    c.json(await needs.withdrawSupport(clusterContext(c), c.req.valid("param").needId), 200),
  );
  app.openapi(contract.mergeNeed, async (c) =>
    c.json(await needs.mergeNeed(clusterContext(c), c.req.valid("param").needId, c.req.valid("json").intoId), 200),
  );
  app.openapi(contract.dismissProposal, async (c) =>
    c.json(await needs.dismissProposal(clusterContext(c), c.req.valid("param").needId), 200),
  );
  app.openapi(contract.openGroupFromNeed, async (c) =>
    c.json(await needs.openGroupFromNeed(clusterContext(c), c.req.valid("param").needId, c.req.valid("json")), 201),
  );
}
