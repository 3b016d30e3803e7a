/** What of a block or a report reaches the wire: aliases only, never the reporter, never ciphertext. */
import type { Block, Report } from "@cairn/core";
import type { BlockRow } from "./moderation.repository.ts";
import type { OpenedReport } from "./reports.service.ts";
import { aliasOf } from "./teams.presenter.ts";

export function presentBlock(row: BlockRow): Block {
  return { memberId: row.blocked_id, alias: aliasOf(row), createdAt: row.created_at };
}

export function presentReport({ row, reason, message }: OpenedReport): Report {
  return {
    id: row.id,
    teamId: row.team_id,
    teamName: row.team_name,
    message,
    reason,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}
