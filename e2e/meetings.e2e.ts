/**
 * A business-meeting day in Chromium: staff configure the grid (slots, a pause, tables, two categories and
 * the rule that suppliers meet buyers) and open requests; two member companies join with a profile, one
 * asks the other for a meeting with priority 1 and the other accepts; staff close requests, compute the
 * schedule (weight, proven bound, ratio, breaks), review the grid and publish; the requester opens their
 * personal agenda, whose PDF and .ics links answer with the right content type, and staff get the table plan.
 *
 * Test ids of the meetings UI (web/src/features/meetings): nav-meetings, meeting-day-row, meeting-day-open,
 * meeting-day-heading, meeting-phase, meeting-tab-<tab>, phase-<phase>, config-slot-count, config-tables,
 * config-add-pause, config-pause, config-add-category, config-category, rule-<a>-<b>, config-save,
 * profile-category, profile-offers, profile-seeks, profile-join, profile-joined, participant-card,
 * participant-ask, participant-asked, request-priority-input, request-message, request-send, request-in,
 * request-accept, request-status, schedule-run, schedule-weight, schedule-bound, schedule-ratio,
 * schedule-breaks, schedule-meetings, schedule-grid, grid-meeting, schedule-publish, schedule-status,
 * table-plan-pdf, board-simulate, board-place, agenda, agenda-meeting, agenda-with, agenda-place,
 * agenda-pdf, agenda-ics.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSession, baseUrl, demoStaff, launchBrowser, signIn } from "./browser.js";

const paul = { email: "paul.member@demo.grappe.test", password: "grappe-demo" };
const sophie = { email: "sophie.member@demo.grappe.test", password: "grappe-demo" };
const tag = `e2e${Date.now().toString(36)}`;
const title = `Rendez-vous d'affaires mécanique ${tag}`;

let browser: Browser;
let eventId = "";
let paulCompany = "";
let sophieCompany = "";

async function openPage(user = demoStaff): Promise<Page> {
  const page = await browser.newPage({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
  await signIn(page, user);
  return page;
}

/** From the navigation to the day's page, as a user would. */
async function openDay(page: Page) {
  await page.getByTestId("nav-meetings").click();
  const row = page.getByTestId("meeting-day-row").filter({ hasText: tag });
  await row.getByTestId("meeting-day-open").click();
  await page.getByTestId("meeting-day-heading").filter({ hasText: tag }).waitFor();
}

/** Picks an option of a Mantine Select (the list lives in a portal). */
async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option }).first().click();
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The day is an event of kind business_meetings, ten days ahead, created as staff would in the calendar.
  const staff = await apiSession(demoStaff);
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  startsAt.setUTCHours(7, 0, 0, 0);
  const event = await staff<{ id: string }>("POST", "/events", {
    kind: "business_meetings",
    title,
    startsAt: startsAt.toISOString(),
    durationMinutes: 480,
    communeInsee: "42218",
    addressLine: "Centre de congrès",
    audience: "members",
  });
  eventId = event.id;
});
afterAll(async () => browser?.close());

describe("a business-meeting day from requests to a personal agenda", () => {
  it("staff configure the grid and the category rules, then open requests", async () => {
    const page = await openPage();
    await openDay(page);
    expect(await page.getByTestId("meeting-phase").first().textContent()).toBe("À configurer");
    await page.getByTestId("config-slot-count").fill("8");
    await page.getByTestId("config-tables").fill("3");
    await page.getByTestId("config-add-pause").click();
    await page.getByTestId("config-pause-label").fill("Café");
    await pick(page, "config-pause-from", /\(n° 3\)/);
    await pick(page, "config-pause-to", /\(n° 3\)/);
    for (const label of ["Fournisseurs", "Acheteurs"]) {
      await page.getByTestId("config-add-category").click();
      await page.getByTestId("config-category").last().getByPlaceholder("Libellé").fill(label);
    }
    await page.getByTestId("rule-fournisseurs-acheteurs").click();
    await page.getByTestId("config-save").click();
    await page.getByText("Configuration enregistrée").waitFor();
    // The preview shows the eight slots from 09:00, the fourth one being the coffee break.
    expect(await page.getByTestId("config-preview").textContent()).toContain("Café");
    await page.getByTestId("phase-requests_open").click();
    await page.getByTestId("meeting-phase").filter({ hasText: "Demandes ouvertes" }).first().waitFor();
    await page.close();
  });

  it("two member companies join, one as a supplier and one as a buyer", async () => {
    for (const [user, category, offers, seeks] of [
      [
        paul,
        "Fournisseurs",
        "Usinage de précision 5 axes, petites et moyennes séries, pièces en inox et titane",
        "Donneurs d'ordre dans l'aéronautique et le médical",
      ],
      [
        sophie,
        "Acheteurs",
        "Achats de pièces mécaniques pour l'aéronautique et le médical",
        "Sous-traitants en usinage de précision inox et titane",
      ],
    ] as const) {
      const page = await openPage(user);
      await openDay(page);
      await pick(page, "profile-category", category);
      await page.getByTestId("profile-offers").fill(offers);
      await page.getByTestId("profile-seeks").fill(seeks);
      await page.getByTestId("profile-join").click();
      await page.getByTestId("profile-joined").waitFor();
      await page.close();
    }
    const names = async (user: typeof paul) => {
      const call = await apiSession(user);
      const day = await call<{ myParticipantId: string }>("GET", `/meeting-days/${eventId}`);
      const { participants } = await call<{ participants: { id: string; company: string }[] }>(
        "GET",
        `/meeting-days/${eventId}/participants`,
      );
      return participants.find((p) => p.id === day.myParticipantId)!.company;
    };
    paulCompany = await names(paul);
    sophieCompany = await names(sophie);
    expect(paulCompany).not.toBe(sophieCompany);
  });

  it("the supplier asks the buyer for a meeting with priority 1, and the buyer accepts", async () => {
    const asker = await openPage(paul);
    await openDay(asker);
    await asker.getByTestId("meeting-tab-suggestions").click();
    const card = asker.getByTestId("participant-card").filter({ hasText: sophieCompany }).first();
    await card.getByTestId("participant-ask").click();
    await asker.getByTestId("request-priority-input").getByText("1 — indispensable").click();
    await asker.getByTestId("request-message").fill("Nous aimerions vous présenter notre atelier 5 axes.");
    await asker.getByTestId("request-send").click();
    await card.getByTestId("participant-asked").waitFor();
    await asker.close();

    const asked = await openPage(sophie);
    await openDay(asked);
    await asked.getByTestId("meeting-tab-myRequests").click();
    const request = asked.getByTestId("request-in").filter({ hasText: paulCompany });
    expect(await request.textContent()).toContain("atelier 5 axes");
    expect(await request.getByTestId("request-priority").textContent()).toContain("1");
    await request.getByTestId("request-accept").click();
    await request.getByTestId("request-status").filter({ hasText: "Acceptée" }).waitFor();
    await asked.close();
  });

  it("staff add two guests with meetings they impose, close requests, compute, review and publish", async () => {
    const staff = await apiSession(demoStaff);
    const path = `/meeting-days/${eventId}`;
    const supplier = await staff<{ id: string }>("POST", `${path}/participants`, {
      name: "Hugo Invité",
      company: `Traitements de surface ${tag}`,
      category: "fournisseurs",
    });
    const buyer = await staff<{ id: string }>("POST", `${path}/participants`, {
      name: "Inès Invitée",
      company: `Ascenseurs ${tag}`,
      category: "acheteurs",
    });
    const { participants } = await staff<{ participants: { id: string; company: string }[] }>(
      "GET",
      `${path}/participants`,
    );
    const idOf = (company: string) => participants.find((p) => p.company === company)!.id;
    for (const [fromId, toId] of [
      [supplier.id, buyer.id],
      [supplier.id, idOf(sophieCompany)],
      [idOf(paulCompany), buyer.id],
    ])
      await staff("POST", `${path}/requests`, { fromId, toId, priority: 2, force: true });

    const page = await openPage();
    await openDay(page);
    await page.getByTestId("phase-requests_closed").click();
    await page.getByTestId("meeting-phase").filter({ hasText: "Demandes closes" }).first().waitFor();
    await page.getByTestId("meeting-tab-schedule").click();
    await page.getByTestId("schedule-run").click();
    await page.getByTestId("schedule-ratio").waitFor({ timeout: 60_000 });
    // Four accepted meetings, seven open slots, three tables: every meeting fits, so the bound is reached.
    expect(await page.getByTestId("schedule-meetings").textContent()).toBe("4");
    expect(await page.getByTestId("schedule-weight").textContent()).toBe(
      await page.getByTestId("schedule-bound").textContent(),
    );
    expect(await page.getByTestId("schedule-ratio").textContent()).toMatch(/^100\s?%$/);
    expect(Number(await page.getByTestId("schedule-breaks").textContent())).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId("grid-meeting").count()).toBe(4);
    expect(await page.getByTestId("schedule-grid").textContent()).toContain("Café");
    await page.getByTestId("schedule-publish").click();
    await page.getByTestId("schedule-status").filter({ hasText: "Publié" }).waitFor();
    await page.getByTestId("meeting-phase").filter({ hasText: "Planning publié" }).first().waitFor();

    // The table plan answers as a PDF, with the browser's own session.
    const href = await page.getByTestId("table-plan-pdf").first().getAttribute("href");
    const plan = await page.request.get(`${baseUrl()}${href}`);
    expect(plan.status()).toBe(200);
    expect(plan.headers()["content-type"]).toBe("application/pdf");
    expect((await plan.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The live board, rehearsed at the first slot: a meeting is under way at some table.
    await page.getByTestId("meeting-tab-board").click();
    await pick(page, "board-simulate", /^09:00/);
    await page.getByTestId("board-status").filter({ hasText: "09:00" }).waitFor();
    expect(await page.getByTestId("board-place").count()).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it("the supplier opens their agenda, and its PDF and .ics links answer", async () => {
    const page = await openPage(paul);
    await openDay(page);
    // Once the schedule is published, a participant lands on their agenda.
    const agenda = page.getByTestId("agenda");
    await agenda.waitFor();
    expect(await agenda.getByTestId("agenda-meeting").count()).toBe(2);
    const withSophie = agenda.getByTestId("agenda-meeting").filter({ hasText: sophieCompany });
    expect(await withSophie.getByTestId("agenda-place").textContent()).toMatch(/^Table [123]$/);
    expect(await agenda.getByTestId("agenda-pause").textContent()).toContain("Café");

    const pdfHref = await page.getByTestId("agenda-pdf").getAttribute("href");
    const pdf = await page.request.get(`${baseUrl()}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    const icsHref = await page.getByTestId("agenda-ics").getAttribute("href");
    const ics = await page.request.get(`${baseUrl()}${icsHref}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // Folded lines (RFC 5545) are unfolded before looking for the other company's name.
    expect(text.replace(/\r\n[ \t]/g, "")).toContain(sophieCompany);
    await page.close();
  });

  it("on the day, a guest cancels: the re-plan keeps every other confirmed meeting at its slot and table", async () => {
    const staff = await apiSession(demoStaff);
    type Review = {
      meetings: { a: { company: string }; b: { company: string }; slot: number; table: number | null }[];
    };
    const pairOf = (m: Review["meetings"][number]) => [m.a.company, m.b.company].sort().join(" ↔ ");
    const before = await staff<Review>("GET", `/meeting-days/${eventId}/schedule`);
    const page = await openPage();
    await openDay(page);
    await page.getByTestId("meeting-tab-schedule").click();
    await pick(page, "replan-participant", new RegExp(`Ascenseurs ${tag}`));
    await page.getByTestId("replan-cancel").click();
    await page.getByText("Désistés : Ascenseurs").waitFor();
    await page.getByTestId("replan-run").click();
    await page.getByTestId("schedule-replan-figures").waitFor();
    expect(await page.getByTestId("schedule-status").textContent()).toBe("Publié");
    // The guest had two meetings; the two others stay.
    expect(await page.getByTestId("grid-meeting").count()).toBe(2);
    const after = await staff<Review>("GET", `/meeting-days/${eventId}/schedule`);
    const kept = before.meetings.filter((m) => !pairOf(m).includes(`Ascenseurs ${tag}`));
    expect(kept).toHaveLength(2);
    for (const m of kept) {
      const now = after.meetings.find((x) => pairOf(x) === pairOf(m));
      expect(now && { slot: now.slot, table: now.table }).toEqual({ slot: m.slot, table: m.table });
    }

    // After the day, staff record that a meeting was held and a follow-up is expected; the counts follow.
    await page.getByTestId("meeting-tab-outcomes").click();
    const row = page.getByTestId("outcome-row").first();
    await row.getByTestId("outcome-held").getByText("Oui").click();
    await row.getByTestId("outcome-followup").getByText("Oui").click();
    await page
      .getByTestId("outcome-counts")
      .filter({ hasText: /Tenus\s*1/ })
      .waitFor();
    const counts = await staff<{ meetings: number; held: number; followUps: number }>(
      "GET",
      `/meeting-days/${eventId}/outcomes`,
    );
    expect(counts).toMatchObject({ meetings: 2, held: 1, followUps: 1 });
    await page.close();
  });
});
