import { signupSchema } from "@cairn/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { api, type SignupResult } from "../../api/endpoints.ts";
import { FormEnd } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { useApiForm } from "../../lib/useApiForm.ts";
import { useSignedIn } from "./auth.ts";
import { RecoveryCodes } from "./RecoveryCodes.tsx";
import { UsernameField } from "./UsernameField.tsx";
import "./auth.css";
import { PendingInviteNotice } from "../teams/PendingInviteNotice.tsx";

/**
 * Sign up, then the recovery codes, shown once. The new session exists from the moment sign-up succeeds, but
 * the app only treats the member as signed in after "Continue", so nothing navigates away from the codes.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  const signedIn = useSignedIn("/welcome");
  const [created, setCreated] = useState<SignupResult>();
  const form = useApiForm({
    initial: { username: "", password: "" },
    check: signupSchema,
    send: api.signup,
    onSuccess: setCreated,
    onFailure: (error, failure) => {
      if (!(error instanceof ApiRequestError)) return failure;
      if (error.status === 409 && !failure.fields.username) {
        return { ...failure, fields: { ...failure.fields, username: t("auth.signUp.taken") } };
      }
      // Sign-ups are limited per address (a shared network counts as one): say which limit it is.
      return error.status === 429 ? { ...failure, message: t("auth.signUp.tooMany") } : failure;
    },
  });

  if (created) return <SaveCodesScreen created={created} onDone={() => signedIn(created.member)} />;

  return (
    <Page title={t("auth.signUp.title")} className="auth">
      <PendingInviteNotice />
      <p>{t("auth.signUp.noEmail")}</p>
      <p>{t("auth.signUp.codesMatter")}</p>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <UsernameField hint={t("auth.fields.usernameHint")} {...form.field("username")} />
        <PasswordField
          label={t("auth.fields.password")}
          hint={t("auth.fields.newPasswordHint")}
          autoComplete="new-password"
          {...form.field("password")}
        />
        <FormEnd form={form} submit={t("auth.signUp.submit")} />
      </form>
      <div className="auth__links">
        <p>
          {t("auth.signUp.haveAccount")} <Link href="/signin">{t("auth.signUp.signInLink")}</Link>
        </p>
      </div>
    </Page>
  );
}

/** The codes, once; "Continue" only after the member says they saved them (until then, leaving asks first). */
function SaveCodesScreen({ created, onDone }: { created: SignupResult; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t("auth.codes.title")} className="auth codes">
      <RecoveryCodes
        username={created.member.username}
        codes={created.recoveryCodes}
        saved={saved}
        onSavedChange={setSaved}
        heading={t("auth.codes.listLabel")}
        intro={t("auth.codes.intro")}
      />
      <p>{t("auth.codes.newInSettings")}</p>
      <div className="action-bar">
        <button
          type="button"
          className="button button--primary button--block"
          disabled={!saved}
          onClick={onDone}
        >
          {t("auth.codes.continue")}
        </button>
      </div>
    </Page>
  );
}
