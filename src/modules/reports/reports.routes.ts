import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../server/context.js";
import { clusterContext } from "../members/members.routes.js";
import { activityReportFile } from "./report.export.js";
import * as contract from "./reports.contract.js";
import * as service from "./reports.service.js";

const download = (c: Context<AppEnv>, file: { body: Buffer; contentType: string; fileName: string }) =>
  c.body(new Uint8Array(file.body), 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
    "Cache-Control": "private, no-store",
  });

export function reportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(contract.activityReport, async (c) =>
    c.json(await service.activityReport(clusterContext(c), c.req.valid("query")), 200),
  );
  app.openapi(contract.putNarrative, async (c) =>
    c.json(
      await service.putNarrative(
        clusterContext(c),
        c.req.valid("param").section,
        c.req.valid("query"),
        c.req.valid("json").body,
      ),
      200,
    ),
  );
  app.openapi(contract.activityReportPdf, async (c) =>
    download(c, await activityReportFile(clusterContext(c), c.req.valid("query"), "pdf")),
  );
  app.openapi(contract.activityReportDocx, async (c) =>
    download(c, await activityReportFile(clusterContext(c), c.req.valid("query"), "docx")),
  );
  app.openapi(contract.dashboard, async (c) =>
    c.json(await service.dashboard(clusterContext(c), c.req.valid("query").year), 200),
  );
  app.openapi(contract.listNewsletters, async (c) =>
    c.json({ newsletters: await service.listNewsletters(clusterContext(c), c.req.valid("query")) }, 200),
  );
  app.openapi(contract.createNewsletter, async (c) =>
    c.json(await service.createNewsletter(clusterContext(c), c.req.valid("json")), 201),
  );
  app.openapi(contract.deleteNewsletter, async (c) => {
    await service.deleteNewsletter(clusterContext(c), c.req.valid("param").newsletterId);
    return c.body(null, 204);
  });
}
