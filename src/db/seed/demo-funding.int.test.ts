import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { ensureDemo } from "./demo.js";

let t: TestApp;
let cookie: string;
const year = new Date().getUTCFullYear() - 1;
beforeAll(async () => {
  t = await createTestApp();
  const login = await ensureDemo(t.services);
  cookie = await t.signIn(login!.email, login!.password);
}, 300_000);
afterAll(async () => t?.close());

describe(`the demo's last year for the funder on ${testDatabaseKind}`, () => {
  it("gives a real activity report for the metropolis at once, its targets met", async () => {
    const general = await (
      await t.request("GET", `/api/clusters/demo/reports/activity?year=${year}`, { cookie })
    ).json();
    const metropolis = general.funders.find((f: { name: string }) => f.name === "Saint-Étienne Métropole");
    expect(metropolis).toBeTruthy();
    const res = await t.request("GET", `/api/clusters/demo/reports/activity?year=${year}&funderId=${metropolis.id}`, {
      cookie,
    });
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.events.held).toBeGreaterThanOrEqual(11);
    expect(r.events.attendance).toBeGreaterThan(r.events.held * 5);
    expect(r.support).toMatchObject({ cases: 8, members: 8, granted: 4 });
    expect(r.communication.newsletters).toBe(12);
    const members = (code: string) => r.programmes.find((p: { code: string }) => p.code === code).members;
    expect([members("csr_diagnostic"), members("carbon_assessment"), members("group_purchasing")]).toEqual([20, 2, 23]);
    expect(r.members.atEnd).toBeGreaterThan(50);
    expect(r.funding.privateShare).toBeGreaterThan(0);
    expect(r.funding.privateShare).toBeLessThan(1);
    expect(r.targets).toHaveLength(7);
    for (const target of r.targets) expect(target, target.title).toMatchObject({ met: true, pending: false });
    const calls = await (await t.request("GET", "/api/clusters/demo/funding-calls?state=open", { cookie })).json();
    expect(calls.calls).toHaveLength(2);
  });
});
