import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser.js";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
});
afterAll(async () => browser?.close());

describe("staff in the directory", () => {
  it("signs in with the demo staff login", async () => {
    await signIn(page);
    await expect(page.getByTestId("cluster-name").textContent()).resolves.toMatch(/Mécagrappe/);
  });

  it("refuses a wrong password with a message", async () => {
    const other = await browser.newPage({ locale: "fr-FR" });
    await other.goto(`${baseUrl()}/`);
    await other.getByTestId("login-email").fill("claire.staff@demo.grappe.test");
    await other.getByTestId("login-password").fill("mauvais-mot-de-passe");
    await other.getByTestId("login-submit").click();
    await other.getByRole("alert").waitFor();
    expect(other.url()).toMatch(/login|\/$/);
    await other.close();
  });

  it("searches across names, trades and towns, French plurals and accents included", async () => {
    await page.goto(`${baseUrl()}/c/demo/members`);
    await page.getByTestId("directory-search").fill("traitements thermiques");
    // Typing narrows the list to the companies whose text matches (names, descriptions, trades, town).
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="directory-row"]')];
      return (
        rows.length > 0 && rows.length < 25 && rows.some((r) => /traitements? thermiques?/i.test(r.textContent ?? ""))
      );
    });
    const rows = await page.getByTestId("directory-row").allTextContents();
    expect(rows.some((r) => /Traitements Thermiques/.test(r))).toBe(true);
    expect(new URL(page.url()).searchParams.get("q")).toBe("traitements thermiques");
  });

  it("opens a company and edits it, with inline validation", async () => {
    await page.getByTestId("directory-row").first().getByRole("link").first().click();
    await page.getByTestId("member-title").waitFor();
    const title = await page.getByTestId("member-title").textContent();
    expect(title).toBeTruthy();
    await page.getByTestId("member-edit").click();
    const siret = page.getByTestId("field-siret").locator("input");
    const originalSiret = await siret.inputValue();
    await siret.fill("12345678901234");
    await siret.blur();
    await page
      .getByText(/SIRET/i)
      .filter({ hasText: /invalide|Luhn|clé/i })
      .first()
      .waitFor();
    await siret.fill(originalSiret); // put it back: only the description is to change
    const description = `Présentation mise à jour ${Date.now()}`;
    await page.getByTestId("field-description").locator("textarea").fill(description);
    await page.getByTestId("member-save").click();
    // The URL changes first: React Router renders the next page in a transition, so for a moment the edit page,
    // titled "Modifier …", is still shown at the member's URL. Wait for the member page itself (its "Edit"
    // button), then compare the whole title: "Modifier X" contains X, so toContain(title) could not tell them apart.
    await page.waitForURL((url) => !url.pathname.endsWith("/edit"));
    await page.getByTestId("member-edit").waitFor();
    await page.getByText(description).waitFor();
    expect(await page.getByTestId("member-title").textContent()).toBe(title);
  });

  it("shows the change in the history under the field's label, without internal names", async () => {
    await page.getByTestId("tab-history").click();
    const latest = page.getByTestId("history-entry").first();
    await latest.waitFor();
    expect(await latest.getByTestId("history-field").allTextContents()).toEqual(["Présentation"]);
    const history = (await page.getByTestId("history").textContent()) ?? "";
    expect(history).not.toMatch(/nameKey|searchText|tradeCodes|sponsorId|communeInsee|version/);
  });

  it("names each member account's company on the accounts screen", async () => {
    await page.goto(`${baseUrl()}/c/demo/accounts`);
    await page.getByTestId("accounts-table").waitFor();
    const companies = await page.getByTestId("account-member-name").allTextContents();
    expect(companies.length).toBeGreaterThan(0);
    expect(companies.every((name) => name.trim() !== "" && !/chargement|loading/i.test(name))).toBe(true);
  });
});
