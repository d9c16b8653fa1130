import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSchedule } from "../../core/meetings/check.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { expectWellFormed, parseCalendar } from "../events/ics.testing.js";
import { createCompanies, type TestCompany } from "../groups/groups.testing.js";
import { countMeetingsHeld, meetingsHeldByMember } from "./outcomes.service.js";
import { replan } from "./schedule.service.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked field by field by the assertions
type Json = any;

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
let companies: TestCompany[];
let eventId: string;
const base = () => `/api/clusters/${cluster.slug}`;
const day = () => `${base()}/meeting-days/${eventId}`;

async function call(method: string, path: string, cookie: string, json?: unknown) {
  const res = await t.request(method, path, { cookie, json });
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, headers: res.headers };
}
const fieldsOf = (body: Json) => body.error.fields.map((f: { field: string }) => f.field).sort();
const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(7, 0, 0, 0);
  return d.toISOString();
};

// Suppliers 0–3, buyers 4–6; company 3 is a supplier with a fixed stand.
const ids: string[] = [];
const cookieOf = (i: number) => companies[i]!.cookie;

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  companies = await createCompanies(t, cluster, [
    "Usinage Alpha",
    "Tôlerie Beta",
    "Traitement Gamma",
    "Fonderie Delta",
    "Ascenseurs Epsilon",
    "Robotique Zêta",
    "Ferroviaire Êta",
  ]);
  const event = await call("POST", `${base()}/events`, cluster.staff, {
    kind: "business_meetings",
    title: "Rendez-vous d'affaires mécanique",
    startsAt: inDays(20),
    durationMinutes: 480,
    communeInsee: "42218",
    addressLine: "Centre de congrès",
    audience: "members",
  });
  expect(event.status).toBe(201);
  eventId = event.body.id;
});
afterAll(async () => t?.close());

describe(`business-meeting days on ${testDatabaseKind}`, () => {
  it("answers 422 in French naming each bad field of the configuration", async () => {
    const bad = await call("PUT", day(), cluster.staff, {
      startTime: "9h",
      slotMinutes: 2,
      slotCount: 0,
      pauses: [{ label: "", from: -1, to: 2 }],
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["pauses.0.from", "pauses.0.label", "slotCount", "slotMinutes", "startTime"]);
    expect(bad.body.error.fields.find((f: Json) => f.field === "startTime").message).toMatch(/HH:MM/);
    const rules = await call("PUT", day(), cluster.staff, {
      startTime: "09:00",
      slotMinutes: 20,
      slotCount: 10,
      pauses: [{ label: "Déjeuner", from: 5, to: 12 }],
      categories: [{ code: "supplier", label: "Fournisseur" }],
      allowedPairs: [["supplier", "buyer"]],
    });
    expect(rules.status).toBe(422);
    expect(fieldsOf(rules.body)).toEqual(["allowedPairs.0", "pauses.0.to"]);
    expect(JSON.stringify(rules.body)).toMatch(/Catégorie inconnue : buyer/);
  });

  it("configures the day: slots with times in Paris, a coffee break, tables, suppliers meet buyers only", async () => {
    const res = await call("PUT", day(), cluster.staff, {
      startTime: "09:00",
      slotMinutes: 20,
      slotCount: 8,
      pauses: [{ label: "Pause café", from: 3, to: 3 }],
      tables: 2,
      categories: [
        { code: "supplier", label: "Fournisseur" },
        { code: "buyer", label: "Acheteur" },
      ],
      allowedPairs: [["supplier", "buyer"]],
      timeLimitSeconds: 2,
    });
    expect(res.status).toBe(200);
    expect(res.body.slots).toHaveLength(8);
    expect(res.body.slots[3].pause).toBe("Pause café");
    const paris = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
    expect(paris.format(new Date(res.body.slots[1].startsAt))).toBe("09:20");
    expect(res.body.priorityWeights).toEqual({ 1: 4, 2: 2, 3: 1, forced: 8 });
    // Members do not see a draft day.
    expect((await call("GET", day(), cookieOf(0))).status).toBe(404);
    expect((await call("POST", `${day()}/phase`, cluster.staff, { phase: "published" })).status).toBe(409);
    expect((await call("POST", `${day()}/phase`, cluster.staff, { phase: "requests_open" })).body.phase).toBe(
      "requests_open",
    );
  });

  it("lets members join with a profile; staff add a guest and give a stand", async () => {
    const profiles = [
      { category: "supplier", offers: "Usinage 5 axes de pièces en titane pour l'aéronautique", seeks: "" },
      { category: "supplier", offers: "Découpe laser et pliage de tôles inox", seeks: "" },
      { category: "supplier", offers: "Traitement de surface, anodisation, peinture poudre", seeks: "" },
      { category: "supplier", offers: "Fonderie aluminium sous pression", seeks: "" },
      { category: "buyer", offers: "", seeks: "Pièces en titane usinées, usinage 5 axes" },
      { category: "buyer", offers: "", seeks: "Anodisation et peinture de pièces aluminium" },
      { category: "buyer", offers: "", seeks: "Tôlerie fine inox, découpe laser" },
    ];
    for (const [i, profile] of profiles.entries()) {
      const res = await call("POST", `${day()}/participants`, cookieOf(i), profile);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ company: companies[i]!.name, mine: true, category: { code: profile.category } });
      ids.push(res.body.id);
    }
    const twice = await call("POST", `${day()}/participants`, cookieOf(0), {});
    expect(twice.status).toBe(409);
    const forOther = await call("POST", `${day()}/participants`, cookieOf(0), { memberId: companies[1]!.id });
    expect(forOther.status).toBe(403);
    const guestMissing = await call("POST", `${day()}/participants`, cluster.staff, { category: "buyer" });
    expect(guestMissing.status).toBe(422);
    expect(fieldsOf(guestMissing.body)).toEqual(["company", "name"]);
    const guest = await call("POST", `${day()}/participants`, cluster.staff, {
      name: "Claire Invitée",
      company: "Grand Compte SA",
      email: "claire@grandcompte.example",
      category: "buyer",
      seeks: "Fonderie aluminium",
      availableFrom: 4,
    });
    expect(guest.status).toBe(201);
    expect(guest.body.isGuest).toBe(true);
    ids.push(guest.body.id);
    const stand = await call("PATCH", `${day()}/participants/${ids[3]}`, cluster.staff, { stand: "B12" });
    expect(stand.body.stand).toBe("B12");
    const selfStand = await call("PATCH", `${day()}/participants/${ids[0]}`, cookieOf(0), { stand: "A1" });
    expect(selfStand.status).toBe(403);
    const window = await call("PATCH", `${day()}/participants/${ids[0]}`, cookieOf(0), { availableFrom: 9 });
    expect(window.status).toBe(422);
    expect(fieldsOf(window.body)).toEqual(["availableFrom"]);
    // A member sees the others' profiles, not the guest's contacts.
    const list = await call("GET", `${day()}/participants`, cookieOf(4));
    expect(list.body.participants).toHaveLength(8);
    expect(list.body.participants.find((p: Json) => p.id === guest.body.id).contact).toBeNull();
    const own = list.body.participants.find((p: Json) => p.id === ids[4]);
    expect(own.contact).not.toBeNull();
  });

  it("suggests whom to meet from seeks and offers, within the category rules", async () => {
    const res = await call("GET", `${day()}/suggestions`, cookieOf(4));
    expect(res.status).toBe(200);
    const names = res.body.suggestions.map((s: Json) => s.participant.company);
    expect(names[0]).toBe("Usinage Alpha");
    expect(names).not.toContain("Robotique Zêta"); // a buyer, like them
    const other = await call("GET", `${day()}/suggestions?participantId=${ids[5]}`, cookieOf(4));
    expect(other.status).toBe(404);
  });

  it("takes requests, enforces categories, and lets only the one asked answer", async () => {
    const sameCategory = await call("POST", `${day()}/requests`, cookieOf(4), { toId: ids[5], priority: 1 });
    expect(sameCategory.status).toBe(422);
    expect(fieldsOf(sameCategory.body)).toEqual(["toId"]);
    expect(sameCategory.body.error.fields[0].message).toMatch(
      /« Acheteur » – « Acheteur ».*rencontre : « Fournisseur »/,
    );
    const badPriority = await call("POST", `${day()}/requests`, cookieOf(4), { toId: ids[0], priority: 5 });
    expect(badPriority.status).toBe(422);
    expect(badPriority.body.error.fields[0].message).toMatch(/Priorité attendue/);
    const forced = await call("POST", `${day()}/requests`, cookieOf(4), { toId: ids[0], force: true });
    expect(forced.status).toBe(403);

    // Buyers ask suppliers; every supplier accepts but Gamma declines Zêta.
    const wishes: [number, number, number][] = [
      [4, 0, 1],
      [4, 1, 2],
      [4, 2, 3],
      [4, 3, 2],
      [5, 2, 1],
      [5, 0, 2],
      [5, 3, 3],
      [6, 1, 1],
      [6, 0, 2],
      [6, 3, 2],
    ];
    const requests: Json[] = [];
    for (const [from, to, priority] of wishes) {
      const res = await call("POST", `${day()}/requests`, cookieOf(from), { toId: ids[to], priority });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: "pending", weight: { 1: 4, 2: 2, 3: 1 }[priority], mineAsked: true });
      requests.push(res.body);
    }
    const duplicate = await call("POST", `${day()}/requests`, cookieOf(4), { toId: ids[0] });
    expect(duplicate.status).toBe(409);
    const reverse = await call("POST", `${day()}/requests`, cookieOf(0), { toId: ids[4] });
    expect(reverse.status).toBe(409);
    // The one who asked cannot accept for the other side.
    expect(
      (await call("PATCH", `${day()}/requests/${requests[0].id}`, cookieOf(4), { status: "accepted" })).status,
    ).toBe(403);
    for (const [i, r] of requests.entries()) {
      const to = wishes[i]![1];
      const status = wishes[i]![0] === 5 && to === 2 ? "declined" : "accepted";
      const res = await call("PATCH", `${day()}/requests/${r.id}`, cookieOf(to), { status });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(status);
    }
    // Staff force a meeting for the guest with the foundry.
    const staffRequest = await call("POST", `${day()}/requests`, cluster.staff, {
      fromId: ids[7],
      toId: ids[3],
      priority: 1,
      force: true,
    });
    expect(staffRequest.status).toBe(201);
    expect(staffRequest.body).toMatchObject({ status: "accepted", forced: true, weight: 8 });
  });

  it("shows a member only their own requests", async () => {
    const mine = await call("GET", `${day()}/requests`, cookieOf(5));
    expect(mine.body.requests).toHaveLength(3);
    for (const r of mine.body.requests) expect([r.from.id, r.to.id]).toContain(ids[5]);
    const staff = await call("GET", `${day()}/requests`, cluster.staff);
    expect(staff.body.requests).toHaveLength(11);
    const others = mine.body.requests.map((r: Json) => r.id);
    const foreign = staff.body.requests.find((r: Json) => !others.includes(r.id));
    expect((await call("PATCH", `${day()}/requests/${foreign.id}`, cookieOf(5), { status: "declined" })).status).toBe(
      404,
    );
    expect((await call("GET", `${day()}/participants/${ids[4]}/agenda`, cookieOf(5))).status).toBe(404);
    expect((await call("GET", `${day()}/schedule`, cookieOf(5))).status).toBe(403);
  });

  it("schedules the accepted requests into a valid schedule with its bound, then publishes it", async () => {
    expect((await call("POST", `${day()}/schedule`, cluster.staff)).status).toBe(409); // requests still open
    await call("POST", `${day()}/phase`, cluster.staff, { phase: "requests_closed" });
    const run = await call("POST", `${day()}/schedule`, cluster.staff, { timeLimitSeconds: 2 });
    expect(run.status).toBe(201);
    const s = run.body.schedule;
    expect(s.status).toBe("draft");
    expect(s.valid).toBe(true);
    const instance = (await call("GET", `${day()}/instance`, cluster.staff)).body;
    expect(instance.slots).toBe(7); // 8 grid slots, one of them a pause
    expect(instance.tables).toBe(3); // two tables and one stand
    expect(checkSchedule(instance, s.format)).toMatchObject({ valid: true, weight: s.weight, breaks: s.breaks });
    expect(s.upperBound).toBeGreaterThanOrEqual(s.weight);
    expect(s.ratio).toBe(Math.round((s.weight / s.upperBound) * 10_000) / 10_000);
    // 9 accepted pairs fit easily: every one is placed, the guest only from slot 4 on.
    expect(run.body.meetings).toHaveLength(10);
    expect(run.body.unplaced).toEqual([]);
    for (const m of run.body.meetings) {
      expect(m.slot).not.toBe(3);
      if ([m.a.id, m.b.id].includes(ids[3])) expect(m.stand).toBe("B12");
      else expect(m.table === 1 || m.table === 2).toBe(true);
      if ([m.a.id, m.b.id].includes(ids[7])) expect(m.slot).toBeGreaterThanOrEqual(4);
    }
    expect(run.body.perParticipant.find((p: Json) => p.id === ids[4])).toMatchObject({ meetings: 4, requested: 4 });
    // Before publication a member sees no meeting in their agenda.
    const before = await call("GET", `${day()}/participants/${ids[4]}/agenda`, cookieOf(4));
    expect(before.body.published).toBe(false);
    expect(before.body.items.filter((i: Json) => i.meeting)).toHaveLength(0);
    const published = await call("POST", `${day()}/schedule/publish`, cluster.staff);
    expect(published.status).toBe(200);
    expect(published.body.schedule.status).toBe("published");
    expect((await call("GET", day(), cookieOf(4))).body.phase).toBe("published");
  });

  it("gives each participant an agenda page, PDF and .ics; staff a table plan and a live board", async () => {
    const agenda = await call("GET", `${day()}/participants/${ids[4]}/agenda`, cookieOf(4));
    expect(agenda.status).toBe(200);
    const meetings = agenda.body.items.filter((i: Json) => i.kind === "meeting");
    expect(meetings).toHaveLength(4);
    expect(agenda.body.items.find((i: Json) => i.slot === 3).kind).toBe("pause");
    expect(meetings.map((i: Json) => i.meeting.with.company).sort()).toEqual(
      ["Fonderie Delta", "Tôlerie Beta", "Traitement Gamma", "Usinage Alpha"].sort(),
    );
    const pdf = await t.request("GET", `${day()}/participants/${ids[4]}/agenda.pdf`, { cookie: cookieOf(4) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const ics = await call("GET", `${day()}/participants/${ids[4]}/agenda.ics`, cookieOf(4));
    expect(ics.status).toBe(200);
    expectWellFormed(ics.body);
    expect(ics.body).toContain("BEGIN:VTIMEZONE");
    expect(ics.body).toContain("TZID:Europe/Paris");
    const parsed = parseCalendar(ics.body);
    const vevents = parsed.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(4);
    const first = meetings[0];
    const firstEvent = vevents.find(
      (v: Json) => new Date(v.getFirstPropertyValue("dtstart").toJSDate()).toISOString() === first.startsAt,
    );
    expect(firstEvent).toBeDefined();
    expect(String(firstEvent?.getFirstPropertyValue("summary"))).toContain(first.meeting.with.company);

    const plan = await t.request("GET", `${day()}/table-plan.pdf`, { cookie: cluster.staff });
    expect(plan.status).toBe(200);
    expect(
      Buffer.from(await plan.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await t.request("GET", `${day()}/table-plan.pdf`, { cookie: cookieOf(4) })).status).toBe(403);

    const slot0 = agenda.body.day.slots[0];
    const at = new Date(new Date(slot0.startsAt).getTime() + 5 * 60_000).toISOString();
    const live = await call("GET", `${day()}/board?at=${encodeURIComponent(at)}`, cluster.staff);
    expect(live.status).toBe(200);
    expect(live.body.slot).toBe(0);
    expect(live.body.next).toBe(1);
    const review = await call("GET", `${day()}/schedule`, cluster.staff);
    const inSlot0 = review.body.meetings
      .filter((m: Json) => m.slot === 0)
      .map((m: Json) => m.id)
      .sort();
    expect(live.body.places.flatMap((p: Json) => (p.now ? [p.now.id] : [])).sort()).toEqual(inSlot0);
    expect(live.body.places.map((p: Json) => p.place)).toEqual(expect.arrayContaining(["Table 1", "Table 2"]));
  });

  it("re-plans after a cancellation and a late accepted request without moving any confirmed meeting", async () => {
    const before = (await call("GET", `${day()}/schedule`, cluster.staff)).body.meetings;
    // Robotique Zêta cancels; Gamma now accepts Zêta's… no: Ferroviaire Êta asks Gamma late, staff add it.
    expect(
      (await call("PATCH", `${day()}/participants/${ids[5]}`, cluster.staff, { status: "cancelled" })).status,
    ).toBe(200);
    const late = await call("POST", `${day()}/requests`, cluster.staff, { fromId: ids[6], toId: ids[2], priority: 1 });
    expect(late.status).toBe(201);
    expect((await call("PATCH", `${day()}/requests/${late.body.id}`, cookieOf(2), { status: "accepted" })).status).toBe(
      200,
    );
    const ctx = {
      db: t.database.db,
      clusterId: cluster.id,
      actor: { userId: null, label: "test", role: "staff" as const, platformAdmin: false, memberId: null },
    };
    // Before the day: every slot may be refilled.
    const result = await replan(ctx, eventId, {}, new Date(Date.now() - 86_400_000));
    expect(result.schedule!.kind).toBe("replan");
    expect(result.schedule!.status).toBe("published");
    expect(result.schedule!.valid).toBe(true);
    const after = result.meetings;
    const key = (m: Json) => `${[m.a.id, m.b.id].sort().join("|")}`;
    const cancelled = ids[5];
    for (const m of before) {
      const still = after.find((x: Json) => key(x) === key(m));
      if ([m.a.id, m.b.id].includes(cancelled)) expect(still).toBeUndefined();
      else expect(still).toMatchObject({ slot: m.slot, table: m.table, stand: m.stand });
    }
    expect(after.some((m: Json) => key(m) === [ids[6], ids[2]].sort().join("|"))).toBe(true);
    expect((result.schedule!.stats as Json).removed).toHaveLength(2);
    const instance = (await call("GET", `${day()}/instance`, cluster.staff)).body;
    expect(instance.participants.map((p: Json) => p.id)).not.toContain(cancelled);
  });

  it("records held and follow-up, counted for the reports and per member", async () => {
    const review = (await call("GET", `${day()}/schedule`, cluster.staff)).body;
    const [m1, m2, m3] = review.meetings;
    expect(
      (await call("PATCH", `${day()}/meetings/${m1.id}`, cluster.staff, { held: true, followUp: true })).status,
    ).toBe(200);
    await call("PATCH", `${day()}/meetings/${m2.id}`, cluster.staff, { held: true, followUp: false });
    await call("PATCH", `${day()}/meetings/${m3.id}`, cluster.staff, { held: false });
    const bad = await call("PATCH", `${day()}/meetings/${m1.id}`, cluster.staff, { held: "oui" });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["held"]);
    // A participant cannot mark a meeting before it starts.
    const self = review.meetings.find((m: Json) => m.a.id === ids[4] || m.b.id === ids[4]);
    expect((await call("PATCH", `${day()}/meetings/${self.id}`, cookieOf(4), { held: true })).status).toBe(409);
    const counts = await call("GET", `${day()}/outcomes`, cluster.staff);
    expect(counts.body).toEqual({
      meetings: review.meetings.length,
      held: 2,
      notHeld: 1,
      unknown: review.meetings.length - 3,
      followUps: 1,
    });
    const ctx = {
      db: t.database.db,
      clusterId: cluster.id,
      actor: { userId: null, label: "test", role: "staff" as const, platformAdmin: false, memberId: null },
    };
    const year = await countMeetingsHeld(
      ctx,
      new Date(Date.now() - 86_400_000),
      new Date(Date.now() + 365 * 86_400_000),
    );
    expect(year).toEqual({ held: 2, followUps: 1, days: 1 });
    const perMember = await meetingsHeldByMember(ctx, new Date(0), new Date(Date.now() + 365 * 86_400_000));
    const sides = [m1, m2].flatMap((m: Json) => [m.a.id, m.b.id]);
    const total = [...perMember.values()].reduce((n, v) => n + v.held, 0);
    // The guest is no member: their side does not count.
    expect(total).toBe(sides.filter((id) => id !== ids[7]).length);
  });
});
