import type { Kysely } from "kysely";

/**
 * The recovery plan: every saved version of it, whole and encrypted (bound to member and version), the
 * newest being the plan; and the plan's daily actions ticked off per local day (ids only, no free text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("plan_versions")
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("plan_enc", "text", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_versions_pk", ["member_id", "version"])
    .execute();
  await db.schema
    .createTable("plan_action_ticks")
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("done", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_action_ticks_pk", ["member_id", "date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("plan_action_ticks").execute();
  await db.schema.dropTable("plan_versions").execute();
}
