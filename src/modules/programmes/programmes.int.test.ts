import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { STANDARD_PROGRAMMES } from "./programmes.schema.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;
const memberIds: string[] = [];
const fields = async (res: Response) =>
  ((await res.json()).error.fields as { field: string }[]).map((f) => f.field).sort();

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  for (const name of ["Forge Alpha", "Ressorts Beta"]) {
    const res = await t.request("POST", `${base()}/members`, { cookie: cluster.staff, json: { legalName: name } });
    memberIds.push((await res.json()).id);
  }
});
afterAll(async () => t?.close());

describe(`programmes and support cases on ${testDatabaseKind}`, () => {
  let csrId: string;

  it("gives every cluster the standard programmes, to staff only", async () => {
    const res = await t.request("GET", `${base()}/programmes`, { cookie: cluster.staff });
    expect(res.status).toBe(200);
    const { programmes } = await res.json();
    expect(programmes.map((p: { code: string }) => p.code)).toEqual([...STANDARD_PROGRAMMES]);
    csrId = programmes.find((p: { code: string }) => p.code === "csr_diagnostic").id;
    expect(programmes[0]).toMatchObject({ name: "Diagnostic RSE", partnerBody: "FACE Loire", enrolments: 0 });
    // Read twice, still six: the standard set is created once.
    const again = await (await t.request("GET", `${base()}/programmes`, { cookie: cluster.staff })).json();
    expect(again.programmes).toHaveLength(STANDARD_PROGRAMMES.length);
    for (const cookie of [cluster.member, cluster.funder]) {
      expect((await t.request("GET", `${base()}/programmes`, { cookie })).status).toBe(403);
    }
  });

  it("lets staff define a programme of their own", async () => {
    const res = await t.request("POST", `${base()}/programmes`, {
      cookie: cluster.staff,
      json: { name: "Parrainage", description: "Un membre en amène un autre", partnerBody: null },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ code: null, name: "Parrainage", enrolments: 0, enrolmentList: [] });
    const bad = await t.request("POST", `${base()}/programmes`, { cookie: cluster.staff, json: { name: "" } });
    expect(bad.status).toBe(422);
    expect(await fields(bad)).toEqual(["name"]);
  });

  it("enrols members with the programme's partner by default, once a day, and keeps the status on a patch", async () => {
    const res = await t.request("POST", `${base()}/programmes/${csrId}/enrolments`, {
      cookie: cluster.staff,
      json: { memberId: memberIds[0], enrolledOn: "2025-02-10", status: "in_progress" },
    });
    const enrolment = await res.json();
    expect(res.status, JSON.stringify(enrolment)).toBe(201);
    expect(enrolment).toMatchObject({
      member: { name: "Forge Alpha" },
      partnerBody: "FACE Loire",
      status: "in_progress",
    });
    const twice = await t.request("POST", `${base()}/programmes/${csrId}/enrolments`, {
      cookie: cluster.staff,
      json: { memberId: memberIds[0], enrolledOn: "2025-02-10" },
    });
    expect(twice.status).toBe(409);
    const patched = await t.request("PATCH", `${base()}/enrolments/${enrolment.id}`, {
      cookie: cluster.staff,
      json: { outcome: "Plan d'actions RSE remis" },
    });
    expect(await patched.json()).toMatchObject({ status: "in_progress", outcome: "Plan d'actions RSE remis" });
    const early = await t.request("PATCH", `${base()}/enrolments/${enrolment.id}`, {
      cookie: cluster.staff,
      json: { status: "completed", endedOn: "2025-01-01" },
    });
    expect(early.status).toBe(422);
    expect(await fields(early)).toEqual(["endedOn"]);
    const bad = await t.request("POST", `${base()}/programmes/${csrId}/enrolments`, {
      cookie: cluster.staff,
      json: { memberId: "nope", enrolledOn: "2025-02-30", status: "sleeping" },
    });
    expect(await fields(bad)).toEqual(["enrolledOn", "memberId", "status"]);
    const detail = await (await t.request("GET", `${base()}/programmes/${csrId}`, { cookie: cluster.staff })).json();
    expect(detail.enrolments).toBe(1);
    expect(detail.enrolmentList.map((e: { member: { id: string } }) => e.member.id)).toEqual([memberIds[0]]);
  });

  it("records support cases on a named call, by year, and refuses one with no call", async () => {
    const created = await t.request("POST", `${base()}/support-cases`, {
      cookie: cluster.staff,
      json: {
        memberId: memberIds[1],
        callLabel: "AAP Région Industrie du futur",
        openedOn: "2025-03-01",
        status: "granted",
        amountAskedCents: 5_000_000,
        amountObtainedCents: 3_000_000,
        partnerBody: "Pôle CIMES",
      },
    });
    expect(created.status).toBe(201);
    const supportCase = await created.json();
    expect(supportCase).toMatchObject({
      member: { name: "Ressorts Beta" },
      call: null,
      amountObtainedCents: 3_000_000,
    });
    const none = await t.request("POST", `${base()}/support-cases`, {
      cookie: cluster.staff,
      json: { memberId: memberIds[1], openedOn: "2025-03-01" },
    });
    expect(none.status).toBe(422);
    expect(await fields(none)).toEqual(["callLabel"]);
    const patched = await t.request("PATCH", `${base()}/support-cases/${supportCase.id}`, {
      cookie: cluster.staff,
      json: { notes: "Dossier déposé en mars" },
    });
    expect(await patched.json()).toMatchObject({ status: "granted", notes: "Dossier déposé en mars" });
    const of2025 = await (
      await t.request("GET", `${base()}/support-cases?year=2025`, { cookie: cluster.staff })
    ).json();
    const of2024 = await (
      await t.request("GET", `${base()}/support-cases?year=2024`, { cookie: cluster.staff })
    ).json();
    expect([of2025.supportCases.length, of2024.supportCases.length]).toEqual([1, 0]);
    expect(
      (await t.request("DELETE", `${base()}/support-cases/${supportCase.id}`, { cookie: cluster.staff })).status,
    ).toBe(204);
  });
});
