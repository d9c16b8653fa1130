import { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { contactRoutes } from "../modules/contacts/contacts.routes.js";
import { engagementRoutes } from "../modules/engagement/engagement.routes.js";
import { calendarRoutes } from "../modules/events/calendar.routes.js";
import { eventRoutes } from "../modules/events/events.routes.js";
import { fundingRoutes } from "../modules/funding/funding.routes.js";
import { groupRoutes } from "../modules/groups/groups.routes.js";
import { meetingRoutes } from "../modules/meetings/meetings.routes.js";
import { importRoutes } from "../modules/members/import.routes.js";
import { memberRoutes } from "../modules/members/members.routes.js";
import { peopleRoutes } from "../modules/members/people.routes.js";
import { tradeRoutes } from "../modules/members/trades.routes.js";
import { needRoutes } from "../modules/needs/needs.routes.js";
import { opportunityRoutes } from "../modules/opportunities/opportunities.routes.js";
import { programmeRoutes } from "../modules/programmes/programmes.routes.js";
import { referenceRoutes } from "../modules/reference/reference.routes.js";
import { reportRoutes } from "../modules/reports/reports.routes.js";
import { outboxRoutes } from "../platform/mail/outbox.routes.js";
import { meRoutes } from "../platform/me/me.routes.js";
import { userRoutes } from "../platform/users/users.routes.js";
import type { AppEnv, AppServices } from "./context.js";
import { AppError, errorBody, handleError, invalid, zodFields } from "./errors.js";
import { loadSession, resolveCluster } from "./session.js";

// Messages a French staff member can act on, for the checks Zod makes itself.
z.config(z.locales.fr());

/** The whole HTTP API under /api; the web UI is mounted beside it by the server's main. */
export function createApi(services: AppServices) {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalid(zodFields(result.error));
    },
  });
  api.use("*", async (c, next) => {
    c.set("services", services);
    await next();
  });
  api.on(["GET", "POST"], "/auth/*", (c) => services.auth.handler(c.req.raw));
  api.use("*", loadSession);
  api.use("/clusters/:slug", resolveCluster);
  api.use("/clusters/:slug/*", resolveCluster);
  meRoutes(api);
  referenceRoutes(api);
  userRoutes(api);
  tradeRoutes(api);
  // Before memberRoutes: /members/export must not be taken for /members/{id}.
  importRoutes(api);
  memberRoutes(api);
  peopleRoutes(api);
  outboxRoutes(api);
  calendarRoutes(api);
  eventRoutes(api);
  contactRoutes(api);
  engagementRoutes(api);
  groupRoutes(api);
  needRoutes(api);
  opportunityRoutes(api);
  meetingRoutes(api);
  programmeRoutes(api);
  fundingRoutes(api);
  reportRoutes(api);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Grappe API",
      version: "0.1.0",
      description: "The API of Grappe, the platform that runs a business cluster.",
    },
  });
  api.notFound((c) =>
    c.json(errorBody(new AppError(404, "not_found", `No API route ${c.req.method} ${c.req.path}`)), 404),
  );
  api.onError(handleError);
  return api;
}

export function createApp(services: AppServices) {
  const app = new OpenAPIHono<AppEnv>();
  app.route("/api", createApi(services));
  app.onError(handleError);
  return app;
}
