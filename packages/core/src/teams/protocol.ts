/**
 * The WebSocket protocol of `/api/v1/ws`, defined once so the server and the web app break at compile time
 * together when it changes.
 *
 * Ordering: the server alone numbers a team's messages (`seq`, strictly increasing per team). A client keeps
 * the highest seq it has per team and subscribes with it; the server replies with exactly the messages after
 * it, then live ones, each once (case C11). Sends carry a client id, so a retry after a lost reply returns the
 * stored message instead of a second one (case C12).
 */
import { z } from "zod";
import { idSchema } from "../http/fields.ts";
import { messageSchema, messageSupportSchema, messageTextSchema, replyToSchema } from "./schema.ts";

/** Frames above this many bytes are refused with close code 1009. */
export const MAX_FRAME_BYTES = 16 * 1024;

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("subscribe"), teamId: idSchema, afterSeq: z.int().min(0) }),
  z.strictObject({ type: z.literal("unsubscribe"), teamId: idSchema }),
  z.strictObject({
    type: z.literal("send"),
    teamId: idSchema,
    clientId: z.uuid(),
    text: messageTextSchema,
    replyTo: replyToSchema.optional(),
  }),
  z.strictObject({ type: z.literal("read"), teamId: idSchema, seq: z.int().min(0) }),
  z.strictObject({ type: z.literal("ping") }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), message: messageSchema }),
  /** The answer to a send: the stored message (also for a retried client id). */
  z.object({
    type: z.literal("sent"),
    clientId: z.string(),
    message: messageSchema,
    /** Danger language in the writer's own text: crisis resources shown at once (absent when none). */
    support: messageSupportSchema.optional(),
  }),
  /** Everything up to `seq` has been delivered; live messages follow. */
  z.object({ type: z.literal("caught_up"), teamId: z.string(), seq: z.number() }),
  /** A message was deleted (by its author or a leader): show it as deleted. */
  z.object({ type: z.literal("deleted"), teamId: z.string(), seq: z.number() }),
  /** The member's read marker for the team (from this or another of their devices). */
  z.object({ type: z.literal("read"), teamId: z.string(), seq: z.number() }),
  /** The member left or was removed: nothing more of this team is sent (case C13). */
  z.object({ type: z.literal("removed"), teamId: z.string() }),
  z.object({
    type: z.literal("error"),
    code: z.string(),
    message: z.string(),
    /** The client id or team the error is about, when there is one. */
    ref: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ type: z.literal("pong") }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** Close codes beyond the standard ones (4000–4999 are the application's). */
export const CLOSE_CODES = {
  tooBig: 1009,
  policy: 1008,
  sessionEnded: 4001,
  flood: 4008,
  /** Sent by a server that is shutting down: reconnect (to another instance) and resume. */
  goingAway: 1001,
  /** The client reads too slowly and the server's buffer for it is full: reconnect and resume. */
  tryAgainLater: 1013,
} as const;
