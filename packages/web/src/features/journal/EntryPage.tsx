/**
 * One entry, read. Its text is shown as text (React escapes it; no HTML is ever made from an entry, C09), with
 * line breaks kept by CSS. An entry that failed authentication says so and shows nothing of its bytes.
 */
import type { JournalEntryContent } from "@cairn/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { ConfirmRemoval, LiveMessage } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { describeLocalDate } from "../../lib/dates.ts";
import { describeError } from "../../lib/forms.ts";
import { promptQuestions } from "./form.ts";
import { useDeleteEntry, useEntry } from "./state.ts";
import { usePromptWords } from "./words.ts";

/** A prompt's answered questions, each under its question. */
function Answers({ prompt }: { prompt: NonNullable<JournalEntryContent["prompt"]> }) {
  const words = usePromptWords();
  return promptQuestions(prompt.kind)
    .filter((question) => prompt.fields[question])
    .map((question) => (
      <section key={question} className="journal-entry__answer">
        <h2>{words.question(prompt.kind, question)}</h2>
        <div className="journal-entry__text">{prompt.fields[question]}</div>
      </section>
    ));
}

export function EntryPage({ entryId }: { entryId: string }) {
  const { t, i18n } = useTranslation();
  const words = usePromptWords();
  const [, navigate] = useLocation();
  const { entry, isError, refetch, data } = useEntry(entryId);
  const remove = useDeleteEntry();
  const [asking, setAsking] = useState(false);

  if (isError) return <LoadFailed onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const back = (
    <p className="journal-link">
      <Link href="/">{t("journal.back")}</Link>
    </p>
  );
  if (!entry) return <NotFound />;
  const deletion = (
    <>
      {asking ? (
        <ConfirmRemoval
          question={t("journal.deleteQuestion")}
          confirm={t("journal.deleteConfirm")}
          keep={t("journal.deleteKeep")}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(entry, { onSuccess: () => navigate("/", { replace: true }) })}
          onKeep={() => setAsking(false)}
        />
      ) : null}
      <LiveMessage kind="error" message={remove.isError ? describeError(t, remove.error) : undefined} />
    </>
  );
  if (!entry.content) {
    // Nothing of a damaged entry is shown; it can only be deleted.
    return (
      <Page title={t("journal.title")} className="journal">
        <p className="notice notice--warning">{t("journal.damaged")}</p>
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t("journal.delete")}
        </button>
        {deletion}
        {back}
      </Page>
    );
  }
  const { content } = entry;
  return (
    <Page title={words.entryTitle(content)} className="journal">
      <p className="journal-entry__date">{describeLocalDate(content.date, i18n.language)}</p>
      {content.mood !== null ? (
        <p>{t("journal.moodLabel", { mood: t(`checkin.mood.${content.mood}` as "checkin.mood.1") })}</p>
      ) : null}
      {content.tags.length > 0 ? <p>{t("journal.tagsLabel", { tags: content.tags.join(", ") })}</p> : null}
      {content.prompt ? <Answers prompt={content.prompt} /> : null}
      {content.body ? <div className="journal-entry__text">{content.body}</div> : null}
      <div className="button-row">
        <Link href={`/${encodeURIComponent(entry.id)}/edit`} className="button button--primary">
          {t("journal.edit")}
        </Link>
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t("journal.delete")}
        </button>
      </div>
      {deletion}
      {back}
    </Page>
  );
}
