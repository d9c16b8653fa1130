import { createMiddleware } from "hono/factory";
import { findClusterBySlug, roleInCluster } from "../platform/clusters/clusters.service.js";
import type { Actor } from "../platform/permissions/permissions.js";
import type { AppEnv } from "./context.js";
import { notFound } from "./errors.js";

const anonymous: Actor = { userId: null, label: "anonymous", role: null, platformAdmin: false, memberId: null };

/** Loads the session cookie's user, if any; routes decide whether one is required. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const { auth } = c.get("services");
  const session = await auth.api.getSession({ headers: c.req.raw.headers });
  const user = session?.user
    ? {
        id: session.user.id,
        name: session.user.name,
        email: session.user.email,
        platformAdmin: Boolean((session.user as { platformAdmin?: boolean }).platformAdmin),
        locale: String((session.user as { locale?: string }).locale ?? "fr"),
      }
    : null;
  c.set("user", user);
  c.set("cluster", null);
  c.set(
    "actor",
    user
      ? { userId: user.id, label: user.name, role: null, platformAdmin: user.platformAdmin, memberId: null }
      : anonymous,
  );
  await next();
});

/**
 * Resolves /api/clusters/{slug}/… to a tenant and the caller's role in it.
 * An unknown cluster and a cluster the caller has no role in answer the same
 * 404, so that cluster slugs cannot be probed.
 */
export const resolveCluster = createMiddleware<AppEnv>(async (c, next) => {
  const slug = c.req.param("slug");
  const { database } = c.get("services");
  const cluster = slug ? await findClusterBySlug(database.db, slug) : undefined;
  if (!cluster) throw notFound("Cluster");
  const user = c.get("user");
  if (user) {
    const role = user.platformAdmin ? undefined : await roleInCluster(database.db, user.id, cluster.id);
    // No role here: the actor stays role-less; `authorize` answers 404 unless the route is public.
    c.set("actor", {
      userId: user.id,
      label: user.name,
      role: user.platformAdmin ? "staff" : (role?.role ?? null),
      platformAdmin: user.platformAdmin,
      memberId: role?.memberId ?? null,
    });
  }
  c.set("cluster", cluster);
  await next();
});
