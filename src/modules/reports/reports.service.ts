import { and, asc, eq, gte, isNull, lte } from "drizzle-orm";
import { membershipYears } from "../../core/engagement/retention.js";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid, notFound } from "../../server/errors.js";
import { parisNoon } from "../contacts/contacts.rules.js";
import { amountWithin, funderChoices, grantsWithin } from "../funding/funding.service.js";
import { countMeetingsHeld } from "../meetings/outcomes.service.js";
import { programmeActivity, supportActivity } from "../programmes/programmes.service.js";
import {
  activeGroups,
  duesByYear,
  heldOccurrences,
  type MemberDates,
  memberDates,
  staffContacts,
} from "./activity.reads.js";
import { actualOf, labelIndicators, type YearFigures } from "./indicators.js";
import { opportunityFigures } from "./opportunities.source.js";
import type { ActivityReport, NewsletterInput, ReportQuery, ReportSection } from "./reports.contract.js";
import { REPORT_SECTIONS } from "./reports.contract.js";
import { newsletters, reportNarratives } from "./reports.schema.js";

const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);
const parisDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });

/** A calendar year as days (YYYY-MM-DD, inclusive) and as instants [Paris midnight 1 Jan, next 1 Jan). */
export function yearBounds(year: number) {
  const midnight = (y: number) => new Date(parisNoon(`${y}-01-01`).getTime() - 12 * 3_600_000);
  return { from: `${year}-01-01`, to: `${year}-12-31`, fromAt: midnight(year), toAt: midnight(year + 1) };
}

/** Members on `day` (joined by then, not left), the way core/engagement/retention.ts counts them. */
const memberOn = (m: MemberDates, day: string) =>
  m.joinedOn !== null && m.joinedOn <= day && (!m.leftOn || m.leftOn > day) && !(m.status === "former" && !m.leftOn);

function composition(rows: MemberDates[], day: string) {
  const present = rows.filter((m) => memberOn(m, day));
  const tally = (list: MemberDates[], key: (m: MemberDates) => string) => {
    const counts = new Map<string, number>();
    for (const m of list) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
    return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
  };
  return {
    byKind: tally(present, (m) => m.kind),
    // Size classes are a company's: schools, labs and public bodies are left out of them.
    bySize: tally(
      present.filter((m) => m.kind === "company"),
      (m) => m.sizeClass ?? "unknown",
    ),
  };
}

async function resolveFunder(ctx: ClusterContext, funderId: string | undefined) {
  const funders = await funderChoices(ctx);
  if (!funderId) return { funder: null, funders };
  const funder = funders.find((f) => f.id === funderId);
  if (!funder) throw invalid([{ field: "funderId", message: "Financeur inconnu dans ce cluster" }]);
  return { funder, funders };
}

async function narrativesOf(tx: Db, clusterId: string, year: number, funderId: string | null) {
  const rows = await tx
    .select()
    .from(reportNarratives)
    .where(
      and(
        eq(reportNarratives.clusterId, clusterId),
        eq(reportNarratives.year, year),
        funderId ? eq(reportNarratives.funderId, funderId) : isNull(reportNarratives.funderId),
      ),
    );
  const bySection = new Map(rows.map((r) => [r.section, r]));
  return Object.fromEntries(
    REPORT_SECTIONS.map((s) => {
      const r = bySection.get(s);
      return [s, r ? { body: r.body, updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() } : null];
    }),
  ) as ActivityReport["narratives"];
}

async function newslettersBetween(tx: Db, clusterId: string, from: string, to: string) {
  return tx
    .select()
    .from(newsletters)
    .where(and(eq(newsletters.clusterId, clusterId), gte(newsletters.sentOn, from), lte(newsletters.sentOn, to)))
    .orderBy(asc(newsletters.sentOn));
}

/**
 * The activity report of a year, computed from what the modules recorded: nothing in it is typed by hand
 * but the narratives. With a funder, the targets are that funder's grants' only (the funding mix still
 * counts every grant: the share of private money is the cluster's, whoever reads it).
 */
export async function activityReport(
  ctx: ClusterContext,
  query: ReportQuery,
  now = new Date(),
): Promise<ActivityReport> {
  const { year } = query;
  const bounds = yearBounds(year);
  const today = parisDayFormat.format(now);
  const lastDay = bounds.to < today ? bounds.to : today;
  const { funder, funders } = await resolveFunder(ctx, query.funderId);

  const base = await tenant(ctx, async (tx) => {
    const [cluster] = await tx
      .select({ name: clusters.name, slug: clusters.slug })
      .from(clusters)
      .where(eq(clusters.id, ctx.clusterId));
    return {
      cluster,
      occurrences: await heldOccurrences(tx, ctx.clusterId, bounds.fromAt, bounds.toAt, now),
      groups: await activeGroups(tx, ctx.clusterId, bounds.fromAt, bounds.toAt),
      contacts: await staffContacts(tx, ctx.clusterId, bounds.fromAt, bounds.toAt),
      members: await memberDates(tx, ctx.clusterId),
      dues: await duesByYear(tx, ctx.clusterId, [year]),
      letters: await newslettersBetween(tx, ctx.clusterId, bounds.from, bounds.to),
      narratives: await narrativesOf(tx, ctx.clusterId, year, funder?.id ?? null),
    };
  });
  const programmes = await programmeActivity(ctx, bounds.from, bounds.to);
  const support = await supportActivity(ctx, bounds.from, bounds.to);
  const meetingsHeld = await countMeetingsHeld(ctx, bounds.fromAt, bounds.toAt);
  const opportunities = await opportunityFigures(ctx, year);
  const allGrants = await grantsWithin(ctx, bounds.from, bounds.to);
  const reportGrants = funder ? allGrants.filter((g) => g.funder.id === funder.id) : allGrants;

  const membership = membershipYears(base.members, today).years.find((y) => y.year === year);
  const { byKind, bySize } = composition(base.members, lastDay);
  const occurrences = base.occurrences;
  const kinds = new Map<string, { kind: string; held: number; attendance: number }>();
  for (const o of occurrences) {
    const k = kinds.get(o.kind) ?? { kind: o.kind, held: 0, attendance: 0 };
    k.held++;
    k.attendance += o.attendance;
    kinds.set(o.kind, k);
  }
  const groupMeetings = (id: string) => occurrences.filter((o) => o.workingGroupId === id).length;
  const groupList = base.groups.map((g) => ({ ...g, meetings: groupMeetings(g.id) }));
  const companiesAtEvents = new Set(occurrences.flatMap((o) => o.companyIds)).size;

  const duesCents = base.dues.get(year) ?? 0;
  const grantsCents = allGrants.reduce((s, g) => s + g.inRangeCents, 0);
  const privateShare = duesCents + grantsCents > 0 ? duesCents / (duesCents + grantsCents) : null;

  const atEnd = membership?.atEnd ?? 0;
  const figures: YearFigures = {
    occurrences,
    programmes,
    supportCases: support.cases,
    workingGroups: groupList.length,
    workingGroupMeetings: groupList.reduce((s, g) => s + g.meetings, 0),
    businessMeetings: meetingsHeld.held,
    opportunities: opportunities.opportunities,
    opportunitiesPending: opportunities.pending,
    newsletters: base.letters.length,
    joins: membership?.joins ?? 0,
    atEnd,
    staffContacts: base.contacts.direct,
  };
  const targets = reportGrants.flatMap((g) =>
    g.actions.map((a) => {
      const { actual, pending } = actualOf(a.indicator, a.filter, figures);
      return {
        grantId: g.id,
        grantTitle: g.title,
        actionId: a.id,
        title: a.title,
        indicator: a.indicator,
        target: a.target,
        actual,
        met: !pending && actual >= a.target,
        pending,
      };
    }),
  );

  return {
    year,
    period: { from: bounds.from, to: bounds.to },
    generatedAt: now.toISOString(),
    cluster: base.cluster,
    funder: funder ? { id: funder.id, name: funder.name, kind: funder.kind } : null,
    funders: funders.map((f) => ({ id: f.id, name: f.name })),
    members: {
      atStart: membership?.atStart ?? 0,
      joins: membership?.joins ?? 0,
      leaves: membership?.leaves ?? 0,
      atEnd,
      retention: membership?.retention ?? null,
      byKind,
      bySize,
    },
    events: {
      held: occurrences.length,
      attendance: occurrences.reduce((s, o) => s + o.attendance, 0),
      companies: companiesAtEvents,
      byKind: [...kinds.values()].sort((a, b) => b.held - a.held || a.kind.localeCompare(b.kind)),
    },
    groups: { active: groupList.length, meetings: figures.workingGroupMeetings, list: groupList },
    programmes,
    support,
    business: {
      meetingsHeld: meetingsHeld.held,
      followUps: meetingsHeld.followUps,
      days: meetingsHeld.days,
      opportunities: opportunities.opportunities,
      businessBetweenMembers: opportunities.businessBetweenMembers,
      businessAmountCents: opportunities.businessAmountCents,
      opportunitiesPending: opportunities.pending,
    },
    communication: {
      newsletters: base.letters.length,
      list: base.letters.map((n) => ({ id: n.id, sentOn: n.sentOn, title: n.title, recipients: n.recipients })),
    },
    contacts: base.contacts,
    funding: {
      duesCents,
      grantsCents,
      privateShare,
      grants: allGrants.map((g) => ({
        id: g.id,
        title: g.title,
        funder: g.funder.name,
        amountCents: g.amountCents,
        inYearCents: g.inRangeCents,
        periodStart: g.periodStart,
        periodEnd: g.periodEnd,
        agreementRef: g.agreementRef,
        budgetLine: g.budgetLine,
      })),
    },
    targets,
    labels: labelIndicators({
      atEnd,
      joins: membership?.joins ?? 0,
      retention: membership?.retention ?? null,
      byKind,
      bySize,
      staffContacts: base.contacts.direct,
      membersReached: base.contacts.membersReached,
      privateShare,
      workingGroups: groupList.length,
      eventsHeld: occurrences.length,
      companiesAtEvents,
    }),
    narratives: base.narratives,
  };
}

/** Writes a section's narrative for the year (and funder); an empty text removes it. */
export async function putNarrative(ctx: ClusterContext, section: ReportSection, query: ReportQuery, body: string) {
  const { funder } = await resolveFunder(ctx, query.funderId);
  const funderId = funder?.id ?? null;
  const text = body.trim();
  return tenant(ctx, async (tx) => {
    const where = and(
      eq(reportNarratives.clusterId, ctx.clusterId),
      eq(reportNarratives.year, query.year),
      funderId ? eq(reportNarratives.funderId, funderId) : isNull(reportNarratives.funderId),
      eq(reportNarratives.section, section),
    );
    const [before] = await tx.select().from(reportNarratives).where(where);
    let saved: typeof reportNarratives.$inferSelect | undefined;
    if (!text) {
      if (before) await tx.delete(reportNarratives).where(eq(reportNarratives.id, before.id));
    } else if (before) {
      [saved] = await tx
        .update(reportNarratives)
        .set({ body: text, updatedBy: ctx.actor.label, updatedAt: new Date() })
        .where(eq(reportNarratives.id, before.id))
        .returning();
    } else {
      [saved] = await tx
        .insert(reportNarratives)
        .values({
          clusterId: ctx.clusterId,
          year: query.year,
          funderId,
          section,
          body: text,
          updatedBy: ctx.actor.label,
        })
        .returning();
    }
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "report_narrative",
      entityId: saved?.id ?? before?.id ?? ctx.clusterId,
      action: text ? "update" : "delete",
      changes: { [`${query.year}/${section}`]: [before?.body ?? null, text || null] },
    });
    return {
      narrative: saved
        ? { body: saved.body, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt.toISOString() }
        : null,
    };
  });
}

const monthKey = (d: Date) => parisDayFormat.format(d).slice(0, 7);
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** The dashboard's series for a year: members month by month, participation, funding mix, targets. */
export async function dashboard(ctx: ClusterContext, year: number, now = new Date()) {
  const report = await activityReport(ctx, { year }, now);
  const today = parisDayFormat.format(now);
  const years = [year - 4, year - 3, year - 2, year - 1, year];
  const { members, occurrences, dues } = await tenant(ctx, async (tx) => ({
    members: await memberDates(tx, ctx.clusterId),
    occurrences: await heldOccurrences(tx, ctx.clusterId, yearBounds(year).fromAt, yearBounds(year).toAt, now),
    dues: await duesByYear(tx, ctx.clusterId, years),
  }));
  const grants = await grantsWithin(ctx, `${years[0]}-01-01`, `${year}-12-31`);
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter(
    (m) => `${year}-${String(m).padStart(2, "0")}-01` <= today,
  );
  return {
    year,
    membersOverTime: months.map((m) => {
      const end = lastDayOfMonth(year, m);
      const day = end < today ? end : today;
      return {
        month: `${year}-${String(m).padStart(2, "0")}`,
        members: members.filter((x) => memberOn(x, day)).length,
      };
    }),
    participationPerMonth: months.map((m) => {
      const key = `${year}-${String(m).padStart(2, "0")}`;
      const inMonth = occurrences.filter((o) => monthKey(o.startsAt) === key);
      return {
        month: key,
        held: inMonth.length,
        attendance: inMonth.reduce((s, o) => s + o.attendance, 0),
        companies: new Set(inMonth.flatMap((o) => o.companyIds)).size,
      };
    }),
    fundingMix: years.map((y) => {
      const duesCents = dues.get(y) ?? 0;
      const grantsCents = grants.reduce((s, g) => s + amountWithin(g, `${y}-01-01`, `${y}-12-31`), 0);
      return {
        year: y,
        duesCents,
        grantsCents,
        privateShare: duesCents + grantsCents > 0 ? duesCents / (duesCents + grantsCents) : null,
      };
    }),
    targets: report.targets,
  };
}

// ---------------------------------------------------------------- newsletters

const presentNewsletter = (n: typeof newsletters.$inferSelect) => ({
  id: n.id,
  sentOn: n.sentOn,
  title: n.title,
  recipients: n.recipients,
  url: n.url,
});

export async function listNewsletters(ctx: ClusterContext, query: { year?: number }) {
  return tenant(ctx, async (tx) => {
    const rows = query.year
      ? await newslettersBetween(tx, ctx.clusterId, `${query.year}-01-01`, `${query.year}-12-31`)
      : await tx
          .select()
          .from(newsletters)
          .where(eq(newsletters.clusterId, ctx.clusterId))
          .orderBy(asc(newsletters.sentOn));
    return rows.reverse().map(presentNewsletter);
  });
}

export async function createNewsletter(ctx: ClusterContext, input: NewsletterInput) {
  return tenant(ctx, async (tx) => {
    const [row] = await tx
      .insert(newsletters)
      .values({
        clusterId: ctx.clusterId,
        sentOn: input.sentOn,
        title: input.title,
        recipients: input.recipients ?? null,
        url: input.url ?? null,
      })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, { entityType: "newsletter", entityId: row.id, action: "create" });
    return presentNewsletter(row);
  });
}

export async function deleteNewsletter(ctx: ClusterContext, id: string) {
  await tenant(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(newsletters)
      .where(and(eq(newsletters.clusterId, ctx.clusterId), eq(newsletters.id, id)));
    if (!row) throw notFound("Newsletter");
    await tx.delete(newsletters).where(eq(newsletters.id, id));
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "newsletter",
      entityId: id,
      action: "delete",
      changes: { title: [row.title, null] },
    });
  });
}
