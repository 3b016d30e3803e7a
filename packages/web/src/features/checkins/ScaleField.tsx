import { type Ref, useId } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  label: string;
  hint: string;
  name: string;
  value: number;
  error?: string | undefined;
  onChange: (value: number) => void;
  ref?: Ref<HTMLInputElement>;
}

/** A 0–10 slider with its value always visible and spoken ("3 of 10"). */
export function ScaleField({ label, hint, name, value, error, onChange, ref }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const valueText = t("checkin.scaleValue", { value });
  return (
    <div className={`field scale${error ? " field--invalid" : ""}`}>
      <div className="scale__top">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="scale__value" aria-hidden="true">
          {valueText}
        </output>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <input
        ref={ref}
        id={id}
        name={name}
        type="range"
        min={0}
        max={10}
        step={1}
        value={value}
        aria-valuetext={valueText}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <div className="scale__ends" aria-hidden="true">
        <span>0</span>
        <span>10</span>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
