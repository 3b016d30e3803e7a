import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  instantAt,
  isTimeZone,
  localDateAt,
  localDateTimeAt,
  wallTimeAsUtc,
  zoneOffsetMinutes,
} from "./zone.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

describe("isTimeZone", () => {
  it.each(["America/New_York", "UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])(
    "accepts the IANA name %s",
    (name) => {
      expect(isTimeZone(name)).toBe(true);
    },
  );

  it.each(["+02:00", "GMT+2", "Mars/Base", "", "America/", "EST", "Europe/Berlin "])("rejects %j", (name) => {
    expect(isTimeZone(name)).toBe(false);
  });
});

describe("localDateAt", () => {
  it("gives the member's own calendar date, not the UTC one", () => {
    const instant = at("2026-02-24T06:30:00Z");
    expect(localDateAt(instant, "UTC")).toBe("2026-02-24");
    expect(localDateAt(instant, "America/Los_Angeles")).toBe("2026-02-23");
    expect(localDateAt(instant, "Pacific/Kiritimati")).toBe("2026-02-24");
    expect(localDateAt(at("2026-02-24T10:30:00Z"), "Pacific/Kiritimati")).toBe("2026-02-25");
  });

  it("reads midnight as hour 0 of the new day, not hour 24 of the old one", () => {
    expect(localDateTimeAt(at("2026-02-23T23:00:00Z"), "Europe/Berlin")).toEqual({
      date: "2026-02-24",
      hour: 0,
      minute: 0,
      second: 0,
    });
  });

  it("moves to the next date at local midnight either side of a spring-forward change", () => {
    // Europe/Berlin springs forward at 2026-03-29T01:00Z: 02:00 CET becomes 03:00 CEST.
    expect(localDateAt(at("2026-03-28T22:59:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(localDateAt(at("2026-03-28T23:00:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(localDateAt(at("2026-03-29T21:59:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(localDateAt(at("2026-03-29T22:00:00Z"), "Europe/Berlin")).toBe("2026-03-30");
  });

  it("starts the day at 01:00 where a southern-hemisphere change skips midnight (America/Santiago)", () => {
    expect(localDateTimeAt(at("2026-09-06T03:59:00Z"), "America/Santiago")).toMatchObject({
      date: "2026-09-05",
      hour: 23,
    });
    expect(localDateTimeAt(at("2026-09-06T04:00:00Z"), "America/Santiago")).toMatchObject({
      date: "2026-09-06",
      hour: 1,
    });
  });

  it("keeps its last answer per zone only within one UTC second: the last millisecond before midnight and the first after", () => {
    const midnight = at("2026-03-28T23:00:00Z"); // 00:00 in Berlin
    expect(localDateAt(midnight - 1, "Europe/Berlin")).toBe("2026-03-28");
    expect(localDateAt(midnight - 1, "Europe/Berlin")).toBe("2026-03-28");
    expect(localDateAt(midnight, "Europe/Berlin")).toBe("2026-03-29");
    expect(localDateAt(midnight - 1, "Europe/Berlin")).toBe("2026-03-28");
    // Before 1970, where floor and truncation differ.
    const early = at("1969-12-31T23:00:00Z"); // 00:00 in Berlin
    expect(localDateAt(early - 1, "Europe/Berlin")).toBe("1969-12-31");
    expect(localDateAt(early, "Europe/Berlin")).toBe("1970-01-01");
  });

  it("answers exactly as the full computation does, whatever the order of the instants asked", () => {
    const zones = [
      "Europe/Berlin",
      "America/Santiago",
      "Pacific/Chatham",
      "Asia/Kathmandu",
      "America/New_York",
    ];
    const instant = fc.integer({ min: at("1900-01-01T00:00:00Z"), max: at("2100-01-01T00:00:00Z") });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, fc.constantFrom(...zones), fc.integer({ min: -1500, max: 1500 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (asks) => {
          for (const [base, zone, nudge] of asks) {
            // Ask a nearby instant first (often the same second), then the one checked.
            localDateAt(base + nudge, zone);
            expect(localDateAt(base, zone)).toBe(localDateTimeAt(base, zone).date);
          }
        },
      ),
    );
  });
});

describe("zoneOffsetMinutes", () => {
  it.each([
    ["2026-01-15T12:00:00Z", "Europe/Berlin", 60],
    ["2026-07-15T12:00:00Z", "Europe/Berlin", 120],
    ["2026-01-15T12:00:00Z", "America/New_York", -300],
    ["2026-01-15T12:00:00Z", "Australia/Sydney", 660],
    ["2026-07-15T12:00:00Z", "Australia/Sydney", 600],
    ["2026-01-15T12:00:00Z", "Asia/Kolkata", 330],
    ["2026-07-15T12:00:00Z", "Pacific/Chatham", 765],
    ["2026-01-15T12:00:00Z", "Pacific/Kiritimati", 840],
  ])("at %s, %s is %i minutes from UTC", (instant, zone, minutes) => {
    expect(zoneOffsetMinutes(at(instant), zone)).toBe(minutes);
  });
});

describe("instantAt", () => {
  it("finds the instant the wall clock shows a time", () => {
    expect(iso(instantAt("2026-02-24", 9, 0, "America/New_York"))).toBe("2026-02-24T14:00:00.000Z");
    expect(iso(instantAt("2026-07-01", 21, 0, "Europe/Berlin"))).toBe("2026-07-01T19:00:00.000Z");
    expect(iso(instantAt("2026-02-24", 0, 0, "Asia/Kolkata"))).toBe("2026-02-23T18:30:00.000Z");
  });

  it("fires a daily 21:00 at 21:00 local on both sides of the autumn change (C14)", () => {
    expect(iso(instantAt("2020-10-24", 21, 0, "Europe/Berlin"))).toBe("2020-10-24T19:00:00.000Z");
    expect(iso(instantAt("2020-10-25", 21, 0, "Europe/Berlin"))).toBe("2020-10-25T20:00:00.000Z");
  });

  it.each([
    ["Europe/Berlin", "2026-03-29", 2, 30, "2026-03-29T01:30:00.000Z"],
    ["America/New_York", "2026-03-08", 2, 30, "2026-03-08T07:30:00.000Z"],
    ["Australia/Sydney", "2026-10-04", 2, 30, "2026-10-03T16:30:00.000Z"],
    ["America/Santiago", "2026-09-06", 0, 0, "2026-09-06T04:00:00.000Z"],
  ])(
    "moves a time skipped by the spring-forward gap in %s past the gap",
    (zone, date, hour, minute, expected) => {
      expect(iso(instantAt(date, hour, minute, zone))).toBe(expected);
    },
  );

  it.each([
    ["Europe/Berlin", "2026-10-25", 2, 30, "2026-10-25T00:30:00.000Z"],
    ["America/New_York", "2026-11-01", 1, 30, "2026-11-01T05:30:00.000Z"],
    ["Australia/Sydney", "2026-04-05", 2, 30, "2026-04-04T15:30:00.000Z"],
    ["America/Santiago", "2026-04-04", 23, 30, "2026-04-05T02:30:00.000Z"],
  ])(
    "gives the earlier of the two instants for a time repeated at the fall-back in %s",
    (zone, date, hour, minute, expected) => {
      expect(iso(instantAt(date, hour, minute, zone))).toBe(expected);
    },
  );

  it("handles years before 100 instead of reading them as 19xx", () => {
    expect(iso(instantAt("0050-06-01", 12, 0, "UTC"))).toBe("0050-06-01T12:00:00.000Z");
    expect(iso(wallTimeAsUtc("0024-10-01"))).toBe("0024-10-01T00:00:00.000Z");
  });

  it("turns any wall time back into the earliest instant that shows it", () => {
    const zones = [
      "Europe/Berlin",
      "America/New_York",
      "Australia/Sydney",
      "America/Santiago",
      "Pacific/Chatham",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: at("1990-01-01T00:00:00Z") / 60_000, max: at("2050-01-01T00:00:00Z") / 60_000 }),
        fc.constantFrom(...zones),
        (minutes, zone) => {
          const instant = minutes * 60_000;
          const local = localDateTimeAt(instant, zone);
          const found = instantAt(local.date, local.hour, local.minute, zone);
          const shown = localDateTimeAt(found, zone);
          // Equal, or an hour earlier when the fall-back repeats this wall time.
          const sameWallTime =
            shown.date === local.date && shown.hour === local.hour && shown.minute === local.minute;
          return sameWallTime && found <= instant && instant - found <= 3_600_000;
        },
      ),
    );
  });
});
