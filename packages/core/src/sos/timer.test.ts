import { describe, expect, it } from "vitest";
import {
  breathState,
  formatCountdown,
  PACED_BREATHING,
  RIDE_RESUME_GRACE_MS,
  rideResumes,
  timerState,
} from "./timer.ts";

const START = Date.parse("2026-12-03T20:00:00Z");
const MIN = 60_000;

describe("timerState", () => {
  it("counts down from the start time and the clock, not from ticks", () => {
    expect(timerState(START, 15 * MIN, START + 5 * MIN)).toEqual({
      remainingMs: 10 * MIN,
      elapsedMs: 5 * MIN,
      fraction: 1 / 3,
      done: false,
    });
  });

  it("shows the whole length at the moment of the start", () => {
    expect(timerState(START, 15 * MIN, START)).toMatchObject({ remainingMs: 15 * MIN, done: false });
  });

  it("is done exactly at the end and stays at zero long after it (a phone locked for an hour)", () => {
    expect(timerState(START, 15 * MIN, START + 15 * MIN)).toMatchObject({ remainingMs: 0, done: true });
    expect(timerState(START, 15 * MIN, START + 75 * MIN)).toEqual({
      remainingMs: 0,
      elapsedMs: 15 * MIN,
      fraction: 1,
      done: true,
    });
  });

  it("never shows more than the whole length when the clock goes backwards", () => {
    expect(timerState(START, 15 * MIN, START - 3 * MIN)).toEqual({
      remainingMs: 15 * MIN,
      elapsedMs: 0,
      fraction: 0,
      done: false,
    });
  });

  it("takes a longer length mid-ride: the time left grows by what was added", () => {
    const now = START + 14 * MIN;
    expect(timerState(START, 15 * MIN, now).remainingMs).toBe(MIN);
    expect(timerState(START, 20 * MIN, now).remainingMs).toBe(6 * MIN);
  });

  it("treats a zero or negative length as already done", () => {
    expect(timerState(START, 0, START)).toMatchObject({ remainingMs: 0, fraction: 1, done: true });
    expect(timerState(START, -5, START)).toMatchObject({ remainingMs: 0, done: true });
  });
});

describe("rideResumes", () => {
  it("picks up a ride still running, and one whose time ran out a little while ago (to be re-rated)", () => {
    expect(rideResumes(START, 15 * MIN, START + 3 * MIN)).toBe(true);
    expect(rideResumes(START, 15 * MIN, START + 15 * MIN + RIDE_RESUME_GRACE_MS - 1)).toBe(true);
  });

  it("leaves a ride left for hours or days behind, not resumed as if it were running", () => {
    expect(rideResumes(START, 15 * MIN, START + 15 * MIN + RIDE_RESUME_GRACE_MS)).toBe(false);
    expect(rideResumes(START, 15 * MIN, START + 3 * 24 * 60 * MIN)).toBe(false);
  });

  it("picks up a ride when the clock was set back before its start", () => {
    expect(rideResumes(START, 15 * MIN, START - 10 * MIN)).toBe(true);
  });
});

describe("formatCountdown", () => {
  it("rounds up to whole seconds so 0:00 means the time is up", () => {
    expect(formatCountdown(15 * MIN)).toBe("15:00");
    expect(formatCountdown(15 * MIN - 1)).toBe("15:00");
    expect(formatCountdown(61_000)).toBe("1:01");
    expect(formatCountdown(999)).toBe("0:01");
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(-500)).toBe("0:00");
  });
});

describe("breathState", () => {
  it("breathes in for 4 seconds, then out for 6, then starts the next breath", () => {
    expect(breathState(0)).toEqual({ phase: "in", secondsLeft: 4, seconds: 4, progress: 0, breath: 0 });
    expect(breathState(3_500)).toMatchObject({ phase: "in", secondsLeft: 1, breath: 0 });
    expect(breathState(4_000)).toEqual({ phase: "out", secondsLeft: 6, seconds: 6, progress: 0, breath: 0 });
    expect(breathState(7_000)).toMatchObject({ phase: "out", secondsLeft: 3, progress: 0.5 });
    expect(breathState(10_000)).toEqual({ phase: "in", secondsLeft: 4, seconds: 4, progress: 0, breath: 1 });
  });

  it("keeps the same phase for the same point in any later breath", () => {
    expect(breathState(60 * 10_000 + 5_000)).toMatchObject({ phase: "out", breath: 60 });
  });

  it("holds where the pattern asks and skips holds of 0 seconds", () => {
    const box = { in: 4, holdIn: 4, out: 4, holdOut: 4 };
    expect(breathState(5_000, box)).toMatchObject({ phase: "hold", secondsLeft: 3 });
    expect(breathState(9_000, box)).toMatchObject({ phase: "out" });
    expect(breathState(13_000, box)).toMatchObject({ phase: "hold", breath: 0 });
    expect(breathState(16_000, box)).toMatchObject({ phase: "in", breath: 1 });
    expect(breathState(4_000, PACED_BREATHING).phase).toBe("out");
  });

  it("starts at the first breath when the clock reads before the start", () => {
    expect(breathState(-2_000)).toEqual({ phase: "in", secondsLeft: 4, seconds: 4, progress: 0, breath: 0 });
  });

  it("refuses a pattern with no time in it", () => {
    expect(() => breathState(0, { in: 0, holdIn: 0, out: 0, holdOut: 0 })).toThrow(/at least one phase/);
  });
});
