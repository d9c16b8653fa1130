import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../server/context.js";
import { clusterContext } from "./members.routes.js";
import * as contract from "./people.contract.js";
import * as people from "./people.service.js";

export function peopleRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.addPerson, async (c) =>
    c.json(await people.addPerson(clusterContext(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(contract.updatePerson, async (c) =>
    c.json(await people.updatePerson(clusterContext(c), c.req.valid("param").personId, c.req.valid("json")), 200),
  );
  app.openapi(contract.removePerson, async (c) => {
    await people.removePerson(clusterContext(c), c.req.valid("param").personId);
    return c.body(null, 204);
  });
  app.openapi(contract.exportPerson, async (c) => {
    const { personId } = c.req.valid("param");
    const data = await people.exportPerson(clusterContext(c), personId);
    // Saved as a file by the browser (the link in the person's menu), never kept in a cache: it is personal data.
    c.header("Content-Disposition", `attachment; filename="personne-${personId}.json"`);
    c.header("Cache-Control", "no-store");
    return c.json(data, 200);
  });
  app.openapi(contract.erasePerson, async (c) =>
    c.json(await people.erasePerson(clusterContext(c), c.req.valid("param").personId), 200),
  );
  app.openapi(contract.setDues, async (c) => {
    const { id, year } = c.req.valid("param");
    await people.setDues(clusterContext(c), id, year, c.req.valid("json"));
    return c.body(null, 204);
  });
  app.openapi(contract.deleteDues, async (c) => {
    const { id, year } = c.req.valid("param");
    await people.deleteDues(clusterContext(c), id, year);
    return c.body(null, 204);
  });
}
