/**
 * The entry editor's values as typed, and what they become: the entry's plaintext content (core's
 * `JournalEntryContent`). Kept free of React so the rules are unit-tested. Text is kept exactly as typed
 * (no trimming inside, no cutting), so emoji and spacing come back byte for byte (C08).
 */
import { JOURNAL_PROMPTS, type JournalEntryContent, type JournalPromptKind } from "@cairn/core";

export interface EditorValues {
  date: string;
  title: string;
  /** The free text of an entry written without a prompt. */
  body: string;
  /** "" for no mood, else "1" to "5" (the check-in's scale). */
  mood: string;
  /** As typed: a comma-separated list. */
  tags: string;
  /** A prompt's answers by question. */
  answers: Record<string, string>;
}

export function emptyEditor(date: string): EditorValues {
  return { date, title: "", body: "", mood: "", tags: "", answers: {} };
}

/** Tags from "work, sleep ,Work,": trimmed, blanks dropped, the first spelling of a repeat kept. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(",")) {
    const tag = part.trim();
    const folded = tag.toLocaleLowerCase();
    if (tag === "" || seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
  }
  return tags;
}

export function editorFrom(content: JournalEntryContent): EditorValues {
  return {
    date: content.date,
    title: content.title ?? "",
    body: content.body,
    mood: content.mood === null ? "" : String(content.mood),
    tags: content.tags.join(", "),
    answers: { ...content.prompt?.fields },
  };
}

/** The questions a prompt asks, in order (a plain list, so callers need not narrow the kind). */
export function promptQuestions(kind: JournalPromptKind): readonly string[] {
  return JOURNAL_PROMPTS[kind];
}

/**
 * The content to lock and save. A prompt keeps its kind and the questions answered (blank answers left
 * out); a title of spaces is no title.
 */
export function contentFrom(values: EditorValues, prompt: JournalPromptKind | null): JournalEntryContent {
  const title = values.title.trim();
  const fields = prompt
    ? Object.fromEntries(
        promptQuestions(prompt)
          .filter((question) => (values.answers[question] ?? "").trim() !== "")
          .map((question) => [question, values.answers[question] as string]),
      )
    : {};
  return {
    date: values.date,
    title: title === "" ? null : title,
    body: prompt ? "" : values.body,
    mood: values.mood === "" ? null : Number(values.mood),
    tags: parseTags(values.tags),
    prompt: prompt ? { kind: prompt, fields } : null,
  };
}

/** Every word the member wrote in an entry, for the danger-language check and the "write something" rule. */
export function writtenText(content: JournalEntryContent): string {
  return [content.title ?? "", content.body, ...Object.values(content.prompt?.fields ?? {})].join("\n");
}
