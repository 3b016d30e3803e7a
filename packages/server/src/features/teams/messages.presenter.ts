/**
 * What of a team message reaches the wire, for HTTP and for WebSocket events alike (the realtime hub publishes
 * what `presentMessage` returns). The author appears by alias only; the ciphertext, the author's username
 * column and the internal client ids of feed events and reactions never do.
 */
import type { Message } from "@cairn/core";
import { MESSAGE_KINDS } from "@cairn/core";
import type { MessageRow } from "./messages.repository.ts";

/** A message with its encrypted columns opened. */
export interface OpenedMessage {
  row: MessageRow;
  text: string | null;
  data: Record<string, unknown> | null;
}

/** Kinds whose client id the member's own device generated (and may need to match a pending send). */
const CLIENT_KINDS = new Set(["text", "reply", "reach_out"]);

const FORMER_MEMBER = "former member";

export function presentMessage({ row, text, data }: OpenedMessage): Message {
  const kind = (MESSAGE_KINDS as readonly string[]).includes(row.kind)
    ? (row.kind as Message["kind"])
    : "text";
  const deleted = row.deleted_at !== null;
  const alias = row.author_display_name ?? row.author_username ?? FORMER_MEMBER;
  return {
    teamId: row.team_id,
    seq: Number(row.seq),
    clientId: CLIENT_KINDS.has(kind) ? row.client_id : null,
    author: row.author_id === null ? null : { id: row.author_id, alias },
    kind,
    text: deleted ? null : kind === "reach_out" ? `${alias} is having a hard time` : text,
    data: deleted ? null : data,
    replyTo: row.reply_to === null ? null : Number(row.reply_to),
    deleted,
    createdAt: row.created_at,
  };
}
