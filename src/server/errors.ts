import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

export interface FieldError {
  field: string;
  message: string;
}

/**
 * What a client may act on beyond the message, under stable names: e.g. `duplicateId` and `duplicateName` on the
 * 409 of a duplicate member, so the screen can link to the other one without reading the message.
 */
export type ErrorDetails = Record<string, string | number | boolean | null>;

/** An error a person can act on: a status, a stable code and a message naming what is wrong. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
export const forbidden = (why = "You are not allowed to do this") => new AppError(403, "forbidden", why);
export const unauthorized = () => new AppError(401, "unauthorized", "Sign in first");
export const conflict = (message: string, fields: FieldError[] = [], details?: ErrorDetails) =>
  new AppError(409, "conflict", message, fields, details);
export const invalid = (fields: FieldError[]) =>
  new AppError(422, "invalid", fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields);

export function zodFields(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
}

/** `{ error: { code, message, fields, details? } }`, the body of every error answer. */
export function errorBody(error: AppError) {
  const { code, message, fields, details } = error;
  return { error: details ? { code, message, fields, details } : { code, message, fields } };
}

/** The app's one error handler: known errors keep their status; the rest are logged and hidden. */
export function handleError(error: Error, c: Context) {
  if (error instanceof AppError) return c.json(errorBody(error), error.status);
  if (error instanceof HTTPException) {
    return c.json({ error: { code: "http", message: error.message || "Request failed", fields: [] } }, error.status);
  }
  console.error(error);
  return c.json({ error: { code: "internal", message: "Internal error", fields: [] } }, 500);
}
