import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { useTranslation } from "react-i18next";
import { unavailableWhile } from "../lib/busy.ts";
import type { ApiForm } from "../lib/useApiForm.ts";

interface FrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
}

/** What the control inside a frame needs to be tied to its label, hint and error. */
interface ControlWiring {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

/** Label, hint and error around one control, wired with for/id and aria-describedby. */
export function FieldFrame({
  label,
  hint,
  error,
  optional,
  className,
  children,
}: FrameProps & { children: (wiring: ControlWiring) => ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> ({t("form.optional")})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Splits a field's props into the frame's and the control's, and renders the control inside the frame. */
function framed<P extends FrameProps>(
  { label, hint, error, optional, className, ...control }: P,
  render: (props: ControlWiring & Omit<P, keyof FrameProps>) => ReactNode,
) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} className={className}>
      {(wiring) => render({ ...wiring, ...control })}
    </FieldFrame>
  );
}

export function TextField(props: FrameProps & InputHTMLAttributes<HTMLInputElement>) {
  return framed(props, (input) => <input {...input} />);
}

export function TextArea(props: FrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return framed(props, (textarea) => <textarea {...textarea} />);
}

export function SelectField(props: FrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return framed(props, (select) => <select {...select} />);
}

/** A message region that exists before its message does, so screen readers announce the change. */
export function LiveMessage({ kind, message }: { kind: "status" | "error"; message: string | undefined }) {
  return (
    <div
      className={`live live--${kind}${message ? "" : " live--empty"}`}
      role={kind === "error" ? "alert" : "status"}
      aria-live={kind === "error" ? "assertive" : "polite"}
    >
      {message ? <p>{message}</p> : null}
    </div>
  );
}

/**
 * The end of a form: its alert and confirmation regions, then the button that sends it, full width, or beside
 * a "Cancel" when the form can be closed.
 */
export function FormEnd({
  form,
  submit,
  onCancel,
}: {
  form: ApiForm;
  submit: ReactNode;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const button = (
    <button
      type="submit"
      className={`button button--primary${onCancel ? "" : " button--block"}`}
      {...unavailableWhile(form.pending)}
    >
      {submit}
    </button>
  );
  return (
    <>
      <LiveMessage kind="error" message={form.formError} />
      <LiveMessage kind="status" message={form.status} />
      {onCancel ? (
        <div className="button-row">
          {button}
          <button type="button" className="button" onClick={onCancel}>
            {t("form.cancel")}
          </button>
        </div>
      ) : (
        button
      )}
    </>
  );
}

/**
 * A screen's confirmations and alerts, in one place that can take the focus: after something is removed
 * along with the button that was focused, focus goes here and the sentence is read.
 */
export function Announcements({
  ref,
  status,
  error,
}: {
  ref: Ref<HTMLDivElement>;
  status: string | undefined;
  error: string | undefined;
}) {
  return (
    <div ref={ref} tabIndex={-1} className="announcements">
      <LiveMessage kind="status" message={status} />
      <LiveMessage kind="error" message={error} />
    </div>
  );
}

/**
 * A question asked in place before something is removed for good. The safe answer has the focus when the
 * question appears.
 */
export function ConfirmRemoval({
  question,
  confirm,
  keep,
  busy,
  onConfirm,
  onKeep,
}: {
  question: ReactNode;
  confirm: string;
  keep: string;
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <fieldset className="confirm-removal">
      <legend>{question}</legend>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          {...unavailableWhile(busy)}
          onClick={onConfirm}
        >
          {confirm}
        </button>
        {/* biome-ignore lint/a11y/noAutofocus: the question just appeared; the safe answer gets the focus. */}
        <button type="button" className="button" autoFocus onClick={onKeep}>
          {keep}
        </button>
      </div>
    </fieldset>
  );
}
