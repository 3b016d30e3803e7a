/**
 * The typed fetch client for Cairn's JSON API (same origin, cookie session).
 *
 * Every failure becomes an `ApiRequestError` with the status, the server's error code and any per-field
 * messages, so forms can put the server's words beside the right field. A network failure has status 0 and
 * code "network". A 401 tells the app the session is gone (signed out elsewhere, expired, password changed).
 */
import { ERROR_CODES } from "@cairn/core";

export const NETWORK_ERROR = "network";

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

function codeForStatus(status: number): string {
  if (status === 400 || status === 422) return ERROR_CODES.invalid;
  if (status === 401) return ERROR_CODES.unauthenticated;
  if (status === 403) return ERROR_CODES.forbidden;
  if (status === 404) return ERROR_CODES.notFound;
  if (status === 409) return ERROR_CODES.conflict;
  if (status === 413) return ERROR_CODES.tooLarge;
  if (status === 429) return ERROR_CODES.rateLimited;
  return ERROR_CODES.internal;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads an error body `{"error": {"code", "message", "fields"?}}`. Anything else (an HTML page from a proxy,
 * an empty body) still gives a usable error with a code derived from the status.
 */
export function errorFromBody(status: number, body: unknown): ApiRequestError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === "string" && error.code ? error.code : codeForStatus(status);
  const message = typeof error?.message === "string" ? error.message : `HTTP ${status}`;
  const fields: Record<string, string> = {};
  if (error && isRecord(error.fields)) {
    for (const [key, value] of Object.entries(error.fields)) {
      if (typeof value === "string") fields[key] = value;
    }
  }
  return new ApiRequestError(status, code, message, fields);
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** Called on any 401 from a request that expects a session (not from sign-in itself). */
export function setUnauthorizedListener(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

export interface RequestOptions {
  body?: unknown;
  /** False for requests where 401 means "wrong credentials", not "signed out". */
  sessionExpected?: boolean;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, sessionExpected = true, signal, fetchImpl = fetch } = options;
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiRequestError(0, NETWORK_ERROR, "The network request failed");
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  const error = errorFromBody(response.status, parsed);
  if (error.isUnauthenticated && sessionExpected) onUnauthorized();
  throw error;
}

/** Query string from defined values only. */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
