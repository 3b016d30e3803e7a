/** Entries for the journal's tests (not shipped: only *.test.ts files import it). */
import type { JournalEntry } from "./entries.ts";
import type { JournalEntryContent } from "./schema.ts";

export function entryContent(overrides: Partial<JournalEntryContent> = {}): JournalEntryContent {
  return {
    date: "2026-12-03",
    title: null,
    body: "A quiet day.",
    mood: null,
    tags: [],
    prompt: null,
    ...overrides,
  };
}

let counter = 0;
export function openedEntry(overrides: Partial<JournalEntryContent> = {}): JournalEntry {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`;
  return {
    id,
    version: 1,
    createdAt: `2026-12-03T10:00:${String(counter % 60).padStart(2, "0")}.000Z`,
    updatedAt: "2026-12-03T10:00:00.000Z",
    content: entryContent(overrides),
  };
}

/** Case C08's text, with a skin-tone modifier and a joined (ZWJ) family. */
export const C08_TEXT = "Day 12 😺 no cravings today 💪🏽 👨‍👩‍👧";
/** Case C09's bodies. */
export const C09_BODIES = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<iframe src="https://example.com"></iframe>',
];
