import { type MemberPatch, memberPatchSchema, passwordChangeSchema } from "@cairn/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { forgetSession, usePatchMe } from "../../api/queries.ts";
import { useMember } from "../../app/session.ts";
import { LiveMessage, TextField, useFocusFirstInvalid } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { TimeZoneField } from "../../components/TimeZoneField.tsx";
import { describeError, type FieldErrors, serverFieldErrors, validate } from "../../lib/forms.ts";
import { profilePatch } from "./profile.ts";
import "./settings.css";

function ProfileForm() {
  const { t } = useTranslation();
  const member = useMember();
  const [values, setValues] = useState({ displayName: member.displayName ?? "", timezone: member.timezone });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const patchMe = usePatchMe();
  const formRef = useFocusFirstInvalid(errors);

  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    setFormError(undefined);
    const patch = profilePatch(member, values);
    if (Object.keys(patch).length === 0) {
      setStatus(t("settings.nothingChanged"));
      return;
    }
    const result = validate<MemberPatch>(memberPatchSchema, patch);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    setErrors({});
    patchMe.mutate(result.data, {
      onSuccess: () => setStatus(t("settings.profileSaved")),
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        setFormError(describeError(t, error));
      },
    });
  }

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("settings.profileTitle")}</h2>
      <p>{t("settings.signedInAs", { username: member.username })}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <TextField
          label={t("settings.displayName")}
          hint={t("settings.displayNameHint")}
          optional
          name="displayName"
          autoComplete="nickname"
          maxLength={40}
          value={values.displayName}
          error={errors.displayName}
          onChange={(e) => setValues({ ...values, displayName: e.target.value })}
        />
        <TimeZoneField
          label={t("settings.timeZone")}
          hint={(zone) => t("settings.timeZoneHint", { zone })}
          value={values.timezone}
          error={errors.timezone}
          onChange={(timezone) => setValues({ ...values, timezone })}
        />
        <LiveMessage kind="error" message={formError} />
        <LiveMessage kind="status" message={status} />
        <button type="submit" className="button button--primary button--block" disabled={patchMe.isPending}>
          {t("settings.saveProfile")}
        </button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const formRef = useFocusFirstInvalid(errors);
  const change = useMutation({ mutationFn: api.changePassword });

  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    setFormError(undefined);
    const result = validate(passwordChangeSchema, values);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    setErrors({});
    change.mutate(result.data, {
      onSuccess: () => {
        setValues({ currentPassword: "", newPassword: "" });
        setStatus(t("settings.passwordChanged"));
      },
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        setFormError(describeError(t, error));
      },
    });
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("settings.passwordTitle")}</h2>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <PasswordField
          label={t("auth.fields.currentPassword")}
          name="currentPassword"
          autoComplete="current-password"
          value={values.currentPassword}
          error={errors.currentPassword}
          onChange={(e) => setValues({ ...values, currentPassword: e.target.value })}
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
        <LiveMessage kind="status" message={status} />
        <button type="submit" className="button button--primary button--block" disabled={change.isPending}>
          {t("settings.changePassword")}
        </button>
      </form>
    </section>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string>();
  const logout = useMutation({
    mutationFn: api.logout,
    onSuccess: () => {
      navigate("/signin", { replace: true });
      forgetSession(client);
    },
    onError: (failure) => {
      // Already signed out on the server (expired, or ended from another device): finish signing out here.
      if (failure instanceof ApiRequestError && failure.status === 401) {
        navigate("/signin", { replace: true });
        forgetSession(client);
      } else setError(describeError(t, failure));
    },
  });
  return (
    <section className="card" aria-labelledby="signout-title">
      <h2 id="signout-title">{t("settings.signOutTitle")}</h2>
      <p>{t("settings.signOutHint")}</p>
      <LiveMessage kind="error" message={error} />
      <button
        type="button"
        className="button button--block"
        disabled={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {t("settings.signOut")}
      </button>
    </section>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("settings.title")} className="settings">
      <ProfileForm />
      <PasswordForm />
      <SignOut />
    </Page>
  );
}
