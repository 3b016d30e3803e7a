/**
 * Credentials: creating an account, its password hash and its recovery codes. The profile columns of the
 * members table belong to the members feature; this repository reads only what signing in needs.
 */
import type { Db, Writes } from "../../db/database.ts";

export interface NewAccount {
  id: string;
  username: string;
  usernameKey: string;
  passwordHash: string;
  timezone: string;
  region: string;
  createdAt: string;
  recoveryCodeHashes: string[];
}

export interface Credentials {
  memberId: string;
  username: string;
  usernameKey: string;
  passwordHash: string;
}

export class AuthRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  /** Creates the member and their recovery codes together; false when the username is already taken. */
  async createAccount(account: NewAccount): Promise<boolean> {
    try {
      await this.writes.run(async (trx) => {
        await trx
          .insertInto("members")
          .values({
            id: account.id,
            username: account.username,
            username_key: account.usernameKey,
            display_name: null,
            password_hash: account.passwordHash,
            timezone: account.timezone,
            region: account.region,
            reasons_enc: null,
            created_at: account.createdAt,
          })
          .execute();
        await trx
          .insertInto("recovery_codes")
          .values(
            account.recoveryCodeHashes.map((codeHash) => ({
              id: crypto.randomUUID(),
              member_id: account.id,
              code_hash: codeHash,
              used_at: null,
            })),
          )
          .execute();
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async usernameTaken(usernameKey: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("members")
      .select("id")
      .where("username_key", "=", usernameKey)
      .executeTakeFirst();
    return row !== undefined;
  }

  async findByUsernameKey(usernameKey: string): Promise<Credentials | undefined> {
    const row = await this.db
      .selectFrom("members")
      .select(["id", "username", "username_key", "password_hash"])
      .where("username_key", "=", usernameKey)
      .executeTakeFirst();
    return row && toCredentials(row);
  }

  async findByMemberId(memberId: string): Promise<Credentials | undefined> {
    const row = await this.db
      .selectFrom("members")
      .select(["id", "username", "username_key", "password_hash"])
      .where("id", "=", memberId)
      .executeTakeFirst();
    return row && toCredentials(row);
  }

  async setPasswordHash(memberId: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable("members")
      .set({ password_hash: passwordHash })
      .where("id", "=", memberId)
      .execute();
  }

  /**
   * Uses one recovery code and sets the new password in one transaction: either both happen or neither.
   * The `used_at IS NULL` condition makes the code single-use even when two requests race.
   */
  async resetWithRecoveryCode(
    memberId: string,
    codeHash: string,
    passwordHash: string,
    now: string,
  ): Promise<boolean> {
    return this.writes.run(async (trx) => {
      const used = await trx
        .updateTable("recovery_codes")
        .set({ used_at: now })
        .where("member_id", "=", memberId)
        .where("code_hash", "=", codeHash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      await trx
        .updateTable("members")
        .set({ password_hash: passwordHash })
        .where("id", "=", memberId)
        .execute();
      return true;
    });
  }

  /**
   * Replaces every recovery code of the member (used or not) with new ones, in one transaction: the old codes
   * stop working at the moment the new ones exist. On PostgreSQL the member's row is locked first, so two
   * renewals at once take turns instead of each deleting only the codes it saw and leaving both new sets.
   */
  async replaceRecoveryCodes(memberId: string, codeHashes: string[]): Promise<void> {
    await this.writes.run(async (trx) => {
      if (!this.writes.serialized) {
        await trx.selectFrom("members").select("id").where("id", "=", memberId).forNoKeyUpdate().execute();
      }
      await trx.deleteFrom("recovery_codes").where("member_id", "=", memberId).execute();
      await trx
        .insertInto("recovery_codes")
        .values(
          codeHashes.map((codeHash) => ({
            id: crypto.randomUUID(),
            member_id: memberId,
            code_hash: codeHash,
            used_at: null,
          })),
        )
        .execute();
    });
  }

  async countUnusedRecoveryCodes(memberId: string): Promise<number> {
    const row = await this.db
      .selectFrom("recovery_codes")
      .select((eb) => eb.fn.countAll<number | string | bigint>().as("count"))
      .where("member_id", "=", memberId)
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    // PostgreSQL returns count(*) as a string (bigint); SQLite as a number.
    return Number(row.count);
  }
}

function toCredentials(row: { id: string; username: string; username_key: string; password_hash: string }) {
  return {
    memberId: row.id,
    username: row.username,
    usernameKey: row.username_key,
    passwordHash: row.password_hash,
  };
}

/** A unique-constraint failure on either database (SQLite's code, or PostgreSQL's SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}
