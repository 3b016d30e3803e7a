/**
 * One error shape for every failure: `{error: {code, message, fields?}}`. Services throw `AppError`s; the
 * handler below turns those, schema failures and Fastify's own errors into that shape and hides the details of
 * anything unexpected (5xx) from the caller.
 */
import { type ApiError, ERROR_CODES } from "@cairn/core";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = "That record") =>
  new AppError(404, ERROR_CODES.notFound, `${what} was not found`);
export const unauthenticated = () =>
  new AppError(401, ERROR_CODES.unauthenticated, "Please sign in to continue");
export const invalidField = (field: string, problem: string) =>
  new AppError(422, ERROR_CODES.invalid, "Some answers need another look", { [field]: problem });
export const conflict = (field: string, problem: string) =>
  new AppError(409, ERROR_CODES.conflict, problem, { [field]: problem });

export function errorBody(code: string, message: string, fields?: Record<string, string>): ApiError {
  return { error: fields ? { code, message, fields } : { code, message } };
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function validationFields(issues: ValidationIssue[], context: string | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const base = issue.instancePath.split("/").filter(Boolean).join(".");
    if (issue.keyword === "unrecognized_keys" && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys as string[])
        fields[base ? `${base}.${key}` : key] ??= "Unknown field";
      continue;
    }
    fields[base || context || "body"] ??= issue.message ?? "Invalid value";
  }
  return fields;
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, ERROR_CODES.tooLarge, "That request is too large"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, ERROR_CODES.unsupportedMediaType, "Send JSON (application/json)"],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, ERROR_CODES.invalid, "The request body is malformed"],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, ERROR_CODES.invalid, "The request body is empty"],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, ERROR_CODES.invalid, "The request body is not valid JSON"],
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = validationFields(
        error.validation as unknown as ValidationIssue[],
        error.validationContext,
      );
      return reply.code(400).send(errorBody(ERROR_CODES.invalid, "Some answers need another look", fields));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.code(known[0]).send(errorBody(known[1], known[2]));
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply.code(400).send(errorBody(ERROR_CODES.invalid, "The request is malformed"));
    }
    if (error.statusCode === 429) {
      return reply
        .code(429)
        .send(errorBody(ERROR_CODES.rateLimited, "Too many attempts; please wait a little"));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorBody(ERROR_CODES.invalid, "The request was refused"));
    }
    request.log.error({ err: error }, "unexpected error");
    return reply.code(500).send(errorBody(ERROR_CODES.internal, "Something went wrong on our side"));
  });
}
