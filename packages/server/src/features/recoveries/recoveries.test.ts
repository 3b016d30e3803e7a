import { randomUUID } from "node:crypto";
import { RECOVERY_LIMITS, type Recovery } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCheckin, buildMember, buildRecovery, call } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("recoveries", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });
  // 2026-12-03 15:00 UTC: 10:00 in New York, 07:00 in Los Angeles, 05:00 on 2026-12-04 in Kiritimati.
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const listOf = async (who: Awaited<ReturnType<typeof buildMember>>): Promise<Recovery[]> =>
    (await call(t, who, "GET", "/api/v1/recoveries")).json().recoveries;

  describe("happy paths", () => {
    it("creates a recovery, keeps the daily cost in whole cents, and lists it", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      const created = await call(t, member, "POST", "/api/v1/recoveries", {
        substance: "opioids",
        startDate: "2026-11-23",
        dailyCost: 12.5,
      });
      expect(created.statusCode).toBe(201);
      const recovery = created.json().recovery as Recovery;
      expect(recovery).toEqual({
        id: expect.any(String),
        substance: "opioids",
        label: null,
        startDate: "2026-11-23",
        dailyCost: 12.5,
        createdAt: "2026-12-03T15:00:00.000Z",
      });
      const stored = await t.db
        .selectFrom("recoveries")
        .select(["daily_cost_cents", "member_id"])
        .where("id", "=", recovery.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ daily_cost_cents: 1250, member_id: member.member.id });
      expect(await listOf(member)).toEqual([recovery]);
    });

    it("keeps 0.29 exact as 29 cents (no floating-point drift)", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member, { dailyCost: 0.29 });
      expect(recovery.dailyCost).toBe(0.29);
      const row = await t.db
        .selectFrom("recoveries")
        .select("daily_cost_cents")
        .where("id", "=", recovery.id)
        .executeTakeFirstOrThrow();
      expect(row.daily_cost_cents).toBe(29);
    });

    it("accepts several recoveries, 'other' with its label, listed in the order they were added", async () => {
      const member = await buildMember(t);
      const first = await buildRecovery(t, member, { substance: "alcohol" });
      t.clock.advance(1000);
      const second = await buildRecovery(t, member, { substance: "other", label: "Sports betting" });
      expect((await listOf(member)).map((r) => r.id)).toEqual([first.id, second.id]);
      expect(second.label).toBe("Sports betting");
    });

    it("accepts a start date of today in the member's zone", async () => {
      const member = await buildMember(t, { timezone: "America/Los_Angeles" });
      const response = await call(t, member, "POST", "/api/v1/recoveries", {
        substance: "alcohol",
        startDate: "2026-12-03",
      });
      expect(response.statusCode).toBe(201);
    });

    it("updates the label, start date and daily cost, and clears the cost with null", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member, { substance: "nicotine", dailyCost: 9 });
      const patched = await call(t, member, "PATCH", `/api/v1/recoveries/${recovery.id}`, {
        label: "Vaping",
        startDate: "2026-11-01",
        dailyCost: 7.25,
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json().recovery).toEqual({
        ...recovery,
        label: "Vaping",
        startDate: "2026-11-01",
        dailyCost: 7.25,
      });
      const cleared = await call(t, member, "PATCH", `/api/v1/recoveries/${recovery.id}`, {
        dailyCost: null,
      });
      expect(cleared.json().recovery.dailyCost).toBeNull();
      expect(cleared.json().recovery.label).toBe("Vaping");
      expect(await listOf(member)).toEqual([cleared.json().recovery]);
    });

    it("deletes a recovery and the check-in answers about it, keeping the check-in itself", async () => {
      const member = await buildMember(t);
      const kept = await buildRecovery(t, member, { substance: "alcohol" });
      const gone = await buildRecovery(t, member, { substance: "opioids" });
      await buildCheckin(t, member, "2026-12-02", {
        uses: [
          { recoveryId: kept.id, used: false },
          { recoveryId: gone.id, used: true },
        ],
      });
      const deleted = await call(t, member, "DELETE", `/api/v1/recoveries/${gone.id}`);
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe("");
      expect((await listOf(member)).map((r) => r.id)).toEqual([kept.id]);
      const checkins = (await call(t, member, "GET", "/api/v1/checkins")).json().checkins;
      expect(checkins).toHaveLength(1);
      expect(checkins[0].uses).toEqual([{ recoveryId: kept.id, used: false }]);
      const orphanUses = await t.db
        .selectFrom("checkin_uses")
        .select("recovery_id")
        .where("recovery_id", "=", gone.id)
        .execute();
      expect(orphanUses).toEqual([]);
      expect((await call(t, member, "DELETE", `/api/v1/recoveries/${gone.id}`)).statusCode).toBe(404);
    });
  });

  describe("one recovery per substance", () => {
    it("refuses the same substance twice with 409 on substance, but takes several 'other' ones", async () => {
      const member = await buildMember(t);
      await buildRecovery(t, member, { substance: "alcohol", startDate: "2026-11-01" });
      const again = await call(t, member, "POST", "/api/v1/recoveries", {
        substance: "alcohol",
        startDate: "2026-11-20",
      });
      expect(again.statusCode).toBe(409);
      expect(Object.keys(again.json().error.fields)).toEqual(["substance"]);
      await buildRecovery(t, member, { substance: "other", label: "Kratom" });
      await buildRecovery(t, member, { substance: "other", label: "Gaming" });
      expect((await listOf(member)).map((r: { substance: string }) => r.substance).sort()).toEqual([
        "alcohol",
        "other",
        "other",
      ]);
    });
  });

  describe("the member's time zone decides what 'today' is", () => {
    it("refuses a start date after the member's today with 422 on startDate and writes nothing", async () => {
      const member = await buildMember(t, { timezone: "America/Los_Angeles" });
      const response = await call(t, member, "POST", "/api/v1/recoveries", {
        substance: "opioids",
        startDate: "2026-12-04",
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({ startDate: "The start date can't be in the future" });
      expect(await listOf(member)).toEqual([]);
    });

    it("lets a member in Pacific/Kiritimati start on a date that is still tomorrow in UTC", async () => {
      const member = await buildMember(t, { timezone: "Pacific/Kiritimati" });
      const response = await call(t, member, "POST", "/api/v1/recoveries", {
        substance: "opioids",
        startDate: "2026-12-04",
      });
      expect(response.statusCode).toBe(201);
    });

    it("refuses moving a start date into the future and leaves the recovery unchanged", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      const recovery = await buildRecovery(t, member);
      const response = await call(t, member, "PATCH", `/api/v1/recoveries/${recovery.id}`, {
        startDate: "2026-12-04",
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toHaveProperty("startDate");
      expect(await listOf(member)).toEqual([recovery]);
    });
  });

  describe("bad input names the field and writes nothing", () => {
    const badCreates: [string, unknown, number, string][] = [
      ["an unknown substance", { substance: "heroin-ish", startDate: "2026-11-01" }, 400, "substance"],
      ["a missing substance", { startDate: "2026-11-01" }, 400, "substance"],
      ["an impossible date", { substance: "opioids", startDate: "2026-02-30" }, 400, "startDate"],
      ["a date in another format", { substance: "opioids", startDate: "11/01/2026" }, 400, "startDate"],
      ["a date as a number", { substance: "opioids", startDate: 20261101 }, 400, "startDate"],
      ["a negative cost", { substance: "opioids", startDate: "2026-11-01", dailyCost: -1 }, 400, "dailyCost"],
      [
        "a cost with three decimals",
        { substance: "opioids", startDate: "2026-11-01", dailyCost: 1.234 },
        400,
        "dailyCost",
      ],
      [
        "a cost as text",
        { substance: "opioids", startDate: "2026-11-01", dailyCost: "12" },
        400,
        "dailyCost",
      ],
      [
        "a cost over the limit",
        { substance: "opioids", startDate: "2026-11-01", dailyCost: RECOVERY_LIMITS.dailyCostMax + 1 },
        400,
        "dailyCost",
      ],
      ["'other' without a label", { substance: "other", startDate: "2026-11-01" }, 400, "label"],
      [
        "a label over 40 characters",
        { substance: "other", label: "x".repeat(41), startDate: "2026-11-01" },
        400,
        "label",
      ],
      ["an empty label", { substance: "other", label: "   ", startDate: "2026-11-01" }, 400, "label"],
      ["an unknown field", { substance: "opioids", startDate: "2026-11-01", color: "blue" }, 400, "color"],
      ["a future start date", { substance: "opioids", startDate: "2026-12-25" }, 422, "startDate"],
      ["a start over 100 years ago", { substance: "alcohol", startDate: "1900-01-01" }, 422, "startDate"],
    ];
    for (const [what, body, status, field] of badCreates) {
      it(`POST refuses ${what} (${status}, field ${field})`, async () => {
        const member = await buildMember(t);
        const response = await call(t, member, "POST", "/api/v1/recoveries", body);
        expect(response.statusCode).toBe(status);
        expect(response.json().error.code).toBe("invalid_input");
        expect(response.json().error.fields).toHaveProperty([field]);
        expect(await listOf(member)).toEqual([]);
      });
    }

    it("POST refuses a body that is not an object", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "POST", "/api/v1/recoveries", ["opioids"]);
      expect(response.statusCode).toBe(400);
      expect(await listOf(member)).toEqual([]);
    });

    const badPatches: [string, unknown, number, string][] = [
      ["an empty change", {}, 400, "body"],
      ["a change of substance", { substance: "alcohol" }, 400, "substance"],
      ["an impossible date", { startDate: "2026-02-30" }, 400, "startDate"],
      ["a cost as text", { dailyCost: "ten" }, 400, "dailyCost"],
      ["an unknown field", { startDate: "2026-11-01", mood: 3 }, 400, "mood"],
    ];
    for (const [what, body, status, field] of badPatches) {
      it(`PATCH refuses ${what} (${status}, field ${field}) and changes nothing`, async () => {
        const member = await buildMember(t);
        const recovery = await buildRecovery(t, member, { dailyCost: 5 });
        const response = await call(t, member, "PATCH", `/api/v1/recoveries/${recovery.id}`, body);
        expect(response.statusCode).toBe(status);
        expect(response.json().error.fields).toHaveProperty([field]);
        expect(await listOf(member)).toEqual([recovery]);
      });
    }

    it("PATCH refuses removing the label of an 'other' recovery (422 on label)", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member, { substance: "other", label: "Shopping" });
      const response = await call(t, member, "PATCH", `/api/v1/recoveries/${recovery.id}`, { label: null });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({ label: "Say what you are recovering from" });
      expect(await listOf(member)).toEqual([recovery]);
    });

    it("refuses an id that is not a uuid with 400 on id (PATCH and DELETE)", async () => {
      const member = await buildMember(t);
      const recovery = await buildRecovery(t, member);
      for (const method of ["PATCH", "DELETE"] as const) {
        const response = await call(
          t,
          member,
          method,
          "/api/v1/recoveries/not-a-uuid",
          method === "PATCH" ? { label: "x" } : undefined,
        );
        expect(response.statusCode).toBe(400);
        expect(response.json().error.fields).toHaveProperty("id");
      }
      expect(await listOf(member)).toEqual([recovery]);
    });

    it("answers 404 for a well-formed id that does not exist", async () => {
      const member = await buildMember(t);
      const id = randomUUID();
      expect((await call(t, member, "PATCH", `/api/v1/recoveries/${id}`, { label: "x" })).statusCode).toBe(
        404,
      );
      expect((await call(t, member, "DELETE", `/api/v1/recoveries/${id}`)).statusCode).toBe(404);
    });

    it(`refuses a recovery beyond ${RECOVERY_LIMITS.recoveriesMax} with 422`, async () => {
      const member = await buildMember(t);
      for (let i = 0; i < RECOVERY_LIMITS.recoveriesMax; i++) {
        await buildRecovery(t, member, { substance: "other", label: `Habit ${i}` });
      }
      const response = await call(t, member, "POST", "/api/v1/recoveries", {
        substance: "alcohol",
        startDate: "2026-11-01",
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toMatch(/at most 12/);
      expect(await listOf(member)).toHaveLength(RECOVERY_LIMITS.recoveriesMax);
    });
  });

  describe("authorization", () => {
    it("a second member can neither see nor change nor delete the first member's recoveries (404, not 403)", async () => {
      const owner = await buildMember(t);
      const stranger = await buildMember(t);
      const recovery = await buildRecovery(t, owner, { dailyCost: 20 });
      const own = await buildRecovery(t, stranger, { substance: "alcohol" });

      expect(await listOf(stranger)).toEqual([own]);
      const patch = await call(t, stranger, "PATCH", `/api/v1/recoveries/${recovery.id}`, { dailyCost: 1 });
      expect(patch.statusCode).toBe(404);
      expect(patch.json().error.code).toBe("not_found");
      const del = await call(t, stranger, "DELETE", `/api/v1/recoveries/${recovery.id}`);
      expect(del.statusCode).toBe(404);

      expect(await listOf(owner)).toEqual([recovery]);
    });

    it("answers 401 to a caller who is not signed in, on every recoveries endpoint", async () => {
      const owner = await buildMember(t);
      const recovery = await buildRecovery(t, owner);
      const calls: [Parameters<typeof call>[2], string, unknown][] = [
        ["GET", "/api/v1/recoveries", undefined],
        ["POST", "/api/v1/recoveries", { substance: "opioids", startDate: "2026-11-01" }],
        ["PATCH", `/api/v1/recoveries/${recovery.id}`, { label: "x" }],
        ["DELETE", `/api/v1/recoveries/${recovery.id}`, undefined],
      ];
      for (const [method, url, body] of calls) {
        const response = await call(t, undefined, method, url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(401);
        expect(response.json().error.code).toBe("unauthenticated");
      }
      const badCookie = await t.app.inject({
        method: "GET",
        url: "/api/v1/recoveries",
        headers: { cookie: "cairn_session=forged" },
      });
      expect(badCookie.statusCode).toBe(401);
      expect(await listOf(owner)).toEqual([recovery]);
    });
  });
});
