import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../platform/permissions/permissions.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { withTenant } from "../tenant.js";
import { DEMO_PASSWORD, ensureDemo, refuseDemoCredentialsInProduction } from "./demo.js";

let t: TestApp;
let demoClusterId: string;
const clusterId = () => demoClusterId;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe(`the demo cluster on ${testDatabaseKind}`, () => {
  it("loads once, with members across the value chain and a staff login", async () => {
    const login = await ensureDemo(t.services);
    expect(login).toMatchObject({ slug: "demo", password: DEMO_PASSWORD });
    const { findClusterBySlug } = await import("../../platform/clusters/clusters.service.js");
    demoClusterId = (await findClusterBySlug(t.database.db, "demo"))!.id;
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

  it("lives a year: breakfasts attended, working groups, needs, contact log and engagement", async () => {
    const { sql } = await import("drizzle-orm");
    const db = t.database.db;
    const rows = async (query: ReturnType<typeof sql>) =>
      (
        (await withTenant(db, clusterId(), (tx) => tx.execute(query))) as unknown as {
          rows: Record<string, unknown>[];
        }
      ).rows;
    const cookie = await t.signIn("claire.staff@demo.grappe.test", DEMO_PASSWORD);

    // The monthly breakfast: one series on the first Thursday, 08:00–10:00 Paris time, a year of dates.
    const [series] = await rows(
      sql`select id, rrule, duration_minutes from events where kind = 'breakfast' and rrule is not null`,
    );
    expect(series).toMatchObject({ rrule: "FREQ=MONTHLY;BYDAY=1TH", duration_minutes: 120 });
    const dates = await rows(sql`
      select to_char(starts_at at time zone 'Europe/Paris', 'YYYY-MM-DD HH24:MI ID') as local, status,
        starts_at < now() as past, minutes is not null as has_minutes,
        (select count(*)::int from registrations r where r.occurrence_id = o.id and r.checked_in_at is not null) as present,
        (select count(*)::int from registrations r where r.occurrence_id = o.id and r.status = 'confirmed') as confirmed
      from event_occurrences o where event_id = ${series.id} order by starts_at`);
    for (const d of dates) {
      const [day, time, weekday] = String(d.local).split(" ");
      expect([Number(day.slice(8)) <= 7, time, weekday], String(d.local)).toEqual([true, "08:00", "4"]);
    }
    const held = dates.filter((d) => d.past && d.status === "scheduled");
    expect(held.length).toBeGreaterThanOrEqual(8);
    expect(held.filter((d) => (d.present as number) >= 8).length).toBeGreaterThanOrEqual(held.length - 1);
    // Once, nobody checked in: the confirmed registrations stand for attendance there.
    expect(held.filter((d) => d.present === 0 && (d.confirmed as number) > 0)).toHaveLength(1);
    expect(dates.filter((d) => d.has_minutes)).toHaveLength(1);
    expect(dates.some((d) => !d.past && (d.confirmed as number) >= 10)).toBe(true);

    const kinds = Object.fromEntries(
      // The rolling year only: demo-funding.ts adds last year's earlier events for the funder report.
      (
        await rows(
          sql`select kind, count(*)::int as n from events
            where starts_at >= (select min(starts_at) from events where rrule is not null) group by kind`,
        )
      ).map((r) => [r.kind, r.n]),
    );
    expect(kinds).toMatchObject({ breakfast: 1, thematic_lunch: 3, company_visit: 2, business_corner: 2 });
    // An upcoming business-meeting day with its request phase under way, the two member logins taking part.
    const [meetingDay] = await rows(sql`
      select d.phase, (select count(*)::int from meeting_participants p where p.day_id = d.id) as participants,
        (select count(*)::int from meeting_requests r where r.day_id = d.id and r.status = 'accepted') as accepted,
        (select count(*)::int from meeting_requests r where r.day_id = d.id and r.status = 'pending') as pending
      from meeting_days d`);
    expect(meetingDay).toMatchObject({ phase: "requests_open", participants: 20 });
    expect(meetingDay.accepted as number).toBeGreaterThanOrEqual(20);
    expect(meetingDay.pending as number).toBeGreaterThan(0);
    const [feedback] = await rows(sql`select count(*)::int as n from registrations where feedback_rating is not null`);
    expect(feedback.n).toBeGreaterThanOrEqual(10);

    // Two working groups with action plans; a need shared by exactly the threshold, proposed as a group.
    const ctx = { db, clusterId: clusterId(), actor: systemActor() };
    const { listGroups } = await import("../../modules/groups/groups.service.js");
    const groups = (await listGroups(ctx, {})) as unknown as { name: string }[];
    expect(groups.map((g) => g.name).sort()).toEqual(["Achats groupés d'énergie", "Recrutement et marque employeur"]);
    const plans = await rows(sql`
      select g.name, count(distinct a.id)::int as actions, count(distinct m.id)::int as companies
      from working_groups g join group_actions a on a.group_id = g.id
      join working_group_members m on m.group_id = g.id and m.status = 'active' group by g.name`);
    for (const plan of plans) {
      expect(plan.actions as number, String(plan.name)).toBeGreaterThanOrEqual(4);
      expect(plan.companies as number, String(plan.name)).toBeGreaterThanOrEqual(6);
    }
    const { needProposals } = await import("../../modules/needs/needs.service.js");
    const proposals = await needProposals(ctx, 3);
    expect(proposals.map((p) => [p.need.title, p.companies.length])).toEqual([
      ["Mutualiser le contrôle non destructif par ressuage", 3],
    ]);

    // The staff's log: overdue follow-ups, silent members nobody called, scores with every component.
    const toCall = await (await t.request("GET", "/api/clusters/demo/to-call", { cookie })).json();
    expect(toCall.overdue.length).toBeGreaterThanOrEqual(3);
    expect(toCall.dueSoon.length).toBeGreaterThanOrEqual(2);
    expect(toCall.churnRisk.length).toBeGreaterThanOrEqual(5);
    expect(toCall.churnRisk.map((m: { member: { name: string } }) => m.member.name)).not.toContain("Roanne Structures");
    const engagement = await (await t.request("GET", "/api/clusters/demo/engagement", { cookie })).json();
    type Row = { score: number; churnRisk: boolean; components: Record<string, { count: number }> };
    const members: Row[] = engagement.members;
    expect(members.length).toBeGreaterThanOrEqual(60);
    expect(members[0].score).toBeGreaterThanOrEqual(70);
    for (const key of ["events", "groups", "needs", "meetings"])
      expect(
        members.some((m) => m.components[key].count > 0),
        key,
      ).toBe(true);
    const atRisk = members.filter((m) => m.churnRisk).length;
    expect(atRisk).toBeGreaterThanOrEqual(9);
    expect(atRisk).toBeLessThan(members.length / 3);
    const years = await (await t.request("GET", "/api/clusters/demo/engagement/years", { cookie })).json();
    expect(years.years).toHaveLength(15);
    expect(years.years.some((y: { leaves: number }) => y.leaves > 0)).toBe(true);
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
