import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../server/context.js";
import { clusterContext } from "../members/members.routes.js";
import * as calls from "./calls.service.js";
import * as contract from "./funding.contract.js";
import * as service from "./funding.service.js";

export function fundingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.listFunders, async (c) =>
    c.json({ funders: await service.listFunders(clusterContext(c)) }, 200),
  );
  app.openapi(contract.createFunder, async (c) =>
    c.json(await service.createFunder(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.updateFunder, async (c) =>
    c.json(await service.updateFunder(clusterContext(c), c.req.valid("param").funderId, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteFunder, async (c) => {
    await service.deleteFunder(clusterContext(c), c.req.valid("param").funderId);
    return c.body(null, 204);
  });

  app.openapi(contract.listCalls, async (c) =>
    c.json({ calls: await calls.listCalls(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.createCall, async (c) =>
    c.json(await calls.createCall(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.getCall, async (c) =>
    c.json(await calls.getCall(clusterContext(c), c.req.valid("param").callId), 200),
  );
  app.openapi(contract.updateCall, async (c) =>
    c.json(await calls.updateCall(clusterContext(c), c.req.valid("param").callId, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteCall, async (c) => {
    await calls.deleteCall(clusterContext(c), c.req.valid("param").callId);
    return c.body(null, 204);
  });
  app.openapi(contract.callEligibility, async (c) =>
    c.json(await calls.callEligibility(clusterContext(c), c.req.valid("param").callId), 200),
  );
  app.openapi(contract.notifyCall, async (c) =>
    c.json(await calls.notifyCall(clusterContext(c), c.req.valid("param").callId, c.req.valid("json")), 200),
  );

  app.openapi(contract.listGrants, async (c) =>
    c.json({ grants: await service.listGrants(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.createGrant, async (c) =>
    c.json(await service.createGrant(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.getGrant, async (c) =>
    c.json(await service.getGrant(clusterContext(c), c.req.valid("param").grantId), 200),
  );
  app.openapi(contract.updateGrant, async (c) =>
    c.json(await service.updateGrant(clusterContext(c), c.req.valid("param").grantId, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteGrant, async (c) => {
    await service.deleteGrant(clusterContext(c), c.req.valid("param").grantId);
    return c.body(null, 204);
  });
  app.openapi(contract.addGrantAction, async (c) =>
    c.json(await service.addGrantAction(clusterContext(c), c.req.valid("param").grantId, c.req.valid("json")), 201),
  );
  app.openapi(contract.updateGrantAction, async (c) =>
    c.json(await service.updateGrantAction(clusterContext(c), c.req.valid("param").actionId, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteGrantAction, async (c) => {
    await service.deleteGrantAction(clusterContext(c), c.req.valid("param").actionId);
    return c.body(null, 204);
  });
}
