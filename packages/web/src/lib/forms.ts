/**
 * Form validation with core's zod schemas, the same ones the server uses, so a person sees the same words
 * beside a field whether the app or the server caught the problem.
 */
import { fieldErrors } from "@cairn/core";
import type { TFunction } from "i18next";
import { ApiRequestError, NETWORK_ERROR } from "../api/client.ts";
import { localizeCoreMessage } from "../i18n/index.ts";

export type FieldErrors = Record<string, string>;

type Issues = Parameters<typeof fieldErrors>[0];

export interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issues } };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

export function validate<T>(schema: SafeParser<T>, value: unknown): Validation<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: localizeFields(fieldErrors(result.error.issues)) };
}

export function localizeFields(fields: Readonly<Record<string, string>>): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([key, message]) => [key, localizeCoreMessage(message)]),
  );
}

/** Field messages from a server error, in the same form as `validate`'s. */
export function serverFieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiRequestError ? localizeFields(error.fields) : {};
}

/** One sentence for the top of a form when a request failed. */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t("errors.generic");
  if (error.code === NETWORK_ERROR) return t("errors.network");
  if (error.status === 429) return t("errors.rateLimited");
  if (Object.keys(error.fields).length > 0) return t("errors.checkFields");
  if (error.status >= 400 && error.status < 500 && error.status !== 401) {
    return localizeCoreMessage(error.message);
  }
  return t("errors.generic");
}

/**
 * One sentence for a request sent by a button with no fields on screen (a dose in a list): the server's own
 * reason when it named a field, since "check the fields marked below" would point at nothing.
 */
export function describeActionError(t: TFunction, error: unknown): string {
  const [reason] = Object.values(serverFieldErrors(error));
  return reason ?? describeError(t, error);
}
