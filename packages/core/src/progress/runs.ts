/**
 * Runs of consecutive calendar days, as day numbers (see `toDayNumber`): the check-in streak is read from the
 * run that holds today or yesterday.
 *
 * The server keeps the runs of each member's check-in days stored beside the check-ins, updated in the same
 * transaction as each check-in that adds or removes a day, so a progress read fetches one run instead of every
 * check-in date the member ever saved (a year of daily check-ins was most of the cost of a read, and it grew
 * with every day). The arithmetic of keeping them lives here, pure: `addDayToRuns` and `removeDayFromRuns` say
 * which stored runs to replace by which, and `dayRunsOf` is the reference they must always agree with.
 */

/** Consecutive days from `first` to `last`, both included. */
export interface DayRun {
  first: number;
  last: number;
}

/** The runs of consecutive days among `days` (any order, repeats allowed), oldest first. */
export function dayRunsOf(days: readonly number[]): DayRun[] {
  const sorted = [...days].sort((a, b) => a - b);
  const runs: DayRun[] = [];
  for (const day of sorted) {
    const current = runs.at(-1);
    if (current && day <= current.last + 1) current.last = Math.max(current.last, day);
    else runs.push({ first: day, last: day });
  }
  return runs;
}

/** The run with the latest first day on or before `day` (runs oldest first, as `dayRunsOf` gives them). */
export function runAtOrBefore(runs: readonly DayRun[], day: number): DayRun | undefined {
  let found: DayRun | undefined;
  for (const run of runs) {
    if (run.first > day) break;
    found = run;
  }
  return found;
}

/**
 * Consecutive days with a check-in ending today or, while today has none yet, yesterday (case C04), given the
 * run of check-in days with the latest first day on or before today. A run that holds today counts up to today
 * (days after today, possible after a move to a zone further west, do not count).
 */
export function streakFromRun(run: DayRun | null | undefined, today: number): number {
  if (!run || run.first > today) return 0;
  if (run.last >= today) return today - run.first + 1;
  if (run.last === today - 1) return run.last - run.first + 1;
  return 0;
}

export interface RunChange {
  /** Stored runs to delete. */
  remove: DayRun[];
  /** Runs to store instead. */
  add: DayRun[];
}

/**
 * What changes when `day` gets a check-in, given the stored runs that touch it: any that holds it, ends the day
 * before or starts the day after (others may be passed too and are left alone). Nothing changes when a run
 * already holds the day.
 */
export function addDayToRuns(day: number, stored: readonly DayRun[]): RunChange {
  const touching = stored.filter((run) => run.first <= day + 1 && run.last >= day - 1);
  if (touching.some((run) => run.first <= day && run.last >= day)) return { remove: [], add: [] };
  const merged: DayRun = { first: day, last: day };
  for (const run of touching) {
    merged.first = Math.min(merged.first, run.first);
    merged.last = Math.max(merged.last, run.last);
  }
  return { remove: touching, add: [merged] };
}

/**
 * What changes when the check-in on `day` is removed, given the stored runs that may hold it (others are left
 * alone): the run holding it is split around it. Nothing changes when no run holds the day.
 */
export function removeDayFromRuns(day: number, stored: readonly DayRun[]): RunChange {
  const holding = stored.find((run) => run.first <= day && run.last >= day);
  if (!holding) return { remove: [], add: [] };
  const add: DayRun[] = [];
  if (holding.first < day) add.push({ first: holding.first, last: day - 1 });
  if (holding.last > day) add.push({ first: day + 1, last: holding.last });
  return { remove: [holding], add };
}
