/**
 * The pieces of the plan a member fills in at onboarding and corrects later in Settings: what they are
 * recovering from, each recovery's details, and their reasons.
 */
import { earliestStartDate, MEMBER_LIMITS, RECOVERY_LIMITS, type Substance } from "@cairn/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Chips, ChoiceGroup } from "../../components/choices.tsx";
import { TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../lib/forms.ts";
import type { RecoveryDraft } from "./draft.ts";
import "./onboarding.css";

/** "What are you recovering from?": several at onboarding (checkboxes), one when adding (radios). */
export function SubstanceChoices({
  type,
  options,
  selected,
  hint,
  error,
  onChange,
}: {
  type: "checkbox" | "radio";
  options: readonly Substance[];
  selected: readonly Substance[];
  hint?: ReactNode;
  error?: string | undefined;
  onChange: (substance: Substance, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup legend={t("onboarding.substancesLegend")} hint={hint} error={error}>
      <Chips
        type={type}
        name="substances"
        options={options}
        selected={selected}
        label={(substance) => t(`substances.${substance}`)}
        invalid={error !== undefined}
        onChange={onChange}
      />
    </ChoiceGroup>
  );
}

/** One recovery's details: what "Other" is, the start date (today or earlier, within a century), the daily cost. */
export function RecoveryFields({
  substance,
  legend,
  value,
  today,
  errors,
  errorPrefix = "",
  className = "card recovery-details",
  onChange,
}: {
  substance: Substance;
  legend: string;
  value: RecoveryDraft;
  today: string;
  /** Keyed `<errorPrefix><field>`. */
  errors: FieldErrors;
  errorPrefix?: string;
  className?: string;
  onChange: (patch: Partial<RecoveryDraft>) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {substance === "other" ? (
        <TextField
          label={t("onboarding.otherLabel")}
          name={`${substance}-label`}
          value={value.label}
          maxLength={RECOVERY_LIMITS.labelMax}
          error={errors[`${errorPrefix}label`]}
          onChange={(e) => onChange({ label: e.target.value })}
        />
      ) : null}
      <TextField
        label={t("onboarding.startDate")}
        hint={t("onboarding.startDateHint")}
        type="date"
        name={`${substance}-start`}
        min={earliestStartDate(today)}
        max={today}
        required
        value={value.startDate}
        error={errors[`${errorPrefix}startDate`]}
        onChange={(e) => onChange({ startDate: e.target.value })}
      />
      <TextField
        label={t("onboarding.dailyCost")}
        hint={t("onboarding.dailyCostHint")}
        optional
        name={`${substance}-cost`}
        inputMode="decimal"
        autoComplete="off"
        value={value.dailyCost}
        error={errors[`${errorPrefix}dailyCost`]}
        onChange={(e) => onChange({ dailyCost: e.target.value })}
      />
    </fieldset>
  );
}

/**
 * Reasons, one line each, with "Add another reason" up to the limit. A line that is added gets the cursor.
 * Errors are keyed `reasons.<line>`, and `reasons` for the list.
 */
export function ReasonLines({
  lines,
  errors,
  onChange,
}: {
  lines: readonly string[];
  errors: FieldErrors;
  onChange: (lines: string[]) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    const inputs = box.current?.querySelectorAll("input");
    inputs?.[inputs.length - 1]?.focus();
  });
  return (
    <div ref={box} className="reason-lines">
      {lines.map((reason, index) => (
        <TextField
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are only ever appended, never reordered.
          key={index}
          label={t("onboarding.reason", { n: index + 1 })}
          name={`reason-${index + 1}`}
          value={reason}
          maxLength={MEMBER_LIMITS.reasonMax}
          error={errors[`reasons.${index}`]}
          onChange={(e) => onChange(lines.map((r, i) => (i === index ? e.target.value : r)))}
        />
      ))}
      {errors.reasons ? <p className="field__error">{errors.reasons}</p> : null}
      {lines.length < MEMBER_LIMITS.reasonsMax ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            added.current = true;
            onChange([...lines, ""]);
          }}
        >
          {t("onboarding.addReason")}
        </button>
      ) : null}
    </div>
  );
}
