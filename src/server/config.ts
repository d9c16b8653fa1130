import { resolve } from "node:path";
import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  PUBLIC_URL: z.string().url().optional(),
  GRAPPE_DEMO: z.enum(["auto", "off"]).default("auto"),
  SMTP_URL: z
    .union([
      z.literal(""),
      z.string().regex(/^smtps?:\/\/\S+$/, "expected smtp://user:password@host:port (or smtps://…)"),
    ])
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  production: boolean;
  authSecret?: string;
  publicUrl: string;
  loadDemo: boolean;
  /** SMTP server the outbox sends through; without it, emails are kept "held" in the outbox. */
  smtpUrl?: string;
  /** "Name <address>" emails come from (default: Grappe <noreply@PUBLIC_URL's host>). */
  mailFrom?: string;
}

/** Reads the environment once; a bad value stops the start with the variable's name. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    production: e.NODE_ENV === "production",
    authSecret: e.BETTER_AUTH_SECRET,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    loadDemo: e.GRAPPE_DEMO === "auto",
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
  };
}
