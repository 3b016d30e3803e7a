/**
 * Editing the plan: every section on one screen (`/plan/edit`), or the guided builder (`/plan/build`), the
 * same sections one step at a time, starting from the member's onboarding reasons. Danger language in newly
 * written text opens help on this device before anything is sent; the server's check opens it too.
 */
import {
  detectDanger,
  draftPlan,
  type Plan,
  type PlanSave,
  type PlanSaved,
  planSaveSchema,
  planTexts,
} from "@cairn/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { usePlan, useSavePlan } from "../../api/plan.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { FormEnd } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { validate } from "../../lib/forms.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { useHelp } from "../help/HelpContext.ts";
import { type PlanDraft, toDraft, toPlanSave, withoutBlankLines } from "./draft.ts";
import { SECTION_COMPONENTS, SECTION_TITLES, SECTIONS, type SectionName, sectionOf } from "./sections.tsx";
import "./plan.css";

type Mode = "edit" | "build";

export function PlanEditorPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const plan = usePlan();
  return (
    <Page title={t(mode === "build" ? "plan.editor.buildTitle" : "plan.editor.title")} className="plan-page">
      {plan.isError ? (
        <LoadFailed onRetry={() => void plan.refetch()} />
      ) : !plan.data ? (
        <Loading />
      ) : (
        // A reload after a conflict brings a new version: the form starts again from it.
        <PlanForm
          key={plan.data.version}
          mode={mode}
          saved={plan.data}
          onReload={() => void plan.refetch()}
        />
      )}
    </Page>
  );
}

function PlanForm({ mode, saved, onReload }: { mode: Mode; saved: Plan; onReload: () => void }) {
  const { t } = useTranslation();
  const member = useMember();
  const [, navigate] = useLocation();
  const { openHelp } = useHelp();
  const save = useSavePlan();
  const [step, setStep] = useState(0);
  const [conflict, setConflict] = useState(false);
  const dangerHere = useRef(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const seen = new Set(planTexts(saved.plan));

  const form = useApiForm<PlanDraft, PlanSave, PlanSaved>({
    initial: () => toDraft(saved.version === 0 ? draftPlan(member.reasons) : saved.plan),
    check: (draft) => {
      const cleaned = withoutBlankLines(draft);
      form.setValues(cleaned);
      const body = toPlanSave(cleaned, saved.version);
      // Safety first: new words that signal danger open help at once, whatever else the form holds.
      const { baseVersion: _base, ...plan } = body;
      dangerHere.current = planTexts(plan).some((text) => !seen.has(text) && detectDanger(text).length > 0);
      if (dangerHere.current) openHelp();
      const result = validate(planSaveSchema, body);
      if (!result.ok && mode === "build") {
        const first = Object.keys(result.fields)[0];
        if (first) goTo(SECTIONS.indexOf(sectionOf(first)));
      }
      return result;
    },
    send: (body) => save.mutateAsync(body),
    onSuccess: (result) => {
      if (result.support.danger.length > 0 && !dangerHere.current) openHelp();
      navigate("/plan");
    },
    onFailure: (error, failure) => {
      if (error instanceof ApiRequestError && error.status === 409) {
        setConflict(true);
        return { fields: {}, message: t("plan.editor.conflict") };
      }
      return failure;
    },
    alertOnInvalid: true,
  });

  // A new step: its heading takes the focus once drawn, so a screen reader starts there.
  const goTo = (next: number) => {
    setStep(next);
    requestAnimationFrame(() => stepHeading.current?.focus());
  };

  const props = { draft: form.values, update: form.update, errors: form.errors };
  const section = (name: SectionName, heading: "h2" | "h3" = "h2") => {
    const Body = SECTION_COMPONENTS[name];
    const Heading = heading;
    return (
      <section key={name} className="plan-edit-section" aria-labelledby={`edit-${name}`}>
        <Heading id={`edit-${name}`} ref={mode === "build" ? stepHeading : undefined} tabIndex={-1}>
          {t(SECTION_TITLES[name])}
        </Heading>
        <Body {...props} />
      </section>
    );
  };

  const last = step === SECTIONS.length - 1;
  return (
    <form
      ref={form.formRef}
      // Enter in a field before the last step moves on instead of saving half a plan.
      onSubmit={(event) => {
        if (mode === "build" && !last) {
          event.preventDefault();
          goTo(step + 1);
        } else form.onSubmit(event);
      }}
      noValidate
      className="plan-form stack"
    >
      {mode === "build" ? (
        <>
          <p className="plan-step">{t("plan.editor.stepOf", { step: step + 1, total: SECTIONS.length })}</p>
          {section(SECTIONS[step] ?? "reasons")}
          <div className="button-row">
            {step > 0 ? (
              <button type="button" className="button" onClick={() => goTo(step - 1)}>
                {t("plan.editor.back")}
              </button>
            ) : null}
            {!last ? (
              <button type="button" className="button button--primary" onClick={() => goTo(step + 1)}>
                {t("plan.editor.next")}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        SECTIONS.map((name) => section(name))
      )}
      {mode === "edit" || last ? (
        <div className="action-bar">
          <FormEnd form={form} submit={t("plan.editor.save")} onCancel={() => navigate("/plan")} />
        </div>
      ) : null}
      {conflict ? (
        <button type="button" className="button" onClick={onReload}>
          {t("plan.editor.reload")}
        </button>
      ) : null}
    </form>
  );
}
