import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { can, type Permission } from "../platform/permissions/permissions.js";
import type { AppEnv } from "./context.js";
import { forbidden, notFound, unauthorized } from "./errors.js";

export function authorize(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (permission !== "public") {
      if (!c.get("user")) throw unauthorized();
      const actor = c.get("actor");
      // A signed-in person with no role in this cluster learns nothing, not even that it exists.
      if (c.get("cluster") && actor.role === null && !actor.platformAdmin) throw notFound("Cluster");
    }
    if (!can(c.get("actor"), permission)) throw forbidden();
    await next();
  });
}

/**
 * Every API route is declared through this: its permission is enforced by a
 * middleware and published in the OpenAPI document as `x-permission`, which
 * the permission snapshot test reads.
 */
export function defineRoute<R extends Omit<RouteConfig, "middleware">>(permission: Permission, config: R) {
  return createRoute({ ...config, "x-permission": permission, middleware: [authorize(permission)] as const });
}
