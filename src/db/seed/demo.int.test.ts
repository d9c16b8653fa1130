import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { DEMO_PASSWORD, ensureDemo, refuseDemoCredentialsInProduction } from "./demo.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe(`the demo cluster on ${testDatabaseKind}`, () => {
  it("loads once, with members across the value chain and a staff login", async () => {
    const login = await ensureDemo(t.services);
    expect(login).toMatchObject({ slug: "demo", password: DEMO_PASSWORD });
    expect(await ensureDemo(t.services)).toBeNull();
    const cookie = await t.signIn(login!.email, login!.password);
    const directory = await (await t.request("GET", "/api/clusters/demo/members?pageSize=1", { cookie })).json();
    expect(directory.total).toBeGreaterThanOrEqual(75);
    expect(directory.facets.trade.length).toBeGreaterThanOrEqual(12);
    expect(directory.facets.status.map((s: { value: string }) => s.value).sort()).toEqual([
      "former",
      "member",
      "prospect",
    ]);
    expect(directory.facets.department.map((d: { value: string }) => d.value)).toEqual(
      expect.arrayContaining(["42", "43"]),
    );
  });

  it("makes production refuse to start while a demo account keeps the demo password", async () => {
    await expect(refuseDemoCredentialsInProduction(t.services)).rejects.toThrow(/demo password/);
    const ctx = await t.auth.$context;
    const { users, accounts } = await import("../../db/schema.js");
    const { eq } = await import("drizzle-orm");
    const hash = await ctx.password.hash("a-real-password-42");
    const demoUsers = await t.database.db.select({ id: users.id }).from(users);
    for (const user of demoUsers)
      await t.database.db.update(accounts).set({ password: hash }).where(eq(accounts.userId, user.id));
    await expect(refuseDemoCredentialsInProduction(t.services)).resolves.toBeUndefined();
  });
});
