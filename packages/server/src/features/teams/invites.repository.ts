/** Team invites: the only code that reads or writes them. Codes are kept as their SHA-256 only. */
import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { TeamInvitesTable } from "../../db/schema.ts";

export type InviteRow = Selectable<TeamInvitesTable>;

export class InvitesRepository {
  constructor(private readonly db: Db) {}

  async create(row: InviteRow): Promise<void> {
    await this.db.insertInto("team_invites").values(row).execute();
  }

  findByHash(codeHash: string): Promise<InviteRow | undefined> {
    return this.db
      .selectFrom("team_invites")
      .selectAll()
      .where("code_hash", "=", codeHash)
      .executeTakeFirst();
  }

  /** The team's name and size, as an invite shows them before joining. */
  async teamPreview(teamId: string): Promise<{ name: string; memberCount: number } | undefined> {
    const row = await this.db
      .selectFrom("teams as t")
      .select((eb) => [
        "t.name",
        eb
          .selectFrom("team_members as x")
          .select((c) => c.fn.countAll<number | string>().as("n"))
          .whereRef("x.team_id", "=", "t.id")
          .as("member_count"),
      ])
      .where("t.id", "=", teamId)
      .executeTakeFirst();
    return row && { name: row.name, memberCount: Number(row.member_count ?? 0) };
  }

  listFor(teamId: string): Promise<InviteRow[]> {
    return this.db
      .selectFrom("team_invites")
      .selectAll()
      .where("team_id", "=", teamId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
  }

  /** Revoking twice is a no-op; false when the invite is not the team's. */
  async revoke(teamId: string, inviteId: string, now: string): Promise<boolean> {
    const found = await this.db
      .selectFrom("team_invites")
      .select("revoked_at")
      .where("id", "=", inviteId)
      .where("team_id", "=", teamId)
      .executeTakeFirst();
    if (!found) return false;
    if (found.revoked_at === null) {
      await this.db.updateTable("team_invites").set({ revoked_at: now }).where("id", "=", inviteId).execute();
    }
    return true;
  }
}
