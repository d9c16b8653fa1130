import { type SQL, sql } from "drizzle-orm";
import { isChurnRisk, MAX_CHURN_MONTHS, monthsBefore, silentSince } from "../../core/engagement/churn.js";
import { membershipYears } from "../../core/engagement/retention.js";
import { ENGAGEMENT_WEIGHTS, engagementScore } from "../../core/engagement/score.js";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import { updateClusterSettings } from "../../platform/clusters/staff.service.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid, notFound } from "../../server/errors.js";
import { heldMeetingsSource } from "../meetings/outcomes.service.js";
import type { EngagementQuery } from "./engagement.contract.js";
import { presentEngagement } from "./engagement.presenter.js";

/**
 * Engagement is a read model over other modules' tables (registrations, working groups, needs, contacts):
 * one SQL statement counts each member's participation, which no module's service could give without one
 * round trip per member. It only reads them; every write stays with the owning module.
 */

/** The window the score covers: the last 12 months up to now. */
export const WINDOW_MONTHS = 12;

export interface EngagementRow {
  memberId: string;
  legalName: string;
  town: string | null;
  joinedOn: string | null;
  events: number;
  groups: number;
  needs: number;
  meetings: number;
  /** The latest participation of any kind, ever (not only in the window). */
  lastParticipationAt: Date | null;
}

/**
 * Where the "meetings" component comes from: staff contacts of kind meeting or visit, and the meetings
 * a member company held at business-meeting days (one per side, as the meetings module counts them).
 */
function meetingSources(clusterId: string, now: string): SQL {
  return sql`
    select c.member_id, c.happened_at as at from contacts c
    where c.cluster_id = ${clusterId} and c.kind in ('meeting', 'visit') and c.happened_at <= ${now}::timestamptz
    union all ${heldMeetingsSource(clusterId, now)}`;
}

/**
 * An event counts as attended by a member company when one of its people was checked in at an occurrence.
 * Staff do not always run the check-in: for a past occurrence with no check-in recorded at all, a confirmed
 * registration counts as attendance. Once anybody is checked in at an occurrence, only check-ins count there.
 * Cancelled occurrences and events never count; several people of one company at one occurrence count once.
 */
function attendanceSource(clusterId: string, now: string): SQL {
  return sql`
    select r.member_id, o.id as occurrence_id, o.starts_at as at
    from registrations r
    join event_occurrences o on o.id = r.occurrence_id
    join events e on e.id = o.event_id
    where r.cluster_id = ${clusterId} and r.member_id is not null
      and o.status <> 'cancelled' and e.status <> 'cancelled' and o.starts_at <= ${now}::timestamptz
      and (r.checked_in_at is not null
        or (r.status = 'confirmed' and not exists (
          select 1 from registrations c where c.occurrence_id = o.id and c.checked_in_at is not null)))`;
}

const toDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const toDay = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/**
 * Per current member: events attended, working groups, needs posted or supported and meetings within
 * [from, now]; and the latest participation of any kind. Working groups count the memberships active during
 * the window: active in a group still open (or closed within it), or left within it. The last participation
 * takes the day a member joined a group, not the ongoing membership: sitting in a group without coming to
 * anything is the silence this is meant to spot.
 */
export async function engagementRows(
  tx: Db,
  clusterId: string,
  { from, now, memberId }: { from: Date; now: Date; memberId?: string },
): Promise<EngagementRow[]> {
  const f = from.toISOString();
  const n = now.toISOString();
  const result = await tx.execute(sql`
    with ev as (
      select member_id, count(distinct occurrence_id) filter (where at >= ${f}::timestamptz)::int as n, max(at) as last
      from (${attendanceSource(clusterId, n)}) a group by member_id
    ), grp as (
      select gm.member_id,
        count(distinct gm.group_id) filter (where
          (gm.status = 'active' and (g.status = 'active' or g.updated_at >= ${f}::timestamptz))
          or (gm.status = 'left' and gm.left_at >= ${f}::timestamptz))::int as n,
        max(coalesce(gm.joined_at, gm.created_at)) filter (where gm.status in ('active', 'left')) as last
      from working_group_members gm join working_groups g on g.id = gm.group_id
      where gm.cluster_id = ${clusterId} and coalesce(gm.joined_at, gm.created_at) <= ${n}::timestamptz
      group by gm.member_id
    ), nd as (
      select member_id, count(distinct need_id) filter (where at >= ${f}::timestamptz)::int as n, max(at) as last
      from (
        select member_id, id as need_id, created_at as at from needs where cluster_id = ${clusterId} and member_id is not null
        union all
        select member_id, need_id, created_at from need_supporters where cluster_id = ${clusterId}
      ) x where at <= ${n}::timestamptz group by member_id
    ), mt as (
      select member_id, count(*) filter (where at >= ${f}::timestamptz)::int as n, max(at) as last
      from (${meetingSources(clusterId, n)}) s group by member_id
    )
    select m.id, m.legal_name, m.town, m.joined_on::text as joined_on,
      coalesce(ev.n, 0) as events, coalesce(grp.n, 0) as groups, coalesce(nd.n, 0) as needs,
      coalesce(mt.n, 0) as meetings, greatest(ev.last, grp.last, nd.last, mt.last) as last_participation
    from members m
      left join ev on ev.member_id = m.id
      left join grp on grp.member_id = m.id
      left join nd on nd.member_id = m.id
      left join mt on mt.member_id = m.id
    where m.cluster_id = ${clusterId} and m.status = 'member' ${memberId ? sql`and m.id = ${memberId}` : sql``}
    order by m.legal_name`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    memberId: String(r.id),
    legalName: String(r.legal_name),
    town: (r.town as string | null) ?? null,
    joinedOn: toDay(r.joined_on),
    events: Number(r.events),
    groups: Number(r.groups),
    needs: Number(r.needs),
    meetings: Number(r.meetings),
    lastParticipationAt: toDate(r.last_participation),
  }));
}

export const windowOf = (now: Date) => ({ from: monthsBefore(now, WINDOW_MONTHS), now });
const joinedAt = (row: EngagementRow) => (row.joinedOn ? new Date(`${row.joinedOn}T00:00:00Z`) : null);

export function scoreRow(row: EngagementRow, churnMonths: number, now: Date) {
  const { score, components } = engagementScore(row);
  return {
    ...row,
    score,
    components,
    churnRisk: isChurnRisk({ lastParticipation: row.lastParticipationAt, joinedOn: joinedAt(row) }, now, churnMonths),
  };
}
export type ScoredRow = ReturnType<typeof scoreRow>;

const sorters: Record<EngagementQuery["sort"], (a: ScoredRow, b: ScoredRow) => number> = {
  score: (a, b) => a.score - b.score,
  events: (a, b) => a.components.events.points - b.components.events.points || a.events - b.events,
  groups: (a, b) => a.components.groups.points - b.components.groups.points || a.groups - b.groups,
  needs: (a, b) => a.components.needs.points - b.components.needs.points || a.needs - b.needs,
  meetings: (a, b) => a.components.meetings.points - b.components.meetings.points || a.meetings - b.meetings,
  name: (a, b) => a.legalName.localeCompare(b.legalName, "fr"),
  lastParticipation: (a, b) => (a.lastParticipationAt?.getTime() ?? 0) - (b.lastParticipationAt?.getTime() ?? 0),
};

/** Every current member with its score and components, sorted (ties by name). */
export async function engagementTable(
  ctx: ClusterContext,
  query: EngagementQuery,
  churnMonths: number,
  now = new Date(),
) {
  const window = windowOf(now);
  const rows = await withTenant(ctx.db, ctx.clusterId, (tx) => engagementRows(tx, ctx.clusterId, window));
  const direction = query.order === "asc" ? 1 : -1;
  const byName = sorters.name;
  const scored = rows
    .map((row) => scoreRow(row, churnMonths, now))
    .sort((a, b) => direction * sorters[query.sort](a, b) || byName(a, b));
  return {
    window: { from: window.from.toISOString(), to: now.toISOString() },
    weights: ENGAGEMENT_WEIGHTS,
    churnMonths,
    members: scored.map(presentEngagement),
  };
}

export async function memberEngagement(ctx: ClusterContext, memberId: string, churnMonths: number, now = new Date()) {
  const window = windowOf(now);
  const [row] = await withTenant(ctx.db, ctx.clusterId, (tx) =>
    engagementRows(tx, ctx.clusterId, { ...window, memberId }),
  );
  // Prospects and former members have no score: only current members are measured.
  if (!row) throw notFound("Member");
  return {
    window: { from: window.from.toISOString(), to: now.toISOString() },
    weights: ENGAGEMENT_WEIGHTS,
    churnMonths,
    member: presentEngagement(scoreRow(row, churnMonths, now)),
  };
}

/** Current members with no participation for `months` months, the longest silent first (inside a tenant tx). */
export async function churnRiskMembers(tx: Db, clusterId: string, months: number, now = new Date()) {
  const rows = await engagementRows(tx, clusterId, windowOf(now));
  return rows
    .map((row) => ({ ...row, silentSince: silentSince(row.lastParticipationAt, joinedAt(row)) }))
    .filter((row) => isChurnRisk({ lastParticipation: row.lastParticipationAt, joinedOn: joinedAt(row) }, now, months))
    .sort((a, b) => (a.silentSince?.getTime() ?? 0) - (b.silentSince?.getTime() ?? 0));
}

export async function churnRiskList(ctx: ClusterContext, months: number, now = new Date()) {
  const rows = await withTenant(ctx.db, ctx.clusterId, (tx) => churnRiskMembers(tx, ctx.clusterId, months, now));
  return {
    churnMonths: months,
    since: monthsBefore(now, months).toISOString(),
    members: rows.map((row) => ({
      ...presentEngagement(scoreRow(row, months, now)),
      silentSince: row.silentSince?.toISOString() ?? null,
    })),
  };
}

/** Joins, leaves and retention per calendar year (see core/engagement/retention.ts for the definitions). */
export async function membershipByYear(ctx: ClusterContext, now = new Date(), maxYears = 15) {
  const result = await withTenant(ctx.db, ctx.clusterId, (tx) =>
    tx.execute(sql`
      select joined_on::text as joined_on, left_on::text as left_on, status from members
      where cluster_id = ${ctx.clusterId} and joined_on is not null`),
  );
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    joinedOn: toDay(r.joined_on),
    leftOn: toDay(r.left_on),
    status: r.status as "prospect" | "member" | "former",
  }));
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
  return membershipYears(rows, today, { maxYears });
}

/** Sets the cluster's churn threshold (months without participation). */
export async function setChurnMonths(ctx: ClusterContext, before: number, months: number) {
  if (!Number.isInteger(months) || months < 1 || months > MAX_CHURN_MONTHS) {
    throw invalid([{ field: "churnMonths", message: `Entre 1 et ${MAX_CHURN_MONTHS} mois` }]);
  }
  // One transaction: the setting and its history entry commit together.
  const settings = await withTenant(ctx.db, ctx.clusterId, async (tx) => {
    const updated = await updateClusterSettings(tx, ctx.clusterId, { churnMonths: months });
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "cluster",
      entityId: ctx.clusterId,
      action: "update",
      changes: { churnMonths: [before, months] },
    });
    return updated;
  });
  return { churnMonths: Number(settings.churnMonths) };
}
