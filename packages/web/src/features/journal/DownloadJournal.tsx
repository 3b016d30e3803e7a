/**
 * "Take it with you": the journal opened here and saved as Markdown or JSON (core's export helpers), with the
 * Markdown's headings in the member's language.
 */
import { JOURNAL_PROMPT_KINDS, type JournalExportLabels } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { useMember } from "../../app/session.ts";
import { promptQuestions } from "./form.ts";
import type { OpenedEntry } from "./state.ts";
import { exportFile } from "./vault.ts";
import { usePromptWords } from "./words.ts";

function download(file: { name: string; type: string; text: string }) {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  link.click();
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function useExportLabels(): JournalExportLabels {
  const { t } = useTranslation();
  const words = usePromptWords();
  return {
    heading: t("journal.download.heading"),
    exported: (date, count) => t("journal.download.exported", { date, count }),
    mood: (mood) => t("journal.moodLabel", { mood: t(`checkin.mood.${mood}` as "checkin.mood.1") }),
    tags: t("journal.editor.tags"),
    prompts: Object.fromEntries(
      JOURNAL_PROMPT_KINDS.map((kind) => [
        kind,
        {
          name: words.title(kind),
          fields: Object.fromEntries(
            promptQuestions(kind).map((field) => [field, words.question(kind, field)]),
          ),
        },
      ]),
    ) as JournalExportLabels["prompts"],
  };
}

export function DownloadJournal({ entries }: { entries: readonly OpenedEntry[] }) {
  const { t } = useTranslation();
  const labels = useExportLabels();
  const { timezone: timeZone } = useMember();
  return (
    <section className="card" aria-labelledby="download-title">
      <h2 id="download-title">{t("journal.download.title")}</h2>
      <p>{t("journal.download.hint")}</p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => download(exportFile(entries, "markdown", { timeZone, labels }))}
        >
          {t("journal.download.markdown")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => download(exportFile(entries, "json", { timeZone }))}
        >
          {t("journal.download.json")}
        </button>
      </div>
    </section>
  );
}
