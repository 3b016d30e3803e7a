import type { Kysely } from "kysely";

/**
 * Craving SOS episodes: one row per urge the member rode out (or is riding out). Times are the server's clock;
 * the member's words (what set it off, what helped, a note) are ciphertext bound to the member and episode.
 * The index serves "my episodes, newest first".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sos_episodes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("craving_start", "integer", (c) => c.notNull())
    .addColumn("craving_end", "integer")
    .addColumn("trigger_enc", "text")
    .addColumn("plan_trigger_id", "text")
    .addColumn("helped_enc", "text")
    .addColumn("note_enc", "text")
    .execute();
  await db.schema
    .createIndex("sos_episodes_member_started")
    .on("sos_episodes")
    .columns(["member_id", "started_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sos_episodes").execute();
}
