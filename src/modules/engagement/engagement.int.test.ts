import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../db/tenant.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { contacts } from "../contacts/contacts.schema.js";
import { eventOccurrences, events, registrations } from "../events/events.schema.js";
import { workingGroupMembers, workingGroups } from "../groups/groups.schema.js";
import { needSupporters, needs } from "../needs/needs.schema.js";

/**
 * A constructed year of a small cluster, written straight into the tables (the other modules' services are
 * not needed to read it back): each member's expected figures are in the comments.
 */
let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dayAgo = (days: number) => ago(days).toISOString().slice(0, 10);
const ids: Record<string, string> = {};

async function member(key: string, input: Record<string, unknown>) {
  const res = await t.request("POST", `${base()}/members`, {
    cookie: cluster.staff,
    json: { postcode: "42000", town: "Saint-Étienne", ...input },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  ids[key] = (await res.json()).id;
}

async function construct() {
  await member("assidue", { legalName: "Assidue Mécanique", joinedOn: "2019-03-01" });
  await member("confirmee", { legalName: "Confirmée Usinage", joinedOn: "2020-01-15" });
  await member("silencieuse", { legalName: "Silencieuse SA", joinedOn: "2018-05-01" });
  await member("nouvelle", { legalName: "Nouvelle Pousse", joinedOn: dayAgo(60) });
  await member("eloignee", { legalName: "Éloignée Ressorts", joinedOn: "2018-09-01" });
  await member("ancienne", {
    legalName: "Ancienne Fonderie",
    joinedOn: "2015-02-01",
    leftOn: "2023-06-30",
    status: "former",
    leaveReason: "Cessation d'activité",
  });
  await member("prospect", { legalName: "Prospect Tôlerie", status: "prospect" });
  const clusterId = cluster.id;
  await withTenant(t.database.db, clusterId, async (tx) => {
    const [breakfast, cancelledEvent] = await tx
      .insert(events)
      .values([
        { clusterId, kind: "breakfast", title: "Petit-déjeuner", startsAt: ago(420), durationMinutes: 120 },
        {
          clusterId,
          kind: "afterwork",
          title: "Afterwork annulé",
          startsAt: ago(20),
          durationMinutes: 120,
          status: "cancelled",
        },
      ])
      .returning();
    const occurrence = async (eventId: string, days: number, status: "scheduled" | "cancelled" = "scheduled") => {
      const startsAt = ago(days);
      const [row] = await tx
        .insert(eventOccurrences)
        .values({
          clusterId,
          eventId,
          originalStart: startsAt,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
          status,
        })
        .returning();
      return row;
    };
    const seat = async (
      occ: { id: string; eventId: string },
      who: string,
      status: "confirmed" | "waiting" | "cancelled",
      checkedIn = false,
    ) => {
      await tx.insert(registrations).values({
        clusterId,
        occurrenceId: occ.id,
        eventId: occ.eventId,
        memberId: ids[who],
        name: `${who} ${randomUUID().slice(0, 4)}`,
        email: `${randomUUID()}@example.test`,
        status,
        checkedInAt: checkedIn ? new Date() : null,
        token: randomUUID(),
      });
    };
    const old = await occurrence(breakfast.id, 420); // outside the 12 months
    const o1 = await occurrence(breakfast.id, 300);
    const eloigneeOcc = await occurrence(breakfast.id, 240);
    const o2 = await occurrence(breakfast.id, 200);
    const o3 = await occurrence(breakfast.id, 100);
    const noCheckIn = await occurrence(breakfast.id, 50);
    const future = await occurrence(breakfast.id, -10);
    const cancelledOcc = await occurrence(breakfast.id, 30, "cancelled");
    const ofCancelledEvent = await occurrence(cancelledEvent.id, 20);
    // Assidue: checked in at o1, o2, o3 (twice: two people count once) → 3 events; old one is outside.
    await seat(old, "assidue", "confirmed", true);
    await seat(o1, "assidue", "confirmed", true);
    await seat(o2, "assidue", "confirmed", true);
    await seat(o3, "assidue", "confirmed", true);
    await seat(o3, "assidue", "confirmed", true);
    await seat(noCheckIn, "assidue", "cancelled");
    // Confirmée: confirmed at o1 where others were checked in (absent) → 0; confirmed twice at an occurrence
    // with no check-in at all → 1; waiting, cancelled, future, cancelled occurrence or event → 0.
    await seat(o1, "confirmee", "confirmed");
    await seat(noCheckIn, "confirmee", "confirmed");
    await seat(noCheckIn, "confirmee", "confirmed");
    await seat(noCheckIn, "confirmee", "waiting");
    await seat(future, "confirmee", "confirmed");
    await seat(cancelledOcc, "confirmee", "confirmed", true);
    await seat(ofCancelledEvent, "confirmee", "confirmed", true);
    // Éloignée: one breakfast eight months ago → 1 event, and silent since.
    await seat(eloigneeOcc, "eloignee", "confirmed", true);

    const [energy, closedLongAgo, closedRecently] = await tx
      .insert(workingGroups)
      .values([
        { clusterId, name: "Achats groupés d'énergie", theme: "Énergie", workstream: "internal_performance" },
        {
          clusterId,
          name: "Salon 2023",
          theme: "Salon",
          workstream: "business_development",
          status: "closed",
          updatedAt: ago(500),
        },
        {
          clusterId,
          name: "Marque employeur",
          theme: "RH",
          workstream: "training",
          status: "closed",
          updatedAt: ago(40),
        },
      ])
      .returning();
    await tx.insert(workingGroupMembers).values([
      // Assidue: an active group and one closed within the window → 2 groups.
      { clusterId, groupId: energy.id, memberId: ids.assidue, status: "active", joinedAt: ago(400) },
      { clusterId, groupId: closedRecently.id, memberId: ids.assidue, status: "active", joinedAt: ago(380) },
      // Confirmée: left two months ago (took part in the window) → 1; a group closed long ago → 0.
      { clusterId, groupId: energy.id, memberId: ids.confirmee, status: "left", joinedAt: ago(300), leftAt: ago(60) },
      { clusterId, groupId: closedLongAgo.id, memberId: ids.confirmee, status: "active", joinedAt: ago(900) },
      // Silencieuse: invited only → 0, and no participation.
      { clusterId, groupId: energy.id, memberId: ids.silencieuse, status: "invited", invitedAt: ago(30) },
    ]);

    const [ownNeed, oldNeed] = await tx
      .insert(needs)
      .values([
        { clusterId, memberId: ids.assidue, authorLabel: "A", title: "Contrôle CND mutualisé", createdAt: ago(30) },
        { clusterId, memberId: ids.confirmee, authorLabel: "C", title: "Cybersécurité", createdAt: ago(400) },
      ])
      .returning();
    // Assidue posted one need and supports another → 2 needs. Confirmée's own is outside the window → 0.
    await tx
      .insert(needSupporters)
      .values([{ clusterId, needId: oldNeed.id, memberId: ids.assidue, authorLabel: "A", createdAt: ago(20) }]);
    void ownNeed;

    // Meetings: Assidue had a visit (counts) and a call (does not); Silencieuse a call only.
    await tx.insert(contacts).values([
      { clusterId, memberId: ids.assidue, kind: "visit", happenedAt: ago(40), summary: "Visite", staffLabel: "S" },
      { clusterId, memberId: ids.assidue, kind: "call", happenedAt: ago(5), summary: "Appel", staffLabel: "S" },
      { clusterId, memberId: ids.silencieuse, kind: "call", happenedAt: ago(10), summary: "Appel", staffLabel: "S" },
    ]);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  await construct();
});
afterAll(async () => t?.close());

interface Row {
  member: { id: string; name: string };
  score: number;
  components: Record<string, { count: number; points: number; max: number }>;
  churnRisk: boolean;
  lastParticipationAt: string | null;
}

describe(`engagement on ${testDatabaseKind}`, () => {
  it("scores each current member from its year of participation", async () => {
    const res = await t.request("GET", `${base()}/engagement`, { cookie: cluster.staff });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.weights.events).toEqual({ perUnit: 8, max: 40 });
    expect(body.churnMonths).toBe(6);
    const byName = new Map<string, Row>(body.members.map((m: Row) => [m.member.name, m]));
    expect([...byName.keys()].sort()).toEqual([
      "Assidue Mécanique",
      "Confirmée Usinage",
      "Nouvelle Pousse",
      "Silencieuse SA",
      "Éloignée Ressorts",
    ]);
    const counts = (name: string) =>
      Object.fromEntries(Object.entries(byName.get(name)!.components).map(([k, v]) => [k, v.count]));
    expect(counts("Assidue Mécanique")).toEqual({ events: 3, groups: 2, needs: 2, meetings: 1 });
    expect(byName.get("Assidue Mécanique")!.score).toBe(24 + 30 + 10 + 10);
    expect(counts("Confirmée Usinage")).toEqual({ events: 1, groups: 1, needs: 0, meetings: 0 });
    expect(byName.get("Confirmée Usinage")!.score).toBe(8 + 15);
    expect(counts("Éloignée Ressorts")).toEqual({ events: 1, groups: 0, needs: 0, meetings: 0 });
    expect(byName.get("Silencieuse SA")!.score).toBe(0);
    expect(byName.get("Nouvelle Pousse")!.score).toBe(0);
    expect(body.members.map((m: Row) => m.member.name)).toEqual([
      "Assidue Mécanique",
      "Confirmée Usinage",
      "Éloignée Ressorts",
      "Nouvelle Pousse",
      "Silencieuse SA",
    ]);
    expect(Object.fromEntries(body.members.map((m: Row) => [m.member.name, m.churnRisk]))).toEqual({
      "Assidue Mécanique": false,
      "Confirmée Usinage": false,
      "Éloignée Ressorts": true,
      "Nouvelle Pousse": false,
      "Silencieuse SA": true,
    });
    // The last participation of Confirmée is the occurrence with no check-in, 50 days ago.
    const last = new Date(byName.get("Confirmée Usinage")!.lastParticipationAt!).getTime();
    expect(Math.round((Date.now() - last) / DAY)).toBe(50);
  });

  it("sorts by any component, either way, ties by name", async () => {
    const names = async (query: string) =>
      (await (await t.request("GET", `${base()}/engagement?${query}`, { cookie: cluster.staff })).json()).members.map(
        (m: Row) => m.member.name,
      );
    expect(await names("sort=groups&order=desc")).toEqual([
      "Assidue Mécanique",
      "Confirmée Usinage",
      "Éloignée Ressorts",
      "Nouvelle Pousse",
      "Silencieuse SA",
    ]);
    expect((await names("sort=score&order=asc")).slice(0, 2)).toEqual(["Nouvelle Pousse", "Silencieuse SA"]);
    expect(await names("sort=name&order=asc")).toEqual([
      "Assidue Mécanique",
      "Confirmée Usinage",
      "Éloignée Ressorts",
      "Nouvelle Pousse",
      "Silencieuse SA",
    ]);
    expect((await names("sort=lastParticipation&order=desc"))[0]).toBe("Assidue Mécanique");
    const bad = await t.request("GET", `${base()}/engagement?sort=charisma&order=up`, { cookie: cluster.staff });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["order", "sort"]);
  });

  it("gives one member's score, and none to former members or prospects", async () => {
    const res = await t.request("GET", `${base()}/engagement/members/${ids.assidue}`, { cookie: cluster.staff });
    expect(res.status).toBe(200);
    expect((await res.json()).member).toMatchObject({ score: 74, member: { id: ids.assidue } });
    for (const key of ["ancienne", "prospect"]) {
      const gone = await t.request("GET", `${base()}/engagement/members/${ids[key]}`, { cookie: cluster.staff });
      expect(gone.status, key).toBe(404);
    }
    const bad = await t.request("GET", `${base()}/engagement/members/42`, { cookie: cluster.staff });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].field).toBe("id");
  });

  it("lists the members silent for N months, the longest silent first", async () => {
    const body = await (await t.request("GET", `${base()}/engagement/churn-risk`, { cookie: cluster.staff })).json();
    expect(body.churnMonths).toBe(6);
    expect(body.members.map((m: Row) => m.member.name)).toEqual(["Silencieuse SA", "Éloignée Ressorts"]);
    expect(body.members[0].silentSince.slice(0, 10)).toBe("2018-05-01");
    // With nine months, the one silent for eight is no longer at risk.
    await t.request("PUT", `${base()}/engagement/settings`, { cookie: cluster.staff, json: { churnMonths: 9 } });
    const nine = await (await t.request("GET", `${base()}/engagement/churn-risk`, { cookie: cluster.staff })).json();
    expect(nine.members.map((m: Row) => m.member.name)).toEqual(["Silencieuse SA"]);
    await t.request("PUT", `${base()}/engagement/settings`, { cookie: cluster.staff, json: { churnMonths: 6 } });
  });

  it("counts joins, leaves and retention by year", async () => {
    const body = await (await t.request("GET", `${base()}/engagement/years`, { cookie: cluster.staff })).json();
    const year = (y: number) => body.years.find((r: { year: number }) => r.year === y);
    expect(body.years[0].year).toBe(2015);
    expect(body.years.at(-1)).toMatchObject({ year: new Date().getUTCFullYear(), partial: true });
    expect(year(2020)).toEqual({
      year: 2020,
      atStart: 4,
      joins: 1,
      leaves: 0,
      atEnd: 5,
      retained: 4,
      retention: 1,
      partial: false,
    });
    expect(year(2023)).toMatchObject({ atStart: 5, joins: 0, leaves: 1, atEnd: 4, retained: 4, retention: 0.8 });
    expect(body.undated).toBe(0);
  });

  it("is for staff only", async () => {
    for (const path of [
      "engagement",
      "engagement/churn-risk",
      "engagement/years",
      `engagement/members/${ids.assidue}`,
    ]) {
      for (const cookie of [cluster.member, cluster.funder]) {
        expect((await t.request("GET", `${base()}/${path}`, { cookie })).status, path).toBe(403);
      }
      expect((await t.request("GET", `${base()}/${path}`)).status, path).toBe(401);
    }
  });
});
