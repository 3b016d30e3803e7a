/**
 * The daily check-in: use per recovery, mood, craving, confidence, triggers, HALT, sleep and a note.
 * "Good day" then "Save check-in" is the two-tap path. Danger language in the note opens help on this device
 * before anything is sent; the server's own check comes back in `support` and opens help too.
 */
import {
  CHECKIN_LIMITS,
  type Checkin,
  type CheckinInput,
  type CheckinSaved,
  checkinInputSchema,
  detectDanger,
  HALT_STATES,
  LISTED_TRIGGERS,
  type Recovery,
} from "@cairn/core";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSaveCheckin } from "../../api/queries.ts";
import { Chips, Choice, ChoiceGroup } from "../../components/choices.tsx";
import { LiveMessage, TextArea, TextField } from "../../components/fields.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { describeLocalDate } from "../../lib/dates.ts";
import { validate } from "../../lib/forms.ts";
import { recoveryName } from "../../lib/recoveryName.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
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
  const [ownTrigger, setOwnTrigger] = useState("");
  const save = useSaveCheckin();
  const goodDayHintId = useId();
  const described = describeLocalDate(date, i18n.language);
  const isToday = date === today;
  // Whether this device already opened help for the note being sent.
  const dangerHere = useRef(false);

  const form = useApiForm<CheckinFormState, CheckinInput, CheckinSaved>({
    initial: () => initialCheckinState(ids, saved),
    check: (state) => {
      // Safety first: danger language opens help right away, whether or not the rest of the form is valid.
      dangerHere.current = detectDanger(state.note).length > 0;
      if (dangerHere.current) openHelp();
      return validate(checkinInputSchema, toCheckinInput(state, ids));
    },
    send: (input) => save.mutateAsync({ date, input }),
    savedMessage: t("checkin.saved", { date: described }),
    onSuccess: (response) => {
      if (response.support.danger.length > 0 && !dangerHere.current) openHelp();
      onSaved(response);
    },
    alertOnInvalid: true,
  });
  const { values: state, errors, update } = form;

  function goodDay() {
    form.setValues((s) => applyGoodDay(s, ids));
    form.setErrors({});
    form.setFormError(undefined);
    form.setStatus(t("checkin.goodDayFilled"));
  }

  function addTyped() {
    update({ triggers: addOwnTrigger(state.triggers, ownTrigger) });
    setOwnTrigger("");
  }

  const customTriggers = state.triggers.filter((trigger) => !isListedTrigger(trigger));

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="checkin stack">
      {recoveries.map((recovery) => {
        const name = recoveryName(t, recovery);
        const used = state.used[recovery.id] ?? false;
        const setUsed = (value: boolean) => update({ used: { ...state.used, [recovery.id]: value } });
        return (
          <ChoiceGroup
            key={recovery.id}
            className="segmented-group"
            legend={isToday ? t("checkin.usedLegendToday", { name }) : t("checkin.usedLegendPast", { name })}
          >
            <div className="segmented">
              <Choice
                type="radio"
                className=""
                name={`used-${recovery.id}`}
                checked={!used}
                onChange={() => setUsed(false)}
              >
                {t("checkin.no")}
              </Choice>
              <Choice
                type="radio"
                className=""
                name={`used-${recovery.id}`}
                checked={used}
                onChange={() => setUsed(true)}
              >
                {t("checkin.yes")}
              </Choice>
            </div>
          </ChoiceGroup>
        );
      })}

      <ChoiceGroup className="segmented-group" legend={t("checkin.moodLegend")} error={errors.mood}>
        <div className="segmented segmented--mood">
          {MOODS.map((mood) => (
            <Choice
              key={mood}
              type="radio"
              className=""
              name="mood"
              value={String(mood)}
              checked={state.mood === mood}
              invalid={errors.mood !== undefined && mood === 1}
              onChange={() => update({ mood })}
            >
              {t(`checkin.mood.${mood}`)}
            </Choice>
          ))}
        </div>
      </ChoiceGroup>

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

      <ChoiceGroup legend={t("checkin.triggersLegend")} hint={t("checkin.triggersHint")}>
        <Chips
          name="triggers"
          options={LISTED_TRIGGERS}
          selected={state.triggers}
          label={(trigger) => t(`triggers.${trigger}`)}
          onChange={(trigger, checked) => update({ triggers: toggled(state.triggers, trigger, checked) })}
        >
          {customTriggers.map((trigger) => (
            <Choice
              key={trigger}
              className="chip chip--own"
              name="triggers"
              value={trigger}
              checked
              onChange={() => update({ triggers: toggled(state.triggers, trigger, false) })}
            >
              {trigger}
            </Choice>
          ))}
        </Chips>
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
                addTyped();
              }
            }}
          />
          <button type="button" className="button" onClick={addTyped}>
            {t("checkin.addTrigger")}
          </button>
        </div>
      </ChoiceGroup>

      <ChoiceGroup legend={t("checkin.haltLegend")} hint={t("checkin.haltHint")}>
        <Chips
          name="halt"
          options={HALT_STATES}
          selected={state.halt}
          label={(halt) => t(`checkin.halt.${halt}`)}
          onChange={(halt, checked) => update({ halt: toggled(state.halt, halt, checked) })}
        />
      </ChoiceGroup>

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
        <LiveMessage kind="error" message={form.formError} />
        <LiveMessage kind="status" message={form.status} />
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
          <button type="submit" className="button button--primary" {...unavailableWhile(form.pending)}>
            {t("checkin.save")}
          </button>
        </div>
      </div>
    </form>
  );
}
