import { dayRunsOf, fromDayNumber, toDayNumber } from "@cairn/core";
import type { Kysely } from "kysely";

interface Tables {
  checkins: { member_id: string; date: string };
  checkin_runs: { member_id: string; first_date: string; last_date: string };
}

/**
 * The runs of consecutive check-in days of each member, kept beside the check-ins (see core progress/runs.ts):
 * the check-in streak is read from one run instead of from every check-in date, so a progress read no longer
 * grows with the length of a member's history. The check-ins repository updates the runs in the same
 * transaction as each check-in that adds or removes a day; this migration builds them for existing check-ins.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("checkin_runs")
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("first_date", "text", (c) => c.notNull())
    .addColumn("last_date", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("checkin_runs_pk", ["member_id", "first_date"])
    .execute();

  const typed = db as unknown as Kysely<Tables>;
  const rows = await typed
    .selectFrom("checkins")
    .select(["member_id", "date"])
    .orderBy("member_id")
    .execute();
  const daysOf = new Map<string, number[]>();
  for (const row of rows) {
    const days = daysOf.get(row.member_id) ?? [];
    days.push(toDayNumber(row.date));
    daysOf.set(row.member_id, days);
  }
  const runs = [...daysOf].flatMap(([memberId, days]) =>
    dayRunsOf(days).map((run) => ({
      member_id: memberId,
      first_date: fromDayNumber(run.first),
      last_date: fromDayNumber(run.last),
    })),
  );
  for (let i = 0; i < runs.length; i += 500) {
    await typed
      .insertInto("checkin_runs")
      .values(runs.slice(i, i + 500))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("checkin_runs").execute();
}
