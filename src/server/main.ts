import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { openDatabase } from "../db/client.js";
import { lockDataDir } from "../db/lock.js";
import { migrateDatabase } from "../db/migrate.js";
import { ensureDemo, refuseDemoCredentialsInProduction } from "../db/seed/demo.js";
import { createAuth } from "../platform/auth/auth.js";
import { hostOf, setUpMail } from "../platform/mail/mail.service.js";
import { createApp } from "./app.js";
import { readConfig } from "./config.js";
import { startBackgroundJobs } from "./jobs.js";
import { authSecret } from "./secret.js";
import { serveWeb } from "./web.js";

async function main() {
  const started = Date.now();
  const config = readConfig();
  const release = config.databaseUrl ? null : await lockDataDir(config.dataDir, "server");
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : join(config.dataDir, "pglite"),
  });
  await migrateDatabase(database);
  const auth = createAuth({
    db: database.db,
    secret: authSecret(config),
    baseURL: config.publicUrl,
    secureCookies: config.publicUrl.startsWith("https://"),
  });
  const mailer = setUpMail(config);
  const services = { database, auth, config, mailer };
  if (config.production) await refuseDemoCredentialsInProduction(services);
  const demo = config.loadDemo && !config.production ? await ensureDemo(services) : null;

  const app = createApp(services);
  const webDist = fileURLToPath(new URL("../../web/dist", import.meta.url));
  if (existsSync(webDist)) serveWeb(app, webDist);
  else console.warn("web/dist is missing: run `npm run build:web` to serve the web UI.");

  const jobs = startBackgroundJobs({ database, mailer });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    console.log(
      `Grappe listening on ${config.publicUrl} (database: ${database.kind}, ready in ${Date.now() - started} ms)`,
    );
    console.log(
      config.smtpUrl
        ? `Emails sent through ${hostOf(config.smtpUrl)} as ${mailer.from}`
        : "No SMTP_URL: emails are kept in the outbox (held), not sent",
    );
    if (demo) {
      console.log(`Demo cluster "${demo.slug}" loaded. Staff login: ${demo.email} / ${demo.password}`);
    }
  });
  const stop = async () => {
    server.close();
    await jobs.stop();
    await database.close();
    await release?.();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(`Grappe could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
