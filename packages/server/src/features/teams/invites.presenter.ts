/** What of an invite reaches the wire: never its hash, nor who made it. */
import type { Invite } from "@cairn/core";
import type { InviteRow } from "./invites.repository.ts";
import { inviteStatus } from "./invites.service.ts";

export function presentInvite(row: InviteRow, nowIso: string): Invite {
  return {
    id: row.id,
    status: inviteStatus(row, nowIso),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** The path a leader shares; the app puts its own origin in front. */
export const inviteLink = (code: string) => `/join/${code}`;
