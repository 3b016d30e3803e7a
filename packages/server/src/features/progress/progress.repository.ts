import type { Db } from "../../db/database.ts";

export interface ProgressRecoveryRow {
  id: string;
  substance: string;
  label: string | null;
  start_date: string;
  daily_cost_cents: number | null;
}

export interface ProgressFacts {
  recoveries: ProgressRecoveryRow[];
  /** Days on which the member recorded use, per recovery. */
  uses: { recovery_id: string; date: string }[];
  checkinDates: string[];
}

/**
 * What progress is computed from, in three indexed queries that select only the columns needed (the progress
 * read is benchmarked; see bench/). Every query is keyed on the member.
 */
export class ProgressRepository {
  constructor(private readonly db: Db) {}

  async factsFor(memberId: string): Promise<ProgressFacts> {
    const [recoveries, uses, checkins] = await Promise.all([
      this.db
        .selectFrom("recoveries")
        .select(["id", "substance", "label", "start_date", "daily_cost_cents"])
        .where("member_id", "=", memberId)
        .orderBy("created_at")
        .orderBy("id")
        .execute(),
      this.db
        .selectFrom("checkin_uses")
        .select(["recovery_id", "date"])
        .where("member_id", "=", memberId)
        .where("used", "=", 1)
        .execute(),
      this.db.selectFrom("checkins").select("date").where("member_id", "=", memberId).execute(),
    ]);
    return { recoveries, uses, checkinDates: checkins.map((c) => c.date) };
  }
}
