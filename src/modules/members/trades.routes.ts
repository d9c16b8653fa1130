import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq, max } from "drizzle-orm";
import { recordChange } from "../../platform/audit/audit.service.js";
import type { AppEnv } from "../../server/context.js";
import { conflict } from "../../server/errors.js";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "./members.contract.js";
import { clusterContext } from "./members.routes.js";
import { trades } from "./members.schema.js";
import { tenant } from "./members.service.js";

const TradeSchema = z.object({ code: z.string(), labelFr: z.string(), labelEn: z.string() }).openapi("Trade");
const slugParam = z.object({ slug: z.string() });

const listTrades = defineRoute("cluster.read", {
  method: "get",
  path: "/clusters/{slug}/trades",
  tags: ["members"],
  summary: "The cluster's trades taxonomy",
  request: { params: slugParam },
  responses: {
    200: {
      description: "Trades",
      content: { "application/json": { schema: z.object({ trades: z.array(TradeSchema) }) } },
    },
    ...errorResponses,
  },
});

const addTrade = defineRoute("trades.write", {
  method: "post",
  path: "/clusters/{slug}/trades",
  tags: ["members"],
  summary: "Extend the trades taxonomy",
  request: {
    params: slugParam,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            code: z
              .string()
              .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Code en minuscules, chiffres et tirets (ex. « decoupe-laser »)")
              .max(60),
            labelFr: z.string().trim().min(2, "Libellé français obligatoire").max(100),
            labelEn: z.string().trim().min(2, "English label required").max(100),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { description: "Added", content: { "application/json": { schema: TradeSchema } } },
    ...errorResponses,
  },
});

export function tradeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listTrades, async (c) => {
    const ctx = clusterContext(c);
    const rows = await tenant(ctx, (tx) =>
      tx.select().from(trades).where(eq(trades.clusterId, ctx.clusterId)).orderBy(trades.position),
    );
    return c.json({ trades: rows.map(({ code, labelFr, labelEn }) => ({ code, labelFr, labelEn })) }, 200);
  });
  app.openapi(addTrade, async (c) => {
    const ctx = clusterContext(c);
    const input = c.req.valid("json");
    const row = await tenant(ctx, async (tx) => {
      const [existing] = await tx
        .select()
        .from(trades)
        .where(and(eq(trades.clusterId, ctx.clusterId), eq(trades.code, input.code)));
      if (existing)
        throw conflict(`Le métier « ${input.code} » existe déjà`, [{ field: "code", message: "Code déjà utilisé" }]);
      const [{ last }] = await tx
        .select({ last: max(trades.position) })
        .from(trades)
        .where(eq(trades.clusterId, ctx.clusterId));
      const [created] = await tx
        .insert(trades)
        .values({ ...input, clusterId: ctx.clusterId, position: (last ?? 0) + 1 })
        .returning();
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "trade",
        entityId: created.id,
        action: "create",
        changes: { code: [null, input.code] },
      });
      return created;
    });
    return c.json({ code: row.code, labelFr: row.labelFr, labelEn: row.labelEn }, 201);
  });
}
