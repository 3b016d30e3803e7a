/**
 * The client's side of the team chat stream: merges what the server sends by sequence number, drops
 * duplicates, and remembers per team the highest seq received *through the subscription* — the number to
 * resume from after a reconnect (case C11). Pure: no timers, sockets or DOM; the web app and the tests drive it.
 *
 * Why `sent` frames do not move the resume point: a reply to our own send can overtake a teammate's message
 * that is still on its way (stored first, delivered a moment later by another server instance). Resuming from
 * our own message's seq would skip theirs. Only `message` frames and `caught_up` move `lastSeq`, because the
 * server delivers those in order, each once, per subscription.
 */
import type { ClientMessage, ServerMessage } from "./protocol.ts";
import type { Message } from "./schema.ts";

export interface TeamTimeline {
  /** Messages in ascending seq, each once. */
  readonly messages: readonly Message[];
  /** The highest seq received through the subscription: resume after it. */
  readonly lastSeq: number;
  /** Between `caught_up` and the connection dropping: what is shown is complete up to now. */
  readonly live: boolean;
}

/** What a frame changed, so a UI re-renders only what it must. */
export type StreamChange =
  | { kind: "messages"; teamId: string; added: Message[]; updated: Message[] }
  | { kind: "caught-up"; teamId: string; seq: number }
  | { kind: "read"; teamId: string; seq: number }
  | { kind: "removed"; teamId: string }
  | Extract<ServerMessage, { type: "sent" }>
  | Extract<ServerMessage, { type: "error" }>
  | { kind: "none" };

interface TeamState {
  messages: Message[];
  lastSeq: number;
  live: boolean;
}

const EMPTY: TeamTimeline = Object.freeze({
  messages: Object.freeze([]) as readonly Message[],
  lastSeq: 0,
  live: false,
});

export class SubscriptionState {
  private readonly teams = new Map<string, TeamState>();

  /** Starts following a team (from `lastSeq` when the client already holds messages up to it). */
  track(teamId: string, lastSeq = 0): void {
    const team = this.teams.get(teamId);
    if (team) team.lastSeq = Math.max(team.lastSeq, lastSeq);
    else this.teams.set(teamId, { messages: [], lastSeq, live: false });
  }

  forget(teamId: string): void {
    this.teams.delete(teamId);
  }

  tracked(): string[] {
    return [...this.teams.keys()];
  }

  timeline(teamId: string): TeamTimeline {
    return this.teams.get(teamId) ?? EMPTY;
  }

  lastSeq(teamId: string): number {
    return this.teams.get(teamId)?.lastSeq ?? 0;
  }

  /** The frame that (re)subscribes to a team from what the client already has. */
  subscribeFrame(teamId: string): ClientMessage {
    this.track(teamId);
    return { type: "subscribe", teamId, afterSeq: this.lastSeq(teamId) };
  }

  /** On (re)connect: one subscribe frame per tracked team. */
  subscribeFrames(): ClientMessage[] {
    return this.tracked().map((teamId) => this.subscribeFrame(teamId));
  }

  /** The connection dropped: nothing is live until each team's `caught_up` comes again. */
  disconnected(): void {
    for (const team of this.teams.values()) team.live = false;
  }

  /**
   * Merges a page read over HTTP. `latest: true` means the page ends at the team's newest message as of the
   * read (no `before`), so resuming after its highest seq misses nothing; older pages never move `lastSeq`.
   */
  addHistory(teamId: string, messages: readonly Message[], options: { latest: boolean }): StreamChange {
    this.track(teamId);
    const team = this.teams.get(teamId) as TeamState;
    const change = mergeAll(team, teamId, messages);
    if (options.latest) {
      for (const message of messages) team.lastSeq = Math.max(team.lastSeq, message.seq);
    }
    return change;
  }

  apply(frame: ServerMessage): StreamChange {
    switch (frame.type) {
      case "message": {
        const teamId = frame.message.teamId;
        this.track(teamId);
        const team = this.teams.get(teamId) as TeamState;
        const change = mergeAll(team, teamId, [frame.message]);
        team.lastSeq = Math.max(team.lastSeq, frame.message.seq);
        return change;
      }
      case "sent": {
        const teamId = frame.message.teamId;
        this.track(teamId);
        mergeAll(this.teams.get(teamId) as TeamState, teamId, [frame.message]);
        return frame;
      }
      case "deleted": {
        const team = this.teams.get(frame.teamId);
        const index = team ? indexOfSeq(team.messages, frame.seq) : -1;
        if (!team || index < 0) return { kind: "none" };
        const current = team.messages[index] as Message;
        if (current.deleted) return { kind: "none" };
        const deleted: Message = { ...current, deleted: true, text: null, data: null };
        team.messages[index] = deleted;
        return { kind: "messages", teamId: frame.teamId, added: [], updated: [deleted] };
      }
      case "caught_up": {
        this.track(frame.teamId, frame.seq);
        (this.teams.get(frame.teamId) as TeamState).live = true;
        return { kind: "caught-up", teamId: frame.teamId, seq: frame.seq };
      }
      case "read":
        return { kind: "read", teamId: frame.teamId, seq: frame.seq };
      case "removed":
        this.teams.delete(frame.teamId);
        return { kind: "removed", teamId: frame.teamId };
      case "error":
        return frame;
      case "pong":
        return { kind: "none" };
    }
  }
}

function mergeAll(team: TeamState, teamId: string, incoming: readonly Message[]): StreamChange {
  const added: Message[] = [];
  const updated: Message[] = [];
  for (const message of incoming) {
    const outcome = merge(team.messages, message);
    if (outcome === "added") added.push(message);
    else if (outcome === "updated") updated.push(message);
  }
  return added.length + updated.length === 0
    ? { kind: "none" }
    : { kind: "messages", teamId, added, updated };
}

/** Inserts by seq; a known seq is replaced only when it changed (deleted since), otherwise dropped. */
function merge(messages: Message[], message: Message): "added" | "updated" | "duplicate" {
  const last = messages[messages.length - 1];
  if (!last || last.seq < message.seq) {
    messages.push(message);
    return "added";
  }
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((messages[mid] as Message).seq < message.seq) low = mid + 1;
    else high = mid;
  }
  const found = messages[low];
  if (found && found.seq === message.seq) {
    // A deletion is final: an older copy arriving late never brings the text back.
    if (found.deleted || !message.deleted) return "duplicate";
    messages[low] = message;
    return "updated";
  }
  messages.splice(low, 0, message);
  return "added";
}

function indexOfSeq(messages: readonly Message[], seq: number): number {
  let low = 0;
  let high = messages.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = (messages[mid] as Message).seq;
    if (at === seq) return mid;
    if (at < seq) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
