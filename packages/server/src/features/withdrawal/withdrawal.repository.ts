import type { Insertable, Selectable } from "kysely";
import type { Db, Writes } from "../../db/database.ts";
import type { WithdrawalChecksTable } from "../../db/schema.ts";

export type WithdrawalCheckRow = Selectable<WithdrawalChecksTable>;

export class WithdrawalRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  /**
   * Stores a check unless the member already has `perDayMax` on that date (then false, nothing written). The
   * count and the insert share a transaction; on PostgreSQL the member row is locked first so two saves of one
   * day take turns (SQLite has one writer).
   */
  insertWithinDailyLimit(row: Insertable<WithdrawalChecksTable>, perDayMax: number): Promise<boolean> {
    return this.writes.run(async (trx) => {
      if (!this.writes.serialized) {
        await trx
          .selectFrom("members")
          .select("id")
          .where("id", "=", row.member_id)
          .forNoKeyUpdate()
          .execute();
      }
      const { count } = await trx
        .selectFrom("withdrawal_checks")
        .select((eb) => eb.fn.countAll<string | number>().as("count"))
        .where("member_id", "=", row.member_id)
        .where("date", "=", row.date)
        .executeTakeFirstOrThrow();
      if (Number(count) >= perDayMax) return false;
      await trx.insertInto("withdrawal_checks").values(row).execute();
      return true;
    });
  }

  /** The member's checks dated `from` to `to` inclusive, oldest first. */
  listBetween(memberId: string, from: string, to: string): Promise<WithdrawalCheckRow[]> {
    return this.db
      .selectFrom("withdrawal_checks")
      .selectAll()
      .where("member_id", "=", memberId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date")
      .orderBy("taken_at")
      .orderBy("id")
      .execute();
  }
}
