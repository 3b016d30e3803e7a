/**
 * The ride-it-out timer and the paced-breathing guide, as pure functions of the start time and the clock.
 * Nothing counts ticks: a phone that was locked or a tab the browser paused for ten minutes shows the right
 * time the moment it wakes, and a clock set back (the device corrected its time) never shows more than the
 * whole length or a negative time.
 */

export interface TimerState {
  /** Milliseconds left, 0 once the time is up. */
  remainingMs: number;
  /** Milliseconds since the start, from 0 to the whole length. */
  elapsedMs: number;
  /** How far along, from 0 to 1. */
  fraction: number;
  done: boolean;
}

export function timerState(startedAtMs: number, durationMs: number, nowMs: number): TimerState {
  const length = Math.max(0, durationMs);
  const elapsedMs = Math.min(length, Math.max(0, nowMs - startedAtMs));
  return {
    remainingMs: length - elapsedMs,
    elapsedMs,
    fraction: length === 0 ? 1 : elapsedMs / length,
    done: elapsedMs >= length,
  };
}

/**
 * How long after its timer ran out an unfinished ride still comes back when the SOS is opened again (to be
 * re-rated while the urge is fresh in mind). Older than that, it is not picked up as if it were running: the
 * member finishes or closes it from the record of urges.
 */
export const RIDE_RESUME_GRACE_MS = 2 * 60 * 60_000;

/** Whether a ride started at `startedAtMs` with a timer of `durationMs` is picked up again at `nowMs`. */
export function rideResumes(startedAtMs: number, durationMs: number, nowMs: number): boolean {
  return nowMs - startedAtMs < Math.max(0, durationMs) + RIDE_RESUME_GRACE_MS;
}

/** "14:59" — whole seconds rounded up, so 0:00 shows only when the time is really up. */
export function formatCountdown(remainingMs: number): string {
  const seconds = Math.ceil(Math.max(0, remainingMs) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export type BreathPhase = "in" | "hold" | "out";

/** One breath as seconds per phase; a phase of 0 seconds is skipped. */
export interface BreathingPattern {
  in: number;
  holdIn: number;
  out: number;
  holdOut: number;
}

/** Breathe in for 4, out for 6: six breaths a minute, a long out-breath that calms. */
export const PACED_BREATHING: BreathingPattern = { in: 4, holdIn: 0, out: 6, holdOut: 0 };

export interface BreathState {
  phase: BreathPhase;
  /** Whole seconds left in this phase, rounded up (4, 3, 2, 1). */
  secondsLeft: number;
  /** How long this phase lasts, in seconds. */
  seconds: number;
  /** How far through this phase, from 0 to 1: drives the animation. */
  progress: number;
  /** Which breath this is, from 0; a new number is a new cue to announce. */
  breath: number;
}

export function breathState(elapsedMs: number, pattern: BreathingPattern = PACED_BREATHING): BreathState {
  const phases: [BreathPhase, number][] = (
    [
      ["in", pattern.in],
      ["hold", pattern.holdIn],
      ["out", pattern.out],
      ["hold", pattern.holdOut],
    ] as [BreathPhase, number][]
  ).filter(([, seconds]) => seconds > 0);
  const cycleMs = phases.reduce((sum, [, seconds]) => sum + seconds * 1000, 0);
  if (cycleMs === 0) throw new Error("A breathing pattern needs at least one phase longer than 0 seconds");
  const elapsed = Math.max(0, elapsedMs);
  const breath = Math.floor(elapsed / cycleMs);
  let into = elapsed - breath * cycleMs;
  for (const [phase, seconds] of phases) {
    const phaseMs = seconds * 1000;
    if (into < phaseMs) {
      return {
        phase,
        secondsLeft: Math.ceil((phaseMs - into) / 1000),
        seconds,
        progress: into / phaseMs,
        breath,
      };
    }
    into -= phaseMs;
  }
  // Unreachable: `into` is below the cycle's length. Kept for the type checker.
  const [phase, seconds] = phases[phases.length - 1] as [BreathPhase, number];
  return { phase, secondsLeft: 0, seconds, progress: 1, breath };
}
