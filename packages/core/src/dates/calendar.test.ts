import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  compareLocalDates,
  dayNumbersOfList,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  fromDayNumber,
  isLeapYear,
  isLocalDate,
  maxDate,
  minDate,
  parseLocalDate,
  toDayNumber,
  weekdayOf,
} from "./calendar.ts";

const FIRST_DAY = toDayNumber("0001-01-01");
const LAST_DAY = toDayNumber("9999-12-31");
const anyDayNumber = fc.integer({ min: FIRST_DAY, max: LAST_DAY });

describe("parseLocalDate", () => {
  it("reads a real calendar date into its parts", () => {
    expect(parseLocalDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    ["2025-02-29", "29 February in a common year"],
    ["1900-02-29", "29 February in a century year that is not a leap year"],
    ["2026-02-30", "30 February"],
    ["2026-04-31", "31 April"],
    ["2026-13-01", "month 13"],
    ["2026-00-10", "month 0"],
    ["2026-01-00", "day 0"],
    ["0000-01-01", "year 0"],
    ["2026-1-1", "digits without zero padding"],
    ["26-01-01", "a two-digit year"],
    ["2026/01/01", "slashes"],
    ["2026-01-01T00:00:00Z", "a timestamp"],
    [" 2026-01-01", "leading space"],
    ["", "empty text"],
  ])("rejects %s (%s)", (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
    expect(isLocalDate(text)).toBe(false);
  });

  it("accepts 29 February in a leap year, including a 400-year century", () => {
    expect(isLocalDate("2000-02-29")).toBe(true);
    expect(isLocalDate("2024-02-29")).toBe(true);
  });

  it("round-trips every date through format and parse", () => {
    fc.assert(
      fc.property(anyDayNumber, (n) => {
        const date = fromDayNumber(n);
        const civil = parseLocalDate(date);
        expect(civil).toBeDefined();
        expect(civil && formatLocalDate(civil)).toBe(date);
      }),
    );
  });
});

describe("leap years and month lengths", () => {
  it("follows the Gregorian rule: every 4 years, not every 100, but every 400", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it("gives February 29 days only in a leap year", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });
});

describe("day numbers", () => {
  it.each([
    ["1970-01-01", 0],
    ["1969-12-31", -1],
    ["2000-01-01", 10957],
    ["2000-03-01", 11017],
    ["2024-02-29", 19782],
    ["0001-01-01", -719162],
    ["9999-12-31", 2932896],
  ])("numbers %s as day %i since 1970-01-01", (date, dayNumber) => {
    expect(toDayNumber(date)).toBe(dayNumber);
    expect(fromDayNumber(dayNumber)).toBe(date);
  });

  it("refuses to number text that is not a calendar date", () => {
    expect(() => toDayNumber("2025-02-29")).toThrow(RangeError);
  });

  it("numbers a joined list of dates in place, as splitting it and numbering each would", () => {
    fc.assert(
      fc.property(fc.array(anyDayNumber, { maxLength: 400 }), (numbers) => {
        const dates = numbers.map(fromDayNumber);
        expect(dayNumbersOfList(dates.join(","))).toEqual(numbers);
        expect(dayNumbersOfList(dates.join(";"), ";")).toEqual(numbers);
      }),
    );
    expect(dayNumbersOfList("")).toEqual([]);
  });

  it.each([
    "2026-01-01,2025-02-29",
    "2026-01-01,",
    ",2026-01-01",
    "2026-01-01;2026-01-02",
    "2026-01-01,2026-1-02",
    "2026-01-01,2026-01-0x",
    "2026-01-01,,2026-01-02",
    "2026-01-01 ,2026-01-02",
  ])("refuses the list %j with a RangeError naming the bad item", (joined) => {
    expect(() => dayNumbersOfList(joined)).toThrow(RangeError);
  });

  it("inverts fromDayNumber with toDayNumber over years 1 to 9999", () => {
    fc.assert(fc.property(anyDayNumber, (n) => toDayNumber(fromDayNumber(n)) === n));
  });

  it("makes the next day number the next calendar day, rolling over months and years", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY - 1 }), (n) => {
        const today = parseLocalDate(fromDayNumber(n));
        const next = parseLocalDate(fromDayNumber(n + 1));
        if (!today || !next) return false;
        if (today.day < daysInMonth(today.year, today.month)) {
          return next.year === today.year && next.month === today.month && next.day === today.day + 1;
        }
        if (today.month < 12)
          return next.year === today.year && next.month === today.month + 1 && next.day === 1;
        return next.year === today.year + 1 && next.month === 1 && next.day === 1;
      }),
    );
  });
});

describe("addDays and daysBetween", () => {
  it("counts calendar days, so the day before a date is 1 day before it (C02)", () => {
    expect(daysBetween("2026-02-23", "2026-02-24")).toBe(1);
    expect(daysBetween("2026-01-31", "2026-02-24")).toBe(24);
    expect(daysBetween("2026-02-24", "2026-02-24")).toBe(0);
    expect(daysBetween("2026-02-24", "2026-02-23")).toBe(-1);
  });

  it("crosses a leap day and a year end", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("counts 23- and 25-hour days as one day each (C01)", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });

  it("gives back the offset it added, over a wide range of dates and offsets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST_DAY + 200_000, max: LAST_DAY - 200_000 }),
        fc.integer({ min: -200_000, max: 200_000 }),
        (n, offset) => {
          const date = fromDayNumber(n);
          const later = addDays(date, offset);
          return daysBetween(date, later) === offset && addDays(later, -offset) === date;
        },
      ),
    );
  });
});

describe("weekdayOf", () => {
  it.each([
    ["1970-01-01", 4],
    ["2024-02-29", 4],
    ["2026-02-23", 1],
    ["2026-02-24", 2],
    ["2026-03-01", 7],
    ["1969-12-28", 7],
  ])("gives %s ISO weekday %i (1 = Monday)", (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it("advances by one each day and wraps from Sunday to Monday", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY - 1 }), (n) => {
        const today = weekdayOf(fromDayNumber(n));
        return weekdayOf(fromDayNumber(n + 1)) === (today % 7) + 1;
      }),
    );
  });
});

describe("ordering", () => {
  it("orders zero-padded dates as text, matching day numbers", () => {
    fc.assert(
      fc.property(anyDayNumber, anyDayNumber, (a, b) => {
        const order = compareLocalDates(fromDayNumber(a), fromDayNumber(b));
        return Math.sign(order) === Math.sign(a - b);
      }),
    );
  });

  it("picks the earlier and later of two dates", () => {
    expect(minDate("2026-02-24", "2025-12-31")).toBe("2025-12-31");
    expect(maxDate("2026-02-24", "2025-12-31")).toBe("2026-02-24");
  });
});
