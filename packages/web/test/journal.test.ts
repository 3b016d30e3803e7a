import { JOURNAL_PROMPT_KINDS, JOURNAL_PROMPTS, journalEntryContentSchema } from "@cairn/core";
import { describe, expect, it } from "vitest";
import {
  contentFrom,
  editorFrom,
  emptyEditor,
  parseTags,
  writtenText,
} from "../src/features/journal/form.ts";
import { exportFile } from "../src/features/journal/vault.ts";
import { en } from "../src/i18n/en.ts";

const DAY = "2026-12-03";
const EMOJI = "Day 12 😺 no cravings today 💪🏽 👨‍👩‍👧";

describe("parseTags", () => {
  it("splits on commas, trims, drops blanks and keeps the first spelling of a repeat", () => {
    expect(parseTags(" work, sleep ,, Work ,family ")).toEqual(["work", "sleep", "family"]);
  });

  it("gives no tags for empty input", () => {
    expect(parseTags("")).toEqual([]);
    expect(parseTags(" , ,")).toEqual([]);
  });
});

describe("contentFrom", () => {
  it("keeps a free entry's body exactly as typed, emoji and spacing included (C08)", () => {
    const body = `  ${EMOJI}\n\n<script>alert(1)</script>  `;
    const content = contentFrom({ ...emptyEditor(DAY), body, title: "  ", mood: "4", tags: "a, b" }, null);
    expect(content).toEqual({ date: DAY, title: null, body, mood: 4, tags: ["a", "b"], prompt: null });
    expect(journalEntryContentSchema.safeParse(content).success).toBe(true);
  });

  it("keeps a prompt's kind and only its answered questions, in core's entry shape", () => {
    const values = {
      ...emptyEditor(DAY),
      body: "not sent with a prompt",
      answers: { situation: "At work", feeling: "   ", balancedThought: EMOJI, stray: "not asked" },
    };
    const content = contentFrom(values, "thought-record");
    expect(content.body).toBe("");
    expect(content.prompt).toEqual({
      kind: "thought-record",
      fields: { situation: "At work", balancedThought: EMOJI },
    });
    expect(journalEntryContentSchema.safeParse(content).success).toBe(true);
  });

  it("comes back to the same editor values through editorFrom", () => {
    const values = {
      ...emptyEditor(DAY),
      title: "T",
      mood: "2",
      tags: "x, y",
      answers: { letter: "Dear me" },
    };
    const content = contentFrom(values, "future-letter");
    expect(contentFrom(editorFrom(content), "future-letter")).toEqual(content);
  });
});

describe("writtenText", () => {
  it("holds the title, body and every answer, so danger language anywhere is found", () => {
    const content = contentFrom(
      { ...emptyEditor(DAY), title: "Tonight", answers: { trigger: "payday", nextTime: "call Sam" } },
      "trigger-chain",
    );
    expect(writtenText(content)).toContain("Tonight");
    expect(writtenText(content)).toContain("payday");
    expect(writtenText(content)).toContain("call Sam");
  });

  it("is blank for an entry with nothing written", () => {
    expect(writtenText(contentFrom(emptyEditor(DAY), "gratitude")).trim()).toBe("");
  });
});

describe("the journal's catalog", () => {
  it("has a title, a hint and a question label for every prompt core defines", () => {
    const prompts = en.journal.prompts as Record<string, { title: string; hint: string; fields: object }>;
    for (const kind of JOURNAL_PROMPT_KINDS) {
      expect(prompts[kind]?.title, kind).toBeTruthy();
      expect(prompts[kind]?.hint, kind).toBeTruthy();
      expect(Object.keys(prompts[kind]?.fields ?? {}).sort(), kind).toEqual(
        [...JOURNAL_PROMPTS[kind]].sort(),
      );
    }
  });
});

describe("the downloaded journal's file name", () => {
  // 2026-12-04 03:00 UTC is still the evening of 3 December in Los Angeles and already 4 December in Tokyo.
  const now = Date.parse("2026-12-04T03:00:00Z");

  it("is dated by the member's own zone, whatever the device's", () => {
    expect(exportFile([], "markdown", { timeZone: "America/Los_Angeles", now }).name).toBe(
      "cairn-journal-2026-12-03.md",
    );
    expect(exportFile([], "json", { timeZone: "Asia/Tokyo", now }).name).toBe(
      "cairn-journal-2026-12-04.json",
    );
  });

  it("says in the Markdown when it was downloaded on the member's own clock, readably", () => {
    const text = exportFile([], "markdown", { timeZone: "America/Los_Angeles", now }).text;
    expect(text).toContain("Downloaded 2026-12-03 19:00: 0 entries.");
    expect(text).not.toContain("T03:00");
  });

  it("keeps the exact moment of the download inside the JSON file", () => {
    const text = exportFile([], "json", { timeZone: "America/Los_Angeles", now }).text;
    expect(JSON.parse(text).exportedAt).toBe("2026-12-04T03:00:00.000Z");
  });
});
