import type { Progress } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCheckin, buildMember, buildRecovery, call, type TestMember } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("progress", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });
  // 2026-12-03 15:00 UTC is 10:00 on 2026-12-03 in New York.
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const progressOf = async (who: TestMember): Promise<Progress> => {
    const response = await call(t, who, "GET", "/api/v1/progress");
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it("opioids started 10 days ago in New York: 10 days, next milestone 14 days on its date, money not spent", async () => {
    const member = await buildMember(t, { timezone: "America/New_York" });
    const recovery = await buildRecovery(t, member, {
      substance: "opioids",
      startDate: "2026-11-23",
      dailyCost: 12.5,
    });
    expect(await progressOf(member)).toEqual({
      today: "2026-12-03",
      timezone: "America/New_York",
      checkinStreak: 0,
      recoveries: [
        {
          id: recovery.id,
          substance: "opioids",
          label: null,
          startDate: "2026-11-23",
          soberSince: "2026-11-23",
          currentDays: 10,
          longestDays: 10,
          totalSoberDays: 10,
          soberDaysLast30: 10,
          nextMilestone: { days: 14, date: "2026-12-07" },
          moneyNotSpent: 125,
          lastUseDate: null,
        },
      ],
    });
  });

  it("a lapse recorded yesterday starts a new run today: 0 days, and the days already made still count", async () => {
    const member = await buildMember(t, { timezone: "America/New_York" });
    const recovery = await buildRecovery(t, member, { startDate: "2026-11-23", dailyCost: 12.5 });
    await buildCheckin(t, member, "2026-12-02", { uses: [{ recoveryId: recovery.id, used: true }] });
    const [run] = (await progressOf(member)).recoveries;
    expect(run).toMatchObject({
      soberSince: "2026-12-03",
      currentDays: 0,
      longestDays: 9,
      totalSoberDays: 9,
      soberDaysLast30: 9,
      nextMilestone: { days: 1, date: "2026-12-04" },
      moneyNotSpent: 112.5,
      lastUseDate: "2026-12-02",
    });
  });

  it("a use recorded on a day that has not begun since a move westwards still ends the run, dated as recorded", async () => {
    // 2026-12-03 15:00 UTC is 05:00 on 2026-12-04 in Kiritimati and 04:00 on 2026-12-03 in Pago Pago.
    const member = await buildMember(t, { timezone: "Pacific/Kiritimati" });
    const recovery = await buildRecovery(t, member, { startDate: "2026-11-23" });
    await buildCheckin(t, member, "2026-12-04", { uses: [{ recoveryId: recovery.id, used: true }] });
    const moved = await call(t, member, "PATCH", "/api/v1/me", { timezone: "Pacific/Pago_Pago" });
    expect(moved.statusCode).toBe(200);

    const progress = await progressOf(member);
    expect(progress.today).toBe("2026-12-03");
    expect(progress.recoveries[0]).toMatchObject({
      soberSince: "2026-12-04",
      currentDays: 0,
      longestDays: 10,
      totalSoberDays: 10,
      lastUseDate: "2026-12-04",
    });
  });

  it("a day answered 'not used' is not a lapse, and a replaced check-in takes back a recorded use", async () => {
    const member = await buildMember(t, { timezone: "America/New_York" });
    const recovery = await buildRecovery(t, member, { startDate: "2026-11-23" });
    await buildCheckin(t, member, "2026-12-01", { uses: [{ recoveryId: recovery.id, used: true }] });
    expect((await progressOf(member)).recoveries[0]?.currentDays).toBe(1);
    await buildCheckin(t, member, "2026-12-01", { uses: [{ recoveryId: recovery.id, used: false }] });
    expect((await progressOf(member)).recoveries[0]?.currentDays).toBe(10);
  });

  it("counts only the use of the recovery it belongs to", async () => {
    const member = await buildMember(t, { timezone: "America/New_York" });
    const opioids = await buildRecovery(t, member, { substance: "opioids", startDate: "2026-11-23" });
    const alcohol = await buildRecovery(t, member, { substance: "alcohol", startDate: "2026-11-03" });
    await buildCheckin(t, member, "2026-12-01", {
      uses: [
        { recoveryId: opioids.id, used: false },
        { recoveryId: alcohol.id, used: true },
      ],
    });
    const byId = new Map((await progressOf(member)).recoveries.map((r) => [r.id, r]));
    expect(byId.get(opioids.id)?.currentDays).toBe(10);
    expect(byId.get(alcohol.id)?.currentDays).toBe(1);
    expect(byId.get(alcohol.id)?.longestDays).toBe(28);
  });

  it("C04 the check-in streak does not drop at midnight, and breaks only after a whole day without one", async () => {
    const member = await buildMember(t, { timezone: "America/New_York" });
    await buildCheckin(t, member, "2026-12-01");
    await buildCheckin(t, member, "2026-12-02");
    await buildCheckin(t, member, "2026-12-03");
    expect((await progressOf(member)).checkinStreak).toBe(3);
    t.clock.set("2026-12-04T05:05:00Z"); // 00:05 on 12-04 in New York, nothing logged yet
    expect((await progressOf(member)).checkinStreak).toBe(3);
    t.clock.set("2026-12-05T05:05:00Z"); // 12-04 ended without a check-in
    expect((await progressOf(member)).checkinStreak).toBe(0);
  });

  it("the member's time zone decides today: the same instant is day 10 in New York and day 11 in Kiritimati", async () => {
    t.clock.set("2026-12-04T03:00:00Z"); // 22:00 on 12-03 in New York, 17:00 on 12-04 in Kiritimati
    const newYork = await buildMember(t, { timezone: "America/New_York" });
    const kiritimati = await buildMember(t, { timezone: "Pacific/Kiritimati" });
    await buildRecovery(t, newYork, { startDate: "2026-11-23" });
    await buildRecovery(t, kiritimati, { startDate: "2026-11-23" });
    const ny = await progressOf(newYork);
    const ki = await progressOf(kiritimati);
    expect([ny.today, ny.recoveries[0]?.currentDays]).toEqual(["2026-12-03", 10]);
    expect([ki.today, ki.recoveries[0]?.currentDays]).toEqual(["2026-12-04", 11]);
  });

  it("the count goes up at the member's midnight, not at UTC midnight", async () => {
    const member = await buildMember(t, { timezone: "America/New_York" });
    await buildRecovery(t, member, { startDate: "2026-11-23" });
    t.clock.set("2026-12-04T04:59:00Z"); // 23:59 in New York
    expect((await progressOf(member)).recoveries[0]?.currentDays).toBe(10);
    t.clock.set("2026-12-04T05:00:00Z"); // midnight in New York
    expect((await progressOf(member)).recoveries[0]?.currentDays).toBe(11);
  });

  it("a member with no recoveries gets an empty list", async () => {
    const member = await buildMember(t);
    expect(await progressOf(member)).toEqual({
      today: "2026-12-03",
      timezone: expect.any(String),
      checkinStreak: 0,
      recoveries: [],
    });
  });

  describe("authorization", () => {
    it("shows only the member's own recoveries and check-ins", async () => {
      const owner = await buildMember(t, { timezone: "America/New_York" });
      const stranger = await buildMember(t, { timezone: "America/New_York" });
      const ownersRecovery = await buildRecovery(t, owner, { startDate: "2026-11-23" });
      const strangersRecovery = await buildRecovery(t, stranger, {
        substance: "alcohol",
        startDate: "2026-12-01",
      });
      await buildCheckin(t, owner, "2026-12-02", { uses: [{ recoveryId: ownersRecovery.id, used: false }] });
      await buildCheckin(t, owner, "2026-12-03");
      await buildCheckin(t, stranger, "2026-12-03", {
        uses: [{ recoveryId: strangersRecovery.id, used: true }],
      });

      const owners = await progressOf(owner);
      expect(owners.recoveries.map((r) => r.id)).toEqual([ownersRecovery.id]);
      expect(owners.recoveries[0]?.currentDays).toBe(10);
      expect(owners.checkinStreak).toBe(2);

      const strangers = await progressOf(stranger);
      expect(strangers.recoveries.map((r) => r.id)).toEqual([strangersRecovery.id]);
      expect(strangers.checkinStreak).toBe(1);
    });

    it("answers 401 to a caller who is not signed in", async () => {
      const response = await call(t, undefined, "GET", "/api/v1/progress");
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    });
  });

  it("documents every daily-recovery endpoint in the OpenAPI document", async () => {
    const paths = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json().paths;
    expect(Object.keys(paths["/api/v1/recoveries"])).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(paths["/api/v1/recoveries/{id}"])).toEqual(
      expect.arrayContaining(["patch", "delete"]),
    );
    expect(Object.keys(paths["/api/v1/checkins/{date}"])).toEqual(expect.arrayContaining(["put", "delete"]));
    expect(Object.keys(paths["/api/v1/checkins"])).toEqual(["get"]);
    expect(Object.keys(paths["/api/v1/progress"])).toEqual(["get"]);
    expect(Object.keys(paths["/api/v1/resources"])).toEqual(["get"]);
    expect(
      paths["/api/v1/checkins/{date}"].put.requestBody.content["application/json"].schema.properties,
    ).toHaveProperty("mood");
  });
});
