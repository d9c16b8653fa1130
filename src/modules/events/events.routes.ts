import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../server/context.js";
import { documentDownload, readDocumentUpload } from "../documents/documents.http.js";
import { clusterContext, localeOf } from "../members/members.routes.js";
import * as contract from "./events.contract.js";
import * as service from "./events.service.js";
import * as seats from "./registration.service.js";

const signedIn = (c: Context<AppEnv>) => {
  const user = c.get("user");
  return user ? { name: user.name, email: user.email } : null;
};

/** The events API (docs/specs/events-api.md): thin handlers, rules in the services. */
export function eventRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.listOccurrences, async (c) =>
    c.json({ occurrences: await service.listOccurrences(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.createEvent, async (c) =>
    c.json(await service.createEvent(clusterContext(c), c.req.valid("json"), localeOf(c)), 201),
  );
  app.openapi(contract.getEvent, async (c) =>
    c.json(await service.getEvent(clusterContext(c), c.req.valid("param").eventId, localeOf(c)), 200),
  );
  app.openapi(contract.updateEvent, async (c) =>
    c.json(
      await service.updateEvent(clusterContext(c), c.req.valid("param").eventId, c.req.valid("json"), localeOf(c)),
      200,
    ),
  );
  app.openapi(contract.cancelEvent, async (c) =>
    c.json(
      await service.cancelEvent(
        clusterContext(c),
        c.req.valid("param").eventId,
        c.req.valid("json")?.reason,
        localeOf(c),
      ),
      200,
    ),
  );

  app.openapi(contract.getOccurrence, async (c) =>
    c.json(await service.getOccurrence(clusterContext(c), c.req.valid("param").occurrenceId, localeOf(c)), 200),
  );
  app.openapi(contract.updateOccurrence, async (c) =>
    c.json(
      await service.updateOccurrence(
        clusterContext(c),
        c.req.valid("param").occurrenceId,
        c.req.valid("json"),
        localeOf(c),
      ),
      200,
    ),
  );
  app.openapi(contract.cancelOccurrence, async (c) =>
    c.json(
      await service.cancelOccurrence(
        clusterContext(c),
        c.req.valid("param").occurrenceId,
        c.req.valid("json")?.reason,
        localeOf(c),
      ),
      200,
    ),
  );
  app.openapi(contract.listRegistrations, async (c) =>
    c.json({ registrations: await seats.listRegistrations(clusterContext(c), c.req.valid("param").occurrenceId) }, 200),
  );
  app.openapi(contract.register, async (c) =>
    c.json(
      await seats.register(
        clusterContext(c),
        c.req.valid("param").occurrenceId,
        c.req.valid("json") ?? {},
        signedIn(c),
      ),
      201,
    ),
  );
  app.openapi(contract.registerGuestPublicly, async (c) =>
    c.json(
      await seats.registerGuestPublicly(clusterContext(c), c.req.valid("param").occurrenceId, c.req.valid("json")),
      201,
    ),
  );

  // Before /registrations/{registrationId}/…: a token must never be read as an id.
  app.openapi(contract.getRegistrationByToken, async (c) =>
    c.json(await seats.registrationFromToken(clusterContext(c), c.req.valid("param").token), 200),
  );
  app.openapi(contract.cancelRegistrationByToken, async (c) =>
    c.json(await seats.cancelByToken(clusterContext(c), c.req.valid("param").token), 200),
  );
  app.openapi(contract.feedbackByToken, async (c) =>
    c.json(await seats.feedbackByToken(clusterContext(c), c.req.valid("param").token, c.req.valid("json")), 200),
  );
  app.openapi(contract.cancelRegistration, async (c) =>
    c.json(await seats.cancelRegistration(clusterContext(c), c.req.valid("param").registrationId), 200),
  );
  app.openapi(contract.checkIn, async (c) =>
    c.json(await seats.setCheckIn(clusterContext(c), c.req.valid("param").registrationId, true), 200),
  );
  app.openapi(contract.undoCheckIn, async (c) =>
    c.json(await seats.setCheckIn(clusterContext(c), c.req.valid("param").registrationId, false), 200),
  );
  app.openapi(contract.giveFeedback, async (c) =>
    c.json(await seats.giveFeedback(clusterContext(c), c.req.valid("param").registrationId, c.req.valid("json")), 200),
  );

  app.openapi(contract.uploadOccurrenceDocument, async (c) => {
    const upload = await readDocumentUpload(c, contract.OCCURRENCE_DOCUMENT_KINDS, "other");
    return c.json(
      await service.addOccurrenceDocument(clusterContext(c), c.req.valid("param").occurrenceId, upload),
      201,
    );
  });
  app.openapi(contract.downloadOccurrenceDocument, async (c) => {
    const { occurrenceId, docId } = c.req.valid("param");
    return documentDownload(c, await service.occurrenceDocument(clusterContext(c), occurrenceId, docId));
  });
  app.openapi(contract.deleteOccurrenceDocument, async (c) => {
    const { occurrenceId, docId } = c.req.valid("param");
    await service.removeOccurrenceDocument(clusterContext(c), occurrenceId, docId);
    return c.body(null, 204);
  });
}
