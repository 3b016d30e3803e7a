import type { Kysely } from "kysely";

/**
 * Medications and the doses logged against them.
 *
 * - The member's own words (the medication's name, the dose, the clinic or pharmacy, notes) are one encrypted
 *   JSON value, `details_enc`; the schedule (times and dates, no free text) is plain JSON so it can be read
 *   without a key.
 * - A logged dose is keyed by its scheduled local date and time: `(medication_id, date, time)` is the primary
 *   key, so logging the same scheduled dose again changes its status instead of adding a row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("medications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("details_enc", "text", (c) => c.notNull())
    .addColumn("schedule", "text", (c) => c.notNull())
    .addColumn("at_clinic", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("take_home_remaining", "integer")
    .addColumn("next_pickup", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("medications_member").on("medications").column("member_id").execute();

  await db.schema
    .createTable("medication_doses")
    .addColumn("medication_id", "text", (c) => c.notNull().references("medications.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("time", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("logged_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("medication_doses_pk", ["medication_id", "date", "time"])
    .execute();
  await db.schema
    .createIndex("medication_doses_member_date")
    .on("medication_doses")
    .columns(["member_id", "date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("medication_doses").execute();
  await db.schema.dropTable("medications").execute();
}
