/**
 * Search and filter, done on the device: the server cannot read the text. Words of the query must all appear
 * (in any order) in the title, body, tags or prompt answers, compared without case or accents.
 */
import type { JournalEntry } from "./entries.ts";
import { foldForSearch } from "./text.ts";

export interface JournalFilter {
  /** Words to find; empty or absent matches every entry. */
  text?: string;
  /** Only entries with this tag (without case or accents). */
  tag?: string;
}

// Each entry's folded text is worked out once: a member typing a query searches the same entries many times.
const foldedText = new WeakMap<JournalEntry, string>();

function searchableText(entry: JournalEntry): string {
  let folded = foldedText.get(entry);
  if (folded === undefined) {
    const { title, body, tags, prompt } = entry.content;
    const parts = [title ?? "", body, ...tags, ...(prompt ? Object.values(prompt.fields) : [])];
    folded = foldForSearch(parts.join("\n"));
    foldedText.set(entry, folded);
  }
  return folded;
}

/** Newest first: by the entry's date, then by when it was written. */
export function sortJournal(entries: readonly JournalEntry[]): JournalEntry[] {
  return [...entries].sort(
    (a, b) =>
      compare(b.content.date, a.content.date) || compare(b.createdAt, a.createdAt) || compare(a.id, b.id),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entries matching the filter, newest first. */
export function searchJournal(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  const words = foldForSearch(filter.text ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const tag = filter.tag ? foldForSearch(filter.tag.trim()) : undefined;
  const matches = entries.filter((entry) => {
    if (tag !== undefined && !entry.content.tags.some((t) => foldForSearch(t) === tag)) return false;
    if (words.length === 0) return true;
    const text = searchableText(entry);
    return words.every((word) => text.includes(word));
  });
  return sortJournal(matches);
}

/** Every tag in use, each once (first spelling seen), in alphabetical order without case or accents. */
export function journalTags(entries: readonly JournalEntry[]): string[] {
  const byFolded = new Map<string, string>();
  for (const entry of sortJournal(entries)) {
    for (const tag of entry.content.tags) {
      const folded = foldForSearch(tag);
      if (!byFolded.has(folded)) byFolded.set(folded, tag);
    }
  }
  return [...byFolded.entries()].sort(([a], [b]) => compare(a, b)).map(([, tag]) => tag);
}
