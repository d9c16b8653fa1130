import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../server/context.js";
import { documentDownload, readDocumentUpload } from "../documents/documents.http.js";
import { clusterContext } from "../members/members.routes.js";
import * as consortium from "./consortium.service.js";
import * as deals from "./deals.service.js";
import * as contract from "./opportunities.contract.js";
import * as opportunities from "./opportunities.service.js";
import * as showcaseContract from "./showcase.contract.js";
import { requireShowcase, searchShowcase, showcaseCommunes, submitShowcaseNeed } from "./showcase.service.js";

const showcaseOn = (c: Context<AppEnv>) => opportunities.showcaseEnabledOf(c.get("cluster")?.settings);

/**
 * The sender of a showcase request: the socket's address; behind a reverse proxy on the same host (a loopback
 * socket) or with no socket at all (in-process requests), the first X-Forwarded-For hop.
 */
function clientAddress(c: Context<AppEnv>): string {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  const remote = socket?.remoteAddress;
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  const local = !remote || remote === "127.0.0.1" || remote === "::1" || remote === "::ffff:127.0.0.1";
  return (local && forwarded) || remote || "unknown";
}

export function opportunityRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(showcaseContract.showcase, async (c) => {
    requireShowcase(showcaseOn(c));
    const cluster = c.get("cluster")!;
    const view = { name: cluster.name, description: cluster.description };
    return c.json(await searchShowcase(clusterContext(c), view, c.req.valid("query")), 200);
  });
  app.openapi(showcaseContract.showcaseCommunes, async (c) => {
    requireShowcase(showcaseOn(c));
    return c.json({ communes: showcaseCommunes(c.req.valid("query").q) }, 200);
  });
  app.openapi(showcaseContract.submitNeed, async (c) => {
    requireShowcase(showcaseOn(c));
    return c.json(await submitShowcaseNeed(clusterContext(c), clientAddress(c), c.req.valid("json")), 201);
  });

  app.openapi(contract.listOpportunities, async (c) =>
    c.json({ opportunities: await opportunities.listOpportunities(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.createOpportunity, async (c) =>
    c.json(await opportunities.createOpportunity(clusterContext(c), c.req.valid("json")), 201),
  );
  // The fixed paths before /opportunities/{opportunityId}.
  app.openapi(contract.getSettings, async (c) => c.json({ showcaseEnabled: showcaseOn(c) }, 200));
  app.openapi(contract.setSettings, async (c) =>
    c.json(
      await opportunities.setShowcaseEnabled(clusterContext(c), showcaseOn(c), c.req.valid("json").showcaseEnabled),
      200,
    ),
  );
  app.openapi(contract.opportunityFigures, async (c) => {
    const year = c.req.valid("query").year ?? new Date().getFullYear();
    return c.json(await deals.opportunityFigures(clusterContext(c), year), 200);
  });
  app.openapi(contract.getOpportunity, async (c) =>
    c.json(await opportunities.getOpportunity(clusterContext(c), c.req.valid("param").opportunityId), 200),
  );
  app.openapi(contract.updateOpportunity, async (c) =>
    c.json(
      await opportunities.updateOpportunity(clusterContext(c), c.req.valid("param").opportunityId, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(contract.moveOpportunity, async (c) =>
    c.json(
      await opportunities.moveOpportunity(clusterContext(c), c.req.valid("param").opportunityId, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(contract.consortiumNeed, async (c) =>
    c.json(await consortium.consortiumNeed(clusterContext(c), c.req.valid("param").opportunityId), 200),
  );
  app.openapi(contract.proposeTeams, async (c) =>
    c.json(
      await consortium.proposeTeams(clusterContext(c), c.req.valid("param").opportunityId, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(contract.pickProposal, async (c) => {
    const { opportunityId, proposalId } = c.req.valid("param");
    return c.json(await consortium.pickProposal(clusterContext(c), opportunityId, proposalId), 200);
  });
  app.openapi(contract.addOpportunityDocument, async (c) => {
    const upload = await readDocumentUpload(c, ["other", "template"] as const, "other");
    const ctx = clusterContext(c);
    return c.json(await opportunities.addOpportunityDocument(ctx, c.req.valid("param").opportunityId, upload), 201);
  });
  app.openapi(contract.getOpportunityDocument, async (c) => {
    const { opportunityId, documentId } = c.req.valid("param");
    return documentDownload(c, await opportunities.opportunityDocument(clusterContext(c), opportunityId, documentId));
  });
  app.openapi(contract.deleteOpportunityDocument, async (c) => {
    const { opportunityId, documentId } = c.req.valid("param");
    await opportunities.removeOpportunityDocument(clusterContext(c), opportunityId, documentId);
    return c.body(null, 204);
  });

  app.openapi(contract.myOpportunities, async (c) => c.json(await deals.myOpportunities(clusterContext(c)), 200));
  app.openapi(contract.answerInvitation, async (c) =>
    c.json(
      await consortium.answerInvitation(clusterContext(c), c.req.valid("param").invitationId, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(contract.passLead, async (c) =>
    c.json(await deals.passLead(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.listDeals, async (c) =>
    c.json({ deals: await deals.listDeals(clusterContext(c), c.req.valid("query").year) }, 200),
  );
  app.openapi(contract.declareDeal, async (c) =>
    c.json(await deals.declareDeal(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.deleteDeal, async (c) => {
    await deals.deleteDeal(clusterContext(c), c.req.valid("param").dealId);
    return c.body(null, 204);
  });
}
