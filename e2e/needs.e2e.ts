import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSession, baseUrl, demoStaff, launchBrowser, signIn } from "./browser.js";

/**
 * A common need reaching the threshold: member A posts it, members B and C say "me too" (B after the
 * board suggested it while B was typing the same question), staff see the proposal and open the
 * working group with the three companies invited.
 */
let browser: Browser;
const tag = `e2e${Date.now().toString(36)}`;
const title = `Achat groupé d'électricité pour 2027 (${tag})`;
const paul = { email: "paul.member@demo.grappe.test", password: "grappe-demo" };
const sophie = { email: "sophie.member@demo.grappe.test", password: "grappe-demo" };
const third = { email: `needs.${tag}@demo.grappe.test`, password: "grappe-demo-e2e" };

async function memberPage(user: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
  await signIn(page, user);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The demo has two member logins; staff give a third company one, as they would from the accounts page.
  const staff = await apiSession(demoStaff);
  const { users } = await staff<{ users: { memberId: string | null }[] }>("GET", "/users");
  const taken = new Set(users.map((u) => u.memberId));
  const { items } = await staff<{ items: { id: string; legalName: string }[] }>(
    "GET",
    "/members?status=member&kind=company&pageSize=50",
  );
  const company = items.find((m) => !taken.has(m.id));
  if (!company) throw new Error("no demo company without a login");
  await staff("POST", "/users", { name: "Chloé Troisième", ...third, role: "member", memberId: company.id });
  await staff("PUT", "/needs/settings", { needThreshold: 3 });
});
afterAll(async () => browser?.close());

describe("a common need becomes a working group", () => {
  it("member A posts a need", async () => {
    const page = await memberPage(paul);
    await page.getByTestId("nav-needs").click();
    await page.getByTestId("need-title").fill(title);
    await page
      .getByTestId("need-body")
      .fill("Nos contrats d'électricité et de gaz arrivent à échéance : qui veut négocier ensemble ?");
    await page.getByTestId("need-submit").click();
    await page.getByTestId("need-row").filter({ hasText: tag }).waitFor();
    expect(
      await page.getByTestId("need-row").filter({ hasText: tag }).getByTestId("need-companies").textContent(),
    ).toMatch(/1 entreprise/);
    await page.close();
  });

  it("member B, typing the same question, is offered A's need and says me too", async () => {
    const page = await memberPage(sophie);
    await page.goto(`${baseUrl()}/c/demo/needs`);
    await page.getByTestId("need-title").fill("Groupement d'achat d'énergie entre adhérents");
    await page.getByTestId("need-body").fill("Électricité : nos contrats sont à renouveler");
    const suggestion = page.getByTestId("similar-need").filter({ hasText: tag });
    await suggestion.waitFor({ timeout: 15_000 });
    await suggestion.getByRole("link").click();
    await page.getByTestId("need-title-heading").filter({ hasText: tag }).waitFor();
    await page.getByTestId("need-metoo").click();
    await page.getByTestId("need-metoo-comment").fill("Même échéance chez nous, fin 2026");
    await page.getByTestId("need-metoo-submit").click();
    await page.getByTestId("need-metoo-done").waitFor();
    expect(await page.getByTestId("need-detail-companies").textContent()).toMatch(/2 entreprises/);
    await page.close();
  });

  it("member C finds it on the board and says me too", async () => {
    const page = await memberPage(third);
    await page.goto(`${baseUrl()}/c/demo/needs`);
    await page.getByTestId("needs-search").fill(tag);
    const row = page.getByTestId("need-row").filter({ hasText: tag });
    await row.waitFor();
    await row.getByTestId("need-metoo").click();
    await page.getByTestId("need-metoo-comment").fill("Intéressés aussi");
    await page.getByTestId("need-metoo-submit").click();
    await row.getByTestId("need-metoo-done").waitFor();
    expect(await row.getByTestId("need-companies").textContent()).toMatch(/3 entreprises/);
    await page.close();
  });

  it("staff see the proposal and open the group with the three companies invited", async () => {
    const page = await browser.newPage({ locale: "fr-FR", viewport: { width: 1400, height: 900 } });
    await signIn(page);
    await page.getByTestId("nav-needs").click();
    const proposal = page.getByTestId("proposal").filter({ hasText: tag });
    await proposal.waitFor();
    expect(await proposal.getByTestId("proposal-count").textContent()).toMatch(/3 entreprises/);
    await proposal.getByTestId("proposal-open").click();
    expect(await page.getByTestId("open-group-company").count()).toBe(3);
    await page.getByTestId("open-group-name").fill(`Achats d'énergie ${tag}`);
    await page.getByTestId("open-group-submit").click();
    await page.getByTestId("group-title").filter({ hasText: tag }).waitFor();
    const statuses = await page.getByTestId("group-member-status").allTextContents();
    expect(statuses).toEqual(["Invitée", "Invitée", "Invitée"]);
    // The proposal is gone from the board, and the need points at its group.
    await page.goto(`${baseUrl()}/c/demo/needs`);
    await page.getByTestId("proposals-panel").waitFor();
    expect(await page.getByTestId("proposal").filter({ hasText: tag }).count()).toBe(0);
    await page.close();
  });
});
