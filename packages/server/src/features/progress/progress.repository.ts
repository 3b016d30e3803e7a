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
  /** The run of consecutive check-in days with the latest first day on or before today, if any. */
  checkinRun: { first_date: string; last_date: string } | undefined;
}

/**
 * What progress is computed from, in two indexed queries keyed on the member (the progress read is benchmarked;
 * see bench/), both compiled once (db/compiled-query.ts):
 * - each recovery with its days of recorded use joined into one string with `string_agg` (PostgreSQL, and
 *   SQLite since 3.44), read from the partial index `checkin_uses_use_dates` (only rows with `used = 1`, written
 *   literally so that either planner picks it);
 * - the one stored run of check-in days the streak is read from (`checkin_runs`, kept by the check-ins
 *   repository), instead of every check-in date: a read costs the same after a year of check-ins as after a day.
 */
export class ProgressRepository {
  readonly #recoveries;
  readonly #checkinRun;

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
    this.#checkinRun = compileOnce((arg: Arg<{ memberId: string; today: string }>) =>
      db
        .selectFrom("checkin_runs")
        .select(["first_date", "last_date"])
        .where("member_id", "=", arg("memberId"))
        .where("first_date", "<=", arg("today"))
        .orderBy("first_date", "desc")
        // A literal LIMIT: with a bound one, SQLite ran this query 3× slower (measured).
        .limit(sql.lit(1)),
    );
  }

  async factsFor(memberId: string, today: string): Promise<ProgressFacts> {
    const [recoveries, checkinRun] = await Promise.all([
      this.#recoveries.rows(this.db, { memberId }),
      this.#checkinRun.first(this.db, { memberId, today }),
    ]);
    return { recoveries, checkinRun };
  }
}
