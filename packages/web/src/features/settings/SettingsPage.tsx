import { MEMBER_LIMITS, type MemberPatch, memberPatchSchema, passwordChangeSchema } from "@cairn/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { forgetSession, usePatchMe } from "../../api/queries.ts";
import { useMember } from "../../app/session.ts";
import { FormEnd, LiveMessage, TextField } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { PasswordField } from "../../components/PasswordField.tsx";
import { TimeZoneField } from "../../components/TimeZoneField.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { describeError, validate } from "../../lib/forms.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { changePasswordWithJournal } from "../journal/account.ts";
import { JournalSettings } from "../journal/JournalSettings.tsx";
import { MedicationsSettingsCard } from "../medications/MedicationsSettingsCard.tsx";
import { ReasonLines } from "../onboarding/RecoveryFields.tsx";
import { SafetyToolsCard } from "../overdose/SafetyToolsCard.tsx";
import { profilePatch, reasonLines, reasonsPatch } from "./profile.ts";
import { RecoveriesSettings } from "./RecoveriesSettings.tsx";
import { RecoveryCodesSettings } from "./RecoveryCodesSettings.tsx";
import { TeamSettings } from "./TeamSettings.tsx";
import "./settings.css";

function ProfileForm() {
  const { t } = useTranslation();
  const member = useMember();
  const patchMe = usePatchMe();
  const form = useApiForm({
    initial: { displayName: member.displayName ?? "", timezone: member.timezone },
    check: (values) => {
      const patch = profilePatch(member, values);
      return Object.keys(patch).length === 0 ? null : validate<MemberPatch>(memberPatchSchema, patch);
    },
    send: patchMe.mutateAsync,
    savedMessage: t("settings.profileSaved"),
  });

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("settings.profileTitle")}</h2>
      <p>{t("settings.signedInAs", { username: member.username })}</p>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <TextField
          label={t("settings.displayName")}
          hint={t("settings.displayNameHint")}
          optional
          autoComplete="nickname"
          maxLength={MEMBER_LIMITS.displayNameMax}
          {...form.field("displayName")}
        />
        <TimeZoneField
          label={t("settings.timeZone")}
          hint={(zone) => t("settings.timeZoneHint", { zone })}
          value={form.values.timezone}
          error={form.errors.timezone}
          onChange={(timezone) => form.update({ timezone })}
        />
        <FormEnd form={form} submit={t("settings.saveProfile")} />
      </form>
    </section>
  );
}

function ReasonsForm() {
  const { t } = useTranslation();
  const member = useMember();
  const patchMe = usePatchMe();
  const form = useApiForm({
    initial: { lines: reasonLines(member.reasons) },
    check: ({ lines }) => reasonsPatch(member.reasons, lines),
    send: patchMe.mutateAsync,
    savedMessage: t("settings.reasons.saved"),
    // Blank lines are gone once saved; the form shows what was kept.
    onSuccess: ({ member: saved }) => {
      form.setValues({ lines: reasonLines(saved.reasons) });
    },
  });

  return (
    <section className="card" aria-labelledby="reasons-title">
      <h2 id="reasons-title">{t("onboarding.reasonsLegend")}</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <p className="field__hint">{t("settings.reasons.hint")}</p>
        <ReasonLines
          lines={form.values.lines}
          errors={form.errors}
          onChange={(lines) => form.update({ lines })}
        />
        <FormEnd form={form} submit={t("settings.reasons.save")} />
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const empty = { currentPassword: "", newPassword: "" };
  const form = useApiForm({
    initial: empty,
    check: passwordChangeSchema,
    // The journal's key is re-wrapped under the new password (nothing is re-encrypted).
    send: (input) => changePasswordWithJournal(input, () => api.changePassword(input)),
    savedMessage: (rewrapped) => (rewrapped ? t("settings.passwordChanged") : t("journal.rewrap.failed")),
    onSuccess: () => {
      form.setValues(empty);
    },
  });

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("settings.passwordTitle")}</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <PasswordField
          label={t("auth.fields.currentPassword")}
          autoComplete="current-password"
          {...form.field("currentPassword")}
        />
        <PasswordField
          label={t("auth.fields.newPassword")}
          hint={t("auth.fields.newPasswordHint")}
          autoComplete="new-password"
          {...form.field("newPassword")}
        />
        <FormEnd form={form} submit={t("settings.changePassword")} />
      </form>
    </section>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string>();
  // Here only, or on every device (a lost phone, one left signed in somewhere): this one signs out either way.
  const logout = useMutation({
    mutationFn: (everywhere: boolean) => (everywhere ? api.logoutEverywhere() : api.logout()),
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
        {...unavailableWhile(logout.isPending)}
        onClick={() => logout.mutate(false)}
      >
        {t("settings.signOut")}
      </button>
      <p className="field__hint">{t("settings.signOutEverywhereHint")}</p>
      <button
        type="button"
        className="button button--block"
        {...unavailableWhile(logout.isPending)}
        onClick={() => logout.mutate(true)}
      >
        {t("settings.signOutEverywhere")}
      </button>
    </section>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("settings.title")} className="settings">
      <ProfileForm />
      <RecoveriesSettings />
      <ReasonsForm />
      <MedicationsSettingsCard />
      <TeamSettings />
      <SafetyToolsCard />
      <PasswordForm />
      <RecoveryCodesSettings />
      <JournalSettings />
      <SignOut />
    </Page>
  );
}
