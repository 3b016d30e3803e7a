import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { CheckinsTable } from "../../db/schema.ts";

export type CheckinRow = Selectable<CheckinsTable>;

export interface UseRow {
  date: string;
  recovery_id: string;
  used: number;
}

/** A check-in as stored: the encrypted columns are already ciphertext here. */
export interface CheckinWrite {
  member_id: string;
  date: string;
  mood: number;
  craving: number;
  confidence: number;
  triggers_enc: string;
  halt: string;
  sleep_hours: number | null;
  note_enc: string | null;
  uses: { recovery_id: string; used: boolean }[];
}

export interface OwnedRecovery {
  id: string;
  substance: string;
}

export interface SavedCheckin {
  created: boolean;
  row: CheckinRow;
  uses: UseRow[];
}

export class CheckinsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Creates or replaces the member's check-in for that date, with its uses, in one transaction. The primary key
   * (member, date) makes a replayed or concurrent save (case C07) land on the same row: the insert that loses
   * the race does nothing and the update replaces the answers. `check` runs inside the transaction with the
   * member's recoveries among the uses, so a recovery deleted meanwhile cannot slip in; it throws to refuse,
   * and then nothing is written.
   */
  save(write: CheckinWrite, now: string, check: (owned: OwnedRecovery[]) => void): Promise<SavedCheckin> {
    const { uses, ...columns } = write;
    return this.db.transaction().execute(async (trx) => {
      const ids = uses.map((u) => u.recovery_id);
      const owned =
        ids.length === 0
          ? []
          : await trx
              .selectFrom("recoveries")
              .select(["id", "substance"])
              .where("member_id", "=", write.member_id)
              .where("id", "in", ids)
              .execute();
      check(owned);

      const inserted = await trx
        .insertInto("checkins")
        .values({ ...columns, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(["member_id", "date"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      let row = inserted;
      if (!row) {
        row = await trx
          .updateTable("checkins")
          .set({ ...columns, updated_at: now })
          .where("member_id", "=", write.member_id)
          .where("date", "=", write.date)
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .deleteFrom("checkin_uses")
          .where("member_id", "=", write.member_id)
          .where("date", "=", write.date)
          .execute();
      }
      if (uses.length > 0) {
        await trx
          .insertInto("checkin_uses")
          .values(
            uses.map((u) => ({
              member_id: write.member_id,
              date: write.date,
              recovery_id: u.recovery_id,
              used: u.used ? 1 : 0,
            })),
          )
          .execute();
      }
      return {
        created: inserted !== undefined,
        row,
        uses: uses.map((u) => ({ date: write.date, recovery_id: u.recovery_id, used: u.used ? 1 : 0 })),
      };
    });
  }

  /** Check-ins from `from` to `to` inclusive, newest first, with their uses: two queries, whatever the range. */
  async listBetween(
    memberId: string,
    from: string,
    to: string,
  ): Promise<{ rows: CheckinRow[]; uses: UseRow[] }> {
    const [rows, uses] = await Promise.all([
      this.db
        .selectFrom("checkins")
        .selectAll()
        .where("member_id", "=", memberId)
        .where("date", ">=", from)
        .where("date", "<=", to)
        .orderBy("date", "desc")
        .execute(),
      this.db
        .selectFrom("checkin_uses")
        .select(["date", "recovery_id", "used"])
        .where("member_id", "=", memberId)
        .where("date", ">=", from)
        .where("date", "<=", to)
        .orderBy("recovery_id")
        .execute(),
    ]);
    return { rows, uses };
  }

  /** False when the member has no check-in on that date. */
  deleteFor(memberId: string, date: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("checkin_uses")
        .where("member_id", "=", memberId)
        .where("date", "=", date)
        .execute();
      const result = await trx
        .deleteFrom("checkins")
        .where("member_id", "=", memberId)
        .where("date", "=", date)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }
}
