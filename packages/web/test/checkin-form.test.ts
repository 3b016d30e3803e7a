import { type Checkin, checkinInputSchema, goodDayCheckin } from "@cairn/core";
import { describe, expect, it } from "vitest";
import {
  addOwnTrigger,
  applyGoodDay,
  DEFAULT_CONFIDENCE,
  initialCheckinState,
  parseSleepHours,
  recordsUse,
  toCheckinInput,
  toggled,
} from "../src/features/checkins/form.ts";
import { validate } from "../src/lib/forms.ts";

const A = "0b6f0b5e-5c1a-4c1e-9a43-1d7f2f0d9a11";
const B = "7d0e7c55-2f57-4a1c-8d2f-3e0b8c1f6a22";

const saved: Checkin = {
  date: "2026-11-30",
  uses: [
    { recoveryId: A, used: true },
    { recoveryId: "removed-recovery", used: true },
  ],
  mood: 2,
  craving: 7,
  confidence: 3,
  triggers: ["stress", "my ex texted"],
  halt: ["tired"],
  sleepHours: 5.5,
  note: "Rough day 😺",
  updatedAt: "2026-11-30T22:00:00Z",
};

describe("the check-in form state", () => {
  it("starts with no use recorded, no mood chosen, and neutral sliders", () => {
    const state = initialCheckinState([A, B]);
    expect(state.used).toEqual({ [A]: false, [B]: false });
    expect(state.mood).toBeNull();
    expect(state.craving).toBe(0);
    expect(state.confidence).toBe(DEFAULT_CONFIDENCE);
  });

  it("loads a saved check-in for editing, for the recoveries that still exist", () => {
    const state = initialCheckinState([A, B], saved);
    expect(state.used).toEqual({ [A]: true, [B]: false });
    expect(state.mood).toBe(2);
    expect(state.triggers).toEqual(["stress", "my ex texted"]);
    expect(state.sleepHours).toBe("5.5");
    expect(state.note).toBe("Rough day 😺");
    expect(recordsUse(state)).toBe(true);
  });

  it("Good day fills core's preset and keeps the member's sleep and note", () => {
    const state = applyGoodDay(initialCheckinState([A, B], saved), [A, B]);
    const preset = goodDayCheckin([A, B]);
    expect(state.mood).toBe(preset.mood);
    expect(state.craving).toBe(preset.craving);
    expect(state.confidence).toBe(preset.confidence);
    expect(state.triggers).toEqual([]);
    expect(state.halt).toEqual([]);
    expect(recordsUse(state)).toBe(false);
    expect(state.note).toBe("Rough day 😺");
    expect(state.sleepHours).toBe("5.5");
  });

  it("Good day then save is a valid check-in (the two-tap path)", () => {
    const state = applyGoodDay(initialCheckinState([A, B]), [A, B]);
    const result = validate(checkinInputSchema, toCheckinInput(state, [A, B]));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.uses).toEqual([
        { recoveryId: A, used: false },
        { recoveryId: B, used: false },
      ]);
      expect(result.data.note).toBeNull();
      expect(result.data.sleepHours).toBeNull();
    }
  });

  it("asks for a mood when none was chosen, with core's message", () => {
    const result = validate(checkinInputSchema, toCheckinInput(initialCheckinState([A]), [A]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields.mood).toBe("Choose a mood from 1 to 5");
  });

  it("refuses sleep that is not a number of hours", () => {
    const state = { ...applyGoodDay(initialCheckinState([A]), [A]), sleepHours: "lots" };
    const result = validate(checkinInputSchema, toCheckinInput(state, [A]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields.sleepHours).toBeDefined();
  });

  it("sends a whitespace-only note as no note, and any other note as typed", () => {
    const base = applyGoodDay(initialCheckinState([A]), [A]);
    expect(toCheckinInput({ ...base, note: "   " }, [A]).note).toBeNull();
    expect(toCheckinInput({ ...base, note: " Day 12 💪🏽 👨‍👩‍👧 " }, [A]).note).toBe(" Day 12 💪🏽 👨‍👩‍👧 ");
  });
});

describe("helpers", () => {
  it("reads hours of sleep as typed", () => {
    expect(parseSleepHours("")).toBeNull();
    expect(parseSleepHours(" 7 ")).toBe(7);
    expect(parseSleepHours("6.5")).toBe(6.5);
    expect(parseSleepHours("6,5")).toBe(6.5);
    expect(parseSleepHours("-1")).toBeNaN();
    expect(parseSleepHours("seven")).toBeNaN();
  });

  it("toggles an item on and off without duplicates", () => {
    expect(toggled(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "b", true)).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
  });

  it("adds the member's own trigger words once, trimmed", () => {
    expect(addOwnTrigger(["stress"], "  payday   at work ")).toEqual(["stress", "payday at work"]);
    expect(addOwnTrigger(["Payday at work"], "payday at WORK")).toEqual(["Payday at work"]);
    expect(addOwnTrigger(["stress"], "   ")).toEqual(["stress"]);
    const full = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(addOwnTrigger(full, "one more")).toHaveLength(20);
  });
});
