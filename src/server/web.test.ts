import { mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { serveWeb } from "./web.js";

const dist = mkdtempSync(join(tmpdir(), "grappe-web-"));
const indexPath = join(dist, "index.html");
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Writes index.html with a distinct modification time, as a new build does. */
function build(html: string, at: number) {
  writeFileSync(indexPath, html);
  utimesSync(indexPath, at, at);
}

describe("serveWeb", () => {
  build("<p>build 1</p>", 1_000_000);
  const app = new Hono();
  serveWeb(app, dist);

  it("answers client-side routes with index.html, never to be kept stale", async () => {
    const res = await app.request("/c/demo/members/123");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expect(await res.text()).toBe("<p>build 1</p>");
    expect((await app.request("/api/nothing")).status).toBe(404);
  });

  it("serves a rebuilt index.html without a restart", async () => {
    build("<p>build 2</p>", 2_000_000);
    expect(await (await app.request("/c/demo/members")).text()).toBe("<p>build 2</p>");
  });

  it("answers 503 while a build has removed index.html, then the new one", async () => {
    unlinkSync(indexPath);
    const during = await app.request("/c/demo");
    expect(during.status).toBe(503);
    expect(during.headers.get("Retry-After")).toBe("2");
    build("<p>build 3</p>", 3_000_000);
    expect(await (await app.request("/c/demo")).text()).toBe("<p>build 3</p>");
  });
});
