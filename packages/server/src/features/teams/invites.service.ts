/**
 * Invites: a leader makes a code (shown once; only its hash is kept) that expires after some days or when
 * revoked. Joining with it adds the member unless the team is full (TEAM_MAX_MEMBERS) or they were removed.
 * An unknown code and an expired or revoked one each get one clear sentence, nothing more.
 */
import { randomUUID } from "node:crypto";
import { type Clock, ERROR_CODES } from "@cairn/core";
import { AppError, conflict, notFound } from "../../http/errors.ts";
import { generateInviteCode, hashInviteCode } from "./invite-codes.ts";
import type { InviteRow, InvitesRepository } from "./invites.repository.ts";
import type { TeamSummaryRow, TeamsRepository } from "./teams.repository.ts";
import type { TeamsService } from "./teams.service.ts";

const DAY_MS = 86_400_000;

export interface CreatedInvite {
  row: InviteRow;
  code: string;
}

export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly teamsRepo: Pick<TeamsRepository, "join">,
    private readonly teams: TeamsService,
    private readonly settings: { maxMembers: number },
    private readonly clock: Clock,
  ) {}

  async create(memberId: string, teamId: string, expiresInDays: number | null): Promise<CreatedInvite> {
    await this.teams.leader(memberId, teamId);
    const now = this.clock();
    const code = generateInviteCode();
    const row: InviteRow = {
      id: randomUUID(),
      team_id: teamId,
      code_hash: hashInviteCode(code),
      created_by: memberId,
      created_at: new Date(now).toISOString(),
      expires_at: expiresInDays === null ? null : new Date(now + expiresInDays * DAY_MS).toISOString(),
      revoked_at: null,
    };
    await this.invites.create(row);
    return { row, code };
  }

  async list(memberId: string, teamId: string): Promise<InviteRow[]> {
    await this.teams.leader(memberId, teamId);
    return this.invites.listFor(teamId);
  }

  async revoke(memberId: string, teamId: string, inviteId: string): Promise<void> {
    await this.teams.leader(memberId, teamId);
    const done = await this.invites.revoke(teamId, inviteId, new Date(this.clock()).toISOString());
    if (!done) throw notFound("That invite");
  }

  /** The team an invite opens, named before joining; the same refusals as joining with it. */
  async preview(code: string): Promise<{ name: string; memberCount: number }> {
    const invite = await this.activeInvite(code);
    const team = await this.invites.teamPreview(invite.team_id);
    if (!team) throw notFound("That team");
    return team;
  }

  /** Joins the team; `joined` is false when the member was in it already (joining twice is safe). */
  async join(memberId: string, code: string): Promise<{ team: TeamSummaryRow; joined: boolean }> {
    const invite = await this.activeInvite(code);
    const nowIso = new Date(this.clock()).toISOString();
    const outcome = await this.teamsRepo.join(invite.team_id, memberId, nowIso, this.settings.maxMembers);
    switch (outcome) {
      case "full":
        throw conflict("code", `This team is full (${this.settings.maxMembers} members)`);
      case "removed":
        throw new AppError(403, ERROR_CODES.forbidden, "You can't rejoin this team", {
          code: "A leader removed you from this team",
        });
      case "gone":
        throw notFound("That team");
      default:
        return { team: await this.teams.summary(memberId, invite.team_id), joined: outcome === "joined" };
    }
  }

  private async activeInvite(code: string): Promise<InviteRow> {
    const invite = await this.invites.findByHash(hashInviteCode(code));
    if (!invite) {
      throw new AppError(
        404,
        ERROR_CODES.notFound,
        "That invite code doesn't match any team; check it and try again",
        {
          code: "No team has this invite code",
        },
      );
    }
    const nowIso = new Date(this.clock()).toISOString();
    if (inviteStatus(invite, nowIso) !== "active") {
      throw new AppError(
        410,
        "invite_expired",
        "This invite has expired or was withdrawn; ask the team for a new one",
        {
          code: "This invite no longer works",
        },
      );
    }
    return invite;
  }
}

export function inviteStatus(row: InviteRow, nowIso: string): "active" | "expired" | "revoked" {
  if (row.revoked_at !== null) return "revoked";
  if (row.expires_at !== null && row.expires_at <= nowIso) return "expired";
  return "active";
}
