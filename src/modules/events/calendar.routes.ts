import { createHash } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../server/context.js";
import * as contract from "./calendar.contract.js";
import { privateFeed, privateFeedUrl, publicFeed } from "./calendar.service.js";

/** Serves a feed with an ETag, so calendar clients polling an unchanged feed get a 304. */
function calendarResponse(c: Context<AppEnv>, body: string, fileName: string, visibility: "public" | "private") {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${fileName}"`,
    "Cache-Control": `${visibility}, max-age=300`,
    ETag: etag,
  };
  if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}

export function calendarRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.publicCalendar, async (c) => {
    const { database, config } = c.get("services");
    const cluster = c.get("cluster")!;
    return calendarResponse(
      c,
      await publicFeed(database.db, cluster, config.publicUrl),
      `${cluster.slug}.ics`,
      "public",
    );
  });
  app.openapi(contract.myCalendar, async (c) => {
    const { database, config } = c.get("services");
    const cluster = c.get("cluster")!;
    const ctx = { db: database.db, clusterId: cluster.id, actor: c.get("actor") };
    return c.json(await privateFeedUrl(ctx, cluster.slug, config.publicUrl), 200);
  });
  app.openapi(contract.privateCalendar, async (c) => {
    const { database, config } = c.get("services");
    const cluster = c.get("cluster")!;
    const body = await privateFeed(database.db, cluster, c.req.valid("param").file, config.publicUrl);
    return calendarResponse(c, body, "calendar.ics", "private");
  });
}
