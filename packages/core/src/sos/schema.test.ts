import { describe, expect, it } from "vitest";
import { fieldErrors } from "../http/errors.ts";
import { dangerInWords } from "./danger.ts";
import { SOS_LIMITS } from "./limits.ts";
import { sosEndSchema, sosListQuerySchema, sosStartSchema } from "./schema.ts";

function problems(result: { success: boolean; error?: { issues: unknown[] } }) {
  return result.success ? {} : fieldErrors(result.error?.issues as never);
}

describe("sosStartSchema", () => {
  it("takes a craving from 0 to 10 and nothing else", () => {
    expect(sosStartSchema.safeParse({ craving: 0 }).success).toBe(true);
    expect(sosStartSchema.safeParse({ craving: 10 }).success).toBe(true);
    expect(problems(sosStartSchema.safeParse({ craving: 11 }))).toEqual({ craving: "From 0 to 10" });
    expect(problems(sosStartSchema.safeParse({ craving: -1 }))).toEqual({ craving: "From 0 to 10" });
    expect(Object.keys(problems(sosStartSchema.safeParse({ craving: 7.5 })))).toEqual(["craving"]);
    expect(Object.keys(problems(sosStartSchema.safeParse({})))).toEqual(["craving"]);
  });

  it("refuses an empty or over-long trigger, a bad plan id, a timer outside 1–60 minutes and unknown fields", () => {
    expect(Object.keys(problems(sosStartSchema.safeParse({ craving: 5, trigger: "  " })))).toEqual([
      "trigger",
    ]);
    const long = "x".repeat(SOS_LIMITS.triggerMax + 1);
    expect(Object.keys(problems(sosStartSchema.safeParse({ craving: 5, trigger: long })))).toEqual([
      "trigger",
    ]);
    expect(Object.keys(problems(sosStartSchema.safeParse({ craving: 5, planTriggerId: "7" })))).toEqual([
      "planTriggerId",
    ]);
    expect(Object.keys(problems(sosStartSchema.safeParse({ craving: 5, minutes: 0 })))).toEqual(["minutes"]);
    expect(Object.keys(problems(sosStartSchema.safeParse({ craving: 5, minutes: 61 })))).toEqual(["minutes"]);
    expect(problems(sosStartSchema.safeParse({ craving: 5, startedAt: "2026-01-01" }))).toEqual({
      startedAt: "Unknown field",
    });
  });

  it("trims the trigger the member typed", () => {
    expect(sosStartSchema.parse({ craving: 5, trigger: "  payday " }).trigger).toBe("payday");
  });
});

describe("sosEndSchema", () => {
  it("needs the craving re-rated within 0–10 and a list of what helped (which may be empty)", () => {
    expect(sosEndSchema.safeParse({ craving: 3, helped: [] }).success).toBe(true);
    expect(Object.keys(problems(sosEndSchema.safeParse({ helped: [] })))).toEqual(["craving"]);
    expect(Object.keys(problems(sosEndSchema.safeParse({ craving: 12, helped: [] })))).toEqual(["craving"]);
  });

  it("takes a craving of null to close an unfinished episode without a rating, but never a missing one", () => {
    expect(sosEndSchema.safeParse({ craving: null, helped: [] }).success).toBe(true);
    expect(Object.keys(problems(sosEndSchema.safeParse({ craving: undefined, helped: [] })))).toEqual([
      "craving",
    ]);
  });

  it("limits what helped in count, length and repeats, and the note in length", () => {
    const many = Array.from({ length: SOS_LIMITS.helpedMax + 1 }, (_, i) => `step ${i}`);
    expect(Object.keys(problems(sosEndSchema.safeParse({ craving: 3, helped: many })))).toEqual(["helped"]);
    expect(Object.keys(problems(sosEndSchema.safeParse({ craving: 3, helped: ["a", "a"] })))).toEqual([
      "helped",
    ]);
    const long = "x".repeat(SOS_LIMITS.helpedItemMax + 1);
    expect(Object.keys(problems(sosEndSchema.safeParse({ craving: 3, helped: [long] })))).toEqual([
      "helped.0",
    ]);
    const note = "x".repeat(SOS_LIMITS.noteMax + 1);
    expect(Object.keys(problems(sosEndSchema.safeParse({ craving: 3, helped: [], note })))).toEqual(["note"]);
  });
});

describe("sosListQuerySchema", () => {
  it("reads the limit from the query string with a default and bounds", () => {
    expect(sosListQuerySchema.parse({})).toEqual({ limit: SOS_LIMITS.listDefault });
    expect(sosListQuerySchema.parse({ limit: "3" })).toEqual({ limit: 3 });
    expect(sosListQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(sosListQuerySchema.safeParse({ limit: "201" }).success).toBe(false);
    expect(sosListQuerySchema.safeParse({ limit: "two" }).success).toBe(false);
  });
});

describe("dangerInWords", () => {
  it("finds danger language in any of the SOS words, each kind once", () => {
    expect(dangerInWords(["payday", null, "I want to kill myself", "thinking of suicide"])).toEqual([
      "suicide",
    ]);
    expect(dangerInWords(["took too many pills", undefined])).toEqual(["overdose"]);
  });

  it("stays quiet for everyday words and for nothing", () => {
    expect(dangerInWords(["this craving is killing me", "called my sponsor"])).toEqual([]);
    expect(dangerInWords([])).toEqual([]);
  });
});
