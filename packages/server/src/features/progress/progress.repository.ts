import { sql } from "kysely";
import { type Arg, compileOnce } from "../../db/compiled-query.ts";
import type { Db } from "../../db/database.ts";

export interface ProgressRecoveryRow {
  id: string;
  substance: string;
  label: string | null;
  start_date: string;
  daily_cost_cents: number | null;
  /** Days with recorded use of this recovery, comma-separated, or null when none. */
  use_dates: string | null;
}

export interface ProgressFacts {
  recoveries: ProgressRecoveryRow[];
  /** Every date with a check-in, comma-separated, or null when none. */
  checkinDates: string | null;
}

/**
 * What progress is computed from, in two indexed queries keyed on the member (the progress read is benchmarked;
 * see bench/). Dates come back joined into one string per list with `string_agg` (PostgreSQL, and SQLite since
 * 3.44): a year of check-ins is then one short string instead of 365 row objects, which was most of the cost.
 * Use dates come from the partial index `checkin_uses_use_dates` (only rows with `used = 1`, written literally so
 * the planner can pick it). Both queries are compiled once (db/compiled-query.ts).
 */
export class ProgressRepository {
  readonly #recoveries;
  readonly #checkinDates;

  constructor(private readonly db: Db) {
    this.#recoveries = compileOnce((arg: Arg<{ memberId: string }>) =>
      db
        .selectFrom("recoveries")
        .select(["id", "substance", "label", "start_date", "daily_cost_cents"])
        .select((eb) =>
          eb
            .selectFrom("checkin_uses")
            .select(sql<string | null>`string_agg(checkin_uses.date, ',')`.as("dates"))
            .whereRef("checkin_uses.member_id", "=", "recoveries.member_id")
            .whereRef("checkin_uses.recovery_id", "=", "recoveries.id")
            .where("checkin_uses.used", "=", sql.lit(1))
            .as("use_dates"),
        )
        .where("member_id", "=", arg("memberId"))
        .orderBy("created_at")
        .orderBy("id"),
    );
    this.#checkinDates = compileOnce((arg: Arg<{ memberId: string }>) =>
      db
        .selectFrom("checkins")
        .select(sql<string | null>`string_agg(date, ',')`.as("dates"))
        .where("member_id", "=", arg("memberId")),
    );
  }

  async factsFor(memberId: string): Promise<ProgressFacts> {
    const [recoveries, checkins] = await Promise.all([
      this.#recoveries.rows(this.db, { memberId }),
      this.#checkinDates.first(this.db, { memberId }),
    ]);
    return { recoveries, checkinDates: checkins?.dates ?? null };
  }
}
