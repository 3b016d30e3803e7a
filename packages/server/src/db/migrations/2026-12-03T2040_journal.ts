import type { Kysely } from "kysely";

/**
 * The end-to-end encrypted journal (features/journal): the server keeps only what it cannot read.
 *
 * - `journal_entries`: one row per entry, the latest version only: ciphertext and nonce (base64), the version
 *   (bumped by exactly 1 per save, so two devices cannot overwrite each other) and the id of the key it was
 *   encrypted under. The id is chosen by the device (it is bound into the ciphertext), unique per member.
 * - `journal_keys`: per member, the journal key wrapped by a key derived from the password, with the argon2id
 *   parameters and salt the device needs to derive it again.
 * - `journal_recovery_wraps`: the journal key wrapped by each recovery code, tied to that code's row: when the
 *   codes are replaced, their wraps go with them (ON DELETE CASCADE); the device then wraps for the new ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("journal_entries")
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("ciphertext", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("journal_entries_pk", ["member_id", "id"])
    .execute();

  await db.schema
    .createTable("journal_keys")
    .addColumn("member_id", "text", (c) => c.primaryKey().references("members.id").onDelete("cascade"))
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("kdf_algorithm", "text", (c) => c.notNull())
    .addColumn("kdf_memory_kib", "integer", (c) => c.notNull())
    .addColumn("kdf_iterations", "integer", (c) => c.notNull())
    .addColumn("kdf_parallelism", "integer", (c) => c.notNull())
    .addColumn("kdf_salt", "text", (c) => c.notNull())
    .addColumn("password_wrap_nonce", "text", (c) => c.notNull())
    .addColumn("password_wrapped_key", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("journal_recovery_wraps")
    .addColumn("recovery_code_id", "text", (c) =>
      c.primaryKey().references("recovery_codes.id").onDelete("cascade"),
    )
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("salt", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("wrapped_key", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("journal_recovery_wraps_member")
    .on("journal_recovery_wraps")
    .column("member_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["journal_recovery_wraps", "journal_keys", "journal_entries"]) {
    await db.schema.dropTable(table).execute();
  }
}
