import { afterEach, describe, expect, it, vi } from "vitest";
import { describeLocalDate, monthOf, zoneDisplayName } from "./display.ts";
import { isTimeZone } from "./zone.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("describeLocalDate", () => {
  it.each(["America/Los_Angeles", "Pacific/Kiritimati", "UTC"])(
    "C05 shows a start date of 2024-10-01 as 1 October 2024 when the environment zone is %s",
    (zone) => {
      vi.stubEnv("TZ", zone);
      // Proves the stub took effect, so the assertion below really ran in that zone.
      expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      expect(describeLocalDate("2024-10-01", "en-US")).toBe("October 1, 2024");
      expect(describeLocalDate("2024-10-01", "en-GB")).toBe("1 October 2024");
      expect(describeLocalDate("2024-10-01", "es")).toBe("1 de octubre de 2024");
      expect(monthOf("2024-10-01")).toBe("2024-10");
    },
  );

  it("shows the last and first days of a month as themselves at the edges of the zone range", () => {
    vi.stubEnv("TZ", "Pacific/Kiritimati");
    expect(describeLocalDate("2024-09-30", "en-US")).toBe("September 30, 2024");
    vi.stubEnv("TZ", "Pacific/Pago_Pago");
    expect(describeLocalDate("2024-11-01", "en-US")).toBe("November 1, 2024");
  });

  it("offers the full style with the weekday, still free of any zone shift", () => {
    vi.stubEnv("TZ", "America/Los_Angeles");
    expect(describeLocalDate("2024-10-01", "en-US", "full")).toBe("Tuesday, October 1, 2024");
  });

  it("gives back text that is not a calendar date unchanged", () => {
    expect(describeLocalDate("2025-02-29", "en-US")).toBe("2025-02-29");
  });

  it("shows a leap day and a year before 100 as written", () => {
    expect(describeLocalDate("2024-02-29", "en-US")).toBe("February 29, 2024");
    expect(describeLocalDate("0024-10-01", "en-US")).toBe("October 1, 24");
  });
});

describe("monthOf", () => {
  it("puts a date in its own calendar month for a monthly chart", () => {
    expect(monthOf("2024-10-31")).toBe("2024-10");
    expect(monthOf("2025-01-01")).toBe("2025-01");
  });
});

describe("zoneDisplayName", () => {
  it.each([
    ["Europe/Kiev", "Europe/Kyiv"],
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Asia/Saigon", "Asia/Ho Chi Minh"],
    ["America/Godthab", "America/Nuuk"],
    ["America/Buenos_Aires", "America/Argentina/Buenos Aires"],
  ])("shows %s, as the runtime lists it, by its current name %s", (listed, shown) => {
    expect(zoneDisplayName(listed)).toBe(shown);
  });

  it("shows other zones as they are, with spaces for underscores", () => {
    expect(zoneDisplayName("America/New_York")).toBe("America/New York");
    expect(zoneDisplayName("Europe/Kyiv")).toBe("Europe/Kyiv");
    expect(zoneDisplayName("UTC")).toBe("UTC");
  });

  it("gives every zone the runtime lists its own name, and each new name is one the runtime accepts", () => {
    const listed = Intl.supportedValuesOf("timeZone");
    const shown = listed.map(zoneDisplayName);
    expect(new Set(shown).size).toBe(listed.length);
    for (const zone of listed) expect(isTimeZone(zoneDisplayName(zone).replaceAll(" ", "_"))).toBe(true);
  });
});
