import { describe, expect, it } from "vitest";
import { episodeDurationSeconds, urgeSummary } from "./summary.ts";

describe("urgeSummary", () => {
  it("has nothing to average before any urge is ridden out", () => {
    expect(urgeSummary([])).toEqual({ ridden: 0, eased: 0, averageStart: null, averageEnd: null });
  });

  it("counts only the episodes the member re-rated", () => {
    expect(urgeSummary([{ cravingStart: 9, cravingEnd: null }])).toEqual({
      ridden: 0,
      eased: 0,
      averageStart: null,
      averageEnd: null,
    });
  });

  it("averages the start and end cravings of the finished ones, to one decimal", () => {
    const summary = urgeSummary([
      { cravingStart: 8, cravingEnd: 3 },
      { cravingStart: 7, cravingEnd: 2 },
      { cravingStart: 6, cravingEnd: 6 },
      { cravingStart: 10, cravingEnd: null },
    ]);
    expect(summary).toEqual({ ridden: 3, eased: 2, averageStart: 7, averageEnd: 3.7 });
  });

  it("counts an urge that grew as ridden out but not as eased", () => {
    expect(urgeSummary([{ cravingStart: 4, cravingEnd: 6 }])).toMatchObject({ ridden: 1, eased: 0 });
  });

  it("reaches both ends of the scale", () => {
    expect(urgeSummary([{ cravingStart: 10, cravingEnd: 0 }])).toEqual({
      ridden: 1,
      eased: 1,
      averageStart: 10,
      averageEnd: 0,
    });
  });
});

describe("episodeDurationSeconds", () => {
  it("is null while the episode is open", () => {
    expect(episodeDurationSeconds("2026-12-03T20:00:00.000Z", null)).toBeNull();
  });

  it("counts whole seconds from start to end", () => {
    expect(episodeDurationSeconds("2026-12-03T20:00:00.000Z", "2026-12-03T20:15:00.999Z")).toBe(900);
  });

  it("reads 0, never a negative time, when the server's clock was set back between start and end", () => {
    expect(episodeDurationSeconds("2026-12-03T20:00:00.000Z", "2026-12-03T19:59:00.000Z")).toBe(0);
  });
});
