/**
 * The daily check-in: use per recovery, mood, craving, confidence, triggers, HALT, sleep and a note.
 * "Good day" then "Save check-in" is the two-tap path. Danger language in the note opens help on this device
 * before anything is sent; the server's own check comes back in `support` and opens help too.
 */
import {
  CHECKIN_LIMITS,
  type Checkin,
  type CheckinSaved,
  checkinInputSchema,
  detectDanger,
  HALT_STATES,
  LISTED_TRIGGERS,
  type Recovery,
} from "@cairn/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveCheckin } from "../../api/queries.ts";
import { LiveMessage, TextArea, TextField, useFocusFirstInvalid } from "../../components/fields.tsx";
import { describeLocalDate } from "../../lib/dates.ts";
import { describeError, type FieldErrors, serverFieldErrors, validate } from "../../lib/forms.ts";
import { recoveryName } from "../../lib/recoveryName.ts";
import { useHelp } from "../help/HelpContext.ts";
import {
  addOwnTrigger,
  applyGoodDay,
  type CheckinFormState,
  initialCheckinState,
  isListedTrigger,
  toCheckinInput,
  toggled,
} from "./form.ts";
import { ScaleField } from "./ScaleField.tsx";
import "./checkin.css";

interface Props {
  date: string;
  today: string;
  recoveries: readonly Recovery[];
  saved: Checkin | null;
  onSaved: (saved: CheckinSaved) => void;
}

const MOODS = [1, 2, 3, 4, 5] as const;

export function CheckinForm({ date, today, recoveries, saved, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { openHelp } = useHelp();
  const ids = recoveries.map((r) => r.id);
  const [state, setState] = useState<CheckinFormState>(() => initialCheckinState(ids, saved));
  const [ownTrigger, setOwnTrigger] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const save = useSaveCheckin();
  const formRef = useFocusFirstInvalid(errors);
  const moodErrorId = useId();
  const goodDayHintId = useId();
  const described = describeLocalDate(date, i18n.language);
  const isToday = date === today;

  const update = (patch: Partial<CheckinFormState>) => {
    setStatus(undefined);
    setState((s) => ({ ...s, ...patch }));
  };

  function goodDay() {
    setState((s) => applyGoodDay(s, ids));
    setErrors({});
    setFormError(undefined);
    setStatus(t("checkin.goodDayFilled"));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    setStatus(undefined);
    // Safety first: danger language opens help right away, whether or not the rest of the form is valid.
    const dangerHere = detectDanger(state.note).length > 0;
    if (dangerHere) openHelp();
    const result = validate(checkinInputSchema, toCheckinInput(state, ids));
    if (!result.ok) {
      setErrors(result.fields);
      setFormError(t("errors.checkFields"));
      return;
    }
    setErrors({});
    save.mutate(
      { date, input: result.data },
      {
        onSuccess: (response) => {
          setStatus(t("checkin.saved", { date: described }));
          if (response.support.danger.length > 0 && !dangerHere) openHelp();
          onSaved(response);
        },
        onError: (error) => {
          setErrors(serverFieldErrors(error));
          setFormError(describeError(t, error));
        },
      },
    );
  }

  const customTriggers = state.triggers.filter((trigger) => !isListedTrigger(trigger));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="checkin stack">
      {recoveries.map((recovery) => {
        const name = recoveryName(t, recovery);
        const used = state.used[recovery.id] ?? false;
        return (
          <fieldset key={recovery.id} className="segmented-group">
            <legend>
              {isToday ? t("checkin.usedLegendToday", { name }) : t("checkin.usedLegendPast", { name })}
            </legend>
            <div className="segmented">
              <label>
                <input
                  type="radio"
                  name={`used-${recovery.id}`}
                  checked={!used}
                  onChange={() => update({ used: { ...state.used, [recovery.id]: false } })}
                />
                <span>{t("checkin.no")}</span>
              </label>
              <label>
                <input
                  type="radio"
                  name={`used-${recovery.id}`}
                  checked={used}
                  onChange={() => update({ used: { ...state.used, [recovery.id]: true } })}
                />
                <span>{t("checkin.yes")}</span>
              </label>
            </div>
          </fieldset>
        );
      })}

      <fieldset className="segmented-group" aria-describedby={errors.mood ? moodErrorId : undefined}>
        <legend>{t("checkin.moodLegend")}</legend>
        <div className="segmented segmented--mood">
          {MOODS.map((mood) => (
            <label key={mood}>
              <input
                type="radio"
                name="mood"
                value={mood}
                checked={state.mood === mood}
                aria-invalid={errors.mood && mood === 1 ? true : undefined}
                onChange={() => update({ mood })}
              />
              <span>{t(`checkin.mood.${mood}`)}</span>
            </label>
          ))}
        </div>
        {errors.mood ? (
          <p id={moodErrorId} className="field__error">
            {errors.mood}
          </p>
        ) : null}
      </fieldset>

      <ScaleField
        label={t("checkin.craving")}
        hint={t("checkin.cravingHint")}
        name="craving"
        value={state.craving}
        error={errors.craving}
        onChange={(craving) => update({ craving })}
      />
      <ScaleField
        label={t("checkin.confidence")}
        hint={t("checkin.confidenceHint")}
        name="confidence"
        value={state.confidence}
        error={errors.confidence}
        onChange={(confidence) => update({ confidence })}
      />

      <fieldset className="choice-group">
        <legend>{t("checkin.triggersLegend")}</legend>
        <p className="field__hint">{t("checkin.triggersHint")}</p>
        <div className="chips">
          {LISTED_TRIGGERS.map((trigger) => (
            <label key={trigger} className="chip">
              <input
                type="checkbox"
                name="triggers"
                value={trigger}
                checked={state.triggers.includes(trigger)}
                onChange={(e) => update({ triggers: toggled(state.triggers, trigger, e.target.checked) })}
              />
              <span>{t(`triggers.${trigger}`)}</span>
            </label>
          ))}
          {customTriggers.map((trigger) => (
            <label key={trigger} className="chip chip--own">
              <input
                type="checkbox"
                name="triggers"
                value={trigger}
                checked
                onChange={() => update({ triggers: toggled(state.triggers, trigger, false) })}
              />
              <span>{trigger}</span>
            </label>
          ))}
        </div>
        <div className="own-trigger">
          <TextField
            label={t("checkin.ownTrigger")}
            name="own-trigger"
            value={ownTrigger}
            maxLength={CHECKIN_LIMITS.triggerMax}
            error={errors.triggers ?? Object.entries(errors).find(([k]) => k.startsWith("triggers."))?.[1]}
            onChange={(e) => setOwnTrigger(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                update({ triggers: addOwnTrigger(state.triggers, ownTrigger) });
                setOwnTrigger("");
              }
            }}
          />
          <button
            type="button"
            className="button"
            onClick={() => {
              update({ triggers: addOwnTrigger(state.triggers, ownTrigger) });
              setOwnTrigger("");
            }}
          >
            {t("checkin.addTrigger")}
          </button>
        </div>
      </fieldset>

      <fieldset className="choice-group">
        <legend>{t("checkin.haltLegend")}</legend>
        <p className="field__hint">{t("checkin.haltHint")}</p>
        <div className="chips">
          {HALT_STATES.map((halt) => (
            <label key={halt} className="chip">
              <input
                type="checkbox"
                name="halt"
                value={halt}
                checked={state.halt.includes(halt)}
                onChange={(e) => update({ halt: toggled(state.halt, halt, e.target.checked) })}
              />
              <span>{t(`checkin.halt.${halt}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <TextField
        label={t("checkin.sleep")}
        optional
        name="sleepHours"
        inputMode="decimal"
        autoComplete="off"
        className="field--short"
        value={state.sleepHours}
        error={errors.sleepHours}
        onChange={(e) => update({ sleepHours: e.target.value })}
      />

      <TextArea
        label={t("checkin.note")}
        optional
        hint={
          <>
            <span aria-hidden="true">🔒 </span>
            {t("checkin.noteHint")}
          </>
        }
        name="note"
        rows={4}
        maxLength={CHECKIN_LIMITS.noteMax}
        value={state.note}
        error={errors.note}
        onChange={(e) => update({ note: e.target.value })}
      />
      <p className="note-count" aria-live="off">
        {t("checkin.noteCount", { count: state.note.length, max: CHECKIN_LIMITS.noteMax })}
      </p>

      <div className="checkin__actions action-bar action-bar--fixed">
        <LiveMessage kind="error" message={formError} />
        <LiveMessage kind="status" message={status} />
        <p id={goodDayHintId} className="visually-hidden">
          {t("checkin.goodDayHint")}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button button--good-day"
            aria-describedby={goodDayHintId}
            onClick={goodDay}
          >
            {t("checkin.goodDay")}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {t("checkin.save")}
          </button>
        </div>
      </div>
    </form>
  );
}
