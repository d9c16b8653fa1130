import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Env, Hono, Schema } from "hono";

/**
 * index.html, read again when its modification time changes: `npm run build:web` while the server runs is seen
 * on the next request, without a restart. One stat() per page load; undefined while the build has removed it.
 */
function indexReader(path: string): () => string | undefined {
  let cached: { mtimeMs: number; html: string } | undefined;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(path, "utf8") };
    return cached.html;
  };
}

/** Serves the built React app, with index.html for every non-API path (client-side routes). */
export function serveWeb<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>, distDir: string) {
  const root = relative(process.cwd(), distDir) || ".";
  const index = indexReader(join(distDir, "index.html"));
  app.use(
    "/assets/*",
    serveStatic({ root, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable") }),
  );
  app.use("*", serveStatic({ root }));
  app.get("*", (c) => {
    if (c.req.path.startsWith("/api/")) return c.notFound();
    const html = index();
    // The page names the hashed assets of one build: browsers must ask again rather than keep an old one.
    c.header("Cache-Control", "no-cache");
    if (html === undefined) {
      c.header("Retry-After", "2");
      return c.text("The web UI is being rebuilt: reload in a moment.", 503);
    }
    return c.html(html);
  });
}
