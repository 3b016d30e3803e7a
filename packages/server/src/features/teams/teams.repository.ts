/**
 * Teams, their members and removals: the only code that reads or writes those tables. Writes that change who
 * is in a team take the team row first (`lockTeam`), so a join, a leave, a removal and a send to the same team
 * happen one after another on PostgreSQL too: two joins cannot both take the twelfth seat, and no message is
 * stored from a member whose removal has committed.
 */
import type { Kysely, Transaction } from "kysely";
import type { Db, Writes } from "../../db/database.ts";
import type { Database } from "../../db/schema.ts";

export type TeamRole = "leader" | "member";

export interface MembershipRow {
  role: TeamRole;
  joined_at: string;
  joined_seq: number;
  read_seq: number;
  muted_until: string | null;
}

export interface TeamSummaryRow {
  id: string;
  name: string;
  role: TeamRole;
  last_seq: number;
  read_seq: number;
  member_count: number;
  unread: number;
}

export interface TeamMemberRow {
  member_id: string;
  role: TeamRole;
  joined_at: string;
  muted_until: string | null;
  username: string;
  display_name: string | null;
}

export type JoinOutcome = "joined" | "already" | "full" | "removed" | "gone";

/**
 * Takes the team's row lock for the rest of the transaction (PostgreSQL; SQLite has one writer anyway).
 * False when the team does not exist.
 */
export async function lockTeam(trx: Kysely<Database>, teamId: string): Promise<boolean> {
  const result = await trx
    .updateTable("teams")
    .set((eb) => ({ last_seq: eb.ref("last_seq") }))
    .where("id", "=", teamId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export class TeamsRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  async create(team: { id: string; name: string }, leaderId: string, now: string): Promise<void> {
    await this.writes.run(async (trx) => {
      await trx.insertInto("teams").values({ id: team.id, name: team.name, created_at: now }).execute();
      await trx
        .insertInto("team_members")
        .values({ team_id: team.id, member_id: leaderId, role: "leader", joined_at: now })
        .execute();
    });
  }

  async membership(teamId: string, memberId: string): Promise<MembershipRow | undefined> {
    return this.db
      .selectFrom("team_members")
      .select(["role", "joined_at", "joined_seq", "read_seq", "muted_until"])
      .where("team_id", "=", teamId)
      .where("member_id", "=", memberId)
      .executeTakeFirst();
  }

  async teamExists(teamId: string): Promise<boolean> {
    return (
      (await this.db.selectFrom("teams").select("id").where("id", "=", teamId).executeTakeFirst()) !==
      undefined
    );
  }

  async isOperator(memberId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("members")
      .select("is_operator")
      .where("id", "=", memberId)
      .executeTakeFirst();
    return row?.is_operator === 1;
  }

  async teamIdsOf(memberId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("team_members")
      .select("team_id")
      .where("member_id", "=", memberId)
      .orderBy("team_id")
      .execute();
    return rows.map((r) => r.team_id);
  }

  /**
   * The member's teams with counts. Unread counts messages after the member's read marker that someone else
   * wrote, that are not deleted, not reactions, and not by a member they blocked — so every device shows the
   * same number and a blocked member never raises it.
   */
  async summariesFor(memberId: string, teamId?: string): Promise<TeamSummaryRow[]> {
    let query = this.db
      .selectFrom("team_members as tm")
      .innerJoin("teams as t", "t.id", "tm.team_id")
      .select((eb) => [
        "t.id",
        "t.name",
        "tm.role",
        "t.last_seq",
        "tm.read_seq",
        eb
          .selectFrom("team_members as x")
          .select((c) => c.fn.countAll<number | string>().as("n"))
          .whereRef("x.team_id", "=", "tm.team_id")
          .as("member_count"),
        eb
          .selectFrom("team_messages as m")
          .select((c) => c.fn.countAll<number | string>().as("n"))
          .whereRef("m.team_id", "=", "tm.team_id")
          .whereRef("m.seq", ">", "tm.read_seq")
          .where("m.deleted_at", "is", null)
          .where("m.kind", "<>", "reaction")
          .where((w) =>
            w.or([
              w("m.author_id", "is", null),
              w.and([
                w("m.author_id", "<>", memberId),
                w(
                  "m.author_id",
                  "not in",
                  w.selectFrom("member_blocks").select("blocked_id").where("blocker_id", "=", memberId),
                ),
              ]),
            ]),
          )
          .as("unread"),
      ])
      .where("tm.member_id", "=", memberId);
    if (teamId !== undefined) query = query.where("t.id", "=", teamId);
    const rows = await query.orderBy("t.name").orderBy("t.id").execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      last_seq: Number(r.last_seq),
      read_seq: Number(r.read_seq),
      member_count: Number(r.member_count ?? 0),
      unread: Number(r.unread ?? 0),
    }));
  }

  async members(teamId: string): Promise<TeamMemberRow[]> {
    return (
      this.db
        .selectFrom("team_members as tm")
        .innerJoin("members as m", "m.id", "tm.member_id")
        .select(["tm.member_id", "tm.role", "tm.joined_at", "tm.muted_until", "m.username", "m.display_name"])
        .where("tm.team_id", "=", teamId)
        // Leaders first, then by arrival.
        .orderBy((eb) => eb.case().when("tm.role", "=", "leader").then(0).else(1).end())
        .orderBy("tm.joined_at")
        .orderBy("tm.member_id")
        .execute()
    );
  }

  /**
   * Adds the member unless the team is full, they were removed from it, or they are in it already. A team left
   * without a leader (its last members left) gets the joiner as its leader.
   */
  join(teamId: string, memberId: string, now: string, maxMembers: number): Promise<JoinOutcome> {
    return this.writes.run(async (trx) => {
      if (!(await lockTeam(trx, teamId))) return "gone";
      const existing = await trx
        .selectFrom("team_members")
        .select("role")
        .where("team_id", "=", teamId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      if (existing) return "already";
      const removed = await trx
        .selectFrom("team_removals")
        .select("member_id")
        .where("team_id", "=", teamId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      if (removed) return "removed";
      const roles = await trx
        .selectFrom("team_members")
        .select("role")
        .where("team_id", "=", teamId)
        .execute();
      if (roles.length >= maxMembers) return "full";
      const role: TeamRole = roles.some((r) => r.role === "leader") ? "member" : "leader";
      // A new member sees what is said from now on; nothing before their arrival is unread (or readable).
      const team = await trx
        .selectFrom("teams")
        .select("last_seq")
        .where("id", "=", teamId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("team_members")
        .values({
          team_id: teamId,
          member_id: memberId,
          role,
          joined_at: now,
          joined_seq: team.last_seq,
          read_seq: team.last_seq,
        })
        .execute();
      return "joined";
    });
  }

  /**
   * Takes the member out of the team (leaving, or removed when `removedAt` is given). When the last leader goes,
   * the longest-standing remaining member leads. Returns false when they were not in the team.
   */
  leave(
    teamId: string,
    memberId: string,
    removedAt?: string,
  ): Promise<{ left: boolean; newLeader: string | undefined }> {
    return this.writes.run(async (trx) => {
      await lockTeam(trx, teamId);
      const result = await trx
        .deleteFrom("team_members")
        .where("team_id", "=", teamId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return { left: false, newLeader: undefined };
      if (removedAt !== undefined) {
        await trx
          .insertInto("team_removals")
          .values({ team_id: teamId, member_id: memberId, removed_at: removedAt })
          .onConflict((oc) => oc.columns(["team_id", "member_id"]).doUpdateSet({ removed_at: removedAt }))
          .execute();
      }
      return { left: true, newLeader: await ensureLeader(trx, teamId) };
    });
  }

  /** Makes `toId` a leader and `fromId` a member, in one step; false when `toId` is not in the team. */
  handOver(teamId: string, fromId: string, toId: string): Promise<boolean> {
    return this.writes.run(async (trx) => {
      await lockTeam(trx, teamId);
      const promoted = await trx
        .updateTable("team_members")
        .set({ role: "leader" })
        .where("team_id", "=", teamId)
        .where("member_id", "=", toId)
        .executeTakeFirst();
      if (Number(promoted.numUpdatedRows) === 0) return false;
      if (fromId !== toId) {
        await trx
          .updateTable("team_members")
          .set({ role: "member" })
          .where("team_id", "=", teamId)
          .where("member_id", "=", fromId)
          .execute();
      }
      return true;
    });
  }

  async setMutedUntil(teamId: string, memberId: string, until: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable("team_members")
      .set({ muted_until: until })
      .where("team_id", "=", teamId)
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

/** When a team with members has no leader, the member who joined first leads it; returns them, if promoted. */
async function ensureLeader(trx: Transaction<Database>, teamId: string): Promise<string | undefined> {
  const remaining = await trx
    .selectFrom("team_members")
    .select(["member_id", "role"])
    .where("team_id", "=", teamId)
    .orderBy("joined_at")
    .orderBy("member_id")
    .execute();
  if (remaining.length === 0 || remaining.some((r) => r.role === "leader")) return undefined;
  const first = remaining[0] as { member_id: string };
  await trx
    .updateTable("team_members")
    .set({ role: "leader" })
    .where("team_id", "=", teamId)
    .where("member_id", "=", first.member_id)
    .execute();
  return first.member_id;
}
