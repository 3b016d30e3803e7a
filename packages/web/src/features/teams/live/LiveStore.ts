/**
 * The app's one WebSocket (`/api/v1/ws`) and everything it carries: each team's messages merged by seq with
 * duplicates dropped (core's `SubscriptionState`), the connection's state, sends waiting for their stored
 * message, and read markers. Loaded lazily after the first screen; React reads it through
 * `useSyncExternalStore` (liveContext.ts). No DOM here: the provider wires `online`, `offline` and
 * `visibilitychange`, so tests drive it with a fake socket and fake timers.
 *
 * - **Resume (case C11).** On every (re)connect each tracked team is subscribed from the highest seq received
 *   through the subscription (`SubscriptionState.lastSeq`); the server sends exactly what came after, then
 *   `caught_up`, then live messages. A message that arrives twice (catch-up and live, or HTTP and socket) is
 *   shown once.
 * - **Sends (case C12).** Each send has a client id made on the device. It stays pending until the stored
 *   message comes back (the `sent` frame, the message itself, or the HTTP answer); a retry — by hand, or by
 *   itself after a reconnect — reuses the id, so the server stores it once and answers with the stored one.
 * - **Reconnect.** Backoff with jitter; at once when the browser says it is online again or the tab comes
 *   back; never while offline. A socket that answers no ping for 10 s is dropped and replaced.
 * - **Removal (case C13).** `removed` forgets the team at once (its messages, pending sends and subscription).
 * - **Session ended.** Close code 4001: the provider signs the member out.
 */
import {
  CLOSE_CODES,
  type ClientMessage,
  type Message,
  type MessageSent,
  type ServerMessage,
  type StreamChange,
  SubscriptionState,
  TEAM_LIMITS,
} from "@cairn/core";
import { ApiRequestError, NETWORK_ERROR } from "../../../api/client.ts";
import type { api as Api } from "../../../api/endpoints.ts";
import { FrameBudget, newClientId, reconnectDelay } from "./backoff.ts";

/** The part of the browser's WebSocket the store uses (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `idle`: no team to follow (no socket); `connecting`: the first try; `reconnecting`: any later one. */
export type ConnectionState = "idle" | "connecting" | "open" | "reconnecting";

export interface ConnectionStatus {
  state: ConnectionState;
  /** The browser says there is no network: nothing is tried until it says there is. */
  offline: boolean;
}

/**
 * `sending`: on its way, or waiting for the connection (it goes by itself when the connection is back);
 * `unsent`: no answer in time (the same client id is used when it is tried again);
 * `refused`: the server said no (muted, too fast, too long): the reason is shown.
 */
export type PendingStatus = "sending" | "unsent" | "refused";

export interface PendingSend {
  clientId: string;
  teamId: string;
  text: string;
  replyTo: number | undefined;
  status: PendingStatus;
  error?: { code: string; message: string; fields?: Record<string, string> | undefined };
}

/** `missing`: the team is not one of the member's (a wrong or old link). */
export type HistoryStatus = "idle" | "loading" | "loaded" | "error" | "missing";

export interface TeamSnapshot {
  /** Ascending seq, each once. */
  messages: readonly Message[];
  /** Caught up over the socket: what is shown is complete up to now. */
  live: boolean;
  pending: readonly PendingSend[];
  latest: HistoryStatus;
  /** Whether there are older messages to page back to. */
  older: "more" | "loading" | "none" | "error";
}

export type LiveEvent =
  | { type: "messages"; teamId: string; added: Message[]; live: boolean }
  | { type: "caught-up"; teamId: string }
  | { type: "read"; teamId: string; seq: number }
  | { type: "removed"; teamId: string }
  | { type: "session-ended" }
  /** The socket closed before it opened (a refused upgrade looks like this): the session may be gone. */
  | { type: "refused" }
  /** The server found danger language in the member's own message: crisis resources open. */
  | { type: "danger" };

export interface LiveStoreOptions {
  url: string;
  memberId: string;
  api: Pick<typeof Api, "messages" | "sendMessage" | "markRead">;
  createSocket?: (url: string) => SocketLike;
  timers?: Timers;
  random?: () => number;
  onEvent?: (event: LiveEvent) => void;
  /** Without an answer in this time a send shows as not sent (and is tried again on reconnect). */
  sendTimeoutMs?: number;
  pingEveryMs?: number;
  pongWithinMs?: number;
  startOffline?: boolean;
}

interface Pending extends PendingSend {
  /** The stored message has arrived; only the answer (with its `support`) is still awaited. */
  stored: boolean;
  dangerShown: boolean;
  timer: unknown;
}

interface TeamExtra {
  latest: HistoryStatus;
  older: TeamSnapshot["older"];
}

const OPEN = 1;
const PAGE = TEAM_LIMITS.pageDefault;

export class LiveStore {
  private readonly state = new SubscriptionState();
  private readonly options: Required<
    Pick<LiveStoreOptions, "sendTimeoutMs" | "pingEveryMs" | "pongWithinMs">
  > &
    LiveStoreOptions;
  private readonly timers: Timers;
  private readonly budget = new FrameBudget();
  private readonly pending = new Map<string, Pending>();
  private readonly extras = new Map<string, TeamExtra>();
  private readonly snapshots = new Map<string, TeamSnapshot>();
  private readonly listeners = new Set<() => void>();
  private readonly readSent = new Map<string, number>();
  /** Teams the member was removed from or left: a stale list must not bring them back. */
  private readonly gone = new Set<string>();
  private socket: SocketLike | null = null;
  private attempt = 0;
  private everOpened = false;
  private offline: boolean;
  private disposed = false;
  private reconnectTimer: unknown = null;
  private pingTimer: unknown = null;
  private pongTimer: unknown = null;
  private flushTimer: unknown = null;
  private queue: string[] = [];
  private status: ConnectionStatus;

  constructor(options: LiveStoreOptions) {
    this.options = { sendTimeoutMs: 10_000, pingEveryMs: 25_000, pongWithinMs: 10_000, ...options };
    this.timers = options.timers ?? browserTimers;
    this.offline = options.startOffline ?? false;
    this.status = { state: "idle", offline: this.offline };
  }

  // ── for React ───────────────────────────────────────────────────────────────────────────────────────────

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): ConnectionStatus => this.status;

  team(teamId: string): TeamSnapshot {
    let snapshot = this.snapshots.get(teamId);
    if (!snapshot) {
      const timeline = this.state.timeline(teamId);
      const extra = this.extras.get(teamId);
      snapshot = {
        messages: [...timeline.messages],
        live: timeline.live && this.status.state === "open",
        pending: [...this.pending.values()]
          .filter((p) => p.teamId === teamId && !p.stored)
          .map(({ clientId, text, replyTo, status, error }) => ({
            clientId,
            teamId,
            text,
            replyTo,
            status,
            ...(error ? { error } : {}),
          })),
        latest: extra?.latest ?? "idle",
        older: extra?.older ?? "more",
      };
      this.snapshots.set(teamId, snapshot);
    }
    return snapshot;
  }

  // ── what to follow ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * The member's teams, from `GET /teams`. A team seen for the first time is followed from its last seq (its
   * history is read over HTTP when its chat opens); a team already followed keeps its own resume point, which
   * only the subscription moves. Teams are dropped only on the server's word (`removed`, or a refused
   * subscription), never because a list read a moment earlier lacks them. No team: no socket.
   */
  setTeams(teams: readonly { id: string; lastSeq: number }[]): void {
    if (this.disposed) return;
    const tracked = new Set(this.state.tracked());
    for (const { id, lastSeq } of teams) {
      if (!this.gone.has(id) && !tracked.has(id)) this.follow(id, lastSeq);
    }
    this.connectIfNeeded();
  }

  /** A team just joined or created (again): followed even before the list is read again. */
  joined(teamId: string, lastSeq: number): void {
    this.gone.delete(teamId);
    if (!this.state.tracked().includes(teamId)) this.follow(teamId, lastSeq);
    this.connectIfNeeded();
  }

  private follow(teamId: string, lastSeq: number): void {
    this.state.track(teamId, lastSeq);
    if (this.isOpen()) this.sendFrame(this.state.subscribeFrame(teamId));
    this.changed(teamId);
  }

  /** Forgets a team at once (removed, left): nothing more of it is kept or shown. */
  private forget(teamId: string): void {
    const wasTracked = this.state.tracked().includes(teamId);
    this.state.forget(teamId);
    this.gone.add(teamId);
    this.extras.delete(teamId);
    this.readSent.delete(teamId);
    for (const p of [...this.pending.values()]) {
      if (p.teamId !== teamId) continue;
      this.timers.clearTimeout(p.timer);
      this.pending.delete(p.clientId);
    }
    if (wasTracked && this.isOpen()) this.sendFrame({ type: "unsubscribe", teamId });
    this.changed(teamId);
    if (this.state.tracked().length === 0) this.disconnect();
  }

  // ── history over HTTP ───────────────────────────────────────────────────────────────────────────────────

  /** The newest page, read when a chat opens: it also moves the resume point to its end (nothing is skipped). */
  async loadLatest(teamId: string): Promise<void> {
    if (this.gone.has(teamId)) {
      this.setExtra(teamId, { latest: "missing" });
      return;
    }
    this.setExtra(teamId, { latest: "loading" });
    try {
      const { messages } = await this.options.api.messages(teamId, { limit: PAGE });
      if (this.disposed || this.gone.has(teamId)) return;
      const followed = this.state.tracked().includes(teamId);
      const change = this.state.addHistory(teamId, messages, { latest: true });
      if (!followed) {
        // A chat opened before the list knew the team: follow it from what was just read.
        if (this.isOpen()) this.sendFrame(this.state.subscribeFrame(teamId));
        this.connectIfNeeded();
      }
      this.afterMessages(teamId, change, false);
      const extra = this.extras.get(teamId);
      this.setExtra(teamId, {
        latest: "loaded",
        // An older page was already read (the chat was open before): keep what it said.
        ...(extra?.older === "none" || messages.length >= PAGE ? {} : { older: "none" }),
      });
    } catch (error) {
      if (this.disposed) return;
      if (error instanceof ApiRequestError && (error.status === 404 || error.status === 403)) {
        // Followed until now: removed meanwhile (case C13). Never followed: a link to someone else's team.
        if (this.state.tracked().includes(teamId)) this.removed(teamId);
        else this.setExtra(teamId, { latest: "missing" });
        return;
      }
      this.setExtra(teamId, { latest: "error" });
    }
  }

  /** The page before the oldest message held. */
  async loadOlder(teamId: string): Promise<void> {
    const first = this.state.timeline(teamId).messages[0];
    if (!first || first.seq <= 1) {
      this.setExtra(teamId, { older: "none" });
      return;
    }
    this.setExtra(teamId, { older: "loading" });
    try {
      const { messages } = await this.options.api.messages(teamId, { before: first.seq, limit: PAGE });
      if (this.disposed || this.gone.has(teamId)) return;
      const change = this.state.addHistory(teamId, messages, { latest: false });
      this.afterMessages(teamId, change, false);
      this.setExtra(teamId, { older: messages.length < PAGE ? "none" : "more" });
    } catch {
      if (!this.disposed) this.setExtra(teamId, { older: "error" });
    }
  }

  private setExtra(teamId: string, patch: Partial<TeamExtra>): void {
    const extra = this.extras.get(teamId) ?? { latest: "idle", older: "more" };
    this.extras.set(teamId, { ...extra, ...patch });
    this.changed(teamId);
  }

  // ── sending ─────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Sends a message with a new client id and returns the id. `dangerShown`: the device already opened help
   * for this text, so the server's finding does not open it a second time.
   */
  send(teamId: string, text: string, options: { replyTo?: number; dangerShown?: boolean } = {}): string {
    const clientId = newClientId();
    const pending: Pending = {
      clientId,
      teamId,
      text,
      replyTo: options.replyTo,
      status: "sending",
      stored: false,
      dangerShown: options.dangerShown ?? false,
      timer: null,
    };
    this.pending.set(clientId, pending);
    this.transmit(pending);
    return clientId;
  }

  /** Tries a send again with the same client id: never a second message. */
  retry(clientId: string): void {
    const pending = this.pending.get(clientId);
    if (pending) this.transmit(pending);
  }

  discard(clientId: string): void {
    const pending = this.pending.get(clientId);
    if (!pending) return;
    this.timers.clearTimeout(pending.timer);
    this.pending.delete(clientId);
    this.changed(pending.teamId);
  }

  private transmit(pending: Pending): void {
    this.timers.clearTimeout(pending.timer);
    pending.status = "sending";
    delete pending.error;
    this.changed(pending.teamId);
    const { clientId, teamId, text, replyTo } = pending;
    if (this.isOpen()) {
      this.sendFrame({ type: "send", teamId, clientId, text, ...(replyTo === undefined ? {} : { replyTo }) });
      pending.timer = this.timers.setTimeout(() => this.timedOut(clientId), this.options.sendTimeoutMs);
      return;
    }
    if (this.offline) {
      // Goes by itself when the connection is back (same client id).
      pending.timer = this.timers.setTimeout(() => this.timedOut(clientId), this.options.sendTimeoutMs);
      return;
    }
    this.options.api
      .sendMessage(teamId, { clientId, text, ...(replyTo === undefined ? {} : { replyTo }) })
      .then(
        (sent) => this.answered(sent.message, sent.support),
        (error: unknown) => this.sendFailed(clientId, error),
      );
  }

  private timedOut(clientId: string): void {
    const pending = this.pending.get(clientId);
    if (!pending) return;
    if (pending.stored) {
      this.pending.delete(clientId);
      return;
    }
    if (pending.status !== "sending") return;
    pending.status = "unsent";
    this.changed(pending.teamId);
  }

  private sendFailed(clientId: string, error: unknown): void {
    const pending = this.pending.get(clientId);
    if (!pending || this.disposed) return;
    if (!(error instanceof ApiRequestError) || error.code === NETWORK_ERROR || error.status >= 500) {
      pending.status = "unsent";
    } else if (error.status === 404) {
      this.removed(pending.teamId);
      return;
    } else {
      pending.status = "refused";
      pending.error = {
        code: error.code,
        message: error.message,
        ...(Object.keys(error.fields).length > 0 ? { fields: { ...error.fields } } : {}),
      };
    }
    this.changed(pending.teamId);
  }

  /** The stored message for one of our sends (the `sent` frame or the HTTP answer). */
  private answered(message: Message, support: MessageSent["support"] | undefined): void {
    if (this.disposed || this.gone.has(message.teamId)) return;
    const clientId = message.clientId ?? "";
    this.state.apply({ type: "sent", clientId, message });
    const pending = this.pending.get(clientId);
    this.changed(message.teamId);
    if (pending) {
      this.timers.clearTimeout(pending.timer);
      this.pending.delete(clientId);
      if ((support?.danger.length ?? 0) > 0 && !pending.dangerShown) this.emit({ type: "danger" });
    }
  }

  /** A message stored over HTTP (a reaction, a reach-out): shown now, whatever the socket is doing. */
  stored(message: Message): void {
    if (this.disposed || this.gone.has(message.teamId)) return;
    this.state.apply({ type: "sent", clientId: message.clientId ?? "", message });
    this.changed(message.teamId);
  }

  /** A message deleted over HTTP: shown as deleted now (the `deleted` frame may come later, or not at all). */
  deletedHere(teamId: string, seq: number): void {
    this.afterMessages(teamId, this.state.apply({ type: "deleted", teamId, seq }), false);
  }

  // ── read markers ────────────────────────────────────────────────────────────────────────────────────────

  /** Moves the read marker to the last message seen (never back); every device of the member then agrees. */
  markRead(teamId: string, seq: number): void {
    if (seq <= (this.readSent.get(teamId) ?? 0) || this.gone.has(teamId)) return;
    this.readSent.set(teamId, seq);
    if (this.isOpen()) this.sendFrame({ type: "read", teamId, seq });
    else
      this.options.api.markRead(teamId, seq).then(
        ({ readSeq }) => this.emit({ type: "read", teamId, seq: readSeq }),
        () => this.readSent.delete(teamId),
      );
  }

  // ── the connection ──────────────────────────────────────────────────────────────────────────────────────

  /** The browser lost the network: the socket goes now (an emulated or half-dead one may never say so). */
  goOffline(): void {
    this.offline = true;
    this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    if (this.socket) this.dropSocket();
    else this.setStatus(this.everOpened ? "reconnecting" : this.status.state);
  }

  goOnline(): void {
    this.offline = false;
    this.attempt = 0;
    this.setStatus(this.status.state);
    this.connectNow();
  }

  /**
   * The tab is visible again (a phone woke up): a waiting reconnect happens now, and an open socket is asked
   * for a pong at once, so one that died while asleep is replaced within seconds, not at the next ping.
   */
  wake(): void {
    if (this.offline) return;
    if (this.isOpen()) {
      if (this.pongTimer === null) {
        this.timers.clearTimeout(this.pingTimer);
        this.pingTimer = null;
        this.ping();
      }
      return;
    }
    if (this.socket) return;
    this.attempt = 0;
    this.connectNow();
  }

  dispose(): void {
    this.disposed = true;
    this.timers.clearTimeout(this.reconnectTimer);
    for (const p of this.pending.values()) this.timers.clearTimeout(p.timer);
    this.disconnect();
    this.listeners.clear();
  }

  private isOpen(): boolean {
    return this.socket !== null && this.socket.readyState === OPEN && this.status.state === "open";
  }

  private connectIfNeeded(): void {
    if (this.state.tracked().length === 0) this.disconnect();
    else if (!this.socket && this.reconnectTimer === null) this.connectNow();
  }

  private connectNow(): void {
    this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    if (this.disposed || this.socket || this.offline || this.state.tracked().length === 0) return;
    this.setStatus(this.everOpened ? "reconnecting" : "connecting");
    const create =
      this.options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      opened = true;
      this.everOpened = true;
      this.attempt = 0;
      this.budget.reset();
      this.setStatus("open");
      for (const frame of this.state.subscribeFrames()) this.sendFrame(frame);
      this.schedulePing();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.heard();
      this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.closed(event.code, opened);
    };
    socket.onerror = () => {};
  }

  private closed(code: number, opened: boolean): void {
    this.socket = null;
    this.stopSocketTimers();
    this.state.disconnected();
    this.changedAll();
    if (code === CLOSE_CODES.sessionEnded) {
      this.disposed = true;
      this.setStatus("idle");
      this.emit({ type: "session-ended" });
      return;
    }
    if (!opened) this.emit({ type: "refused" });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.disposed || this.state.tracked().length === 0) {
      this.setStatus("idle");
      return;
    }
    this.setStatus(this.everOpened ? "reconnecting" : "connecting");
    if (this.offline) return;
    const delay = reconnectDelay(this.attempt++, this.options.random);
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = null;
      this.connectNow();
    }, delay);
  }

  /** Lets go of the socket now, without waiting for a close the network may never deliver, and tries again. */
  private dropSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    this.detach(socket);
    this.closed(1006, true);
  }

  private disconnect(): void {
    this.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    if (this.socket) this.detach(this.socket);
    this.socket = null;
    this.stopSocketTimers();
    this.state.disconnected();
    this.setStatus("idle");
  }

  private detach(socket: SocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    try {
      socket.close(1000, "Reconnecting");
    } catch {
      // Already closed.
    }
  }

  private stopSocketTimers(): void {
    for (const timer of [this.pingTimer, this.pongTimer, this.flushTimer]) this.timers.clearTimeout(timer);
    this.pingTimer = this.pongTimer = this.flushTimer = null;
    this.queue = [];
  }

  private schedulePing(): void {
    this.timers.clearTimeout(this.pingTimer);
    this.pingTimer = this.timers.setTimeout(() => {
      this.pingTimer = null;
      this.ping();
    }, this.options.pingEveryMs);
  }

  /** A ping that must be answered (by any frame) in time, or the socket is replaced. */
  private ping(): void {
    if (!this.isOpen()) return;
    this.sendFrame({ type: "ping" });
    this.pongTimer = this.timers.setTimeout(() => {
      this.pongTimer = null;
      this.dropSocket();
    }, this.options.pongWithinMs);
  }

  /** Any frame from the server proves the socket is alive. */
  private heard(): void {
    if (this.pongTimer !== null) {
      this.timers.clearTimeout(this.pongTimer);
      this.pongTimer = null;
    }
    if (this.pingTimer === null) this.schedulePing();
  }

  private sendFrame(frame: ClientMessage): void {
    this.queue.push(JSON.stringify(frame));
    this.flush();
  }

  private flush(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    while (this.queue.length > 0) {
      const wait = this.budget.take(this.timers.now());
      if (wait > 0) {
        if (this.flushTimer === null) {
          this.flushTimer = this.timers.setTimeout(() => {
            this.flushTimer = null;
            this.flush();
          }, wait);
        }
        return;
      }
      socket.send(this.queue.shift() as string);
    }
  }

  // ── frames from the server ──────────────────────────────────────────────────────────────────────────────

  private receive(data: unknown): void {
    let frame: ServerMessage;
    try {
      frame = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (typeof frame !== "object" || frame === null || typeof frame.type !== "string") return;
    switch (frame.type) {
      case "message": {
        if (this.gone.has(frame.message.teamId)) return;
        const live = this.state.timeline(frame.message.teamId).live;
        this.afterMessages(frame.message.teamId, this.state.apply(frame), live);
        return;
      }
      case "sent":
        this.answered(frame.message, frame.support);
        return;
      case "deleted":
        this.afterMessages(frame.teamId, this.state.apply(frame), false);
        return;
      case "caught_up": {
        if (this.gone.has(frame.teamId)) return;
        this.state.apply(frame);
        this.changed(frame.teamId);
        // Sends that were on their way when the connection dropped go again, with the same client id.
        for (const p of [...this.pending.values()]) {
          if (p.teamId === frame.teamId && !p.stored && p.status !== "refused") this.transmit(p);
        }
        this.emit({ type: "caught-up", teamId: frame.teamId });
        return;
      }
      case "read":
        this.emit({ type: "read", teamId: frame.teamId, seq: frame.seq });
        return;
      case "removed":
        this.removed(frame.teamId);
        return;
      case "error": {
        const pending = frame.ref ? this.pending.get(frame.ref) : undefined;
        if (pending) {
          this.timers.clearTimeout(pending.timer);
          if (frame.code === "not_found") {
            this.removed(pending.teamId);
            return;
          }
          pending.status = "refused";
          pending.error = { code: frame.code, message: frame.message, fields: frame.fields };
          this.changed(pending.teamId);
        } else if (frame.ref && frame.code === "not_found" && this.state.tracked().includes(frame.ref)) {
          // A subscription refused: not (or no longer) in this team.
          this.removed(frame.ref);
        }
        return;
      }
      default:
        return;
    }
  }

  private removed(teamId: string): void {
    if (this.gone.has(teamId)) return;
    this.forget(teamId);
    this.emit({ type: "removed", teamId });
  }

  private afterMessages(teamId: string, change: StreamChange, live: boolean): void {
    if (!("kind" in change) || change.kind !== "messages") return;
    // One of our sends came back as a message (before, or instead of, its answer): no longer pending.
    for (const message of [...change.added, ...change.updated]) {
      const pending = message.clientId ? this.pending.get(message.clientId) : undefined;
      if (pending && message.author?.id === this.options.memberId && pending.teamId === teamId) {
        pending.stored = true;
        this.timers.clearTimeout(pending.timer);
        pending.timer = this.timers.setTimeout(
          () => this.pending.delete(message.clientId as string),
          this.options.sendTimeoutMs,
        );
      }
    }
    this.changed(teamId);
    if (change.added.length > 0) this.emit({ type: "messages", teamId, added: change.added, live });
  }

  // ── plumbing ────────────────────────────────────────────────────────────────────────────────────────────

  private setStatus(state: ConnectionState): void {
    if (this.status.state === state && this.status.offline === this.offline) return;
    const wasOpen = this.status.state === "open";
    this.status = { state, offline: this.offline };
    if (wasOpen !== (state === "open")) this.snapshots.clear();
    this.notify();
  }

  private changed(teamId: string): void {
    this.snapshots.delete(teamId);
    this.notify();
  }

  private changedAll(): void {
    this.snapshots.clear();
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private emit(event: LiveEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A listener's problem must not stop the stream.
    }
  }
}
