import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../db/tenant.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { multipart } from "../../testing/files.js";
import { eventOccurrences, events } from "../events/events.schema.js";
import { createCompanies, type TestCompany } from "./groups.testing.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
let leader: TestCompany;
let forge: TestCompany;
let springs: TestCompany;
let outsider: TestCompany;
const base = () => `/api/clusters/${cluster.slug}`;
const fields = async (res: Response) =>
  ((await res.json()).error.fields as { field: string }[]).map((f) => f.field).sort();

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  [leader] = await createCompanies(t, cluster, ["Mécanique Leader"], { board: true });
  [forge, springs, outsider] = await createCompanies(t, cluster, ["Forge Alpha", "Ressorts Beta", "Usinage Gamma"]);
});
afterAll(async () => t?.close());

describe(`working groups on ${testDatabaseKind}`, () => {
  let groupId: string;
  const actionIds: string[] = [];

  it("lists the board members who may lead a group (staff only)", async () => {
    const res = await t.request("GET", `${base()}/groups/leaders`, { cookie: cluster.staff });
    expect(res.status).toBe(200);
    expect((await res.json()).leaders).toEqual([
      expect.objectContaining({ personId: leader.personId, memberName: "Mécanique Leader" }),
    ]);
    expect((await t.request("GET", `${base()}/groups/leaders`, { cookie: forge.cookie })).status).toBe(403);
  });

  it("answers 422 naming each bad field", async () => {
    const res = await t.request("POST", `${base()}/groups`, {
      cookie: cluster.staff,
      json: { name: "", theme: "Achats", workstream: "cooking", leaderPersonId: "nope" },
    });
    expect(res.status).toBe(422);
    expect(await fields(res)).toEqual(["leaderPersonId", "name", "workstream"]);
  });

  it("refuses a leader who is not a board member, and unknown companies", async () => {
    const notBoard = await t.request("POST", `${base()}/groups`, {
      cookie: cluster.staff,
      json: { name: "Achats", theme: "Énergie", workstream: "internal_performance", leaderPersonId: forge.personId },
    });
    expect(notBoard.status).toBe(422);
    expect(await fields(notBoard)).toEqual(["leaderPersonId"]);
    const unknown = await t.request("POST", `${base()}/groups`, {
      cookie: cluster.staff,
      json: {
        name: "Achats",
        theme: "Énergie",
        workstream: "internal_performance",
        memberIds: ["00000000-0000-4000-8000-000000000000"],
      },
    });
    expect(unknown.status).toBe(422);
    expect(await fields(unknown)).toEqual(["memberIds"]);
  });

  it("lets staff open a group with a leader and companies; members may not", async () => {
    const input = {
      name: "Achats d'énergie",
      theme: "Contrats d'électricité et de gaz",
      workstream: "internal_performance",
      leaderPersonId: leader.personId,
      memberIds: [leader.id, forge.id],
    };
    expect((await t.request("POST", `${base()}/groups`, { cookie: forge.cookie, json: input })).status).toBe(403);
    const res = await t.request("POST", `${base()}/groups`, { cookie: cluster.staff, json: input });
    expect(res.status).toBe(201);
    const group = await res.json();
    groupId = group.id;
    expect(group.leader).toMatchObject({ personId: leader.personId, memberName: "Mécanique Leader" });
    expect(group.members.map((m: { name: string; status: string }) => `${m.name}:${m.status}`)).toEqual([
      "Forge Alpha:active",
      "Mécanique Leader:active",
    ]);
    expect(group.canManage).toBe(true);
  });

  it("shows groups to members, with their own company's place", async () => {
    const list = await (await t.request("GET", `${base()}/groups`, { cookie: forge.cookie })).json();
    expect(list.groups).toEqual([
      expect.objectContaining({ id: groupId, memberCount: 2, myStatus: "active", workstream: "internal_performance" }),
    ]);
    const other = await (await t.request("GET", `${base()}/groups`, { cookie: outsider.cookie })).json();
    expect(other.groups[0].myStatus).toBeNull();
    const filtered = await (
      await t.request("GET", `${base()}/groups?workstream=training`, { cookie: forge.cookie })
    ).json();
    expect(filtered.groups).toEqual([]);
    const detail = await (await t.request("GET", `${base()}/groups/${groupId}`, { cookie: outsider.cookie })).json();
    expect(detail).toMatchObject({ canManage: false, canEditPlan: false });
    expect((await t.request("GET", `${base()}/groups/${groupId}`, { cookie: cluster.funder })).status).toBe(403);
  });

  it("invites a company, which accepts for itself only", async () => {
    const invite = await t.request("POST", `${base()}/groups/${groupId}/members`, {
      cookie: cluster.staff,
      json: { memberId: springs.id },
    });
    expect(invite.status).toBe(200);
    expect((await invite.json()).invitedCount).toBe(1);
    const again = await t.request("POST", `${base()}/groups/${groupId}/members`, {
      cookie: cluster.staff,
      json: { memberId: springs.id },
    });
    expect(again.status).toBe(409);
    const path = `${base()}/groups/${groupId}/members/${springs.id}`;
    expect((await t.request("PATCH", path, { cookie: forge.cookie, json: { status: "active" } })).status).toBe(403);
    expect((await t.request("PATCH", path, { cookie: springs.cookie, json: { status: "joined" } })).status).toBe(422);
    const accepted = await t.request("PATCH", path, { cookie: springs.cookie, json: { status: "active" } });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).myStatus).toBe("active");
  });

  it("lets the leader and staff edit the action plan, not other members", async () => {
    const path = `${base()}/groups/${groupId}/actions`;
    const denied = await t.request("POST", path, { cookie: forge.cookie, json: { title: "Comparer les offres" } });
    expect(denied.status).toBe(403);
    const bad = await t.request("POST", path, {
      cookie: leader.cookie,
      json: { title: " ", dueOn: "2026-02-30", status: "later" },
    });
    expect(bad.status).toBe(422);
    expect(await fields(bad)).toEqual(["dueOn", "status", "title"]);
    const notInGroup = await t.request("POST", path, {
      cookie: leader.cookie,
      json: { title: "Comparer les offres", ownerMemberId: outsider.id },
    });
    expect(notInGroup.status).toBe(422);
    expect(await fields(notInGroup)).toEqual(["ownerMemberId"]);
    for (const [cookie, title, owner] of [
      [leader.cookie, "Recenser les contrats", forge.id],
      [cluster.staff, "Consulter trois fournisseurs", null],
      [leader.cookie, "Présenter la synthèse au bureau", springs.id],
    ] as const) {
      const res = await t.request("POST", path, {
        cookie,
        json: { title, ownerMemberId: owner, dueOn: "2026-06-30" },
      });
      expect(res.status).toBe(201);
      actionIds.push((await res.json()).id);
    }
    const updated = await t.request("PATCH", `${path}/${actionIds[0]}`, {
      cookie: leader.cookie,
      json: { status: "done" },
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ status: "done", ownerName: "Forge Alpha" });
    expect(
      (await t.request("PATCH", `${path}/${actionIds[0]}`, { cookie: forge.cookie, json: { status: "todo" } })).status,
    ).toBe(403);
  });

  it("reorders the plan, refusing a list that is not the whole plan", async () => {
    const path = `${base()}/groups/${groupId}/actions/order`;
    const partial = await t.request("PUT", path, { cookie: leader.cookie, json: { ids: actionIds.slice(0, 2) } });
    expect(partial.status).toBe(422);
    expect(await fields(partial)).toEqual(["ids"]);
    const reversed = [...actionIds].reverse();
    const res = await t.request("PUT", path, { cookie: leader.cookie, json: { ids: reversed } });
    expect(res.status).toBe(200);
    expect((await res.json()).actions.map((a: { id: string }) => a.id)).toEqual(reversed);
    const detail = await (await t.request("GET", `${base()}/groups/${groupId}`, { cookie: forge.cookie })).json();
    expect(detail.actions.map((a: { title: string }) => a.title)).toEqual([
      "Présenter la synthèse au bureau",
      "Consulter trois fournisseurs",
      "Recenser les contrats",
    ]);
    expect(detail.openActions).toBe(2);
    const removed = await t.request("DELETE", `${base()}/groups/${groupId}/actions/${actionIds[1]}`, {
      cookie: cluster.staff,
    });
    expect(removed.status).toBe(204);
  });

  it("shares deliverables with every member; only staff and the leader upload", async () => {
    const path = `${base()}/groups/${groupId}/documents`;
    const content = new TextEncoder().encode("Conditions générales de vente — modèle du groupe");
    const file = { name: "CGV modèle.txt", data: content };
    const denied = await t.request("POST", path, { cookie: forge.cookie, body: multipart({ file }) });
    expect(denied.status).toBe(403);
    const missing = await t.request("POST", path, { cookie: leader.cookie, body: multipart({ title: "x" }) });
    expect(missing.status).toBe(422);
    expect(await fields(missing)).toEqual(["file"]);
    const badKind = await t.request("POST", path, { cookie: leader.cookie, body: multipart({ file, kind: "memo" }) });
    expect(badKind.status).toBe(422);
    const res = await t.request("POST", path, {
      cookie: leader.cookie,
      body: multipart({ file, title: "Modèle de CGV", kind: "template" }),
    });
    expect(res.status).toBe(201);
    const document = await res.json();
    expect(document).toMatchObject({ title: "Modèle de CGV", kind: "template", sizeBytes: content.byteLength });
    // Any member of the cluster downloads it, in or out of the group.
    const download = await t.request("GET", `${path}/${document.id}`, { cookie: outsider.cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''CGV%20mod%C3%A8le.txt");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(content);
    const detail = await (await t.request("GET", `${base()}/groups/${groupId}`, { cookie: outsider.cookie })).json();
    expect(detail.documents.map((d: { title: string }) => d.title)).toEqual(["Modèle de CGV"]);
    expect((await t.request("DELETE", `${path}/${document.id}`, { cookie: outsider.cookie })).status).toBe(403);
    expect((await t.request("DELETE", `${path}/${document.id}`, { cookie: cluster.staff })).status).toBe(204);
    expect((await t.request("GET", `${path}/${document.id}`, { cookie: outsider.cookie })).status).toBe(404);
  });

  it("lists the group's meetings from the events attached to it", async () => {
    await withTenant(t.database.db, cluster.id, async (tx) => {
      for (const [title, status, day] of [
        ["Réunion de lancement", "published", "2026-03-05"],
        ["Réunion en préparation", "draft", "2026-04-02"],
      ] as const) {
        const [event] = await tx
          .insert(events)
          .values({
            clusterId: cluster.id,
            kind: "working_group_meeting",
            title,
            startsAt: new Date(`${day}T08:00:00Z`),
            durationMinutes: 90,
            status,
            workingGroupId: groupId,
          })
          .returning();
        await tx.insert(eventOccurrences).values({
          clusterId: cluster.id,
          eventId: event.id,
          originalStart: event.startsAt,
          startsAt: event.startsAt,
          endsAt: new Date(event.startsAt.getTime() + 90 * 60_000),
        });
      }
    });
    const forMember = await (await t.request("GET", `${base()}/groups/${groupId}`, { cookie: forge.cookie })).json();
    expect(forMember.meetings.map((m: { title: string }) => m.title)).toEqual(["Réunion de lancement"]);
    expect(forMember.meetings[0]).toMatchObject({ status: "scheduled", startsAt: "2026-03-05T08:00:00.000Z" });
    const forStaff = await (await t.request("GET", `${base()}/groups/${groupId}`, { cookie: cluster.staff })).json();
    expect(forStaff.meetings).toHaveLength(2);
  });

  it("lets staff change and close a group, and take a company out", async () => {
    const bad = await t.request("PATCH", `${base()}/groups/${groupId}`, {
      cookie: cluster.staff,
      json: { status: "archived" },
    });
    expect(bad.status).toBe(422);
    expect(
      (await t.request("PATCH", `${base()}/groups/${groupId}`, { cookie: leader.cookie, json: { name: "X" } })).status,
    ).toBe(403);
    const closed = await t.request("PATCH", `${base()}/groups/${groupId}`, {
      cookie: cluster.staff,
      json: { status: "closed", theme: "Électricité 2026" },
    });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: "closed", theme: "Électricité 2026" });
    const removed = await t.request("DELETE", `${base()}/groups/${groupId}/members/${springs.id}`, {
      cookie: cluster.staff,
    });
    expect(removed.status).toBe(204);
    const detail = await (await t.request("GET", `${base()}/groups/${groupId}`, { cookie: cluster.staff })).json();
    expect(detail.members.map((m: { name: string }) => m.name)).not.toContain("Ressorts Beta");
    expect(detail.actions.find((a: { title: string }) => a.title.startsWith("Présenter")).ownerMemberId).toBeNull();
  });

  it("answers 404 for an unknown group and 422 for a malformed id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await t.request("GET", `${base()}/groups/${unknown}`, { cookie: cluster.staff })).status).toBe(404);
    const malformed = await t.request("GET", `${base()}/groups/abc`, { cookie: cluster.staff });
    expect(malformed.status).toBe(422);
    expect(await fields(malformed)).toEqual(["groupId"]);
  });
});
