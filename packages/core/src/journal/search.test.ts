import { describe, expect, it } from "vitest";
import { journalTags, searchJournal, sortJournal } from "./search.ts";
import { openedEntry } from "./test-entries.ts";
import { foldForSearch, previewText } from "./text.ts";

describe("journal search", () => {
  const cafe = openedEntry({ date: "2026-11-02", title: "Café with Sam", tags: ["Friends"] });
  const walk = openedEntry({ date: "2026-11-05", body: "A long WALK after work", tags: ["friends", "Été"] });
  const thought = openedEntry({
    date: "2026-11-04",
    body: "",
    prompt: {
      kind: "thought-record",
      fields: { situation: "Meeting ran late", balancedThought: "It passed" },
    },
  });
  const all = [cafe, walk, thought];

  it("finds words without case or accents, in title, body and prompt answers", () => {
    expect(searchJournal(all, { text: "cafe" })).toEqual([cafe]);
    expect(searchJournal(all, { text: "walk" })).toEqual([walk]);
    expect(searchJournal(all, { text: "MEETING" })).toEqual([thought]);
  });

  it("needs every word of the query, in any order", () => {
    expect(searchJournal(all, { text: "work walk" })).toEqual([walk]);
    expect(searchJournal(all, { text: "walk sam" })).toEqual([]);
  });

  it("filters by tag without case or accents, and combines with words", () => {
    expect(searchJournal(all, { tag: "FRIENDS" })).toEqual([walk, cafe]);
    expect(searchJournal(all, { tag: "ete" })).toEqual([walk]);
    expect(searchJournal(all, { tag: "friends", text: "sam" })).toEqual([cafe]);
  });

  it("lists everything newest first for an empty query, and nothing for no entries", () => {
    expect(searchJournal(all, { text: "  " })).toEqual([walk, thought, cafe]);
    expect(searchJournal([], { text: "x" })).toEqual([]);
  });

  it("orders entries of the same day by when they were written, newest first", () => {
    const first = openedEntry({ date: "2026-11-06" });
    const second = openedEntry({ date: "2026-11-06" });
    expect(sortJournal([first, second])).toEqual([second, first]);
  });

  it("lists each tag once, in its first spelling, alphabetically", () => {
    expect(journalTags(all)).toEqual(["Été", "friends"]);
    expect(journalTags([])).toEqual([]);
  });
});

describe("journal text", () => {
  it("folds case and accents", () => {
    expect(foldForSearch("ÉTÉ Crème Brûlée")).toBe("ete creme brulee");
  });

  it("previews never cut a surrogate pair, skin-tone modifier or joined emoji (C08)", () => {
    const family = "👨‍👩‍👧"; // 8 code units joined by zero-width joiners
    const text = `ok ${family} 💪🏽 end`;
    for (let max = 2; max < text.length; max++) {
      const preview = previewText(text, max);
      expect(preview.length, `max ${max}`).toBeLessThanOrEqual(max);
      const kept = preview.slice(0, -1);
      expect(text.startsWith(kept), `max ${max}`).toBe(true);
      // Whatever was kept ends on a whole grapheme: the family and the flexed arm are all or nothing.
      expect(kept.includes("👨") && !kept.includes(family)).toBe(false);
      expect(kept.includes("💪") && !kept.includes("💪🏽")).toBe(false);
    }
    expect(previewText(text, text.length)).toBe(text);
  });
});
