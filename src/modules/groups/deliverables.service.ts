import type { Db } from "../../db/client.js";
import type { ClusterContext } from "../../server/context.js";
import type { DocumentKind } from "../documents/documents.schema.js";
import { documentsOf, findDocument, insertDocument, removeDocument } from "../documents/documents.service.js";
import { loadGroup, requirePlanEditable, tenant } from "./groups.service.js";

/**
 * A working group's deliverables and templates (e.g. model terms of sale), shared with every member of
 * the cluster: documents owned by the group. The documents module checks and stores the files; this one
 * checks the group and who may change its deliverables (staff and the group's leader).
 */
export type DeliverableKind = Extract<DocumentKind, "deliverable" | "template" | "other">;

export const listGroupDocuments = (tx: Db, clusterId: string, groupId: string) =>
  documentsOf(tx, clusterId, "working_group", groupId);

export async function uploadGroupDocument(
  ctx: ClusterContext,
  groupId: string,
  upload: { kind: DeliverableKind; title: string | null; file: { name: string; bytes: Uint8Array } },
) {
  return tenant(ctx, async (tx) => {
    await requirePlanEditable(tx, ctx, await loadGroup(tx, ctx.clusterId, groupId));
    return insertDocument(tx, ctx, { ownerType: "working_group", ownerId: groupId, ...upload });
  });
}

export async function downloadGroupDocument(ctx: ClusterContext, groupId: string, documentId: string) {
  return tenant(ctx, async (tx) => {
    await loadGroup(tx, ctx.clusterId, groupId);
    return findDocument(tx, ctx.clusterId, "working_group", groupId, documentId);
  });
}

export async function deleteGroupDocument(ctx: ClusterContext, groupId: string, documentId: string) {
  await tenant(ctx, async (tx) => {
    await requirePlanEditable(tx, ctx, await loadGroup(tx, ctx.clusterId, groupId));
    await removeDocument(tx, ctx, "working_group", groupId, documentId);
  });
}
