/** What of a team and its members reaches the wire: core's `teamSchema` and `teamMemberSchema`, field by field. */
import type { Team, TeamMember } from "@cairn/core";
import { isMuted } from "./policies.ts";
import type { TeamMemberRow, TeamSummaryRow } from "./teams.repository.ts";

export function presentTeam(row: TeamSummaryRow): Team {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    memberCount: row.member_count,
    lastSeq: row.last_seq,
    readSeq: row.read_seq,
    unread: row.unread,
  };
}

/** Members appear under their alias only: the display name they chose, or their username. */
export function aliasOf(member: { display_name: string | null; username: string }): string {
  return member.display_name ?? member.username;
}

export function presentTeamMember(row: TeamMemberRow, nowIso: string): TeamMember {
  return { id: row.member_id, alias: aliasOf(row), role: row.role, muted: isMuted(row, nowIso) };
}
