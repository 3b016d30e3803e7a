/**
 * The life of a form that sends one request: check the values with core's schema (the server runs the same
 * one), put each problem beside its field and the cursor in the first, send, then put the server's `fields`
 * in the same places and one sentence at the top (`describeError`), or a confirmation when it worked.
 */
import { useMutation } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  describeError,
  type FieldErrors,
  type SafeParser,
  serverFieldErrors,
  type Validation,
  validate,
} from "./forms.ts";

/** What a failed request means for the form: messages beside fields and the sentence at the top. */
export interface FormFailure {
  fields: FieldErrors;
  message: string;
}

export interface ApiFormOptions<V, D, R> {
  initial: V | (() => V);
  /**
   * Core's schema for the values as typed, or a function from the values to what is sent (built on
   * `validate`). `null` means nothing changed: nothing is sent and the form says so.
   */
  check: SafeParser<D> | ((values: V) => Validation<D> | null);
  send: (data: D) => Promise<R>;
  onSuccess?: (result: R, data: D) => void;
  /** Shown in the form's status region after a success. */
  savedMessage?: string | ((result: R) => string);
  /** Adjusts the reading of a failure (the defaults are the server's `fields` and `describeError`). */
  onFailure?: (error: unknown, failure: FormFailure) => FormFailure;
  /** Also say "check the fields marked below" at the top when the values are refused before sending. */
  alertOnInvalid?: boolean;
}

type TextKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export function useApiForm<V, D, R = unknown>(options: ApiFormOptions<V, D, R>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused submit, the cursor goes to the first field with a problem.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const mutation = useMutation<R, unknown, D>({
    mutationFn: (data) => options.send(data),
    onSuccess: (result, data) => {
      const saved = options.savedMessage;
      setStatus(typeof saved === "function" ? saved(result) : saved);
      options.onSuccess?.(result, data);
    },
    onError: (error) => {
      const read = { fields: serverFieldErrors(error), message: describeError(t, error) };
      const { fields, message } = options.onFailure?.(error, read) ?? read;
      setErrors(fields);
      setFormError(message);
    },
  });

  /** Changes some values; a confirmation from before no longer describes the form. */
  function update(patch: Partial<V>) {
    setStatus(undefined);
    setValues((current) => ({ ...current, ...patch }));
  }

  /** name, value, error and onChange for a text-like control bound to one value. */
  function field<K extends TextKeys<V>>(name: K) {
    return {
      name,
      value: values[name] as string,
      error: errors[name],
      onChange: (event: ChangeEvent<{ value: string }>) =>
        update({ [name]: event.target.value } as Partial<V>),
    };
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // One request at a time (the submit button stays focusable while it is on its way: lib/busy.ts).
    if (mutation.isPending) return;
    setFormError(undefined);
    setStatus(undefined);
    const { check } = options;
    const result = "safeParse" in check ? validate(check, values) : check(values);
    if (result === null) {
      setErrors({});
      setStatus(t("form.nothingChanged"));
      return;
    }
    if (!result.ok) {
      setErrors(result.fields);
      if (options.alertOnInvalid) setFormError(t("errors.checkFields"));
      return;
    }
    setErrors({});
    mutation.mutate(result.data);
  }

  return {
    values,
    setValues,
    update,
    field,
    errors,
    setErrors,
    formError,
    setFormError,
    status,
    setStatus,
    formRef,
    onSubmit,
    pending: mutation.isPending,
  };
}

export type ApiForm = Pick<ReturnType<typeof useApiForm>, "formError" | "status" | "pending">;
