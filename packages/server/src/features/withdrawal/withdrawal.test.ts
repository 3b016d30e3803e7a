import { WITHDRAWAL_LIMITS, type WithdrawalCheck } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildMember,
  buildWithdrawalCheck,
  call,
  type TestMember,
  withdrawalRatings,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("withdrawal tracker", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  // 2026-12-03 03:30 UTC: 22:30 on 2026-12-02 in New York, 17:30 on 2026-12-03 in Kiritimati.
  beforeEach(() => t.clock.set("2026-12-03T03:30:00Z"));

  const listOf = async (who: TestMember, query = ""): Promise<WithdrawalCheck[]> => {
    const response = await call(t, who, "GET", `/api/v1/withdrawal${query}`);
    expect(response.statusCode).toBe(200);
    return response.json().checks;
  };

  const rowsOf = async (who: TestMember): Promise<number> =>
    (await t.db.selectFrom("withdrawal_checks").select("id").where("member_id", "=", who.member.id).execute())
      .length;

  describe("POST /api/v1/withdrawal", () => {
    it("records the ratings with their total, the server's time and the member's local date", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      const ratings = withdrawalRatings(2, { vomiting: 0, diarrhoea: 4, troubleSleeping: 3 });
      const response = await call(t, member, "POST", "/api/v1/withdrawal", {
        ratings,
        note: "Rough night 😓",
      });
      expect(response.statusCode).toBe(201);
      const { check, support } = response.json() as { check: WithdrawalCheck; support: unknown };
      expect(check).toEqual({
        id: expect.any(String),
        takenAt: "2026-12-03T03:30:00.000Z",
        date: "2026-12-02",
        ratings,
        total: 2 * 9 + 0 + 4 + 3,
        note: "Rough night 😓",
      });
      expect(support).toEqual({ danger: [] });
      expect(await listOf(member, "?from=2026-12-02&to=2026-12-02")).toEqual([check]);
    });

    it("dates a check by the member's own calendar, whatever UTC says", async () => {
      const member = await buildMember(t, { timezone: "Pacific/Kiritimati" });
      expect((await buildWithdrawalCheck(t, member)).date).toBe("2026-12-03");
      t.clock.set("2026-12-03T10:00:00Z"); // midnight in Kiritimati
      expect((await buildWithdrawalCheck(t, member)).date).toBe("2026-12-04");
    });

    it("keeps the note encrypted at rest, and an empty note is no note", async () => {
      const member = await buildMember(t);
      await buildWithdrawalCheck(t, member, { note: "shaking and sweating all night" });
      const empty = await buildWithdrawalCheck(t, member, { note: "" });
      expect(empty.note).toBeNull();
      const rows = await t.db
        .selectFrom("withdrawal_checks")
        .selectAll()
        .where("member_id", "=", member.member.id)
        .execute();
      expect(JSON.stringify(rows)).not.toContain("shaking");
      expect(rows.map((r) => r.note_enc === null)).toEqual(expect.arrayContaining([true, false]));
    });

    it("brings help at once when the note holds danger language", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "POST", "/api/v1/withdrawal", {
        ratings: withdrawalRatings(3),
        note: "I can't take this, I might use and overdose",
      });
      expect(response.json().support).toEqual({ danger: ["overdose"] });
    });

    it("allows several checks a day, listed oldest first", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      t.clock.set("2026-12-02T14:00:00Z");
      const morning = await buildWithdrawalCheck(t, member, { ratings: withdrawalRatings(3) });
      t.clock.set("2026-12-02T22:00:00Z");
      const evening = await buildWithdrawalCheck(t, member, { ratings: withdrawalRatings(2) });
      const checks = await listOf(member, "?from=2026-12-02&to=2026-12-02");
      expect(checks.map((c) => [c.id, c.total])).toEqual([
        [morning.id, 36],
        [evening.id, 24],
      ]);
    });

    it(`refuses a ${WITHDRAWAL_LIMITS.checksPerDayMax + 1}th check on one day (409), and takes the next day's`, async () => {
      const member = await buildMember(t, { timezone: "UTC" });
      for (let i = 0; i < WITHDRAWAL_LIMITS.checksPerDayMax; i++) await buildWithdrawalCheck(t, member);
      const refused = await call(t, member, "POST", "/api/v1/withdrawal", { ratings: withdrawalRatings() });
      expect(refused.statusCode).toBe(409);
      expect(Object.keys(refused.json().error.fields)).toEqual(["date"]);
      expect(await rowsOf(member)).toBe(WITHDRAWAL_LIMITS.checksPerDayMax);
      t.clock.set("2026-12-04T00:00:00Z");
      expect((await buildWithdrawalCheck(t, member)).date).toBe("2026-12-04");
    });

    it.each([
      ["a rating of 5", { ratings: withdrawalRatings(1, { nausea: 5 }) }, "ratings.nausea"],
      ["a negative rating", { ratings: withdrawalRatings(1, { yawning: -1 }) }, "ratings.yawning"],
      ["a rating of 2.5", { ratings: withdrawalRatings(1, { anxiety: 2.5 }) }, "ratings.anxiety"],
      [
        "a missing symptom",
        { ratings: (({ vomiting: _gone, ...rest }) => rest)(withdrawalRatings()) },
        "ratings.vomiting",
      ],
      ["an unknown symptom", { ratings: { ...withdrawalRatings(), headache: 2 } }, "ratings.headache"],
      ["no ratings at all", { note: "hi" }, "ratings"],
      ["a note over 1000 characters", { ratings: withdrawalRatings(), note: "x".repeat(1001) }, "note"],
      ["an unknown field", { ratings: withdrawalRatings(), date: "2026-11-01" }, "date"],
    ])("refuses %s with 400 naming the field, and writes nothing", async (_name, body, field) => {
      const member = await buildMember(t);
      const response = await call(t, member, "POST", "/api/v1/withdrawal", body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("invalid_input");
      expect(Object.keys(response.json().error.fields)).toEqual([field]);
      expect(await rowsOf(member)).toBe(0);
    });
  });

  describe("GET /api/v1/withdrawal", () => {
    it("shows the last 14 days ending on the member's today by default", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      t.clock.set("2026-11-18T17:00:00Z"); // 2026-11-18 in New York: 15 days before 2026-12-02
      await buildWithdrawalCheck(t, member);
      t.clock.set("2026-11-19T17:00:00Z");
      const inside = await buildWithdrawalCheck(t, member);
      t.clock.set("2026-12-03T03:30:00Z"); // still 2026-12-02 in New York
      const latest = await buildWithdrawalCheck(t, member);
      expect((await listOf(member)).map((c) => c.id)).toEqual([inside.id, latest.id]);
    });

    it("answers an empty list for a member with no checks", async () => {
      expect(await listOf(await buildMember(t))).toEqual([]);
    });

    it.each([
      ["?from=2026-12-03&to=2026-12-01", "from"],
      ["?from=2026-02-30", "from"],
      ["?to=yesterday", "to"],
      ["?from=2026-01-01&to=2026-12-01", "to"],
      ["?since=2026-12-01", "since"],
    ])("refuses the range %s with 400 naming %s", async (query, field) => {
      const response = await call(t, await buildMember(t), "GET", `/api/v1/withdrawal${query}`);
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual([field]);
    });

    it("never shows one member's checks to another", async () => {
      const owner = await buildMember(t);
      const other = await buildMember(t);
      await buildWithdrawalCheck(t, owner, { note: "owner's private words" });
      const response = await call(t, other, "GET", "/api/v1/withdrawal");
      expect(response.json()).toEqual({ checks: [] });
      expect(response.body).not.toContain("owner's private words");
    });
  });
});
