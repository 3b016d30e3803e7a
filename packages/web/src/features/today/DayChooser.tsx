import { addDays } from "@cairn/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  date: string;
  today: string;
  onChange: (date: string) => void;
}

/** Today, yesterday (filled in late), or any earlier day; never a day that hasn't started. */
export function DayChooser({ date, today, onChange }: Props) {
  const { t } = useTranslation();
  const yesterday = addDays(today, -1);
  const choice = date === today ? "today" : date === yesterday ? "yesterday" : "other";
  const dateId = useId();
  return (
    <fieldset className="segmented-group day-chooser">
      <legend>{t("today.dayLegend")}</legend>
      <div className="segmented">
        <label>
          <input type="radio" name="day" checked={choice === "today"} onChange={() => onChange(today)} />
          <span>{t("today.today")}</span>
        </label>
        <label>
          <input
            type="radio"
            name="day"
            checked={choice === "yesterday"}
            onChange={() => onChange(yesterday)}
          />
          <span>{t("today.yesterday")}</span>
        </label>
      </div>
      <div className="field field--short day-chooser__date">
        <label htmlFor={dateId}>{t("today.pickDate")}</label>
        <input
          id={dateId}
          type="date"
          max={today}
          value={date}
          onChange={(e) => {
            const next = e.target.value;
            if (next && next <= today) onChange(next);
          }}
        />
      </div>
    </fieldset>
  );
}
