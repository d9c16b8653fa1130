import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../../db/client.js";
import { accounts, sessions, users, verifications } from "./auth.schema.js";

export interface AuthOptions {
  db: Db;
  secret: string;
  baseURL: string;
  /** Cookies marked Secure (production behind HTTPS). */
  secureCookies: boolean;
}

/**
 * Authentication is better-auth's: e-mail and password (hashed by its scrypt),
 * database sessions in a cookie. Public sign-up is off: staff create accounts.
 * Cluster roles live in our own table (cluster_roles), because a member role is
 * tied to a member company, which an organization plugin's roles don't model.
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: "Grappe",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        platformAdmin: { type: "boolean", defaultValue: false, input: false },
        locale: { type: "string", defaultValue: "fr", input: true },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    advanced: {
      useSecureCookies: options.secureCookies,
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
    trustedOrigins: [options.baseURL],
    rateLimit: { enabled: false },
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;
