/**
 * Add or edit a medication: what it is, the dose, how often, the clinic or pharmacy and take-home doses.
 * Core's schema checks the values (the same words the server would send), each problem beside its field.
 */
import {
  DOSE_UNITS,
  MEDICATION_KINDS,
  MEDICATION_LIMITS,
  type Medication,
  type MedicationInput,
  medicationInputSchema,
} from "@cairn/core";
import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { Choice, ChoiceGroup } from "../../components/choices.tsx";
import { FormEnd, SelectField, TextArea, TextField } from "../../components/fields.tsx";
import { validate } from "../../lib/forms.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { type DoseUnit, draftOf, emptyDraft, inputOf, type MedicationDraft } from "./draft.ts";

type Form = ReturnType<typeof useApiForm<MedicationDraft, MedicationInput, { medication: Medication }>>;

function Segmented<T extends string>({
  legend,
  name,
  options,
  value,
  label,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <ChoiceGroup className="segmented-group" legend={legend}>
      <div className="segmented">
        {options.map((option) => (
          <Choice
            key={option}
            type="radio"
            className=""
            name={name}
            checked={value === option}
            onChange={() => onChange(option)}
          >
            {label(option)}
          </Choice>
        ))}
      </div>
    </ChoiceGroup>
  );
}

function DoseFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { values, errors, update } = form;
  const name = useId();
  return (
    <>
      <Segmented
        legend={t("medications.form.doseMode")}
        name={`${name}-dose`}
        options={["text", "amount"] as const}
        value={values.doseMode}
        label={(mode) => t(mode === "text" ? "medications.form.doseText" : "medications.form.doseAmount")}
        onChange={(doseMode) => update({ doseMode })}
      />
      {values.doseMode === "text" ? (
        <TextField
          label={t("medications.form.doseWords")}
          hint={t("medications.form.doseWordsHint")}
          maxLength={MEDICATION_LIMITS.doseTextMax}
          {...form.field("doseText")}
          error={errors["dose.text"] ?? errors.dose}
        />
      ) : (
        <div className="medication-form__row">
          <TextField
            label={t("medications.form.amount")}
            inputMode="decimal"
            className="field--short"
            {...form.field("amount")}
            error={errors["dose.amount"] ?? errors.dose}
          />
          <SelectField
            label={t("medications.form.unit")}
            value={values.unit}
            error={errors["dose.unit"]}
            onChange={(e) => update({ unit: e.target.value as DoseUnit })}
          >
            {DOSE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`medications.units.${unit}`)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
    </>
  );
}

function DailyTimes({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { values, errors, update } = form;
  const setTime = (index: number, time: string) =>
    update({ times: values.times.map((old, i) => (i === index ? time : old)) });
  return (
    <ChoiceGroup legend={t("medications.form.time")} error={errors["schedule.times"]}>
      {values.times.map((time, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: times are edited in place; the position is the identity.
        <div key={index} className="medication-form__row">
          <TextField
            type="time"
            label={t("medications.form.timeN", { n: index + 1 })}
            value={time}
            error={errors[`schedule.times.${index}`]}
            onChange={(e) => setTime(index, e.target.value)}
          />
          {values.times.length > 1 ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => update({ times: values.times.filter((_, i) => i !== index) })}
            >
              {t("medications.form.removeTime", { n: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      {values.times.length < MEDICATION_LIMITS.timesPerDayMax ? (
        <button type="button" className="button" onClick={() => update({ times: [...values.times, ""] })}>
          {t("medications.form.addTime")}
        </button>
      ) : null}
    </ChoiceGroup>
  );
}

function ScheduleFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { values, errors, update } = form;
  const name = useId();
  const timeField = (
    <TextField
      type="time"
      label={t("medications.form.time")}
      value={values.time}
      error={errors["schedule.time"]}
      onChange={(e) => update({ time: e.target.value })}
    />
  );
  return (
    <>
      <Segmented
        legend={t("medications.form.scheduleKind")}
        name={`${name}-schedule`}
        options={["daily", "interval", "monthly"] as const}
        value={values.scheduleKind}
        label={(kind) => t(`medications.form.${kind}`)}
        onChange={(scheduleKind) => update({ scheduleKind })}
      />
      {values.scheduleKind === "daily" ? <DailyTimes form={form} /> : null}
      {values.scheduleKind === "interval" ? (
        <>
          <div className="medication-form__row">
            <TextField
              label={t("medications.form.every")}
              inputMode="numeric"
              className="field--short"
              {...form.field("every")}
              error={errors["schedule.every"]}
            />
            <SelectField
              label={t("medications.form.everyUnit")}
              value={values.everyUnit}
              onChange={(e) => update({ everyUnit: e.target.value as "days" | "weeks" })}
            >
              <option value="days">{t("medications.form.days")}</option>
              <option value="weeks">{t("medications.form.weeks")}</option>
            </SelectField>
          </div>
          {timeField}
        </>
      ) : null}
      {values.scheduleKind === "monthly" ? (
        <>
          <TextField
            label={t("medications.form.day")}
            hint={t("medications.form.dayHint")}
            inputMode="numeric"
            className="field--short"
            {...form.field("day")}
            error={errors["schedule.day"]}
          />
          {timeField}
        </>
      ) : null}
      <TextField
        type="date"
        label={t("medications.form.startDate")}
        {...form.field("startDate")}
        error={errors["schedule.startDate"]}
      />
      <TextField
        type="date"
        label={t("medications.form.endDate")}
        optional
        {...form.field("endDate")}
        error={errors["schedule.endDate"]}
      />
    </>
  );
}

export function MedicationForm({
  medication,
  today,
  title,
  submit,
  send,
  onSaved,
  onCancel,
}: {
  medication?: Medication;
  today: string;
  title?: string;
  submit: string;
  send: (input: MedicationInput) => Promise<{ medication: Medication }>;
  onSaved: (saved: Medication) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm({
    initial: () => (medication ? draftOf(medication, today) : emptyDraft(today)),
    check: (draft: MedicationDraft) => validate<MedicationInput>(medicationInputSchema, inputOf(draft)),
    send,
    onSuccess: ({ medication: saved }) => onSaved(saved),
  });
  const { values, errors, update, formRef } = form;
  const clinicId = useId();
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [formRef]);

  return (
    <form ref={formRef} onSubmit={form.onSubmit} noValidate className="stack medication-form">
      {title ? <h3>{title}</h3> : null}
      <SelectField
        label={t("medications.form.kind")}
        value={values.kind}
        error={errors.kind}
        onChange={(e) => update({ kind: e.target.value as MedicationDraft["kind"] })}
      >
        {MEDICATION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`medications.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      {values.kind === "other" ? (
        <TextField
          label={t("medications.form.name")}
          maxLength={MEDICATION_LIMITS.nameMax}
          {...form.field("name")}
        />
      ) : null}
      <DoseFields form={form} />
      <ScheduleFields form={form} />
      <div className="checkbox">
        <input
          id={clinicId}
          type="checkbox"
          checked={values.atClinic}
          onChange={(e) => update({ atClinic: e.target.checked })}
        />
        <label htmlFor={clinicId}>{t("medications.form.atClinic")}</label>
      </div>
      <TextField
        label={t("medications.form.clinic")}
        optional
        maxLength={MEDICATION_LIMITS.clinicMax}
        {...form.field("clinic")}
      />
      <div className="medication-form__row">
        <TextField
          label={t("medications.form.remaining")}
          optional
          inputMode="numeric"
          className="field--short"
          {...form.field("remaining")}
          error={errors["takeHome.remaining"]}
        />
        <TextField
          type="date"
          label={t("medications.form.nextPickup")}
          optional
          {...form.field("nextPickup")}
          error={errors["takeHome.nextPickup"]}
        />
      </div>
      <TextArea
        label={t("medications.form.notes")}
        optional
        rows={3}
        maxLength={MEDICATION_LIMITS.notesMax}
        {...form.field("notes")}
      />
      <FormEnd form={form} submit={submit} onCancel={onCancel} />
    </form>
  );
}
