import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser.js";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
  await signIn(page);
});
afterAll(async () => browser?.close());

/** A member list as a cluster keeps it: Excel-FR CSV (Windows-1252, semicolons, French decimals and dates). */
function memberFile(): string {
  const stamp = Date.now().toString(36);
  const rows = [
    ["Raison sociale", "SIRET", "Effectif", "CA (k€)", "CP", "Ville", "Date d'adhésion"],
    [`Mécanique Nouvelle ${stamp}`, "", "18", "2 450,5", "42400", "Saint-Chamond", "03/04/2025"],
    [`Soudure Moderne ${stamp}`, "", "7", "640", "43000", "Le Puy-en-Velay", "15/01/2026"],
    [`Siret Faux ${stamp}`, "12345678901234", "9", "", "42000", "Saint-Étienne", ""],
    [`Ville Inconnue ${stamp}`, "", "3", "", "99999", "Atlantide", ""],
    ["", "", "4", "", "42000", "Saint-Étienne", ""],
  ];
  const file = join(mkdtempSync(join(tmpdir(), "grappe-import-")), "adherents.csv");
  writeFileSync(file, iconv.encode(rows.map((r) => r.join(";")).join("\r\n"), "win1252"));
  return file;
}

describe("staff import a member file", () => {
  it("previews, imports the good rows and reports each bad one with its reason", async () => {
    await page.goto(`${baseUrl()}/c/demo/import`);
    await page.getByTestId("import-file").waitFor({ state: "attached", timeout: 60_000 });
    await page.getByTestId("import-file").setInputFiles(memberFile());
    await page.getByTestId("import-mapping").waitFor();
    expect(await page.getByTestId("import-mapping-row").count()).toBe(7);
    await page.getByTestId("import-run").click();
    const report = page.getByTestId("import-report");
    await report.waitFor();
    const rejected = page.getByTestId("import-rejected-row");
    await expect.poll(() => rejected.count()).toBe(3);
    const text = (await rejected.allTextContents()).join("\n");
    expect(text).toMatch(/SIRET invalide/);
    expect(text).toMatch(/Atlantide|Commune inconnue/);
    expect(text).toMatch(/Raison sociale manquante/);
    expect(await report.textContent()).toMatch(/2/);
  });

  it("finds the imported members in the directory", async () => {
    await page.goto(`${baseUrl()}/c/demo/members?q=${encodeURIComponent("Soudure Moderne")}`);
    await page.getByTestId("directory-row").first().waitFor();
    expect(await page.getByTestId("directory-row").first().textContent()).toMatch(/Soudure Moderne/);
  });
});
