import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import type { AppEnv } from "../../server/context.js";
import { defineRoute } from "../../server/route.js";
import { users } from "../auth/auth.schema.js";
import { clustersOfUser } from "../clusters/clusters.service.js";

const health = defineRoute("public", {
  method: "get",
  path: "/health",
  tags: ["platform"],
  summary: "Liveness, with the kind of database in use",
  responses: {
    200: {
      description: "Up",
      content: {
        "application/json": { schema: z.object({ status: z.literal("ok"), database: z.enum(["postgres", "pglite"]) }) },
      },
    },
  },
});

const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    platformAdmin: z.boolean(),
    locale: z.string(),
  }),
  clusters: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      role: z.enum(["staff", "member", "funder"]),
      memberId: z.string().nullable(),
    }),
  ),
});

const me = defineRoute("signed-in", {
  method: "get",
  path: "/me",
  tags: ["platform"],
  summary: "The signed-in user and their role in each cluster",
  responses: { 200: { description: "Me", content: { "application/json": { schema: MeSchema } } } },
});

const setLocale = defineRoute("signed-in", {
  method: "put",
  path: "/me/locale",
  tags: ["platform"],
  summary: "Choose the interface language",
  request: {
    body: { content: { "application/json": { schema: z.object({ locale: z.enum(["fr", "en"]) }) } }, required: true },
  },
  responses: { 204: { description: "Saved" } },
});

export function meRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(health, async (c) => {
    const { database } = c.get("services");
    await database.db.execute(sql`select 1`);
    return c.json({ status: "ok" as const, database: database.kind }, 200);
  });
  app.openapi(me, async (c) => {
    const user = c.get("user")!;
    const clusters = await clustersOfUser(c.get("services").database.db, user.id, user.platformAdmin);
    return c.json({ user, clusters }, 200);
  });
  app.openapi(setLocale, async (c) => {
    await c
      .get("services")
      .database.db.update(users)
      .set({ locale: c.req.valid("json").locale })
      .where(eq(users.id, c.get("user")!.id));
    return c.body(null, 204);
  });
}
