import { describe, expect, it } from "vitest";
import { earliestStartDate, startDateProblem } from "./schema.ts";

describe("startDateProblem", () => {
  it("accepts today and any day back to the same date a century ago", () => {
    expect(startDateProblem("2026-12-04", "2026-12-04")).toBeUndefined();
    expect(startDateProblem("1926-12-04", "2026-12-04")).toBeUndefined();
  });

  it("refuses a day after today", () => {
    expect(startDateProblem("2026-12-05", "2026-12-04")).toBe("The start date can't be in the future");
  });

  it("refuses a day more than 100 years ago, such as 1026 typed for 2026", () => {
    expect(startDateProblem("1926-12-03", "2026-12-04")).toBe("The start date can be at most 100 years ago");
    expect(startDateProblem("1026-12-04", "2026-12-04")).toBe("The start date can be at most 100 years ago");
  });
});

describe("earliestStartDate", () => {
  it("is the same day a century earlier", () => {
    expect(earliestStartDate("2026-12-04")).toBe("1926-12-04");
  });

  it("moves a leap day to 28 February when the year a century back has none", () => {
    expect(earliestStartDate("2028-02-29")).toBe("1928-02-29");
    expect(earliestStartDate("2024-02-29")).toBe("1924-02-29");
    expect(earliestStartDate("2000-02-29")).toBe("1900-02-28");
  });
});
