import { loginSchema } from "@cairn/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queries.ts";
import { LiveMessage, TextField, useFocusFirstInvalid } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { describeError, type FieldErrors, serverFieldErrors, validate } from "../../lib/forms.ts";
import "./auth.css";

export function SignInPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [values, setValues] = useState({ username: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const formRef = useFocusFirstInvalid(errors);

  const login = useMutation({
    mutationFn: api.login,
    onSuccess: ({ member }) => {
      navigate("/", { replace: true });
      client.setQueryData(keys.me, member);
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 401) setFormError(t("auth.signIn.wrong"));
      else setFormError(describeError(t, error));
      setErrors(serverFieldErrors(error));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const result = validate(loginSchema, values);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    setErrors({});
    login.mutate(result.data);
  }

  return (
    <Page title={t("auth.signIn.title")} className="auth">
      <p>{t("auth.signIn.intro")}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <TextField
          label={t("auth.fields.username")}
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
          name="password"
          autoComplete="current-password"
          value={values.password}
          error={errors.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <LiveMessage kind="error" message={formError} />
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          {t("auth.signIn.submit")}
        </button>
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
