/**
 * Twelve symptoms, each rated 0–4 with a row of five radio buttons, a running total, and an optional note.
 * Danger language in the note opens help at once, as on a check-in.
 */
import {
  detectDanger,
  TOTAL_MAX,
  WITHDRAWAL_LIMITS,
  WITHDRAWAL_SYMPTOMS,
  type WithdrawalCheckInput,
  type WithdrawalCheckSaved,
  withdrawalCheckInputSchema,
} from "@cairn/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useRecordWithdrawalCheck } from "../../api/withdrawal.ts";
import { Choice, ChoiceGroup } from "../../components/choices.tsx";
import { FormEnd, TextArea } from "../../components/fields.tsx";
import { validate } from "../../lib/forms.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { useHelp } from "../help/HelpContext.ts";
import { emptyWithdrawalForm, ratedSoFar, toWithdrawalInput, type WithdrawalFormState } from "./form.ts";

/** The words for ratings 0 to RATING_MAX, in order. */
const RATING_WORDS = [
  "withdrawal.ratings.0",
  "withdrawal.ratings.1",
  "withdrawal.ratings.2",
  "withdrawal.ratings.3",
  "withdrawal.ratings.4",
] as const;

export function SymptomForm() {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  const record = useRecordWithdrawalCheck();
  // Whether this device already opened help for the note being sent.
  const dangerHere = useRef(false);

  const form = useApiForm<WithdrawalFormState, WithdrawalCheckInput, WithdrawalCheckSaved>({
    initial: emptyWithdrawalForm,
    check: (state) => {
      // Safety first: danger language opens help right away, whether or not every symptom is rated.
      dangerHere.current = detectDanger(state.note).length > 0;
      if (dangerHere.current) openHelp();
      return validate(withdrawalCheckInputSchema, toWithdrawalInput(state));
    },
    send: record.mutateAsync,
    savedMessage: ({ check }) => t("withdrawal.saved", { total: check.total, max: TOTAL_MAX }),
    onSuccess: ({ support }) => {
      if (support.danger.length > 0 && !dangerHere.current) openHelp();
      form.setValues(emptyWithdrawalForm());
    },
    alertOnInvalid: true,
  });
  const { values, errors, update } = form;
  const { total, rated } = ratedSoFar(values);

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="withdrawal-form stack">
      <p className="field__hint">{t("withdrawal.ratingsHint")}</p>
      {WITHDRAWAL_SYMPTOMS.map((symptom) => {
        const name = t(`withdrawal.symptoms.${symptom}`);
        // Unrated (the only problem the form can have here): say so beside the symptom.
        const invalid = errors[`ratings.${symptom}`] !== undefined || errors.ratings !== undefined;
        return (
          <ChoiceGroup
            key={symptom}
            className="segmented-group symptom"
            legend={name}
            error={invalid ? t("withdrawal.rateEach") : undefined}
          >
            <div className="segmented segmented--rating">
              {RATING_WORDS.map((word, value) => (
                <Choice
                  key={word}
                  type="radio"
                  className=""
                  name={symptom}
                  value={String(value)}
                  checked={values.ratings[symptom] === value}
                  invalid={invalid && value === 0}
                  onChange={() => update({ ratings: { ...values.ratings, [symptom]: value } })}
                >
                  <span className="rating__value">{value}</span>{" "}
                  <span className="rating__word">{t(word)}</span>
                </Choice>
              ))}
            </div>
          </ChoiceGroup>
        );
      })}

      <p className="withdrawal-total" aria-live="polite">
        {rated === WITHDRAWAL_SYMPTOMS.length
          ? t("withdrawal.total", { total, max: TOTAL_MAX })
          : t("withdrawal.totalSoFar", { total, max: TOTAL_MAX, rated, count: WITHDRAWAL_SYMPTOMS.length })}
      </p>

      <TextArea
        label={t("withdrawal.note")}
        optional
        hint={
          <>
            <span aria-hidden="true">🔒 </span>
            {t("withdrawal.noteHint")}
          </>
        }
        name="note"
        rows={3}
        maxLength={WITHDRAWAL_LIMITS.noteMax}
        value={values.note}
        error={errors.note}
        onChange={(e) => update({ note: e.target.value })}
      />
      <FormEnd form={form} submit={t("withdrawal.save")} />
    </form>
  );
}
