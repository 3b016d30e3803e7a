/**
 * The accountability feed: when a member saves today's check-in, each of their teams sees it ("checked in
 * today", their day count) and, on a milestone day, the milestone. What goes out follows the member's sharing
 * choices (by default: that they checked in, the day count and milestones; mood and craving only if they opt
 * in; the note never). Only the check-in for the member's *today* posts, once per day per team: the feed
 * message's client id is `checkin:<date>`, so saving the same day again (an edit, a replayed offline save)
 * finds the stored event and posts nothing new.
 *
 * The day count is the longest current run among the member's recoveries (what they have made, whatever else
 * happened); which substance is never shared.
 */
import {
  type Clock,
  DEFAULT_SHARING,
  localDateAt,
  type Progress,
  reachedMilestone,
  type Sharing,
} from "@cairn/core";
import { AppError } from "../../http/errors.ts";
import type { FeedRepository } from "./feed.repository.ts";
import type { MessagesService } from "./messages.service.ts";
import type { TeamsService } from "./teams.service.ts";

export interface FeedMember {
  memberId: string;
  timezone: string;
}

/** The answers of a saved check-in that the feed may use (per the member's choices). */
export interface SavedCheckinFacts {
  mood: number;
  craving: number;
}

export class TeamFeed {
  constructor(
    private readonly feed: FeedRepository,
    private readonly teams: Pick<TeamsService, "teamIdsOf">,
    private readonly messages: Pick<MessagesService, "post">,
    private readonly progressOf: (member: FeedMember) => Promise<Progress>,
    private readonly clock: Clock,
  ) {}

  async sharingOf(memberId: string): Promise<Sharing> {
    return (await this.feed.sharingOf(memberId)) ?? { ...DEFAULT_SHARING };
  }

  async saveSharing(memberId: string, sharing: Sharing): Promise<Sharing> {
    await this.feed.saveSharing(memberId, sharing, new Date(this.clock()).toISOString());
    return this.sharingOf(memberId);
  }

  /** Called by the check-ins feature after a check-in is committed. */
  async checkinSaved(member: FeedMember, date: string, checkin: SavedCheckinFacts): Promise<void> {
    if (date !== localDateAt(this.clock(), member.timezone)) return;
    const teamIds = await this.teams.teamIdsOf(member.memberId);
    if (teamIds.length === 0) return;
    const sharing = await this.sharingOf(member.memberId);
    if (!sharing.checkins && !sharing.milestones) return;
    const progress = await this.progressOf(member);

    const posts: { clientId: string; kind: "checkin" | "milestone"; data: Record<string, unknown> }[] = [];
    if (sharing.checkins) {
      const runs = progress.recoveries.map((r) => r.currentDays);
      const data: Record<string, unknown> = { date, days: runs.length > 0 ? Math.max(...runs) : null };
      if (sharing.mood) data.mood = checkin.mood;
      if (sharing.craving) data.craving = checkin.craving;
      posts.push({ clientId: `checkin:${date}`, kind: "checkin", data });
    }
    if (sharing.milestones) {
      for (const recovery of progress.recoveries) {
        const milestone = reachedMilestone(recovery);
        if (milestone) {
          posts.push({
            clientId: `milestone:${date}:${recovery.id}`,
            kind: "milestone",
            data: { date, days: milestone.days },
          });
        }
      }
    }
    for (const teamId of teamIds) {
      for (const post of posts) {
        try {
          await this.messages.post(member.memberId, teamId, { ...post, automatic: true });
        } catch (error) {
          // The member left (or was removed from) this team since the list was read: nothing to post there.
          if (!(error instanceof AppError && error.statusCode === 404)) throw error;
        }
      }
    }
  }
}
