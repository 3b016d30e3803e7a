/** "Take it with you": the journal opened here and saved as Markdown or JSON (core's export helpers). */
import { useTranslation } from "react-i18next";
import type { OpenedEntry } from "./state.ts";
import { exportFile } from "./vault.ts";

function download(file: { name: string; type: string; text: string }) {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  link.click();
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function DownloadJournal({ entries }: { entries: readonly OpenedEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="download-title">
      <h2 id="download-title">{t("journal.download.title")}</h2>
      <p>{t("journal.download.hint")}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => download(exportFile(entries, "markdown"))}>
          {t("journal.download.markdown")}
        </button>
        <button type="button" className="button" onClick={() => download(exportFile(entries, "json"))}>
          {t("journal.download.json")}
        </button>
      </div>
    </section>
  );
}
