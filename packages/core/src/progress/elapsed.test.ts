import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { elapsedSince } from "./elapsed.ts";

const at = (iso: string) => Date.parse(iso);

describe("elapsedSince", () => {
  it("C03 counts 23:20 yesterday to 09:00 today as 0 days 9 h 40 min, never 1 day", () => {
    expect(elapsedSince("2023-03-05", 23, 20, at("2023-03-06T09:00:00-05:00"), "America/New_York")).toEqual({
      days: 0,
      hours: 9,
      minutes: 40,
    });
  });

  it("C03 across the spring-forward night counts the real 8 h 40 min since the start", () => {
    // New York springs forward at 02:00 on 12 March 2023.
    expect(elapsedSince("2023-03-11", 23, 20, at("2023-03-12T09:00:00-04:00"), "America/New_York")).toEqual({
      days: 0,
      hours: 8,
      minutes: 40,
    });
  });

  it("turns the day over exactly at the start time of day", () => {
    const zone = "America/New_York";
    expect(elapsedSince("2023-03-05", 23, 20, at("2023-03-06T23:19:00-05:00"), zone)).toEqual({
      days: 0,
      hours: 23,
      minutes: 59,
    });
    expect(elapsedSince("2023-03-05", 23, 20, at("2023-03-06T23:20:00-05:00"), zone)).toEqual({
      days: 1,
      hours: 0,
      minutes: 0,
    });
  });

  it("counts calendar days over years, including a leap day", () => {
    expect(elapsedSince("2024-02-29", 8, 0, at("2025-03-01T07:59:00Z"), "UTC")).toEqual({
      days: 365,
      hours: 23,
      minutes: 59,
    });
  });

  it("is all zeros before the start", () => {
    expect(elapsedSince("2026-02-24", 12, 0, at("2026-02-24T11:00:00Z"), "UTC")).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
    });
    expect(elapsedSince("2026-02-24", 12, 0, at("2026-02-20T11:00:00Z"), "UTC")).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
    });
  });

  it("counts real hours on a 25-hour day, which can read 24 h before the day turns", () => {
    // Berlin falls back at 03:00 CEST on 25 October 2026; 12:00 to 12:00 spans 25 hours.
    const zone = "Europe/Berlin";
    expect(elapsedSince("2026-10-24", 12, 0, at("2026-10-25T11:30:00+01:00"), zone)).toEqual({
      days: 0,
      hours: 24,
      minutes: 30,
    });
    expect(elapsedSince("2026-10-24", 12, 0, at("2026-10-25T12:00:00+01:00"), zone)).toEqual({
      days: 1,
      hours: 0,
      minutes: 0,
    });
  });

  it("holds the previous day until a start time skipped by the spring-forward gap has passed", () => {
    // 02:30 does not exist in Berlin on 29 March 2026; that day's anniversary falls at 03:30 CEST.
    const zone = "Europe/Berlin";
    expect(elapsedSince("2026-03-28", 2, 30, at("2026-03-29T03:10:00+02:00"), zone)).toEqual({
      days: 0,
      hours: 23,
      minutes: 40,
    });
    expect(elapsedSince("2026-03-28", 2, 30, at("2026-03-29T03:30:00+02:00"), zone)).toEqual({
      days: 1,
      hours: 0,
      minutes: 0,
    });
  });

  it("keeps counting forward through a repeated hour at the fall-back", () => {
    // 02:10 CET on 25 October 2026 comes after 02:30 CEST, the first time the clock showed the start time.
    expect(elapsedSince("2026-10-24", 2, 30, at("2026-10-25T02:10:00+01:00"), "Europe/Berlin")).toEqual({
      days: 1,
      hours: 0,
      minutes: 40,
    });
  });

  it("never goes backwards as time passes, in zones with clock changes", () => {
    const zones = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago"];
    const from = at("2026-01-01T00:00:00Z");
    const to = at("2027-01-01T00:00:00Z");
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 1, max: 3 * 3_600_000 }),
        (zone, hour, minute, now, step) => {
          const before = elapsedSince("2025-12-20", hour, minute, now, zone);
          const after = elapsedSince("2025-12-20", hour, minute, now + step, zone);
          const order = (e: typeof before) => e.days * 10_000 + e.hours * 60 + e.minutes;
          return order(after) >= order(before) && before.hours <= 24 && after.hours <= 24;
        },
      ),
    );
  });
});
