import {
  addDayToRuns,
  type DayRun,
  fromDayNumber,
  type RunChange,
  removeDayFromRuns,
  toDayNumber,
} from "@cairn/core";
import { type Insertable, type Selectable, sql, type Transaction } from "kysely";
import { type Arg, type CompiledQueryOf, compileOnce } from "../../db/compiled-query.ts";
import type { Db, Writes } from "../../db/database.ts";
import type { CheckinRunsTable, CheckinsTable, CheckinUsesTable, Database } from "../../db/schema.ts";

export type CheckinRow = Selectable<CheckinsTable>;
/** A check-in row as a save leaves it; when it created the row is not read back (nothing shown needs it). */
export type SavedCheckinRow = Omit<CheckinRow, "created_at">;

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
  start_date: string;
}

export interface SavedCheckin {
  created: boolean;
  row: SavedCheckinRow;
  uses: UseRow[];
}

/** The columns of a check-in row as the compiled write statements take them. */
type CheckinColumns = Omit<CheckinWrite, "uses"> & { now: string };

export class CheckinsRepository {
  // The check-in write is benchmarked (bench/): its statements are compiled once (db/compiled-query.ts).
  readonly #recoveriesOf;
  readonly #insertIfNew;
  readonly #replace;
  readonly #deleteUses;
  readonly #insertUse;
  readonly #lockMember;
  readonly #runsUpTo;
  readonly #deleteRun;
  readonly #insertRun;

  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {
    this.#recoveriesOf = compileOnce((arg: Arg<{ memberId: string }>) =>
      db
        .selectFrom("recoveries")
        .select(["id", "substance", "start_date"])
        .where("member_id", "=", arg("memberId")),
    );
    this.#insertIfNew = compileOnce((arg: Arg<CheckinColumns>) =>
      db
        .insertInto("checkins")
        .values({
          member_id: arg("member_id"),
          date: arg("date"),
          mood: arg("mood"),
          craving: arg("craving"),
          confidence: arg("confidence"),
          triggers_enc: arg("triggers_enc"),
          halt: arg("halt"),
          sleep_hours: arg("sleep_hours"),
          note_enc: arg("note_enc"),
          created_at: arg("now"),
          updated_at: arg("now"),
        })
        .onConflict((oc) => oc.columns(["member_id", "date"]).doNothing()),
    );
    this.#replace = compileOnce((arg: Arg<CheckinColumns>) =>
      db
        .updateTable("checkins")
        .set({
          mood: arg("mood"),
          craving: arg("craving"),
          confidence: arg("confidence"),
          triggers_enc: arg("triggers_enc"),
          halt: arg("halt"),
          sleep_hours: arg("sleep_hours"),
          note_enc: arg("note_enc"),
          updated_at: arg("now"),
        })
        .where("member_id", "=", arg("member_id"))
        .where("date", "=", arg("date")),
    );
    this.#deleteUses = compileOnce((arg: Arg<{ memberId: string; date: string }>) =>
      db.deleteFrom("checkin_uses").where("member_id", "=", arg("memberId")).where("date", "=", arg("date")),
    );
    this.#insertUse = compileOnce((arg: Arg<Insertable<CheckinUsesTable>>) =>
      db.insertInto("checkin_uses").values({
        member_id: arg("member_id"),
        date: arg("date"),
        recovery_id: arg("recovery_id"),
        used: arg("used"),
      }),
    );
    // PostgreSQL only (see `serialized` in db/write-batcher.ts): a member's check-in writes take turns, so two
    // saves of neighbouring days cannot both miss each other's run. NO KEY UPDATE leaves rows that merely
    // reference the member (sessions, messages) free to be written meanwhile.
    this.#lockMember = compileOnce((arg: Arg<{ memberId: string }>) =>
      db.selectFrom("members").select("id").where("id", "=", arg("memberId")).forNoKeyUpdate(),
    );
    // The stored runs that can touch a day: the two with the latest first day on or before the day after it.
    this.#runsUpTo = compileOnce(
      (arg: Arg<{ memberId: string; date: string }>) =>
        db
          .selectFrom("checkin_runs")
          .select(["first_date", "last_date"])
          .where("member_id", "=", arg("memberId"))
          .where("first_date", "<=", arg("date"))
          .orderBy("first_date", "desc")
          .limit(sql.lit(2)), // literal: with a bound LIMIT SQLite ran this 3× slower
    );
    this.#deleteRun = compileOnce((arg: Arg<{ memberId: string; firstDate: string }>) =>
      db
        .deleteFrom("checkin_runs")
        .where("member_id", "=", arg("memberId"))
        .where("first_date", "=", arg("firstDate")),
    );
    this.#insertRun = compileOnce((arg: Arg<CheckinRunsTable>) =>
      db.insertInto("checkin_runs").values({
        member_id: arg("member_id"),
        first_date: arg("first_date"),
        last_date: arg("last_date"),
      }),
    );
  }

  /**
   * Creates or replaces the member's check-in for that date, with its uses, in one transaction (shared with
   * other writes of the same moment by group commit, db/write-batcher.ts; it resolves once committed). The
   * primary key (member, date) makes a replayed or concurrent save (case C07) land on the same row: a save
   * that finds the day taken replaces the answers. `check` runs inside the transaction with
   * the member's recoveries among the uses, so a recovery deleted meanwhile cannot slip in; it throws to refuse,
   * and then nothing of this save is written. `checkNew` runs, also inside it, only when the day has no check-in
   * yet, and may refuse the same way. A day that gets its first check-in is added to the member's runs
   * of check-in days (`checkin_runs`, read by progress) in the same transaction; deleting a check-in removes it.
   */
  save(
    write: CheckinWrite,
    now: string,
    check: (owned: OwnedRecovery[]) => void,
    checkNew: () => void = () => {},
  ): Promise<SavedCheckin> {
    const { uses, ...columns } = write;
    const values: CheckinColumns = { ...columns, now };
    return this.writes.run(async (trx) => {
      if (!this.writes.serialized) await this.#lockMember.execute(trx, { memberId: write.member_id });
      const ids = new Set(uses.map((u) => u.recovery_id));
      const owned =
        ids.size === 0
          ? []
          : (await this.#recoveriesOf.rows(trx, { memberId: write.member_id })).filter((r) => ids.has(r.id));
      check(owned);

      // Replace first (one statement when the day already has a check-in); insert when it has none. On
      // PostgreSQL a save racing to insert the same day finds it taken (`do nothing`) and replaces it instead.
      // Nothing is read back: the row is what was written (reading 11 columns back cost more than writing them).
      const changed = async (query: CompiledQueryOf<CheckinColumns, unknown>) =>
        Number((await query.execute(trx, values)).numAffectedRows ?? 0) > 0;
      let created = false;
      if (!(await changed(this.#replace))) {
        checkNew();
        created = await changed(this.#insertIfNew);
        if (!created && !(await changed(this.#replace))) {
          throw new Error("check-in vanished between insert and update");
        }
      }
      const row: SavedCheckinRow = { ...columns, updated_at: now };
      if (created) {
        // A new day with a check-in: it joins (or links) the runs the streak is read from.
        const day = toDayNumber(write.date);
        const stored = await this.#storedRuns(trx, write.member_id, day + 1);
        await this.#changeRuns(trx, write.member_id, addDayToRuns(day, stored));
      } else {
        await this.#deleteUses.execute(trx, { memberId: write.member_id, date: write.date });
      }
      const usesRows = uses.map((u) => ({
        member_id: write.member_id,
        date: write.date,
        recovery_id: u.recovery_id,
        used: u.used ? 1 : 0,
      }));
      for (const use of usesRows) await this.#insertUse.execute(trx, use);
      return {
        created,
        row,
        uses: usesRows.map(({ date, recovery_id, used }) => ({ date, recovery_id, used })),
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
    return this.writes.run(async (trx) => {
      if (!this.writes.serialized) await this.#lockMember.execute(trx, { memberId });
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
      const deleted = Number(result.numDeletedRows) > 0;
      if (deleted) {
        const day = toDayNumber(date);
        const stored = await this.#storedRuns(trx, memberId, day);
        await this.#changeRuns(trx, memberId, removeDayFromRuns(day, stored));
      }
      return deleted;
    });
  }

  /** The (at most two) stored runs with the latest first day on or before `day`. */
  async #storedRuns(trx: Transaction<Database>, memberId: string, day: number): Promise<DayRun[]> {
    const rows = await this.#runsUpTo.rows(trx, { memberId, date: fromDayNumber(day) });
    return rows.map((r) => ({ first: toDayNumber(r.first_date), last: toDayNumber(r.last_date) }));
  }

  async #changeRuns(trx: Transaction<Database>, memberId: string, change: RunChange): Promise<void> {
    for (const run of change.remove) {
      await this.#deleteRun.execute(trx, { memberId, firstDate: fromDayNumber(run.first) });
    }
    for (const run of change.add) {
      await this.#insertRun.execute(trx, {
        member_id: memberId,
        first_date: fromDayNumber(run.first),
        last_date: fromDayNumber(run.last),
      });
    }
  }
}
