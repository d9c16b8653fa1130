import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSession, baseUrl, demoStaff, launchBrowser, signIn } from "./browser.js";

/**
 * A joint bid from end to end: a buyer, without an account, finds the showcase and submits a need; staff ask
 * for a team, pick the best proposal; one of the invited companies accepts from its own space.
 */
let browser: Browser;
const tag = `e2e${Date.now().toString(36)}`;
const title = `Relocalisation de carters usinés (${tag})`;
const known = [
  { email: "paul.member@demo.grappe.test", password: "grappe-demo" },
  { email: "sophie.member@demo.grappe.test", password: "grappe-demo" },
];
let topTrades: string[] = [];
let opportunityId = "";

const newPage = () => browser.newPage({ locale: "fr-FR", viewport: { width: 1400, height: 1000 } });

async function pickOption(page: Page, testId: string, text: string, option: RegExp | string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The buyer asks for the two trades most members have, so that a team exists in the demo.
  const showcase = await (await fetch(`${baseUrl()}/api/clusters/demo/showcase`)).json();
  topTrades = showcase.facets.trade.slice(0, 2).map((f: { label: string }) => f.label);
});
afterAll(async () => browser?.close());

describe("a joint bid from the showcase to an accepted invitation", () => {
  it("a buyer, signed in nowhere, searches the showcase and submits a need", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/vitrine/demo`);
    await page.getByTestId("showcase-title").waitFor();
    expect(await page.getByTestId("showcase-member").count()).toBeGreaterThan(5);
    await page.getByTestId("showcase-search").fill(topTrades[0]);
    await page.waitForFunction(() =>
      /\d+ entreprise/.test(document.querySelector('[data-testid="showcase-total"]')?.textContent ?? ""),
    );

    await page.getByTestId("sn-company").fill("Hydrofluid Europe");
    await page.getByTestId("sn-contact").fill("Marc Olivier");
    await page.getByTestId("sn-email").fill("marc.olivier@hydrofluid");
    await page.getByTestId("sn-title").fill(title);
    await page.getByTestId("sn-send").click();
    // A bad e-mail address is refused with a French message.
    await page.getByTestId("showcase-error").filter({ hasText: "Adresse e-mail invalide" }).waitFor();

    await page.getByTestId("sn-email").fill("marc.olivier@hydrofluid.example");
    await page.getByTestId("sn-description").fill("15 000 carters par an, aujourd'hui produits en Asie.");
    for (const trade of topTrades) await pickOption(page, "sn-steps", trade, trade);
    await pickOption(page, "sn-site", "Saint-Étienne", /Saint-Étienne \(42\)/);
    await page.getByTestId("sn-send").click();
    const sent = page.getByTestId("showcase-sent");
    await sent.waitFor();
    expect(await sent.textContent()).toMatch(/référence [0-9A-F]{8}/);
    await page.close();
  });

  it("staff find the lead on the board, ask for teams and pick the best one", async () => {
    const page = await newPage();
    await signIn(page, demoStaff);
    await page.getByTestId("nav-opportunities").click();
    const card = page.getByTestId("column-lead").getByTestId("opportunity-card").filter({ hasText: tag });
    await card.waitFor();
    await card.getByRole("link").click();
    await page.getByTestId("opportunity-title").filter({ hasText: tag }).waitFor();
    opportunityId = page.url().split("/").pop() ?? "";
    await page.getByTestId("consortium-propose").click();
    const best = page.getByTestId("proposal").first();
    await best.waitFor();
    expect(await best.textContent()).toMatch(/Proposition 1/);
    await best.getByTestId("proposal-pick").click();
    await page.getByTestId("proposal-status").filter({ hasText: "Invitations en cours" }).waitFor();
    await page.close();
  });

  it("an invited company accepts from its own space", async () => {
    const staff = await apiSession(demoStaff);
    const detail = await staff<{
      proposals: { status: string; members: { id: string; invitation: { status: string } | null }[] }[];
    }>("GET", `/opportunities/${opportunityId}`);
    const invited = detail.proposals.find((p) => p.status === "invited")!;
    const member = invited.members.find((m) => m.invitation?.status === "invited")!;
    // The company's login: a demo one if it has it, else one staff give it, as from the accounts page.
    const { users } = await staff<{ users: { email: string; memberId: string | null }[] }>("GET", "/users");
    const existing = users.find((u) => u.memberId === member.id);
    let login = known.find((k) => k.email === existing?.email);
    if (!login) {
      login = { email: `bid.${tag}@demo.grappe.test`, password: "grappe-demo-e2e" };
      await staff("POST", "/users", { name: "Dirigeant invité", ...login, role: "member", memberId: member.id });
    }
    const page = await newPage();
    await signIn(page, login);
    await page.getByTestId("nav-my-opportunities").click();
    const invitation = page.getByTestId("invitation").filter({ hasText: tag });
    await invitation.waitFor();
    await invitation.getByTestId("invitation-accept").click();
    await invitation.getByTestId("invitation-status").filter({ hasText: "Accepte" }).waitFor();
    const after = await staff<typeof detail>("GET", `/opportunities/${opportunityId}`);
    const answered = after.proposals
      .flatMap((p) => p.members)
      .find((m) => m.id === member.id && m.invitation?.status === "accepted");
    expect(answered).toBeDefined();
    await page.close();
  });
});
