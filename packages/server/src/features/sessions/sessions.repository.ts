import { type Arg, compileOnce } from "../../db/compiled-query.ts";
import type { Db } from "../../db/database.ts";

export interface SessionWithMember {
  tokenHash: string;
  memberId: string;
  createdAt: string;
  lastSeenAt: string;
  timezone: string;
  region: string;
}

export class SessionsRepository {
  /** Every signed-in request runs this: one primary-key lookup joined to the member's primary key. */
  readonly #findWithMember;
  readonly #touch;

  constructor(private readonly db: Db) {
    this.#findWithMember = compileOnce((arg: Arg<{ tokenHash: string }>) =>
      db
        .selectFrom("sessions")
        .innerJoin("members", "members.id", "sessions.member_id")
        .select([
          "sessions.token_hash",
          "sessions.member_id",
          "sessions.created_at",
          "sessions.last_seen_at",
          "members.timezone",
          "members.region",
        ])
        .where("sessions.token_hash", "=", arg("tokenHash")),
    );
    this.#touch = compileOnce((arg: Arg<{ tokenHash: string; now: string }>) =>
      db
        .updateTable("sessions")
        .set({ last_seen_at: arg("now") })
        .where("token_hash", "=", arg("tokenHash")),
    );
  }

  async create(tokenHash: string, memberId: string, now: string): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({ token_hash: tokenHash, member_id: memberId, created_at: now, last_seen_at: now })
      .execute();
  }

  async findWithMember(tokenHash: string): Promise<SessionWithMember | undefined> {
    const row = await this.#findWithMember.first(this.db, { tokenHash });
    return (
      row && {
        tokenHash: row.token_hash,
        memberId: row.member_id,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        timezone: row.timezone,
        region: row.region,
      }
    );
  }

  async touch(tokenHash: string, now: string): Promise<void> {
    await this.#touch.execute(this.db, { tokenHash, now });
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
  }

  /** Ends every session of the member except `keep` (the one that changed the password). */
  async deleteAllFor(memberId: string, keep?: string): Promise<void> {
    let query = this.db.deleteFrom("sessions").where("member_id", "=", memberId);
    if (keep) query = query.where("token_hash", "!=", keep);
    await query.execute();
  }
}
