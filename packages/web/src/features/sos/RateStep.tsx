/** The SOS's first screen: how strong the urge is, what set it off, how long to ride it out. */
import { LISTED_TRIGGERS, SOS_LIMITS } from "@cairn/core";
import { type FormEvent, type Ref, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Choice, ChoiceGroup } from "../../components/choices.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { ScaleField } from "../checkins/ScaleField.tsx";
import { useSosPlan } from "./plan.ts";

export interface RateValues {
  craving: number;
  /** The words shown for what set it off (a plan trigger's label, a listed trigger or the member's own). */
  trigger: string | null;
  planTriggerId: string | null;
  minutes: number;
}

const MINUTE_CHOICES = [5, 10, 15, 20, 30, 45, 60] as const;

interface Picked {
  planTriggerId: string | null;
  label: string;
}

export function RateStep({
  firstField,
  open,
  onStart,
}: {
  firstField: Ref<HTMLInputElement>;
  open: boolean;
  onStart: (values: RateValues) => void;
}) {
  const { t } = useTranslation();
  const plan = useSosPlan(open);
  const [craving, setCraving] = useState(5);
  const [picked, setPicked] = useState<Picked>();
  const [ownWords, setOwnWords] = useState("");
  const [minutes, setMinutes] = useState<number>(SOS_LIMITS.minutesDefault);
  const name = useId();

  const planTriggers = plan.data?.triggers ?? [];
  const listed = LISTED_TRIGGERS.map((key) => t(`triggers.${key}`)).filter(
    (label) => !planTriggers.some((p) => p.label.toLocaleLowerCase() === label.toLocaleLowerCase()),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const own = ownWords.trim().slice(0, SOS_LIMITS.triggerMax);
    onStart({
      craving,
      trigger: own || picked?.label || null,
      planTriggerId: own ? null : (picked?.planTriggerId ?? null),
      minutes,
    });
  }

  const choice = (key: string, label: string, planTriggerId: string | null) => (
    <Choice
      key={key}
      type="radio"
      name={name}
      value={label}
      checked={!ownWords && picked?.label === label}
      onChange={() => {
        setOwnWords("");
        setPicked({ planTriggerId, label });
      }}
    >
      {label}
    </Choice>
  );

  return (
    <form className="sos-rate" onSubmit={submit}>
      <p>{t("sos.intro")}</p>
      <ScaleField
        ref={firstField}
        label={t("sos.rate.craving")}
        hint={t("sos.rate.cravingHint")}
        name="craving"
        value={craving}
        onChange={setCraving}
      />
      <ChoiceGroup legend={t("sos.rate.trigger")} hint={t("sos.rate.triggerHint")}>
        {plan.isPending && open ? <p className="field__hint">{t("sos.rate.planLoading")}</p> : null}
        {planTriggers.length > 0 ? (
          <>
            <p className="sos-rate__group">{t("sos.rate.fromPlan")}</p>
            <div className="chips">{planTriggers.map((p) => choice(p.id, p.label, p.id))}</div>
          </>
        ) : null}
        <div className="chips">{listed.map((label) => choice(label, label, null))}</div>
        <TextField
          label={t("sos.rate.ownWords")}
          name="own-trigger"
          value={ownWords}
          maxLength={SOS_LIMITS.triggerMax}
          onChange={(e) => setOwnWords(e.target.value)}
        />
      </ChoiceGroup>
      <SelectField
        label={t("sos.rate.minutes")}
        name="minutes"
        value={String(minutes)}
        onChange={(e) => setMinutes(Number(e.target.value))}
      >
        {MINUTE_CHOICES.map((m) => (
          <option key={m} value={m}>
            {t("sos.rate.minutesOption", { count: m })}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary button--block">
        {t("sos.rate.start")}
      </button>
    </form>
  );
}
