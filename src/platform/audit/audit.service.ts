import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Actor } from "../permissions/permissions.js";
import { changeLog } from "./audit.schema.js";

export type Changes = Record<string, [unknown, unknown]>;

/** Field-by-field difference of two snapshots; only fields present in `after` are compared. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    const old = before?.[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value ?? null)) changes[field] = [old, value ?? null];
  }
  return changes;
}

/** Records one change inside the caller's tenant transaction, so it commits or fails with the change itself. */
export async function recordChange(
  tx: Db,
  clusterId: string,
  actor: Actor,
  entry: { entityType: string; entityId: string; action: string; changes?: Changes },
): Promise<void> {
  await tx.insert(changeLog).values({
    clusterId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    changes: entry.changes ?? {},
  });
}

export async function historyOf(tx: Db, clusterId: string, entityType: string, entityId: string, limit = 200) {
  return tx
    .select()
    .from(changeLog)
    .where(
      and(eq(changeLog.clusterId, clusterId), eq(changeLog.entityType, entityType), eq(changeLog.entityId, entityId)),
    )
    .orderBy(desc(changeLog.at))
    .limit(limit);
}
