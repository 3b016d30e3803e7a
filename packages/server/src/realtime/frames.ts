/**
 * Turns a raw WebSocket frame into a typed client message, or into the error frame that answers it. Nothing a
 * client sends can throw past this point: bad JSON, a binary frame, an unknown type or a bad field each get
 * one `error` frame that names the problem.
 */
import {
  type ClientMessage,
  clientMessageSchema,
  ERROR_CODES,
  fieldErrors,
  type ServerMessage,
} from "@cairn/core";
import type { RawData } from "ws";

export type ErrorFrame = Extract<ServerMessage, { type: "error" }>;

const KNOWN_TYPES: ReadonlySet<string> = new Set(clientMessageSchema.options.map((o) => o.shape.type.value));

export function errorFrame(
  code: string,
  message: string,
  ref?: string,
  fields?: Record<string, string>,
): ErrorFrame {
  return {
    type: "error",
    code,
    message,
    ...(ref === undefined ? {} : { ref }),
    ...(fields === undefined ? {} : { fields }),
  };
}

export function parseClientFrame(
  data: RawData,
  isBinary: boolean,
): { frame: ClientMessage } | { error: ErrorFrame } {
  if (isBinary) return { error: errorFrame(ERROR_CODES.invalid, "Send text frames holding JSON") };
  const text = Buffer.isBuffer(data)
    ? data.toString("utf8")
    : Array.isArray(data)
      ? Buffer.concat(data).toString("utf8")
      : Buffer.from(data).toString("utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: errorFrame(ERROR_CODES.invalid, "The frame is not valid JSON") };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { error: errorFrame(ERROR_CODES.invalid, "A frame is a JSON object with a type") };
  }
  const record = raw as Record<string, unknown>;
  // The client id (of a send) or the team lets the client tell which of its requests failed.
  const ref = [record.clientId, record.teamId].find(
    (v): v is string => typeof v === "string" && v.length <= 64,
  );
  if (typeof record.type !== "string" || !KNOWN_TYPES.has(record.type)) {
    const shown = typeof record.type === "string" ? `"${record.type.slice(0, 32)}"` : "missing";
    return {
      error: errorFrame(ERROR_CODES.invalid, `Unknown message type (${shown})`, ref, {
        type: `Expected one of ${[...KNOWN_TYPES].join(", ")}`,
      }),
    };
  }
  const parsed = clientMessageSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      error: errorFrame(
        ERROR_CODES.invalid,
        "Some fields need another look",
        ref,
        fieldErrors(parsed.error.issues),
      ),
    };
  }
  return { frame: parsed.data };
}
