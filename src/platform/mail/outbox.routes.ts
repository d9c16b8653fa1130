import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv, ClusterContext } from "../../server/context.js";
import { getOutboxAttachment, getOutboxMessage, listOutbox } from "./mail.service.js";
import * as contract from "./outbox.contract.js";

const clusterContext = (c: Context<AppEnv>): ClusterContext => ({
  db: c.get("services").database.db,
  clusterId: c.get("cluster")!.id,
  actor: c.get("actor"),
});

export function outboxRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.listOutbox, async (c) => c.json(await listOutbox(clusterContext(c), c.req.valid("query")), 200));
  app.openapi(contract.getOutboxMessage, async (c) =>
    c.json(await getOutboxMessage(clusterContext(c), c.req.valid("param").messageId), 200),
  );
  app.openapi(contract.getOutboxAttachment, async (c) => {
    const { messageId, index } = c.req.valid("param");
    const file = await getOutboxAttachment(clusterContext(c), messageId, index);
    const name = file.filename.replace(/[^\w.-]+/g, "_");
    return c.body(new Uint8Array(file.body), 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${name}"`,
    });
  });
}
