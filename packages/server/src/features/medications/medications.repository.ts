import type { Selectable, Updateable } from "kysely";
import type { Db, Writes } from "../../db/database.ts";
import type { MedicationDosesTable, MedicationsTable } from "../../db/schema.ts";

export type MedicationRow = Selectable<MedicationsTable>;
export type DoseRow = Selectable<MedicationDosesTable>;
export type MedicationChanges = Omit<Updateable<MedicationsTable>, "id" | "member_id" | "created_at">;

/** Every query names the member: a medication and its doses are only ever found through their owner. */
export class MedicationsRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  listFor(memberId: string): Promise<MedicationRow[]> {
    return this.db
      .selectFrom("medications")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }

  findFor(memberId: string, id: string): Promise<MedicationRow | undefined> {
    return this.db
      .selectFrom("medications")
      .selectAll()
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async insert(row: MedicationRow): Promise<void> {
    await this.db.insertInto("medications").values(row).execute();
  }

  /** Returns the updated row, or undefined when the member has no medication with that id. */
  updateFor(memberId: string, id: string, changes: MedicationChanges): Promise<MedicationRow | undefined> {
    return this.db
      .updateTable("medications")
      .set(changes)
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Deletes the medication and its logged doses; false when the member has no such medication. */
  deleteFor(memberId: string, id: string): Promise<boolean> {
    return this.writes.run(async (trx) => {
      // The foreign key cascades too; deleting explicitly keeps this right even where FKs are not enforced.
      await trx
        .deleteFrom("medication_doses")
        .where("member_id", "=", memberId)
        .where("medication_id", "=", id)
        .execute();
      const result = await trx
        .deleteFrom("medications")
        .where("member_id", "=", memberId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  /** The member's logged doses from `from` to `to` (inclusive local dates). */
  dosesBetween(memberId: string, from: string, to: string): Promise<DoseRow[]> {
    return this.db
      .selectFrom("medication_doses")
      .selectAll()
      .where("member_id", "=", memberId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .execute();
  }

  /**
   * Logs a scheduled dose, or changes the status logged for it (one row per scheduled date and time).
   * `created` tells the first log from a change.
   */
  logDose(row: DoseRow): Promise<{ created: boolean }> {
    return this.writes.run(async (trx) => {
      const existing = await trx
        .selectFrom("medication_doses")
        .select("status")
        .where("medication_id", "=", row.medication_id)
        .where("date", "=", row.date)
        .where("time", "=", row.time)
        .executeTakeFirst();
      await trx
        .insertInto("medication_doses")
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(["medication_id", "date", "time"])
            .doUpdateSet({ status: row.status, logged_at: row.logged_at }),
        )
        .execute();
      return { created: existing === undefined };
    });
  }
}
