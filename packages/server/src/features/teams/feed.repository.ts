/** What each member shares with their teams: the only code that reads or writes `team_sharing`. */
import type { Sharing } from "@cairn/core";
import type { Db } from "../../db/database.ts";

export class FeedRepository {
  constructor(private readonly db: Db) {}

  /** Undefined until the member first saves a choice (the defaults apply). */
  async sharingOf(memberId: string): Promise<Sharing | undefined> {
    const row = await this.db
      .selectFrom("team_sharing")
      .select(["checkins", "milestones", "mood", "craving"])
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    return (
      row && {
        checkins: row.checkins === 1,
        milestones: row.milestones === 1,
        mood: row.mood === 1,
        craving: row.craving === 1,
      }
    );
  }

  async saveSharing(memberId: string, sharing: Sharing, now: string): Promise<void> {
    const values = {
      checkins: sharing.checkins ? 1 : 0,
      milestones: sharing.milestones ? 1 : 0,
      mood: sharing.mood ? 1 : 0,
      craving: sharing.craving ? 1 : 0,
      updated_at: now,
    };
    await this.db
      .insertInto("team_sharing")
      .values({ member_id: memberId, ...values })
      .onConflict((oc) => oc.column("member_id").doUpdateSet(values))
      .execute();
  }
}
