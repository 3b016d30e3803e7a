/**
 * "Download my journal", decrypted on the device: JSON (every field, exactly as written) and Markdown (to read).
 * In Markdown the member's words stay words: markup such as `<script>` or `[link](…)` is escaped so that a
 * Markdown viewer shows it as typed instead of running or rendering it (case C09). Text is never cut or
 * re-encoded, so emoji come out byte for byte (case C08).
 */
import type { JournalEntry } from "./entries.ts";
import { JOURNAL_PROMPTS, type JournalPromptKind } from "./schema.ts";
import { sortJournal } from "./search.ts";

export const JOURNAL_EXPORT_FORMAT = "cairn-journal";

/** The JSON export: a document with every entry, newest first. */
export function journalToJson(entries: readonly JournalEntry[], exportedAt: string): string {
  const document = {
    format: JOURNAL_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt,
    entries: sortJournal(entries).map((entry) => ({
      id: entry.id,
      version: entry.version,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      ...entry.content,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export interface JournalExportLabels {
  heading: string;
  exported: (downloadedAt: string, count: number) => string;
  mood: (mood: number) => string;
  tags: string;
  prompts: Record<JournalPromptKind, { name: string; fields: Record<string, string> }>;
}

/** English words for the Markdown export; the web app may pass its own catalog's. */
export const JOURNAL_EXPORT_LABELS_EN: JournalExportLabels = {
  heading: "My Cairn journal",
  exported: (downloadedAt, count) =>
    `Downloaded ${downloadedAt}: ${count} ${count === 1 ? "entry" : "entries"}.`,
  mood: (mood) => `Mood: ${mood} of 5`,
  tags: "Tags",
  prompts: {
    "thought-record": {
      name: "Thought record",
      fields: {
        situation: "Situation",
        automaticThought: "Automatic thought",
        feeling: "Feeling",
        evidenceFor: "Evidence for",
        evidenceAgainst: "Evidence against",
        balancedThought: "Balanced thought",
      },
    },
    gratitude: { name: "Gratitude", fields: { first: "One", second: "Two", third: "Three" } },
    "urge-log": {
      name: "Urge log",
      fields: { intensity: "How strong", situation: "What was happening", whatHelped: "What helped" },
    },
    "trigger-chain": {
      name: "Trigger chain",
      fields: {
        trigger: "Trigger",
        thoughts: "Thoughts",
        feelings: "Feelings",
        actions: "What I did",
        nextTime: "Next time",
      },
    },
    "future-letter": { name: "Letter to my future self", fields: { letter: "Letter" } },
    "daily-reflection": { name: "Daily reflection", fields: { reflection: "Reflection" } },
  },
};

/** ASCII punctuation Markdown may read as markup anywhere in a line; `\` makes each a literal character. */
const INLINE_MARKUP = /[\\`*_{}[\]<>()#|~&!]/g;
/** Markup only at the start of a line: list bullets, ordered lists, setext underlines, block quotes. */
const LINE_START_MARKUP = /^(\s*)([-+=>]|\d+[.)])/;

/** One line of the member's text, escaped so any Markdown viewer shows exactly what was typed. */
function escapeLine(line: string): string {
  return line
    .replace(INLINE_MARKUP, "\\$&")
    .replace(
      LINE_START_MARKUP,
      (_, space: string, mark: string) => `${space}${mark.replace(/[-+=>.)]$/, "\\$&")}`,
    );
}

/** The member's text as Markdown: every line escaped, line breaks kept as hard breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .map((line, i, lines) =>
      i < lines.length - 1 && line !== "" && lines[i + 1] !== "" ? `${line}  ` : line,
    )
    .join("\n");
}

function entryMarkdown(entry: JournalEntry, labels: JournalExportLabels): string {
  const { date, title, body, mood, tags, prompt } = entry.content;
  const parts = [`## ${date}${title ? ` · ${escapeMarkdown(title)}` : ""}`];
  const facts = [
    ...(mood === null ? [] : [labels.mood(mood)]),
    ...(tags.length === 0 ? [] : [`${labels.tags}: ${tags.map(escapeMarkdown).join(", ")}`]),
  ];
  if (facts.length > 0) parts.push(facts.join("  \n"));
  if (prompt) {
    const words = labels.prompts[prompt.kind];
    parts.push(`### ${words.name}`);
    for (const field of JOURNAL_PROMPTS[prompt.kind]) {
      const answer = prompt.fields[field];
      if (answer) parts.push(`**${words.fields[field] ?? field}**  \n${escapeMarkdown(answer)}`);
    }
  }
  if (body) parts.push(escapeMarkdown(body));
  return parts.join("\n\n");
}

/** The Markdown export, newest first, one section per entry; `downloadedAt` as the member reads it. */
export function journalToMarkdown(
  entries: readonly JournalEntry[],
  downloadedAt: string,
  labels: JournalExportLabels = JOURNAL_EXPORT_LABELS_EN,
): string {
  const sorted = sortJournal(entries);
  const sections = [`# ${labels.heading}`, labels.exported(downloadedAt, sorted.length)];
  for (const entry of sorted) sections.push("---", entryMarkdown(entry, labels));
  return `${sections.join("\n\n")}\n`;
}
