import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../db/tenant.js";
import { users } from "../../platform/auth/auth.schema.js";
import { outbox } from "../../platform/mail/mail.schema.js";
import { dispatchOutbox, type Mailer, setUpMail } from "../../platform/mail/mail.service.js";
import { type ReceivedMail, startTestSmtp, type TestSmtp } from "../../platform/mail/smtp.testing.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { type EventMailKind, queueEventMail } from "./event-mail.js";
import { eventOccurrences } from "./events.schema.js";
import { insertEvent, insertRegistration, paris, updateOccurrence, userByEmail } from "./fixtures.testing.js";
import { expandCalendar, expectWellFormed, parseCalendar } from "./ics.testing.js";
import { queueDayBeforeReminders } from "./reminders.js";

let t: TestApp;
let a: Awaited<ReturnType<TestApp["cluster"]>>;
let smtp: TestSmtp;
let mailer: Mailer;
const Y = new Date().getUTCFullYear() + 1;
const far = new Date(Date.UTC(Y + 5, 0, 1));
const dayIn = (locale: string, instant: Date) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: "Europe/Paris",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(instant);
const dec3 = () => dayIn("fr-FR", paris(Y, 12, 3));
const dec4 = () => dayIn("fr-FR", paris(Y, 12, 4));

let event: Awaited<ReturnType<typeof insertEvent>>;
const reg: Record<string, Awaited<ReturnType<typeof insertRegistration>>> = {};

/** Sends what is queued and returns the messages that arrived, by recipient. */
async function deliver(expected: number): Promise<Map<string, ReceivedMail>> {
  const before = smtp.received.length;
  const result = await dispatchOutbox(t.database, mailer);
  expect(result.failed).toBe(0);
  const mails = (await smtp.waitFor(before + expected)).slice(before);
  expect(mails).toHaveLength(expected);
  return new Map(mails.map((m) => [m.envelopeTo[0], m]));
}

const queue = (kind: EventMailKind, ids: string[]) =>
  withTenant(t.database.db, a.id, (tx) => queueEventMail(tx, a.id, kind, ids));

/** The calendar part a client acts on (text/calendar; method=…), parsed by ical.js. */
function calendarOf(mail: ReceivedMail) {
  const part = mail.calendars.find((p) => /^text\/calendar/i.test(p.contentType));
  if (!part) return null;
  expectWellFormed(part.body);
  const root = parseCalendar(part.body);
  const vevent = root.getFirstSubcomponent("vevent")!;
  return {
    contentType: part.contentType,
    method: root.getFirstPropertyValue("method"),
    uid: String(vevent.getFirstPropertyValue("uid")),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    status: vevent.getFirstPropertyValue("status"),
    organizer: vevent.getFirstPropertyValue("organizer"),
    attendee: vevent.getFirstPropertyValue("attendee"),
    occurrence: expandCalendar(part.body, far)[0],
  };
}

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startTestSmtp();
  mailer = setUpMail({
    smtpUrl: smtp.url,
    mailFrom: "Grappe Loire <noreply@grappe.test>",
    publicUrl: "https://grappe.test",
  });
  a = await t.cluster();
  const db = t.database.db;
  event = await insertEvent(db, a.id, {
    title: "Petit-déjeuner <b>Usine 4.0</b>",
    startsAt: paris(Y, 12, 3, 8, 0),
    durationMinutes: 90,
    agenda: "Tour de table\nVisite de l'atelier",
    capacity: 2,
  });
  const occurrence = event.occurrences[0];
  const member = await userByEmail(db, `member@${a.slug}.test`);
  const staff = await userByEmail(db, `staff@${a.slug}.test`);
  await db.update(users).set({ locale: "en" }).where(eq(users.id, staff.id));
  reg.member = await insertRegistration(db, a.id, occurrence, {
    name: "Jeanne Membre",
    email: member.email,
    userId: member.id,
  });
  reg.english = await insertRegistration(db, a.id, occurrence, {
    name: "Staff Person",
    email: staff.email,
    userId: staff.id,
  });
  reg.guest = await insertRegistration(db, a.id, occurrence, {
    name: "Paul Prospect",
    email: "paul@prospect.example",
    isGuest: true,
  });
  reg.w1 = await insertRegistration(db, a.id, occurrence, {
    name: "Wanda Un",
    email: "w1@example.org",
    status: "waiting",
  });
  reg.w2 = await insertRegistration(db, a.id, occurrence, {
    name: "Wanda Deux",
    email: "w2@example.org",
    status: "waiting",
  });
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

describe(`event emails through SMTP on ${testDatabaseKind}`, () => {
  let firstSequence: number;
  let uid: string;

  it("confirms a seat in French with the invitation (.ics, METHOD:REQUEST) attached", async () => {
    await queue("confirmation", [reg.member.id, reg.english.id, reg.guest.id]);
    const mails = await deliver(3);
    const mail = mails.get(reg.member.email)!;
    expect(mail.subject).toBe(`Inscription confirmée : Petit-déjeuner <b>Usine 4.0</b>, ${dec3()} à 08:00`);
    expect(mail.to).toContain("Jeanne Membre");
    expect(mail.from).toContain("noreply@grappe.test");
    expect(mail.text).toMatch(/Bonjour Jeanne Membre,/);
    expect(mail.text).toContain(`Quand : ${dec3()}, de 08:00 à 09:30`);
    expect(mail.text).toContain("Où : 12 rue de l'Industrie, 42000 Saint-Étienne");
    expect(mail.text).toContain("Programme :\nTour de table\nVisite de l'atelier");
    expect(mail.text).toContain(`https://grappe.test/c/${a.slug}/occurrences/${event.occurrences[0].id}`);
    expect(mail.html).toContain("Petit-déjeuner &lt;b&gt;Usine 4.0&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Usine");
    expect(mail.attachments.map((p) => p.filename)).toEqual(["evenement.ics"]);

    const ics = calendarOf(mail)!;
    expect(ics.contentType).toMatch(/method=REQUEST/i);
    expect(ics.method).toBe("REQUEST");
    expect(ics.status).toBe("CONFIRMED");
    expect(ics.organizer).toBe("mailto:noreply@grappe.test");
    expect(ics.attendee).toBe(`mailto:${reg.member.email}`);
    expect(ics.occurrence.start.toISOString()).toBe(event.occurrences[0].startsAt.toISOString());
    expect(ics.occurrence.end.toISOString()).toBe(event.occurrences[0].endsAt.toISOString());
    expect(ics.occurrence.location).toBe("12 rue de l'Industrie, 42000 Saint-Étienne");
    expect(ics.occurrence.summary).toBe("Petit-déjeuner <b>Usine 4.0</b>");
    uid = ics.uid;
    firstSequence = ics.sequence;
  });

  it("writes in English to people whose account is in English, and gives guests their cancel link", async () => {
    const mails = smtp.received.slice(-3);
    const english = mails.find((m) => m.envelopeTo[0] === reg.english.email)!;
    const day = dayIn("en-GB", paris(Y, 12, 3));
    expect(english.subject).toBe(`Registration confirmed: Petit-déjeuner <b>Usine 4.0</b>, ${day} at 08:00`);
    expect(english.text).toContain(`When: ${day}, 08:00 to 09:30 (Paris time)`);
    expect(english.attachments.map((p) => p.filename)).toEqual(["event.ics"]);
    const guest = mails.find((m) => m.envelopeTo[0] === "paul@prospect.example")!;
    expect(guest.text).toContain(
      `Annuler votre inscription : https://grappe.test/guest/${a.slug}/registrations/${reg.guest.token}`,
    );
    expect(guest.text).not.toContain("/occurrences/");
    expect(calendarOf(guest)!.occurrence.url).toBeNull();
  });

  it("tells people on the waiting list their rank, then sends the invitation on promotion", async () => {
    await queue("waiting", [reg.w1.id, reg.w2.id]);
    let mails = await deliver(2);
    const w1 = mails.get("w1@example.org")!;
    expect(w1.subject).toMatch(/^Liste d'attente : /);
    expect(w1.text).toContain("(position 1)");
    expect(mails.get("w2@example.org")!.text).toContain("(position 2)");
    expect(w1.calendars).toEqual([]);

    await withTenant(t.database.db, a.id, async (tx) => {
      const { registrations } = await import("./events.schema.js");
      await tx.update(registrations).set({ status: "cancelled" }).where(eq(registrations.id, reg.english.id));
      await tx
        .update(registrations)
        .set({ status: "confirmed", promotedAt: new Date() })
        .where(eq(registrations.id, reg.w1.id));
      await queueEventMail(tx, a.id, "promotion", [reg.w1.id]);
    });
    mails = await deliver(1);
    const promoted = mails.get("w1@example.org")!;
    expect(promoted.subject).toMatch(/^Une place s'est libérée : /);
    expect(calendarOf(promoted)!.method).toBe("REQUEST");
  });

  it("sends the moved date as an update of the same invitation; the waiting list gets the news only", async () => {
    const o = event.occurrences[0];
    await updateOccurrence(t.database.db, a.id, o.id, {
      startsAt: paris(Y, 12, 4, 12, 0),
      endsAt: paris(Y, 12, 4, 14, 0),
    });
    await queue("moved", [reg.member.id, reg.w2.id]);
    const mails = await deliver(2);
    const moved = mails.get(reg.member.email)!;
    expect(moved.subject).toBe(`Nouvel horaire : Petit-déjeuner <b>Usine 4.0</b>, ${dec4()} à 12:00`);
    expect(moved.text).toContain(`(initialement prévu le ${dec3()} à 08:00)`);
    expect(moved.text).toContain(`Quand : ${dec4()}, de 12:00 à 14:00`);
    const ics = calendarOf(moved)!;
    expect(ics.method).toBe("REQUEST");
    expect(ics.uid).toBe(uid);
    expect(ics.sequence).toBeGreaterThanOrEqual(firstSequence);
    expect(ics.occurrence.start.toISOString()).toBe(paris(Y, 12, 4, 12, 0).toISOString());
    const waiting = mails.get("w2@example.org")!;
    expect(waiting.calendars).toEqual([]);
    expect(waiting.text).toContain("Vous restez sur la liste d'attente.");
  });

  it("cancels with a METHOD:CANCEL of the same event, giving the reason", async () => {
    await updateOccurrence(t.database.db, a.id, event.occurrences[0].id, {
      status: "cancelled",
      cancelReason: "Intervenant malade",
    });
    await new Promise((r) => setTimeout(r, 1100)); // SEQUENCE counts seconds
    await queue("cancelled_by_organiser", [reg.member.id, reg.w2.id, reg.guest.id]);
    const mails = await deliver(3);
    const cancelled = mails.get(reg.member.email)!;
    expect(cancelled.subject).toMatch(/^Annulé : Petit-déjeuner/);
    expect(cancelled.text).toContain("Motif : Intervenant malade");
    expect(cancelled.attachments.map((p) => p.filename)).toEqual(["annulation.ics"]);
    const ics = calendarOf(cancelled)!;
    expect(ics.contentType).toMatch(/method=CANCEL/i);
    expect(ics.method).toBe("CANCEL");
    expect(ics.status).toBe("CANCELLED");
    expect(ics.uid).toBe(uid);
    expect(ics.sequence).toBeGreaterThan(firstSequence);
    expect(mails.get("w2@example.org")!.calendars).toEqual([]);
    expect(mails.get("paul@prospect.example")!.text).not.toContain("Annuler votre inscription");
  });

  it("queues each message once, and nothing when the change rolls back", async () => {
    const count = async () => (await t.database.db.select().from(outbox).where(eq(outbox.clusterId, a.id))).length;
    const before = await count();
    await queue("confirmation", [reg.member.id]);
    await expect(
      withTenant(t.database.db, a.id, async (tx) => {
        await queueEventMail(tx, a.id, "waiting", [reg.w2.id, reg.member.id]);
        throw new Error("registration failed");
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
  });
});

describe(`day-before reminders on ${testDatabaseKind}`, () => {
  const now = paris(Y, 6, 10, 9, 0);
  let tomorrow: Awaited<ReturnType<typeof insertEvent>>;

  beforeAll(async () => {
    const db = t.database.db;
    tomorrow = await insertEvent(db, a.id, { title: "Visite d'entreprise", startsAt: paris(Y, 6, 11, 8, 0) });
    const later = await insertEvent(db, a.id, { title: "Après-demain", startsAt: paris(Y, 6, 12, 8, 0) });
    const cancelled = await insertEvent(db, a.id, { title: "Annulée", startsAt: paris(Y, 6, 11, 10, 0) });
    const draft = await insertEvent(db, a.id, {
      title: "Brouillon",
      startsAt: paris(Y, 6, 11, 11, 0),
      status: "draft",
    });
    await updateOccurrence(db, a.id, cancelled.occurrences[0].id, { status: "cancelled" });
    const o = tomorrow.occurrences[0];
    const staff = await userByEmail(db, `staff@${a.slug}.test`);
    await insertRegistration(db, a.id, o, { name: "Jeanne Membre", email: "jeanne@example.org" });
    await insertRegistration(db, a.id, o, { name: "Staff Person", email: staff.email, userId: staff.id });
    await insertRegistration(db, a.id, o, { name: "En attente", email: "attente@example.org", status: "waiting" });
    await insertRegistration(db, a.id, o, { name: "Désinscrit", email: "parti@example.org", status: "cancelled" });
    for (const other of [later, cancelled, draft]) {
      await insertRegistration(db, a.id, other.occurrences[0], { name: "Autre", email: "autre@example.org" });
    }
    // Another cluster with an occurrence tomorrow too.
    const b = await t.cluster();
    const elsewhere = await insertEvent(db, b.id, { title: "Ailleurs", startsAt: paris(Y, 6, 11, 18, 0) });
    await insertRegistration(db, b.id, elsewhere.occurrences[0], { name: "Bob", email: "bob@example.org" });
  });

  it("waits for the morning, then queues one reminder per confirmed seat of tomorrow, once", async () => {
    expect(await queueDayBeforeReminders(t.database.db, paris(Y, 6, 10, 7, 0))).toEqual({
      occurrences: 0,
      messages: 0,
    });
    expect(await queueDayBeforeReminders(t.database.db, now)).toEqual({ occurrences: 2, messages: 3 });
    expect(await queueDayBeforeReminders(t.database.db, now)).toEqual({ occurrences: 0, messages: 0 });
    const [row] = await withTenant(t.database.db, a.id, (tx) =>
      tx.select().from(eventOccurrences).where(eq(eventOccurrences.id, tomorrow.occurrences[0].id)),
    );
    expect(row.remindedAt?.toISOString()).toBe(now.toISOString());

    const mails = await deliver(3);
    expect([...mails.keys()].sort()).toEqual(["bob@example.org", "jeanne@example.org", `staff@${a.slug}.test`]);
    const jeanne = mails.get("jeanne@example.org")!;
    expect(jeanne.subject).toBe("Rappel : Visite d'entreprise demain à 08:00");
    expect(jeanne.text).toContain(`Quand : ${dayIn("fr-FR", paris(Y, 6, 11))}, de 08:00 à 09:30`);
    expect(jeanne.calendars).toEqual([]);
    expect(mails.get(`staff@${a.slug}.test`)!.subject).toBe("Reminder: Visite d'entreprise tomorrow at 08:00");
  });

  it("even when reminded_at is lost, the dedupe key keeps it to one email", async () => {
    await updateOccurrence(t.database.db, a.id, tomorrow.occurrences[0].id, { remindedAt: null });
    expect(await queueDayBeforeReminders(t.database.db, now)).toEqual({ occurrences: 1, messages: 0 });
  });
});

describe(`emails from the events API, end to end, on ${testDatabaseKind}`, () => {
  const call = async (method: string, path: string, json?: unknown) => {
    const res = await t.request(method, `/api/clusters/${a.slug}${path}`, { cookie: a.staff, json });
    return { status: res.status, body: await res.json() };
  };

  it("registers, fills the waiting list, promotes and cancels: each person gets the right email", async () => {
    const created = await call("POST", "/events", {
      kind: "company_visit",
      title: "Visite de la fonderie",
      startsAt: paris(Y, 9, 16, 14, 0).toISOString(),
      durationMinutes: 120,
      communeInsee: "42218",
      addressLine: "3 rue des Forges",
      audience: "public",
      capacity: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const occurrenceId = created.body.occurrences[0].id as string;
    const guest = (name: string, email: string) =>
      call("POST", `/occurrences/${occurrenceId}/registrations`, { guest: { name, email, company: "Prospect SA" } });
    const first = await guest("Anne Première", "anne@visite.example");
    const second = await guest("Bruno Second", "bruno@visite.example");
    expect([first.status, second.status]).toEqual([201, 201]);

    let mails = await deliver(2);
    expect(mails.get("anne@visite.example")!.subject).toMatch(/^Inscription confirmée : Visite de la fonderie/);
    expect(calendarOf(mails.get("anne@visite.example")!)!.method).toBe("REQUEST");
    expect(mails.get("bruno@visite.example")!.subject).toMatch(/^Liste d'attente : Visite de la fonderie/);

    expect((await call("DELETE", `/registrations/${first.body.id}`)).status).toBe(200);
    mails = await deliver(1);
    const promoted = mails.get("bruno@visite.example")!;
    expect(promoted.subject).toMatch(/^Une place s'est libérée : /);
    const invitation = calendarOf(promoted)!;
    expect(invitation.occurrence.start.toISOString()).toBe(paris(Y, 9, 16, 14, 0).toISOString());
    expect(invitation.occurrence.location).toMatch(/^3 rue des Forges, (42000 )?Saint-Étienne$/);

    expect((await call("POST", `/occurrences/${occurrenceId}/cancel`, { reason: "Grève" })).status).toBe(200);
    mails = await deliver(1);
    const cancelled = mails.get("bruno@visite.example")!;
    expect(cancelled.subject).toMatch(/^Annulé : Visite de la fonderie/);
    expect(cancelled.text).toContain("Grève");
    const cancel = calendarOf(cancelled)!;
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.uid).toBe(invitation.uid);
  });
});
