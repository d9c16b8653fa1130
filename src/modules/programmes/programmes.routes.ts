import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../server/context.js";
import { clusterContext } from "../members/members.routes.js";
import * as contract from "./programmes.contract.js";
import * as service from "./programmes.service.js";

export function programmeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.listProgrammes, async (c) =>
    c.json({ programmes: await service.listProgrammes(clusterContext(c)) }, 200),
  );
  app.openapi(contract.createProgramme, async (c) =>
    c.json(await service.createProgramme(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.getProgramme, async (c) =>
    c.json(await service.getProgramme(clusterContext(c), c.req.valid("param").programmeId), 200),
  );
  app.openapi(contract.updateProgramme, async (c) =>
    c.json(
      await service.updateProgramme(clusterContext(c), c.req.valid("param").programmeId, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(contract.enrol, async (c) =>
    c.json(await service.enrol(clusterContext(c), c.req.valid("param").programmeId, c.req.valid("json")), 201),
  );
  app.openapi(contract.updateEnrolment, async (c) =>
    c.json(
      await service.updateEnrolment(clusterContext(c), c.req.valid("param").enrolmentId, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(contract.deleteEnrolment, async (c) => {
    await service.deleteEnrolment(clusterContext(c), c.req.valid("param").enrolmentId);
    return c.body(null, 204);
  });
  app.openapi(contract.listSupportCases, async (c) =>
    c.json({ supportCases: await service.listSupportCases(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.createSupportCase, async (c) =>
    c.json(await service.createSupportCase(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.updateSupportCase, async (c) =>
    c.json(await service.updateSupportCase(clusterContext(c), c.req.valid("param").caseId, c.req.valid("json")), 200),
  );
  app.openapi(contract.deleteSupportCase, async (c) => {
    await service.deleteSupportCase(clusterContext(c), c.req.valid("param").caseId);
    return c.body(null, 204);
  });
}
