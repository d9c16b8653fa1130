import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { addDays, parisDay } from "./contacts.rules.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;
const today = () => parisDay(new Date());
const daysAgo = (n: number) => addDays(today(), -n);
const fieldsOf = async (res: Response) =>
  ((await res.json()).error.fields as { field: string }[]).map((f) => f.field).sort();

let staffId: string;
let colleagueId: string;
let colleague: string;
let forgeId: string;
let anneId: string;
let quietId: string;
let calledId: string;
let otherPersonId: string;

async function member(legalName: string, joinedOn: string) {
  const res = await t.request("POST", `${base()}/members`, {
    cookie: cluster.staff,
    json: { legalName, postcode: "42000", town: "Saint-Étienne", joinedOn, status: "member" },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  staffId = (await (await t.request("GET", "/api/me", { cookie: cluster.staff })).json()).user.id;
  const created = await t.request("POST", `${base()}/users`, {
    cookie: cluster.staff,
    json: {
      name: "Bérénice Collègue",
      email: `colleague@${cluster.slug}.test`,
      password: "password-123",
      role: "staff",
    },
  });
  colleagueId = (await created.json()).userId;
  colleague = await t.signIn(`colleague@${cluster.slug}.test`, "password-123");
  forgeId = await member("Forge du Gier", "2019-03-01");
  quietId = await member("Usinage Silencieux", "2018-05-01");
  calledId = await member("Chaudronnerie Appelée", "2018-06-01");
  await member("Nouveau Venu", daysAgo(45));
  anneId = (
    await (
      await t.request("POST", `${base()}/members/${forgeId}/people`, {
        cookie: cluster.staff,
        json: { firstName: "Anne", lastName: "Fayolle", phone: "04 77 00 00 01", isMainContact: true },
      })
    ).json()
  ).id;
  otherPersonId = (
    await (
      await t.request("POST", `${base()}/members/${quietId}/people`, {
        cookie: cluster.staff,
        json: { firstName: "Luc", lastName: "Taiseux", phone: "04 77 00 00 02", isMainContact: true },
      })
    ).json()
  ).id;
});
afterAll(async () => t?.close());

describe(`contact log on ${testDatabaseKind}`, () => {
  let contactId: string;
  let followUpId: string;

  it("records a call with a person and a follow-up assigned by default to oneself", async () => {
    const res = await t.request("POST", `${base()}/members/${forgeId}/contacts`, {
      cookie: cluster.staff,
      json: {
        kind: "call",
        happenedAt: daysAgo(2),
        personId: anneId,
        summary: "Intéressée par le diagnostic RSE ; rappeler après le conseil d'administration.",
        followUp: { title: "Rappeler pour le diagnostic RSE", dueOn: daysAgo(1) },
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const contact = await res.json();
    contactId = contact.id;
    expect(contact).toMatchObject({
      memberId: forgeId,
      kind: "call",
      person: { id: anneId, name: "Anne Fayolle" },
      staff: { userId: staffId, name: `staff ${cluster.slug}` },
    });
    expect(parisDay(new Date(contact.happenedAt))).toBe(daysAgo(2));
    expect(contact.followUps).toHaveLength(1);
    followUpId = contact.followUps[0].id;
    expect(contact.followUps[0]).toMatchObject({
      title: "Rappeler pour le diagnostic RSE",
      kind: "call",
      dueOn: daysAgo(1),
      assignee: { id: staffId, name: `staff ${cluster.slug}` },
      member: { id: forgeId, name: "Forge du Gier" },
      contactId,
      doneAt: null,
      overdue: true,
    });
  });

  it("answers 422 naming each bad field, and records nothing", async () => {
    const cases: [unknown, string[]][] = [
      [{ kind: "fax", happenedAt: daysAgo(1), summary: "x" }, ["kind"]],
      [{ kind: "call", happenedAt: daysAgo(1), summary: "  " }, ["summary"]],
      [{ kind: "call", happenedAt: "2025-02-30", summary: "x" }, ["happenedAt"]],
      [{ kind: "call", happenedAt: "hier", summary: "x" }, ["happenedAt"]],
      [{ kind: "visit", happenedAt: addDays(today(), 3), summary: "x" }, ["happenedAt"]],
      [{ kind: "call", happenedAt: daysAgo(1), summary: "x", personId: otherPersonId }, ["personId"]],
      [{ kind: "call", happenedAt: daysAgo(1), summary: "x", personId: "pas-un-uuid" }, ["personId"]],
      [
        { kind: "call", happenedAt: daysAgo(1), summary: "x", followUp: { title: "", dueOn: "31/12/2026" } },
        ["followUp.dueOn", "followUp.title"],
      ],
      [
        {
          kind: "call",
          happenedAt: daysAgo(1),
          summary: "x",
          followUp: { title: "Relance", dueOn: today(), assigneeUserId: "inconnu" },
        },
        ["followUp.assigneeUserId"],
      ],
      [{}, ["happenedAt", "kind", "summary"]],
    ];
    for (const [json, fields] of cases) {
      const res = await t.request("POST", `${base()}/members/${forgeId}/contacts`, { cookie: cluster.staff, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(await fieldsOf(res), JSON.stringify(json)).toEqual(fields);
    }
    const badMember = await t.request("POST", `${base()}/members/not-a-uuid/contacts`, {
      cookie: cluster.staff,
      json: { kind: "call", happenedAt: daysAgo(1), summary: "x" },
    });
    expect(badMember.status).toBe(422);
    expect(await fieldsOf(badMember)).toEqual(["id"]);
    const log = await (
      await t.request("GET", `${base()}/members/${forgeId}/contacts`, { cookie: cluster.staff })
    ).json();
    expect(log.contacts).toHaveLength(1);
    expect(log.followUps).toHaveLength(1);
  });

  it("answers 404 for a member that does not exist", async () => {
    const res = await t.request("POST", `${base()}/members/00000000-0000-4000-8000-000000000000/contacts`, {
      cookie: cluster.staff,
      json: { kind: "call", happenedAt: daysAgo(1), summary: "x" },
    });
    expect(res.status).toBe(404);
  });

  it("is for staff only", async () => {
    for (const cookie of [cluster.member, cluster.funder]) {
      expect((await t.request("GET", `${base()}/members/${forgeId}/contacts`, { cookie })).status).toBe(403);
      expect((await t.request("GET", `${base()}/to-call`, { cookie })).status).toBe(403);
      const post = await t.request("POST", `${base()}/members/${forgeId}/contacts`, {
        cookie,
        json: { kind: "call", happenedAt: daysAgo(1), summary: "x" },
      });
      expect(post.status).toBe(403);
    }
    expect((await t.request("GET", `${base()}/to-call`)).status).toBe(401);
  });

  it("lists the staff a follow-up can go to, and refuses a member's account", async () => {
    const { users } = await (await t.request("GET", `${base()}/contacts/assignees`, { cookie: cluster.staff })).json();
    expect(users.map((u: { name: string }) => u.name)).toEqual(["Bérénice Collègue", `staff ${cluster.slug}`]);
    const memberId = (await (await t.request("GET", "/api/me", { cookie: cluster.member })).json()).user.id;
    const res = await t.request("POST", `${base()}/members/${forgeId}/follow-ups`, {
      cookie: cluster.staff,
      json: { title: "Relance", dueOn: today(), assigneeUserId: memberId },
    });
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(["assigneeUserId"]);
  });

  it("plans follow-ups on their own, for a colleague too", async () => {
    const soon = await t.request("POST", `${base()}/members/${forgeId}/follow-ups`, {
      cookie: cluster.staff,
      json: { title: "Visite de l'atelier", kind: "visit", dueOn: addDays(today(), 3), assigneeUserId: colleagueId },
    });
    expect(soon.status, await soon.clone().text()).toBe(201);
    expect(await soon.json()).toMatchObject({
      kind: "visit",
      overdue: false,
      contactId: null,
      assignee: { id: colleagueId, name: "Bérénice Collègue" },
    });
    const later = await t.request("POST", `${base()}/members/${forgeId}/follow-ups`, {
      cookie: cluster.staff,
      json: { title: "Point annuel", dueOn: addDays(today(), 40) },
    });
    expect(later.status).toBe(201);
    const bad = await t.request("POST", `${base()}/members/${forgeId}/follow-ups`, {
      cookie: cluster.staff,
      json: { title: "Point", dueOn: "2026-13-01", kind: "pigeon" },
    });
    expect(bad.status).toBe(422);
    expect(await fieldsOf(bad)).toEqual(["dueOn", "kind"]);
  });

  it("lists who to call: overdue, then due soon, then silent members nobody called", async () => {
    await t.request("POST", `${base()}/members/${calledId}/contacts`, {
      cookie: cluster.staff,
      json: { kind: "call", happenedAt: daysAgo(20), summary: "Tout va bien, pas de besoin pour l'instant." },
    });
    const res = await t.request("GET", `${base()}/to-call`, { cookie: cluster.staff });
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list).toMatchObject({ today: today(), soonDays: 14, churnMonths: 6 });
    expect(list.overdue.map((f: { title: string }) => f.title)).toEqual(["Rappeler pour le diagnostic RSE"]);
    expect(list.dueSoon.map((f: { title: string }) => f.title)).toEqual(["Visite de l'atelier"]);
    // Forge has follow-ups planned, the other was called 20 days ago, the newcomer joined six weeks ago.
    expect(list.churnRisk).toEqual([
      {
        member: { id: quietId, name: "Usinage Silencieux" },
        town: "Saint-Étienne",
        joinedOn: "2018-05-01",
        lastParticipationAt: null,
        lastContactAt: null,
        mainContact: { name: "Luc Taiseux", phone: "04 77 00 00 02", email: null },
      },
    ]);
    const mine = await (
      await t.request("GET", `${base()}/to-call?assignee=me&soonDays=60`, { cookie: colleague })
    ).json();
    expect(mine.overdue).toEqual([]);
    expect(mine.dueSoon.map((f: { title: string }) => f.title)).toEqual(["Visite de l'atelier"]);
    const all = await (await t.request("GET", `${base()}/to-call?soonDays=60`, { cookie: cluster.staff })).json();
    expect(all.dueSoon.map((f: { title: string }) => f.title)).toEqual(["Visite de l'atelier", "Point annuel"]);
    const bad = await t.request("GET", `${base()}/to-call?soonDays=-1&assignee=him`, { cookie: cluster.staff });
    expect(bad.status).toBe(422);
    expect(await fieldsOf(bad)).toEqual(["assignee", "soonDays"]);
  });

  it("uses the cluster's churn threshold, which staff set", async () => {
    for (const churnMonths of [0, 37, 2.5, "six"]) {
      const res = await t.request("PUT", `${base()}/engagement/settings`, {
        cookie: cluster.staff,
        json: { churnMonths },
      });
      expect(res.status, String(churnMonths)).toBe(422);
      expect(await fieldsOf(res)).toEqual(["churnMonths"]);
    }
    const forbidden = await t.request("PUT", `${base()}/engagement/settings`, {
      cookie: cluster.member,
      json: { churnMonths: 3 },
    });
    expect(forbidden.status).toBe(403);
    // One month: the newcomer who joined 45 days ago has been silent too long now.
    const ok = await t.request("PUT", `${base()}/engagement/settings`, {
      cookie: cluster.staff,
      json: { churnMonths: 1 },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ churnMonths: 1 });
    const list = await (await t.request("GET", `${base()}/to-call`, { cookie: cluster.staff })).json();
    expect(list.churnMonths).toBe(1);
    expect(list.churnRisk.map((m: { member: { name: string } }) => m.member.name)).toEqual([
      "Usinage Silencieux",
      "Nouveau Venu",
    ]);
    await t.request("PUT", `${base()}/engagement/settings`, { cookie: cluster.staff, json: { churnMonths: 6 } });
  });

  it("marks a follow-up done, reopens it, and keeps who did what", async () => {
    const done = await t.request("PATCH", `${base()}/follow-ups/${followUpId}`, {
      cookie: cluster.staff,
      json: { done: true },
    });
    expect(done.status).toBe(200);
    const doneBody = await done.json();
    expect(doneBody.doneAt).not.toBeNull();
    expect(doneBody.overdue).toBe(false);
    const list = await (await t.request("GET", `${base()}/to-call`, { cookie: cluster.staff })).json();
    expect(list.overdue).toEqual([]);
    const reopened = await (
      await t.request("PATCH", `${base()}/follow-ups/${followUpId}`, {
        cookie: cluster.staff,
        json: { done: false, dueOn: addDays(today(), 1), assigneeUserId: colleagueId },
      })
    ).json();
    expect(reopened).toMatchObject({ doneAt: null, overdue: false, assignee: { id: colleagueId } });
    const bad = await t.request("PATCH", `${base()}/follow-ups/${followUpId}`, {
      cookie: cluster.staff,
      json: { dueOn: "demain", done: "oui" },
    });
    expect(bad.status).toBe(422);
    expect(await fieldsOf(bad)).toEqual(["done", "dueOn"]);
    await t.request("PATCH", `${base()}/follow-ups/${followUpId}`, { cookie: cluster.staff, json: { done: true } });
    const log = await (
      await t.request("GET", `${base()}/members/${forgeId}/contacts`, { cookie: cluster.staff })
    ).json();
    // Open ones first, by due date; the done one last.
    expect(log.followUps.map((f: { title: string }) => f.title)).toEqual([
      "Visite de l'atelier",
      "Point annuel",
      "Rappeler pour le diagnostic RSE",
    ]);
    expect(log.contacts[0].followUps[0].doneAt).not.toBeNull();
  });

  it("corrects and deletes a contact; its follow-ups stay, detached", async () => {
    const patched = await t.request("PATCH", `${base()}/contacts/${contactId}`, {
      cookie: colleague,
      json: { kind: "meeting", summary: "Rencontre à l'atelier.", personId: null },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ kind: "meeting", person: null, summary: "Rencontre à l'atelier." });
    const bad = await t.request("PATCH", `${base()}/contacts/${contactId}`, {
      cookie: cluster.staff,
      json: { happenedAt: addDays(today(), 10), personId: otherPersonId },
    });
    expect(bad.status).toBe(422);
    expect(await fieldsOf(bad)).toEqual(["happenedAt"]);
    const wrongPerson = await t.request("PATCH", `${base()}/contacts/${contactId}`, {
      cookie: cluster.staff,
      json: { personId: otherPersonId },
    });
    expect(await fieldsOf(wrongPerson)).toEqual(["personId"]);
    expect((await t.request("DELETE", `${base()}/contacts/${contactId}`, { cookie: cluster.staff })).status).toBe(204);
    expect((await t.request("DELETE", `${base()}/contacts/${contactId}`, { cookie: cluster.staff })).status).toBe(404);
    const log = await (
      await t.request("GET", `${base()}/members/${forgeId}/contacts`, { cookie: cluster.staff })
    ).json();
    expect(log.contacts).toEqual([]);
    expect(log.lastContactAt).toBeNull();
    expect(log.followUps.find((f: { id: string }) => f.id === followUpId).contactId).toBeNull();
    expect((await t.request("DELETE", `${base()}/follow-ups/${followUpId}`, { cookie: cluster.staff })).status).toBe(
      204,
    );
    expect(
      (await t.request("PATCH", `${base()}/follow-ups/${followUpId}`, { cookie: cluster.staff, json: { done: true } }))
        .status,
    ).toBe(404);
  });
});
