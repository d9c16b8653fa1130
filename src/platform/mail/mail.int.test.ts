import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../db/tenant.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { outbox } from "./mail.schema.js";
import { dispatchOutbox, enqueueMail, MAX_ATTEMPTS, type Mailer, setUpMail } from "./mail.service.js";
import { startTestSmtp, type TestSmtp } from "./smtp.testing.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
let smtp: TestSmtp;
const base = () => `/api/clusters/${cluster.slug}`;

const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
const message = (n: number, extra: Partial<Parameters<typeof enqueueMail>[2]> = {}) => ({
  kind: "test",
  to: { address: `jeanne${n}@example.org`, name: "Jeanne Dupont" },
  subject: `Inscription confirmée : Petit-déjeuner n°${n}`,
  text: `Bonjour Jeanne,\nMessage ${n}.`,
  html: `<p>Bonjour Jeanne,</p><p>Message ${n}.</p>`,
  attachments: [
    { filename: "evenement.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: ics },
  ],
  ...extra,
});
const queue = (n: number, extra: Partial<Parameters<typeof enqueueMail>[2]> = {}) =>
  withTenant(t.database.db, cluster.id, (tx) => enqueueMail(tx, cluster.id, message(n, extra)));
const row = async (id: string) => (await t.database.db.select().from(outbox).where(eq(outbox.id, id)))[0];
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

describe(`outbox without SMTP on ${testDatabaseKind}`, () => {
  let heldId: string;

  it("holds queued messages and shows them to staff", async () => {
    heldId = (await queue(1))!;
    expect((await row(heldId)).status).toBe("held");

    const list = await t.request("GET", `${base()}/outbox`, { cookie: cluster.staff });
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.delivery).toBe("held");
    expect(body.total).toBe(1);
    expect(body.messages[0]).toMatchObject({
      id: heldId,
      kind: "test",
      toAddress: "jeanne1@example.org",
      status: "held",
      attempts: 0,
      attachments: [{ filename: "evenement.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST" }],
    });
    expect(body.messages[0].text).toBeUndefined();

    const one = await (await t.request("GET", `${base()}/outbox/${heldId}`, { cookie: cluster.staff })).json();
    expect(one.text).toBe("Bonjour Jeanne,\nMessage 1.");
    expect(one.html).toContain("<p>Message 1.</p>");
    const file = await t.request("GET", `${base()}/outbox/${heldId}/attachments/0`, { cookie: cluster.staff });
    expect(file.headers.get("content-type")).toContain("text/calendar");
    expect(await file.text()).toBe(ics);
    expect((await t.request("GET", `${base()}/outbox/${heldId}/attachments/3`, { cookie: cluster.staff })).status).toBe(
      404,
    );
  });

  it("filters and pages, and is for staff only", async () => {
    await queue(2);
    const held = await (
      await t.request("GET", `${base()}/outbox?status=held&limit=1`, { cookie: cluster.staff })
    ).json();
    expect(held.total).toBe(2);
    expect(held.messages).toHaveLength(1);
    const sent = await (await t.request("GET", `${base()}/outbox?status=sent`, { cookie: cluster.staff })).json();
    expect(sent.total).toBe(0);
    expect((await t.request("GET", `${base()}/outbox?status=lost`, { cookie: cluster.staff })).status).toBe(422);
    expect((await t.request("GET", `${base()}/outbox`, { cookie: cluster.member })).status).toBe(403);
    expect((await t.request("GET", `${base()}/outbox/${heldId}`, { cookie: cluster.funder })).status).toBe(403);
    expect((await t.request("GET", `${base()}/outbox`)).status).toBe(401);
    const other = await t.cluster();
    const foreign = await t.request("GET", `/api/clusters/${other.slug}/outbox/${heldId}`, { cookie: other.staff });
    expect(foreign.status).toBe(404);
  });

  it("queues a message once per dedupe key, and nothing when the change rolls back", async () => {
    const first = await queue(3, { dedupeKey: "reminder:r1" });
    const second = await queue(3, { dedupeKey: "reminder:r1" });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    await expect(
      withTenant(t.database.db, cluster.id, async (tx) => {
        await enqueueMail(tx, cluster.id, message(4, { dedupeKey: "rolled-back" }));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.clusterId, cluster.id));
    expect(rows.map((r) => r.dedupeKey).filter(Boolean)).toEqual(["reminder:r1"]);
  });

  it("a dispatcher without transport holds what is pending", async () => {
    const id = (await queue(5))!;
    await t.database.db.update(outbox).set({ status: "pending" }).where(eq(outbox.id, id));
    const result = await dispatchOutbox(t.database, { from: "x@y.z", transport: null });
    expect(result.held).toBeGreaterThanOrEqual(1);
    expect((await row(id)).status).toBe("held");
  });
});

describe(`outbox sent through a real SMTP server on ${testDatabaseKind}`, () => {
  let mailer: Mailer;
  beforeAll(() => {
    mailer = setUpMail({ smtpUrl: smtp.url, mailFrom: "Grappe Loire <noreply@grappe.test>", publicUrl: "http://x" });
  });

  it("sends pending messages with their calendar part and marks them sent", async () => {
    const id = (await queue(10))!;
    expect((await row(id)).status).toBe("pending");
    const before = smtp.received.length;
    const result = await dispatchOutbox(t.database, mailer);
    expect(result).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.envelopeTo).toEqual(["jeanne10@example.org"]);
    expect(mail.subject).toBe("Inscription confirmée : Petit-déjeuner n°10");
    expect(mail.from).toContain("noreply@grappe.test");
    expect(mail.to).toContain("Jeanne Dupont");
    expect(mail.text).toContain("Message 10.");
    expect(mail.html).toContain("<p>Message 10.</p>");
    const alternative = mail.calendars.find((p) => p.contentType.startsWith("text/calendar"))!;
    expect(alternative.contentType).toContain("method=REQUEST");
    expect(alternative.body).toBe(ics);
    expect(mail.attachments.map((a) => a.filename)).toEqual(["evenement.ics"]);
    expect(mail.root.headers.get("message-id")).toBe(`<${id}@grappe.test>`);
    const sent = await row(id);
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(1);
    expect(sent.sentAt).toBeInstanceOf(Date);
    // Nothing left to send.
    expect((await dispatchOutbox(t.database, mailer)).sent).toBe(0);
  });

  it("retries a temporary refusal with backoff, then sends", async () => {
    smtp.refuse.set("jeanne11@example.org", 451);
    const id = (await queue(11))!;
    expect(await dispatchOutbox(t.database, mailer)).toMatchObject({ retrying: 1, sent: 0 });
    let r = await row(id);
    expect(r).toMatchObject({ status: "pending", attempts: 1 });
    expect(r.lastError).toMatch(/451/);
    // Not its turn yet: the second attempt waits a minute.
    expect((await dispatchOutbox(t.database, mailer)).retrying).toBe(0);
    expect((await row(id)).attempts).toBe(1);
    smtp.refuse.delete("jeanne11@example.org");
    expect((await dispatchOutbox(t.database, mailer, { now: later(61) })).sent).toBe(1);
    r = await row(id);
    expect(r).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("fails at once on a permanent refusal, and after the last retry otherwise", async () => {
    smtp.refuse.set("jeanne12@example.org", 550);
    const refused = (await queue(12))!;
    expect((await dispatchOutbox(t.database, mailer)).failed).toBe(1);
    expect(await row(refused)).toMatchObject({ status: "failed", attempts: 1 });

    smtp.refuse.set("jeanne13@example.org", 451);
    const flaky = (await queue(13))!;
    for (let i = 0; i < MAX_ATTEMPTS; i++) await dispatchOutbox(t.database, mailer, { now: later(24 * 3600) });
    const r = await row(flaky);
    expect(r).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(r.lastError).toMatch(/451/);
    const failed = await (await t.request("GET", `${base()}/outbox?status=failed`, { cookie: cluster.staff })).json();
    expect(failed.total).toBe(2);
    expect(failed.delivery).toBe("smtp");
  });
});

describe(`the server's background loop on ${testDatabaseKind}`, () => {
  it("sends the outbox within a turn, and stops cleanly", async () => {
    const { startBackgroundJobs } = await import("../../server/jobs.js");
    const mailer = setUpMail({ smtpUrl: smtp.url, mailFrom: "Grappe <noreply@grappe.test>", publicUrl: "http://x" });
    const id = (await queue(20))!;
    const before = smtp.received.length;
    const jobs = startBackgroundJobs(
      { database: t.database, mailer },
      { dispatchEveryMs: 100, remindersEveryMs: 60_000 },
    );
    try {
      await smtp.waitFor(before + 1);
      await expect.poll(async () => (await row(id)).status).toBe("sent");
    } finally {
      await jobs.stop();
    }
  });
});
