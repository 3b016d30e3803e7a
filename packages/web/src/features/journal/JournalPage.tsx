/**
 * The journal: prompts to start from, the entries by date (opened on this device), search and a tag filter
 * run here on the opened text (the server can't read it), and the download.
 */
import { JOURNAL_PROMPT_KINDS, type JournalEntryContent } from "@cairn/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { describeLocalDate } from "../../lib/dates.ts";
import { DownloadJournal } from "./DownloadJournal.tsx";
import { type OpenedEntry, useEntries, useJournalAccess } from "./state.ts";
import { allTags, findEntries } from "./vault.ts";
import { usePromptWords } from "./words.ts";

const PREVIEW_CHARACTERS = 160;

/**
 * The start of what was written, as text: the body, or a prompt's first answer. Cut between whole
 * characters as a person sees them (a skin tone or a family emoji is never split, C08); CSS adds the "…".
 */
function preview(content: JournalEntryContent): string {
  const text = content.body || Object.values(content.prompt?.fields ?? {})[0] || "";
  let out = "";
  let count = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    if (++count > PREVIEW_CHARACTERS) break;
    out += segment;
  }
  return out;
}

function EntryItem({ entry }: { entry: OpenedEntry }) {
  const { t, i18n } = useTranslation();
  const words = usePromptWords();
  const { content } = entry;
  if (!content) {
    return (
      <li className="journal-item journal-item--damaged">
        <Link href={`/${encodeURIComponent(entry.id)}`}>{t("journal.damaged")}</Link>
      </li>
    );
  }
  return (
    <li className="journal-item">
      <Link href={`/${encodeURIComponent(entry.id)}`}>
        <span className="journal-item__date">{describeLocalDate(content.date, i18n.language)}</span>
        <span className="journal-item__title">{words.entryTitle(content)}</span>
      </Link>
      <p className="journal-item__preview">{preview(content)}</p>
    </li>
  );
}

export function JournalPage() {
  const { t } = useTranslation();
  const words = usePromptWords();
  const access = useJournalAccess();
  const entries = useEntries();
  const [query, setQuery] = useState("");
  const [tag, setTag] = useState("");
  const all = entries.data;
  const tags = useMemo(() => (all ? allTags(all) : []), [all]);
  const shown = useMemo(() => (all ? findEntries(all, query, tag) : []), [all, query, tag]);

  return (
    <Page title={t("journal.title")} className="journal">
      <p>{t("journal.intro")}</p>
      <p className="journal-link">
        <Link href="/protection">{t("journal.protectionLink")}</Link>
      </p>
      {access.data?.status === "open" && access.data.codesWithoutWrap > 0 ? (
        <p className="notice notice--warning">
          {t("journal.codesWithoutWrap")} <Link href="~/settings">{t("journal.toSettings")}</Link>
        </p>
      ) : null}
      <Link href="/new" className="button button--primary button--block">
        {t("journal.newEntry")}
      </Link>

      <section className="card" aria-labelledby="prompts-title">
        <h2 id="prompts-title">{t("journal.promptsTitle")}</h2>
        <ul className="journal-prompts">
          {JOURNAL_PROMPT_KINDS.map((kind) => (
            <li key={kind}>
              <Link href={`/new/${kind}`}>{words.title(kind)}</Link>
              <span className="field__hint">{words.hint(kind)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="entries-title">
        <h2 id="entries-title">{t("journal.entriesTitle")}</h2>
        {entries.isError ? (
          <LoadFailed onRetry={() => void entries.refetch()} />
        ) : !all ? (
          <Loading />
        ) : all.length === 0 ? (
          <p>{t("journal.empty")}</p>
        ) : (
          <>
            <div className="journal-filters">
              <TextField
                label={t("journal.search")}
                hint={t("journal.searchHint")}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
              {tags.length > 0 ? (
                <SelectField
                  label={t("journal.tagFilter")}
                  value={tag}
                  onChange={(e) => setTag(e.target.value)}
                >
                  <option value="">{t("journal.allTags")}</option>
                  {tags.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </div>
            {shown.length === 0 ? (
              <p role="status">{t("journal.noMatches")}</p>
            ) : (
              <ul className="journal-list" aria-labelledby="entries-title">
                {shown.map((entry) => (
                  <EntryItem key={entry.id} entry={entry} />
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      {all && all.length > 0 ? <DownloadJournal entries={all} /> : null}
    </Page>
  );
}
