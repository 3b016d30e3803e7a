import { type Recovery, SUBSTANCES, type Substance } from "@cairn/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Redirect, useLocation } from "wouter";
import { api } from "../../api/endpoints.ts";
import { keys, useRecoveries } from "../../api/queries.ts";
import { useMember } from "../../app/session.ts";
import { LiveMessage, TextField, useFocusFirstInvalid } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { TimeZoneField } from "../../components/TimeZoneField.tsx";
import { detectTimeZone, todayIn } from "../../lib/dates.ts";
import { describeError, type FieldErrors, serverFieldErrors } from "../../lib/forms.ts";
import { type OnboardingDraft, planOnboarding, type RecoveryDraft } from "./draft.ts";
import "./onboarding.css";

const MAX_REASONS = 10;

export function OnboardingPage() {
  const { t } = useTranslation();
  const member = useMember();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const existing = useRecoveries();
  const substancesHintId = useId();
  const substancesErrorId = useId();

  const [draft, setDraft] = useState<OnboardingDraft>(() => ({
    selected: [],
    recoveries: {},
    // A new account's stored zone is the server's default; the device knows better, and the member can edit.
    timezone: detectTimeZone(),
    reasons: ["", ""],
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  // Recoveries already created by an earlier, partly failed attempt: a retry must not create them twice.
  const created = useRef(new Map<Substance, Recovery>());
  const formRef = useFocusFirstInvalid(errors);
  const today = useMemo(() => todayIn(draft.timezone), [draft.timezone]);

  if (!saving && existing.data && existing.data.length > 0) return <Redirect to="/" replace />;

  function toggleSubstance(substance: Substance, on: boolean) {
    setDraft((d) => {
      const selected = on
        ? SUBSTANCES.filter((s) => s === substance || d.selected.includes(s))
        : d.selected.filter((s) => s !== substance);
      const recoveries = { ...d.recoveries };
      if (on && !recoveries[substance])
        recoveries[substance] = { startDate: today, dailyCost: "", label: "" };
      return { ...d, selected, recoveries };
    });
  }

  function updateRecovery(substance: Substance, patch: Partial<RecoveryDraft>) {
    setDraft((d) => {
      const current = d.recoveries[substance] ?? { startDate: today, dailyCost: "", label: "" };
      return { ...d, recoveries: { ...d.recoveries, [substance]: { ...current, ...patch } } };
    });
  }

  function updateReason(index: number, text: string) {
    setDraft((d) => ({ ...d, reasons: d.reasons.map((r, i) => (i === index ? text : r)) }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const planned = planOnboarding(draft, today, t("onboarding.chooseOne"));
    if (!planned.ok) {
      setErrors(planned.fields);
      return;
    }
    setErrors({});
    setSaving(true);
    let step: Substance | "member" = "member";
    try {
      const { member: updated } = await api.patchMe(planned.plan.patch);
      for (const { substance, input } of planned.plan.recoveries) {
        if (created.current.has(substance)) continue;
        step = substance;
        const { recovery } = await api.createRecovery(input);
        created.current.set(substance, recovery);
      }
      client.setQueryData(keys.recoveries, [...created.current.values()]);
      await client.invalidateQueries({ queryKey: keys.progress });
      navigate("/", { replace: true });
      client.setQueryData(keys.me, updated);
    } catch (error) {
      const fields = serverFieldErrors(error);
      const prefix = step === "member" ? "" : `${step}.`;
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}${k}`, v])));
      setFormError(describeError(t, error));
      setSaving(false);
    }
  }

  const name = member.displayName ?? member.username;
  return (
    <Page title={t("onboarding.title")} className="onboarding">
      <p>{t("today.greeting", { name })}</p>
      <p>{t("onboarding.intro")}</p>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="stack">
        <fieldset
          className="choice-group"
          aria-describedby={errors.substances ? `${substancesHintId} ${substancesErrorId}` : substancesHintId}
        >
          <legend>{t("onboarding.substancesLegend")}</legend>
          <p id={substancesHintId} className="field__hint">
            {t("onboarding.substancesHint")}
          </p>
          <div className="chips">
            {SUBSTANCES.map((substance, index) => (
              <label key={substance} className="chip">
                <input
                  type="checkbox"
                  name="substances"
                  value={substance}
                  checked={draft.selected.includes(substance)}
                  aria-invalid={index === 0 && errors.substances ? true : undefined}
                  onChange={(e) => toggleSubstance(substance, e.target.checked)}
                />
                <span>{t(`substances.${substance}`)}</span>
              </label>
            ))}
          </div>
          {errors.substances ? (
            <p id={substancesErrorId} className="field__error">
              {errors.substances}
            </p>
          ) : null}
        </fieldset>

        {draft.selected.map((substance) => {
          const recovery = draft.recoveries[substance] ?? { startDate: today, dailyCost: "", label: "" };
          return (
            <fieldset key={substance} className="card recovery-details">
              <legend>{t(`substances.${substance}`)}</legend>
              {substance === "other" ? (
                <TextField
                  label={t("onboarding.otherLabel")}
                  name={`${substance}-label`}
                  value={recovery.label}
                  maxLength={40}
                  error={errors[`${substance}.label`]}
                  onChange={(e) => updateRecovery(substance, { label: e.target.value })}
                />
              ) : null}
              <TextField
                label={t("onboarding.startDate")}
                hint={t("onboarding.startDateHint")}
                type="date"
                name={`${substance}-start`}
                max={today}
                required
                value={recovery.startDate}
                error={errors[`${substance}.startDate`]}
                onChange={(e) => updateRecovery(substance, { startDate: e.target.value })}
              />
              <TextField
                label={t("onboarding.dailyCost")}
                hint={t("onboarding.dailyCostHint")}
                optional
                name={`${substance}-cost`}
                inputMode="decimal"
                autoComplete="off"
                value={recovery.dailyCost}
                error={errors[`${substance}.dailyCost`]}
                onChange={(e) => updateRecovery(substance, { dailyCost: e.target.value })}
              />
            </fieldset>
          );
        })}

        <TimeZoneField
          label={t("onboarding.timeZone")}
          hint={(zone) => t("onboarding.timeZoneHint", { zone })}
          value={draft.timezone}
          error={errors.timezone}
          onChange={(timezone) => setDraft((d) => ({ ...d, timezone }))}
        />

        <fieldset className="reasons">
          <legend>
            {t("onboarding.reasonsLegend")} <span className="field__optional">({t("form.optional")})</span>
          </legend>
          <p className="field__hint">{t("onboarding.reasonsHint")}</p>
          {draft.reasons.map((reason, index) => (
            <TextField
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are only ever appended, never reordered.
              key={index}
              label={t("onboarding.reason", { n: index + 1 })}
              name={`reason-${index + 1}`}
              value={reason}
              maxLength={300}
              error={errors[`reasons.${index}`]}
              onChange={(e) => updateReason(index, e.target.value)}
            />
          ))}
          {errors.reasons ? <p className="field__error">{errors.reasons}</p> : null}
          {draft.reasons.length < MAX_REASONS ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setDraft((d) => ({ ...d, reasons: [...d.reasons, ""] }))}
            >
              {t("onboarding.addReason")}
            </button>
          ) : null}
        </fieldset>

        <LiveMessage kind="error" message={formError} />
        <div className="action-bar">
          <button type="submit" className="button button--primary button--block" disabled={saving}>
            {saving ? t("onboarding.saving") : t("onboarding.submit")}
          </button>
        </div>
      </form>
    </Page>
  );
}
