import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { addDays, CHECKIN_LIMITS, type Checkin } from "@cairn/core";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildCheckin,
  buildMember,
  buildRecovery,
  call,
  checkinInput,
  type TestMember,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("check-ins", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });
  // 2026-12-03 15:00 UTC: 10:00 in New York, 07:00 in Los Angeles, 05:00 on 2026-12-04 in Kiritimati.
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const listOf = async (who: TestMember, query = ""): Promise<Checkin[]> => {
    const response = await call(t, who, "GET", `/api/v1/checkins${query}`);
    expect(response.statusCode).toBe(200);
    return response.json().checkins;
  };

  /** Rows the member has in both check-in tables: "nothing written" means zero. */
  const rowsOf = async (who: TestMember): Promise<number> => {
    const checkins = await t.db
      .selectFrom("checkins")
      .select("date")
      .where("member_id", "=", who.member.id)
      .execute();
    const uses = await t.db
      .selectFrom("checkin_uses")
      .select("date")
      .where("member_id", "=", who.member.id)
      .execute();
    return checkins.length + uses.length;
  };

  describe("PUT /api/v1/checkins/:date", () => {
    it("creates the day's check-in (201) with every answer, and lists it", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      const recovery = await buildRecovery(t, member);
      const body = checkinInput({
        uses: [{ recoveryId: recovery.id, used: false }],
        mood: 5,
        craving: 3,
        confidence: 9,
        triggers: ["stress", "my brother's calls"],
        halt: ["hungry", "tired"],
        sleepHours: 7.3,
        note: "Day 12 😺 no cravings today 💪🏽 👨‍👩‍👧",
      });
      const response = await call(t, member, "PUT", "/api/v1/checkins/2026-12-03", body);
      expect(response.statusCode).toBe(201);
      const expected: Checkin = {
        date: "2026-12-03",
        uses: [{ recoveryId: recovery.id, used: false }],
        mood: 5,
        craving: 3,
        confidence: 9,
        triggers: ["stress", "my brother's calls"],
        halt: ["hungry", "tired"],
        sleepHours: 7.3,
        note: "Day 12 😺 no cravings today 💪🏽 👨‍👩‍👧",
        updatedAt: "2026-12-03T15:00:00.000Z",
      };
      expect(response.json()).toEqual({
        checkin: expected,
        support: { danger: [], lapse: false, opioidLapse: false },
      });
      expect(await listOf(member)).toEqual([expected]);
    });

    it("saves the two-tap good-day check-in with nothing optional", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "PUT", "/api/v1/checkins/2026-12-03", checkinInput());
      expect(response.statusCode).toBe(201);
      expect(response.json().checkin).toMatchObject({ sleepHours: null, note: null, triggers: [], halt: [] });
    });

    it("replaces the day's check-in (200): new answers and uses, still one row", async () => {
      const member = await buildMember(t);
      const opioids = await buildRecovery(t, member, { substance: "opioids" });
      const alcohol = await buildRecovery(t, member, { substance: "alcohol" });
      await buildCheckin(t, member, "2026-12-02", {
        uses: [
          { recoveryId: opioids.id, used: true },
          { recoveryId: alcohol.id, used: false },
        ],
        note: "first answer",
        triggers: ["stress"],
      });
      t.clock.advance(60_000);
      const replaced = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-02",
        checkinInput({ uses: [{ recoveryId: alcohol.id, used: false }], mood: 2, note: null }),
      );
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json().checkin).toMatchObject({
        date: "2026-12-02",
        uses: [{ recoveryId: alcohol.id, used: false }],
        mood: 2,
        note: null,
        triggers: [],
        updatedAt: "2026-12-03T15:01:00.000Z",
      });
      expect(await listOf(member)).toEqual([replaced.json().checkin]);
      expect(await rowsOf(member)).toBe(2);
    });

    it("C07 the same offline check-in sent twice at once is stored exactly once, with the same answer", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member);
      const body = checkinInput({ uses: [{ recoveryId: recovery.id, used: false }], note: "queued offline" });
      const [a, b] = await Promise.all([
        call(t, member, "PUT", "/api/v1/checkins/2026-12-01", body),
        call(t, member, "PUT", "/api/v1/checkins/2026-12-01", body),
      ]);
      expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 201]);
      expect(a?.json()).toEqual(b?.json());
      const rows = await t.db
        .selectFrom("checkins")
        .select("date")
        .where("member_id", "=", member.member.id)
        .execute();
      expect(rows).toEqual([{ date: "2026-12-01" }]);
      const uses = await t.db
        .selectFrom("checkin_uses")
        .select("recovery_id")
        .where("member_id", "=", member.member.id)
        .execute();
      expect(uses).toEqual([{ recovery_id: recovery.id }]);
    });

    it("C07 a retry 100 ms after the first save replaces it with the same answer (200)", async () => {
      const member = await buildMember(t);
      const body = checkinInput({ mood: 3, triggers: ["payday"] });
      const first = await call(t, member, "PUT", "/api/v1/checkins/2024-05-01", body);
      t.clock.advance(100);
      const retry = await call(t, member, "PUT", "/api/v1/checkins/2024-05-01", body);
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(200);
      expect({ ...retry.json().checkin, updatedAt: "" }).toEqual({ ...first.json().checkin, updatedAt: "" });
      expect(await listOf(member, "?from=2024-05-01&to=2024-05-01")).toHaveLength(1);
    });

    it("C07 ten concurrent saves of one day leave one check-in and one set of uses", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member);
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call(
            t,
            member,
            "PUT",
            "/api/v1/checkins/2026-11-30",
            checkinInput({ uses: [{ recoveryId: recovery.id, used: i % 2 === 0 }], mood: 1 + (i % 5) }),
          ),
        ),
      );
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(9);
      expect(await rowsOf(member)).toBe(2);
    });

    it("tells the member when the day records use, and when that use was opioids", async () => {
      const member = await buildMember(t);
      const opioids = await buildRecovery(t, member, { substance: "opioids" });
      const alcohol = await buildRecovery(t, member, { substance: "alcohol" });
      const save = async (date: string, usedOpioids: boolean, usedAlcohol: boolean) =>
        (
          await call(
            t,
            member,
            "PUT",
            `/api/v1/checkins/${date}`,
            checkinInput({
              uses: [
                { recoveryId: opioids.id, used: usedOpioids },
                { recoveryId: alcohol.id, used: usedAlcohol },
              ],
            }),
          )
        ).json().support;
      expect(await save("2026-11-28", false, false)).toEqual({
        danger: [],
        lapse: false,
        opioidLapse: false,
      });
      expect(await save("2026-11-29", false, true)).toEqual({ danger: [], lapse: true, opioidLapse: false });
      expect(await save("2026-11-30", true, false)).toEqual({ danger: [], lapse: true, opioidLapse: true });
    });

    it("brings help at once when the note holds danger language, and not for everyday words", async () => {
      const member = await buildMember(t);
      const suicide = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-01",
        checkinInput({ note: "I want to kill myself tonight" }),
      );
      expect(suicide.json().support.danger).toEqual(["suicide"]);
      const overdose = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-02",
        checkinInput({ note: "I think I'm going to overdose" }),
      );
      expect(overdose.json().support.danger).toEqual(["overdose"]);
      const everyday = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-03",
        checkinInput({ note: "I overdid the workout and my legs are dead" }),
      );
      expect(everyday.json().support.danger).toEqual([]);
    });
  });

  describe("a recovery speaks only for days since it began", () => {
    it("refuses an answer about a recovery for a day before its start (422 on the use) and writes nothing", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member, { substance: "alcohol", startDate: "2026-11-01" });
      const before = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-10-31",
        checkinInput({ uses: [{ recoveryId: recovery.id, used: true }] }),
      );
      expect(before.statusCode).toBe(422);
      expect(before.json().error.fields).toEqual({
        "uses.0.recoveryId": "This recovery had not started on that day",
      });
      expect(await rowsOf(member)).toBe(0);
      const onStart = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-11-01",
        checkinInput({ uses: [{ recoveryId: recovery.id, used: false }] }),
      );
      expect(onStart.statusCode).toBe(201);
    });
  });

  describe("the member's time zone decides what 'today' is", () => {
    it("a member in Pacific/Kiritimati can check in for a date that is still tomorrow in UTC", async () => {
      const member = await buildMember(t, { timezone: "Pacific/Kiritimati" });
      const response = await call(t, member, "PUT", "/api/v1/checkins/2026-12-04", checkinInput());
      expect(response.statusCode).toBe(201);
    });

    it("a member in America/Los_Angeles cannot check in for that date (422 on date), and nothing is written", async () => {
      const member = await buildMember(t, { timezone: "America/Los_Angeles" });
      const response = await call(t, member, "PUT", "/api/v1/checkins/2026-12-04", checkinInput());
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({
        date: "You can't check in for a day that hasn't started yet",
      });
      expect(await rowsOf(member)).toBe(0);
    });

    it("after a move westwards, a check-in saved on a day that has not begun there can still be corrected, but no new one added", async () => {
      const member = await buildMember(t, { timezone: "Pacific/Kiritimati" });
      const recovery = await buildRecovery(t, member, { startDate: "2026-11-01" });
      await buildCheckin(t, member, "2026-12-04", { note: "first answer" });
      const moved = await call(t, member, "PATCH", "/api/v1/me", { timezone: "America/Los_Angeles" });
      expect(moved.statusCode).toBe(200);

      const corrected = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-04",
        checkinInput({ note: "I used after all", uses: [{ recoveryId: recovery.id, used: true }] }),
      );
      expect(corrected.statusCode).toBe(200);
      const [listed] = await listOf(member, "?from=2026-12-04&to=2026-12-04");
      expect(listed).toMatchObject({ date: "2026-12-04", note: "I used after all" });

      const added = await call(t, member, "PUT", "/api/v1/checkins/2026-12-05", checkinInput());
      expect(added.statusCode).toBe(422);
      expect(added.json().error.fields).toEqual({
        date: "You can't check in for a day that hasn't started yet",
      });
      expect((await listOf(member, "?from=2026-12-01&to=2026-12-06")).map((c) => c.date)).toEqual([
        "2026-12-04",
      ]);
    });

    it("yesterday can be filled in late and an older day corrected", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      expect((await call(t, member, "PUT", "/api/v1/checkins/2026-12-02", checkinInput())).statusCode).toBe(
        201,
      );
      expect((await call(t, member, "PUT", "/api/v1/checkins/2025-06-15", checkinInput())).statusCode).toBe(
        201,
      );
    });

    it("C06 a reminder for 2018-01-29 answered at 00:10 on the 30th records the 29th and nothing for the 30th", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      t.clock.set("2018-01-30T05:10:00Z"); // 00:10 in New York
      const response = await call(t, member, "PUT", "/api/v1/checkins/2018-01-29", checkinInput());
      expect(response.statusCode).toBe(201);
      expect((await listOf(member)).map((c) => c.date)).toEqual(["2018-01-29"]);
    });
  });

  describe("bad input names the field and writes nothing", () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ["mood 0", { mood: 0 }, "mood"],
      ["mood 6", { mood: 6 }, "mood"],
      ["a fractional mood 2.5", { mood: 2.5 }, "mood"],
      ["a mood as text", { mood: "good" }, "mood"],
      ["craving 11", { craving: 11 }, "craving"],
      ["craving -1", { craving: -1 }, "craving"],
      ["confidence 11", { confidence: 11 }, "confidence"],
      ["a missing confidence", { confidence: undefined }, "confidence"],
      ["halt 'sleepy'", { halt: ["sleepy"] }, "halt.0"],
      ["a repeated halt state", { halt: ["tired", "tired"] }, "halt"],
      ["a duplicate trigger", { triggers: ["stress", "stress"] }, "triggers"],
      ["an empty trigger", { triggers: ["  "] }, "triggers.0"],
      ["a trigger over 40 characters", { triggers: ["x".repeat(41)] }, "triggers.0"],
      ["more than 20 triggers", { triggers: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "triggers"],
      ["triggers as text", { triggers: "stress" }, "triggers"],
      ["a note over 2000 characters", { note: "x".repeat(CHECKIN_LIMITS.noteMax + 1) }, "note"],
      ["a note as a number", { note: 42 }, "note"],
      ["a note with a right-to-left override", { note: "fine \u202Eenif" }, "note"],
      ["sleep of 25 hours", { sleepHours: 25 }, "sleepHours"],
      ["negative sleep", { sleepHours: -1 }, "sleepHours"],
      ["uses as an object", { uses: { recoveryId: "x" } }, "uses"],
      [
        "a use with a non-uuid recovery id",
        { uses: [{ recoveryId: "abc", used: true }] },
        "uses.0.recoveryId",
      ],
      ["a use with used as text", { uses: [{ recoveryId: randomUUID(), used: "yes" }] }, "uses.0.used"],
      ["an unknown field", { mood: 3, energy: 4 }, "energy"],
      [
        "an unknown field in a use",
        { uses: [{ recoveryId: randomUUID(), used: true, dose: 1 }] },
        "uses.0.dose",
      ],
    ];
    for (const [what, change, field] of bad) {
      it(`PUT refuses ${what} (400, field ${field})`, async () => {
        const member = await buildMember(t);
        const body: Record<string, unknown> = { ...checkinInput(), ...change };
        for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
        const response = await call(t, member, "PUT", "/api/v1/checkins/2026-12-02", body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe("invalid_input");
        expect(response.json().error.fields).toHaveProperty([field]);
        expect(await rowsOf(member)).toBe(0);
      });
    }

    it("PUT accepts a note of exactly 2000 characters", async () => {
      const member = await buildMember(t);
      const note = "y".repeat(CHECKIN_LIMITS.noteMax);
      const response = await call(t, member, "PUT", "/api/v1/checkins/2026-12-02", checkinInput({ note }));
      expect(response.statusCode).toBe(201);
      expect(response.json().checkin.note).toBe(note);
    });

    it("PUT refuses the same recovery twice in uses (400 on uses)", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member);
      const response = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-02",
        checkinInput({
          uses: [
            { recoveryId: recovery.id, used: true },
            { recoveryId: recovery.id, used: false },
          ],
        }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty("uses");
      expect(await rowsOf(member)).toBe(0);
    });

    for (const [what, date] of [
      ["an impossible date 2026-02-30", "2026-02-30"],
      ["a date in another format", "12-02-2026"],
      ["a date that is not a date", "today"],
    ] as const) {
      it(`PUT refuses ${what} in the path (400 on date)`, async () => {
        const member = await buildMember(t);
        const response = await call(t, member, "PUT", `/api/v1/checkins/${date}`, checkinInput());
        expect(response.statusCode).toBe(400);
        expect(response.json().error.fields).toHaveProperty("date");
        expect(await rowsOf(member)).toBe(0);
      });
    }

    it("PUT refuses a future date (422 on date)", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "PUT", "/api/v1/checkins/2027-01-01", checkinInput());
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toHaveProperty("date");
      expect(await rowsOf(member)).toBe(0);
    });

    it("PUT refuses a recovery id that is nobody's (422 on uses.<i>.recoveryId) and writes nothing", async () => {
      const member = await buildMember(t);
      const own = await buildRecovery(t, member);
      const response = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-02",
        checkinInput({
          uses: [
            { recoveryId: own.id, used: false },
            { recoveryId: randomUUID(), used: true },
          ],
        }),
      );
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({
        "uses.1.recoveryId": "That isn't one of your recoveries",
      });
      expect(await rowsOf(member)).toBe(0);
    });

    it("a refused replacement leaves the earlier check-in exactly as it was", async () => {
      const member = await buildMember(t);
      const saved = (await buildCheckin(t, member, "2026-12-02", { note: "keep me" })).json().checkin;
      const refused = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-02",
        checkinInput({ uses: [{ recoveryId: randomUUID(), used: true }], note: "not me" }),
      );
      expect(refused.statusCode).toBe(422);
      expect(await listOf(member)).toEqual([saved]);
    });
  });

  describe("GET /api/v1/checkins", () => {
    it("lists the last 30 days ending on the member's today, newest first, by default", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      for (const date of ["2026-11-03", "2026-11-04", "2026-11-20", "2026-12-03"]) {
        await buildCheckin(t, member, date);
      }
      expect((await listOf(member)).map((c) => c.date)).toEqual(["2026-12-03", "2026-11-20", "2026-11-04"]);
    });

    it("lists an explicit range, inclusive at both ends", async () => {
      const member = await buildMember(t);
      for (const date of ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]) {
        await buildCheckin(t, member, date);
      }
      const listed = await listOf(member, "?from=2026-01-02&to=2026-01-03");
      expect(listed.map((c) => c.date)).toEqual(["2026-01-03", "2026-01-02"]);
    });

    it("with only `from`, lists up to today; with only `to`, the 30 days ending then", async () => {
      const member = await buildMember(t);
      for (const date of ["2026-10-01", "2026-10-02", "2026-10-31", "2026-11-01", "2026-12-03"]) {
        await buildCheckin(t, member, date);
      }
      expect((await listOf(member, "?from=2026-10-31")).map((c) => c.date)).toEqual([
        "2026-12-03",
        "2026-11-01",
        "2026-10-31",
      ]);
      expect((await listOf(member, "?to=2026-10-31")).map((c) => c.date)).toEqual([
        "2026-10-31",
        "2026-10-02",
      ]);
    });

    it(`accepts ${CHECKIN_LIMITS.rangeDaysMax} days and refuses one more (400 on to)`, async () => {
      const member = await buildMember(t);
      const from = "2025-01-01";
      const widest = addDays(from, CHECKIN_LIMITS.rangeDaysMax - 1);
      expect((await call(t, member, "GET", `/api/v1/checkins?from=${from}&to=${widest}`)).statusCode).toBe(
        200,
      );
      const tooWide = await call(t, member, "GET", `/api/v1/checkins?from=${from}&to=${addDays(widest, 1)}`);
      expect(tooWide.statusCode).toBe(400);
      expect(tooWide.json().error.fields).toHaveProperty("to");
      const openEnded = await call(t, member, "GET", "/api/v1/checkins?from=2020-01-01");
      expect(openEnded.statusCode).toBe(400);
      expect(openEnded.json().error.fields).toHaveProperty("to");
    });

    const badQueries: [string, string, string][] = [
      ["an unknown parameter", "?limit=5", "limit"],
      ["an impossible from date", "?from=2026-02-30", "from"],
      ["a to date that is not a date", "?to=yesterday", "to"],
      ["from after to", "?from=2026-12-02&to=2026-12-01", "from"],
    ];
    for (const [what, query, field] of badQueries) {
      it(`refuses ${what} (400 on ${field})`, async () => {
        const member = await buildMember(t);
        const response = await call(t, member, "GET", `/api/v1/checkins${query}`);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.fields).toHaveProperty([field]);
      });
    }
  });

  describe("DELETE /api/v1/checkins/:date", () => {
    it("deletes the day's check-in and its uses (204), then answers 404", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member);
      await buildCheckin(t, member, "2026-12-02", { uses: [{ recoveryId: recovery.id, used: true }] });
      await buildCheckin(t, member, "2026-12-01");
      const deleted = await call(t, member, "DELETE", "/api/v1/checkins/2026-12-02");
      expect(deleted.statusCode).toBe(204);
      expect((await listOf(member)).map((c) => c.date)).toEqual(["2026-12-01"]);
      expect(await rowsOf(member)).toBe(1);
      const again = await call(t, member, "DELETE", "/api/v1/checkins/2026-12-02");
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe("not_found");
    });

    it("refuses an impossible date (400 on date)", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "DELETE", "/api/v1/checkins/2026-13-01");
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty("date");
    });
  });

  describe("authorization", () => {
    it("a second member can read or change none of the first member's check-ins", async () => {
      const owner = await buildMember(t);
      const stranger = await buildMember(t);
      const ownersRecovery = await buildRecovery(t, owner);
      const saved = (
        await buildCheckin(t, owner, "2026-12-02", {
          uses: [{ recoveryId: ownersRecovery.id, used: true }],
          note: "the owner's words",
        })
      ).json().checkin;

      // Reading: the stranger's list holds only their own.
      expect(await listOf(stranger)).toEqual([]);
      expect(await listOf(stranger, "?from=2026-12-02&to=2026-12-02")).toEqual([]);

      // Referencing the owner's recovery is refused and writes nothing.
      const borrowed = await call(
        t,
        stranger,
        "PUT",
        "/api/v1/checkins/2026-12-02",
        checkinInput({ uses: [{ recoveryId: ownersRecovery.id, used: false }] }),
      );
      expect(borrowed.statusCode).toBe(422);
      expect(borrowed.json().error.fields).toHaveProperty(["uses.0.recoveryId"]);
      expect(await rowsOf(stranger)).toBe(0);

      // Deleting "that date" finds nothing of the stranger's and leaves the owner's alone.
      expect((await call(t, stranger, "DELETE", "/api/v1/checkins/2026-12-02")).statusCode).toBe(404);

      // Saving the same date makes the stranger's own check-in, beside the owner's.
      const own = await call(t, stranger, "PUT", "/api/v1/checkins/2026-12-02", checkinInput({ mood: 1 }));
      expect(own.statusCode).toBe(201);
      expect((await call(t, stranger, "DELETE", "/api/v1/checkins/2026-12-02")).statusCode).toBe(204);

      expect(await listOf(owner)).toEqual([saved]);
    });

    it("answers 401 to a caller who is not signed in, on every check-in endpoint", async () => {
      const calls: [Parameters<typeof call>[2], string, unknown][] = [
        ["PUT", "/api/v1/checkins/2026-12-02", checkinInput()],
        ["GET", "/api/v1/checkins", undefined],
        ["GET", "/api/v1/checkins?from=2026-12-01&to=2026-12-02", undefined],
        ["DELETE", "/api/v1/checkins/2026-12-02", undefined],
      ];
      for (const [method, url, body] of calls) {
        const response = await call(t, undefined, method, url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(401);
      }
    });
  });

  describe("encryption at rest", () => {
    it("the note and the member's own trigger words appear in no row of any table, nor in the database files", async () => {
      const member = await buildMember(t);
      const noteMarker = `quokkanote${randomUUID().slice(0, 8)}`;
      const triggerMarker = `wombattrigger${randomUUID().slice(0, 8)}`;
      const saved = await call(
        t,
        member,
        "PUT",
        "/api/v1/checkins/2026-12-02",
        checkinInput({ note: `Rough day, ${noteMarker} again`, triggers: ["stress", triggerMarker] }),
      );
      expect(saved.statusCode).toBe(201);
      // It was stored and reads back...
      const [read] = await listOf(member);
      expect(read?.note).toBe(`Rough day, ${noteMarker} again`);
      expect(read?.triggers).toEqual(["stress", triggerMarker]);

      // ...but no table holds it in plain text.
      const tables =
        t.kind === "sqlite"
          ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)
          : await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
              t.db,
            );
      expect(tables.rows.map((r) => r.name)).toContain("checkins");
      for (const { name } of tables.rows) {
        const rows = await sql`select * from ${sql.table(name)}`.execute(t.db);
        const text = JSON.stringify(rows.rows);
        expect(text, `table ${name}`).not.toContain(noteMarker);
        expect(text, `table ${name}`).not.toContain(triggerMarker);
      }

      if (t.kind === "sqlite") {
        const base = path.join(t.dataDir, "cairn.sqlite");
        const files = [base, `${base}-wal`].filter((f) => fs.existsSync(f));
        expect(files).toContain(base);
        for (const file of files) {
          const bytes = fs.readFileSync(file);
          expect(bytes.includes(noteMarker), file).toBe(false);
          expect(bytes.includes(triggerMarker), file).toBe(false);
        }
      }
    });

    it("a note copied into another member's row does not decrypt for them", async () => {
      const owner = await buildMember(t);
      const stranger = await buildMember(t);
      await buildCheckin(t, owner, "2026-12-02", { note: "private" });
      await buildCheckin(t, stranger, "2026-12-02", { note: "mine" });
      const stolen = await t.db
        .selectFrom("checkins")
        .select(["note_enc", "triggers_enc"])
        .where("member_id", "=", owner.member.id)
        .executeTakeFirstOrThrow();
      await t.db.updateTable("checkins").set(stolen).where("member_id", "=", stranger.member.id).execute();
      const response = await call(t, stranger, "GET", "/api/v1/checkins");
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain("private");
    });
  });
});
