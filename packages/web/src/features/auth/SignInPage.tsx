import { loginSchema } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { api } from "../../api/endpoints.ts";
import { FormEnd } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { openJournalAfterSignIn } from "../journal/account.ts";
import { useSignInForm } from "./auth.ts";
import { UsernameField } from "./UsernameField.tsx";
import "./auth.css";
import { PendingInviteNotice } from "../teams/PendingInviteNotice.tsx";

export function SignInPage() {
  const { t } = useTranslation();
  const form = useSignInForm({
    initial: { username: "", password: "" },
    check: loginSchema,
    // The password just typed also opens the journal on this device, until sign-out.
    send: (input) =>
      api.login(input).then((result) => {
        openJournalAfterSignIn(result.member.id, input.password);
        return result;
      }),
    wrong: t("auth.signIn.wrong"),
  });

  return (
    <Page title={t("auth.signIn.title")} className="auth">
      <PendingInviteNotice />
      <p>{t("auth.signIn.intro")}</p>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <UsernameField {...form.field("username")} />
        <PasswordField
          label={t("auth.fields.password")}
          autoComplete="current-password"
          {...form.field("password")}
        />
        <FormEnd form={form} submit={t("auth.signIn.submit")} />
      </form>
      <div className="auth__links">
        <p>
          {t("auth.signIn.noAccount")} <Link href="/signup">{t("auth.signIn.signUpLink")}</Link>
        </p>
        <p>
          {t("auth.signIn.forgot")} <Link href="/recover">{t("auth.signIn.recoverLink")}</Link>
        </p>
      </div>
    </Page>
  );
}
