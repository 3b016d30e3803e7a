/**
 * Team messages and read markers: the only code that reads or writes them.
 *
 * Ordering: `append` assigns the next seq by incrementing `teams.last_seq` and inserts the message in the same
 * transaction. On PostgreSQL the UPDATE takes the team row's lock, so concurrent senders queue on it and each
 * gets the next number; on SQLite there is one writer. Either way a team's seqs are 1, 2, 3… with no gap or
 * repeat, and a seq is never handed out before its message is stored — a client that asks for "after k" gets
 * exactly what it missed (case C11). A transaction that fails (a duplicate, a removed author) rolls its
 * increment back with it. Writes go through the write batcher (db/write-batcher.ts): on SQLite the sends of one
 * event-loop turn share one durable COMMIT, each in its own savepoint, so a refused send undoes only itself.
 */
import type { Selectable } from "kysely";
import type { Db, Writes } from "../../db/database.ts";
import type { TeamMessagesTable } from "../../db/schema.ts";
import type { MembershipRow } from "./teams.repository.ts";

/** A stored message with its author's alias columns (null once the author's account is gone). */
export interface MessageRow extends Selectable<TeamMessagesTable> {
  author_username: string | null;
  author_display_name: string | null;
}

export interface MessageDraft {
  author_id: string;
  client_id: string;
  kind: string;
  reply_to: number | null;
  created_at: string;
}

/** What `append` finds under the team lock, for the service's checks (they throw to refuse; nothing is kept). */
export interface AppendFacts {
  membership: MembershipRow | undefined;
  /** The message `reply_to` points at, when it does and it exists in the team. */
  target: { kind: string; deleted: boolean } | undefined;
}

export interface AppendResult {
  row: MessageRow;
  created: boolean;
  /**
   * The team's member ids when the message was stored, read under the team lock: who may receive it live.
   * Empty when `created` is false (a retry: nothing is published again).
   */
  recipients: string[];
}

export interface ListWindow {
  after?: number | undefined;
  before?: number | undefined;
  limit: number;
  /** The viewer sees messages after this seq only (what was said before they joined is not theirs). */
  from: number;
}

/** Thrown inside `append`'s transaction to roll back the seq when the client id turns out to be stored. */
class AlreadyStored extends Error {
  constructor(readonly row: MessageRow) {
    super("already stored");
  }
}

export class MessagesRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  private selectMessages() {
    return this.db
      .selectFrom("team_messages as m")
      .leftJoin("members as a", "a.id", "m.author_id")
      .selectAll("m")
      .select(["a.username as author_username", "a.display_name as author_display_name"]);
  }

  findByClientId(teamId: string, authorId: string, clientId: string): Promise<MessageRow | undefined> {
    return this.selectMessages()
      .where("m.team_id", "=", teamId)
      .where("m.author_id", "=", authorId)
      .where("m.client_id", "=", clientId)
      .executeTakeFirst();
  }

  find(teamId: string, seq: number): Promise<MessageRow | undefined> {
    return this.selectMessages().where("m.team_id", "=", teamId).where("m.seq", "=", seq).executeTakeFirst();
  }

  /**
   * Stores a message under the next seq of its team, or returns the one already stored under the same
   * (team, author, client id) with `created: false` (case C12). `check` runs under the team lock with the
   * author's current membership and throws to refuse; `seal` encrypts the content for the seq it will have.
   * A stored message comes back with the team's members at that moment (its live `recipients`).
   */
  async append(
    teamId: string,
    draft: MessageDraft,
    check: (facts: AppendFacts) => void,
    seal: (seq: number) => { text_enc: string | null; data_enc: string | null },
  ): Promise<AppendResult> {
    try {
      return await this.writes.run(async (trx) => {
        const bumped = await trx
          .updateTable("teams")
          .set((eb) => ({ last_seq: eb(eb.ref("last_seq"), "+", 1) }))
          .where("id", "=", teamId)
          .returning("last_seq")
          .executeTakeFirst();
        // Every member as the seq is taken (the lock is held): the author's membership for the checks, and the
        // ids the message may be delivered to live (case C13: a removal commits before or after, never across).
        const members = await trx
          .selectFrom("team_members")
          .select(["member_id", "role", "joined_at", "joined_seq", "read_seq", "muted_until"])
          .where("team_id", "=", teamId)
          .execute();
        const membership = members.find((m) => m.member_id === draft.author_id);
        // Under the lock, a concurrent send with the same client id has either committed (we see it) or not begun.
        const stored = await trx
          .selectFrom("team_messages as m")
          .leftJoin("members as a", "a.id", "m.author_id")
          .selectAll("m")
          .select(["a.username as author_username", "a.display_name as author_display_name"])
          .where("m.team_id", "=", teamId)
          .where("m.author_id", "=", draft.author_id)
          .where("m.client_id", "=", draft.client_id)
          .executeTakeFirst();
        if (stored && membership) throw new AlreadyStored(stored);
        const target =
          draft.reply_to === null
            ? undefined
            : await trx
                .selectFrom("team_messages")
                .select(["kind", "deleted_at"])
                .where("team_id", "=", teamId)
                .where("seq", "=", draft.reply_to)
                .executeTakeFirst();
        check({
          membership: bumped ? membership : undefined,
          target: target && { kind: target.kind, deleted: target.deleted_at !== null },
        });
        const seq = Number((bumped as { last_seq: number }).last_seq);
        const sealed = seal(seq);
        await trx
          .insertInto("team_messages")
          .values({ team_id: teamId, seq, ...draft, ...sealed, deleted_at: null })
          .execute();
        const author = await trx
          .selectFrom("members")
          .select(["username", "display_name"])
          .where("id", "=", draft.author_id)
          .executeTakeFirst();
        const row: MessageRow = {
          team_id: teamId,
          seq,
          ...draft,
          ...sealed,
          deleted_at: null,
          author_username: author?.username ?? null,
          author_display_name: author?.display_name ?? null,
        };
        return { row, created: true, recipients: members.map((m) => m.member_id) };
      });
    } catch (error) {
      if (error instanceof AlreadyStored) return { row: error.row, created: false, recipients: [] };
      throw error;
    }
  }

  /**
   * A page of a team's messages in ascending seq, as `viewerId` may see them: after their arrival, and without
   * messages by members they blocked. `after` resumes (exactly the messages with a larger seq); `before` pages
   * back; neither gives the latest page.
   */
  async list(teamId: string, viewerId: string, window: ListWindow): Promise<MessageRow[]> {
    let query = this.selectMessages()
      .where("m.team_id", "=", teamId)
      .where("m.seq", ">", Math.max(window.from, window.after ?? 0))
      .where((w) =>
        w.or([
          w("m.author_id", "is", null),
          w(
            "m.author_id",
            "not in",
            w.selectFrom("member_blocks").select("blocked_id").where("blocker_id", "=", viewerId),
          ),
        ]),
      );
    if (window.before !== undefined) query = query.where("m.seq", "<", window.before);
    if (window.after !== undefined) {
      return query.orderBy("m.seq", "asc").limit(window.limit).execute();
    }
    const newestFirst = await query.orderBy("m.seq", "desc").limit(window.limit).execute();
    return newestFirst.reverse();
  }

  /**
   * Deleting keeps the seq as a placeholder (clients' sequences stay whole) and drops the content. A deleted
   * reaction also frees its client id, so the same encouragement can be given again later.
   */
  async markDeleted(teamId: string, seq: number, now: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("team_messages")
      .select(["kind", "deleted_at"])
      .where("team_id", "=", teamId)
      .where("seq", "=", seq)
      .executeTakeFirst();
    if (!row || row.deleted_at !== null) return false;
    await this.db
      .updateTable("team_messages")
      .set({
        deleted_at: now,
        text_enc: null,
        data_enc: null,
        ...(row.kind === "reaction" ? { client_id: null } : {}),
      })
      .where("team_id", "=", teamId)
      .where("seq", "=", seq)
      .where("deleted_at", "is", null)
      .execute();
    return true;
  }

  /**
   * Moves the member's read marker forward to `seq` (never back, never past the team's last message) and
   * returns where it stands.
   */
  async markRead(teamId: string, memberId: string, seq: number): Promise<number | undefined> {
    const team = await this.db
      .selectFrom("teams")
      .select("last_seq")
      .where("id", "=", teamId)
      .executeTakeFirst();
    if (!team) return undefined;
    const target = Math.min(seq, Number(team.last_seq));
    await this.db
      .updateTable("team_members")
      .set({ read_seq: target })
      .where("team_id", "=", teamId)
      .where("member_id", "=", memberId)
      .where("read_seq", "<", target)
      .execute();
    const row = await this.db
      .selectFrom("team_members")
      .select("read_seq")
      .where("team_id", "=", teamId)
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    return row ? Number(row.read_seq) : undefined;
  }
}
