/**
 * Events in Chromium: a staff member creates an event with one seat, two member users register
 * (the second lands on the waiting list), the first cancels, the second is promoted, and staff
 * check the second in on the door screen at phone width (375 px).
 *
 * Test ids of the events UI (web/src/features/events):
 * - navigation: nav-events
 * - calendar (EventsPage): event-new, calendar-view-toggle (Mantine SegmentedControl: month | list),
 *   calendar-prev, calendar-next, calendar-today, calendar-month-title, calendar-kind, calendar-search,
 *   calendar-feeds, calendar-month, calendar-day (data-date, data-today, data-holiday), calendar-chip
 *   (data-occurrence-id, data-kind, data-cancelled), calendar-more, holiday-flag, calendar-list,
 *   calendar-list-month, event-row (data-occurrence-id, data-cancelled), event-row-title, seats, my-status
 *   (data-status), calendar-empty, calendar-later
 * - event page (OccurrencePage): occurrence-title, occurrence-date, occurrence-when, event-kind,
 *   badge-cancelled, badge-draft, occurrence-cancelled, occurrence-description, occurrence-agenda,
 *   occurrence-expected-result, occurrence-timing, occurrence-practical, occurrence-place, occurrence-online,
 *   occurrence-host, occurrence-audience, occurrence-capacity, occurrence-recurrence, other-dates, other-date,
 *   occurrence-feeds, feed-private-show, feed-private-url, feed-public-url
 *   registration-card, registration-status (data-status = none | confirmed | waiting), registration-position
 *   (data-position), registration-register, registration-cancel, registration-cancel-modal, confirm-submit,
 *   registration-add, register-someone-modal, register-tab-person, register-tab-guest, register-member,
 *   register-person, register-guest-name, register-guest-email, register-guest-company, register-submit
 *   staff: occurrence-checkin, occurrence-edit, occurrence-more, occurrence-move, occurrence-cancel,
 *   series-cancel, move-modal, move-date, move-time, move-duration, move-submit, cancel-occurrence-modal,
 *   cancel-series-modal, cancel-reason, cancel-tick, registrations-section, registrations-table,
 *   registration-row (data-status, data-registration-id), registration-row-status, registration-row-checkin
 *   (data-present), registration-row-cancel, registrations-empty
 *   feedback-form, feedback-rating, feedback-comment, feedback-submit
 *   minutes-section, minutes-edit, minutes-text, results-text, minutes-save, minutes-view, results-view,
 *   documents-list, document-row, document-file, document-title, document-upload
 * - form (EventFormPage): event-form-title, event-form, event-save, event-conflict, event-working-group,
 *   field-kind, field-title, field-status, field-audience, field-date, field-time, field-duration,
 *   field-commune, field-onlineUrl, field-addressLine, field-postcode, field-host, field-description,
 *   field-agenda, field-expectedResult, field-timing, timing-add, field-capacity, field-seatsPerCompany,
 *   recurrence-builder, recurrence-mode, recurrence-weekdays, recurrence-nth, recurrence-weekday,
 *   recurrence-custom, recurrence-end, recurrence-count, recurrence-until, recurrence-preview,
 *   recurrence-preview-date (data-date), recurrence-preview-holiday, saved-dates
 * - check-in (CheckInPage): checkin-page, checkin-title, checkin-search, checkin-list, checkin-row
 *   (data-registration-id, data-present), checkin-name, checkin-toggle (aria-pressed), checkin-count-present,
 *   checkin-count-expected, checkin-count-waiting, checkin-empty, checkin-not-today, checkin-waiting-toggle
 * - dashboard: dashboard-events
 *
 * The event starts later today (Paris time) so that registration is still open and check-in, which opens
 * on the day of the event, is already possible. Run before 23:40 Paris time.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, demoStaff, launchBrowser, signIn } from "./browser.js";

const paul = { email: "paul.member@demo.grappe.test", password: "grappe-demo" };
const sophie = { email: "sophie.member@demo.grappe.test", password: "grappe-demo" };

let browser: Browser;
let staff: Page;
let memberA: Page;
let memberB: Page;
let occurrenceUrl = "";
const title = `Petit-déjeuner e2e ${Date.now().toString(36)}`;

/** Paris wall clock of an instant: { day: "03/12/2026", iso: "2026-12-03", time: "08:30" }. */
function parisClock(instant: Date) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: `${get("day")}/${get("month")}/${get("year")}`,
    iso: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}`,
  };
}

/** Later today in Paris: an hour from now, rounded to 5 minutes, at the latest 23:50. */
function startToday() {
  const now = parisClock(new Date());
  const later = parisClock(new Date(Math.ceil((Date.now() + 60 * 60_000) / 300_000) * 300_000));
  return later.iso === now.iso ? later : { ...now, time: "23:50" };
}

async function newPage(options: { width: number; height: number } = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ locale: "fr-FR", viewport: options, timezoneId: "Europe/Paris" });
  return context.newPage();
}

/** Screenshots for a visual review, only when E2E_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/events-${name}.png`, fullPage: true });
}

const status = (page: Page) => page.getByTestId("registration-status").getAttribute("data-status");

async function waitForStatus(page: Page, expected: string) {
  await page.waitForFunction(
    (value) => document.querySelector('[data-testid="registration-status"]')?.getAttribute("data-status") === value,
    expected,
    { timeout: 20_000 },
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await newPage();
});
afterAll(async () => browser?.close());

describe("events: capacity, waiting list, promotion and check-in", () => {
  it("staff create an event with one seat from the form", async () => {
    await signIn(staff, demoStaff);
    await staff.getByTestId("nav-events").click();
    await staff.waitForURL(/\/c\/demo\/events/);
    await staff.getByTestId("event-new").click();
    await staff.getByTestId("event-form").waitFor();

    const start = startToday();
    await staff.getByTestId("field-title").locator("input").fill(title);
    await staff.getByTestId("field-date").locator("input").fill(start.day);
    await staff.keyboard.press("Escape");
    await staff.getByTestId("field-time").locator("input").fill(start.time);
    // The live preview shows the single date computed in the browser.
    await staff.locator(`[data-testid="recurrence-preview-date"][data-date="${start.iso}"]`).waitFor();

    const commune = staff.getByTestId("field-commune").locator("input");
    await commune.fill("Saint-Étienne");
    await staff
      .getByRole("option", { name: /Saint-Étienne \(42\)/ })
      .first()
      .click();
    await staff.getByTestId("field-capacity").locator("input").fill("1");
    await staff.getByTestId("field-agenda").locator("textarea").fill("Tour de table\nIntervention\nQuestions");
    await shot(staff, "form");
    await staff.getByTestId("event-save").click();

    await staff.waitForURL(/\/c\/demo\/occurrences\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    occurrenceUrl = staff.url();
    await expect(staff.getByTestId("occurrence-title").textContent()).resolves.toBe(title);
    expect(await staff.getByTestId("occurrence-capacity").textContent()).toMatch(/0 \/ 1/);
    expect(await staff.getByTestId("occurrence-date").textContent()).toContain(start.time);
  });

  it("previews a rule's dates with holidays, survives a rule that never matches, shows server errors inline", async () => {
    await staff.goto(`${baseUrl()}/c/demo/events/new`);
    await staff.getByTestId("event-form").waitFor();
    // Thursday 6 May 2027 is Ascension Day.
    await staff.getByTestId("field-date").locator("input").fill("06/05/2027");
    await staff.keyboard.press("Escape");
    await staff.getByTestId("field-time").locator("input").fill("08:00");
    await staff.getByTestId("recurrence-mode").locator("label", { hasText: "Chaque mois" }).click();
    const first = staff.locator('[data-testid="recurrence-preview-date"][data-date="2027-05-06"]');
    await first.waitFor();
    await first.getByTestId("recurrence-preview-holiday").waitFor();
    await staff.locator('[data-testid="recurrence-preview-date"][data-date="2027-06-03"]').waitFor();
    expect(await staff.getByTestId("recurrence-preview-date").count()).toBe(8);

    await staff.getByTestId("recurrence-mode").locator("label", { hasText: "Règle RRULE" }).click();
    const custom = staff.getByTestId("recurrence-custom").locator("input");
    await custom.fill("FREQ=SOMETIMES");
    await custom.blur();
    await staff
      .getByTestId("recurrence-custom")
      .getByText(/FREQ attendu/)
      .waitFor();
    // rrule.js needs ~30 s to give up on this one: the preview stops after 1.5 s and the page stays usable.
    await custom.fill("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30");
    await staff.getByTestId("recurrence-preview-empty").waitFor({ timeout: 5_000 });
    await staff.getByTestId("recurrence-mode").locator("label", { hasText: "Une seule fois" }).click();

    // A check only the server makes lands under its input.
    await staff.getByTestId("field-title").locator("input").fill("Règle de places");
    await staff.getByTestId("field-commune").locator("input").fill("Firminy");
    await staff
      .getByRole("option", { name: /Firminy \(42\)/ })
      .first()
      .click();
    await staff.getByTestId("field-capacity").locator("input").fill("1");
    await staff.getByTestId("field-seatsPerCompany").locator("input").fill("3");
    await staff.getByTestId("event-save").click();
    await staff
      .getByTestId("field-seatsPerCompany")
      .getByText(/places/i)
      .last()
      .waitFor();
    expect(staff.url()).toMatch(/\/events\/new$/);
    await shot(staff, "form-errors");
  });

  it("shows the event in the list and the month views, the view kept in the URL", async () => {
    await staff.goto(`${baseUrl()}/c/demo/events`);
    await staff.locator('[data-testid="calendar-chip"]', { hasText: title }).waitFor();
    expect(await staff.locator('[data-testid="calendar-day"][data-today="true"]').count()).toBe(1);
    await shot(staff, "calendar-month");
    await staff.getByTestId("calendar-view-toggle").locator("label", { hasText: "Liste" }).click();
    await staff.waitForURL(/view=list/);
    const row = staff.locator('[data-testid="event-row"]', { hasText: title });
    await row.waitFor();
    expect(await row.getByTestId("seats").textContent()).toMatch(/1 place restante/);
    await staff.reload();
    await staff.locator('[data-testid="event-row"]', { hasText: title }).waitFor();
    await shot(staff, "calendar-list");
  });

  it("member A registers and gets the seat", async () => {
    memberA = await newPage();
    await signIn(memberA, paul);
    await memberA.goto(occurrenceUrl);
    await memberA.getByTestId("occurrence-title").waitFor();
    await waitForStatus(memberA, "none");
    await memberA.getByTestId("registration-register").click();
    await waitForStatus(memberA, "confirmed");
  });

  it("member B registers and is first on the waiting list", async () => {
    memberB = await newPage();
    await signIn(memberB, sophie);
    await memberB.goto(occurrenceUrl);
    await memberB.getByTestId("occurrence-title").waitFor();
    // The one seat is taken: the button offers the waiting list.
    expect(await memberB.getByTestId("registration-register").textContent()).toMatch(/attente/i);
    await memberB.getByTestId("registration-register").click();
    await waitForStatus(memberB, "waiting");
    await shot(memberB, "member-waiting");
    expect(await memberB.getByTestId("registration-position").getAttribute("data-position")).toBe("1");
  });

  it("staff see one confirmed and one waiting registration", async () => {
    await staff.goto(occurrenceUrl);
    await staff.getByTestId("registrations-table").waitFor();
    const rows = staff.getByTestId("registration-row");
    await staff.waitForFunction(() => document.querySelectorAll('[data-testid="registration-row"]').length === 2);
    await shot(staff, "staff-occurrence");
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))).toEqual([
      "confirmed",
      "waiting",
    ]);
  });

  it("member A cancels; member B is promoted", async () => {
    await memberA.getByTestId("registration-cancel").click();
    await memberA.getByTestId("confirm-submit").click();
    await waitForStatus(memberA, "none");

    await memberB.reload();
    await waitForStatus(memberB, "confirmed");
    expect(await status(memberB)).toBe("confirmed");
  });

  it("staff check member B in on the door screen at phone width", async () => {
    const phone = await newPage({ width: 375, height: 812 });
    await signIn(phone, demoStaff);
    await phone.goto(`${occurrenceUrl}/check-in`);
    await phone.getByTestId("checkin-title").waitFor();
    await phone.getByTestId("checkin-row").first().waitFor();
    expect(await phone.getByTestId("checkin-count-expected").textContent()).toBe("1");
    expect(await phone.getByTestId("checkin-count-present").textContent()).toBe("0");

    await phone.getByTestId("checkin-search").fill("vialatte");
    const row = phone.locator('[data-testid="checkin-row"]', { hasText: /Vialatte/ });
    await row.waitFor();
    expect(await phone.getByTestId("checkin-row").count()).toBe(1);
    const toggle = row.getByTestId("checkin-toggle");
    // A thumb-sized target on a phone.
    const box = await toggle.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
    await shot(phone, "checkin-before");
    await toggle.click();
    await phone.waitForFunction(
      () => document.querySelector('[data-testid="checkin-row"]')?.getAttribute("data-present") === "true",
    );
    await phone.waitForFunction(
      () => document.querySelector('[data-testid="checkin-count-present"]')?.textContent === "1",
    );

    await shot(phone, "checkin-after");
    // Saved on the server: still checked in after a reload, and on the staff's registrations table.
    await phone.reload();
    await phone.locator('[data-testid="checkin-row"][data-present="true"]').waitFor({ timeout: 20_000 });
    await staff.reload();
    await staff.locator('[data-testid="registration-row-checkin"][data-present="true"]').waitFor({ timeout: 20_000 });
    await phone.context().close();
  });
});
