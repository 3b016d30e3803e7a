import { recoveryCodesRenewSchema } from "@cairn/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys, useRecoveryCodesLeft } from "../../api/queries.ts";
import { useMember } from "../../app/session.ts";
import { FormEnd, LiveMessage } from "../../components/fields.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { useApiForm } from "../../lib/useApiForm.ts";
import { RecoveryCodes } from "../auth/RecoveryCodes.tsx";
import { wrapJournalForNewCodes } from "../journal/account.ts";

/** At or below this many unused codes, the section says plainly to make new ones. */
export const LOW_RECOVERY_CODES = 3;

/**
 * How many recovery codes are left, and a form to make ten new ones (which replace all the old ones). The new
 * codes are shown once, like at sign-up, with the focus on their heading.
 */
export function RecoveryCodesSettings() {
  const { t } = useTranslation();
  const member = useMember();
  const client = useQueryClient();
  const [codes, setCodes] = useState<string[]>();
  const [saved, setSaved] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const form = useApiForm({
    initial: { currentPassword: "" },
    check: recoveryCodesRenewSchema,
    // The new codes open the journal too (the old codes' wraps go with them).
    send: async (input) => {
      const result = await api.renewRecoveryCodes(input);
      const wrapped = await wrapJournalForNewCodes(input.currentPassword, result.recoveryCodes);
      return { ...result, wrapped };
    },
    onSuccess: ({ recoveryCodes, wrapped }) => {
      form.setValues({ currentPassword: "" });
      client.setQueryData(keys.recoveryCodesLeft, recoveryCodes.length);
      setSaved(false);
      setCodes(recoveryCodes);
      setAnnouncement(wrapped ? t("settings.recoveryCodes.made") : t("journal.rewrap.codesFailed"));
    },
  });

  function done() {
    setCodes(undefined);
    setAnnouncement(undefined);
    titleRef.current?.focus();
  }

  return (
    <section className="card" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={titleRef} tabIndex={-1}>
        {t("settings.recoveryCodes.title")}
      </h2>
      <LiveMessage kind="status" message={announcement} />
      {codes ? (
        <div className="codes">
          <RecoveryCodes
            username={member.username}
            codes={codes}
            saved={saved}
            onSavedChange={setSaved}
            heading={t("settings.recoveryCodes.newTitle")}
            intro={t("settings.recoveryCodes.newIntro")}
            inSection
          />
          <button
            type="button"
            className="button button--primary button--block"
            disabled={!saved}
            onClick={done}
          >
            {t("settings.recoveryCodes.done")}
          </button>
        </div>
      ) : (
        <>
          <p>{t("settings.recoveryCodes.intro")}</p>
          <CodesLeft />
          <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
            <p className="field__hint">{t("settings.recoveryCodes.replaces")}</p>
            <PasswordField
              label={t("auth.fields.currentPassword")}
              autoComplete="current-password"
              {...form.field("currentPassword")}
            />
            <FormEnd form={form} submit={t("settings.recoveryCodes.submit")} />
          </form>
        </>
      )}
    </section>
  );
}

function CodesLeft() {
  const { t } = useTranslation();
  const left = useRecoveryCodesLeft();
  if (left.isPending) return <p>{t("settings.recoveryCodes.loading")}</p>;
  if (left.isError) return <p>{t("settings.recoveryCodes.loadFailed")}</p>;
  const count = left.data;
  if (count === 0) return <p className="notice notice--warning">{t("settings.recoveryCodes.none")}</p>;
  if (count <= LOW_RECOVERY_CODES) {
    return <p className="notice notice--warning">{t("settings.recoveryCodes.low", { count })}</p>;
  }
  return <p>{t("settings.recoveryCodes.left", { count })}</p>;
}
