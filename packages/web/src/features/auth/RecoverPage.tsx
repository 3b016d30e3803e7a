import { recoverSchema } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { api } from "../../api/endpoints.ts";
import { FormEnd, TextField } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { openJournalAfterRecovery } from "../journal/account.ts";
import { useSignInForm } from "./auth.ts";
import { UsernameField } from "./UsernameField.tsx";
import "./auth.css";

export function RecoverPage() {
  const { t } = useTranslation();
  const form = useSignInForm({
    initial: { username: "", recoveryCode: "", newPassword: "" },
    check: recoverSchema,
    // The recovery code also opens the journal, which is re-wrapped under the new password.
    send: (input) =>
      api.recover(input).then((result) => {
        openJournalAfterRecovery(result.member.id, input.recoveryCode, input.newPassword);
        return result;
      }),
    wrong: t("auth.recover.wrong"),
  });

  return (
    <Page title={t("auth.recover.title")} className="auth">
      <p>{t("auth.recover.intro")}</p>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <UsernameField {...form.field("username")} />
        <TextField
          label={t("auth.fields.recoveryCode")}
          hint={t("auth.fields.recoveryCodeHint")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          {...form.field("recoveryCode")}
        />
        <PasswordField
          label={t("auth.fields.newPassword")}
          hint={t("auth.fields.newPasswordHint")}
          autoComplete="new-password"
          {...form.field("newPassword")}
        />
        <FormEnd form={form} submit={t("auth.recover.submit")} />
      </form>
      <div className="auth__links">
        <p>
          <Link href="/signin">{t("auth.recover.back")}</Link>
        </p>
      </div>
    </Page>
  );
}
