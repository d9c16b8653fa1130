import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv, ClusterContext } from "../../server/context.js";
import { directoryPoints, searchDirectory } from "./directory.service.js";
import * as contract from "./members.contract.js";
import { createMember, deleteMember, getMember, memberHistory, updateMember } from "./members.service.js";

/** The service context of a request on /api/clusters/{slug}/… (cluster and actor set by resolveCluster). */
export function clusterContext(c: Context<AppEnv>): ClusterContext {
  return { db: c.get("services").database.db, clusterId: c.get("cluster")!.id, actor: c.get("actor") };
}
export const localeOf = (c: Context<AppEnv>): "fr" | "en" => (c.get("user")?.locale === "en" ? "en" : "fr");

export function memberRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.searchDirectory, async (c) =>
    c.json(await searchDirectory(clusterContext(c), c.req.valid("query"), localeOf(c)), 200),
  );
  app.openapi(contract.directoryMap, async (c) =>
    c.json({ points: await directoryPoints(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.getMember, async (c) =>
    c.json(await getMember(clusterContext(c), c.req.valid("param").id, localeOf(c)), 200),
  );
  app.openapi(contract.createMember, async (c) =>
    c.json(await createMember(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.updateMember, async (c) =>
    c.json(await updateMember(clusterContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteMember, async (c) => {
    await deleteMember(clusterContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  app.openapi(contract.memberHistory, async (c) =>
    c.json({ entries: await memberHistory(clusterContext(c), c.req.valid("param").id) }, 200),
  );
}
