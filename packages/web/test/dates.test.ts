import { zoneDisplayName } from "@cairn/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeLocalDate, detectTimeZone, listTimeZones, todayIn, yesterdayIn } from "../src/lib/dates.ts";

const originalTz = process.env.TZ;

// The device's own zone must never shift a date the member means (case C05). Node re-reads TZ when it
// changes, so each zone below really is the "browser" zone for the test.
const DEVICE_ZONES = ["America/Los_Angeles", "Pacific/Kiritimati", "UTC", "Asia/Kolkata"];

describe.each(DEVICE_ZONES)("on a device in %s", (zone) => {
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("C05: shows a stored start date 2024-10-01 as 1 October 2024", () => {
    expect(describeLocalDate("2024-10-01", "en-GB")).toBe("1 October 2024");
    expect(describeLocalDate("2024-10-01", "en-US")).toBe("October 1, 2024");
    expect(describeLocalDate("2024-10-01", "en-US", "full")).toBe("Tuesday, October 1, 2024");
  });

  it("C05: keeps month and year boundaries", () => {
    expect(describeLocalDate("2026-12-31", "en-GB")).toBe("31 December 2026");
    expect(describeLocalDate("2027-01-01", "en-GB")).toBe("1 January 2027");
    expect(describeLocalDate("2028-02-29", "en-GB")).toBe("29 February 2028");
  });

  it("computes the member's today in their stored zone, not the device's", () => {
    // 2026-03-01 07:30 UTC: still 28 February in Los Angeles, already 1 March in Kiritimati.
    const instant = Date.UTC(2026, 2, 1, 7, 30);
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-02-28");
    expect(todayIn("Pacific/Kiritimati", instant)).toBe("2026-03-01");
    expect(yesterdayIn("Pacific/Kiritimati", instant)).toBe("2026-02-28");
  });
});

describe("the zone set-up used above", () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("really changes the device zone (control: the naive parse shows the wrong day in Los Angeles)", () => {
    process.env.TZ = "America/Los_Angeles";
    // This is the bug describeLocalDate avoids: midnight UTC is the evening before in the Americas.
    expect(new Date("2024-10-01").getDate()).toBe(30);
    process.env.TZ = "Pacific/Kiritimati";
    expect(new Date("2024-10-01").getDate()).toBe(1);
  });
});

describe("describeLocalDate", () => {
  it("returns text that is not a date unchanged rather than inventing one", () => {
    expect(describeLocalDate("2026-02-30", "en-GB")).toBe("2026-02-30");
    expect(describeLocalDate("soon", "en-GB")).toBe("soon");
  });

  it("keeps years before 100 as written", () => {
    expect(describeLocalDate("0099-05-04", "en-GB")).toContain("99");
    expect(describeLocalDate("0099-05-04", "en-GB")).not.toContain("1999");
  });
});

describe("time zones", () => {
  it("detects a zone name", () => {
    expect(detectTimeZone()).toMatch(/\w/);
  });

  it("lists zones sorted by the name shown, with UTC and the member's own zone always present", () => {
    const zones = listTimeZones("America/New_York");
    expect(zones).toContain("UTC");
    expect(zones).toContain("America/New_York");
    expect(zones).toContain("Europe/Berlin");
    const shown = zones.map(zoneDisplayName);
    expect([...shown].sort((a, b) => a.localeCompare(b))).toEqual(shown);
    // Kyiv is listed (as ICU's "Europe/Kiev") between Kirov and Lisbon, where its shown name sorts.
    expect(shown.slice(shown.indexOf("Europe/Kirov"), shown.indexOf("Europe/Kirov") + 2)).toEqual([
      "Europe/Kirov",
      "Europe/Kyiv",
    ]);
    expect(new Set(zones).size).toBe(zones.length);
  });
});
