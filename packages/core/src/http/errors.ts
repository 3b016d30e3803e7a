import { z } from "zod";

/** Every 4xx/5xx body has this shape, so clients show the same kind of message everywhere. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const ERROR_CODES = {
  invalid: "invalid_input",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  notFound: "not_found",
  conflict: "conflict",
  tooLarge: "payload_too_large",
  unsupportedMediaType: "unsupported_media_type",
  methodNotAllowed: "method_not_allowed",
  rateLimited: "rate_limited",
  internal: "internal_error",
} as const;

/**
 * Turns zod issues into `{field: message}` with dotted paths (`uses.0.recoveryId`), first issue per field.
 * Shared so the web forms show the same words the server sends.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] ??= "Unknown field";
      continue;
    }
    const path = issue.path.length > 0 ? issue.path.join(".") : "body";
    fields[path] ??= plainMessage(issue);
  }
  return fields;
}

const EXPECTED: Record<string, string> = {
  string: "Expected text",
  number: "Expected a number",
  int: "Expected a whole number",
  boolean: "Expected true or false",
  array: "Expected a list",
  object: "Expected an object with fields",
  null: "Expected null",
};

/**
 * A schema's own words when it has them; zod's generic wording for a wrong type ("Invalid input: expected
 * array, received string") becomes a sentence a person can act on.
 */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_type" || !issue.message.startsWith("Invalid input")) return issue.message;
  if (/received undefined$/.test(issue.message)) return "This is required";
  return EXPECTED[issue.expected] ?? "This is not the expected kind of value";
}
