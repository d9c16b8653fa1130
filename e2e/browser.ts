import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const baseUrl = () => inject("baseUrl");
export const demoStaff = { email: "claire.staff@demo.grappe.test", password: "grappe-demo" };

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
  if (!executablePath) throw new Error("Chromium is missing: apt-get install chromium");
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function signIn(page: Page, user = demoStaff) {
  await page.goto(`${baseUrl()}/`);
  await page.getByTestId("login-email").fill(user.email);
  await page.getByTestId("login-password").fill(user.password);
  await page.getByTestId("login-submit").click();
  // The shell (cluster name) appears only once the session is established.
  await page.getByTestId("cluster-name").waitFor({ timeout: 60_000 });
}

/** A signed-in API caller on the demo cluster, for setting up a spec faster than through the UI. */
export type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export async function apiSession(user: { email: string; password: string }): Promise<Call> {
  const res = await fetch(`${baseUrl()}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl() },
    body: JSON.stringify(user),
  });
  if (!res.ok) throw new Error(`sign-in ${user.email}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl()}/api/clusters/demo${path}`, {
      method,
      headers: { cookie, origin: baseUrl(), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
