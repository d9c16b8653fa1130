import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../server/context.js";
import { churnMonthsOfRequest } from "../engagement/engagement.routes.js";
import { clusterContext } from "../members/members.routes.js";
import * as contract from "./contacts.contract.js";
import {
  assigneesOf,
  createContact,
  createFollowUp,
  deleteContact,
  deleteFollowUp,
  memberContactLog,
  toCallList,
  updateContact,
  updateFollowUp,
} from "./contacts.service.js";

export function contactRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.toCall, async (c) =>
    c.json(await toCallList(clusterContext(c), c.req.valid("query"), churnMonthsOfRequest(c)), 200),
  );
  app.openapi(contract.assignees, async (c) => c.json({ users: await assigneesOf(clusterContext(c)) }, 200));
  app.openapi(contract.memberContactLog, async (c) =>
    c.json(await memberContactLog(clusterContext(c), c.req.valid("param").id), 200),
  );
  app.openapi(contract.createContact, async (c) =>
    c.json(await createContact(clusterContext(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(contract.updateContact, async (c) =>
    c.json(await updateContact(clusterContext(c), c.req.valid("param").contactId, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteContact, async (c) => {
    await deleteContact(clusterContext(c), c.req.valid("param").contactId);
    return c.body(null, 204);
  });
  app.openapi(contract.createFollowUp, async (c) =>
    c.json(await createFollowUp(clusterContext(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(contract.updateFollowUp, async (c) =>
    c.json(await updateFollowUp(clusterContext(c), c.req.valid("param").followUpId, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteFollowUp, async (c) => {
    await deleteFollowUp(clusterContext(c), c.req.valid("param").followUpId);
    return c.body(null, 204);
  });
}
