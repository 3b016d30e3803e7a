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
    fields[path] ??= issue.message;
  }
  return fields;
}
