import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/app.js";
import { testDatabaseKind } from "../testing/database.js";
import { multipart, windows1252Csv } from "../testing/files.js";

/**
 * Every route of cluster A, called by cluster B's users (staff, member,
 * funder): with A's slug, and with B's slug but A's record ids. None may
 * answer A's data or change it.
 */
let t: TestApp;
let a: Awaited<ReturnType<TestApp["cluster"]>>;
let b: Awaited<ReturnType<TestApp["cluster"]>>;
const ids: Record<string, string> = {};
const secret = "Chaudronnerie Secrète Alpha";

beforeAll(async () => {
  t = await createTestApp();
  a = await t.cluster();
  b = await t.cluster();
  const member = await (
    await t.request("POST", `/api/clusters/${a.slug}/members`, {
      cookie: a.staff,
      json: {
        legalName: secret,
        siren: "404833048",
        postcode: "42000",
        town: "Saint-Étienne",
        trades: ["boiler-making"],
      },
    })
  ).json();
  ids.id = member.id;
  const person = await (
    await t.request("POST", `/api/clusters/${a.slug}/members/${member.id}/people`, {
      cookie: a.staff,
      json: { lastName: "Alpha", email: "alpha@a.example", listed: true },
    })
  ).json();
  ids.personId = person.id;
  const run = await (
    await t.request("POST", `/api/clusters/${a.slug}/imports`, {
      cookie: a.staff,
      body: multipart({
        file: {
          name: "a.csv",
          data: windows1252Csv([
            ["Raison sociale", "SIRET"],
            ["Ligne rejetée Alpha", "123"],
          ]),
        },
      }),
    })
  ).json();
  ids.runId = run.runId;
  ids.year = "2026";
  await t.request("PUT", `/api/clusters/${a.slug}/members/${member.id}/dues/2026`, {
    cookie: a.staff,
    json: { amountCents: 1000, paidOn: null },
  });
});
afterAll(async () => t?.close());

function clusterRoutes() {
  const doc = t.app.routes; // Hono's route table: every registered method + path
  const seen = new Set<string>();
  return doc
    .filter((r) => r.path.startsWith("/api/clusters/:slug") && r.method !== "ALL")
    .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : seen.add(`${r.method} ${r.path}`)));
}

const bodies: Record<string, unknown> = {
  POST: {
    legalName: "Intrus",
    lastName: "Intrus",
    name: "Intrus",
    email: "intrus@b.example",
    password: "password-123",
    role: "staff",
    code: "intrus",
    labelFr: "Intrus",
    labelEn: "Intruder",
  },
  PATCH: { version: 1, legalName: "Intrus", lastName: "Intrus" },
  PUT: { amountCents: 1, paidOn: null, locale: "fr" },
};

describe(`tenancy on ${testDatabaseKind}`, () => {
  it("covers the cluster routes", () => {
    expect(clusterRoutes().length).toBeGreaterThan(15);
  });

  it("answers 404 to another cluster's users on every route, whatever their role", async () => {
    for (const route of clusterRoutes()) {
      const path = route.path.replace(":slug", a.slug).replace(/:(\w+)/g, (_, name) => ids[name] ?? "x");
      for (const cookie of [b.staff, b.member, b.funder]) {
        const res = await t.request(route.method, path, { cookie, json: bodies[route.method] });
        expect(res.status, `${route.method} ${path}`).toBe(404);
        expect(await res.text()).not.toContain("Alpha");
      }
    }
  });

  it("never reaches another cluster's records through one's own cluster", async () => {
    for (const route of clusterRoutes().filter((r) => /:(id|personId|runId)/.test(r.path))) {
      const path = route.path.replace(":slug", b.slug).replace(/:(\w+)/g, (_, name) => ids[name] ?? "x");
      const res = await t.request(route.method, path, { cookie: b.staff, json: bodies[route.method] });
      expect([403, 404, 422], `${route.method} ${path} → ${res.status}`).toContain(res.status);
      expect(await res.text()).not.toContain("Alpha");
    }
    const listing = await (
      await t.request("GET", `/api/clusters/${b.slug}/members?q=alpha`, { cookie: b.staff })
    ).json();
    expect(listing.total).toBe(0);
  });

  it("left A's data intact", async () => {
    const member = await (
      await t.request("GET", `/api/clusters/${a.slug}/members/${ids.id}`, { cookie: a.staff })
    ).json();
    expect(member.legalName).toBe(secret);
    expect(member.people.map((p: { lastName: string }) => p.lastName)).toEqual(["Alpha"]);
    expect(member.membership.dues).toEqual([{ year: 2026, amountCents: 1000, paidOn: null }]);
  });

  it("lets row-level security refuse what the application would let through", async () => {
    const { withTenant } = await import("../db/tenant.js");
    const { members } = await import("../modules/members/members.schema.js");
    const rows = await withTenant(t.database.db, b.id, (tx) => tx.select().from(members));
    expect(rows.map((r) => r.legalName)).not.toContain(secret);
    await expect(
      withTenant(t.database.db, b.id, (tx) =>
        tx.insert(members).values({
          clusterId: a.id,
          legalName: "Injecté",
          nameKey: "injecte",
          visibility: { profile: "staff", contact: "staff", figures: "staff", equipment: "staff" },
        }),
      ),
    ).rejects.toThrow();
  });
});
