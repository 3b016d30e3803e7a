/**
 * What the chat shows, from a team's messages in seq order: reactions folded onto the message they answer,
 * replies with the message they answer, who responded to a reach-out, and nothing at all from members the
 * viewer blocked. Pure, so the rules are tested without a browser.
 */
import { localDateAt, type Message, REACTIONS, type Reaction } from "@cairn/core";
import type { ConnectionStatus } from "./live/LiveStore.ts";

export interface ReactionCount {
  emoji: Reaction;
  count: number;
  /** The seq of the viewer's own reaction with this emoji (deleting it takes the reaction back). */
  mine: number | undefined;
}

export interface ChatItem {
  message: Message;
  reactions: ReactionCount[];
  /** For a reply: the message it answers, when it is loaded and visible. */
  replyTarget: Message | undefined;
  /** For a reach-out (and any message): the aliases of teammates who replied or reacted, first one first. */
  responders: string[];
}

export interface ChatOptions {
  me: string;
  /** Authors the viewer blocked: their messages, reactions and replies are not shown. */
  hidden: ReadonlySet<string>;
}

export function isReaction(value: unknown): value is Reaction {
  return typeof value === "string" && (REACTIONS as readonly string[]).includes(value);
}

const visible = (message: Message, hidden: ReadonlySet<string>) =>
  !(message.author && hidden.has(message.author.id));

export function buildChat(messages: readonly Message[], { me, hidden }: ChatOptions): ChatItem[] {
  const bySeq = new Map<number, Message>();
  const reactions = new Map<number, Map<Reaction, { count: number; mine: number | undefined }>>();
  const responders = new Map<number, string[]>();
  const items: ChatItem[] = [];

  for (const message of messages) {
    if (!visible(message, hidden)) continue;
    bySeq.set(message.seq, message);
    const target = message.replyTo;
    if (target === null || message.deleted) continue;
    if (message.kind === "reaction") {
      const emoji = message.data?.emoji;
      if (!isReaction(emoji)) continue;
      const forTarget = reactions.get(target) ?? new Map();
      const entry = forTarget.get(emoji) ?? { count: 0, mine: undefined };
      entry.count += 1;
      if (message.author?.id === me) entry.mine = message.seq;
      forTarget.set(emoji, entry);
      reactions.set(target, forTarget);
    }
    const alias = message.author?.alias;
    if (alias) {
      const list = responders.get(target) ?? [];
      if (!list.includes(alias)) list.push(alias);
      responders.set(target, list);
    }
  }

  for (const message of messages) {
    if (message.kind === "reaction" || !visible(message, hidden)) continue;
    const counts = reactions.get(message.seq);
    const ownAlias = message.author?.alias;
    items.push({
      message,
      reactions: REACTIONS.flatMap((emoji) => {
        const entry = counts?.get(emoji);
        return entry ? [{ emoji, count: entry.count, mine: entry.mine }] : [];
      }),
      replyTarget: message.replyTo === null ? undefined : bySeq.get(message.replyTo),
      responders: (responders.get(message.seq) ?? []).filter((alias) => alias !== ownAlias),
    });
  }
  return items;
}

/** The highest seq among messages the viewer can see (what a read marker may move to). */
export function lastSeqOf(messages: readonly Message[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/**
 * New messages worth announcing to a screen reader: from someone else, not a reaction, not hidden, not
 * deleted. The chat coalesces them, so a burst is one announcement.
 */
export function announceable(added: readonly Message[], { me, hidden }: ChatOptions): Message[] {
  return added.filter(
    (m) => m.author?.id !== me && m.kind !== "reaction" && !m.deleted && visible(m, hidden),
  );
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function format(language: string, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withDate}`;
  let formatter = timeFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      timeZone,
      hour: "numeric",
      minute: "2-digit",
      ...(withDate ? { month: "short", day: "numeric" } : {}),
    });
    timeFormats.set(key, formatter);
  }
  return formatter;
}

/**
 * When a message was posted, on the member's own clock (their stored zone, not the device's): the time for
 * today's messages, the date and time for older ones.
 */
export function messageTime(createdAt: string, timeZone: string, language: string, today: string): string {
  const at = Date.parse(createdAt);
  if (Number.isNaN(at)) return "";
  const sameDay = localDateAt(at, timeZone) === today;
  return format(language, timeZone, !sameDay).format(at);
}

/** The first words of a message, for "replying to" lines and announcements. */
export function excerpt(text: string | null, max = 80): string {
  if (!text) return "";
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  // Cut between whole characters as a person sees them: never inside an emoji, a skin tone or a family (C08).
  const chars =
    typeof Intl.Segmenter === "function"
      ? Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(flat), (s) => s.segment)
      : Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}

/** A day as the member reads it ("Dec 3, 2026"), on their own calendar. */
export function dayOf(iso: string, timeZone: string, language: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "";
  return new Intl.DateTimeFormat(language, { timeZone, dateStyle: "medium" }).format(at);
}

type ConnectionKey = "connecting" | "connected" | "reconnecting" | "offline";

/**
 * What the chat header says about the connection: "Connected" once this team is caught up over an open socket;
 * otherwise "Connecting…" the first time and "Reconnecting…" after it was live (saying "offline" when the
 * browser knows).
 */
export function connectionKey(status: ConnectionStatus, live: boolean, everLive: boolean): ConnectionKey {
  if (status.state === "open" && live) return "connected";
  if (status.offline) return "offline";
  return everLive ? "reconnecting" : "connecting";
}
