import type { Selectable } from "kysely";
import type { Db, Writes } from "../../db/database.ts";
import type { RecoveriesTable } from "../../db/schema.ts";

export type RecoveryRow = Selectable<RecoveriesTable>;

export interface RecoveryChanges {
  label?: string | null;
  start_date?: string;
  daily_cost_cents?: number | null;
}

/** Every query names the member: a recovery is only ever found through its owner. */
export class RecoveriesRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  listFor(memberId: string): Promise<RecoveryRow[]> {
    return this.db
      .selectFrom("recoveries")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }

  findFor(memberId: string, id: string): Promise<RecoveryRow | undefined> {
    return this.db
      .selectFrom("recoveries")
      .selectAll()
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async insert(row: RecoveryRow): Promise<void> {
    await this.db.insertInto("recoveries").values(row).execute();
  }

  /** Returns the updated row, or undefined when the member has no recovery with that id. */
  updateFor(memberId: string, id: string, changes: RecoveryChanges): Promise<RecoveryRow | undefined> {
    return this.db
      .updateTable("recoveries")
      .set(changes)
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Deletes the recovery and the check-in answers about it; false when the member has no such recovery. */
  deleteFor(memberId: string, id: string): Promise<boolean> {
    return this.writes.run(async (trx) => {
      // The foreign key cascades too; deleting explicitly keeps this right even where FKs are not enforced.
      await trx
        .deleteFrom("checkin_uses")
        .where("member_id", "=", memberId)
        .where("recovery_id", "=", id)
        .execute();
      const result = await trx
        .deleteFrom("recoveries")
        .where("member_id", "=", memberId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }
}
