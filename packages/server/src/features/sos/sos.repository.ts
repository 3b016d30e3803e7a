import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { SosEpisodesTable } from "../../db/schema.ts";

export type SosEpisodeRow = Selectable<SosEpisodesTable>;

export interface SosEnding {
  ended_at: string;
  /** Null when the member closes an unfinished episode without re-rating it. */
  craving_end: number | null;
  helped_enc: string;
  note_enc: string | null;
}

/** Every query names the member: an episode is only ever found through its owner. */
export class SosRepository {
  constructor(private readonly db: Db) {}

  async insert(row: SosEpisodeRow): Promise<void> {
    await this.db.insertInto("sos_episodes").values(row).execute();
  }

  findFor(memberId: string, id: string): Promise<SosEpisodeRow | undefined> {
    return this.db
      .selectFrom("sos_episodes")
      .selectAll()
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** Ends an open episode; undefined when there is none (not the member's, or already ended). */
  endFor(memberId: string, id: string, ending: SosEnding): Promise<SosEpisodeRow | undefined> {
    return this.db
      .updateTable("sos_episodes")
      .set(ending)
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .where("ended_at", "is", null)
      .returningAll()
      .executeTakeFirst();
  }

  /** Sets an open episode's timer; undefined when there is none (not the member's, or already ended). */
  setMinutesFor(memberId: string, id: string, minutes: number): Promise<SosEpisodeRow | undefined> {
    return this.db
      .updateTable("sos_episodes")
      .set({ minutes })
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .where("ended_at", "is", null)
      .returningAll()
      .executeTakeFirst();
  }

  /** The newest `limit` episodes, newest first. */
  latestFor(memberId: string, limit: number): Promise<SosEpisodeRow[]> {
    return this.db
      .selectFrom("sos_episodes")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
  }

  /** The ratings of every episode (no text, nothing to decrypt): what the summary needs. */
  ratingsFor(memberId: string): Promise<{ craving_start: number; craving_end: number | null }[]> {
    return this.db
      .selectFrom("sos_episodes")
      .select(["craving_start", "craving_end"])
      .where("member_id", "=", memberId)
      .execute();
  }
}
