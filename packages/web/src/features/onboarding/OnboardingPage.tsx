import { type Recovery, SUBSTANCES, type Substance } from "@cairn/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Redirect, useLocation } from "wouter";
import { api } from "../../api/endpoints.ts";
import { keys, useRecoveries } from "../../api/queries.ts";
import { useMember } from "../../app/session.ts";
import { LiveMessage } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { TimeZoneField } from "../../components/TimeZoneField.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { detectTimeZone, todayIn } from "../../lib/dates.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { peekPendingInvite } from "../teams/pendingInvite.ts";
import {
  EMPTY_RECOVERY,
  followZone,
  type OnboardingDraft,
  type OnboardingPlan,
  planOnboarding,
} from "./draft.ts";
import { ReasonLines, RecoveryFields, SubstanceChoices } from "./RecoveryFields.tsx";

export function OnboardingPage() {
  const { t } = useTranslation();
  const member = useMember();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const existing = useRecoveries();
  // Recoveries already created by an earlier, partly failed attempt: a retry must not create them twice.
  const created = useRef(new Map<Substance, Recovery>());
  // Which request failed, so the server's field messages land beside that recovery's fields.
  const step = useRef<Substance | "member">("member");

  async function send(plan: OnboardingPlan) {
    step.current = "member";
    const { member: updated } = await api.patchMe(plan.patch);
    for (const { substance, input } of plan.recoveries) {
      if (created.current.has(substance)) continue;
      step.current = substance;
      const { recovery } = await api.createRecovery(input);
      created.current.set(substance, recovery);
    }
    client.setQueryData(keys.recoveries, [...created.current.values()]);
    await client.invalidateQueries({ queryKey: keys.progress });
    // An invite opened before signing up is the next step once set up.
    const invite = peekPendingInvite();
    navigate(invite ? `/join/${encodeURIComponent(invite)}` : "/", { replace: true });
    client.setQueryData(keys.me, updated);
  }

  const form = useApiForm<OnboardingDraft, OnboardingPlan, void>({
    initial: () => ({
      selected: [],
      recoveries: {},
      // A new account's stored zone is the server's default; the device knows better, and the member can edit.
      timezone: detectTimeZone(),
      reasons: ["", ""],
    }),
    check: (draft) => planOnboarding(draft, todayIn(draft.timezone), t("onboarding.chooseOne")),
    send,
    onFailure: (_error, failure) => {
      const prefix = step.current === "member" ? "" : `${step.current}.`;
      const fields = Object.entries(failure.fields).map(([key, message]) => [`${prefix}${key}`, message]);
      return { ...failure, fields: Object.fromEntries(fields) };
    },
  });
  const { values: draft, errors, update } = form;
  const today = useMemo(() => todayIn(draft.timezone), [draft.timezone]);
  const fresh = { startDate: today, ...EMPTY_RECOVERY };

  if (!form.pending && existing.data && existing.data.length > 0) return <Redirect to="/" replace />;

  function toggleSubstance(substance: Substance, on: boolean) {
    const selected = on
      ? SUBSTANCES.filter((s) => s === substance || draft.selected.includes(s))
      : draft.selected.filter((s) => s !== substance);
    const recoveries = { ...draft.recoveries };
    if (on && !recoveries[substance]) recoveries[substance] = fresh;
    update({ selected, recoveries });
  }

  const name = member.displayName ?? member.username;
  return (
    <Page title={t("onboarding.title")} className="onboarding">
      <p>{t("today.greeting", { name })}</p>
      <p>{t("onboarding.intro")}</p>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <SubstanceChoices
          type="checkbox"
          options={SUBSTANCES}
          selected={draft.selected}
          hint={t("onboarding.substancesHint")}
          error={errors.substances}
          onChange={toggleSubstance}
        />

        {draft.selected.map((substance) => {
          const recovery = draft.recoveries[substance] ?? fresh;
          return (
            <RecoveryFields
              key={substance}
              substance={substance}
              legend={t(`substances.${substance}`)}
              value={recovery}
              today={today}
              errors={errors}
              errorPrefix={`${substance}.`}
              onChange={(patch) =>
                update({ recoveries: { ...draft.recoveries, [substance]: { ...recovery, ...patch } } })
              }
            />
          );
        })}

        <TimeZoneField
          label={t("onboarding.timeZone")}
          hint={(zone) => t("onboarding.timeZoneHint", { zone })}
          value={draft.timezone}
          error={errors.timezone}
          onChange={(timezone) =>
            update({ timezone, recoveries: followZone(draft.recoveries, today, todayIn(timezone)) })
          }
        />

        <fieldset className="reasons">
          <legend>
            {t("onboarding.reasonsLegend")} <span className="field__optional">({t("form.optional")})</span>
          </legend>
          <p className="field__hint">{t("onboarding.reasonsHint")}</p>
          <ReasonLines lines={draft.reasons} errors={errors} onChange={(reasons) => update({ reasons })} />
        </fieldset>

        <LiveMessage kind="error" message={form.formError} />
        <div className="action-bar">
          <button
            type="submit"
            className="button button--primary button--block"
            {...unavailableWhile(form.pending)}
          >
            {form.pending ? t("onboarding.saving") : t("onboarding.submit")}
          </button>
        </div>
      </form>
    </Page>
  );
}
