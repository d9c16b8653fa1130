import { randomBytes } from "node:crypto";
import { and, eq, gte, inArray, ne, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { users } from "../../platform/auth/auth.schema.js";
import { type Cluster, roleInCluster } from "../../platform/clusters/clusters.service.js";
import { hostOf } from "../../platform/mail/mail.service.js";
import type { ClusterContext } from "../../server/context.js";
import { notFound } from "../../server/errors.js";
import {
  type CalendarEvent,
  type CalendarOccurrence,
  describeEvent,
  eventLinks,
  personalCalendar,
  placeText,
  seriesCalendar,
} from "./calendar.js";
import { calendarFeeds, eventOccurrences, events, registrations } from "./events.schema.js";

/** How far back the feeds go: older events are history, not calendar. */
const PAST_DAYS = 365;

type EventRow = typeof events.$inferSelect;
type OccurrenceRow = typeof eventOccurrences.$inferSelect;

interface FeedContext {
  base: string;
  slug: string;
  locale: "fr" | "en";
  now: Date;
}

/** A series links to the page of its next date (or of its last one, once all are past). */
function seriesLink(occurrences: OccurrenceRow[], ctx: FeedContext): string | null {
  const live = occurrences
    .filter((o) => o.status === "scheduled")
    .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  const next = live.find((o) => o.endsAt.getTime() >= ctx.now.getTime()) ?? live.at(-1) ?? occurrences[0];
  return next ? eventLinks.occurrence(ctx.base, ctx.slug, next.id) : null;
}

function calendarEvent(e: EventRow, occurrences: OccurrenceRow[], ctx: FeedContext, link?: string): CalendarEvent {
  const url = link ?? seriesLink(occurrences, ctx);
  return {
    id: e.id,
    title: e.title,
    description: describeEvent(e, ctx.locale, url),
    location: placeText(e),
    url,
    category: null,
    status: e.status,
    rrule: e.rrule,
    startsAt: e.startsAt,
    durationMinutes: e.durationMinutes,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    occurrences: occurrences.map((o) => calendarOccurrence(o, ctx)),
  };
}

const calendarOccurrence = (o: OccurrenceRow, ctx: FeedContext): CalendarOccurrence => ({
  id: o.id,
  originalStart: o.originalStart,
  startsAt: o.startsAt,
  endsAt: o.endsAt,
  status: o.status,
  url: eventLinks.occurrence(ctx.base, ctx.slug, o.id),
  updatedAt: o.updatedAt,
});

/** The latest change among the rows: the feeds' DTSTAMP, so an unchanged feed is byte for byte the same. */
const lastChange = (rows: { updatedAt: Date }[]) =>
  new Date(Math.max(Date.UTC(2024, 0, 1), ...rows.map((r) => r.updatedAt.getTime())));

/**
 * The public feed: published events (and those cancelled after publication)
 * whose audience is the public or partner clusters, each as a series.
 */
export async function publicFeed(db: Db, cluster: Cluster, base: string, now = new Date()): Promise<string> {
  const ctx: FeedContext = { base, slug: cluster.slug, locale: "fr", now };
  return withTenant(db, cluster.id, async (tx) => {
    const since = new Date(now.getTime() - PAST_DAYS * 86_400_000);
    const recent = await tx
      .selectDistinct({ id: eventOccurrences.eventId })
      .from(eventOccurrences)
      .innerJoin(events, eq(events.id, eventOccurrences.eventId))
      .where(
        and(
          eq(eventOccurrences.clusterId, cluster.id),
          gte(eventOccurrences.endsAt, since),
          inArray(events.status, ["published", "cancelled"]),
          inArray(events.audience, ["public", "partners"]),
        ),
      );
    const ids = recent.map((r) => r.id);
    const [eventRows, occurrenceRows] = ids.length
      ? await Promise.all([
          tx
            .select()
            .from(events)
            .where(and(eq(events.clusterId, cluster.id), inArray(events.id, ids)))
            .orderBy(events.startsAt),
          tx
            .select()
            .from(eventOccurrences)
            .where(and(eq(eventOccurrences.clusterId, cluster.id), inArray(eventOccurrences.eventId, ids))),
        ])
      : [[], []];
    const byEvent = new Map<string, OccurrenceRow[]>();
    for (const o of occurrenceRows) byEvent.set(o.eventId, [...(byEvent.get(o.eventId) ?? []), o]);
    return seriesCalendar({
      name: `${cluster.name} — événements`,
      domain: hostOf(base),
      now: lastChange([...eventRows, ...occurrenceRows]),
      events: eventRows.map((e) => calendarEvent(e, byEvent.get(e.id) ?? [], ctx)),
    });
  });
}

/** The caller's private feed address, created on the first call. */
export async function privateFeedUrl(ctx: ClusterContext, slug: string, base: string): Promise<{ url: string }> {
  const userId = ctx.actor.userId;
  if (!userId) throw notFound("Calendar");
  const token = await withTenant(ctx.db, ctx.clusterId, async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ clusterId: ctx.clusterId, userId, token: randomBytes(24).toString("base64url") })
      .onConflictDoNothing({ target: [calendarFeeds.clusterId, calendarFeeds.userId] });
    const [feed] = await tx
      .select({ token: calendarFeeds.token })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.clusterId, ctx.clusterId), eq(calendarFeeds.userId, userId)));
    return feed.token;
  });
  return { url: eventLinks.privateFeed(base, slug, token) };
}

/**
 * A person's feed from its secret token: the occurrences they hold a seat or a
 * place on the waiting list at. Answers 404 for an unknown token, and once
 * the person no longer has a role in the cluster.
 */
export async function privateFeed(db: Db, cluster: Cluster, file: string, base: string, now = new Date()) {
  const token = /^([A-Za-z0-9_-]{16,128})\.ics$/.exec(file)?.[1];
  if (!token) throw notFound("Calendar");
  return withTenant(db, cluster.id, async (tx) => {
    const [feed] = await tx
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.clusterId, cluster.id), eq(calendarFeeds.token, token)));
    if (!feed) throw notFound("Calendar");
    const [user] = await tx
      .select({ email: users.email, locale: users.locale, platformAdmin: users.platformAdmin })
      .from(users)
      .where(eq(users.id, feed.userId));
    if (!user || (!user.platformAdmin && !(await roleInCluster(tx, feed.userId, cluster.id)))) {
      throw notFound("Calendar");
    }
    const locale = user.locale === "en" ? "en" : "fr";
    const since = new Date(now.getTime() - PAST_DAYS * 86_400_000);
    const rows = await tx
      .select({ registration: registrations, occurrence: eventOccurrences, event: events })
      .from(registrations)
      .innerJoin(eventOccurrences, eq(eventOccurrences.id, registrations.occurrenceId))
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(
        and(
          eq(registrations.clusterId, cluster.id),
          or(eq(registrations.userId, feed.userId), eq(registrations.email, user.email.toLowerCase())),
          inArray(registrations.status, ["confirmed", "waiting"]),
          ne(events.status, "draft"),
          gte(eventOccurrences.endsAt, since),
        ),
      )
      .orderBy(eventOccurrences.startsAt);
    const ctx: FeedContext = { base, slug: cluster.slug, locale, now };
    const seen = new Set<string>();
    const items = rows
      .filter((r) => (seen.has(r.occurrence.id) ? false : seen.add(r.occurrence.id)))
      .map((r) => {
        const link = eventLinks.occurrence(base, cluster.slug, r.occurrence.id);
        const { occurrences: _none, rrule: _rule, ...event } = calendarEvent(r.event, [], ctx, link);
        return {
          event,
          occurrence: calendarOccurrence(r.occurrence, ctx),
          waiting: r.registration.status === "waiting",
        };
      });
    return personalCalendar({
      name: locale === "en" ? `${cluster.name} — my registrations` : `${cluster.name} — mes inscriptions`,
      domain: hostOf(base),
      now: lastChange([
        { updatedAt: feed.createdAt },
        ...rows.flatMap((r) => [r.event, r.occurrence]),
        ...rows.map((r) => ({ updatedAt: r.registration.promotedAt ?? r.registration.registeredAt })),
      ]),
      waitingLabel: locale === "en" ? "waiting list" : "liste d'attente",
      items,
    });
  });
}
