/**
 * Starting the journal and opening it on a device where it isn't open yet. The password is typed here and used
 * only on this device, to derive the key that locks the journal's key; that takes a second or two (argon2id,
 * 64 MiB), so the form says what is happening.
 */
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { useMember } from "../../app/session.ts";
import { FormEnd } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { useApiForm } from "../../lib/useApiForm.ts";
import { RecoveryCodes } from "../auth/RecoveryCodes.tsx";
import { useJournalOpened } from "./state.ts";
import { isWrongSecret, JournalNotStarted, startJournal, unlockJournal } from "./vault.ts";

function ProtectionLink() {
  const { t } = useTranslation();
  return (
    <p className="journal-link">
      <Link href="/protection">{t("journal.protectionLink")}</Link>
    </p>
  );
}

/** A password form: the password typed is required; a wrong one is said beside the field. */
function usePasswordForm<R>(
  send: (password: string) => Promise<R>,
  onSuccess: (result: R) => void,
  onError?: (error: unknown) => void,
) {
  const { t } = useTranslation();
  return useApiForm({
    initial: { password: "" },
    check: ({ password }) =>
      password === ""
        ? { ok: false as const, fields: { password: t("journal.unlock.required") } }
        : { ok: true as const, data: password },
    send,
    onSuccess,
    onFailure: (error, failure) => {
      onError?.(error);
      // The server names `currentPassword` when it refuses the password (making the recovery codes).
      const wrong =
        isWrongSecret(error) ||
        (error instanceof ApiRequestError && error.fields.currentPassword !== undefined);
      const message = t("journal.unlock.wrong");
      return wrong ? { fields: { password: message }, message } : failure;
    },
  });
}

export function StartJournal() {
  const { t } = useTranslation();
  const member = useMember();
  const opened = useJournalOpened();
  const [understood, setUnderstood] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const [saved, setSaved] = useState(false);
  const understoodId = useId();
  const [notStarted, setNotStarted] = useState(false);
  const form = usePasswordForm(
    (password) => startJournal(member.id, password),
    setCodes,
    (error) => {
      if (!(error instanceof JournalNotStarted)) return;
      setNotStarted(true);
      setCodes(error.recoveryCodes);
    },
  );

  if (codes) {
    return (
      <Page title={t("journal.setup.title")} className="journal">
        {notStarted ? (
          <p className="notice notice--warning" role="alert">
            {t("journal.setup.notStarted")}
          </p>
        ) : (
          <p role="status">{t("journal.setup.started")}</p>
        )}
        <RecoveryCodes
          username={member.username}
          codes={codes}
          saved={saved}
          onSavedChange={setSaved}
          heading={t("journal.setup.codesTitle")}
          intro={t("journal.setup.codesIntro")}
          inSection
        />
        <button
          type="button"
          className="button button--primary button--block"
          disabled={!saved}
          onClick={() => {
            setCodes(undefined);
            setNotStarted(false);
            void opened();
          }}
        >
          {notStarted ? t("journal.setup.tryAgain") : t("journal.setup.continue")}
        </button>
      </Page>
    );
  }

  return (
    <Page title={t("journal.setup.title")} className="journal">
      <p>{t("journal.setup.intro")}</p>
      <p className="notice notice--warning">{t("journal.setup.warning")}</p>
      <p>{t("journal.setup.newCodes")}</p>
      <ProtectionLink />
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <PasswordField
          label={t("journal.setup.password")}
          hint={t("journal.setup.passwordHint")}
          autoComplete="current-password"
          {...form.field("password")}
        />
        <div className="checkbox">
          <input
            id={understoodId}
            type="checkbox"
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
          <label htmlFor={understoodId}>{t("journal.setup.understood")}</label>
        </div>
        {form.pending ? <p role="status">{t("journal.setup.starting")}</p> : null}
        <FormEnd
          form={{ formError: form.formError, status: form.status, pending: form.pending || !understood }}
          submit={t("journal.setup.start")}
        />
      </form>
    </Page>
  );
}

export function UnlockJournal() {
  const { t } = useTranslation();
  const member = useMember();
  const opened = useJournalOpened();
  const form = usePasswordForm(
    (password) => unlockJournal(member.id, password),
    () => void opened(),
  );

  return (
    <Page title={t("journal.unlock.title")} className="journal">
      <p>{t("journal.unlock.intro")}</p>
      <ProtectionLink />
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <PasswordField
          label={t("journal.unlock.password")}
          autoComplete="current-password"
          {...form.field("password")}
        />
        {form.pending ? <p role="status">{t("journal.unlock.opening")}</p> : null}
        <FormEnd form={form} submit={t("journal.unlock.submit")} />
      </form>
    </Page>
  );
}
