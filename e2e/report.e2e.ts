/**
 * The funder's activity report in Chromium, on the demo cluster's full past year: staff open the report for the
 * metropolis, find the figures the API computes and each funded action's target beside its actual, write a
 * narrative that is still there after a reload, and download the PDF and the DOCX, which both open (the PDF
 * has pages, the DOCX is an Office zip whose document carries the narrative).
 *
 * Test ids of the report UI (web/src/features/reports): nav-report, report-title, report (data-year),
 * report-funder, report-year, report-funder-name, report-download-pdf, report-download-docx,
 * report-section-<section> (summary, members, events, groups, programmes, support, business, communication,
 * funding, targets, labels), narrative-<section>, narrative-text, narrative-save, narrative-status
 * (data-state = dirty | saving | saved), fig-members-at-end, fig-members-at-start, fig-members-joins,
 * fig-members-leaves, fig-members-retention, fig-events-held, fig-events-attendance, events-by-kind,
 * fig-groups-active, programmes-table, fig-support-members, fig-business-meetings, fig-newsletters, fig-dues,
 * fig-grants, fig-private-share, targets, target-row (data-action-id, data-met = true | false | pending),
 * target-actual, target-target, labels-table.
 */
import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser.js";

interface ReportJson {
  year: number;
  funder: { id: string; name: string } | null;
  funders: { id: string; name: string; kind?: string }[];
  members: { atEnd: number; joins: number; leaves: number };
  events: { held: number; attendance: number };
  support: { members: number };
  targets: { actionId: string; target: number; actual: number; met: boolean; pending: boolean }[];
  narratives: Record<string, { body: string } | null>;
}

let browser: Browser;
let staff: Page;
const year = new Date().getFullYear() - 1;
const marker = `e2e${Date.now().toString(36)}`;
const narrative = `Une année dense pour la filière : ${marker}.\nLes petits-déjeuners ont fait le plein.`;
let metropolis: { id: string; name: string };

const fr = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
/** Intl's fr-FR groups with a narrow no-break space; compare digits only. */
const digits = (text: string | null) => (text ?? "").replace(/\D/g, "");

async function reportJson(funderId?: string): Promise<ReportJson> {
  const query = new URLSearchParams({ year: String(year), ...(funderId ? { funderId } : {}) });
  const response = await staff.request.get(`${baseUrl()}/api/clusters/demo/reports/activity?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ReportJson;
}

/** Screenshots for a visual review, only when E2E_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/report-${name}.png`, fullPage: true });
}

async function download(page: Page, testId: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByTestId(testId).click(),
  ]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  staff = await context.newPage();
});
afterAll(async () => browser?.close());

describe("activity report: figures, targets, narrative kept, PDF and DOCX", () => {
  it("opens last year's report from the navigation", async () => {
    await signIn(staff);
    await staff.getByTestId("nav-report").click();
    await staff.waitForURL(/\/c\/demo\/report/);
    await staff.locator(`[data-testid="report"][data-year="${year}"]`).waitFor({ timeout: 60_000 });
    expect(await staff.getByTestId("report-title").textContent()).toContain(String(year));
  });

  it("picks the metropolis and shows the figures the API computes, targets beside actuals", async () => {
    const general = await reportJson();
    const found = general.funders.find((f) => /m[ée]tropole/i.test(f.name)) ?? general.funders[0];
    expect(found, "the demo cluster has a funder").toBeTruthy();
    metropolis = found as { id: string; name: string };

    await staff.getByTestId("report-funder").click();
    await staff.getByRole("option", { name: metropolis.name }).click();
    await staff.waitForURL(new RegExp(`funder=${metropolis.id}`));
    await staff.getByTestId("report-funder-name").waitFor();
    expect(await staff.getByTestId("report-funder-name").textContent()).toContain(metropolis.name);

    const report = await reportJson(metropolis.id);
    // A full past year: something happened, and the page says the same as the API.
    expect(report.events.held).toBeGreaterThan(0);
    expect(report.members.atEnd).toBeGreaterThan(0);
    expect(digits(await staff.getByTestId("fig-events-held").textContent())).toBe(
      digits(fr.format(report.events.held)),
    );
    expect(digits(await staff.getByTestId("fig-events-attendance").textContent())).toBe(
      digits(fr.format(report.events.attendance)),
    );
    expect(digits(await staff.getByTestId("fig-members-joins").textContent())).toBe(String(report.members.joins));
    expect(digits(await staff.getByTestId("fig-support-members").textContent())).toBe(String(report.support.members));

    // The metropolis grant's actions: one row each, its actual and target, met or not as the API says.
    expect(report.targets.length).toBeGreaterThan(0);
    await staff.getByTestId("target-row").first().waitFor();
    expect(await staff.getByTestId("target-row").count()).toBe(report.targets.length);
    for (const target of report.targets) {
      const row = staff.locator(`[data-testid="target-row"][data-action-id="${target.actionId}"]`);
      expect(await row.getAttribute("data-met")).toBe(target.pending ? "pending" : String(target.met));
      expect(digits(await row.getByTestId("target-target").textContent())).toBe(String(target.target));
      if (!target.pending)
        expect(digits(await row.getByTestId("target-actual").textContent())).toBe(String(target.actual));
    }
    await shot(staff, "metropolis");
  });

  it("saves a section's narrative and finds it again after a reload", async () => {
    const section = staff.getByTestId("report-section-summary");
    const box = section.getByTestId("narrative-text");
    await box.fill(narrative);
    expect(await section.getByTestId("narrative-status").getAttribute("data-state")).toBe("dirty");
    await section.getByTestId("narrative-save").click();
    await section.locator('[data-testid="narrative-status"][data-state="saved"]').waitFor();
    // Saved on the server, not only in the page's cache.
    expect((await reportJson(metropolis.id)).narratives.summary?.body).toBe(narrative);

    await staff.reload();
    await staff.locator(`[data-testid="report"][data-year="${year}"]`).waitFor({ timeout: 60_000 });
    const kept = staff.getByTestId("report-section-summary").getByTestId("narrative-text");
    expect(await kept.inputValue()).toBe(narrative);
    // Narratives are kept per funder: the general report's summary is another text.
    const general = await reportJson();
    expect(general.narratives.summary?.body).not.toBe(narrative);
  });

  it("downloads the PDF, which has pages", async () => {
    const { file, bytes } = await download(staff, "report-download-pdf");
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = bytes.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it("downloads the DOCX, a valid Office document carrying the narrative", async () => {
    const { file, bytes } = await download(staff, "report-download-docx");
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file("[Content_Types].xml")).not.toBeNull();
    const document = zip.file("word/document.xml");
    expect(document).not.toBeNull();
    const xml = (await document?.async("string")) ?? "";
    expect(xml).toContain("<w:body>");
    expect(xml).toContain(marker);
    expect(xml).toContain(metropolis.name.replace(/&/g, "&amp;"));
  });
});
