/** The catalog's words for each prompt (keys built from core's prompt table, so typed loosely here). */
import type { JournalPromptKind } from "@cairn/core";
import { useTranslation } from "react-i18next";

export function usePromptWords() {
  const { t } = useTranslation();
  const word = (key: string) => t(key as "journal.title");
  return {
    title: (kind: JournalPromptKind) => word(`journal.prompts.${kind}.title`),
    hint: (kind: JournalPromptKind) => word(`journal.prompts.${kind}.hint`),
    question: (kind: JournalPromptKind, field: string) => word(`journal.prompts.${kind}.fields.${field}`),
  };
}
