import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { ClusterContext } from "../../server/context.js";
import { meetingSchedules, meetings } from "./meetings.schema.js";
import { loadDay, tenant } from "./meetings.service.js";

/**
 * What business-meeting days produced, for the reports (issue 6) and engagement: meetings of the
 * published schedules only (a superseded draft never happened), "held" as staff or participants marked it.
 */

const published = and(eq(meetingSchedules.id, meetings.scheduleId), eq(meetingSchedules.status, "published"));

export async function dayOutcomes(ctx: ClusterContext, eventId: string) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const [row] = await tx
      .select({
        meetings: sql<number>`count(*)::int`,
        held: sql<number>`count(*) filter (where ${meetings.held} = true)::int`,
        notHeld: sql<number>`count(*) filter (where ${meetings.held} = false)::int`,
        unknown: sql<number>`count(*) filter (where ${meetings.held} is null)::int`,
        followUps: sql<number>`count(*) filter (where ${meetings.followUp} = true)::int`,
      })
      .from(meetings)
      .innerJoin(meetingSchedules, published)
      .where(and(eq(meetings.clusterId, ctx.clusterId), eq(meetings.dayId, day.id)));
    return {
      meetings: Number(row?.meetings ?? 0),
      held: Number(row?.held ?? 0),
      notHeld: Number(row?.notHeld ?? 0),
      unknown: Number(row?.unknown ?? 0),
      followUps: Number(row?.followUps ?? 0),
    };
  });
}

/** Meetings held in [from, to) across the cluster's days, and how many of them expect a follow-up. */
export async function countMeetingsHeld(ctx: ClusterContext, from: Date, to: Date) {
  return tenant(ctx, async (tx) => {
    const [row] = await tx
      .select({
        held: sql<number>`count(*)::int`,
        followUps: sql<number>`count(*) filter (where ${meetings.followUp} = true)::int`,
        days: sql<number>`count(distinct ${meetings.dayId})::int`,
      })
      .from(meetings)
      .innerJoin(meetingSchedules, published)
      .where(
        and(
          eq(meetings.clusterId, ctx.clusterId),
          eq(meetings.held, true),
          gte(meetings.startsAt, from),
          lt(meetings.startsAt, to),
        ),
      );
    return { held: Number(row?.held ?? 0), followUps: Number(row?.followUps ?? 0), days: Number(row?.days ?? 0) };
  });
}

/**
 * (member_id, at) of every held meeting a member company took part in, one row per side: the source
 * the engagement score counts (a meeting between two members counts for both).
 */
export function heldMeetingsSource(clusterId: string, nowIso: string): SQL {
  return sql`
    select p.member_id, m.starts_at as at
    from meetings m
    join meeting_schedules s on s.id = m.schedule_id and s.status = 'published'
    join meeting_participants p on p.id in (m.a_id, m.b_id)
    where m.cluster_id = ${clusterId} and m.held = true and p.member_id is not null
      and m.starts_at <= ${nowIso}::timestamptz`;
}

/** Per member company: meetings held and follow-ups expected in [from, to). */
export async function meetingsHeldByMember(ctx: ClusterContext, from: Date, to: Date) {
  return tenant(ctx, async (tx) => {
    const result = await tx.execute(sql`
      select p.member_id, count(*)::int as held, count(*) filter (where m.follow_up = true)::int as follow_ups
      from meetings m
      join meeting_schedules s on s.id = m.schedule_id and s.status = 'published'
      join meeting_participants p on p.id in (m.a_id, m.b_id)
      where m.cluster_id = ${ctx.clusterId} and m.held = true and p.member_id is not null
        and m.starts_at >= ${from.toISOString()}::timestamptz and m.starts_at < ${to.toISOString()}::timestamptz
      group by p.member_id`);
    return new Map(
      (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => [
        String(r.member_id),
        { held: Number(r.held), followUps: Number(r.follow_ups) },
      ]),
    );
  });
}
