/**
 * One message in the chat: who wrote it and when, its content by kind (text, a reply, a check-in or milestone
 * from the feed, a reach-out alert, or "Message deleted"), its reactions, and an options panel (react, reply,
 * report, block the author, delete). One panel is open at a time; focus returns to "Options" when it closes.
 */
import { type Message, REACTIONS, type Reaction, TEAM_LIMITS } from "@cairn/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmRemoval, LiveMessage, TextArea } from "../../../components/fields.tsx";
import { unavailableWhile } from "../../../lib/busy.ts";
import { describeError } from "../../../lib/forms.ts";
import { useReturnFocus } from "../../../lib/useReturnFocus.ts";
import { listOf } from "../ReachOut.tsx";
import { type ChatItem, excerpt } from "../timeline.ts";
import { LinkedText } from "./LinkedText.tsx";

export const REACTION_NAMES: Record<Reaction, "strength" | "love" | "thanks" | "applause" | "growth"> = {
  "💪": "strength",
  "❤️": "love",
  "🙏": "thanks",
  "👏": "applause",
  "🌱": "growth",
};

export interface MessageActions {
  react: (message: Message, emoji: Reaction) => void;
  unreact: (message: Message, reactionSeq: number) => void;
  reply: (message: Message) => void;
  report: (message: Message, reason: string | undefined) => Promise<void>;
  block: (message: Message) => Promise<void>;
  remove: (message: Message) => Promise<void>;
}

type Panel = "menu" | "report" | "block" | "delete";

interface Props {
  item: ChatItem;
  me: string;
  leader: boolean;
  time: string;
  open: Panel | undefined;
  onOpen: (panel: Panel | undefined) => void;
  actions: MessageActions;
}

function useAlias() {
  const { t } = useTranslation();
  return (message: Message, me: string) =>
    message.author === null
      ? t("chat.formerMember")
      : message.author.id === me
        ? t("chat.you")
        : message.author.alias;
}

function FeedBody({ message, alias, mine }: { message: Message; alias: string; mine: boolean }) {
  const { t } = useTranslation();
  const data = message.data ?? {};
  const days = typeof data.days === "number" ? data.days : undefined;
  if (message.kind === "milestone") {
    return (
      <p className="message__feed-title">
        <span aria-hidden="true">🎉 </span>
        {mine
          ? t("chat.milestoneMine", { days: t("progress.days", { count: days ?? 0 }) })
          : t("chat.milestone", { alias, days: t("progress.days", { count: days ?? 0 }) })}
      </p>
    );
  }
  const mood = typeof data.mood === "number" && data.mood >= 1 && data.mood <= 5 ? data.mood : undefined;
  const craving = typeof data.craving === "number" ? data.craving : undefined;
  return (
    <>
      <p className="message__feed-title">
        <span aria-hidden="true">✓ </span>
        {mine ? t("chat.checkinMine") : t("chat.checkin", { alias })}
      </p>
      <ul className="message__facts">
        {days !== undefined ? <li>{t("chat.checkinDays", { count: days })}</li> : null}
        {mood !== undefined ? (
          <li>{t("chat.checkinMood", { mood: t(`checkin.mood.${mood as 1 | 2 | 3 | 4 | 5}`) })}</li>
        ) : null}
        {craving !== undefined ? <li>{t("chat.checkinCraving", { value: craving })}</li> : null}
      </ul>
    </>
  );
}

function ReportForm({
  onSend,
  onCancel,
}: {
  onSend: (reason: string | undefined) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    onSend(reason.trim() || undefined).catch((failure: unknown) => {
      setBusy(false);
      setError(describeError(t, failure));
    });
  }
  return (
    <form className="stack message__report" onSubmit={submit} noValidate>
      <TextArea
        label={t("chat.report.reason")}
        hint={t("chat.report.reasonHint")}
        optional
        rows={2}
        maxLength={TEAM_LIMITS.reportReasonMax}
        value={reason}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      <LiveMessage kind="error" message={error} />
      <div className="button-row">
        <button type="submit" className="button button--primary" {...unavailableWhile(busy)}>
          {t("chat.report.submit")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}

export function MessageItem({ item, me, leader, time, open, onOpen, actions }: Props) {
  const { t, i18n } = useTranslation();
  const aliasOf = useAlias();
  const panelId = useId();
  const [busy, setBusy] = useState(false);
  const { message } = item;
  const mine = message.author?.id === me;
  const alias = aliasOf(message, me);
  const optionsButton = useReturnFocus<HTMLButtonElement>(open !== undefined);
  const close = () => onOpen(undefined);
  const run = (action: Promise<void>) => {
    setBusy(true);
    action.finally(() => setBusy(false)).catch(() => {});
  };

  const kindClass = message.deleted ? "deleted" : message.kind;
  const feed =
    !message.deleted &&
    (message.kind === "checkin" || message.kind === "milestone" || message.kind === "reach_out");
  const panel = useRef<HTMLDivElement>(null);
  const replyLine = (target: Message) => {
    const own = target.author?.id === me;
    const text = excerpt(
      target.kind !== "reach_out"
        ? target.text
        : own
          ? t("chat.reachOut.mine")
          : t("chat.reachOut.alert", { alias: aliasOf(target, me) }),
    );
    return own
      ? t("chat.replyingToYou", { text })
      : t("chat.replyingTo", { alias: aliasOf(target, me), text });
  };
  // An opened panel is scrolled into view, so its choices are under the thumb.
  useEffect(() => {
    if (open) panel.current?.scrollIntoView({ block: "nearest" });
  }, [open]);
  return (
    <li className={`message message--${kindClass}${mine ? " message--mine" : ""}`} data-seq={message.seq}>
      <p className="message__head">
        {/* Feed events and reach-outs name the member in their own sentence. */}
        {feed ? null : <span className="message__author">{alias}</span>}{" "}
        <time className="message__time" dateTime={message.createdAt}>
          {time}
        </time>
      </p>

      {message.deleted ? (
        <p className="message__deleted">{t("chat.deleted")}</p>
      ) : message.kind === "reach_out" ? (
        <div className="message__reach-out">
          <p className="message__feed-title">
            {mine ? t("chat.reachOut.mine") : t("chat.reachOut.alert", { alias })}
          </p>
          <p className="message__responders">
            {item.responders.length > 0
              ? t("chat.reachOut.responded", { names: listOf(item.responders, i18n.language) })
              : t("chat.reachOut.noResponse")}
          </p>
          {mine ? null : (
            <button
              type="button"
              className="button button--primary"
              aria-label={t("chat.reachOut.replyLabel", { alias })}
              onClick={() => actions.reply(message)}
            >
              {t("chat.reachOut.reply")}
            </button>
          )}
        </div>
      ) : message.kind === "checkin" || message.kind === "milestone" ? (
        <div className="message__feed">
          <FeedBody message={message} alias={alias} mine={mine} />
        </div>
      ) : (
        <>
          {message.replyTo !== null ? (
            <p className="message__reply-to">
              <span aria-hidden="true">↪ </span>
              {item.replyTarget && !item.replyTarget.deleted
                ? replyLine(item.replyTarget)
                : t("chat.replyingToEarlier")}
            </p>
          ) : null}
          {/* A message in Arabic or Hebrew reads from the right, whatever the app's language. */}
          <p className="message__text" dir="auto">
            <LinkedText text={message.text ?? ""} />
          </p>
        </>
      )}

      {item.reactions.length > 0 ? (
        <div className="reactions">
          {item.reactions.map(({ emoji, count, mine: own }) => {
            const name = t(`teams.reactions.${REACTION_NAMES[emoji]}`);
            return (
              <button
                key={emoji}
                type="button"
                className="reaction"
                aria-pressed={own !== undefined}
                aria-label={
                  own !== undefined
                    ? t("chat.reactionMine", { name, count })
                    : t("chat.reaction", { name, count })
                }
                onClick={() =>
                  own !== undefined ? actions.unreact(message, own) : actions.react(message, emoji)
                }
              >
                <span aria-hidden="true">
                  {emoji} {count}
                </span>
              </button>
            );
          })}
        </div>
      ) : null}

      {message.deleted ? null : (
        <button
          ref={optionsButton}
          type="button"
          className="message__options-button"
          aria-expanded={open !== undefined}
          aria-controls={open ? panelId : undefined}
          aria-label={t("chat.options.label", { alias, time })}
          onClick={() => onOpen(open ? undefined : "menu")}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      )}
      {open && !message.deleted ? (
        <div ref={panel} id={panelId} className="message__panel">
          {open === "menu" ? (
            <>
              {message.kind === "reach_out" ? null : (
                <fieldset className="reaction-picker">
                  <legend>{t("chat.options.reactLegend")}</legend>
                  <div className="reaction-picker__choices">
                    {REACTIONS.map((emoji) => (
                      <button
                        key={emoji}
                        type="button"
                        className="reaction"
                        aria-label={t("chat.options.reactWith", {
                          name: t(`teams.reactions.${REACTION_NAMES[emoji]}`),
                        })}
                        onClick={() => {
                          actions.react(message, emoji);
                          close();
                        }}
                      >
                        <span aria-hidden="true">{emoji}</span>
                      </button>
                    ))}
                  </div>
                </fieldset>
              )}
              <div className="message__menu">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    close();
                    actions.reply(message);
                  }}
                >
                  {t("chat.options.reply")}
                </button>
                {mine ? null : (
                  <button type="button" className="button" onClick={() => onOpen("report")}>
                    {t("chat.options.report")}
                  </button>
                )}
                {mine || !message.author ? null : (
                  <button type="button" className="button" onClick={() => onOpen("block")}>
                    {t("chat.options.block", { alias })}
                  </button>
                )}
                {mine || leader ? (
                  <button type="button" className="button" onClick={() => onOpen("delete")}>
                    {t("chat.options.delete")}
                  </button>
                ) : null}
              </div>
            </>
          ) : open === "report" ? (
            <ReportForm onSend={(reason) => actions.report(message, reason)} onCancel={close} />
          ) : open === "block" ? (
            <ConfirmRemoval
              question={t("chat.block.question", { alias })}
              confirm={t("chat.block.confirm")}
              keep={t("form.cancel")}
              busy={busy}
              onConfirm={() => run(actions.block(message))}
              onKeep={close}
            />
          ) : (
            <ConfirmRemoval
              question={t("chat.delete.question")}
              confirm={t("chat.delete.confirm")}
              keep={t("chat.delete.keep")}
              busy={busy}
              onConfirm={() => run(actions.remove(message))}
              onKeep={close}
            />
          )}
        </div>
      ) : null}
    </li>
  );
}

export type { Panel };
