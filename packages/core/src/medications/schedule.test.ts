import { describe, expect, it } from "vitest";
import {
  doseInstant,
  doseLogProblem,
  doseStatusesOpen,
  monthlyDayIn,
  scheduledDoses,
  TAKE_EARLY_MS,
  timesOn,
} from "./schedule.ts";
import { firstMonthlyDate, type Schedule, scheduleSchema } from "./schema.ts";

const iso = (ms: number) => new Date(ms).toISOString();
const daily = (times: string[], startDate = "2026-01-01", endDate?: string): Schedule => ({
  kind: "daily",
  times,
  startDate,
  ...(endDate ? { endDate } : {}),
});

describe("timesOn", () => {
  it("gives a daily schedule's times in order on every day from its start to its end", () => {
    const schedule = daily(["20:00", "08:00"], "2026-03-01", "2026-03-03");
    expect(timesOn(schedule, "2026-02-28")).toEqual([]);
    expect(timesOn(schedule, "2026-03-01")).toEqual(["08:00", "20:00"]);
    expect(timesOn(schedule, "2026-03-03")).toEqual(["08:00", "20:00"]);
    expect(timesOn(schedule, "2026-03-04")).toEqual([]);
  });

  it("counts every N days and every N weeks from the start date, across a month end and a leap day", () => {
    const everyTwoDays: Schedule = {
      kind: "interval",
      every: 2,
      unit: "days",
      time: "09:00",
      startDate: "2024-02-27",
    };
    expect(
      ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"].map(
        (d) => timesOn(everyTwoDays, d).length,
      ),
    ).toEqual([1, 0, 1, 0, 1]);
    const everyFourWeeks: Schedule = {
      kind: "interval",
      every: 4,
      unit: "weeks",
      time: "10:00",
      startDate: "2026-01-05",
    };
    expect(timesOn(everyFourWeeks, "2026-02-02")).toEqual(["10:00"]);
    expect(timesOn(everyFourWeeks, "2026-03-02")).toEqual(["10:00"]);
    expect(timesOn(everyFourWeeks, "2026-02-03")).toEqual([]);
    expect(timesOn(everyFourWeeks, "2025-12-08")).toEqual([]);
  });

  it("clamps monthly day 29–31 to the last day of a shorter month, and to 29 February in a leap year", () => {
    const on31: Schedule = { kind: "monthly", day: 31, time: "10:00", startDate: "2026-01-01" };
    const firing = scheduledDoses(on31, "2026-01-01", "2026-06-30", "UTC").map((d) => d.date);
    expect(firing).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
    ]);
    const on30: Schedule = { kind: "monthly", day: 30, time: "10:00", startDate: "2024-01-01" };
    expect(scheduledDoses(on30, "2024-02-01", "2024-03-31", "UTC").map((d) => d.date)).toEqual([
      "2024-02-29",
      "2024-03-30",
    ]);
    expect(monthlyDayIn(29, "2025-02-10")).toBe(28);
    expect(monthlyDayIn(29, "2024-02-10")).toBe(29);
    expect(monthlyDayIn(15, "2025-02-10")).toBe(15);
  });

  it("gives a schedule started today its doses today and none the day before", () => {
    const schedule = daily(["08:00"], "2026-12-03");
    expect(timesOn(schedule, "2026-12-03")).toEqual(["08:00"]);
    expect(timesOn(schedule, "2026-12-02")).toEqual([]);
  });
});

describe("doseInstant across daylight-saving changes", () => {
  it("fires a daily 08:00 at 08:00 local on both sides of Berlin's spring change (a 23-hour day)", () => {
    const doses = scheduledDoses(daily(["08:00"]), "2026-03-28", "2026-03-30", "Europe/Berlin");
    expect(doses.map((d) => iso(d.at))).toEqual([
      "2026-03-28T07:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ]);
  });

  it("moves a 02:30 dose the clock skips in Berlin to 03:30, once, still named 02:30", () => {
    const doses = scheduledDoses(daily(["02:30"]), "2026-03-29", "2026-03-29", "Europe/Berlin");
    expect(doses).toEqual([{ date: "2026-03-29", time: "02:30", at: Date.parse("2026-03-29T01:30:00Z") }]);
  });

  it("moves a 02:30 dose the clock skips in New York to 03:30 EDT", () => {
    expect(iso(doseInstant("2026-03-08", "02:30", "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
  });

  it("gives a 01:30 dose ONCE on New York's fall-back day, at the first 01:30 (EDT)", () => {
    const doses = scheduledDoses(daily(["01:30"]), "2026-10-31", "2026-11-02", "America/New_York");
    expect(doses.map((d) => iso(d.at))).toEqual([
      "2026-10-31T05:30:00.000Z",
      "2026-11-01T05:30:00.000Z",
      "2026-11-02T06:30:00.000Z",
    ]);
  });

  it("gives a 02:30 dose once on Berlin's fall-back day, at the first 02:30 (CEST)", () => {
    const doses = scheduledDoses(daily(["02:30"]), "2026-10-25", "2026-10-25", "Europe/Berlin");
    expect(doses.map((d) => iso(d.at))).toEqual(["2026-10-25T00:30:00.000Z"]);
  });

  it("follows the southern hemisphere's October spring change (Australia/Sydney)", () => {
    expect(iso(doseInstant("2026-10-03", "08:00", "Australia/Sydney"))).toBe("2026-10-02T22:00:00.000Z");
    expect(iso(doseInstant("2026-10-04", "08:00", "Australia/Sydney"))).toBe("2026-10-03T21:00:00.000Z");
    expect(iso(doseInstant("2026-10-04", "02:30", "Australia/Sydney"))).toBe("2026-10-03T16:30:00.000Z");
    // April's fall-back: 02:30 is shown twice; the dose happens at the first (AEDT, +11).
    expect(iso(doseInstant("2026-04-05", "02:30", "Australia/Sydney"))).toBe("2026-04-04T15:30:00.000Z");
  });

  it("fires at the same wall time in the new zone after the member moves (the dose keeps its date and time)", () => {
    expect(iso(doseInstant("2026-12-03", "08:00", "America/New_York"))).toBe("2026-12-03T13:00:00.000Z");
    expect(iso(doseInstant("2026-12-03", "08:00", "Europe/Berlin"))).toBe("2026-12-03T07:00:00.000Z");
  });
});

describe("doseLogProblem", () => {
  const schedule = daily(["08:00", "20:00"], "2026-12-01");
  const zone = "America/New_York";
  const at8 = Date.parse("2026-12-03T13:00:00Z");

  it("accepts a dose logged for one of the schedule's times once its time has come", () => {
    expect(
      doseLogProblem(schedule, { date: "2026-12-03", time: "08:00", status: "taken" }, at8, zone),
    ).toBeUndefined();
    expect(
      doseLogProblem(schedule, { date: "2026-12-02", time: "20:00", status: "missed" }, at8, zone),
    ).toBeUndefined();
  });

  it("refuses a time that is not one of the schedule's times that day, or a day before the start", () => {
    expect(
      doseLogProblem(schedule, { date: "2026-12-03", time: "09:00", status: "taken" }, at8, zone)?.field,
    ).toBe("time");
    expect(
      doseLogProblem(schedule, { date: "2026-11-30", time: "08:00", status: "taken" }, at8, zone)?.message,
    ).toMatch(/isn't one of/);
  });

  it("lets a dose be taken a little early, but not marked late or missed before its time", () => {
    const early = at8 - TAKE_EARLY_MS;
    expect(
      doseLogProblem(schedule, { date: "2026-12-03", time: "08:00", status: "taken" }, early, zone),
    ).toBeUndefined();
    expect(
      doseLogProblem(schedule, { date: "2026-12-03", time: "08:00", status: "taken" }, early - 1, zone)
        ?.message,
    ).toMatch(/hasn't come/);
    expect(
      doseLogProblem(schedule, { date: "2026-12-03", time: "08:00", status: "missed" }, at8 - 1, zone)
        ?.message,
    ).toMatch(/hasn't come/);
    expect(
      doseLogProblem(schedule, { date: "2026-12-03", time: "20:00", status: "late" }, at8, zone)?.field,
    ).toBe("time");
  });
});

describe("doseStatusesOpen", () => {
  const at = Date.parse("2026-12-03T13:00:00Z");

  it("offers nothing before the early window, only taken within it, and every answer from the dose's time", () => {
    expect(doseStatusesOpen(at, at - TAKE_EARLY_MS - 1)).toEqual([]);
    expect(doseStatusesOpen(at, at - TAKE_EARLY_MS)).toEqual(["taken"]);
    expect(doseStatusesOpen(at, at - 62 * 60_000)).toEqual(["taken"]); // 06:58 for an 08:00 dose
    expect(doseStatusesOpen(at, at - 1)).toEqual(["taken"]);
    expect(doseStatusesOpen(at, at)).toEqual(["taken", "late", "missed"]);
  });

  it("agrees with doseLogProblem at every minute around a dose", () => {
    const schedule = daily(["08:00"], "2026-12-01");
    const zone = "America/New_York";
    for (let now = at - 3 * 3_600_000; now <= at + 3_600_000; now += 60_000) {
      const accepted = (["taken", "late", "missed"] as const).filter(
        (status) => !doseLogProblem(schedule, { date: "2026-12-03", time: "08:00", status }, now, zone),
      );
      expect(doseStatusesOpen(at, now)).toEqual(accepted);
    }
  });
});

describe("scheduleSchema", () => {
  const problems = (value: unknown) => {
    const result = scheduleSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it.each([
    [{ kind: "daily", times: [], startDate: "2026-12-01" }, /times: Add at least one time/],
    [
      { kind: "interval", every: 0, unit: "days", time: "08:00", startDate: "2026-12-01" },
      /every: Every 0 would never/,
    ],
    [
      { kind: "interval", every: 53, unit: "weeks", time: "08:00", startDate: "2026-12-01" },
      /every: At most every 52 weeks/,
    ],
    [
      { kind: "interval", every: 366, unit: "days", time: "08:00", startDate: "2026-12-01" },
      /every: At most every 365 days/,
    ],
    [
      { kind: "daily", times: ["08:00"], startDate: "2026-12-01", endDate: "2026-11-30" },
      /endDate: The end is before the start/,
    ],
    [{ kind: "daily", times: ["25:00"], startDate: "2026-12-01" }, /times.0: Use a 24-hour time/],
    [{ kind: "daily", times: ["8am"], startDate: "2026-12-01" }, /times.0: Use a 24-hour time/],
    [{ kind: "daily", times: ["8:00"], startDate: "2026-12-01" }, /times.0: Use a 24-hour time/],
    [
      { kind: "daily", times: ["08:00", "08:00"], startDate: "2026-12-01" },
      /times: Each time can appear once/,
    ],
    [
      {
        kind: "daily",
        times: ["01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00"],
        startDate: "2026-12-01",
      },
      /times: At most 6 times a day/,
    ],
    [{ kind: "monthly", day: 32, time: "08:00", startDate: "2026-12-01" }, /day: From 1 to 31/],
    [
      { kind: "daily", times: ["08:00"], startDate: "2026-02-30" },
      /startDate: Expected a real calendar date/,
    ],
    [{ kind: "weekly", times: ["08:00"], startDate: "2026-12-01" }, /kind: Choose daily/],
    [
      { kind: "monthly", day: 20, time: "08:00", startDate: "2026-12-01", endDate: "2026-12-10" },
      /endDate: The first dose would be on 2026-12-20, after the end/,
    ],
    [
      { kind: "monthly", day: 5, time: "08:00", startDate: "2026-12-10", endDate: "2027-01-04" },
      /endDate: The first dose would be on 2027-01-05, after the end/,
    ],
  ])("refuses %j with a clear error naming the field", (value, message) => {
    expect(problems(value).join("\n")).toMatch(message);
  });

  it("accepts a schedule that ends on the day it starts", () => {
    expect(problems(daily(["08:00"], "2026-12-01", "2026-12-01"))).toEqual([]);
  });

  it("accepts a monthly schedule whose end is its first dose, day 31 clamped to February's last day", () => {
    const monthly = {
      kind: "monthly",
      day: 31,
      time: "08:00",
      startDate: "2027-02-10",
      endDate: "2027-02-28",
    };
    expect(problems(monthly)).toEqual([]);
    expect(problems({ ...monthly, endDate: "2027-02-27" }).join()).toMatch(/2027-02-28, after the end/);
    expect(firstMonthlyDate(31, "2028-02-01")).toBe("2028-02-29");
  });
});
