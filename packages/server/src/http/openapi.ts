/** Helpers that let each route document its error answers in the OpenAPI document with the one error shape. */
import { apiErrorSchema } from "@cairn/core";

const WHY: Record<number, string> = {
  400: "The request is malformed or a field is invalid (see `fields`)",
  401: "Not signed in, or the credentials do not match",
  403: "A cross-site request",
  404: "Not found",
  409: "Conflicts with an existing record (see `fields`)",
  413: "The body is too large",
  415: "The body is not JSON",
  422: "A field breaks a rule (see `fields`)",
  429: "Too many attempts; try again later",
};

/** `{401: apiErrorSchema, ...}` for a route's `schema.response`. */
export function errorResponses(...statuses: number[]): Record<number, typeof apiErrorSchema> {
  return Object.fromEntries(
    statuses.map((status) => [status, apiErrorSchema.describe(WHY[status] ?? "Refused")]),
  ) as Record<number, typeof apiErrorSchema>;
}
