import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant.js";
import { insertEvent, insertRegistration, paris, userByEmail } from "../modules/events/fixtures.testing.js";
import { enqueueMail } from "../platform/mail/mail.service.js";
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
  const contact = await (
    await t.request("POST", `/api/clusters/${a.slug}/members/${member.id}/contacts`, {
      cookie: a.staff,
      json: {
        kind: "visit",
        happenedAt: "2026-01-15",
        summary: "Visite Alpha",
        followUp: { title: "Relance Alpha", dueOn: "2026-02-01" },
      },
    })
  ).json();
  ids.contactId = contact.id;
  ids.followUpId = contact.followUps[0].id;
  const group = await (
    await t.request("POST", `/api/clusters/${a.slug}/groups`, {
      cookie: a.staff,
      json: { name: "Groupe Alpha", theme: "Thème Alpha", workstream: "innovation", memberIds: [member.id] },
    })
  ).json();
  ids.groupId = group.id;
  ids.memberId ??= member.id;
  const action = await t.request("POST", `/api/clusters/${a.slug}/groups/${group.id}/actions`, {
    cookie: a.staff,
    json: { title: "Action Alpha" },
  });
  ids.actionId = (await action.json()).id;
  const deliverable = await t.request("POST", `/api/clusters/${a.slug}/groups/${group.id}/documents`, {
    cookie: a.staff,
    body: multipart({ file: { name: "alpha.txt", data: new TextEncoder().encode("Livrable Alpha") } }),
  });
  ids.documentId = (await deliverable.json()).id;
  const need = await t.request("POST", `/api/clusters/${a.slug}/needs`, {
    cookie: a.staff,
    json: { title: "Besoin Alpha", memberId: member.id },
  });
  ids.needId = (await need.json()).id;
  // Calendars and outbox: a members-only event A's member is registered to, A's private feed, an email.
  const alphaEvent = await insertEvent(t.database.db, a.id, {
    title: "Atelier Alpha",
    startsAt: paris(new Date().getUTCFullYear() + 1, 3, 4),
    audience: "members",
  });
  const aMember = await userByEmail(t.database.db, `member@${a.slug}.test`);
  const alphaSeat = await insertRegistration(t.database.db, a.id, alphaEvent.occurrences[0], {
    name: aMember.name,
    email: aMember.email,
    userId: aMember.id,
  });
  // Events: the same event, occurrence and seat, and a document on the occurrence.
  ids.eventId = alphaEvent.event.id;
  ids.occurrenceId = alphaEvent.occurrences[0].id;
  ids.registrationId = alphaSeat.id;
  const minutes = await t.request("POST", `/api/clusters/${a.slug}/occurrences/${ids.occurrenceId}/documents`, {
    cookie: a.staff,
    body: multipart({
      file: { name: "alpha.pdf", data: new TextEncoder().encode("Compte rendu Alpha") },
      kind: "minutes",
    }),
  });
  ids.docId = (await minutes.json()).id;
  const feed = await (await t.request("GET", `/api/clusters/${a.slug}/me/calendar`, { cookie: a.member })).json();
  ids.file = feed.url.split("/").pop();
  ids.messageId = (await withTenant(t.database.db, a.id, (tx) =>
    enqueueMail(tx, a.id, { kind: "test", to: { address: "alpha@a.example" }, subject: "Alpha", text: "Alpha" }),
  ))!;
  publicRoutes = await publicRoutesOf();
});
afterAll(async () => t?.close());

/** Routes anyone may call (permission "public"), from the OpenAPI document: "GET /api/clusters/:slug/events.ics". */
let publicRoutes = new Set<string>();
async function publicRoutesOf() {
  const doc = await (await t.request("GET", "/api/openapi.json")).json();
  const found = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { "x-permission"?: string }>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation["x-permission"] === "public") {
        found.add(`${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ":$1")}`);
      }
    }
  }
  return found;
}

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
    summary: "Intrus",
    happenedAt: "2026-01-01",
    title: "Intrus",
    dueOn: "2026-01-01",
    theme: "Intrus",
    workstream: "other",
    comment: "Intrus",
  },
  PATCH: { version: 1, legalName: "Intrus", lastName: "Intrus", summary: "Intrus", done: true },
  PUT: { amountCents: 1, paidOn: null, locale: "fr", churnMonths: 3, needThreshold: 2, ids: [] },
};

describe(`tenancy on ${testDatabaseKind}`, () => {
  it("covers the cluster routes", () => {
    expect(clusterRoutes().length).toBeGreaterThan(15);
  });

  it("answers 404 to another cluster's users on every route, whatever their role", async () => {
    for (const route of clusterRoutes()) {
      // A public route answers anyone, but only what is public: never A's records (its secrets are not known here).
      const open = publicRoutes.has(`${route.method} ${route.path}`);
      const path = route.path
        .replace(":slug", a.slug)
        .replace(/:(\w+)/g, (_, name) => (open ? undefined : ids[name]) ?? "x");
      for (const cookie of [b.staff, b.member, b.funder]) {
        const res = await t.request(route.method, path, { cookie, json: bodies[route.method] });
        if (open) expect(res.status, `${route.method} ${path}`).toBeLessThan(500);
        else expect(res.status, `${route.method} ${path}`).toBe(404);
        expect(await res.text()).not.toContain("Alpha");
      }
    }
  });

  it("never reaches another cluster's records through one's own cluster", async () => {
    for (const route of clusterRoutes().filter((r) =>
      /:(id|personId|runId|contactId|followUpId|groupId|needId|messageId|file|eventId|occurrenceId|registrationId|docId)/.test(
        r.path,
      ),
    )) {
      const path = route.path.replace(":slug", b.slug).replace(/:(\w+)/g, (_, name) => ids[name] ?? "x");
      // Uploads take a file, not JSON.
      const upload = route.method === "POST" && route.path.endsWith("/documents");
      const res = await t.request(route.method, path, {
        cookie: b.staff,
        ...(upload
          ? { body: multipart({ file: { name: "intrus.txt", data: new TextEncoder().encode("Intrus") } }) }
          : { json: bodies[route.method] }),
      });
      expect([403, 404, 422], `${route.method} ${path} → ${res.status}`).toContain(res.status);
      expect(await res.text()).not.toContain("Alpha");
    }
    const listing = await (
      await t.request("GET", `/api/clusters/${b.slug}/members?q=alpha`, { cookie: b.staff })
    ).json();
    expect(listing.total).toBe(0);
    // A guest's secret link of cluster A opens nothing through cluster B's address.
    const { registrations } = await import("../modules/events/events.schema.js");
    const [seat] = await t.database.db.select().from(registrations).where(eq(registrations.id, ids.registrationId));
    for (const method of ["GET", "DELETE"]) {
      const res = await t.request(method, `/api/clusters/${b.slug}/registrations/by-token/${seat.token}`);
      expect(res.status, `${method} by-token`).toBe(404);
    }
    const events = await (await t.request("GET", `/api/clusters/${b.slug}/events?q=alpha`, { cookie: b.staff })).json();
    expect(events.occurrences).toEqual([]);
  });

  it("left A's data intact", async () => {
    const member = await (
      await t.request("GET", `/api/clusters/${a.slug}/members/${ids.id}`, { cookie: a.staff })
    ).json();
    expect(member.legalName).toBe(secret);
    expect(member.people.map((p: { lastName: string }) => p.lastName)).toEqual(["Alpha"]);
    expect(member.membership.dues).toEqual([{ year: 2026, amountCents: 1000, paidOn: null }]);
    const log = await (
      await t.request("GET", `/api/clusters/${a.slug}/members/${ids.id}/contacts`, { cookie: a.staff })
    ).json();
    expect(log.contacts.map((c: { summary: string }) => c.summary)).toEqual(["Visite Alpha"]);
    expect(log.followUps.map((f: { title: string; doneAt: null }) => [f.title, f.doneAt])).toEqual([
      ["Relance Alpha", null],
    ]);
    const group = await (
      await t.request("GET", `/api/clusters/${a.slug}/groups/${ids.groupId}`, { cookie: a.staff })
    ).json();
    expect([group.name, group.actions.length, group.documents.length, group.members.length]).toEqual([
      "Groupe Alpha",
      1,
      1,
      1,
    ]);
    const need = await (
      await t.request("GET", `/api/clusters/${a.slug}/needs/${ids.needId}`, { cookie: a.staff })
    ).json();
    expect([need.title, need.status, need.supportCount]).toEqual(["Besoin Alpha", "open", 0]);
    const occurrence = await (
      await t.request("GET", `/api/clusters/${a.slug}/occurrences/${ids.occurrenceId}`, { cookie: a.staff })
    ).json();
    expect([occurrence.title, occurrence.status, occurrence.confirmed, occurrence.documents.length]).toEqual([
      "Atelier Alpha",
      "scheduled",
      1,
      1,
    ]);
  });

  it("lets row-level security refuse what the application would let through", async () => {
    const { withTenant } = await import("../db/tenant.js");
    const { members } = await import("../modules/members/members.schema.js");
    const rows = await withTenant(t.database.db, b.id, (tx) => tx.select().from(members));
    expect(rows.map((r) => r.legalName)).not.toContain(secret);
    const { contacts } = await import("../modules/contacts/contacts.schema.js");
    expect(await withTenant(t.database.db, b.id, (tx) => tx.select().from(contacts))).toEqual([]);
    const { workingGroups } = await import("../modules/groups/groups.schema.js");
    const { needs } = await import("../modules/needs/needs.schema.js");
    expect(await withTenant(t.database.db, b.id, (tx) => tx.select().from(workingGroups))).toEqual([]);
    expect(await withTenant(t.database.db, b.id, (tx) => tx.select().from(needs))).toEqual([]);
    const { outbox } = await import("../platform/mail/mail.schema.js");
    const { calendarFeeds, events } = await import("../modules/events/events.schema.js");
    for (const table of [outbox, calendarFeeds, events]) {
      const seen = await withTenant(t.database.db, b.id, (tx) => tx.select({ clusterId: table.clusterId }).from(table));
      expect(seen.filter((row) => row.clusterId === a.id)).toEqual([]);
    }
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
