import { describe, expect, it } from "vitest";
import { fieldErrors } from "../http/errors.ts";
import { withdrawalCheckDate, withdrawalCourse, withdrawalTotal } from "./course.ts";
import { type GuidanceCheck, withdrawalGuidance } from "./guidance.ts";
import {
  TOTAL_MAX,
  WITHDRAWAL_SYMPTOMS,
  type WithdrawalRatings,
  withdrawalCheckInputSchema,
  withdrawalRangeQuerySchema,
} from "./schema.ts";
import { offersWithdrawalTracker } from "./suggest.ts";

const allAt = (value: number): WithdrawalRatings =>
  Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((s) => [s, value])) as WithdrawalRatings;

/** A check on `date` at `time` (UTC) whose ratings add up to `total`, with vomiting and diarrhoea as given. */
function check(
  date: string,
  total: number,
  { time = "12:00", vomiting = 0, diarrhoea = 0 } = {},
): GuidanceCheck {
  return { date, takenAt: `${date}T${time}:00.000Z`, total, ratings: { vomiting, diarrhoea } };
}

describe("withdrawal check input", () => {
  it("accepts twelve ratings from 0 to 4 and an optional note", () => {
    expect(withdrawalCheckInputSchema.safeParse({ ratings: allAt(4), note: "rough night" }).success).toBe(
      true,
    );
    expect(withdrawalCheckInputSchema.safeParse({ ratings: allAt(0) }).success).toBe(true);
  });

  it.each([
    ["a rating of 5", { ...allAt(1), nausea: 5 }, "ratings.nausea"],
    ["a negative rating", { ...allAt(1), yawning: -1 }, "ratings.yawning"],
    ["a fractional rating", { ...allAt(1), anxiety: 1.5 }, "ratings.anxiety"],
    ["a rating given as text", { ...allAt(1), sweating: "2" }, "ratings.sweating"],
  ])("refuses %s, naming the symptom", (_name, ratings, field) => {
    const parsed = withdrawalCheckInputSchema.safeParse({ ratings });
    expect(parsed.success).toBe(false);
    expect(Object.keys(fieldErrors(parsed.error?.issues ?? []))).toEqual([field]);
  });

  it("refuses a missing symptom rather than reading it as 0", () => {
    const { vomiting: _missing, ...ratings } = allAt(2);
    const parsed = withdrawalCheckInputSchema.safeParse({ ratings });
    expect(Object.keys(fieldErrors(parsed.error?.issues ?? []))).toEqual(["ratings.vomiting"]);
  });

  it("refuses a symptom it does not know", () => {
    const parsed = withdrawalCheckInputSchema.safeParse({ ratings: { ...allAt(1), headache: 2 } });
    expect(fieldErrors(parsed.error?.issues ?? [])).toEqual({ "ratings.headache": "Unknown field" });
  });

  it("refuses a note over 1000 characters", () => {
    const parsed = withdrawalCheckInputSchema.safeParse({ ratings: allAt(0), note: "x".repeat(1001) });
    expect(Object.keys(fieldErrors(parsed.error?.issues ?? []))).toEqual(["note"]);
  });

  it("refuses a range that ends before it starts, or a date that does not exist", () => {
    expect(withdrawalRangeQuerySchema.safeParse({ from: "2026-12-03", to: "2026-12-01" }).success).toBe(
      false,
    );
    expect(withdrawalRangeQuerySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(withdrawalRangeQuerySchema.safeParse({ from: "2026-12-01", to: "2026-12-01" }).success).toBe(true);
  });
});

describe("withdrawalTotal", () => {
  it("adds the twelve ratings, from 0 up to 48", () => {
    expect(withdrawalTotal(allAt(0))).toBe(0);
    expect(withdrawalTotal(allAt(4))).toBe(48);
    expect(TOTAL_MAX).toBe(48);
    expect(withdrawalTotal({ ...allAt(0), restlessness: 3, vomiting: 4, troubleSleeping: 1 })).toBe(8);
  });
});

describe("withdrawalCourse", () => {
  it("is empty without checks", () => {
    expect(withdrawalCourse([])).toEqual([]);
  });

  it("groups several checks a day, in any order, into one day with its highest, lowest and latest", () => {
    const days = withdrawalCourse([
      check("2026-12-02", 20, { time: "20:00" }),
      check("2026-12-01", 10),
      check("2026-12-02", 30, { time: "08:00" }),
      check("2026-12-02", 25, { time: "14:00" }),
    ]);
    expect(days).toEqual([
      { date: "2026-12-01", dayNumber: 1, checks: 1, highest: 10, lowest: 10, latest: 10 },
      { date: "2026-12-02", dayNumber: 2, checks: 3, highest: 30, lowest: 20, latest: 20 },
    ]);
  });

  it("numbers days by the calendar, so a day without a check leaves a gap, across a month end", () => {
    const days = withdrawalCourse([check("2026-02-27", 5), check("2026-03-02", 7)]);
    expect(days.map((d) => [d.date, d.dayNumber])).toEqual([
      ["2026-02-27", 1],
      ["2026-03-02", 4],
    ]);
    const leap = withdrawalCourse([check("2028-02-28", 5), check("2028-03-01", 7)]);
    expect(leap.map((d) => d.dayNumber)).toEqual([1, 3]);
  });

  it("puts every check of a 25-hour day (clocks going back) on that day in the member's zone", () => {
    const zone = "America/New_York";
    // 2026-11-01: 01:00–02:00 happens twice in New York.
    const instants = [
      "2026-11-01T03:59:00Z", // 23:59 EDT on Oct 31
      "2026-11-01T04:00:00Z", // 00:00 EDT on Nov 1
      "2026-11-01T05:30:00Z", // 01:30 EDT
      "2026-11-01T06:30:00Z", // 01:30 EST, the second time
      "2026-11-02T04:59:00Z", // 23:59 EST, still Nov 1
      "2026-11-02T05:00:00Z", // 00:00 EST on Nov 2
    ];
    const checks = instants.map((iso, i) => ({
      date: withdrawalCheckDate(Date.parse(iso), zone),
      takenAt: iso,
      total: i,
    }));
    expect(withdrawalCourse(checks).map((d) => [d.date, d.checks, d.latest])).toEqual([
      ["2026-10-31", 1, 0],
      ["2026-11-01", 4, 4],
      ["2026-11-02", 1, 5],
    ]);
  });

  it("puts a check on the 23-hour day (clocks going forward) on the right side of midnight", () => {
    const zone = "Europe/Berlin";
    expect(withdrawalCheckDate(Date.parse("2026-03-28T22:59:00Z"), zone)).toBe("2026-03-28");
    expect(withdrawalCheckDate(Date.parse("2026-03-28T23:00:00Z"), zone)).toBe("2026-03-29");
    // 2026-03-29 has 23 hours in Berlin: it ends at 22:00 UTC.
    expect(withdrawalCheckDate(Date.parse("2026-03-29T21:59:00Z"), zone)).toBe("2026-03-29");
    expect(withdrawalCheckDate(Date.parse("2026-03-29T22:00:00Z"), zone)).toBe("2026-03-30");
  });
});

describe("withdrawalGuidance", () => {
  it("has nothing to say without checks (the page still offers help now)", () => {
    expect(withdrawalGuidance([])).toEqual({ urgency: "watch", reasons: [], latestTotal: null });
  });

  it("keeps watching with mild or moderate totals", () => {
    expect(withdrawalGuidance([check("2026-12-01", 12), check("2026-12-02", 24)])).toEqual({
      urgency: "watch",
      reasons: [],
      latestTotal: 24,
    });
  });

  it.each([
    ["vomiting", 3, 0],
    ["vomiting", 4, 0],
    ["diarrhoea", 0, 3],
    ["diarrhoea", 0, 4],
  ])(
    "says get seen now when %s is at the top ratings: fluids may not stay down",
    (_s, vomiting, diarrhoea) => {
      const guidance = withdrawalGuidance([check("2026-12-01", 10, { vomiting, diarrhoea })]);
      expect(guidance.urgency).toBe("now");
      expect(guidance.reasons).toEqual(["fluids"]);
    },
  );

  it("does not raise fluids at a rating of 2", () => {
    expect(withdrawalGuidance([check("2026-12-01", 10, { vomiting: 2, diarrhoea: 2 })]).reasons).toEqual([]);
  });

  it("reads only the latest check: vomiting that has eased no longer raises it", () => {
    const guidance = withdrawalGuidance([
      check("2026-12-01", 20, { time: "08:00", vomiting: 4 }),
      check("2026-12-01", 10, { time: "20:00", vomiting: 1 }),
    ]);
    expect(guidance).toEqual({ urgency: "watch", reasons: [], latestTotal: 10 });
  });

  it("says talk to a clinician today from a total of 25, and get seen now from 37", () => {
    expect(withdrawalGuidance([check("2026-12-01", 24)]).urgency).toBe("watch");
    expect(withdrawalGuidance([check("2026-12-01", 25)])).toMatchObject({
      urgency: "today",
      reasons: ["high-total"],
    });
    expect(withdrawalGuidance([check("2026-12-01", 36)]).urgency).toBe("today");
    expect(withdrawalGuidance([check("2026-12-01", 37)])).toMatchObject({
      urgency: "now",
      reasons: ["very-high-total"],
    });
    expect(withdrawalGuidance([check("2026-12-01", 48, { vomiting: 4, diarrhoea: 4 })]).reasons).toEqual([
      "fluids",
      "very-high-total",
    ]);
  });

  it("says talk to a clinician today when symptoms rise again several days in", () => {
    const course = [check("2026-12-01", 20), check("2026-12-02", 15), check("2026-12-03", 10)];
    expect(withdrawalGuidance([...course, check("2026-12-04", 13)])).toEqual({
      urgency: "today",
      reasons: ["getting-worse"],
      latestTotal: 13,
    });
    // A rise of 2 is noise; a rise in the first days is the usual peak.
    expect(withdrawalGuidance([...course, check("2026-12-04", 12)]).reasons).toEqual([]);
    expect(withdrawalGuidance([check("2026-12-01", 10), check("2026-12-03", 20)]).reasons).toEqual([]);
  });

  it("compares with the last recorded day, even after a day with no check", () => {
    const guidance = withdrawalGuidance([
      check("2026-11-28", 8),
      check("2026-12-01", 5),
      check("2026-12-03", 9),
    ]);
    expect(guidance.reasons).toEqual(["getting-worse"]);
  });
});

describe("offersWithdrawalTracker", () => {
  const today = "2026-12-03";
  it("offers it in the first three weeks of an opioid recovery", () => {
    expect(offersWithdrawalTracker([{ substance: "opioids", startDate: today }], today)).toBe(true);
    expect(offersWithdrawalTracker([{ substance: "opioids", startDate: "2026-11-13" }], today)).toBe(true);
  });

  it("does not offer it from day 22, for other substances, or for a start still ahead", () => {
    expect(offersWithdrawalTracker([{ substance: "opioids", startDate: "2026-11-12" }], today)).toBe(false);
    expect(offersWithdrawalTracker([{ substance: "alcohol", startDate: today }], today)).toBe(false);
    expect(offersWithdrawalTracker([{ substance: "opioids", startDate: "2026-12-04" }], today)).toBe(false);
    expect(offersWithdrawalTracker([], today)).toBe(false);
  });
});
