import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

/** Serves the built React app, with index.html for every non-API path (client-side routes). */
export function serveWeb(app: Hono<any>, distDir: string) {
  const root = relative(process.cwd(), distDir) || ".";
  const index = readFileSync(`${distDir}/index.html`, "utf8");
  app.use(
    "/assets/*",
    serveStatic({ root, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable") }),
  );
  app.use("*", serveStatic({ root }));
  app.get("*", (c) => (c.req.path.startsWith("/api/") ? c.notFound() : c.html(index)));
}
