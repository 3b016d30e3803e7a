/**
 * The check-in form's state and its conversion to the API's input, free of React so it is unit-tested.
 * Numbers typed by a person stay text until save (so "6," or "" can be typed); `toCheckinInput` turns them
 * into what core's `checkinInputSchema` expects, and that schema decides what is valid.
 */
import {
  CHECKIN_LIMITS,
  type Checkin,
  type CheckinInput,
  goodDayCheckin,
  type HaltState,
  LISTED_TRIGGERS,
} from "@cairn/core";

export interface CheckinFormState {
  /** recoveryId → used on this day. */
  used: Record<string, boolean>;
  mood: number | null;
  craving: number;
  confidence: number;
  /** Listed trigger ids and the member's own words, in the order chosen. */
  triggers: string[];
  halt: HaltState[];
  sleepHours: string;
  note: string;
}

export const DEFAULT_CONFIDENCE = 5;

export function isListedTrigger(trigger: string): boolean {
  return (LISTED_TRIGGERS as readonly string[]).includes(trigger);
}

/** A fresh form, or the saved check-in for the day ready to edit. Uses for removed recoveries are dropped. */
export function initialCheckinState(
  recoveryIds: readonly string[],
  saved?: Checkin | null,
): CheckinFormState {
  const used: Record<string, boolean> = {};
  for (const id of recoveryIds) used[id] = saved?.uses.find((u) => u.recoveryId === id)?.used ?? false;
  if (!saved) {
    return {
      used,
      mood: null,
      craving: 0,
      confidence: DEFAULT_CONFIDENCE,
      triggers: [],
      halt: [],
      sleepHours: "",
      note: "",
    };
  }
  return {
    used,
    mood: saved.mood,
    craving: saved.craving,
    confidence: saved.confidence,
    triggers: [...saved.triggers],
    halt: [...saved.halt],
    sleepHours: saved.sleepHours === null ? "" : String(saved.sleepHours),
    note: saved.note ?? "",
  };
}

/** "Good day": core's preset for everything it sets; what the member typed (sleep, note) stays. */
export function applyGoodDay(state: CheckinFormState, recoveryIds: readonly string[]): CheckinFormState {
  const preset = goodDayCheckin(recoveryIds);
  const used: Record<string, boolean> = {};
  for (const use of preset.uses) used[use.recoveryId] = use.used;
  return {
    ...state,
    used,
    mood: preset.mood,
    craving: preset.craving,
    confidence: preset.confidence,
    triggers: [...preset.triggers],
    halt: [...preset.halt],
  };
}

export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}

/** Adds the member's own words as a trigger: trimmed, not twice (ignoring case), within the limits. */
export function addOwnTrigger(triggers: readonly string[], text: string): string[] {
  const words = text.trim().replace(/\s+/g, " ");
  if (!words || triggers.length >= CHECKIN_LIMITS.triggersMax) return [...triggers];
  if (triggers.some((t) => t.toLowerCase() === words.toLowerCase())) return [...triggers];
  return [...triggers, words];
}

/** Hours as typed ("7", "6.5", "6,5") → a number; "" → null; anything else → NaN for the schema to refuse. */
export function parseSleepHours(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const normalized = trimmed.replace(",", ".");
  return /^\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

/** The body for PUT /checkins/:date, before validation (mood may still be missing). */
export function toCheckinInput(
  state: CheckinFormState,
  recoveryIds: readonly string[],
): Partial<CheckinInput> {
  return {
    uses: recoveryIds.map((recoveryId) => ({ recoveryId, used: state.used[recoveryId] ?? false })),
    ...(state.mood === null ? {} : { mood: state.mood }),
    craving: state.craving,
    confidence: state.confidence,
    triggers: state.triggers,
    halt: state.halt,
    sleepHours: parseSleepHours(state.sleepHours),
    note: state.note.trim() === "" ? null : state.note,
  };
}

/** True when this check-in records use of any recovery. */
export function recordsUse(state: CheckinFormState): boolean {
  return Object.values(state.used).some(Boolean);
}
