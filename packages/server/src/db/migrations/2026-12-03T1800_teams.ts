import type { Kysely } from "kysely";

/**
 * Peer teams: teams and their members, invites, messages (with the per-team sequence), read markers, reports,
 * blocks, removals, what each member shares with their teams, and the operator flag.
 *
 * - `teams.last_seq` is the team's message counter: a send increments it and inserts the message in one
 *   transaction, so seqs are strictly increasing per team with no gaps or repeats on both databases.
 * - A message's author is kept as `author_id` with ON DELETE SET NULL: when an account is deleted its messages
 *   stay in the conversation under "former member" with no link back (case C16's rule for team messages).
 * - A member sees the messages after `joined_seq` (the team's last seq when they joined): what was said before
 *   they arrived stays with the people who were there.
 * - `(team_id, author_id, client_id)` is unique: a retried send returns the stored message (case C12). Feed
 *   events use a deterministic client id (`checkin:<date>`), which makes "once per day per team" a constraint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("members")
    .addColumn("is_operator", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("teams")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("last_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("team_members")
    .addColumn("team_id", "text", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("joined_at", "text", (c) => c.notNull())
    .addColumn("joined_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("read_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("muted_until", "text")
    .addPrimaryKeyConstraint("team_members_pk", ["team_id", "member_id"])
    .execute();
  await db.schema.createIndex("team_members_member").on("team_members").column("member_id").execute();

  await db.schema
    .createTable("team_removals")
    .addColumn("team_id", "text", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("removed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("team_removals_pk", ["team_id", "member_id"])
    .execute();

  await db.schema
    .createTable("team_invites")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("team_id", "text", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("team_invites_team").on("team_invites").column("team_id").execute();

  await db.schema
    .createTable("team_messages")
    .addColumn("team_id", "text", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.references("members.id").onDelete("set null"))
    .addColumn("client_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text_enc", "text")
    .addColumn("data_enc", "text")
    .addColumn("reply_to", "integer")
    .addColumn("deleted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("team_messages_pk", ["team_id", "seq"])
    .execute();
  await db.schema
    .createIndex("team_messages_client")
    .on("team_messages")
    .columns(["team_id", "author_id", "client_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("team_messages_author")
    .on("team_messages")
    .columns(["author_id", "team_id"])
    .execute();

  await db.schema
    .createTable("team_reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("team_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("reporter_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("reason_enc", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addForeignKeyConstraint(
      "team_reports_message",
      ["team_id", "seq"],
      "team_messages",
      ["team_id", "seq"],
      (fk) => fk.onDelete("cascade"),
    )
    .addUniqueConstraint("team_reports_once", ["team_id", "seq", "reporter_id"])
    .execute();
  await db.schema
    .createIndex("team_reports_open")
    .on("team_reports")
    .columns(["resolved_at", "created_at"])
    .execute();

  await db.schema
    .createTable("member_blocks")
    .addColumn("blocker_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("blocked_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("member_blocks_pk", ["blocker_id", "blocked_id"])
    .execute();

  await db.schema
    .createTable("team_sharing")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("members.id").onDelete("cascade"))
    .addColumn("checkins", "integer", (c) => c.notNull())
    .addColumn("milestones", "integer", (c) => c.notNull())
    .addColumn("mood", "integer", (c) => c.notNull())
    .addColumn("craving", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "team_sharing",
    "member_blocks",
    "team_reports",
    "team_messages",
    "team_invites",
    "team_removals",
    "team_members",
    "teams",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("members").dropColumn("is_operator").execute();
}
