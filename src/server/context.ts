import type { Database } from "../db/client.js";
import type { Auth } from "../platform/auth/auth.js";
import type { Cluster } from "../platform/clusters/clusters.service.js";
import type { Mailer } from "../platform/mail/mail.service.js";
import type { Actor } from "../platform/permissions/permissions.js";
import type { Config } from "./config.js";

export interface AppServices {
  database: Database;
  auth: Auth;
  config: Pick<Config, "production" | "publicUrl">;
  /** Sends the outbox (the server's background jobs); absent in tests that send nothing. */
  mailer?: Mailer;
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  platformAdmin: boolean;
  locale: string;
}

/** Hono variables every handler can read. */
export interface AppEnv {
  Variables: {
    services: AppServices;
    user: SignedInUser | null;
    /** Set on /api/clusters/{slug}/… once the caller's role there is known. */
    cluster: Cluster | null;
    actor: Actor;
  };
}

/** What a service needs to act in a cluster: the database, the tenant and who acts. */
export interface ClusterContext {
  db: Database["db"];
  clusterId: string;
  actor: Actor;
}
