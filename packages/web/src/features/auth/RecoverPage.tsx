import { recoverSchema } from "@cairn/core";
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

export function RecoverPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [values, setValues] = useState({ username: "", recoveryCode: "", newPassword: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const formRef = useFocusFirstInvalid(errors);

  const recover = useMutation({
    mutationFn: api.recover,
    onSuccess: ({ member }) => {
      navigate("/", { replace: true });
      client.setQueryData(keys.me, member);
    },
    onError: (error) => {
      const fields = serverFieldErrors(error);
      if (error instanceof ApiRequestError && error.status === 401) setFormError(t("auth.recover.wrong"));
      else setFormError(describeError(t, error));
      setErrors(fields);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const result = validate(recoverSchema, values);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    setErrors({});
    recover.mutate(result.data);
  }

  return (
    <Page title={t("auth.recover.title")} className="auth">
      <p>{t("auth.recover.intro")}</p>
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
        <TextField
          label={t("auth.fields.recoveryCode")}
          hint={t("auth.fields.recoveryCodeHint")}
          name="recoveryCode"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          value={values.recoveryCode}
          error={errors.recoveryCode}
          onChange={(e) => setValues({ ...values, recoveryCode: e.target.value })}
        />
        <PasswordField
          label={t("auth.fields.newPassword")}
          hint={t("auth.fields.newPasswordHint")}
          name="newPassword"
          autoComplete="new-password"
          value={values.newPassword}
          error={errors.newPassword}
          onChange={(e) => setValues({ ...values, newPassword: e.target.value })}
        />
        <LiveMessage kind="error" message={formError} />
        <button type="submit" className="button button--primary button--block" disabled={recover.isPending}>
          {t("auth.recover.submit")}
        </button>
      </form>
      <div className="auth__links">
        <p>
          <Link href="/signin">{t("auth.recover.back")}</Link>
        </p>
      </div>
    </Page>
  );
}
