import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { DEMO_PASSWORD, ensureDemo } from "./demo.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await ensureDemo(t.services);
});
afterAll(async () => t?.close());

describe(`the demo's joint bids on ${testDatabaseKind}`, () => {
  it("has a lived-in board: the showcase online, needs at every stage, teams accepted, business between members", async () => {
    const cookie = await t.signIn("claire.staff@demo.grappe.test", DEMO_PASSWORD);
    const board = await (await t.request("GET", "/api/clusters/demo/opportunities", { cookie })).json();
    const stages = new Set(board.opportunities.map((o: { stage: string }) => o.stage));
    expect([...stages].sort()).toEqual(["bid_sent", "lead", "lost", "qualified", "team_formed", "won"]);
    const formed = board.opportunities.filter((o: { leader: unknown }) => o.leader !== null);
    expect(formed.length).toBe(3);
    expect(board.opportunities.filter((o: { source: string }) => o.source === "referral")).toHaveLength(2);
    expect(board.opportunities.filter((o: { source: string }) => o.source === "showcase")).toHaveLength(2);
    // The five declarations go back 400 days: this year's and last year's figures hold them all.
    const year = new Date().getFullYear();
    const figures = async (y: number) =>
      (await (await t.request("GET", `/api/clusters/demo/opportunities/figures?year=${y}`, { cookie })).json()) as {
        businessBetweenMembers: { count: number; amountCents: number };
        opportunities: { won: number };
      };
    const [now, before] = [await figures(year), await figures(year - 1)];
    expect(now.businessBetweenMembers.count + before.businessBetweenMembers.count).toBe(5);
    expect(now.businessBetweenMembers.amountCents + before.businessBetweenMembers.amountCents).toBe(6_160_000);
    expect(now.opportunities.won + before.opportunities.won).toBe(1);
    const showcase = await (await t.request("GET", "/api/clusters/demo/showcase")).json();
    expect(showcase.total).toBeGreaterThan(30);
  });
});
