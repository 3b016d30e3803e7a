import { type ReactNode, useId } from "react";

/**
 * A group of choices: a fieldset whose legend names it, with a hint and an error both tied to the group by
 * aria-describedby, so a screen reader reads them on entering the group.
 */
export function ChoiceGroup({
  legend,
  hint,
  error,
  className = "choice-group",
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={className}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

interface ChoiceProps {
  type?: "checkbox" | "radio";
  name: string;
  value?: string;
  checked: boolean;
  invalid?: boolean;
  className?: string;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/**
 * A checkbox or radio drawn as a pill (`chip`, the default) or as one segment of a `.segmented` row (pass
 * `className=""`). The real input covers what the person sees, so a tap lands on it.
 */
export function Choice({
  type = "checkbox",
  name,
  value,
  checked,
  invalid,
  className = "chip",
  onChange,
  children,
}: ChoiceProps) {
  return (
    <label className={className || undefined}>
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}

/**
 * One chip per option. A group with a problem marks its first choice invalid, which is where focus goes after
 * a failed submit. `children` are extra chips after the listed ones (a member's own words).
 */
export function Chips<T extends string>({
  type,
  name,
  options,
  selected,
  label,
  invalid,
  onChange,
  children,
}: {
  type?: "checkbox" | "radio";
  name: string;
  options: readonly T[];
  selected: readonly string[];
  label: (option: T) => ReactNode;
  invalid?: boolean;
  onChange: (option: T, checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <div className="chips">
      {options.map((option, index) => (
        <Choice
          key={option}
          type={type ?? "checkbox"}
          name={name}
          value={option}
          checked={selected.includes(option)}
          invalid={invalid === true && index === 0}
          onChange={(checked) => onChange(option, checked)}
        >
          {label(option)}
        </Choice>
      ))}
      {children}
    </div>
  );
}
