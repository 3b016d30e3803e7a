import { describe, expect, it } from "vitest";
import { messageTextSchema } from "../teams/schema.ts";
import {
  dialablePhone,
  HIDDEN_CONTROLS_MESSAGE,
  hasVisibleText,
  noteText,
  phoneSchema,
  shortText,
} from "./fields.ts";

describe("phoneSchema", () => {
  it.each([
    ["+1 (555) 010-2030", "+1 (555) 010-2030"],
    ["988", "988"],
    ["  +44 20 7946 0958 ", "+44 20 7946 0958"],
    ["555.010.2030", "555.010.2030"],
    ["+123456789012345", "+123456789012345"],
  ])("accepts %j as a phone number", (input, stored) => {
    expect(phoneSchema.parse(input)).toBe(stored);
  });

  it.each([
    ["", "empty"],
    ["   ", "only spaces"],
    ["12", "two digits"],
    ["+", "a plus alone"],
    ["(--)", "no digits"],
    ["1234567890123456", "sixteen digits"],
    ["++1 555 0100", "two pluses"],
    ["1+555 0100", "a plus inside"],
    ["555-CALL-NOW", "letters"],
    ["555 0100 ext 2", "an extension in words"],
    ["١٢٣٤٥", "digits of another script"],
    [`1${" ".repeat(32)}2`, "over 32 characters"],
  ])("refuses %j (%s)", (input) => {
    expect(phoneSchema.safeParse(input).success).toBe(false);
  });

  it("refuses a value that is not text", () => {
    expect(phoneSchema.safeParse(5550100).success).toBe(false);
  });
});

describe("dialablePhone", () => {
  it.each([
    ["+1 (555) 010-2030", "+15550102030"],
    [" +44 20 7946 0958", "+442079460958"],
    ["555.010.2030", "5550102030"],
    ["988", "988"],
    // A resources file's lines, written for the eye.
    ["1-800-662-4357", "18006624357"],
    ["*250 #", "*250#"],
  ])("turns %j into %j for tel: and sms: links", (input, dialable) => {
    expect(dialablePhone(input)).toBe(dialable);
  });
});

describe("text without hidden controls", () => {
  const name = shortText(40, "A name");
  it.each([
    ["a NUL", "Sam\u0000"],
    ["an escape", "\u001b[31mSam"],
    ["a right-to-left override", "Sam \u202Egnp.exe"],
    ["a bidirectional isolate", "\u2066Sam\u2069"],
  ])("refuses %s, naming the problem", (_what, text) => {
    const result = name.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(HIDDEN_CONTROLS_MESSAGE);
  });

  it.each([
    ["Arabic", "مرحبا يا سام"],
    ["Hebrew with numbers", "שלום 123"],
    ["an emoji family (zero-width joiners)", "👨‍👩‍👧 Sam"],
    ["accents", "José Ñúñez"],
  ])("accepts %s", (_what, text) => {
    expect(name.safeParse(text).success).toBe(true);
  });

  it("lets a chat message keep its line breaks and tabs but not a NUL", () => {
    expect(messageTextSchema.safeParse("line one\n\tline two").success).toBe(true);
    expect(messageTextSchema.safeParse("line one\u0000").success).toBe(false);
  });

  it("refuses half of a surrogate pair on its own, and keeps whole pairs", () => {
    expect(name.safeParse("Sam \uD83D").error?.issues[0]?.message).toBe(HIDDEN_CONTROLS_MESSAGE);
    expect(name.safeParse("\uDE00 Sam").error?.issues[0]?.message).toBe(HIDDEN_CONTROLS_MESSAGE);
    expect(name.safeParse("Sam \uD83D\uDE00").success).toBe(true);
  });

  it("holds a note to the same rule, while keeping its line breaks and allowing it empty", () => {
    const note = noteText(2000);
    expect(note.safeParse("").success).toBe(true);
    expect(note.safeParse("a hard day\n\nbut I called Sam 💪🏽").success).toBe(true);
    for (const hidden of ["\u0000", "\u202E", "\uD83D"]) {
      expect(note.safeParse(`tired${hidden}`).error?.issues[0]?.message).toBe(HIDDEN_CONTROLS_MESSAGE);
    }
    expect(note.safeParse("x".repeat(2001)).error?.issues[0]?.message).toBe(
      "A note can be at most 2000 characters",
    );
  });
});

describe("text a person can see", () => {
  it.each([
    ["zero-width spaces", "\u200B\u200B"],
    ["a word joiner and a BOM", "\u2060\uFEFF"],
    ["a soft hyphen among spaces", " \u00AD "],
    ["a lone zero-width joiner", "\u200D"],
    ["a Hangul filler", "\u3164"],
    ["the blank Braille pattern", "\u2800\u2800"],
    ["a combining mark with nothing to sit on", "\u0301"],
    ["a joiner and a variation selector", "\u200D\uFE0F"],
    ["a tag character", "\u{E0041}"],
  ])("finds none in %s: an empty message and an empty name are refused", (_what, text) => {
    expect(hasVisibleText(text)).toBe(false);
    expect(messageTextSchema.safeParse(text).error?.issues[0]?.message).toBe("Write a message");
    expect(shortText(40, "A name").safeParse(text).error?.issues[0]?.message).toBe("A name can't be empty");
  });

  it("finds it in an emoji joined by zero-width joiners and in a word with one inside", () => {
    expect(hasVisibleText("👨‍👩‍👧")).toBe(true);
    expect(hasVisibleText("ad\u200Bmin")).toBe(true);
    expect(hasVisibleText("e\u0301")).toBe(true);
    expect(hasVisibleText("مرحبا")).toBe(true);
    expect(hasVisibleText("❤️")).toBe(true);
  });
});
