import { type Member, signupSchema } from "@cairn/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { api, type SignupResult } from "../../api/endpoints.ts";
import { keys } from "../../api/queries.ts";
import { LiveMessage, TextField, useFocusFirstInvalid } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { describeError, type FieldErrors, serverFieldErrors, validate } from "../../lib/forms.ts";
import { RecoveryCodes } from "./RecoveryCodes.tsx";
import "./auth.css";

/**
 * Sign up, then the recovery codes, shown once. The new session exists from the moment sign-up succeeds, but
 * the app only treats the member as signed in after "Continue", so nothing navigates away from the codes.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [values, setValues] = useState({ username: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState<SignupResult>();
  const formRef = useFocusFirstInvalid(errors);

  const signup = useMutation({
    mutationFn: api.signup,
    onSuccess: (result) => setCreated(result),
    onError: (error) => {
      const fields = serverFieldErrors(error);
      if (error instanceof ApiRequestError && error.status === 409 && !fields.username) {
        fields.username = t("auth.signUp.taken");
      }
      setErrors(fields);
      setFormError(describeError(t, error));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const result = validate(signupSchema, values);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    setErrors({});
    signup.mutate(result.data);
  }

  function finish(member: Member) {
    navigate("/welcome", { replace: true });
    client.setQueryData(keys.me, member);
  }

  if (created) {
    return (
      <RecoveryCodes
        username={created.member.username}
        codes={created.recoveryCodes}
        onDone={() => finish(created.member)}
      />
    );
  }

  return (
    <Page title={t("auth.signUp.title")} className="auth">
      <p>{t("auth.signUp.noEmail")}</p>
      <p>{t("auth.signUp.codesMatter")}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <TextField
          label={t("auth.fields.username")}
          hint={t("auth.fields.usernameHint")}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={values.username}
          error={errors.username}
          onChange={(e) => setValues({ ...values, username: e.target.value })}
        />
        <PasswordField
          label={t("auth.fields.password")}
          hint={t("auth.fields.newPasswordHint")}
          name="password"
          autoComplete="new-password"
          value={values.password}
          error={errors.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <LiveMessage kind="error" message={formError} />
        <button type="submit" className="button button--primary button--block" disabled={signup.isPending}>
          {t("auth.signUp.submit")}
        </button>
      </form>
      <div className="auth__links">
        <p>
          {t("auth.signUp.haveAccount")} <Link href="/signin">{t("auth.signUp.signInLink")}</Link>
        </p>
      </div>
    </Page>
  );
}
