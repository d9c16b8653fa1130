import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../server/context.js";
import { documentDownload, readDocumentUpload } from "../documents/documents.http.js";
import { clusterContext } from "../members/members.routes.js";
import { addAction, deleteAction, reorderActions, updateAction } from "./actions.service.js";
import { deleteGroupDocument, downloadGroupDocument, uploadGroupDocument } from "./deliverables.service.js";
import * as contract from "./groups.contract.js";
import * as groups from "./groups.service.js";

export function groupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.listGroups, async (c) =>
    c.json({ groups: await groups.listGroups(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.createGroup, async (c) =>
    c.json(await groups.createGroup(clusterContext(c), c.req.valid("json")), 201),
  );
  // Before getGroup: "leaders" is not a group id.
  app.openapi(contract.listLeaders, async (c) => c.json({ leaders: await groups.listLeaders(clusterContext(c)) }, 200));
  app.openapi(contract.getGroup, async (c) =>
    c.json(await groups.getGroup(clusterContext(c), c.req.valid("param").groupId), 200),
  );
  app.openapi(contract.updateGroup, async (c) =>
    c.json(await groups.updateGroup(clusterContext(c), c.req.valid("param").groupId, c.req.valid("json")), 200),
  );
  app.openapi(contract.addGroupMember, async (c) =>
    c.json(await groups.addGroupMember(clusterContext(c), c.req.valid("param").groupId, c.req.valid("json")), 200),
  );
  app.openapi(contract.updateGroupMember, async (c) => {
    const { groupId, memberId } = c.req.valid("param");
    return c.json(
      await groups.updateGroupMember(clusterContext(c), groupId, memberId, c.req.valid("json").status),
      200,
    );
  });
  app.openapi(contract.removeGroupMember, async (c) => {
    const { groupId, memberId } = c.req.valid("param");
    await groups.removeGroupMember(clusterContext(c), groupId, memberId);
    return c.body(null, 204);
  });
  // Before updateAction: "order" is not an action id.
  app.openapi(contract.reorderActions, async (c) =>
    c.json(
      { actions: await reorderActions(clusterContext(c), c.req.valid("param").groupId, c.req.valid("json").ids) },
      200,
    ),
  );
  app.openapi(contract.addAction, async (c) =>
    c.json(await addAction(clusterContext(c), c.req.valid("param").groupId, c.req.valid("json")), 201),
  );
  app.openapi(contract.updateAction, async (c) => {
    const { groupId, actionId } = c.req.valid("param");
    return c.json(await updateAction(clusterContext(c), groupId, actionId, c.req.valid("json")), 200);
  });
  app.openapi(contract.deleteAction, async (c) => {
    const { groupId, actionId } = c.req.valid("param");
    await deleteAction(clusterContext(c), groupId, actionId);
    return c.body(null, 204);
  });
  app.openapi(contract.uploadDocument, async (c) =>
    c.json(
      await uploadGroupDocument(
        clusterContext(c),
        c.req.valid("param").groupId,
        await readDocumentUpload(c, contract.documentKinds, "deliverable"),
      ),
      201,
    ),
  );
  app.openapi(contract.downloadDocument, async (c) => {
    const { groupId, documentId } = c.req.valid("param");
    return documentDownload(c, await downloadGroupDocument(clusterContext(c), groupId, documentId));
  });
  app.openapi(contract.deleteDocument, async (c) => {
    const { groupId, documentId } = c.req.valid("param");
    await deleteGroupDocument(clusterContext(c), groupId, documentId);
    return c.body(null, 204);
  });
}
