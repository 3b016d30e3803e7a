/** The catalog's words for each prompt (keys built from core's prompt table, so typed loosely here). */
import type { JournalEntryContent, JournalPromptKind } from "@cairn/core";
import { useTranslation } from "react-i18next";

export function usePromptWords() {
  const { t } = useTranslation();
  const word = (key: string) => t(key as "journal.title");
  const title = (kind: JournalPromptKind) => word(`journal.prompts.${kind}.title`);
  return {
    title,
    /** An entry's own title, else its prompt's ("Thought record"), else "Untitled". */
    entryTitle: (content: Pick<JournalEntryContent, "title" | "prompt">) =>
      content.title ?? (content.prompt ? title(content.prompt.kind) : word("journal.untitled")),
    hint: (kind: JournalPromptKind) => word(`journal.prompts.${kind}.hint`),
    question: (kind: JournalPromptKind, field: string) => word(`journal.prompts.${kind}.fields.${field}`),
  };
}
