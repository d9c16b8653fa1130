import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";

/**
 * The activity report is a read model over other modules' tables (events and registrations, working groups,
 * staff contacts, members and dues), like engagement: a few SQL statements for a year, where the modules'
 * services would need one call per record. Read-only, inside the caller's tenant transaction (RLS applies);
 * every write stays with the owning module.
 */

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
const day = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export interface HeldOccurrence {
  occurrenceId: string;
  kind: string;
  title: string;
  startsAt: Date;
  workingGroupId: string | null;
  /** People present. */
  attendance: number;
  /** Member companies present. */
  companyIds: string[];
}

/**
 * Occurrences held in [from, to): published events, not cancelled, already started by `now`. Present means
 * checked in; at an occurrence where nobody was checked in, a confirmed seat counts (the engagement rule).
 */
export async function heldOccurrences(tx: Db, clusterId: string, from: Date, to: Date, now: Date) {
  const result = await tx.execute(sql`
    with occ as (
      select o.id, e.kind, e.title, o.starts_at, e.working_group_id,
        exists (select 1 from registrations c where c.occurrence_id = o.id and c.checked_in_at is not null) as checked
      from event_occurrences o join events e on e.id = o.event_id
      where o.cluster_id = ${clusterId} and o.status <> 'cancelled' and e.status = 'published'
        and o.starts_at >= ${from.toISOString()}::timestamptz and o.starts_at < ${to.toISOString()}::timestamptz
        and o.starts_at <= ${now.toISOString()}::timestamptz
    )
    select occ.id, occ.kind, occ.title, occ.starts_at, occ.working_group_id,
      count(r.id)::int as attendance,
      coalesce(array_agg(distinct r.member_id) filter (where r.member_id is not null), '{}') as companies
    from occ left join registrations r on r.occurrence_id = occ.id
      and (r.checked_in_at is not null or (not occ.checked and r.status = 'confirmed'))
    group by occ.id, occ.kind, occ.title, occ.starts_at, occ.working_group_id
    order by occ.starts_at`);
  return rowsOf(result).map(
    (r): HeldOccurrence => ({
      occurrenceId: String(r.id),
      kind: String(r.kind),
      title: String(r.title),
      startsAt: r.starts_at instanceof Date ? r.starts_at : new Date(String(r.starts_at)),
      workingGroupId: (r.working_group_id as string | null) ?? null,
      attendance: Number(r.attendance),
      companyIds: (Array.isArray(r.companies) ? r.companies : parsePgArray(String(r.companies ?? "{}"))).map(String),
    }),
  );
}

/** node-postgres returns uuid[] as an array; some paths give the text form "{a,b}". */
function parsePgArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((s) => s.replace(/^"|"$/g, "")) : [];
}

export interface GroupActivity {
  id: string;
  name: string;
  workstream: string;
  members: number;
}

/**
 * Working groups active during [from, to]: created by its end and not closed before its start (a closed
 * group's last change is taken as its closing), with the member companies taking part then.
 */
export async function activeGroups(tx: Db, clusterId: string, from: Date, to: Date) {
  const result = await tx.execute(sql`
    select g.id, g.name, g.workstream,
      (select count(*)::int from working_group_members gm
        where gm.group_id = g.id and coalesce(gm.joined_at, gm.created_at) < ${to.toISOString()}::timestamptz
          and (gm.status = 'active' or (gm.status = 'left' and gm.left_at >= ${from.toISOString()}::timestamptz))) as members
    from working_groups g
    where g.cluster_id = ${clusterId} and g.created_at < ${to.toISOString()}::timestamptz
      and (g.status = 'active' or g.updated_at >= ${from.toISOString()}::timestamptz)
    order by g.name`);
  return rowsOf(result).map(
    (r): GroupActivity => ({
      id: String(r.id),
      name: String(r.name),
      workstream: String(r.workstream),
      members: Number(r.members),
    }),
  );
}

/** Staff contacts with members in [from, to): calls, visits, emails, meetings. */
export async function staffContacts(tx: Db, clusterId: string, from: Date, to: Date) {
  const result = await tx.execute(sql`
    select kind, count(*)::int as n, count(distinct member_id)::int as members
    from contacts where cluster_id = ${clusterId}
      and happened_at >= ${from.toISOString()}::timestamptz and happened_at < ${to.toISOString()}::timestamptz
    group by rollup(kind)`);
  const rows = rowsOf(result);
  const total = rows.find((r) => r.kind == null);
  return {
    direct: Number(total?.n ?? 0),
    membersReached: Number(total?.members ?? 0),
    byKind: rows
      .filter((r) => r.kind != null)
      .map((r) => ({ key: String(r.kind), count: Number(r.n) }))
      .sort((a, b) => b.count - a.count),
  };
}

export interface MemberDates {
  kind: string;
  sizeClass: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  status: "prospect" | "member" | "former";
}

/** Every member record's kind, size and membership dates (the members module's table, read-only). */
export async function memberDates(tx: Db, clusterId: string): Promise<MemberDates[]> {
  const result = await tx.execute(sql`
    select kind, size_class, joined_on::text as joined_on, left_on::text as left_on, status
    from members where cluster_id = ${clusterId}`);
  return rowsOf(result).map((r) => ({
    kind: String(r.kind),
    sizeClass: (r.size_class as string | null) ?? null,
    joinedOn: day(r.joined_on),
    leftOn: day(r.left_on),
    status: r.status as MemberDates["status"],
  }));
}

/** Dues called per year (the private money), for the given years. */
export async function duesByYear(tx: Db, clusterId: string, years: number[]) {
  const result = await tx.execute(sql`
    select year, coalesce(sum(amount_cents), 0)::bigint as cents from dues
    where cluster_id = ${clusterId} and year between ${Math.min(...years)} and ${Math.max(...years)}
    group by year`);
  const byYear = new Map(rowsOf(result).map((r) => [Number(r.year), Number(r.cents)]));
  return new Map(years.map((y) => [y, byYear.get(y) ?? 0]));
}
