/**
 * Teams and who is in them: create, list with unread counts, join (invites.service.ts), leave, hand over the
 * lead, remove and mute. Every change of membership publishes `member-left` so that open connections of the
 * member who is no longer in the team stop receiving at once (case C13).
 */

import { randomUUID } from "node:crypto";
import { type Clock, ERROR_CODES } from "@cairn/core";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import type { LiveEventBus } from "../../realtime/events.ts";
import { type Actor, MUTED_INDEFINITELY, policies } from "./policies.ts";
import type { TeamMemberRow, TeamSummaryRow, TeamsRepository } from "./teams.repository.ts";

export interface TeamDetail {
  summary: TeamSummaryRow;
  members: TeamMemberRow[];
}

export const teamNotFound = () => notFound("That team");
export const notALeader = () =>
  new AppError(403, ERROR_CODES.forbidden, "Only a leader of this team can do that");

export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly bus: LiveEventBus,
    private readonly clock: Clock,
  ) {}

  /** The facts every team policy needs about the caller. */
  async actor(memberId: string, teamId: string): Promise<Actor> {
    const [membership, operator] = await Promise.all([
      this.teams.membership(teamId, memberId),
      this.teams.isOperator(memberId),
    ]);
    return { memberId, operator, membership };
  }

  /** The caller's actor in a team they are in; anyone else gets 404, as if the team did not exist. */
  async reader(memberId: string, teamId: string): Promise<Actor> {
    const membership = await this.teams.membership(teamId, memberId);
    const actor: Actor = { memberId, operator: false, membership };
    if (!policies.canRead(actor)) throw teamNotFound();
    return actor;
  }

  /**
   * The caller's actor when they may moderate the team: its leaders, or the operator in any team. A member who
   * is not a leader gets 403; anyone else 404 (the team's existence is not theirs to learn).
   */
  async moderator(memberId: string, teamId: string): Promise<Actor> {
    const actor = await this.actor(memberId, teamId);
    if (policies.canModerate(actor)) {
      if (!actor.membership && !(await this.teams.teamExists(teamId))) throw teamNotFound();
      return actor;
    }
    if (!policies.canRead(actor)) throw teamNotFound();
    throw notALeader();
  }

  /** The caller's actor when they lead the team (invites, handing over). */
  async leader(memberId: string, teamId: string): Promise<Actor> {
    const actor = await this.reader(memberId, teamId);
    if (!policies.canLead(actor)) throw notALeader();
    return actor;
  }

  isOperator(memberId: string): Promise<boolean> {
    return this.teams.isOperator(memberId);
  }

  async isMember(memberId: string, teamId: string): Promise<boolean> {
    return (await this.teams.membership(teamId, memberId)) !== undefined;
  }

  teamIdsOf(memberId: string): Promise<string[]> {
    return this.teams.teamIdsOf(memberId);
  }

  async create(memberId: string, name: string): Promise<TeamSummaryRow> {
    const id = randomUUID();
    await this.teams.create({ id, name }, memberId, this.now());
    return this.summary(memberId, id);
  }

  list(memberId: string): Promise<TeamSummaryRow[]> {
    return this.teams.summariesFor(memberId);
  }

  async get(memberId: string, teamId: string): Promise<TeamDetail> {
    await this.reader(memberId, teamId);
    const [summary, members] = await Promise.all([
      this.summary(memberId, teamId),
      this.teams.members(teamId),
    ]);
    return { summary, members };
  }

  async summary(memberId: string, teamId: string): Promise<TeamSummaryRow> {
    const [summary] = await this.teams.summariesFor(memberId, teamId);
    if (!summary) throw teamNotFound();
    return summary;
  }

  /** Leaving takes effect at once; the last leader's lead passes to the longest-standing member. */
  async leave(memberId: string, teamId: string): Promise<void> {
    const { left } = await this.teams.leave(teamId, memberId);
    if (!left) throw teamNotFound();
    await this.bus.publish({ kind: "member-left", teamId, memberId });
  }

  async handOver(memberId: string, teamId: string, toId: string): Promise<TeamDetail> {
    await this.leader(memberId, teamId);
    if (!(await this.teams.handOver(teamId, memberId, toId))) throw notFound("That member of the team");
    return this.get(memberId, teamId);
  }

  /**
   * Removal is effective at once: the member's row goes in the same transaction that records the removal (so an
   * old invite cannot bring them back), and `member-left` closes their live subscription (case C13).
   */
  async remove(actorId: string, teamId: string, targetId: string): Promise<void> {
    await this.moderator(actorId, teamId);
    if (targetId === actorId) throw invalidField("memberId", "To leave the team yourself, use leave");
    const { left } = await this.teams.leave(teamId, targetId, this.now());
    if (!left) throw notFound("That member of the team");
    await this.bus.publish({ kind: "member-left", teamId, memberId: targetId });
  }

  /** `minutes` null mutes until a leader unmutes. */
  async mute(
    actorId: string,
    teamId: string,
    targetId: string,
    minutes: number | null,
  ): Promise<TeamMemberRow> {
    await this.moderator(actorId, teamId);
    if (targetId === actorId) throw invalidField("memberId", "You can't mute yourself");
    const until =
      minutes === null ? MUTED_INDEFINITELY : new Date(this.clock() + minutes * 60_000).toISOString();
    return this.setMuted(teamId, targetId, until);
  }

  async unmute(actorId: string, teamId: string, targetId: string): Promise<TeamMemberRow> {
    await this.moderator(actorId, teamId);
    return this.setMuted(teamId, targetId, null);
  }

  private async setMuted(teamId: string, targetId: string, until: string | null): Promise<TeamMemberRow> {
    if (!(await this.teams.setMutedUntil(teamId, targetId, until))) throw notFound("That member of the team");
    const member = (await this.teams.members(teamId)).find((m) => m.member_id === targetId);
    if (!member) throw notFound("That member of the team");
    return member;
  }

  now(): string {
    return new Date(this.clock()).toISOString();
  }
}
