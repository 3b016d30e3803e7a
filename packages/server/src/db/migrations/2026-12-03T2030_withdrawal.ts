import type { Kysely } from "kysely";

/**
 * The withdrawal tracker's symptom checks: several a day allowed, each stamped with the server's time and the
 * member's local date (read by date range). Ratings are numbers as JSON text; the optional note is ciphertext.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("withdrawal_checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("ratings", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("note_enc", "text")
    .execute();
  await db.schema
    .createIndex("withdrawal_checks_member_date")
    .on("withdrawal_checks")
    .columns(["member_id", "date", "taken_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("withdrawal_checks").execute();
}
