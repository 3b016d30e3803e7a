import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDayToRuns,
  type DayRun,
  dayRunsOf,
  removeDayFromRuns,
  runAtOrBefore,
  streakFromRun,
} from "./runs.ts";

const day = fc.integer({ min: 19_000, max: 19_060 });
const days = fc.array(day, { maxLength: 50 });

/** Applies a change to stored runs, as the check-ins repository does. */
function apply(runs: readonly DayRun[], change: { remove: DayRun[]; add: DayRun[] }): DayRun[] {
  const kept = runs.filter((r) => !change.remove.some((x) => x.first === r.first && x.last === r.last));
  return [...kept, ...change.add].sort((a, b) => a.first - b.first);
}

/** What the repository reads before adding `d`: the two runs with the latest first day on or before d + 1. */
const storedForAdding = (runs: DayRun[], d: number) => runs.filter((r) => r.first <= d + 1).slice(-2);
/** What it reads before removing `d`: the run with the latest first day on or before d. */
const storedForRemoving = (runs: DayRun[], d: number) => runs.filter((r) => r.first <= d).slice(-1);

describe("runs of consecutive days", () => {
  it("splits days into sorted runs that neither overlap nor touch, holding exactly those days", () => {
    fc.assert(
      fc.property(days, (list) => {
        const runs = dayRunsOf(list);
        const covered = runs.flatMap((r) =>
          Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i),
        );
        expect(covered).toEqual([...new Set(list)].sort((a, b) => a - b));
        for (let i = 1; i < runs.length; i++) {
          expect((runs[i] as DayRun).first).toBeGreaterThan((runs[i - 1] as DayRun).last + 1);
        }
      }),
    );
  });

  it("keeps stored runs equal to the runs of the days after any day is added, from what the repository reads", () => {
    fc.assert(
      fc.property(days, day, (list, added) => {
        const before = dayRunsOf(list);
        const after = apply(before, addDayToRuns(added, storedForAdding(before, added)));
        expect(after).toEqual(dayRunsOf([...list, added]));
      }),
    );
  });

  it("keeps stored runs equal to the runs of the days after any day is removed, from what the repository reads", () => {
    fc.assert(
      fc.property(days, day, (list, removed) => {
        const before = dayRunsOf(list);
        const after = apply(before, removeDayFromRuns(removed, storedForRemoving(before, removed)));
        expect(after).toEqual(dayRunsOf(list.filter((d) => d !== removed)));
      }),
    );
  });

  it("changes nothing when the day is already there, or was never there", () => {
    expect(addDayToRuns(10, [{ first: 8, last: 12 }])).toEqual({ remove: [], add: [] });
    expect(removeDayFromRuns(10, [{ first: 11, last: 12 }])).toEqual({ remove: [], add: [] });
  });

  it("reads the streak from the run with the latest first day on or before today (C04)", () => {
    const runs = dayRunsOf([1, 2, 3, 5, 6, 9]);
    expect(streakFromRun(runAtOrBefore(runs, 6), 6)).toBe(2); // 5, 6
    expect(streakFromRun(runAtOrBefore(runs, 7), 7)).toBe(2); // today (7) not yet checked in: 5, 6
    expect(streakFromRun(runAtOrBefore(runs, 8), 8)).toBe(0); // a whole day (7) ended without one
    expect(streakFromRun(runAtOrBefore(runs, 4), 4)).toBe(3); // 1, 2, 3
    expect(streakFromRun(runAtOrBefore(runs, 2), 2)).toBe(2); // days after today do not count
    expect(streakFromRun(runAtOrBefore(runs, 0), 0)).toBe(0);
  });
});
