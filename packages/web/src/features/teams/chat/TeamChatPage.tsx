/**
 * A team's chat, made for one hand at 360 px: the connection state and "Team details" at the top, "Reach out
 * to my team", the messages (their own scrolling area, newest at the bottom), and the composer under the
 * thumb. Messages come from the live store: the newest page over HTTP when the chat opens, then the socket,
 * merged by seq, each once. New messages from others are announced politely, a burst as one sentence.
 */
import type { Message, Reaction } from "@cairn/core";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { api } from "../../../api/endpoints.ts";
import { useTeams } from "../../../api/queries.ts";
import { Loading } from "../../../app/Loading.tsx";
import { useMember } from "../../../app/session.ts";
import { Announcements } from "../../../components/fields.tsx";
import { Page } from "../../../components/Page.tsx";
import { localizeCoreMessage } from "../../../i18n/index.ts";
import { unavailableWhile } from "../../../lib/busy.ts";
import { describeError } from "../../../lib/forms.ts";
import { useToday } from "../../../lib/useToday.ts";
import type { PendingSend } from "../live/LiveStore.ts";
import { useConnectionStatus, useLive, useTeamSnapshot } from "../live/liveContext.ts";
import { useBlockChanges, useHiddenAuthors } from "../queries.ts";
import { ReachOutButton } from "../ReachOut.tsx";
import { announceable, buildChat, connectionKey, excerpt, lastSeqOf, messageTime } from "../timeline.ts";
import { Composer } from "./Composer.tsx";
import { LinkedText } from "./LinkedText.tsx";
import { type MessageActions, MessageItem, type Panel } from "./MessageItem.tsx";
import "../teams.css";

/** Within this many pixels of the bottom, new messages keep the view at the bottom. */
const NEAR_BOTTOM = 96;
/** New messages arriving within this time are announced together. */
const ANNOUNCE_AFTER_MS = 800;

function PendingItem({
  pending,
  onRetry,
  onDiscard,
}: {
  pending: PendingSend;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const refusal = pending.error?.fields?.text ?? pending.error?.message;
  return (
    <li className={`message message--mine message--pending message--${pending.status}`}>
      <p className="message__head">
        <span className="message__author">{t("chat.you")}</span>
      </p>
      <p className="message__text">
        <LinkedText text={pending.text} />
      </p>
      <p className="message__status">
        {pending.status === "sending"
          ? t("chat.sending")
          : pending.status === "unsent"
            ? t("chat.unsent")
            : localizeCoreMessage(refusal ?? "")}
      </p>
      {pending.status === "sending" ? null : (
        <div className="button-row">
          <button type="button" className="button" onClick={onRetry}>
            {t("chat.retry")}
          </button>
          <button type="button" className="button button--quiet" onClick={onDiscard}>
            {t("chat.discard")}
          </button>
        </div>
      )}
    </li>
  );
}

export function TeamChatPage({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const today = useToday(member.timezone);
  const [, navigate] = useLocation();
  const { store, removal } = useLive();
  const teams = useTeams();
  const team = teams.data?.find((candidate) => candidate.id === teamId);
  const hidden = useHiddenAuthors();
  const blockChanges = useBlockChanges();
  const snapshot = useTeamSnapshot(store, teamId);
  const status = useConnectionStatus(store);
  const [open, setOpen] = useState<{ seq: number; panel: Panel }>();
  const [replyTo, setReplyTo] = useState<Message>();
  const [notice, setNotice] = useState<{ status?: string; error?: string }>({});
  const [announcement, setAnnouncement] = useState("");
  const announcements = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const scroller = useRef<HTMLElement>(null);
  const everLive = useRef(false);
  if (snapshot.live) everLive.current = true;

  // The newest page each time the chat opens; the socket fills in the rest.
  useEffect(() => {
    if (store) void store.loadLatest(teamId);
  }, [store, teamId]);

  // Removed from this team (case C13): nothing of it stays on screen; the list says what happened.
  useEffect(() => {
    if (removal?.teamId === teamId) navigate("/teams", { replace: true });
  }, [removal, teamId, navigate]);

  const me = member.id;
  const items = useMemo(() => buildChat(snapshot.messages, { me, hidden }), [snapshot.messages, me, hidden]);
  const lastSeq = lastSeqOf(snapshot.messages);
  const leader = team?.role === "leader";

  // ── scrolling: start at the newest; stay at the bottom while there; keep the place when paging back ──
  const atBottom = useRef(true);
  const scrolledOnce = useRef(false);
  const forceBottom = useRef(false);
  const beforeOlder = useRef<{ height: number; top: number } | null>(null);
  const lastItemSeq = items.at(-1)?.message.seq;
  const firstItemSeq = items[0]?.message.seq;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when what is shown grows, at either end.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (beforeOlder.current) {
      const { height, top } = beforeOlder.current;
      beforeOlder.current = null;
      element.scrollTop = top + (element.scrollHeight - height);
      return;
    }
    if (!scrolledOnce.current && snapshot.latest === "loaded") {
      scrolledOnce.current = true;
      element.scrollTop = element.scrollHeight;
    } else if (atBottom.current || forceBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
    forceBottom.current = false;
  }, [lastItemSeq, firstItemSeq, snapshot.pending.length, snapshot.latest]);

  // ── read marker: the last message seen, while the page is visible ──
  const latest = useRef({ lastSeq, lastItemSeq });
  latest.current = { lastSeq, lastItemSeq };
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => {
    const root = scroller.current;
    if (!root || !store || typeof IntersectionObserver === "undefined") return;
    let seen = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (document.visibilityState !== "visible" || seen === 0) return;
      const { lastSeq: newest, lastItemSeq: lastShown } = latest.current;
      // The last message shown is seen: reactions and hidden messages after it count as read too.
      store.markRead(teamId, lastShown !== undefined && seen >= lastShown ? newest : seen);
    };
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const seq = Number((entry.target as HTMLElement).dataset.seq);
          if (seq > seen) seen = seq;
        }
        clearTimeout(timer);
        timer = setTimeout(flush, 300);
      },
      { root, threshold: 0.5 },
    );
    observer.current = io;
    document.addEventListener("visibilitychange", flush);
    return () => {
      clearTimeout(timer);
      io.disconnect();
      observer.current = null;
      document.removeEventListener("visibilitychange", flush);
    };
  }, [store, teamId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new message elements are observed as they appear.
  useEffect(() => {
    const io = observer.current;
    if (!io || !scroller.current) return;
    for (const element of scroller.current.querySelectorAll<HTMLElement>("li[data-seq]")) io.observe(element);
  }, [items]);

  // ── announcements: new messages from others, a burst as one sentence ──
  const announcedUpTo = useRef<number | null>(null);
  const toAnnounce = useRef<Message[]>([]);
  const announceTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (snapshot.latest !== "loaded") return;
    if (announcedUpTo.current === null) {
      announcedUpTo.current = lastSeq;
      return;
    }
    const from = announcedUpTo.current;
    const fresh = announceable(
      snapshot.messages.filter((m) => m.seq > from),
      { me, hidden },
    );
    announcedUpTo.current = Math.max(from, lastSeq);
    if (fresh.length === 0) return;
    toAnnounce.current.push(...fresh);
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => {
      const batch = toAnnounce.current;
      toAnnounce.current = [];
      const [only] = batch;
      if (batch.length === 1 && only) {
        const alias = only.author?.alias ?? t("chat.formerMember");
        setAnnouncement(
          only.kind === "reach_out"
            ? t("chat.reachOut.alert", { alias })
            : only.kind === "checkin"
              ? t("chat.checkin", { alias })
              : only.kind === "milestone"
                ? t("chat.milestone", {
                    alias,
                    days: t("progress.days", { count: Number(only.data?.days ?? 0) }),
                  })
                : t("chat.newMessage", { alias, text: excerpt(only.text, 140) }),
        );
      } else setAnnouncement(t("chat.newMessages", { count: batch.length }));
    }, ANNOUNCE_AFTER_MS);
  }, [snapshot.messages, snapshot.latest, lastSeq, me, hidden, t]);
  useEffect(() => () => clearTimeout(announceTimer.current), []);

  // ── actions ──
  function said(status: string) {
    setNotice({ status });
  }
  function failed(error: unknown) {
    setNotice({ error: describeError(t, error) });
  }
  const actions: MessageActions = {
    react: (message: Message, emoji: Reaction) => {
      api.react(teamId, message.seq, emoji).then(({ message: reaction }) => store?.stored(reaction), failed);
    },
    unreact: (_message, reactionSeq) => {
      api.deleteMessage(teamId, reactionSeq).then(() => store?.deletedHere(teamId, reactionSeq), failed);
    },
    reply: (message) => {
      setReplyTo(message);
      composer.current?.focus();
    },
    report: async (message, reason) => {
      await api.report(teamId, message.seq, reason);
      setOpen(undefined);
      said(t("chat.report.sent"));
    },
    block: async (message) => {
      const author = message.author;
      if (!author) return;
      try {
        const { block } = await api.block(author.id);
        blockChanges.blocked(block);
        // What the live region still holds (or is about to say) may be their words: drop it with the messages.
        toAnnounce.current = toAnnounce.current.filter((m) => m.author?.id !== author.id);
        setAnnouncement("");
        setOpen(undefined);
        if (replyTo?.author?.id === author.id) setReplyTo(undefined);
        said(t("chat.block.done", { alias: author.alias }));
        // The message and its options are gone: focus goes to the sentence that says so.
        announcements.current?.focus();
      } catch (error) {
        setOpen(undefined);
        failed(error);
      }
    },
    remove: async (message) => {
      try {
        await api.deleteMessage(teamId, message.seq);
        store?.deletedHere(teamId, message.seq);
        setOpen(undefined);
        said(t("chat.delete.done"));
        announcements.current?.focus();
      } catch (error) {
        setOpen(undefined);
        failed(error);
      }
    },
  };

  function send(text: string, dangerShown: boolean) {
    if (!store) return;
    setNotice({});
    forceBottom.current = true;
    store.send(teamId, text, { ...(replyTo ? { replyTo: replyTo.seq } : {}), dangerShown });
    setReplyTo(undefined);
  }

  function loadOlder() {
    const element = scroller.current;
    if (element) beforeOlder.current = { height: element.scrollHeight, top: element.scrollTop };
    void store?.loadOlder(teamId);
  }

  const connection = connectionKey(status, snapshot.live, everLive.current);
  const alias = (message: Message) =>
    message.author?.id === me ? t("chat.you") : (message.author?.alias ?? t("chat.formerMember"));

  if (snapshot.latest === "missing") {
    return (
      <Page title={t("teams.title")}>
        <p className="notice notice--warning">{t("teams.missing")}</p>
        <p>
          <Link href="/teams">{t("teams.back")}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={team?.name ?? t("app.loading")} className="team-chat">
      <div className="team-chat__bar">
        <p className={`connection connection--${connection}`} role="status">
          <span className="connection__dot" aria-hidden="true" />
          {t(`chat.connection.${connection}`)}
        </p>
        <Link href={`/teams/${teamId}/about`} className="button button--quiet team-chat__details">
          {t("chat.details")}
        </Link>
      </div>
      {team ? <ReachOutButton team={team} label={t("reachOut.button")} /> : null}
      <Announcements ref={announcements} status={notice.status} error={notice.error} />

      <section
        ref={scroller}
        className="team-chat__messages"
        aria-label={t("chat.messagesLabel")}
        // A scrolling area a keyboard can reach.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the message area scrolls on its own and must be reachable by keyboard.
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM;
        }}
      >
        {snapshot.latest === "loaded" && snapshot.older !== "none" && items.length > 0 ? (
          <button
            type="button"
            className="button button--quiet button--block"
            {...unavailableWhile(snapshot.older === "loading")}
            onClick={loadOlder}
          >
            {snapshot.older === "loading" ? t("chat.loadingOlder") : t("chat.loadOlder")}
          </button>
        ) : snapshot.latest === "loaded" && items.length > 0 ? (
          <p className="team-chat__start">{t("chat.start")}</p>
        ) : null}
        {snapshot.latest === "loaded" || items.length > 0 ? (
          items.length === 0 && snapshot.pending.length === 0 ? (
            <p className="team-chat__empty">{t("chat.empty")}</p>
          ) : (
            <ol className="messages">
              {items.map((item) => (
                <MessageItem
                  key={item.message.seq}
                  item={item}
                  me={me}
                  leader={leader}
                  time={messageTime(item.message.createdAt, member.timezone, i18n.language, today)}
                  open={open?.seq === item.message.seq ? open.panel : undefined}
                  onOpen={(panel) => setOpen(panel ? { seq: item.message.seq, panel } : undefined)}
                  actions={actions}
                />
              ))}
              {snapshot.pending.map((pending) => (
                <PendingItem
                  key={pending.clientId}
                  pending={pending}
                  onRetry={() => store?.retry(pending.clientId)}
                  onDiscard={() => store?.discard(pending.clientId)}
                />
              ))}
            </ol>
          )
        ) : snapshot.latest === "error" ? (
          <div className="load-failed" role="alert">
            <p>{t("errors.loadFailed")}</p>
            <button type="button" className="button" onClick={() => void store?.loadLatest(teamId)}>
              {t("errors.retry")}
            </button>
          </div>
        ) : (
          <Loading />
        )}
      </section>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      <Composer
        ref={composer}
        replyingTo={replyTo ? alias(replyTo) : undefined}
        disabled={!store}
        onCancelReply={() => {
          setReplyTo(undefined);
          composer.current?.focus();
        }}
        onSend={send}
      />
    </Page>
  );
}
