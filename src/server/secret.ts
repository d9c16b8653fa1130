import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "./config.js";

/**
 * The session-signing secret: BETTER_AUTH_SECRET in production (required);
 * otherwise one generated on first start and kept in the data directory, so
 * sessions survive restarts without any setup.
 */
export function authSecret(config: Config): string {
  if (config.authSecret) return config.authSecret;
  if (config.production) {
    throw new Error(
      "BETTER_AUTH_SECRET is required in production (32 characters or more, e.g. `openssl rand -hex 32`).",
    );
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
