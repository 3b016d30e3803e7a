import { describe, expect, it } from "vitest";
import {
  adherence,
  dosesToday,
  type LoggedDose,
  type ScheduledMedication,
  upcomingVisits,
} from "./adherence.ts";
import { TAKE_EARLY_MS } from "./schedule.ts";

const ZONE = "America/New_York";
const TODAY = "2026-12-03";
/** 15:00 UTC = 10:00 in New York: the 08:00 dose has come, the 20:00 one has not. */
const NOW = Date.parse("2026-12-03T15:00:00Z");

function medication(overrides: Partial<ScheduledMedication> = {}): ScheduledMedication {
  return {
    id: "m1",
    schedule: { kind: "daily", times: ["08:00", "20:00"], startDate: "2026-11-01" },
    atClinic: false,
    takeHome: null,
    ...overrides,
  };
}
const log = (date: string, time: string, status: LoggedDose["status"], medicationId = "m1"): LoggedDose => ({
  medicationId,
  date,
  time,
  status,
});

describe("dosesToday", () => {
  it("shows each of today's doses with its state: logged, due once its time is near, upcoming before", () => {
    const doses = dosesToday([medication()], [log(TODAY, "08:00", "late")], TODAY, NOW, ZONE);
    expect(doses.map((d) => [d.time, d.state, d.at])).toEqual([
      ["08:00", "late", "2026-12-03T13:00:00.000Z"],
      ["20:00", "upcoming", "2026-12-04T01:00:00.000Z"],
    ]);
    const unlogged = dosesToday([medication()], [], TODAY, NOW, ZONE);
    expect(unlogged.map((d) => d.state)).toEqual(["due", "upcoming"]);
    const evening = Date.parse("2026-12-04T01:00:00Z") - TAKE_EARLY_MS;
    expect(dosesToday([medication()], [], TODAY, evening, ZONE).map((d) => d.state)).toEqual(["due", "due"]);
  });

  it("orders doses of several medications by time and leaves out those without a dose today", () => {
    const monthly = medication({
      id: "m2",
      schedule: { kind: "monthly", day: 3, time: "07:00", startDate: "2026-01-01" },
    });
    const notToday = medication({
      id: "m3",
      schedule: { kind: "monthly", day: 4, time: "07:00", startDate: "2026-01-01" },
    });
    const doses = dosesToday([medication(), monthly, notToday], [], TODAY, NOW, ZONE);
    expect(doses.map((d) => `${d.medicationId} ${d.time}`)).toEqual(["m2 07:00", "m1 08:00", "m1 20:00"]);
  });

  it("has nothing due for a member with no medication", () => {
    expect(dosesToday([], [], TODAY, NOW, ZONE)).toEqual([]);
  });
});

describe("adherence", () => {
  it("is honest about empty data: no doses yet is null percent, not 0 % or 100 %", () => {
    const none = adherence([], [], TODAY, NOW, ZONE);
    expect(none.total).toEqual({
      onTime: 0,
      late: 0,
      missed: 0,
      notLogged: 0,
      scheduled: 0,
      takenPercent: null,
    });
    expect(none.days).toHaveLength(30);
    expect(none.from).toBe("2026-11-04");
    expect(none.suggestPrescriber).toBe(false);
  });

  it("counts only doses whose time has come for a medication started today", () => {
    const startedToday = medication({
      schedule: { kind: "daily", times: ["08:00", "20:00"], startDate: TODAY },
    });
    const result = adherence([startedToday], [log(TODAY, "08:00", "taken")], TODAY, NOW, ZONE);
    expect(result.total).toMatchObject({ onTime: 1, scheduled: 1, takenPercent: 100 });
    // Before 08:00 nothing has come round yet.
    const early = adherence([startedToday], [], TODAY, Date.parse("2026-12-03T12:00:00Z"), ZONE);
    expect(early.total.takenPercent).toBeNull();
  });

  it("counts on time, late, missed and not logged over the last 30 days, as counts and a percentage", () => {
    const logs = [
      log("2026-12-01", "08:00", "taken"),
      log("2026-12-01", "20:00", "late"),
      log("2026-12-02", "08:00", "missed"),
      log(TODAY, "08:00", "taken"),
      // Outside the window and for a time not in the schedule: ignored.
      log("2026-11-03", "08:00", "taken"),
      log("2026-12-02", "09:00", "taken"),
    ];
    const result = adherence(
      [medication({ schedule: { kind: "daily", times: ["08:00", "20:00"], startDate: "2026-12-01" } })],
      logs,
      TODAY,
      NOW,
      ZONE,
    );
    // 2 + 2 + 1 doses have come (today's 20:00 has not).
    expect(result.total).toEqual({
      onTime: 2,
      late: 1,
      missed: 1,
      notLogged: 1,
      scheduled: 5,
      takenPercent: 60,
    });
    expect(result.days.find((d) => d.date === "2026-12-02")?.counts).toMatchObject({
      missed: 1,
      notLogged: 1,
    });
    expect(result.days.find((d) => d.date === "2026-11-20")?.counts.scheduled).toBe(0);
    expect(result.medications).toEqual([{ medicationId: "m1", counts: result.total }]);
    expect(result.suggestPrescriber).toBe(true);
  });

  it("looks back exactly 30 days, today included, across a month end and a leap day", () => {
    const result = adherence(
      [medication({ schedule: { kind: "daily", times: ["08:00"], startDate: "2024-01-01" } })],
      [],
      "2024-03-01",
      Date.parse("2024-03-02T00:00:00Z"),
      "UTC",
    );
    expect(result.from).toBe("2024-02-01");
    expect(result.total.scheduled).toBe(30);
    expect(result.days.map((d) => d.date)).toContain("2024-02-29");
  });

  it("counts one dose on a fall-back day for a 01:30 schedule, and the skipped 02:30 dose on a spring-forward day", () => {
    const fallBack = adherence(
      [medication({ schedule: { kind: "daily", times: ["01:30"], startDate: "2026-11-01" } })],
      [],
      "2026-11-01",
      Date.parse("2026-11-01T12:00:00Z"),
      ZONE,
    );
    expect(fallBack.total.scheduled).toBe(1);
    const spring = adherence(
      [medication({ schedule: { kind: "daily", times: ["02:30"], startDate: "2026-03-29" } })],
      [log("2026-03-29", "02:30", "taken")],
      "2026-03-29",
      Date.parse("2026-03-29T01:30:00Z"),
      "Europe/Berlin",
    );
    expect(spring.total).toMatchObject({ onTime: 1, scheduled: 1 });
  });

  it("keeps doses logged before a move to another zone, matched by their date and time", () => {
    const logs = [log("2026-12-02", "08:00", "taken"), log("2026-12-02", "20:00", "taken")];
    const moved = adherence(
      [medication({ schedule: { kind: "daily", times: ["08:00", "20:00"], startDate: "2026-12-02" } })],
      logs,
      TODAY,
      Date.parse("2026-12-03T08:00:00Z"),
      "Europe/Berlin",
    );
    // In Berlin it is 09:00 on 3 December: yesterday's two doses are kept, today's 08:00 has come, unlogged.
    expect(moved.total).toMatchObject({ onTime: 2, notLogged: 1, scheduled: 3 });
  });

  it("suggests talking to the prescriber only after a dose logged missed in the last 7 days", () => {
    const schedule = { kind: "daily" as const, times: ["08:00"], startDate: "2026-11-01" };
    const old = adherence(
      [medication({ schedule })],
      [log("2026-11-20", "08:00", "missed")],
      TODAY,
      NOW,
      ZONE,
    );
    expect(old.suggestPrescriber).toBe(false);
    const recent = adherence(
      [medication({ schedule })],
      [log("2026-11-27", "08:00", "missed")],
      TODAY,
      NOW,
      ZONE,
    );
    expect(recent.suggestPrescriber).toBe(true);
  });
});

describe("upcomingVisits", () => {
  it("lists clinic doses and the take-home pickup day in the next 14 days, in date order", () => {
    const injection = medication({
      id: "inj",
      atClinic: true,
      schedule: { kind: "interval", every: 4, unit: "weeks", time: "10:00", startDate: "2026-11-12" },
    });
    const takeHome = medication({ id: "met", takeHome: { nextPickup: "2026-12-05" } });
    const farPickup = medication({ id: "far", takeHome: { nextPickup: "2026-12-17" } });
    expect(upcomingVisits([injection, takeHome, farPickup], TODAY)).toEqual([
      { medicationId: "met", date: "2026-12-05", time: null, kind: "pickup" },
      { medicationId: "inj", date: "2026-12-10", time: "10:00", kind: "dose" },
    ]);
  });

  it("lists nothing for a member who takes their doses at home with no pickup", () => {
    expect(upcomingVisits([medication()], TODAY)).toEqual([]);
  });
});
