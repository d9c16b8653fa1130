import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { searchCommunes } from "../../core/reference/communes.js";
import { searchNaf } from "../../core/reference/naf.js";
import type { AppEnv } from "../../server/context.js";
import { defineRoute } from "../../server/route.js";

const communes = defineRoute("signed-in", {
  method: "get",
  path: "/reference/communes",
  tags: ["reference"],
  summary: "French communes (official list, with coordinates) matching a name or postcode prefix",
  request: {
    query: z.object({
      q: z.string().trim().min(1, "Tapez au moins un caractère").max(80),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
  },
  responses: {
    200: {
      description: "Communes",
      content: {
        "application/json": {
          schema: z.object({
            communes: z.array(
              z.object({
                insee: z.string(),
                name: z.string(),
                department: z.string(),
                postcodes: z.array(z.string()),
                lat: z.number().nullable(),
                lon: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
  },
});

const naf = defineRoute("signed-in", {
  method: "get",
  path: "/reference/naf",
  tags: ["reference"],
  summary: "NAF rév. 2 subclasses matching a code or words of the label",
  request: {
    query: z.object({ q: z.string().trim().min(1).max(80), limit: z.coerce.number().int().min(1).max(50).default(10) }),
  },
  responses: {
    200: {
      description: "Codes",
      content: {
        "application/json": { schema: z.object({ codes: z.array(z.object({ code: z.string(), label: z.string() })) }) },
      },
    },
  },
});

export function referenceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(communes, (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json(
      {
        communes: searchCommunes(q, limit).map(({ insee, name, department, postcodes, lat, lon }) => ({
          insee,
          name,
          department,
          postcodes: [...postcodes],
          lat,
          lon,
        })),
      },
      200,
    );
  });
  app.openapi(naf, (c) => {
    const { q, limit } = c.req.valid("query");
    return c.json({ codes: searchNaf(q, limit) }, 200);
  });
}
