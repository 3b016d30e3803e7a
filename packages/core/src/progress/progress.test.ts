import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, fromDayNumber, toDayNumber } from "../dates/calendar.ts";
import { localDateAt } from "../dates/zone.ts";
import {
  computeProgress,
  computeProgressFromDayNumbers,
  type ProgressInput,
  type RecoveryRecord,
} from "./progress.ts";
import { dayRunsOf, runAtOrBefore } from "./runs.ts";

function recovery(overrides: Partial<RecoveryRecord> = {}): RecoveryRecord {
  return {
    id: "r-1",
    substance: "opioids",
    label: null,
    startDate: "2026-01-01",
    dailyCostCents: null,
    useDates: [],
    ...overrides,
  };
}

function progressOn(today: string, overrides: Partial<ProgressInput> = {}) {
  return computeProgress({ today, timezone: "UTC", recoveries: [], checkinDates: [], ...overrides });
}

/** Progress of a single recovery on `today`. */
function runOn(today: string, overrides: Partial<RecoveryRecord> = {}) {
  const [only] = progressOn(today, { recoveries: [recovery(overrides)] }).recoveries;
  if (!only) throw new Error("expected one recovery");
  return only;
}

const streakOn = (today: string, checkinDates: string[]) => progressOn(today, { checkinDates }).checkinStreak;
const at = (iso: string) => Date.parse(iso);

describe("days in recovery", () => {
  it.each([
    ["2026-02-24", 0],
    ["2026-02-23", 1],
    ["2026-01-31", 24],
  ])("C02 counts a start on %s as %i days on 2026-02-24", (startDate, days) => {
    const run = runOn("2026-02-24", { startDate });
    expect(run.currentDays).toBe(days);
    expect(run.soberSince).toBe(startDate);
  });

  it("counts a future start date as 0 days with nothing earned yet", () => {
    const run = runOn("2026-02-24", { startDate: "2026-03-01", useDates: ["2026-02-20"] });
    expect(run).toMatchObject({ currentDays: 0, longestDays: 0, totalSoberDays: 0, soberDaysLast30: 0 });
    expect(run.lastUseDate).toBeNull();
  });

  it("C01 counts across the 23-hour day of a spring-forward change by the member's local dates", () => {
    const zone = "Europe/Berlin";
    const startDate = localDateAt(at("2026-03-28T07:00:00Z"), zone);
    const today = localDateAt(at("2026-03-29T22:30:00Z"), zone); // 00:30 CEST on 30 March
    expect([startDate, today]).toEqual(["2026-03-28", "2026-03-30"]);
    expect(runOn(today, { startDate }).currentDays).toBe(2);
  });
});

describe("check-in streak", () => {
  it("C01 counts a 23-hour day as one day in the streak", () => {
    const zone = "Europe/Berlin";
    // 23:30 local each evening; the clocks spring forward in the night of 28–29 March, so the gaps are 23 h and 24 h.
    const checkins = ["2026-03-28T22:30:00Z", "2026-03-29T21:30:00Z", "2026-03-30T05:00:00Z"].map((t) =>
      localDateAt(at(t), zone),
    );
    expect(checkins).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(streakOn(localDateAt(at("2026-03-30T18:00:00Z"), zone), checkins)).toBe(3);
  });

  it("C01 counts a 25-hour day as one day in the streak", () => {
    const zone = "Europe/Berlin";
    // 23:30 CEST on 24 October and 23:30 CET on 25 October are 25 hours apart: a gap of one day, not one and a bit.
    const checkins = ["2026-10-24T21:30:00Z", "2026-10-25T22:30:00Z", "2026-10-26T06:00:00Z"].map((t) =>
      localDateAt(at(t), zone),
    );
    expect(checkins).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
    expect(daysBetween("2026-10-24", "2026-10-25")).toBe(1);
    expect(streakOn(localDateAt(at("2026-10-26T06:00:00Z"), zone), checkins)).toBe(3);
  });

  it("C04 keeps a streak of 2 just after midnight before today's check-in", () => {
    const today = localDateAt(at("2026-08-24T00:05:00-04:00"), "America/New_York");
    expect(today).toBe("2026-08-24");
    expect(streakOn(today, ["2026-08-22", "2026-08-23"])).toBe(2);
  });

  it("C04 control: a day without a check-in between breaks the streak", () => {
    expect(streakOn("2026-08-24", ["2026-08-21", "2026-08-23"])).toBe(1);
  });

  it("extends the streak to today once today has a check-in", () => {
    expect(streakOn("2026-08-24", ["2026-08-22", "2026-08-23", "2026-08-24"])).toBe(3);
  });

  it("is 0 once a whole day has ended without a check-in", () => {
    expect(streakOn("2026-08-24", ["2026-08-20", "2026-08-21", "2026-08-22"])).toBe(0);
  });

  it("ignores duplicate, unordered and future check-in dates", () => {
    expect(
      streakOn("2026-08-24", ["2026-08-23", "2026-08-21", "2026-08-22", "2026-08-23", "2026-08-25"]),
    ).toBe(3);
  });

  it("counts a streak through a month end and a leap day", () => {
    expect(streakOn("2024-03-01", ["2024-02-28", "2024-02-29", "2024-03-01"])).toBe(3);
  });
});

describe("southern-hemisphere clock changes", () => {
  // Check-ins at 23:30 local on three evenings around a 25-hour day (autumn) and a 23-hour day (spring).
  it.each([
    [
      "Australia/Sydney",
      "2026-04-05",
      ["2026-04-04T12:30:00Z", "2026-04-05T13:30:00Z", "2026-04-06T13:30:00Z"],
    ],
    [
      "Australia/Sydney",
      "2026-10-04",
      ["2026-10-03T13:30:00Z", "2026-10-04T12:30:00Z", "2026-10-05T12:30:00Z"],
    ],
    [
      "America/Santiago",
      "2026-04-04",
      ["2026-04-04T02:30:00Z", "2026-04-05T03:30:00Z", "2026-04-06T03:30:00Z"],
    ],
    [
      "America/Santiago",
      "2026-09-06",
      ["2026-09-06T03:30:00Z", "2026-09-07T02:30:00Z", "2026-09-08T02:30:00Z"],
    ],
  ])(
    "gives consecutive local dates and a streak of 3 around the change in %s on %s",
    (zone, changeDay, instants) => {
      const dates = instants.map((t) => localDateAt(at(t), zone));
      expect(dates).toEqual([addDays(changeDay, -1), changeDay, addDays(changeDay, 1)]);
      const today = dates[2] ?? "";
      expect(streakOn(today, dates)).toBe(3);
      expect(runOn(today, { startDate: dates[0] }).currentDays).toBe(2);
    },
  );
});

describe("a member who changes time zone", () => {
  it("counts from the date it is in the zone they have now, from the same run", () => {
    const instant = at("2026-06-15T20:00:00Z");
    const inAuckland = localDateAt(instant, "Pacific/Auckland");
    const inLosAngeles = localDateAt(instant, "America/Los_Angeles");
    expect([inAuckland, inLosAngeles]).toEqual(["2026-06-16", "2026-06-15"]);

    const member = {
      recoveries: [recovery({ startDate: "2026-06-01", useDates: ["2026-06-05"] })],
      checkinDates: ["2026-06-13", "2026-06-14", "2026-06-15"],
    };
    const before = computeProgress({ today: inAuckland, timezone: "Pacific/Auckland", ...member });
    const after = computeProgress({ today: inLosAngeles, timezone: "America/Los_Angeles", ...member });

    expect(before.recoveries[0]?.soberSince).toBe(after.recoveries[0]?.soberSince);
    expect(before.recoveries[0]?.currentDays).toBe(10);
    expect(after.recoveries[0]?.currentDays).toBe(9);
    // 16 June in Auckland has no check-in yet; 15 June in Los Angeles has one: both streaks are 3.
    expect(before.checkinStreak).toBe(3);
    expect(after.checkinStreak).toBe(3);
  });

  it("counts a use dated after today, recorded before a move westwards, as a use today", () => {
    // 5 December has begun in Kiritimati (UTC+14) while it is still 4 December in Pago Pago (UTC−11).
    const instant = at("2026-12-05T09:00:00Z");
    expect(localDateAt(instant, "Pacific/Kiritimati")).toBe("2026-12-05");
    const today = localDateAt(instant, "Pacific/Pago_Pago");
    expect(today).toBe("2026-12-04");

    const [run] = computeProgress({
      today,
      timezone: "Pacific/Pago_Pago",
      recoveries: [recovery({ startDate: "2026-11-01", useDates: ["2026-12-05"] })],
      checkinDates: ["2026-12-05"],
    }).recoveries;
    expect(run).toMatchObject({
      soberSince: "2026-12-05",
      currentDays: 0,
      longestDays: 33, // 1 November to 3 December, made before the use
      totalSoberDays: 33,
      lastUseDate: "2026-12-05",
    });
  });

  it("names the latest recorded use when uses fall both on today and after it", () => {
    const run = runOn("2026-12-04", { startDate: "2026-11-01", useDates: ["2026-12-05", "2026-12-04"] });
    expect(run).toMatchObject({ currentDays: 0, soberSince: "2026-12-05", lastUseDate: "2026-12-05" });
  });
});

describe("a leap-day start", () => {
  it.each([
    ["2024-02-29", 0],
    ["2024-03-01", 1],
    ["2025-02-28", 365],
    ["2025-03-01", 366],
  ])("counts from 2024-02-29 to %s as %i days", (today, days) => {
    expect(runOn(today, { startDate: "2024-02-29" }).currentDays).toBe(days);
  });

  it("puts the 2-year milestone on 28 February 2026", () => {
    expect(runOn("2025-03-01", { startDate: "2024-02-29" }).nextMilestone).toEqual({
      days: 730,
      date: "2026-02-28",
    });
  });
});

describe("empty data", () => {
  it("gives no recoveries and no streak for a member with nothing recorded", () => {
    expect(
      computeProgress({ today: "2026-02-24", timezone: "Europe/Berlin", recoveries: [], checkinDates: [] }),
    ).toEqual({ today: "2026-02-24", timezone: "Europe/Berlin", checkinStreak: 0, recoveries: [] });
  });

  it("treats days without any check-in as days without use", () => {
    const run = runOn("2026-01-11", { startDate: "2026-01-01" });
    expect(run).toMatchObject({ currentDays: 10, longestDays: 10, totalSoberDays: 10, soberDaysLast30: 10 });
    expect(run.lastUseDate).toBeNull();
  });
});

describe("lapses", () => {
  it("starts the run the day after a use on the start day", () => {
    const run = runOn("2026-01-10", { startDate: "2026-01-01", useDates: ["2026-01-01"] });
    expect(run).toMatchObject({
      soberSince: "2026-01-02",
      currentDays: 8,
      longestDays: 8,
      totalSoberDays: 8,
      lastUseDate: "2026-01-01",
    });
  });

  it("shows 0 days and tomorrow as the new start on the day of a lapse, keeping the days already made", () => {
    const run = runOn("2026-01-10", { startDate: "2026-01-01", useDates: ["2026-01-10"] });
    expect(run).toMatchObject({
      soberSince: "2026-01-11",
      currentDays: 0,
      longestDays: 9,
      totalSoberDays: 9,
      soberDaysLast30: 9,
      lastUseDate: "2026-01-10",
      nextMilestone: { days: 1, date: "2026-01-12" },
    });
  });

  it("keeps the longest run from before several lapses and counts every day without use", () => {
    const run = runOn("2026-02-01", {
      startDate: "2026-01-01",
      useDates: ["2026-01-21", "2026-01-05", "2026-01-20", "2026-01-20"],
    });
    expect(run).toMatchObject({
      soberSince: "2026-01-22",
      currentDays: 10,
      longestDays: 14, // 6 January up to the use on 20 January
      totalSoberDays: 28, // 31 complete days less 3 days with use
      soberDaysLast30: 27, // 2–31 January less 3 days with use
      lastUseDate: "2026-01-21",
    });
  });

  it("ignores uses recorded before the start date", () => {
    const run = runOn("2026-01-10", {
      startDate: "2026-01-05",
      useDates: ["2026-01-04", "2025-12-01"],
    });
    expect(run).toMatchObject({
      soberSince: "2026-01-05",
      currentDays: 5,
      totalSoberDays: 5,
      lastUseDate: null,
    });
  });

  it("counts the last 30 complete days only, so the recent count is at most 30", () => {
    const run = runOn("2026-06-01", {
      startDate: "2025-01-01",
      useDates: ["2026-05-01", "2026-04-30", "2026-05-31"],
    });
    // The window is 2–31 May: only the use on 31 May falls in it.
    expect(run.soberDaysLast30).toBe(29);
    expect(runOn("2026-06-01", { startDate: "2025-01-01" }).soberDaysLast30).toBe(30);
  });

  it("keeps the invariants between the counts for any pattern of use", () => {
    const start = toDayNumber("2025-01-01");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.array(fc.integer({ min: -50, max: 850 }), { maxLength: 60 }),
        (todayOffset, useOffsets) => {
          const today = fromDayNumber(start + todayOffset);
          const useDates = useOffsets.map((offset) => fromDayNumber(start + offset));
          const run = runOn(today, { startDate: "2025-01-01", useDates });
          const completedUses = new Set(useOffsets.filter((o) => o >= 0 && o < todayOffset)).size;
          expect(run.totalSoberDays).toBe(todayOffset - completedUses);
          expect(run.longestDays).toBeGreaterThanOrEqual(run.currentDays);
          expect(run.totalSoberDays).toBeGreaterThanOrEqual(run.longestDays);
          expect(run.soberDaysLast30).toBeLessThanOrEqual(Math.min(30, run.totalSoberDays));
          expect(run.currentDays).toBe(Math.max(0, daysBetween(run.soberSince, today)));
        },
      ),
    );
  });
});

describe("money not spent", () => {
  it.each([
    [1999, 3, 59.97],
    [1, 7, 0.07],
    [10, 3, 0.3],
    [333, 3, 9.99],
    [2500, 0, 0],
  ])("gives %i cents a day over %i days as %d, exact to the cent", (dailyCostCents, days, expected) => {
    const today = addDays("2026-01-01", days);
    expect(runOn(today, { startDate: "2026-01-01", dailyCostCents }).moneyNotSpent).toBe(expected);
  });

  it("counts only days without use", () => {
    const run = runOn("2026-01-11", {
      startDate: "2026-01-01",
      dailyCostCents: 1250,
      useDates: ["2026-01-03"],
    });
    expect(run.moneyNotSpent).toBe(112.5);
  });

  it("rounds a daily cost that arrives a hair off whole cents", () => {
    expect(runOn("2026-01-11", { dailyCostCents: 0.29 * 100 }).moneyNotSpent).toBe(2.9);
  });

  it("leaves the amount out when no daily cost was given", () => {
    expect(runOn("2026-01-11", { dailyCostCents: null })).not.toHaveProperty("moneyNotSpent");
  });
});

describe("several recoveries", () => {
  it("reports each recovery in the order given", () => {
    const recoveries = [
      recovery({ id: "b", substance: "alcohol", startDate: "2026-01-20" }),
      recovery({ id: "a", substance: "nicotine", label: "vaping", startDate: "2025-12-01" }),
    ];
    const progress = progressOn("2026-02-01", { recoveries });
    expect(progress.recoveries.map((r) => [r.id, r.substance, r.label, r.currentDays])).toEqual([
      ["b", "alcohol", null, 12],
      ["a", "nicotine", "vaping", 62],
    ]);
  });

  it("handles years of daily data for many recoveries at once", () => {
    const startDate = "2020-01-01";
    const days = Array.from({ length: 3000 }, (_, i) => addDays(startDate, i));
    const useDates = days.filter((_, i) => i % 97 === 0);
    const recoveries = Array.from({ length: 12 }, (_, i) => recovery({ id: `r-${i}`, startDate, useDates }));
    const today = addDays(startDate, 3000);
    const progress = progressOn(today, { recoveries, checkinDates: [...days].reverse() });
    expect(progress.checkinStreak).toBe(3000);
    expect(progress.recoveries).toHaveLength(12);
    expect(progress.recoveries[0]).toMatchObject({ totalSoberDays: 3000 - useDates.length, longestDays: 96 });
  });
});

describe("dates as day numbers", () => {
  it("counts the streak as walking back day by day through a set of the dates would", () => {
    const base = toDayNumber("2026-01-01");
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: base - 60, max: base + 5 }), { maxLength: 80 }),
        fc.integer({ min: base - 5, max: base + 5 }),
        (days, today) => {
          const set = new Set(days);
          const last = set.has(today) ? today : today - 1;
          let expected = 0;
          while (set.has(last - expected)) expected += 1;
          expect(streakOn(fromDayNumber(today), days.map(fromDayNumber))).toBe(expected);
        },
      ),
    );
  });

  it("gives exactly what the same dates as text give", () => {
    const base = toDayNumber("2026-01-01");
    const day = fc.integer({ min: base - 800, max: base + 40 });
    fc.assert(
      fc.property(
        day,
        fc.array(day, { maxLength: 120 }),
        fc.array(
          fc.tuple(day, fc.array(day, { maxLength: 12 }), fc.option(fc.integer({ min: 0, max: 5000 }))),
          {
            maxLength: 3,
          },
        ),
        (today, checkins, recoveries) => {
          const input: ProgressInput = {
            today: fromDayNumber(today),
            timezone: "UTC",
            checkinDates: checkins.map(fromDayNumber),
            recoveries: recoveries.map(([start, uses, cents], i) =>
              recovery({
                id: `r-${i}`,
                startDate: fromDayNumber(start),
                useDates: uses.map(fromDayNumber),
                dailyCostCents: cents,
              }),
            ),
          };
          expect(
            computeProgressFromDayNumbers({
              today: input.today,
              timezone: input.timezone,
              checkinRun: runAtOrBefore(dayRunsOf(checkins), today) ?? null,
              recoveries: input.recoveries.map(({ useDates, ...r }) => ({
                ...r,
                useDays: useDates.map(toDayNumber),
              })),
            }),
          ).toEqual(computeProgress(input));
        },
      ),
    );
  });
});
