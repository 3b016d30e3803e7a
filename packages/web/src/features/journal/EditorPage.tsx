/**
 * Writing or editing an entry, freely or from a guided prompt. Safety first: danger language opens help the
 * moment the entry is saved, checked here on the device (core's detector), whether or not the save succeeds.
 * The text is kept as a draft on this device (sessionStorage) so a reload loses nothing, and stays in the
 * editor when the entry is refused (too long, a conflict, offline).
 */
import { detectDanger, JOURNAL_PROMPT_KINDS, type JournalPromptKind } from "@cairn/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMember } from "../../app/session.ts";
import { FormEnd, SelectField, TextArea, TextField } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { useApiForm } from "../../lib/useApiForm.ts";
import { useToday } from "../../lib/useToday.ts";
import { useHelp } from "../help/HelpContext.ts";
import { draftKey, readDraft, removeDraft, writeDraft } from "./device.ts";
import {
  contentFrom,
  type EditorValues,
  editorFrom,
  emptyEditor,
  promptQuestions,
  writtenText,
} from "./form.ts";
import { type OpenedEntry, useEntry, useSaveEntry } from "./state.ts";
import { entryProblem } from "./vault.ts";
import { usePromptWords } from "./words.ts";

const MOODS = ["1", "2", "3", "4", "5"] as const;
const LONG_ANSWERS: readonly string[] = ["letter", "reflection"];

function asPromptKind(value: string | undefined): JournalPromptKind | null {
  return (JOURNAL_PROMPT_KINDS as readonly string[]).includes(value ?? "")
    ? (value as JournalPromptKind)
    : null;
}

export function EditorPage({ promptKind, entryId }: { promptKind?: string; entryId?: string }) {
  const { entry, isError, refetch, data } = useEntry(entryId ?? "");
  if (!entryId) return <EntryEditor prompt={asPromptKind(promptKind)} entry={undefined} />;
  if (isError) return <LoadFailed onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  // An id that isn't (or is no longer) in the journal: nothing to edit, and nothing is made under it.
  if (!entry) return <NotFound />;
  return <EntryEditor prompt={entry.content?.prompt?.kind ?? null} entry={entry} />;
}

function EntryEditor({
  prompt,
  entry,
}: {
  prompt: JournalPromptKind | null;
  entry: OpenedEntry | undefined;
}) {
  const { t } = useTranslation();
  const words = usePromptWords();
  const member = useMember();
  const today = useToday(member.timezone);
  const { openHelp } = useHelp();
  const [, navigate] = useLocation();
  const save = useSaveEntry();
  const draft = draftKey(member.id, entry ? entry.id : `new-${prompt ?? "free"}`);
  const firstField = prompt ? `answer-${promptQuestions(prompt)[0]}` : "body";

  const form = useApiForm({
    initial: (): EditorValues =>
      readDraft<EditorValues>(draft) ?? (entry?.content ? editorFrom(entry.content) : emptyEditor(today)),
    check: (values: EditorValues) => {
      const content = contentFrom(values, prompt);
      const text = writtenText(content);
      // Safety first, before anything can refuse the entry: the text never leaves the device for this.
      if (detectDanger(text).length > 0) openHelp();
      if (text.trim() === "")
        return { ok: false as const, fields: { [firstField]: t("journal.editor.empty") } };
      const problem = entryProblem(content);
      if (problem) return { ok: false as const, fields: { [problem.field ?? firstField]: problem.message } };
      return { ok: true as const, data: content };
    },
    send: (content) => save.mutateAsync({ entry, content }),
    onSuccess: (saved) => {
      removeDraft(draft);
      navigate(`/${encodeURIComponent(saved.id)}`, { replace: true });
    },
    onFailure: (error, failure) =>
      error instanceof ApiRequestError && error.status === 409
        ? { ...failure, message: t("journal.editor.conflict") }
        : failure,
    alertOnInvalid: true,
  });
  const { values, update } = form;

  // A draft is written once the member changes something, not for an entry only opened to edit.
  const opened = useRef(values);
  useEffect(() => {
    if (values !== opened.current) writeDraft(draft, values);
  }, [draft, values]);

  const title = entry
    ? t("journal.editor.editTitle")
    : prompt
      ? words.title(prompt)
      : t("journal.editor.newTitle");
  if (entry && !entry.content) {
    return (
      <Page title={title} className="journal">
        <p className="notice notice--warning">{t("journal.damaged")}</p>
      </Page>
    );
  }

  return (
    <Page title={title} className="journal">
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack journal-editor">
        <TextField label={t("journal.editor.date")} type="date" max={today} {...form.field("date")} />
        <TextField label={t("journal.editor.title")} optional {...form.field("title")} />
        {prompt ? (
          promptQuestions(prompt).map((question) => (
            <TextArea
              key={question}
              label={words.question(prompt, question)}
              name={`answer-${question}`}
              rows={LONG_ANSWERS.includes(question) ? 10 : 3}
              value={values.answers[question] ?? ""}
              error={form.errors[`answer-${question}`]}
              onChange={(event) => update({ answers: { ...values.answers, [question]: event.target.value } })}
            />
          ))
        ) : (
          <TextArea label={t("journal.editor.body")} rows={12} {...form.field("body")} />
        )}
        <SelectField label={t("journal.editor.mood")} optional {...form.field("mood")}>
          <option value="">{t("journal.editor.noMood")}</option>
          {MOODS.map((mood) => (
            <option key={mood} value={mood}>
              {t(`checkin.mood.${mood}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("journal.editor.tags")}
          hint={t("journal.editor.tagsHint")}
          optional
          {...form.field("tags")}
        />
        <p className="field__hint">{t("journal.editor.draftKept")}</p>
        {form.pending ? <p role="status">{t("journal.editor.saving")}</p> : null}
        <FormEnd form={form} submit={t("journal.editor.save")} />
      </form>
      <p className="journal-link">
        <Link href="/">{t("journal.back")}</Link>
      </p>
    </Page>
  );
}
