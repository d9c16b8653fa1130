import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { parisToday, queueFundingCallReminders } from "./calls.service.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;
const ids: Record<string, string> = {};
const fields = async (res: Response) =>
  ((await res.json()).error.fields as { field: string }[]).map((f) => f.field).sort();
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function member(key: string, json: Record<string, unknown>, email: string | null) {
  const res = await t.request("POST", `${base()}/members`, { cookie: cluster.staff, json });
  const body = await res.json();
  if (res.status !== 201) throw new Error(JSON.stringify(body));
  ids[key] = body.id;
  if (email) {
    await t.request("POST", `${base()}/members/${body.id}/people`, {
      cookie: cluster.staff,
      json: { firstName: "Camille", lastName: key, email, isMainContact: true },
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  // A machining SME in the Loire, a micro spring maker in the Loire, a Lyon mid-cap, a Loire SME with no
  // email, and a prospect: the calls below admit some of them.
  await member(
    "usinage",
    { legalName: "Usinage Loire", headcount: 40, nafCode: "25.62A", communeInsee: "42218" },
    "u@x.test",
  );
  await member(
    "ressorts",
    { legalName: "Ressorts Forez", headcount: 6, nafCode: "25.93Z", communeInsee: "42218" },
    "r@x.test",
  );
  await member(
    "lyon",
    { legalName: "Lyon Mécanique", headcount: 600, nafCode: "28.41Z", communeInsee: "69123" },
    "l@x.test",
  );
  await member(
    "muet",
    { legalName: "Tôlerie Sans Mail", headcount: 30, nafCode: "25.11Z", communeInsee: "42218" },
    null,
  );
  await member(
    "prospect",
    { legalName: "Prospect SA", status: "prospect", headcount: 40, nafCode: "25.62A" },
    "p@x.test",
  );
});
afterAll(async () => t?.close());

describe(`funders, funding calls and grants on ${testDatabaseKind}`, () => {
  it("records funders, once per name, for staff only", async () => {
    const res = await t.request("POST", `${base()}/funders`, {
      cookie: cluster.staff,
      json: { name: "Saint-Étienne Métropole", kind: "metropolis" },
    });
    expect(res.status).toBe(201);
    ids.metropole = (await res.json()).id;
    const again = await t.request("POST", `${base()}/funders`, {
      cookie: cluster.staff,
      json: { name: "Saint-Étienne Métropole" },
    });
    expect(again.status).toBe(409);
    const bad = await t.request("POST", `${base()}/funders`, {
      cookie: cluster.staff,
      json: { name: "", kind: "bank" },
    });
    expect(await fields(bad)).toEqual(["kind", "name"]);
    for (const cookie of [cluster.member, cluster.funder]) {
      expect((await t.request("GET", `${base()}/funders`, { cookie })).status).toBe(403);
    }
  });

  it("computes who a call admits, and why the others are left out", async () => {
    const today = parisToday();
    const res = await t.request("POST", `${base()}/funding-calls`, {
      cookie: cluster.staff,
      json: {
        funderName: "Région Auvergne-Rhône-Alpes",
        title: "Industrie du futur 2026",
        topics: ["innovation"],
        sizeClasses: ["micro", "sme"],
        nafCodes: ["25"],
        departments: ["42", "43"],
        opensOn: addDays(today, -10),
        closesOn: addDays(today, 20),
        reminderDays: 7,
        url: "https://example.org/aap",
      },
    });
    const call = await res.json();
    expect(res.status, JSON.stringify(call)).toBe(201);
    expect(call).toMatchObject({ state: "open", notified: 0, funder: null });
    ids.call = call.id;
    const eligibility = await (
      await t.request("GET", `${base()}/funding-calls/${call.id}/eligible`, { cookie: cluster.staff })
    ).json();
    expect(eligibility.eligible.map((m: { name: string }) => m.name)).toEqual([
      "Ressorts Forez",
      "Tôlerie Sans Mail",
      "Usinage Loire",
    ]);
    expect(eligibility.ineligible).toEqual([
      expect.objectContaining({ name: "Lyon Mécanique", reasons: ["size_class", "naf", "department"] }),
    ]);
    const closesBeforeOpening = await t.request("POST", `${base()}/funding-calls`, {
      cookie: cluster.staff,
      json: { funderName: "Bpifrance", title: "Mauvaises dates", opensOn: "2026-05-01", closesOn: "2026-04-01" },
    });
    expect(await fields(closesBeforeOpening)).toEqual(["closesOn"]);
    const badCriteria = await t.request("POST", `${base()}/funding-calls`, {
      cookie: cluster.staff,
      json: {
        funderName: "Bpifrance",
        title: "Critères",
        closesOn: "2026-04-01",
        nafCodes: ["xx"],
        sizeClasses: ["huge"],
      },
    });
    expect(await fields(badCriteria)).toEqual(["nafCodes.0", "sizeClasses.0"]);
  });

  it("notifies the eligible members in one action, once, through the outbox", async () => {
    const res = await t.request("POST", `${base()}/funding-calls/${ids.call}/notify`, {
      cookie: cluster.staff,
      json: {},
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      notified: 2,
      alreadyNotified: 0,
      noContact: [{ id: ids.muet, name: "Tôlerie Sans Mail" }],
    });
    const again = await (
      await t.request("POST", `${base()}/funding-calls/${ids.call}/notify`, { cookie: cluster.staff, json: {} })
    ).json();
    expect([again.notified, again.alreadyNotified]).toEqual([0, 2]);
    const outbox = await (await t.request("GET", `${base()}/outbox`, { cookie: cluster.staff })).json();
    const notices = outbox.messages.filter((m: { kind: string }) => m.kind === "funding_call");
    expect(notices.map((m: { toAddress: string }) => m.toAddress).sort()).toEqual(["r@x.test", "u@x.test"]);
    expect(notices[0].subject).toContain("Industrie du futur 2026");
    const notEligible = await t.request("POST", `${base()}/funding-calls/${ids.call}/notify`, {
      cookie: cluster.staff,
      json: { memberIds: [ids.lyon] },
    });
    expect(await fields(notEligible)).toEqual(["memberIds"]);
    const call = await (
      await t.request("GET", `${base()}/funding-calls/${ids.call}`, { cookie: cluster.staff })
    ).json();
    expect(call.notified).toBe(2);
  });

  it("reminds the notified members once, within the reminder delay before the deadline", async () => {
    const today = parisToday();
    const tooEarly = await queueFundingCallReminders(t.database.db, new Date(`${addDays(today, 12)}T10:00:00Z`));
    expect(tooEarly).toEqual({ calls: 0, messages: 0 });
    const due = new Date(`${addDays(today, 14)}T10:00:00Z`);
    expect(await queueFundingCallReminders(t.database.db, due)).toEqual({ calls: 1, messages: 2 });
    expect(await queueFundingCallReminders(t.database.db, due)).toEqual({ calls: 0, messages: 0 });
    const outbox = await (await t.request("GET", `${base()}/outbox`, { cookie: cluster.staff })).json();
    const reminders = outbox.messages.filter((m: { kind: string }) => m.kind === "funding_call_reminder");
    expect(reminders).toHaveLength(2);
    expect(reminders[0].subject).toMatch(/^Rappel/);
  });

  it("records a grant with the actions it funds, and checks its period and targets", async () => {
    const { programmes } = await (await t.request("GET", `${base()}/programmes`, { cookie: cluster.staff })).json();
    const csr = programmes.find((p: { code: string }) => p.code === "csr_diagnostic");
    const res = await t.request("POST", `${base()}/grants`, {
      cookie: cluster.staff,
      json: {
        funderId: ids.metropole,
        title: "Animation de l'écosystème d'innovation — filière Manufacturing 2024",
        amountCents: 2_000_000,
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        agreementRef: "Délibération n°2024.00343",
        budgetLine: "INUM/SUFLI/65748",
        actions: [
          { title: "Diagnostics RSE", indicator: "programme_members", filter: { programmeId: csr.id }, target: 20 },
          { title: "Accompagnements aux appels à projets", indicator: "support_cases", target: 8 },
        ],
      },
    });
    const grant = await res.json();
    expect(res.status, JSON.stringify(grant)).toBe(201);
    expect(grant.funder).toMatchObject({ name: "Saint-Étienne Métropole", kind: "metropolis" });
    expect(grant.actions.map((a: { target: number }) => a.target)).toEqual([20, 8]);
    const added = await (
      await t.request("POST", `${base()}/grants/${grant.id}/actions`, {
        cookie: cluster.staff,
        json: {
          title: "Petits déjeuners et visites",
          indicator: "events_held",
          filter: { eventKinds: ["breakfast"] },
          target: 3,
        },
      })
    ).json();
    expect(added.actions).toHaveLength(3);
    const patched = await (
      await t.request("PATCH", `${base()}/grant-actions/${added.actions[2].id}`, {
        cookie: cluster.staff,
        json: { target: 4 },
      })
    ).json();
    expect(patched.actions[2]).toMatchObject({ target: 4, indicator: "events_held" });
    const backwards = await t.request("PATCH", `${base()}/grants/${grant.id}`, {
      cookie: cluster.staff,
      json: { periodEnd: "2023-12-31" },
    });
    expect(await fields(backwards)).toEqual(["periodEnd"]);
    const unknownProgramme = await t.request("POST", `${base()}/grants/${grant.id}/actions`, {
      cookie: cluster.staff,
      json: { title: "Xy", indicator: "programme_members", filter: { programmeId: ids.call }, target: 1 },
    });
    expect(await fields(unknownProgramme)).toEqual(["filter.programmeId"]);
    const of2024 = await (await t.request("GET", `${base()}/grants?year=2024`, { cookie: cluster.staff })).json();
    const of2025 = await (await t.request("GET", `${base()}/grants?year=2025`, { cookie: cluster.staff })).json();
    expect([of2024.grants.length, of2025.grants.length]).toEqual([1, 0]);
    ids.grant = grant.id;
    // A funder with grants is not removed with them by accident.
    expect((await t.request("DELETE", `${base()}/funders/${ids.metropole}`, { cookie: cluster.staff })).status).toBe(
      409,
    );
  });

  it("shows another cluster's staff none of it, through the API or around it", async () => {
    const other = await t.cluster();
    const own = `/api/clusters/${other.slug}`;
    for (const path of [`/grants/${ids.grant}`, `/funding-calls/${ids.call}`, `/funding-calls/${ids.call}/eligible`]) {
      expect((await t.request("GET", `${own}${path}`, { cookie: other.staff })).status, path).toBe(404);
    }
    const { funders, fundingCallNotices, grants } = await import("./funding.schema.js");
    const { withTenant } = await import("../../db/tenant.js");
    for (const table of [funders, grants, fundingCallNotices]) {
      const seen = await withTenant(t.database.db, other.id, (tx) =>
        tx.select({ clusterId: table.clusterId }).from(table),
      );
      expect(seen).toEqual([]);
    }
    const report = await (await t.request("GET", `${own}/reports/activity?year=2024`, { cookie: other.funder })).json();
    expect([report.funders, report.funding.grants]).toEqual([[], []]);
  });
});
