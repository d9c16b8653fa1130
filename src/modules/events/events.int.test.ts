import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../platform/mail/mail.schema.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { multipart } from "../../testing/files.js";
import { parisDateKey, parisTimeText } from "./recurrence.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked field by field by the assertions
type Json = any;

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;
const Y = new Date().getUTCFullYear() + 1;
const DAY = 86_400_000;
const inDays = (days: number, hour = 10) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

async function call(method: string, path: string, cookie?: string, json?: unknown) {
  const res = await t.request(method, `${base()}${path}`, { cookie, json });
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body };
}
const fieldsOf = (body: Json) => body.error.fields.map((f: { field: string }) => f.field).sort();

/** A member company with a person who has a login (role member, linked to the company). */
async function company(name: string, people: string[]) {
  const member = await call("POST", "/members", cluster.staff, { legalName: name });
  expect(member.status).toBe(201);
  const users: { email: string; cookie: string; personId: string }[] = [];
  for (const who of people) {
    const email = `${who}@${name.toLowerCase().replace(/\W+/g, "")}.example`;
    const person = await call("POST", `/members/${member.body.id}/people`, cluster.staff, {
      firstName: who,
      lastName: name,
      email,
    });
    const account = await call("POST", "/users", cluster.staff, {
      name: `${who} ${name}`,
      email,
      password: "password-123",
      role: "member",
      memberId: member.body.id,
    });
    expect(account.status).toBe(201);
    users.push({ email, cookie: await t.signIn(email, "password-123"), personId: person.body.id });
  }
  return { id: member.body.id as string, users };
}

const event = (extra: Record<string, unknown> = {}) => ({
  kind: "breakfast",
  title: "Petit-déjeuner",
  agenda: "Tour de table, témoignage, échanges",
  expectedResult: "Trois mises en relation",
  timing: [
    { at: "08:00", label: "Accueil" },
    { at: "08:15", label: "Tour de table" },
  ],
  startsAt: inDays(10),
  durationMinutes: 90,
  communeInsee: "42218",
  addressLine: "1 place Jean Jaurès",
  audience: "members",
  ...extra,
});

async function createEvent(extra: Record<string, unknown> = {}) {
  const res = await call("POST", "/events", cluster.staff, event(extra));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const firstOccurrence = (detail: Json) => detail.occurrences[0].id as string;

async function mailsFor(registrationId: string) {
  const rows = await t.database.db.select().from(outbox).where(eq(outbox.relatedId, registrationId));
  return rows.map((r) => r.kind).sort();
}

let acme: Awaited<ReturnType<typeof company>>;
let forez: Awaited<ReturnType<typeof company>>;

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  acme = await company("Acme Usinage", ["alice", "arthur", "anna"]);
  forez = await company("Forez Traitements", ["bruno", "berthe"]);
});
afterAll(async () => t?.close());

describe(`events on ${testDatabaseKind}`, () => {
  describe("series and occurrences", () => {
    it("creates the first-Thursday breakfast at 08:00 Paris, summer and winter, with its place and rule in words", async () => {
      const detail = await createEvent({
        title: "Petit-déjeuner du premier jeudi",
        startsAt: `${Y}-01-01T08:00:00+01:00`,
        rrule: "FREQ=MONTHLY;BYDAY=1TH",
        hostMemberId: acme.id,
      });
      // The first date is the rule's first at or after the given start (1 January is a Friday in 2027).
      expect(parisDateKey(new Date(detail.startsAt))).toBe(`${Y}-01-07`);
      expect(detail.town).toBe("Saint-Étienne");
      expect(detail.lat).toBeCloseTo(45.43, 1);
      expect(detail.hostMember).toEqual({ id: acme.id, name: "Acme Usinage" });
      expect(detail.recurrenceText).toBe("le 1er jeudi de chaque mois à 08:00");
      expect(detail.timing).toHaveLength(2);
      expect(detail.status).toBe("published");

      const list = await call("GET", `/events?from=${Y}-01-01&to=${Y + 1}-01-01`, cluster.staff);
      expect(list.status).toBe(200);
      const mine = list.body.occurrences.filter((o: Json) => o.eventId === detail.id);
      expect(mine).toHaveLength(12);
      expect(mine.map((o: Json) => parisTimeText(new Date(o.startsAt)))).toEqual(Array(12).fill("08:00"));
      const april = mine.find((o: Json) => o.startsAt.startsWith(`${Y}-04`));
      const march = mine.find((o: Json) => o.startsAt.startsWith(`${Y}-03`));
      expect(march.startsAt).toMatch(/T07:00:00/);
      expect(april.startsAt).toMatch(/T06:00:00/);
      expect(mine[0]).toMatchObject({ recurring: true, moved: false, status: "scheduled", town: "Saint-Étienne" });
    });

    it("extends a series lazily when the calendar asks beyond its horizon", async () => {
      const list = await call("GET", `/events?from=${Y + 1}-06-01&to=${Y + 2}-06-01`, cluster.staff);
      expect(list.status).toBe(200);
      const breakfasts = list.body.occurrences.filter((o: Json) => o.title === "Petit-déjeuner du premier jeudi");
      expect(breakfasts).toHaveLength(12);
      expect(new Set(breakfasts.map((o: Json) => parisTimeText(new Date(o.startsAt))))).toEqual(new Set(["08:00"]));
    });

    it("flags a date on a French public holiday", async () => {
      const detail = await createEvent({
        title: "Afterwork du 14 juillet",
        kind: "afterwork",
        startsAt: `${Y}-07-14T18:30`,
      });
      expect(detail.startsAt).toBe(`${Y}-07-14T16:30:00.000Z`); // no offset: Paris time
      expect(detail.occurrences[0].holiday).toBe("Fête Nationale");
      expect(detail.recurrenceText).toBeNull();
    });

    it("answers 422 naming each bad field, in French", async () => {
      const res = await call("POST", "/events", cluster.staff, {
        kind: "brunch",
        title: " ",
        startsAt: "demain",
        durationMinutes: 2,
        timing: [{ at: "8h", label: "Accueil" }],
        audience: "everyone",
        capacity: 0,
      });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(
        ["audience", "capacity", "durationMinutes", "kind", "startsAt", "timing.0.at", "title"].sort(),
      );
      const rule = await call("POST", "/events", cluster.staff, event({ rrule: "FREQ=MONTHLY;BYDAY=1XX" }));
      expect(rule.status).toBe(422);
      expect(rule.body.error.fields).toEqual([
        { field: "rrule", message: expect.stringMatching(/Règle de récurrence invalide.*BYDAY/) },
      ]);
      // A rule that never gives a date: refused within the time limit, the server answering others meanwhile.
      const [never] = await Promise.all([
        call("POST", "/events", cluster.staff, event({ rrule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30" })),
        call("GET", "/events", cluster.staff).then((r) => expect(r.status).toBe(200)),
      ]);
      expect(never.body.error.fields).toEqual([{ field: "rrule", message: expect.stringMatching(/aucune date/) }]);
      const ended = await call("POST", "/events", cluster.staff, event({ rrule: "FREQ=WEEKLY;UNTIL=20200101" }));
      expect(ended.body.error.fields).toEqual([{ field: "rrule", message: expect.stringMatching(/aucune date/) }]);
      const place = await call("POST", "/events", cluster.staff, event({ communeInsee: null }));
      expect(place.status).toBe(422);
      expect(place.body.error.fields[0]).toEqual({
        field: "communeInsee",
        message: expect.stringMatching(/Indiquez un lieu/),
      });
      const unknown = await call(
        "POST",
        "/events",
        cluster.staff,
        event({ communeInsee: "99999", hostMemberId: cluster.id }),
      );

      expect(fieldsOf(unknown.body)).toEqual(["communeInsee", "hostMemberId"]);
      const seats = await call("POST", "/events", cluster.staff, event({ capacity: 5, seatsPerCompany: 6 }));

      expect(fieldsOf(seats.body)).toEqual(["seatsPerCompany"]);
      const query = await call("GET", "/events?from=2027-13-01", cluster.staff);

      expect(fieldsOf(query.body)).toEqual(["from"]);
      const window = await call("GET", `/events?from=${Y}-01-01&to=${Y + 3}-01-01`, cluster.staff);
      expect(fieldsOf(window.body)).toEqual(["to"]);
    });

    it("accepts an online event (webinar) without a commune", async () => {
      const detail = await createEvent({
        kind: "webinar",
        title: "Webinaire cybersécurité",
        communeInsee: null,
        addressLine: null,
        onlineUrl: "https://visio.example/cyber",
      });
      expect(detail.occurrences[0]).toMatchObject({ online: true, town: null });
    });

    it("shows drafts to staff only, and filters by kind and text", async () => {
      const draft = await createEvent({ title: "Visite secrète de l'usine", kind: "company_visit", status: "draft" });
      const from = new Date().toISOString().slice(0, 10);
      const staffList = await call("GET", `/events?kind=company_visit`, cluster.staff);
      expect(staffList.body.occurrences.map((o: Json) => o.eventStatus)).toEqual(["draft"]);
      const memberList = await call("GET", `/events?from=${from}`, acme.users[0].cookie);
      expect(memberList.status).toBe(200);
      expect(memberList.body.occurrences.map((o: Json) => o.title)).not.toContain("Visite secrète de l'usine");
      expect((await call("GET", `/events/${draft.id}`, acme.users[0].cookie)).status).toBe(404);
      expect((await call("GET", `/occurrences/${firstOccurrence(draft)}`, acme.users[0].cookie)).status).toBe(404);
      const search = await call("GET", `/events?q=${encodeURIComponent("SECRETE usine")}`, cluster.staff);
      expect(search.body.occurrences.map((o: Json) => o.title)).toEqual(["Visite secrète de l'usine"]);
      expect((await call("GET", "/events", cluster.funder)).status).toBe(403);
      expect((await call("POST", "/events", acme.users[0].cookie, event())).status).toBe(403);
    });

    it("moves one occurrence (original start kept) and cancels another", async () => {
      const series = await createEvent({
        title: "Déjeuner thématique",
        kind: "thematic_lunch",
        startsAt: inDays(3, 11),
        rrule: "FREQ=WEEKLY",
      });
      const [first, second] = series.occurrences;
      const moved = await call("PATCH", `/occurrences/${first.id}`, cluster.staff, {
        startsAt: new Date(new Date(first.startsAt).getTime() + 3_600_000).toISOString(),
        durationMinutes: 60,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ moved: true, originalStart: first.startsAt });
      expect(new Date(moved.body.endsAt).getTime() - new Date(moved.body.startsAt).getTime()).toBe(3_600_000);
      const cancelled = await call("POST", `/occurrences/${second.id}/cancel`, cluster.staff, {
        reason: "Salle indisponible",
      });
      expect(cancelled.body).toMatchObject({ status: "cancelled", cancelReason: "Salle indisponible" });
      expect((await call("POST", `/occurrences/${second.id}/cancel`, cluster.staff, {})).status).toBe(409);
      const seat = await call("POST", `/occurrences/${second.id}/registrations`, acme.users[0].cookie);
      expect(seat.status).toBe(409);
      expect(seat.body.error.message).toMatch(/annulée/);
      const again = await call("PATCH", `/occurrences/${second.id}`, cluster.staff, { startsAt: inDays(20) });
      expect(again.status).toBe(409);
      const bad = await call("PATCH", `/occurrences/${first.id}`, cluster.staff, { startsAt: "2027-02-30T10:00:00Z" });
      expect(bad.status).toBe(422);
      expect(fieldsOf(bad.body)).toEqual(["startsAt"]);
    });

    it("regenerates future dates when the rule's time changes, keeping the moved and the cancelled ones", async () => {
      const series = await createEvent({
        title: "Business corner",
        kind: "business_corner",
        startsAt: `${Y}-02-02T17:00:00+01:00`,
        rrule: "FREQ=MONTHLY;BYDAY=1TU",
        capacity: 10,
      });
      const [feb, mar, apr] = series.occurrences;
      const seat = await call("POST", `/occurrences/${feb.id}/registrations`, acme.users[0].cookie);
      expect(seat.status).toBe(201);
      await call("POST", `/occurrences/${mar.id}/cancel`, cluster.staff, { reason: "Vacances" });
      const aprMoved = new Date(new Date(apr.startsAt).getTime() + DAY).toISOString();
      await call("PATCH", `/occurrences/${apr.id}`, cluster.staff, { startsAt: aprMoved });

      const patched = await call("PATCH", `/events/${series.id}`, cluster.staff, {
        startsAt: `${Y}-02-02T18:00:00+01:00`,
        version: series.version,
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.body.version).toBe(series.version + 1);
      const after = new Map(patched.body.occurrences.map((o: Json) => [o.id, o]));
      // Same rows, new time: the registered person is told it moved; the cancelled and moved ones stay as they were.
      expect((after.get(feb.id) as Json).startsAt).toBe(`${Y}-02-02T17:00:00.000Z`);
      expect((after.get(mar.id) as Json).status).toBe("cancelled");
      expect((after.get(apr.id) as Json).startsAt).toBe(aprMoved);
      const times = patched.body.occurrences
        .filter((o: Json) => o.status === "scheduled" && !o.moved)
        .map((o: Json) => parisTimeText(new Date(o.startsAt)));
      expect(new Set(times)).toEqual(new Set(["18:00"]));
      expect(await mailsFor(seat.body.id)).toEqual(["confirmation", "moved"]);

      const stale = await call("PATCH", `/events/${series.id}`, cluster.staff, { title: "x", version: series.version });
      expect(stale.status).toBe(409);
      expect(fieldsOf(stale.body)).toEqual(["version"]);

      // Another weekday: dates without registrations go, the one with a registration stays.
      const moved = await call("PATCH", `/events/${series.id}`, cluster.staff, { rrule: "FREQ=MONTHLY;BYDAY=1WE" });
      expect(moved.status).toBe(200);
      const kept = moved.body.occurrences.map((o: Json) => o.id);
      expect(kept).toContain(feb.id);
      expect(moved.body.recurrenceText).toBe("le 1er mercredi de chaque mois à 18:00");
      const wednesdays = moved.body.occurrences.filter(
        (o: Json) => o.id !== feb.id && o.id !== mar.id && o.id !== apr.id,
      );
      expect(wednesdays.length).toBeGreaterThan(5);
      expect(wednesdays.every((o: Json) => new Date(o.startsAt).getUTCDay() === 3)).toBe(true);
    });

    it("cancels a whole series and emails the people registered", async () => {
      const series = await createEvent({
        title: "Afterwork mensuel",
        kind: "afterwork",
        startsAt: inDays(5, 17),
        rrule: "FREQ=MONTHLY",
      });
      const seat = await call("POST", `/occurrences/${firstOccurrence(series)}/registrations`, forez.users[0].cookie);
      const res = await call("POST", `/events/${series.id}/cancel`, cluster.staff, { reason: "Fin du cycle" });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe("cancelled");
      expect(res.body.occurrences.every((o: Json) => o.status === "cancelled" && o.eventStatus === "cancelled")).toBe(
        true,
      );
      expect(await mailsFor(seat.body.id)).toEqual(["cancelled_by_organiser", "confirmation"]);
      expect((await call("POST", `/events/${series.id}/cancel`, cluster.staff, {})).status).toBe(409);
      expect((await call("PATCH", `/events/${series.id}`, cluster.staff, { title: "Encore" })).status).toBe(409);
    });
  });

  describe("registrations and the waiting list", () => {
    it("registers a member, refuses a duplicate with 409, and puts the third on the waiting list", async () => {
      const detail = await createEvent({ title: "Challenge entre pairs", kind: "peer_challenge", capacity: 2 });
      const id = firstOccurrence(detail);
      const a = await call("POST", `/occurrences/${id}/registrations`, acme.users[0].cookie);
      expect(a.status).toBe(201);
      expect(a.body).toMatchObject({
        status: "confirmed",
        position: null,
        email: acme.users[0].email,
        name: "alice Acme Usinage",
        memberId: acme.id,
        memberName: "Acme Usinage",
        company: "Acme Usinage",
        personId: acme.users[0].personId,
        isGuest: false,
      });
      const dup = await call("POST", `/occurrences/${id}/registrations`, acme.users[0].cookie);
      expect(dup.status).toBe(409);
      expect(fieldsOf(dup.body)).toEqual(["email"]);
      const b = await call("POST", `/occurrences/${id}/registrations`, forez.users[0].cookie);
      const c = await call("POST", `/occurrences/${id}/registrations`, forez.users[1].cookie);
      expect([b.body.status, c.body.status]).toEqual(["confirmed", "waiting"]);
      expect(c.body.position).toBe(1);
      expect(await mailsFor(c.body.id)).toEqual(["waiting"]);

      const summary = (await call("GET", `/occurrences/${id}`, forez.users[1].cookie)).body;
      expect(summary).toMatchObject({
        confirmed: 2,
        waiting: 1,
        myRegistration: { id: c.body.id, status: "waiting", position: 1 },
        canRegister: false,
        canCheckIn: false,
      });

      // Alice cancels: Berthe (first waiting) is promoted and emailed.
      const cancel = await call("DELETE", `/registrations/${a.body.id}`, acme.users[0].cookie);
      expect(cancel.status).toBe(200);
      expect(cancel.body.promoted).toMatchObject({ id: c.body.id, status: "confirmed", position: null });
      expect(cancel.body.promoted.promotedAt).toBeTruthy();
      expect(await mailsFor(c.body.id)).toEqual(["promotion", "waiting"]);
      // Cancelled: she may register again (arriving last).
      const back = await call("POST", `/occurrences/${id}/registrations`, acme.users[0].cookie);
      expect(back.body).toMatchObject({ status: "waiting", position: 1 });
      expect((await call("DELETE", `/registrations/${a.body.id}`, acme.users[0].cookie)).body).toEqual({
        promoted: null,
      });
    });

    it("lets a member cancel only their own seat", async () => {
      const detail = await createEvent({ title: "Formation", kind: "training" });
      const seat = await call("POST", `/occurrences/${firstOccurrence(detail)}/registrations`, acme.users[1].cookie);
      const other = await call("DELETE", `/registrations/${seat.body.id}`, forez.users[0].cookie);
      expect(other.status).toBe(403);
      expect(other.body.error.message).toMatch(/propre inscription/);
      const colleague = await call("DELETE", `/registrations/${seat.body.id}`, acme.users[0].cookie);
      expect(colleague.status).toBe(403);
      expect((await call("DELETE", `/registrations/${seat.body.id}`, cluster.staff)).status).toBe(200);
      expect(
        (await call("GET", `/occurrences/${firstOccurrence(detail)}/registrations`, acme.users[1].cookie)).status,
      ).toBe(403);
    });

    it("holds seats per company: the waiting list skips a company at its limit", async () => {
      const detail = await createEvent({
        title: "Visite Acme",
        kind: "company_visit",
        capacity: 3,
        seatsPerCompany: 1,
      });
      const id = firstOccurrence(detail);
      const alice = await call("POST", `/occurrences/${id}/registrations`, acme.users[0].cookie);
      const arthur = await call("POST", `/occurrences/${id}/registrations`, acme.users[1].cookie);
      const bruno = await call("POST", `/occurrences/${id}/registrations`, forez.users[0].cookie);
      const berthe = await call("POST", `/occurrences/${id}/registrations`, forez.users[1].cookie);
      expect([alice, arthur, bruno, berthe].map((r) => r.body.status)).toEqual([
        "confirmed",
        "waiting",
        "confirmed",
        "waiting",
      ]);
      // A free seat, but both companies are at their limit: nobody is promoted when the limit is unchanged.
      const guest = await call("POST", `/occurrences/${id}/registrations`, cluster.staff, {
        guest: { name: "Paul Prospect", email: "paul@prospect.example", company: "Prospect SA" },
      });
      expect(guest.body).toMatchObject({ status: "confirmed", isGuest: true, company: "Prospect SA", memberId: null });
      // Bruno cancels: Arthur arrived first but Acme is full, so Berthe (Forez) takes the seat.
      const cancel = await call("DELETE", `/registrations/${bruno.body.id}`, forez.users[0].cookie);
      expect(cancel.body.promoted.id).toBe(berthe.body.id);
      // Raising the limit per company promotes Arthur... once a seat is free.
      await call("PATCH", `/events/${detail.id}`, cluster.staff, { seatsPerCompany: 2, capacity: 4 });
      const list = await call("GET", `/occurrences/${id}/registrations`, cluster.staff);
      expect(list.status).toBe(200);
      expect(list.body.registrations.map((r: Json) => [r.name, r.status])).toEqual([
        ["alice Acme Usinage", "confirmed"],
        ["arthur Acme Usinage", "confirmed"],
        ["berthe Forez Traitements", "confirmed"],
        ["Paul Prospect", "confirmed"],
        ["bruno Forez Traitements", "cancelled"],
      ]);
    });

    it("promotes in arrival order when the capacity is raised", async () => {
      const detail = await createEvent({ title: "Assemblée générale", kind: "general_assembly", capacity: 1 });
      const id = firstOccurrence(detail);
      const seats = [];
      for (const user of [acme.users[0], forez.users[0], acme.users[2], forez.users[1]])
        seats.push((await call("POST", `/occurrences/${id}/registrations`, user.cookie)).body);
      expect(seats.map((s) => s.position)).toEqual([null, 1, 2, 3]);
      const raised = await call("PATCH", `/events/${detail.id}`, cluster.staff, { capacity: 3 });
      expect(raised.body.occurrences[0]).toMatchObject({ confirmed: 3, waiting: 1 });
      const list = (await call("GET", `/occurrences/${id}/registrations`, cluster.staff)).body.registrations;
      expect(list.map((r: Json) => [r.id, r.status, r.position])).toEqual([
        [seats[0].id, "confirmed", null],
        [seats[1].id, "confirmed", null],
        [seats[2].id, "confirmed", null],
        [seats[3].id, "waiting", 1],
      ]);
    });

    it("lets staff register a member's person or a guest, and nobody else", async () => {
      const detail = await createEvent({ title: "Salon", kind: "trade_show" });
      const id = firstOccurrence(detail);
      const person = await call("POST", `/occurrences/${id}/registrations`, cluster.staff, {
        personId: forez.users[1].personId,
      });
      expect(person.body).toMatchObject({ status: "confirmed", memberId: forez.id, email: forez.users[1].email });
      const byMember = await call("POST", `/occurrences/${id}/registrations`, acme.users[0].cookie, {
        guest: { name: "Ami", email: "ami@example.com" },
      });
      expect(byMember.status).toBe(403);
      const bad = await call("POST", `/occurrences/${id}/registrations`, cluster.staff, {
        guest: { name: "", email: "pas-un-email" },
      });
      expect(bad.status).toBe(422);
      expect(fieldsOf(bad.body)).toEqual(["guest.email", "guest.name"]);
      const unknown = await call("POST", `/occurrences/${id}/registrations`, cluster.staff, {
        personId: "00000000-0000-4000-8000-000000000000",
      });
      expect(fieldsOf(unknown.body)).toEqual(["personId"]);
      // The person's own login sees the seat staff took for them and may cancel it.
      const own = await call("GET", `/occurrences/${id}`, forez.users[1].cookie);
      expect(own.body.myRegistration).toMatchObject({ id: person.body.id, status: "confirmed" });
      expect((await call("DELETE", `/registrations/${person.body.id}`, forez.users[1].cookie)).status).toBe(200);
      expect((await call("POST", `/occurrences/${id}/registrations`, cluster.funder)).status).toBe(403);
    });
  });

  describe("on the day and afterwards", () => {
    let occurrenceId: string;
    let alice: Json;
    let bruno: Json;
    let waiting: Json;

    beforeAll(async () => {
      const detail = await createEvent({ title: "Petit-déjeuner de la veille", capacity: 2, startsAt: inDays(2) });
      occurrenceId = firstOccurrence(detail);
      alice = (await call("POST", `/occurrences/${occurrenceId}/registrations`, acme.users[0].cookie)).body;
      bruno = (await call("POST", `/occurrences/${occurrenceId}/registrations`, forez.users[0].cookie)).body;
      waiting = (await call("POST", `/occurrences/${occurrenceId}/registrations`, forez.users[1].cookie)).body;
    });

    it("opens check-in on the day only, for confirmed seats, idempotently", async () => {
      const early = await call("POST", `/registrations/${alice.id}/check-in`, cluster.staff);
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/jour de l'événement/);
      expect((await call("GET", `/occurrences/${occurrenceId}`, cluster.staff)).body.canCheckIn).toBe(false);
      const feedback = await call("POST", `/registrations/${alice.id}/feedback`, acme.users[0].cookie, { rating: 5 });
      expect(feedback.status).toBe(409);
      expect(feedback.body.error.message).toMatch(/début de l'événement/);

      // It started an hour ago.
      const moved = await call("PATCH", `/occurrences/${occurrenceId}`, cluster.staff, {
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
      expect(moved.body.canCheckIn).toBe(true);
      expect(moved.body.canRegister).toBe(true); // staff may still add someone who turns up
      expect(await mailsFor(alice.id)).toEqual(["confirmation", "moved"]);
      expect((await call("GET", `/occurrences/${occurrenceId}`, acme.users[2].cookie)).body.canRegister).toBe(false);
      const late = await call("POST", `/occurrences/${occurrenceId}/registrations`, acme.users[2].cookie);
      expect(late.status).toBe(409);
      expect((await call("DELETE", `/registrations/${bruno.id}`, forez.users[0].cookie)).status).toBe(409);

      const first = await call("POST", `/registrations/${alice.id}/check-in`, cluster.staff);
      expect(first.status).toBe(200);
      const again = await call("POST", `/registrations/${alice.id}/check-in`, cluster.staff);
      expect(again.body.checkedInAt).toBe(first.body.checkedInAt);
      expect((await call("POST", `/registrations/${waiting.id}/check-in`, cluster.staff)).status).toBe(409);
      expect((await call("POST", `/registrations/${alice.id}/check-in`, acme.users[0].cookie)).status).toBe(403);
      const undo = await call("DELETE", `/registrations/${bruno.id}/check-in`, cluster.staff);
      expect(undo.body.checkedInAt).toBeNull();
      await call("POST", `/registrations/${bruno.id}/check-in`, cluster.staff);
      expect((await call("DELETE", `/registrations/${bruno.id}/check-in`, cluster.staff)).body.checkedInAt).toBeNull();
    });

    it("takes feedback from the registrant only, 1 to 5, once it has started", async () => {
      const bad = await call("POST", `/registrations/${alice.id}/feedback`, acme.users[0].cookie, { rating: 6 });
      expect(bad.status).toBe(422);
      expect(fieldsOf(bad.body)).toEqual(["rating"]);
      expect((await call("POST", `/registrations/${alice.id}/feedback`, cluster.staff, { rating: 4 })).status).toBe(
        403,
      );
      expect(
        (await call("POST", `/registrations/${alice.id}/feedback`, acme.users[1].cookie, { rating: 4 })).status,
      ).toBe(403);
      expect(
        (await call("POST", `/registrations/${waiting.id}/feedback`, forez.users[1].cookie, { rating: 4 })).status,
      ).toBe(409);
      const ok = await call("POST", `/registrations/${alice.id}/feedback`, acme.users[0].cookie, {
        rating: 4,
        comment: "Très utile",
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ feedbackRating: 4, feedbackComment: "Très utile" });
      const detail = await call("GET", `/occurrences/${occurrenceId}`, acme.users[0].cookie);
      expect(detail.body.myFeedback).toEqual({ rating: 4, comment: "Très utile" });
    });

    it("keeps minutes, results and their documents on the occurrence", async () => {
      const text = await call("PATCH", `/occurrences/${occurrenceId}`, cluster.staff, {
        minutes: "Douze participants ; trois pistes.",
        results: "Deux mises en relation",
      });
      expect(text.body).toMatchObject({
        minutes: "Douze participants ; trois pistes.",
        results: "Deux mises en relation",
      });
      const upload = await t.request("POST", `${base()}/occurrences/${occurrenceId}/documents`, {
        cookie: cluster.staff,
        body: multipart({
          file: { name: "compte-rendu réunion.pdf", data: new TextEncoder().encode("%PDF-1.4 compte rendu") },
          title: "Compte rendu",
          kind: "minutes",
        }),
      });
      expect(upload.status).toBe(201);
      const doc = await upload.json();
      expect(doc).toMatchObject({
        title: "Compte rendu",
        kind: "minutes",
        fileName: "compte-rendu réunion.pdf",
        sizeBytes: 21,
      });
      const detail = await call("GET", `/occurrences/${occurrenceId}`, acme.users[0].cookie);
      expect(detail.body.documents.map((d: Json) => d.id)).toEqual([doc.id]);
      const download = await t.request("GET", `${base()}/occurrences/${occurrenceId}/documents/${doc.id}`, {
        cookie: acme.users[0].cookie,
      });
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("application/pdf");
      expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''compte-rendu%20r%C3%A9union.pdf");
      expect(await download.text()).toBe("%PDF-1.4 compte rendu");

      const post = (fields: Parameters<typeof multipart>[0], cookie = cluster.staff) =>
        t.request("POST", `${base()}/occurrences/${occurrenceId}/documents`, { cookie, body: multipart(fields) });
      const tooBig = await post({ file: { name: "gros.pdf", data: new Uint8Array(10 * 1024 * 1024 + 1) } });
      expect(tooBig.status).toBe(422);
      expect((await tooBig.json()).error.fields[0]).toEqual({ field: "file", message: expect.stringMatching(/10 Mo/) });
      const exe = await post({ file: { name: "virus.exe", data: new Uint8Array([77, 90]) } });
      expect((await exe.json()).error.fields[0].field).toBe("file");
      const kind = await post({ file: { name: "a.pdf", data: new Uint8Array([1]) }, kind: "deliverable" });
      expect((await kind.json()).error.fields[0].field).toBe("kind");
      const none = await post({ title: "Sans fichier" });
      expect((await none.json()).error.fields[0].field).toBe("file");
      expect((await post({ file: { name: "a.pdf", data: new Uint8Array([1]) } }, acme.users[0].cookie)).status).toBe(
        403,
      );
      expect(
        (
          await t.request("DELETE", `${base()}/occurrences/${occurrenceId}/documents/${doc.id}`, {
            cookie: acme.users[0].cookie,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await t.request("DELETE", `${base()}/occurrences/${occurrenceId}/documents/${doc.id}`, {
            cookie: cluster.staff,
          })
        ).status,
      ).toBe(204);
      expect(
        (await t.request("GET", `${base()}/occurrences/${occurrenceId}/documents/${doc.id}`, { cookie: cluster.staff }))
          .status,
      ).toBe(404);
    });
  });

  describe("guests without an account", () => {
    it("lets anyone register for a public event, with a honeypot and a secret link", async () => {
      const detail = await createEvent({
        title: "Conférence publique",
        kind: "business_corner",
        audience: "public",
        capacity: 1,
      });
      const id = firstOccurrence(detail);
      const form = { name: "Gaëlle Prospect", email: "Gaelle@Prospect.example", company: "Prospect SARL" };
      const res = await t.request("POST", `${base()}/occurrences/${id}/guest-registrations`, { json: form });
      expect(res.status).toBe(201);
      const seat = await res.json();
      expect(seat).toMatchObject({
        name: "Gaëlle Prospect",
        status: "confirmed",
        occurrence: { id, title: "Conférence publique" },
      });
      expect(seat).not.toHaveProperty("email");
      expect((await t.request("POST", `${base()}/occurrences/${id}/guest-registrations`, { json: form })).status).toBe(
        409,
      );

      const robot = await t.request("POST", `${base()}/occurrences/${id}/guest-registrations`, {
        json: { ...form, email: "robot@spam.example", website: "http://spam.example" },
      });
      expect(robot.status).toBe(201);
      const bad = await t.request("POST", `${base()}/occurrences/${id}/guest-registrations`, {
        json: { name: "", email: "x", company: "" },
      });
      expect(bad.status).toBe(422);
      expect(fieldsOf(await bad.json())).toEqual(["company", "email", "name"]);

      const second = await (
        await t.request("POST", `${base()}/occurrences/${id}/guest-registrations`, {
          json: { name: "Hugo", email: "hugo@prospect.example", company: "Prospect SARL" },
        })
      ).json();
      expect(second).toMatchObject({ status: "waiting", position: 1 });
      const list = (await call("GET", `/occurrences/${id}/registrations`, cluster.staff)).body.registrations;
      expect(list.map((r: Json) => r.email)).toEqual(["gaelle@prospect.example", "hugo@prospect.example"]);

      const [row] = await t.database.db
        .select()
        .from((await import("./events.schema.js")).registrations)
        .where(eq((await import("./events.schema.js")).registrations.id, seat.id));
      const view = await t.request("GET", `${base()}/registrations/by-token/${row.token}`);
      expect(await view.json()).toMatchObject({ id: seat.id, status: "confirmed", canCancel: true });
      const cancel = await t.request("DELETE", `${base()}/registrations/by-token/${row.token}`);
      expect(await cancel.json()).toMatchObject({ status: "cancelled", canCancel: false });
      const promoted = list.find((r: Json) => r.email === "hugo@prospect.example");
      expect(await mailsFor(promoted.id)).toEqual(["promotion", "waiting"]);
      expect((await t.request("GET", `${base()}/registrations/by-token/${"x".repeat(32)}`)).status).toBe(404);
      const early = await t.request("POST", `${base()}/registrations/by-token/${row.token}/feedback`, {
        json: { rating: 5 },
      });
      expect(early.status).toBe(409);
    });

    it("answers 404 to a public registration for an event that is not public", async () => {
      const detail = await createEvent({ title: "Réservé aux adhérents" });
      const res = await t.request("POST", `${base()}/occurrences/${firstOccurrence(detail)}/guest-registrations`, {
        json: { name: "Intrus", email: "intrus@example.com", company: "Intrus SA" },
      });
      expect(res.status).toBe(404);
      const draft = await createEvent({ title: "Brouillon public", audience: "public", status: "draft" });
      const hidden = await t.request("POST", `${base()}/occurrences/${firstOccurrence(draft)}/guest-registrations`, {
        json: { name: "Intrus", email: "intrus@example.com", company: "Intrus SA" },
      });
      expect(hidden.status).toBe(404);
    });
  });

  it("writes who did what in the history", async () => {
    const { changeLog } = await import("../../platform/audit/audit.schema.js");
    const rows = await t.database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.clusterId, cluster.id), eq(changeLog.entityType, "registration")));
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["create", "cancel"]));
  });
});
