import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { parisNoon } from "../../modules/contacts/contacts.rules.js";
import { contacts, followUps } from "../../modules/contacts/contacts.schema.js";
import type { EventInput } from "../../modules/events/events.contract.js";
import { eventOccurrences, registrations } from "../../modules/events/events.schema.js";
import { cancelOccurrence, createEvent, updateOccurrence } from "../../modules/events/events.service.js";
import { addAction } from "../../modules/groups/actions.service.js";
import { groupActions, workingGroupMembers, workingGroups } from "../../modules/groups/groups.schema.js";
import { addGroupMember, createGroup, updateGroupMember } from "../../modules/groups/groups.service.js";
import { people } from "../../modules/members/members.schema.js";
import { needSupporters, needs } from "../../modules/needs/needs.schema.js";
import { openGroupFromNeed, postNeed, supportNeed } from "../../modules/needs/needs.service.js";
import type { Actor } from "../../platform/permissions/permissions.js";
import type { ClusterContext } from "../../server/context.js";
import type { Db } from "../client.js";
import { withTenant } from "../tenant.js";
import {
  boardMembers,
  breakfast,
  breakfastTopics,
  coreMembers,
  type DemoGroup,
  demoContacts,
  demoGroups,
  demoNeeds,
  feedbackComments,
  oneOffEvents,
  silentMembers,
} from "./demo-activity-data.js";
import { type DemoCluster, type DemoPerson, Rng } from "./demo-data.js";
import { loadMeetingDay } from "./demo-meetings.js";

/**
 * Writes the demo cluster's year of activity (demo-activity-data.ts) through the modules' services where
 * they accept it (events, working groups and their action plans, needs, contacts), and straight into the
 * tables for what a service only does "now" (past registrations with check-ins and feedback) or to backdate
 * what the services stamp with today's date. Dates are relative to `now`, so the demo always looks current.
 */

const DAY = 86_400_000;
const parisDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
/** The Paris day `days` from `now`, as YYYY-MM-DD. */
const dayFrom = (now: Date, days: number) => parisDayFormat.format(new Date(now.getTime() + days * DAY));
const at = (now: Date, days: number) => new Date(now.getTime() + days * DAY);

export interface DemoActivityInput {
  clusterId: string;
  demo: DemoCluster;
  memberIds: Map<string, string>;
  /** The demo's staff users (Claire, Julien) and member users, by email. */
  userIds: Map<string, string>;
}

interface Person extends DemoPerson {
  id: string;
  memberKey: string;
  memberId: string;
  userId: string | null;
}

/** Hardly ever comes: drifting away, as a few members do each year. */
const RARE = 0.05;

/** Who comes to what: the core to most things, the silent to nothing, the others now and then. */
function propensities(input: DemoActivityInput, rng: Rng) {
  const core = new Set(coreMembers);
  const silent = new Set(silentMembers);
  const result = new Map<string, number>();
  for (const m of input.demo.members) {
    if (m.status !== "member" || silent.has(m.key)) continue;
    if (core.has(m.key)) result.set(m.key, 0.72);
    else if (m.kind !== "company") result.set(m.key, 0.08);
    else {
      const roll = rng.next();
      result.set(m.key, roll < 0.45 ? 0.3 : roll < 0.93 ? 0.15 : RARE);
    }
  }
  return result;
}

/** `size` companies drawn by propensity (weighted sampling without replacement). */
function drawCompanies(rng: Rng, weights: Map<string, number>, size: number, eligible: (key: string) => boolean) {
  return [...weights]
    .filter(([key, w]) => w > 0 && eligible(key))
    .map(([key, w]) => ({ key, rank: rng.next() ** (1 / w) }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, size)
    .map((c) => c.key);
}

export async function loadDemoActivity(db: Db, input: DemoActivityInput, now = new Date()) {
  const rng = new Rng(2026);
  const { clusterId, demo, memberIds } = input;
  const staffUsers = demo.users.filter((u) => u.role === "staff");
  const staffActor = (i: 0 | 1): Actor => ({
    userId: input.userIds.get(staffUsers[i].email) ?? null,
    label: staffUsers[i].name,
    role: "staff",
    platformAdmin: false,
    memberId: null,
  });
  const staff = (i: 0 | 1 = 0): ClusterContext => ({ db, clusterId, actor: staffActor(i) });
  const memberById = (key: string) => {
    const id = memberIds.get(key);
    if (!id) throw new Error(`Demo activity names an unknown member: ${key}`);
    return id;
  };
  const demoMember = (key: string) => demo.members.find((m) => m.key === key)!;

  // The people as stored, matched to the demo data by email; member logins are linked to their person.
  const stored = await withTenant(db, clusterId, (tx) =>
    tx.select({ id: people.id, email: people.email }).from(people).where(eq(people.clusterId, clusterId)),
  );
  const idByEmail = new Map(stored.map((p) => [p.email, p.id]));
  const peopleOf = new Map<string, Person[]>();
  for (const m of demo.members) {
    const user = demo.users.find((u) => u.memberKey === m.key);
    peopleOf.set(
      m.key,
      m.people.map((p) => {
        const isUser = user && user.name === `${p.firstName} ${p.lastName}`;
        return {
          ...p,
          id: idByEmail.get(p.email)!,
          memberKey: m.key,
          memberId: memberById(m.key),
          email: isUser ? user.email : p.email,
          userId: isUser ? (input.userIds.get(user.email) ?? null) : null,
        };
      }),
    );
  }
  const mainContact = (key: string) => {
    const list = peopleOf.get(key)!;
    return list.find((p) => p.isMainContact) ?? list[0];
  };
  const memberActor = (key: string): Actor => {
    const person = mainContact(key);
    return {
      userId: person.userId,
      label: `${person.firstName} ${person.lastName}`,
      role: "member",
      platformAdmin: false,
      memberId: memberById(key),
    };
  };

  // Board members lead the working groups.
  await withTenant(db, clusterId, (tx) =>
    tx
      .update(people)
      .set({ isBoardMember: true })
      .where(
        inArray(
          people.id,
          boardMembers.map((key) => mainContact(key).id),
        ),
      ),
  );

  const groupIds = await loadGroups(db, staff(0), now, { mainContact, memberActor, memberById });
  await loadNeeds(db, clusterId, now, { memberActor, memberById });
  await loadEvents(db, staff(0), input, now, rng, { peopleOf, demoMember, groupIds, memberById });
  await loadContacts(staff, now, { mainContact, peopleOf, memberById, staffActor });
  await loadMeetingDay(staff(0), demo, now, memberById);
}

interface Lookups {
  mainContact: (key: string) => Person;
  memberActor: (key: string) => Actor;
  memberById: (key: string) => string;
}

async function backdateNeed(db: Db, clusterId: string, needId: string, created: Date) {
  await withTenant(db, clusterId, async (tx) => {
    await tx.update(needs).set({ createdAt: created, updatedAt: created }).where(eq(needs.id, needId));
    const supporters = await tx
      .select({ id: needSupporters.id })
      .from(needSupporters)
      .where(eq(needSupporters.needId, needId))
      .orderBy(needSupporters.createdAt);
    for (const [i, s] of supporters.entries()) {
      const when = new Date(Math.min(created.getTime() + (i + 1) * 3 * DAY, Date.now()));
      await tx.update(needSupporters).set({ createdAt: when }).where(eq(needSupporters.id, s.id));
    }
  });
}

async function loadGroups(db: Db, ctx: ClusterContext, now: Date, lookups: Lookups) {
  const { mainContact, memberActor, memberById } = lookups;
  const ids = new Map<DemoGroup["key"], string>();
  for (const group of demoGroups) {
    const fields = {
      name: group.name,
      theme: group.theme,
      workstream: group.workstream,
      description: group.description,
      leaderPersonId: mainContact(group.leaderKey).id,
    };
    let groupId: string;
    if (group.fromNeed) {
      // The need three (and more) companies shared became the group: its companies are invited, then accept.
      const [author, ...supporters] = group.memberKeys.slice(0, 5);
      const need = await postNeed(
        { db, clusterId: ctx.clusterId, actor: memberActor(author) },
        { title: group.fromNeed.title, body: group.fromNeed.body },
      );
      for (const key of supporters) {
        await supportNeed({ db, clusterId: ctx.clusterId, actor: memberActor(key) }, need.id, {});
      }
      await backdateNeed(db, ctx.clusterId, need.id, at(now, group.fromNeed.day));
      groupId = (await openGroupFromNeed(ctx, need.id, fields)).id;
      for (const key of group.memberKeys.slice(0, 5)) {
        await updateGroupMember(ctx, groupId, memberById(key), "active");
      }
      for (const key of group.memberKeys.slice(5)) {
        await addGroupMember(ctx, groupId, { memberId: memberById(key), status: "active" });
      }
    } else {
      groupId = (await createGroup(ctx, { ...fields, memberIds: group.memberKeys.map(memberById) })).id;
    }
    ids.set(group.key, groupId);
    for (const action of group.actions) {
      await addAction(ctx, groupId, {
        title: action.title,
        ownerMemberId: action.ownerKey ? memberById(action.ownerKey) : null,
        dueOn: action.dueDay === undefined ? null : dayFrom(now, action.dueDay),
        status: action.status,
      });
    }
    // The services stamp today: the group started months ago and its companies joined over a few weeks.
    const started = at(now, group.startedDay);
    await withTenant(db, ctx.clusterId, async (tx) => {
      await tx.update(workingGroups).set({ createdAt: started }).where(eq(workingGroups.id, groupId));
      await tx.update(groupActions).set({ createdAt: started }).where(eq(groupActions.groupId, groupId));
      for (const [i, key] of group.memberKeys.entries()) {
        const joined = at(now, group.startedDay + i * 6);
        await tx
          .update(workingGroupMembers)
          .set({ joinedAt: joined, invitedAt: group.fromNeed ? started : null, createdAt: started })
          .where(and(eq(workingGroupMembers.groupId, groupId), eq(workingGroupMembers.memberId, memberById(key))));
      }
    });
  }
  return ids;
}

async function loadNeeds(db: Db, clusterId: string, now: Date, lookups: Omit<Lookups, "mainContact">) {
  for (const need of demoNeeds) {
    const posted = await postNeed(
      { db, clusterId, actor: lookups.memberActor(need.authorKey) },
      { title: need.title, body: need.body },
    );
    for (const key of need.supporterKeys) {
      await supportNeed({ db, clusterId, actor: lookups.memberActor(key) }, posted.id, {});
    }
    await backdateNeed(db, clusterId, posted.id, at(now, need.day));
  }
}

/** The first Thursday of the month `monthsAgo` months before `now`, as YYYY-MM-DD. */
function firstThursday(now: Date, monthsAgo: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  const offset = (4 - d.getUTCDay() + 7) % 7;
  d.setUTCDate(1 + offset);
  return d.toISOString().slice(0, 10);
}

type RegistrationRow = typeof registrations.$inferInsert;

async function loadEvents(
  db: Db,
  ctx: ClusterContext,
  input: DemoActivityInput,
  now: Date,
  rng: Rng,
  lookups: {
    peopleOf: Map<string, Person[]>;
    demoMember: (key: string) => DemoCluster["members"][number];
    groupIds: Map<DemoGroup["key"], string>;
    memberById: (key: string) => string;
  },
) {
  const weights = propensities(input, rng);
  const { peopleOf, demoMember } = lookups;
  const memberOn = (key: string, day: string) => {
    const m = demoMember(key);
    return m.status !== "prospect" && m.joinedOn !== null && m.joinedOn <= day && (!m.leftOn || m.leftOn > day);
  };

  const series = await createEvent(ctx, {
    ...breakfast,
    audience: "members",
    startsAt: `${firstThursday(now, 11)}T08:00`,
  } satisfies EventInput);
  const oneOffs: { event: (typeof oneOffEvents)[number]; id: string }[] = [];
  for (const event of oneOffEvents) {
    const created = await createEvent(ctx, {
      kind: event.kind,
      title: event.title,
      description: event.description,
      expectedResult: event.expectedResult ?? null,
      startsAt: `${dayFrom(now, event.day)}T${event.time}`,
      durationMinutes: event.durationMinutes,
      capacity: event.capacity ?? null,
      hostMemberId: event.hostKey ? lookups.memberById(event.hostKey) : null,
      workingGroupId: event.group ? (lookups.groupIds.get(event.group) ?? null) : null,
      audience: "members",
      ...event.address,
    });
    oneOffs.push({ event, id: created.id });
  }

  const occurrences = await withTenant(db, ctx.clusterId, (tx) =>
    tx
      .select()
      .from(eventOccurrences)
      .where(
        and(
          eq(eventOccurrences.clusterId, ctx.clusterId),
          inArray(eventOccurrences.eventId, [series.id, ...oneOffs.map((o) => o.id)]),
        ),
      )
      .orderBy(eventOccurrences.startsAt),
  );
  const breakfasts = occurrences.filter((o) => o.eventId === series.id);
  const pastBreakfasts = breakfasts.filter((o) => o.startsAt < now);
  // No breakfast on a public holiday nor in August: those dates were cancelled.
  const cancelled = pastBreakfasts.filter((o) => o.holiday || parisDayFormat.format(o.startsAt).slice(5, 7) === "08");
  for (const o of cancelled) {
    await cancelOccurrence(ctx, o.id, o.holiday ? `Jour férié : ${o.holiday}` : "Pas de petit-déjeuner en août");
  }
  const held = pastBreakfasts.filter((o) => !cancelled.includes(o));
  // Staff forgot the check-in once: the confirmed registrations of that breakfast count as attendance.
  const unchecked = held.at(-5)?.id;
  const withFeedback = new Set([...held.slice(-3).map((o) => o.id)]);

  const rows: RegistrationRow[] = [];
  const register = (
    occurrence: typeof eventOccurrences.$inferSelect,
    companies: string[],
    options: { past: boolean; checkIn: boolean; feedback: boolean; sure?: boolean },
  ) => {
    for (const key of companies) {
      const list = peopleOf.get(key) ?? [];
      const main = list.find((p) => p.isMainContact) ?? list[0];
      if (!main) continue;
      const attendees = [main, ...(list.length > 1 && rng.chance(0.2) ? [list.find((p) => p !== main)!] : [])];
      for (const person of attendees) {
        const cancelledSeat = !options.sure && rng.chance(0.04);
        const present = options.past && options.checkIn && !cancelledSeat && (options.sure || rng.chance(0.9));
        const rated = present && options.feedback && rng.chance(0.4);
        const rating = rng.chance(0.5) ? 5 : rng.chance(0.7) ? 4 : 3;
        rows.push({
          clusterId: ctx.clusterId,
          occurrenceId: occurrence.id,
          eventId: occurrence.eventId,
          memberId: person.memberId,
          personId: person.id,
          userId: person.userId,
          name: `${person.firstName} ${person.lastName}`,
          email: person.email.toLowerCase(),
          status: cancelledSeat ? "cancelled" : "confirmed",
          registeredAt: new Date(occurrence.startsAt.getTime() - rng.int(2, 20) * DAY),
          cancelledAt: cancelledSeat ? new Date(occurrence.startsAt.getTime() - DAY) : null,
          checkedInAt: present ? new Date(occurrence.startsAt.getTime() + rng.int(0, 20) * 60_000) : null,
          feedbackRating: rated ? rating : null,
          feedbackComment: rated && rng.chance(0.5) ? rng.pick(feedbackComments) : null,
          feedbackAt: rated ? new Date(occurrence.startsAt.getTime() + DAY) : null,
          token: randomBytes(24).toString("base64url"),
        });
      }
    }
  };

  for (const o of held) {
    const day = parisDayFormat.format(o.startsAt);
    const companies = [...weights].filter(([key, w]) => memberOn(key, day) && rng.chance(w)).map(([key]) => key);
    register(o, companies, { past: true, checkIn: o.id !== unchecked, feedback: withFeedback.has(o.id) });
  }
  // Chance aside, only the silent and the drifting went without coming for five months.
  const recent = held.filter((o) => o.startsAt > at(now, -150) && o.id !== unchecked);
  const cameLately = new Set(
    rows.filter((r) => r.checkedInAt && r.checkedInAt > at(now, -150)).map((r) => r.memberId as string),
  );
  for (const [key, weight] of weights) {
    const day = parisDayFormat.format(now);
    if (weight === RARE || !memberOn(key, day) || cameLately.has(lookups.memberById(key)) || !recent.length) continue;
    const occurrence = rng.pick(recent);
    if (!rows.some((r) => r.occurrenceId === occurrence.id && r.memberId === lookups.memberById(key)))
      register(occurrence, [key], { past: true, checkIn: true, feedback: false, sure: true });
  }
  // Prospects come to a breakfast or two as guests.
  const prospects = input.demo.members.filter((m) => m.status === "prospect");
  for (const [i, o] of held.slice(-4).entries()) {
    const prospect = prospects[i % prospects.length];
    const person = prospect.people[0];
    rows.push({
      clusterId: ctx.clusterId,
      occurrenceId: o.id,
      eventId: o.eventId,
      name: `${person.firstName} ${person.lastName}`,
      email: person.email,
      company: prospect.legalName,
      isGuest: true,
      status: "confirmed",
      registeredAt: new Date(o.startsAt.getTime() - 5 * DAY),
      checkedInAt: new Date(o.startsAt.getTime() + 10 * 60_000),
      token: randomBytes(24).toString("base64url"),
    });
  }
  const next = breakfasts.find((o) => o.startsAt > now);
  if (next) {
    const day = parisDayFormat.format(now);
    register(
      next,
      drawCompanies(rng, weights, 16, (key) => memberOn(key, day)),
      {
        past: false,
        checkIn: false,
        feedback: false,
      },
    );
  }
  for (const { event, id } of oneOffs) {
    const occurrence = occurrences.find((o) => o.eventId === id)!;
    const past = occurrence.startsAt < now;
    const day = parisDayFormat.format(past ? occurrence.startsAt : now);
    const group = event.group ? demoGroups.find((g) => g.key === event.group) : undefined;
    const companies =
      event.kind === "working_group_meeting" && group
        ? group.memberKeys.filter(() => rng.chance(0.85))
        : drawCompanies(rng, weights, event.size, (key) => memberOn(key, day) && key !== event.hostKey);
    register(occurrence, event.hostKey && past ? [event.hostKey, ...companies] : companies, {
      past,
      checkIn: true,
      feedback: past && event.kind !== "working_group_meeting",
    });
  }
  await withTenant(db, ctx.clusterId, async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(registrations).values(rows.slice(i, i + 500));
  });

  // Minutes of the last breakfast, and the topic of each held one in its results.
  const last = held.at(-1);
  if (last) {
    const present = rows.filter((r) => r.occurrenceId === last.id && r.checkedInAt).length;
    await updateOccurrence(ctx, last.id, {
      minutes: [
        `${present} participants, dont un invité.`,
        "",
        "Tour de table :",
        "- Granjon Mécanique met en service un centre d'usinage 5 axes et recrute deux régleurs.",
        "- Thermolys présente l'avancée du groupe Achats groupés d'énergie : cahier des charges en cours.",
        "- Chaudronnerie du Gier cherche des partenaires pour mutualiser le contrôle par ressuage.",
        "",
        `Intervention du mois : ${breakfastTopics[held.length % breakfastTopics.length]}.`,
        "",
        "Suites : l'équipe met en relation les entreprises intéressées par le contrôle CND.",
      ].join("\n"),
      results: "Trois mises en relation, deux entreprises de plus dans le groupe énergie.",
    });
  }
}

/** The staff's contact log, in one transaction (the contacts service takes one per contact: too slow here). */
async function loadContacts(
  staff: (i?: 0 | 1) => ClusterContext,
  now: Date,
  lookups: {
    mainContact: (key: string) => Person;
    peopleOf: Map<string, Person[]>;
    memberById: (key: string) => string;
    staffActor: (i: 0 | 1) => Actor;
  },
) {
  const { db, clusterId } = staff();
  await withTenant(db, clusterId, async (tx) => {
    const inserted = await tx
      .insert(contacts)
      .values(
        demoContacts.map((contact) => {
          const person =
            contact.person === undefined
              ? lookups.mainContact(contact.memberKey)
              : lookups.peopleOf.get(contact.memberKey)![contact.person];
          const actor = lookups.staffActor(contact.staff);
          return {
            clusterId,
            memberId: lookups.memberById(contact.memberKey),
            personId: person?.id ?? null,
            kind: contact.kind,
            happenedAt: parisNoon(dayFrom(now, contact.day)),
            summary: contact.summary,
            staffUserId: actor.userId,
            staffLabel: actor.label,
            createdAt: parisNoon(dayFrom(now, contact.day)),
          };
        }),
      )
      .returning({ id: contacts.id });
    const planned = demoContacts.flatMap((contact, i) => {
      const followUp = contact.followUp;
      if (!followUp) return [];
      return [
        {
          clusterId,
          memberId: lookups.memberById(contact.memberKey),
          contactId: inserted[i].id,
          title: followUp.title,
          kind: followUp.kind ?? "call",
          dueOn: dayFrom(now, followUp.dueDay),
          assigneeUserId: lookups.staffActor(followUp.staff ?? contact.staff).userId,
          doneAt: followUp.done ? at(now, followUp.dueDay - 1) : null,
          createdAt: parisNoon(dayFrom(now, contact.day)),
        },
      ];
    });
    if (planned.length) await tx.insert(followUps).values(planned);
  });
}
