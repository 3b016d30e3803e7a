/**
 * The composer, at the bottom under the thumb: a text area and "Send". On a desktop keyboard Enter sends and
 * Shift+Enter starts a new line; on a phone Enter is a new line and "Send" sends. Text over the limit is
 * refused with core's words, and stays in the box.
 */
import { detectDanger, messageTextSchema, TEAM_LIMITS } from "@cairn/core";
import { type FormEvent, type KeyboardEvent, type RefObject, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { localizeCoreMessage } from "../../../i18n/index.ts";
import { useHelp } from "../../help/HelpContext.ts";

/** Shown as a count once the text is this close to the limit. */
const COUNT_FROM = TEAM_LIMITS.messageMax - 500;

function hasKeyboard(): boolean {
  return globalThis.matchMedia?.("(hover: hover) and (pointer: fine)").matches ?? false;
}

export function Composer({
  ref,
  replyingTo,
  disabled,
  onCancelReply,
  onSend,
}: {
  ref: RefObject<HTMLTextAreaElement | null>;
  replyingTo: string | undefined;
  disabled: boolean;
  onCancelReply: () => void;
  onSend: (text: string, dangerShown: boolean) => void;
}) {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const id = useId();
  const keyboard = hasKeyboard();

  function send(event?: FormEvent) {
    event?.preventDefault();
    const checked = messageTextSchema.safeParse(text);
    if (!checked.success) {
      // An empty box says nothing; too long says so beside the box, and the text stays.
      setError(text.trim() ? localizeCoreMessage(checked.error.issues[0]?.message ?? "") : undefined);
      return;
    }
    setError(undefined);
    // Safety first: danger language opens help on this device before anything is sent.
    const dangerShown = detectDanger(text).length > 0;
    if (dangerShown) openHelp();
    onSend(text, dangerShown);
    setText("");
    // The cursor stays in the box for the next message (and a phone keeps its keyboard), unless help opened.
    if (!dangerShown) ref.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.nativeEvent.isComposing || !keyboard) return;
    event.preventDefault();
    send();
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <form className="composer" onSubmit={send} noValidate>
      {replyingTo ? (
        <div className="composer__reply">
          <p>{t("chat.composer.replyingTo", { alias: replyingTo })}</p>
          <button type="button" className="button button--quiet" onClick={onCancelReply}>
            {t("chat.composer.cancelReply")}
          </button>
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="composer__row">
        <label htmlFor={id} className="visually-hidden">
          {t("chat.composer.label")}
        </label>
        <textarea
          ref={ref}
          id={id}
          rows={1}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? errorId : "", keyboard ? hintId : ""].filter(Boolean).join(" ") || undefined
          }
          onChange={(e) => {
            setText(e.target.value);
            if (error && e.target.value.length <= TEAM_LIMITS.messageMax) setError(undefined);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button button--primary" disabled={disabled}>
          {t("chat.composer.send")}
        </button>
      </div>
      {keyboard ? (
        <p id={hintId} className="visually-hidden">
          {t("chat.composer.enterHint")}
        </p>
      ) : null}
      {text.length >= COUNT_FROM ? (
        <p className="composer__count">
          {t("chat.composer.count", { count: text.length, max: TEAM_LIMITS.messageMax })}
        </p>
      ) : null}
    </form>
  );
}
