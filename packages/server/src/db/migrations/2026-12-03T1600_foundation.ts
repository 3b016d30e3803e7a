import type { Kysely } from "kysely";

/** Accounts, sessions, recoveries and daily check-ins. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("username_key", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("timezone", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("reasons_enc", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("recovery_codes_member").on("recovery_codes").column("member_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_member").on("sessions").column("member_id").execute();

  await db.schema
    .createTable("recoveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("substance", "text", (c) => c.notNull())
    .addColumn("label", "text")
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("daily_cost_cents", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("recoveries_member").on("recoveries").column("member_id").execute();

  await db.schema
    .createTable("checkins")
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("mood", "integer", (c) => c.notNull())
    .addColumn("craving", "integer", (c) => c.notNull())
    .addColumn("confidence", "integer", (c) => c.notNull())
    .addColumn("triggers_enc", "text", (c) => c.notNull())
    .addColumn("halt", "text", (c) => c.notNull())
    .addColumn("sleep_hours", "real")
    .addColumn("note_enc", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("checkins_pk", ["member_id", "date"])
    .execute();

  await db.schema
    .createTable("checkin_uses")
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("recovery_id", "text", (c) => c.notNull().references("recoveries.id").onDelete("cascade"))
    .addColumn("used", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("checkin_uses_pk", ["member_id", "date", "recovery_id"])
    .addForeignKeyConstraint(
      "checkin_uses_checkin",
      ["member_id", "date"],
      "checkins",
      ["member_id", "date"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("checkin_uses_recovery").on("checkin_uses").column("recovery_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["checkin_uses", "checkins", "recoveries", "sessions", "recovery_codes", "members"]) {
    await db.schema.dropTable(table).execute();
  }
}
