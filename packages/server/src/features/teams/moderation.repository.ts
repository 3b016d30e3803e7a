/** Blocks between members and reports of team messages: the only code that reads or writes them. */
import type { Db } from "../../db/database.ts";

export interface BlockRow {
  blocked_id: string;
  username: string;
  display_name: string | null;
  created_at: string;
}

export interface ReportRow {
  id: string;
  team_id: string;
  team_name: string;
  seq: number;
  reason_enc: string | null;
  created_at: string;
  resolved_at: string | null;
}

export class ModerationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Whether `viewerId` can see `otherId` anywhere: a teammate now, or the author of a message in one of the
   * viewer's teams (someone who has since left). Nobody else can be blocked, so a block cannot be used to
   * learn whether an id belongs to an account.
   */
  async seesMember(viewerId: string, otherId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("team_members as mine")
      .select("mine.team_id")
      .where("mine.member_id", "=", viewerId)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("team_members as theirs")
              .select("theirs.member_id")
              .whereRef("theirs.team_id", "=", "mine.team_id")
              .where("theirs.member_id", "=", otherId),
          ),
          eb.exists(
            eb
              .selectFrom("team_messages")
              .select("team_messages.seq")
              .whereRef("team_messages.team_id", "=", "mine.team_id")
              .where("team_messages.author_id", "=", otherId),
          ),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** True when the block is new. */
  async block(blockerId: string, blockedId: string, now: string): Promise<boolean> {
    const inserted = await this.db
      .insertInto("member_blocks")
      .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now })
      .onConflict((oc) => oc.columns(["blocker_id", "blocked_id"]).doNothing())
      .returning("blocked_id")
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async unblock(blockerId: string, blockedId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("member_blocks")
      .where("blocker_id", "=", blockerId)
      .where("blocked_id", "=", blockedId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  blocksOf(blockerId: string): Promise<BlockRow[]> {
    return this.db
      .selectFrom("member_blocks as b")
      .innerJoin("members as m", "m.id", "b.blocked_id")
      .select(["b.blocked_id", "m.username", "m.display_name", "b.created_at"])
      .where("b.blocker_id", "=", blockerId)
      .orderBy("b.created_at")
      .orderBy("b.blocked_id")
      .execute();
  }

  async blockedIds(blockerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("member_blocks")
      .select("blocked_id")
      .where("blocker_id", "=", blockerId)
      .execute();
    return rows.map((r) => r.blocked_id);
  }

  /** One report per member per message: a repeat returns false and changes nothing. */
  async report(row: {
    id: string;
    team_id: string;
    seq: number;
    reporter_id: string;
    reason_enc: string | null;
    created_at: string;
  }): Promise<boolean> {
    const inserted = await this.db
      .insertInto("team_reports")
      .values({ ...row, resolved_at: null })
      .onConflict((oc) => oc.columns(["team_id", "seq", "reporter_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async findReport(teamId: string, seq: number, reporterId: string): Promise<ReportRow | undefined> {
    return this.reports()
      .where("r.team_id", "=", teamId)
      .where("r.seq", "=", seq)
      .where("r.reporter_id", "=", reporterId)
      .executeTakeFirst();
  }

  /** Open reports first (oldest first), then resolved ones (newest first), at most `limit`. */
  async reportsOf(teamId: string | undefined, limit: number): Promise<ReportRow[]> {
    let query = this.reports();
    if (teamId !== undefined) query = query.where("r.team_id", "=", teamId);
    const [open, resolved] = await Promise.all([
      query.where("r.resolved_at", "is", null).orderBy("r.created_at").orderBy("r.id").limit(limit).execute(),
      query
        .where("r.resolved_at", "is not", null)
        .orderBy("r.resolved_at", "desc")
        .orderBy("r.id")
        .limit(limit)
        .execute(),
    ]);
    return [...open, ...resolved].slice(0, limit);
  }

  async resolve(teamId: string, reportId: string, now: string): Promise<boolean> {
    const found = await this.db
      .selectFrom("team_reports")
      .select("resolved_at")
      .where("id", "=", reportId)
      .where("team_id", "=", teamId)
      .executeTakeFirst();
    if (!found) return false;
    if (found.resolved_at === null) {
      await this.db
        .updateTable("team_reports")
        .set({ resolved_at: now })
        .where("id", "=", reportId)
        .execute();
    }
    return true;
  }

  private reports() {
    return this.db
      .selectFrom("team_reports as r")
      .innerJoin("teams as t", "t.id", "r.team_id")
      .select([
        "r.id",
        "r.team_id",
        "t.name as team_name",
        "r.seq",
        "r.reason_enc",
        "r.created_at",
        "r.resolved_at",
      ]);
  }
}
