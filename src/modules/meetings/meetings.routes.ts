import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../server/context.js";
import { clusterContext, localeOf } from "../members/members.routes.js";
import * as contract from "./meetings.contract.js";
import { agendaIcs, agendaPdf, tablePlanPdf } from "./meetings.outputs.js";
import * as days from "./meetings.service.js";
import { dayOutcomes } from "./outcomes.service.js";
import * as schedules from "./schedule.service.js";

const download = (c: Context<AppEnv>, body: Buffer | string, type: string, fileName: string) =>
  c.body(typeof body === "string" ? body : new Uint8Array(body), 200, {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "private, no-store",
  });
const fileSafe = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase() || "agenda";

export function meetingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.listDays, async (c) => c.json({ days: await days.listDays(clusterContext(c)) }, 200));
  app.openapi(contract.getDay, async (c) =>
    c.json(await days.getDay(clusterContext(c), c.req.valid("param").eventId), 200),
  );
  app.openapi(contract.configureDay, async (c) =>
    c.json(await days.configureDay(clusterContext(c), c.req.valid("param").eventId, c.req.valid("json")), 200),
  );
  app.openapi(contract.setPhase, async (c) =>
    c.json(await days.setPhase(clusterContext(c), c.req.valid("param").eventId, c.req.valid("json").phase), 200),
  );
  app.openapi(contract.listParticipants, async (c) =>
    c.json({ participants: await days.listParticipants(clusterContext(c), c.req.valid("param").eventId) }, 200),
  );
  app.openapi(contract.addParticipant, async (c) =>
    c.json(await days.addParticipant(clusterContext(c), c.req.valid("param").eventId, c.req.valid("json")), 201),
  );
  app.openapi(contract.updateParticipant, async (c) => {
    const { eventId, participantId } = c.req.valid("param");
    return c.json(await days.updateParticipant(clusterContext(c), eventId, participantId, c.req.valid("json")), 200);
  });
  app.openapi(contract.listRequests, async (c) =>
    c.json({ requests: await days.listRequests(clusterContext(c), c.req.valid("param").eventId) }, 200),
  );
  app.openapi(contract.createRequest, async (c) =>
    c.json(await days.createRequest(clusterContext(c), c.req.valid("param").eventId, c.req.valid("json")), 201),
  );
  app.openapi(contract.updateRequest, async (c) => {
    const { eventId, requestId } = c.req.valid("param");
    return c.json(await days.updateRequest(clusterContext(c), eventId, requestId, c.req.valid("json")), 200);
  });
  app.openapi(contract.suggestions, async (c) =>
    c.json(
      {
        suggestions: await days.suggestions(
          clusterContext(c),
          c.req.valid("param").eventId,
          c.req.valid("query").participantId,
        ),
      },
      200,
    ),
  );
  app.openapi(contract.runSchedule, async (c) => {
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    return c.json(await schedules.runSchedule(clusterContext(c), c.req.valid("param").eventId, body ?? {}), 201);
  });
  app.openapi(contract.reviewSchedule, async (c) =>
    c.json(await schedules.reviewSchedule(clusterContext(c), c.req.valid("param").eventId), 200),
  );
  app.openapi(contract.publishSchedule, async (c) =>
    c.json(await schedules.publishSchedule(clusterContext(c), c.req.valid("param").eventId), 200),
  );
  app.openapi(contract.replan, async (c) => {
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    return c.json(await schedules.replan(clusterContext(c), c.req.valid("param").eventId, body ?? {}), 201);
  });
  app.openapi(contract.exportInstance, async (c) =>
    c.json(await schedules.exportInstance(clusterContext(c), c.req.valid("param").eventId), 200),
  );
  app.openapi(contract.agenda, async (c) => {
    const { eventId, participantId } = c.req.valid("param");
    const { computedAt: _, ...agenda } = await schedules.agenda(clusterContext(c), eventId, participantId);
    return c.json(agenda, 200);
  });
  app.openapi(contract.agendaPdf, async (c) => {
    const { eventId, participantId } = c.req.valid("param");
    const data = await schedules.agenda(clusterContext(c), eventId, participantId);
    const pdf = await agendaPdf(data, localeOf(c));
    return download(c, pdf, "application/pdf", `agenda-${fileSafe(data.participant.company)}.pdf`);
  });
  app.openapi(contract.agendaIcs, async (c) => {
    const { eventId, participantId } = c.req.valid("param");
    const data = await schedules.agenda(clusterContext(c), eventId, participantId);
    const domain = new URL(c.get("services").config.publicUrl).hostname;
    const ics = agendaIcs(data, domain, new Date(), localeOf(c));
    return download(c, ics, "text/calendar; charset=utf-8", `agenda-${fileSafe(data.participant.company)}.ics`);
  });
  app.openapi(contract.tablePlanPdf, async (c) => {
    const plan = await schedules.tablePlan(clusterContext(c), c.req.valid("param").eventId);
    return download(
      c,
      await tablePlanPdf(plan, localeOf(c)),
      "application/pdf",
      `plan-de-tables-${fileSafe(plan.day.title)}.pdf`,
    );
  });
  app.openapi(contract.board, async (c) => {
    const { at } = c.req.valid("query");
    return c.json(
      await schedules.board(clusterContext(c), c.req.valid("param").eventId, at ? new Date(at) : new Date()),
      200,
    );
  });
  app.openapi(contract.setOutcome, async (c) => {
    const { eventId, meetingId } = c.req.valid("param");
    return c.json(await days.setOutcome(clusterContext(c), eventId, meetingId, c.req.valid("json")), 200);
  });
  app.openapi(contract.outcomes, async (c) =>
    c.json(await dayOutcomes(clusterContext(c), c.req.valid("param").eventId), 200),
  );
}
