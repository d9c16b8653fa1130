import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { eventOccurrences, events } from "../events/events.schema.js";
import { members, people } from "../members/members.schema.js";

/**
 * What a working group shows of other modules' records, read-only, inside the caller's tenant
 * transaction: company names, board members, and the meetings the events module holds for the group
 * (events.working_group_id). Kept here, small and read-only, until those modules export such reads.
 */

export async function companyNames(tx: Db, clusterId: string, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!unique.length) return new Map<string, string>();
  const rows = await tx
    .select({ id: members.id, name: members.legalName })
    .from(members)
    .where(and(eq(members.clusterId, clusterId), inArray(members.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The ids among `ids` that are member records of this cluster. */
export async function existingMembers(tx: Db, clusterId: string, ids: string[]) {
  return new Set((await companyNames(tx, clusterId, ids)).keys());
}

export interface BoardMember {
  personId: string;
  name: string;
  memberId: string;
  memberName: string;
  userId: string | null;
}

const personName = (p: { firstName: string | null; lastName: string | null }) =>
  [p.firstName, p.lastName].filter(Boolean).join(" ") || "—";

/** People flagged as sitting on the board (not erased), optionally only the given ones. */
export async function boardMembers(tx: Db, clusterId: string, personIds?: string[]): Promise<BoardMember[]> {
  if (personIds && !personIds.length) return [];
  const rows = await tx
    .select({
      personId: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      memberId: people.memberId,
      memberName: members.legalName,
      userId: people.userId,
    })
    .from(people)
    .innerJoin(members, eq(members.id, people.memberId))
    .where(
      and(
        eq(people.clusterId, clusterId),
        eq(people.isBoardMember, true),
        isNull(people.erasedAt),
        personIds ? inArray(people.id, personIds) : undefined,
      ),
    )
    .orderBy(asc(people.lastName), asc(people.firstName));
  return rows.map((r) => ({
    personId: r.personId,
    name: personName(r),
    memberId: r.memberId,
    memberName: r.memberName,
    userId: r.userId,
  }));
}

/** The person record of a signed-in user in this cluster, if they have one. */
export async function personIdsOfUser(tx: Db, clusterId: string, userId: string | null) {
  if (!userId) return [];
  const rows = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.clusterId, clusterId), eq(people.userId, userId)));
  return rows.map((r) => r.id);
}

/** A group's meetings: the occurrences of events attached to it, in date order (drafts for staff only). */
export async function groupMeetings(tx: Db, clusterId: string, groupId: string, withDrafts: boolean) {
  const rows = await tx
    .select({
      eventId: events.id,
      occurrenceId: eventOccurrences.id,
      title: events.title,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      occurrenceStatus: eventOccurrences.status,
      eventStatus: events.status,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        eq(events.clusterId, clusterId),
        eq(events.workingGroupId, groupId),
        withDrafts ? undefined : ne(events.status, "draft"),
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt))
    .limit(200);
  return rows.map((r) => ({
    eventId: r.eventId,
    occurrenceId: r.occurrenceId,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    status: r.eventStatus === "published" ? r.occurrenceStatus : r.eventStatus,
  }));
}
