import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { registrations } from "./events.schema.js";

/**
 * No overbooking under real concurrency: hundreds of requests at once through
 * the app, on PostgreSQL (a pool of 20 connections, so transactions really
 * overlap). PGlite has one connection and runs transactions one at a time,
 * so this file only runs when DATABASE_URL is set.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function createOccurrence(extra: Record<string, unknown>) {
  const res = await t.request("POST", `${base()}/events`, {
    cookie: cluster.staff,
    json: {
      kind: "breakfast",
      title: "Petit-déjeuner très demandé",
      startsAt: inDays(7),
      durationMinutes: 90,
      communeInsee: "42218",
      audience: "members",
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return (await res.json()).occurrences[0].id as string;
}

const registerGuest = (occurrenceId: string, email: string) =>
  t.request("POST", `${base()}/occurrences/${occurrenceId}/registrations`, {
    cookie: cluster.staff,
    json: { guest: { name: email, email, company: "Invité SA" } },
  });

async function rowsOf(occurrenceId: string) {
  return t.database.db
    .select()
    .from(registrations)
    .where(eq(registrations.occurrenceId, occurrenceId))
    .orderBy(registrations.seq);
}

/** The invariants after any mix of registrations and cancellations (no per-company limit). */
async function checkInvariants(occurrenceId: string, capacity: number) {
  const rows = await rowsOf(occurrenceId);
  const confirmed = rows.filter((r) => r.status === "confirmed");
  const waiting = rows.filter((r) => r.status === "waiting");
  expect(confirmed.length).toBeLessThanOrEqual(capacity);
  if (waiting.length) expect(confirmed.length).toBe(capacity); // a free seat never stays free with people waiting
  // Arrival order: everyone still waiting arrived after everyone holding a seat.
  if (waiting.length && confirmed.length)
    expect(Math.max(...confirmed.map((r) => r.seq))).toBeLessThan(Math.min(...waiting.map((r) => r.seq)));
  const active = rows.filter((r) => r.status !== "cancelled").map((r) => r.email);
  expect(new Set(active).size).toBe(active.length);
  // The list staff see ranks the waiting list 1, 2, 3… in arrival order.
  const list = await (
    await t.request("GET", `${base()}/occurrences/${occurrenceId}/registrations`, { cookie: cluster.staff })
  ).json();
  const ranked = list.registrations.filter((r: { status: string }) => r.status === "waiting");
  expect(ranked.map((r: { position: number }) => r.position)).toEqual(ranked.map((_: unknown, i: number) => i + 1));
  expect(ranked.map((r: { id: string }) => r.id)).toEqual(waiting.map((r) => r.id));
  return { rows, confirmed, waiting };
}

describe.skipIf(!onPostgres)("registrations under concurrency (PostgreSQL)", () => {
  beforeAll(async () => {
    t = await createTestApp();
    cluster = await t.cluster();
  });
  afterAll(async () => t?.close());

  let occurrenceId: string;

  it("gives 300 simultaneous registrations for 50 seats exactly 50 seats and 250 places in arrival order, and 409 to duplicates", async () => {
    occurrenceId = await createOccurrence({ capacity: 50 });
    const emails = Array.from({ length: 300 }, (_, i) => `guest${String(i).padStart(3, "0")}@rush.example`);
    // Each of the first 40 people also clicks twice.
    const attempts = [...emails, ...emails.slice(0, 40)];
    const responses = await Promise.all(attempts.map((email) => registerGuest(occurrenceId, email)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(300);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    const bodies = await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.json()));
    expect(bodies.filter((b) => b.status === "confirmed")).toHaveLength(50);
    expect(
      bodies
        .filter((b) => b.status === "waiting")
        .map((b) => b.position)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    const { rows, confirmed, waiting } = await checkInvariants(occurrenceId, 50);
    expect(rows).toHaveLength(300);
    expect(confirmed).toHaveLength(50);
    expect(waiting).toHaveLength(250);
  });

  it("keeps the invariant when cancellations and new registrations race", async () => {
    const before = await rowsOf(occurrenceId);
    const toCancel = before.filter((r) => r.status === "confirmed").slice(0, 30);
    const waitingCancel = before.filter((r) => r.status === "waiting").slice(100, 110);
    const newcomers = Array.from({ length: 40 }, (_, i) => `late${i}@rush.example`);
    const work = [
      ...toCancel.map((r) => t.request("DELETE", `${base()}/registrations/${r.id}`, { cookie: cluster.staff })),
      ...waitingCancel.map((r) => t.request("DELETE", `${base()}/registrations/${r.id}`, { cookie: cluster.staff })),
      // The same seat cancelled twice at once: one cancellation, one no-op.
      ...toCancel
        .slice(0, 5)
        .map((r) => t.request("DELETE", `${base()}/registrations/${r.id}`, { cookie: cluster.staff })),
      ...newcomers.map((email) => registerGuest(occurrenceId, email)),
    ].sort(() => Math.random() - 0.5);
    const responses = await Promise.all(work);
    expect(responses.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const { rows, confirmed, waiting } = await checkInvariants(occurrenceId, 50);
    expect(confirmed).toHaveLength(50);
    expect(waiting).toHaveLength(250 - 30 - 10 + 40);
    expect(rows.filter((r) => r.status === "cancelled")).toHaveLength(40);
    // The 30 freed seats went to the 30 first people waiting before, none to a newcomer.
    const promoted = confirmed.filter((r) => r.promotedAt);
    expect(promoted).toHaveLength(30);
    expect(promoted.every((r) => r.email.startsWith("guest"))).toBe(true);
  });

  it("keeps capacity and seats per company when 100 people of 5 companies register at once", async () => {
    const occurrence = await createOccurrence({ capacity: 10, seatsPerCompany: 3 });
    const people: { memberId: string; personId: string }[] = [];
    for (let c = 0; c < 5; c++) {
      const member = await (
        await t.request("POST", `${base()}/members`, { cookie: cluster.staff, json: { legalName: `Entreprise ${c}` } })
      ).json();
      for (let p = 0; p < 20; p++) {
        const person = await (
          await t.request("POST", `${base()}/members/${member.id}/people`, {
            cookie: cluster.staff,
            json: { lastName: `Personne ${c}-${p}`, email: `p${c}-${p}@entreprise${c}.example` },
          })
        ).json();
        people.push({ memberId: member.id, personId: person.id });
      }
    }
    const responses = await Promise.all(
      people.map((p) =>
        t.request("POST", `${base()}/occurrences/${occurrence}/registrations`, {
          cookie: cluster.staff,
          json: { personId: p.personId },
        }),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const perCompany = await t.database.db
      .select({ memberId: registrations.memberId, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.occurrenceId, occurrence), eq(registrations.status, "confirmed")))
      .groupBy(registrations.memberId);
    expect(perCompany.reduce((sum, r) => sum + r.n, 0)).toBe(10);
    expect(Math.max(...perCompany.map((r) => r.n))).toBeLessThanOrEqual(3);
    expect((await rowsOf(occurrence)).filter((r) => r.status === "waiting")).toHaveLength(90);
  });
});
