import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterRoles } from "../../platform/clusters/clusters.schema.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { insertEvent, insertRegistration, paris, updateOccurrence, userByEmail } from "./fixtures.testing.js";
import { expandCalendar, expectWellFormed, parseCalendar } from "./ics.testing.js";

let t: TestApp;
let a: Awaited<ReturnType<TestApp["cluster"]>>;
let b: Awaited<ReturnType<TestApp["cluster"]>>;
const Y = new Date().getUTCFullYear() + 1;
const far = new Date(Date.UTC(Y + 5, 0, 1));

let breakfast: Awaited<ReturnType<typeof insertEvent>>;
let webinar: Awaited<ReturnType<typeof insertEvent>>;
let privateFeedPath: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await t.cluster();
  b = await t.cluster();
  const db = t.database.db;
  // First Thursday of the month, 08:00 in Paris, September to April: both changes of time inside.
  breakfast = await insertEvent(db, a.id, {
    title: "Petit-déjeuner des dirigeants, édition « Industrie ; Loire »",
    rrule: "FREQ=MONTHLY;BYDAY=1TH",
    startsAt: paris(Y, 9, 1),
    until: paris(Y + 1, 4, 30),
    agenda: "Tour de table\nIntervention : la maintenance prédictive",
    audience: "public",
  });
  webinar = await insertEvent(db, a.id, {
    title: "Webinaire partenaires",
    startsAt: paris(Y, 10, 14, 14, 0),
    durationMinutes: 60,
    audience: "partners",
    addressLine: null,
    postcode: null,
    town: null,
    onlineUrl: "https://visio.example.org/grappe",
  });
  await insertEvent(db, a.id, {
    title: "Atelier Alpha réservé aux membres",
    startsAt: paris(Y, 10, 20),
    audience: "members",
  });
  await insertEvent(db, a.id, { title: "Brouillon Alpha", startsAt: paris(Y, 10, 21), status: "draft" });
  await insertEvent(db, b.id, { title: "Événement Bêta de B", startsAt: paris(Y, 10, 22) });

  const [, , , dec, jan] = breakfast.occurrences;
  await updateOccurrence(db, a.id, dec.id, { status: "cancelled", cancelReason: "Salle indisponible" });
  await updateOccurrence(db, a.id, jan.id, { startsAt: paris(Y + 1, 1, 8, 9, 30), endsAt: paris(Y + 1, 1, 8, 11, 0) });
});
afterAll(async () => t?.close());

const occurrencesOf = async (eventId: string) => {
  const { withTenant } = await import("../../db/tenant.js");
  const { eventOccurrences } = await import("./events.schema.js");
  return withTenant(t.database.db, a.id, (tx) =>
    tx.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, eventId)),
  );
};

describe(`public calendar on ${testDatabaseKind}`, () => {
  let text: string;

  it("is served to anyone as text/calendar, well formed", async () => {
    const res = await t.request("GET", `/api/clusters/${a.slug}/events.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    text = await res.text();
    expectWellFormed(text);
    const root = parseCalendar(text);
    expect(root.getFirstPropertyValue("x-wr-calname")).toBe(`Cluster ${a.slug} — événements`);
    expect(root.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Paris");
    expect(root.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
    // Signed-in people of another cluster read it too: it is public.
    expect((await t.request("GET", `/api/clusters/${a.slug}/events.ics`, { cookie: b.member })).status).toBe(200);
  });

  it("holds public and partner events only, of this cluster only", () => {
    expect(text).toContain("Webinaire partenaires");
    expect(text).not.toContain("Alpha");
    expect(text).not.toContain("Bêta");
  });

  it("shows, expanded by ical.js, exactly the occurrences the database holds (moved, cancelled, change of time)", async () => {
    const shown = expandCalendar(text, far);
    const rows = [...(await occurrencesOf(breakfast.event.id)), ...(await occurrencesOf(webinar.event.id))]
      .filter((o) => o.status === "scheduled")
      .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
    expect(shown.map((o) => [o.start.toISOString(), o.end.toISOString()])).toEqual(
      rows.map((o) => [o.startsAt.toISOString(), o.endsAt.toISOString()]),
    );
    // 08:00 in Paris on both sides of the changes of time.
    const series = shown.filter((o) => o.uid === `event-${breakfast.event.id}@localhost`);
    const oct = series.find((o) => o.start.getUTCMonth() === 9)!;
    const nov = series.find((o) => o.start.getUTCMonth() === 10)!;
    const apr = series.find((o) => o.start.getUTCMonth() === 3 && o.start.getUTCFullYear() === Y + 1)!;
    expect(oct.start.getUTCHours()).toBe(6);
    expect(nov.start.getUTCHours()).toBe(7);
    expect(apr.start.getUTCHours()).toBe(6);
    // The cancelled December date is excluded, the January one moved to Friday 09:30.
    const [, , , dec, jan] = breakfast.occurrences;
    expect(text).toMatch(new RegExp(`EXDATE;TZID=Europe/Paris:${Y}12\\d{2}T080000`));
    expect(series.find((o) => o.recurrenceId?.getTime() === dec.originalStart.getTime())).toBeUndefined();
    const moved = series.find((o) => o.recurrenceId?.getTime() === jan.originalStart.getTime())!;
    expect(moved.start.toISOString()).toBe(paris(Y + 1, 1, 8, 9, 30).toISOString());
    expect(moved.end.toISOString()).toBe(paris(Y + 1, 1, 8, 11, 0).toISOString());
    expect(moved.url).toBe(`http://localhost:3000/c/${a.slug}/occurrences/${jan.id}`);
    expect(text.match(/RECURRENCE-ID/g)).toHaveLength(1);
  });

  it("describes each event: title, place, agenda, link", () => {
    const shown = expandCalendar(text, far);
    const first = shown.find((o) => o.uid === `event-${breakfast.event.id}@localhost`)!;
    expect(first.summary).toBe("Petit-déjeuner des dirigeants, édition « Industrie ; Loire »");
    expect(first.location).toBe("12 rue de l'Industrie, 42000 Saint-Étienne");
    expect(first.description).toContain("Programme :\nTour de table\nIntervention : la maintenance prédictive");
    // The series links to its next date's page (all are ahead here: the first one).
    expect(first.url).toBe(`http://localhost:3000/c/${a.slug}/occurrences/${breakfast.occurrences[0].id}`);
    const online = shown.find((o) => o.summary === "Webinaire partenaires")!;
    expect(online.location).toBe("https://visio.example.org/grappe");
    expect(online.uid).toBe(`event-${webinar.event.id}@localhost`);
  });

  it("answers 304 to a client holding the same version, and 404 for an unknown cluster", async () => {
    const first = await t.request("GET", `/api/clusters/${a.slug}/events.ics`);
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const again = await t.request("GET", `/api/clusters/${a.slug}/events.ics`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect((await t.request("GET", "/api/clusters/nowhere-xyz/events.ics")).status).toBe(404);
  });
});

describe(`private calendar on ${testDatabaseKind}`, () => {
  let memberId: string;

  beforeAll(async () => {
    const member = await userByEmail(t.database.db, `member@${a.slug}.test`);
    memberId = member.id;
    const [sep, oct, nov, dec, jan] = breakfast.occurrences;
    const db = t.database.db;
    await insertRegistration(db, a.id, sep, { name: member.name, email: member.email, userId: member.id });
    await insertRegistration(db, a.id, oct, {
      name: member.name,
      email: member.email,
      userId: member.id,
      status: "waiting",
    });
    await insertRegistration(db, a.id, nov, {
      name: member.name,
      email: member.email,
      userId: member.id,
      status: "cancelled",
    });
    await insertRegistration(db, a.id, dec, { name: member.name, email: member.email, userId: member.id });
    // Registered by staff from the directory: no account id, the same email.
    await insertRegistration(db, a.id, jan, { name: member.name, email: member.email.toUpperCase() });
    await insertRegistration(db, a.id, webinar.occurrences[0], { name: "Autre", email: "autre@example.org" });
  });

  it("gives each person one secret address, to people who read events", async () => {
    const res = await t.request("GET", `/api/clusters/${a.slug}/me/calendar`, { cookie: a.member });
    expect(res.status).toBe(200);
    const { url } = await res.json();
    expect(url).toMatch(new RegExp(`^http://localhost:3000/api/clusters/${a.slug}/calendar/[A-Za-z0-9_-]{32}\\.ics$`));
    const again = await (await t.request("GET", `/api/clusters/${a.slug}/me/calendar`, { cookie: a.member })).json();
    expect(again.url).toBe(url);
    const staff = await (await t.request("GET", `/api/clusters/${a.slug}/me/calendar`, { cookie: a.staff })).json();
    expect(staff.url).not.toBe(url);
    privateFeedPath = new URL(url).pathname;
    expect((await t.request("GET", `/api/clusters/${a.slug}/me/calendar`)).status).toBe(401);
    expect((await t.request("GET", `/api/clusters/${a.slug}/me/calendar`, { cookie: a.funder })).status).toBe(403);
    expect((await t.request("GET", `/api/clusters/${a.slug}/me/calendar`, { cookie: b.member })).status).toBe(404);
  });

  it("serves the person's seats and waiting places, without a session", async () => {
    const res = await t.request("GET", privateFeedPath);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("private");
    const text = await res.text();
    expectWellFormed(text);
    expect(parseCalendar(text).getFirstPropertyValue("x-wr-calname")).toBe(`Cluster ${a.slug} — mes inscriptions`);
    const shown = expandCalendar(text, far);
    const [sep, oct, , dec, jan] = breakfast.occurrences;
    expect(shown.map((o) => o.uid)).toEqual([sep, oct, dec, jan].map((o) => `occurrence-${o.id}@localhost`));
    expect(shown.map((o) => o.status)).toEqual(["CONFIRMED", "TENTATIVE", "CANCELLED", "CONFIRMED"]);
    expect(shown[1].summary).toMatch(/\(liste d'attente\)$/);
    expect(shown[3].start.toISOString()).toBe(paris(Y + 1, 1, 8, 9, 30).toISOString());
    expect(shown[0].url).toBe(`http://localhost:3000/c/${a.slug}/occurrences/${sep.id}`);
    expect(text.slice(text.indexOf("BEGIN:VEVENT"))).not.toContain("RRULE");
    expect(text).not.toContain("Webinaire");
  });

  it("answers 404 to a wrong token, to the token under another cluster, and once the role is gone", async () => {
    expect((await t.request("GET", `/api/clusters/${a.slug}/calendar/${"x".repeat(32)}.ics`)).status).toBe(404);
    expect((await t.request("GET", `/api/clusters/${a.slug}/calendar/nothing`)).status).toBe(404);
    expect((await t.request("GET", privateFeedPath.replace(a.slug, b.slug))).status).toBe(404);
    await t.database.db
      .delete(clusterRoles)
      .where(and(eq(clusterRoles.clusterId, a.id), eq(clusterRoles.userId, memberId)));
    expect((await t.request("GET", privateFeedPath)).status).toBe(404);
  });
});
