import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { withTenant } from "../../db/tenant.js";
import { people } from "../../modules/members/members.schema.js";
import { memberNames } from "../../modules/members/members.service.js";
import type { AppEnv } from "../../server/context.js";
import { invalid } from "../../server/errors.js";
import { defineRoute } from "../../server/route.js";
import { recordChange } from "../audit/audit.service.js";
import { users } from "../auth/auth.schema.js";
import { createUserWithPassword } from "../auth/users.service.js";
import { clusterRoles } from "../clusters/clusters.schema.js";
import { grantRole } from "../clusters/clusters.service.js";

const slugParam = z.object({ slug: z.string() });
const AccountSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["staff", "member", "funder"]),
  memberId: z.string().nullable(),
  memberName: z.string().nullable().describe("For a member account: the legal name of its member company"),
});

const listAccounts = defineRoute("users.manage", {
  method: "get",
  path: "/clusters/{slug}/users",
  tags: ["platform"],
  summary: "Who can sign in to this cluster, with which role",
  request: { params: slugParam },
  responses: {
    200: {
      description: "Accounts",
      content: { "application/json": { schema: z.object({ users: z.array(AccountSchema) }) } },
    },
  },
});

const createAccount = defineRoute("users.manage", {
  method: "post",
  path: "/clusters/{slug}/users",
  tags: ["platform"],
  summary: "Give a person a login with a role in this cluster (a member role belongs to one member company)",
  request: {
    params: slugParam,
    body: {
      content: {
        "application/json": {
          schema: z
            .object({
              name: z.string().trim().min(1, "Nom obligatoire").max(200),
              email: z.string().trim().email("Adresse e-mail invalide"),
              password: z.string().min(8, "8 caractères au moins"),
              role: z.enum(["staff", "member", "funder"]),
              memberId: z.string().uuid().nullish(),
            })
            .refine((v) => v.role !== "member" || v.memberId, {
              message: "Un compte adhérent est rattaché à un membre",
              path: ["memberId"],
            }),
        },
      },
      required: true,
    },
  },
  responses: { 201: { description: "Created", content: { "application/json": { schema: AccountSchema } } } },
});

export function userRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAccounts, async (c) => {
    const { db } = c.get("services").database;
    const rows = await db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: clusterRoles.role,
        memberId: clusterRoles.memberId,
      })
      .from(clusterRoles)
      .innerJoin(users, eq(users.id, clusterRoles.userId))
      .where(eq(clusterRoles.clusterId, c.get("cluster")!.id))
      .orderBy(users.name);
    const names = await memberNames(
      { db, clusterId: c.get("cluster")!.id, actor: c.get("actor") },
      rows.flatMap((row) => (row.memberId ? [row.memberId] : [])),
    );
    return c.json(
      { users: rows.map((row) => ({ ...row, memberName: row.memberId ? (names.get(row.memberId) ?? null) : null })) },
      200,
    );
  });
  app.openapi(createAccount, async (c) => {
    const input = c.req.valid("json");
    const { database, auth } = c.get("services");
    const cluster = c.get("cluster")!;
    let memberName: string | null = null;
    if (input.memberId) {
      const names = await memberNames({ db: database.db, clusterId: cluster.id, actor: c.get("actor") }, [
        input.memberId,
      ]);
      memberName = names.get(input.memberId) ?? null;
      if (memberName === null) throw invalid([{ field: "memberId", message: "Membre inconnu dans ce cluster" }]);
    }
    const { id } = await createUserWithPassword(auth, input);
    await grantRole(database.db, {
      clusterId: cluster.id,
      userId: id,
      role: input.role,
      memberId: input.memberId ?? null,
    });
    await withTenant(database.db, cluster.id, async (tx) => {
      if (input.memberId) {
        await tx
          .update(people)
          .set({ userId: id })
          .where(and(eq(people.memberId, input.memberId), eq(people.email, input.email.toLowerCase())));
      }
      await recordChange(tx, cluster.id, c.get("actor"), {
        entityType: "account",
        entityId: cluster.id,
        action: "grant",
        changes: { [input.email]: [null, input.role] },
      });
    });
    return c.json(
      {
        userId: id,
        name: input.name,
        email: input.email.toLowerCase(),
        role: input.role,
        memberId: input.memberId ?? null,
        memberName,
      },
      201,
    );
  });
}
