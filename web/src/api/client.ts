/** A small typed fetch client for the Grappe API: JSON in and out, session cookie, errors as ApiError. */

export interface FieldError {
  field: string;
  message: string;
}

/** Values the server gives to act on beyond the message, e.g. `duplicateId` on the 409 of a duplicate member. */
export type ErrorDetails = Record<string, string | number | boolean | null>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The message the server gave for one input, if any (e.g. "siret", "visibility.profile"). */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

export const API_BASE = "/api";

type Body = unknown;

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (proxy error page, empty body…): the status says enough.
  }
  const body = payload as {
    error?: { code?: string; message?: string; fields?: FieldError[]; details?: ErrorDetails };
    code?: string;
    message?: string;
  } | null;
  if (body?.error && typeof body.error === "object") {
    return new ApiError(
      response.status,
      body.error.code ?? String(response.status),
      body.error.message ?? response.statusText,
      Array.isArray(body.error.fields) ? body.error.fields : [],
      body.error.details && typeof body.error.details === "object" ? body.error.details : {},
    );
  }
  // better-auth answers { code, message }.
  return new ApiError(response.status, body?.code ?? String(response.status), body?.message ?? response.statusText);
}

async function request<T>(method: string, path: string, body?: Body): Promise<T> {
  const init: RequestInit = { method, credentials: "include", headers: { Accept: "application/json" } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, "Content-Type": "application/json" };
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, init);
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: Body) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: Body) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: Body) => request<T>("PUT", path, body),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};

/** Builds "?a=1&b=x,y" from a record, leaving out empty values. */
export function queryString(params: Record<string, string | number | string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(","));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
