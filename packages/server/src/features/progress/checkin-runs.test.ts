/**
 * The stored runs of check-in days (`checkin_runs`) that the progress read takes the streak from: they must
 * always be exactly the runs of the member's check-in dates, whatever order saves and deletions come in, on
 * both databases, and including saves of neighbouring days at the same moment.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addDays, computeProgress, dayRunsOf, fromDayNumber, toDayNumber } from "@cairn/core";
import fc from "fast-check";
import { Migrator } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildMember, call, checkinInput, type TestMember } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";
import { openDatabase } from "../../db/database.ts";
import { migrations } from "../../db/migrations/index.ts";

const TODAY = "2026-12-03"; // the test clock's date in UTC, the zone of a new member

async function storedRuns(t: TestApp, member: TestMember) {
  return t.db
    .selectFrom("checkin_runs")
    .select(["first_date", "last_date"])
    .where("member_id", "=", member.member.id)
    .orderBy("first_date")
    .execute();
}

async function checkinDates(t: TestApp, member: TestMember) {
  const rows = await t.db
    .selectFrom("checkins")
    .select("date")
    .where("member_id", "=", member.member.id)
    .execute();
  return rows.map((r) => r.date);
}

/** The runs the stored ones must equal, computed in core from the check-in dates themselves. */
function runsOf(dates: string[]) {
  return dayRunsOf(dates.map(toDayNumber)).map((r) => ({
    first_date: fromDayNumber(r.first),
    last_date: fromDayNumber(r.last),
  }));
}

describeEachDatabase("runs of check-in days", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("stay the runs of the check-in dates through any saves and deletions, and give the streak progress shows", async () => {
    const step = fc.record({ remove: fc.boolean(), daysBack: fc.integer({ min: 0, max: 12 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
        const member = await buildMember(t);
        for (const { remove, daysBack } of steps) {
          const url = `/api/v1/checkins/${addDays(TODAY, -daysBack)}`;
          const response = remove
            ? await call(t, member, "DELETE", url)
            : await call(t, member, "PUT", url, checkinInput());
          expect([200, 201, 204, 404]).toContain(response.statusCode);
        }
        const dates = await checkinDates(t, member);
        expect(await storedRuns(t, member)).toEqual(runsOf(dates));
        const progress = (await call(t, member, "GET", "/api/v1/progress")).json();
        const expected = computeProgress({
          today: TODAY,
          timezone: "UTC",
          recoveries: [],
          checkinDates: dates,
        });
        expect(progress.checkinStreak).toBe(expected.checkinStreak);
      }),
      { numRuns: kind === "sqlite" ? 25 : 12 },
    );
  });

  it("join neighbouring days saved at the same moment into one run (C07-style concurrency)", async () => {
    const member = await buildMember(t);
    const days = [4, 1, 6, 0, 3, 5, 2, 8, 7, 9];
    const responses = await Promise.all(
      days.map((back) => call(t, member, "PUT", `/api/v1/checkins/${addDays(TODAY, -back)}`, checkinInput())),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(days.map(() => 201));
    expect(await storedRuns(t, member)).toEqual([{ first_date: addDays(TODAY, -9), last_date: TODAY }]);

    // Deleting two days at once splits the run in the right places.
    await Promise.all(
      [3, 6].map((back) => call(t, member, "DELETE", `/api/v1/checkins/${addDays(TODAY, -back)}`)),
    );
    expect(await storedRuns(t, member)).toEqual(runsOf(await checkinDates(t, member)));
    expect((await call(t, member, "GET", "/api/v1/progress")).json().checkinStreak).toBe(3);
  });
});

it("the migration builds the runs of check-ins saved before it", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-runs-"));
  const { db } = openDatabase({ dataDir });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo("2026-12-03T1900_progress_indexes");
    expect(before.error).toBeUndefined();
    const now = "2026-12-03T15:00:00.000Z";
    for (const id of ["m1", "m2"]) {
      await db
        .insertInto("members")
        .values({
          id,
          username: id,
          username_key: id,
          display_name: null,
          password_hash: "x",
          timezone: "UTC",
          region: "us",
          reasons_enc: null,
          created_at: now,
          is_operator: 0,
        })
        .execute();
    }
    const saved: Record<string, string[]> = {
      m1: ["2026-11-01", "2026-11-02", "2026-11-04", "2026-11-03", "2026-11-10"],
      m2: ["2026-10-31"],
    };
    for (const [memberId, dates] of Object.entries(saved)) {
      for (const date of dates) {
        await db
          .insertInto("checkins")
          .values({
            member_id: memberId,
            date,
            mood: 3,
            craving: 0,
            confidence: 5,
            triggers_enc: "x",
            halt: "[]",
            sleep_hours: null,
            note_enc: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    }
    const after = await migrator.migrateToLatest();
    expect(after.error).toBeUndefined();
    const runs = await db
      .selectFrom("checkin_runs")
      .selectAll()
      .orderBy("member_id")
      .orderBy("first_date")
      .execute();
    expect(runs).toEqual([
      { member_id: "m1", first_date: "2026-11-01", last_date: "2026-11-04" },
      { member_id: "m1", first_date: "2026-11-10", last_date: "2026-11-10" },
      { member_id: "m2", first_date: "2026-10-31", last_date: "2026-10-31" },
    ]);
  } finally {
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
