import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { changeLog } from "../../platform/audit/audit.schema.js";
import type { Changes } from "../../platform/audit/audit.service.js";
import { conflict } from "../../server/errors.js";
import { dues, members, people } from "./members.schema.js";
import type { MemberRow } from "./members.service.js";

/** A member as the import reads it: every column but the tsvector, which is long and derived from search_text. */
export type StoredMember = Omit<MemberRow, "searchVector">;
const { searchVector: _derived, ...storedColumns } = getTableColumns(members);
export const storedMemberColumns = storedColumns;

/**
 * The writes of an import, sent in a few statements instead of several per row (bench/README.md): a batch of
 * rows goes as one `jsonb` parameter expanded by `jsonb_to_recordset`, which costs PostgreSQL and PGlite far
 * less than one statement per row, and spares drizzle's per-row statement building. The statements run in the
 * caller's tenant transaction, so row-level security checks every row.
 */

/** Rows per statement. A member row is about 1 kB of JSON. */
export const BATCH_ROWS = 500;

type Row = Record<string, unknown>;

/**
 * `jsonb_to_recordset($json) as r("key" type, …)` for the given JS keys of a table (plus extra typed fields),
 * with the matching column list. The JSON keeps the JS property names, so rows are sent as they are.
 */
function recordset(table: PgTable, keys: string[], extra: Record<string, string> = {}) {
  const columns = getTableColumns(table);
  const definitions = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return `"${key}" ${column.getSQLType()}`;
  });
  for (const [key, type] of Object.entries(extra)) definitions.push(`"${key}" ${type}`);
  return {
    /** The table's column names, in the order of `keys`. */
    names: keys.map((key) => `"${columns[key].name}"`),
    /** The recordset's fields, in the order of `keys`. */
    fields: keys.map((key) => `r."${key}"`),
    source: (json: string) => sql`jsonb_to_recordset(${json}::jsonb) as r(${sql.raw(definitions.join(", "))})`,
  };
}

/**
 * Inserts rows in batches. Every key found in any row is written, and a row without it gets NULL there (not the
 * column's default), so a key whose column has a default or is NOT NULL must be in every row.
 */
export async function insertRows(tx: Db, table: PgTable, rows: Row[], onConflict?: SQL): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => columns[key]);
  for (const key of keys) {
    const { notNull, hasDefault } = columns[key];
    if ((notNull || hasDefault) && rows.some((row) => row[key] === undefined))
      throw new Error(`insertRows(${getTableName(table)}): every row needs ${key}`);
  }
  const set = recordset(table, keys);
  const target = sql.raw(`"${getTableName(table)}" (${set.names.join(", ")})`);
  const fields = sql.raw(set.fields.join(", "));
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const json = JSON.stringify(rows.slice(i, i + BATCH_ROWS));
    await tx.execute(sql`insert into ${target} select ${fields} from ${set.source(json)} ${onConflict ?? sql``}`);
  }
}

const returned = (result: unknown) => (result as { rows: unknown[] }).rows.length;

/** A member the import changed: its state after the file's rows, and the version it was read at. */
export interface MemberUpdate {
  row: StoredMember;
  readVersion: number;
  /** The columns the import set (as `applyMemberChange` sets them: every value the rows gave, not only changes). */
  keys: Set<string>;
}

/**
 * Writes the changed members, grouped by the set of columns they change, each only if it still has the version
 * read at the start (as `applyMemberChange` does), else the whole import fails with the same conflict.
 */
export async function updateMembers(tx: Db, clusterId: string, updates: MemberUpdate[]): Promise<void> {
  const groups = new Map<string, MemberUpdate[]>();
  for (const update of updates) {
    const signature = [...update.keys].sort().join(",");
    const group = groups.get(signature);
    if (group) group.push(update);
    else groups.set(signature, [update]);
  }
  for (const [signature, group] of groups) {
    const keys = signature.split(",");
    const set = recordset(members, ["id", ...keys], { readVersion: "integer" });
    const assignments = sql.raw(
      set.names
        .map((name, i) => `${name} = ${set.fields[i]}`)
        .slice(1)
        .join(", "),
    );
    for (let i = 0; i < group.length; i += BATCH_ROWS) {
      const batch = group.slice(i, i + BATCH_ROWS);
      const row = (u: MemberUpdate) => u.row as unknown as Row;
      const json = JSON.stringify(
        batch.map((u) => ({
          id: u.row.id,
          ...Object.fromEntries(keys.map((k) => [k, row(u)[k]])),
          readVersion: u.readVersion,
        })),
      );
      const result = await tx.execute(
        sql`update members as m set ${assignments} from ${set.source(json)}
            where m.id = r."id" and m.cluster_id = ${clusterId} and m.version = r."readVersion" returning m.id`,
      );
      if (returned(result) !== batch.length)
        throw conflict("Ce membre a été modifié entre-temps : rechargez la fiche", [
          { field: "version", message: "Version périmée" },
        ]);
    }
  }
}

/** Sets each member's sponsor (member id → sponsor id), leaving alone those that already have it. */
export async function setSponsors(tx: Db, clusterId: string, sponsors: Map<string, string>): Promise<void> {
  const links = [...sponsors].map(([id, sponsorId]) => ({ id, sponsorId }));
  const set = recordset(members, ["id", "sponsorId"]);
  for (let i = 0; i < links.length; i += BATCH_ROWS) {
    const json = JSON.stringify(links.slice(i, i + BATCH_ROWS));
    await tx.execute(
      sql`update members as m set sponsor_id = r."sponsorId" from ${set.source(json)}
          where m.id = r."id" and m.cluster_id = ${clusterId} and m.sponsor_id is distinct from r."sponsorId"`,
    );
  }
}

export type MemberInsert = typeof members.$inferInsert;
export type PersonInsert = typeof people.$inferInsert;
export type DuesInsert = typeof dues.$inferInsert;
/** One `change_log` entry, as `recordChange` writes it. */
export type ChangeEntry = {
  clusterId: string;
  entityType: string;
  entityId: string;
  action: string;
  actorUserId: string | null;
  actorLabel: string;
  changes: Changes;
};

/** Everything an import writes, in an order that respects the foreign keys. */
export async function writeImport(
  tx: Db,
  clusterId: string,
  writes: {
    created: MemberInsert[];
    updated: MemberUpdate[];
    people: PersonInsert[];
    dues: DuesInsert[];
    changes: ChangeEntry[];
    sponsors: Map<string, string>;
  },
): Promise<void> {
  await insertRows(tx, members, writes.created);
  await updateMembers(tx, clusterId, writes.updated);
  await insertRows(tx, people, writes.people);
  await insertRows(
    tx,
    dues,
    writes.dues,
    sql`on conflict (member_id, year) do update set amount_cents = excluded.amount_cents, paid_on = excluded.paid_on`,
  );
  await setSponsors(tx, clusterId, writes.sponsors);
  // The history is the audit trail of change_log (src/platform/audit): recordChange's entries, many per statement.
  await insertRows(tx, changeLog, writes.changes);
}
