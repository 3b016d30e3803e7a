import { describe, expect, it } from "vitest";
import { addDays } from "../dates/calendar.ts";
import { addYears, nextMilestone, reachedMilestone } from "./milestones.ts";
import { computeProgress } from "./progress.ts";

describe("nextMilestone", () => {
  it.each([
    [0, 1],
    [1, 7],
    [6, 7],
    [13, 14],
    [14, 30],
    [29, 30],
    [59, 60],
    [89, 90],
    [179, 180],
    [364, 365],
  ])("after %i days is %i days, counted on the calendar from the run's first day", (currentDays, days) => {
    expect(nextMilestone("2026-01-01", currentDays)).toEqual({ days, date: addDays("2026-01-01", days) });
  });

  it("after 365 days is 2 years on the calendar: the same date two years on", () => {
    expect(nextMilestone("2025-01-10", 365)).toEqual({ days: 730, date: "2027-01-10" });
    // This span holds 29 February 2024, so two calendar years are 731 days.
    expect(nextMilestone("2023-06-01", 365)).toEqual({ days: 731, date: "2025-06-01" });
  });

  it("moves to the next anniversary only once the current one is reached", () => {
    expect(nextMilestone("2023-06-01", 730)).toEqual({ days: 731, date: "2025-06-01" });
    expect(nextMilestone("2023-06-01", 731)).toEqual({ days: 1096, date: "2026-06-01" });
  });

  it("finds anniversaries decades on", () => {
    expect(nextMilestone("1990-05-20", 12_000)).toEqual({ days: 12_053, date: "2023-05-20" });
  });

  it("puts the anniversaries of a 29 February start on 28 February in common years", () => {
    expect(nextMilestone("2024-02-29", 365)).toEqual({ days: 730, date: "2026-02-28" });
    expect(nextMilestone("2024-02-29", 730)).toEqual({ days: 1095, date: "2027-02-28" });
    expect(nextMilestone("2024-02-29", 1095)).toEqual({ days: 1461, date: "2028-02-29" });
  });
});

describe("addYears", () => {
  it("keeps the month and day, clamping 29 February in a common year", () => {
    expect(addYears("2026-02-24", 2)).toBe("2028-02-24");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });
});

describe("reachedMilestone", () => {
  it.each([1, 7, 14, 30, 60, 90, 180, 365])("celebrates day %i", (days) => {
    expect(reachedMilestone({ soberSince: "2026-01-01", currentDays: days })).toEqual({
      days,
      date: addDays("2026-01-01", days),
    });
  });

  it.each([0, 2, 13, 15, 366, 729])("stays quiet on day %i", (days) => {
    expect(reachedMilestone({ soberSince: "2025-01-10", currentDays: days })).toBeNull();
  });

  it("celebrates a calendar anniversary, including a leap-day start's 28 February", () => {
    expect(reachedMilestone({ soberSince: "2025-01-10", currentDays: 730 })).toEqual({
      days: 730,
      date: "2027-01-10",
    });
    expect(reachedMilestone({ soberSince: "2024-02-29", currentDays: 730 })).toEqual({
      days: 730,
      date: "2026-02-28",
    });
    expect(reachedMilestone({ soberSince: "2024-02-29", currentDays: 731 })).toBeNull();
  });

  it("works on what computeProgress returns, on the exact day", () => {
    const progress = computeProgress({
      today: "2026-01-15",
      timezone: "UTC",
      checkinDates: [],
      recoveries: [
        {
          id: "r",
          substance: "alcohol",
          label: null,
          startDate: "2026-01-01",
          dailyCostCents: null,
          useDates: [],
        },
      ],
    });
    const [run] = progress.recoveries;
    expect(run && reachedMilestone(run)).toEqual({ days: 14, date: "2026-01-15" });
    expect(run?.nextMilestone).toEqual({ days: 30, date: "2026-01-31" });
  });
});
