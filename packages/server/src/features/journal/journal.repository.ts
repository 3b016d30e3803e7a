/**
 * The only code that touches the journal's tables. Every query names the member: an entry or a key document is
 * found only under its owner. Versions are compared in the same statement that writes, so two devices saving
 * at once cannot both win.
 */
import type { Selectable } from "kysely";
import type { Db, Writes } from "../../db/database.ts";
import type { JournalEntriesTable, JournalKeysTable } from "../../db/schema.ts";

export type EntryRow = Selectable<JournalEntriesTable>;
export type KeysRow = Selectable<JournalKeysTable>;

export interface WrapRow {
  code_hash: string;
  salt: string;
  nonce: string;
  wrapped_key: string;
}

export interface StoredKeys {
  row: KeysRow;
  wraps: WrapRow[];
  /** Unused recovery codes of the member without a wrap. */
  codesWithoutWrap: number;
}

export type KeysWrite = Omit<KeysRow, "member_id" | "updated_at"> & {
  wraps: { code_hash: string; salt: string; nonce: string; wrapped_key: string }[];
};

export type KeysSaveOutcome =
  | { saved: KeysRow }
  | { conflict: { version: number; updatedAt: string } | null }
  | { unknownCodes: number[] }
  | { keyInUse: true };

export class JournalRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  // ── entries ──

  /** One page of the member's entries in id order, after `after`; one extra row says whether more follow. */
  listEntries(memberId: string, after: string | undefined, limit: number): Promise<EntryRow[]> {
    let query = this.db.selectFrom("journal_entries").selectAll().where("member_id", "=", memberId);
    if (after !== undefined) query = query.where("id", ">", after);
    return query
      .orderBy("id")
      .limit(limit + 1)
      .execute();
  }

  findEntry(memberId: string, id: string): Promise<EntryRow | undefined> {
    return this.db
      .selectFrom("journal_entries")
      .selectAll()
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** Undefined when the member already has an entry with this id. */
  insertEntry(row: EntryRow): Promise<EntryRow | undefined> {
    return this.db
      .insertInto("journal_entries")
      .values(row)
      .onConflict((oc) => oc.columns(["member_id", "id"]).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  /** Writes version `next` only where version `next - 1` is stored; undefined when it was not. */
  updateEntry(
    memberId: string,
    id: string,
    next: Pick<EntryRow, "key_id" | "version" | "nonce" | "ciphertext" | "updated_at">,
  ): Promise<EntryRow | undefined> {
    return this.db
      .updateTable("journal_entries")
      .set(next)
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .where("version", "=", next.version - 1)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteEntry(memberId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("journal_entries")
      .where("member_id", "=", memberId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // ── keys ──

  async findKeys(memberId: string): Promise<StoredKeys | undefined> {
    const row = await this.db
      .selectFrom("journal_keys")
      .selectAll()
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    if (!row) return undefined;
    const [wraps, unwrapped] = await Promise.all([
      this.db
        .selectFrom("journal_recovery_wraps as w")
        .innerJoin("recovery_codes as c", "c.id", "w.recovery_code_id")
        .select(["c.code_hash", "w.salt", "w.nonce", "w.wrapped_key"])
        .where("w.member_id", "=", memberId)
        .orderBy("c.code_hash")
        .execute(),
      this.db
        .selectFrom("recovery_codes as c")
        .leftJoin("journal_recovery_wraps as w", "w.recovery_code_id", "c.id")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .where("c.member_id", "=", memberId)
        .where("c.used_at", "is", null)
        .where("w.recovery_code_id", "is", null)
        .executeTakeFirstOrThrow(),
    ]);
    return { row, wraps, codesWithoutWrap: Number(unwrapped.n) };
  }

  /**
   * Stores the member's keys document as version `write.version`: version 1 when there is none, else the
   * stored version plus 1, in one transaction with its recovery wraps (the earlier wraps are replaced). Each
   * wrap must name one of the member's current recovery codes; the key id may change only while no entry is
   * stored (starting over). Nothing is written unless everything holds.
   */
  saveKeys(memberId: string, write: KeysWrite, now: string): Promise<KeysSaveOutcome> {
    const { wraps, ...columns } = write;
    const row: KeysRow = { member_id: memberId, ...columns, updated_at: now };
    return this.writes.run(async (trx) => {
      const codes = await trx
        .selectFrom("recovery_codes")
        .select(["id", "code_hash"])
        .where("member_id", "=", memberId)
        .execute();
      const codeIdByHash = new Map(codes.map((c) => [c.code_hash, c.id]));
      const unknownCodes = wraps.flatMap((w, i) => (codeIdByHash.has(w.code_hash) ? [] : [i]));
      if (unknownCodes.length > 0) return { unknownCodes };

      const current = await trx
        .selectFrom("journal_keys")
        .select(["key_id", "version", "updated_at"])
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      const conflict = {
        conflict: current ? { version: current.version, updatedAt: current.updated_at } : null,
      };
      if (current && current.key_id !== write.key_id) {
        const anEntry = await trx
          .selectFrom("journal_entries")
          .select("id")
          .where("member_id", "=", memberId)
          .where("key_id", "=", current.key_id)
          .limit(1)
          .executeTakeFirst();
        if (anEntry) return { keyInUse: true };
      }
      const saved = current
        ? await trx
            .updateTable("journal_keys")
            .set(row)
            .where("member_id", "=", memberId)
            .where("version", "=", write.version - 1)
            .returningAll()
            .executeTakeFirst()
        : write.version === 1
          ? await trx
              .insertInto("journal_keys")
              .values(row)
              .onConflict((oc) => oc.column("member_id").doNothing())
              .returningAll()
              .executeTakeFirst()
          : undefined;
      if (!saved) return conflict;

      await trx.deleteFrom("journal_recovery_wraps").where("member_id", "=", memberId).execute();
      if (wraps.length > 0) {
        await trx
          .insertInto("journal_recovery_wraps")
          .values(
            wraps.map((w) => ({
              recovery_code_id: codeIdByHash.get(w.code_hash) as string,
              member_id: memberId,
              salt: w.salt,
              nonce: w.nonce,
              wrapped_key: w.wrapped_key,
            })),
          )
          .execute();
      }
      return { saved };
    });
  }

  async currentKeyId(memberId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("journal_keys")
      .select("key_id")
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    return row?.key_id;
  }
}
