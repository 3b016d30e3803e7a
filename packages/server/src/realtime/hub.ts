/**
 * The live side of team chat: which sockets are open, for which member, subscribed to which team, and what
 * each must receive. The database is the source of truth; a live event only says "this is stored, deliver it".
 *
 * Subscribing without loss or duplicates (case C11). On `subscribe {teamId, afterSeq}`:
 *   1. check membership (a stranger gets an error frame and nothing else);
 *   2. register the subscription in *holding* mode: live events for the team are kept, not sent;
 *   3. read the stored messages after `afterSeq` from the database, page by page, and send them in order;
 *   4. send the held live events with a seq above the last one sent, then `caught_up`;
 *   5. from then on, send live events as they come.
 * Every delivery on a subscription goes through one rule: never send a seq at or below the last one sent on
 * it. A message stored between the read and the registration is therefore either read (step 3) or held
 * (step 2), and if both, sent once.
 *
 * Live events can arrive out of order (two sends finish their commits in one order and publish in the other;
 * with several instances Redis interleaves them). A live message more than one past the last seq sent means
 * one is missing: the subscription goes back to holding and re-reads the database from its last seq, so
 * nothing is skipped and nothing repeats.
 *
 * Removal (case C13): on `member-left`, that member's subscriptions to the team are dropped on every open
 * socket at once, before any later event is looked at, and each socket gets `removed`. With several instances
 * the removal's event can arrive after a message stored later (posted on this instance, removed on another):
 * each `message` event carries the team's member ids read under the team lock when it was stored, and a live
 * message goes only to those members, so a message stored after the removal never reaches the removed member.
 * Ended sessions (case C15): on `sessions-ended`, each of the member's sockets re-checks its own session and
 * closes with 4001 if it is gone; sessions that expire by time are caught on the next frame or by a sweep.
 */
import {
  CLOSE_CODES,
  type ClientMessage,
  type Clock,
  ERROR_CODES,
  type Message,
  type ServerMessage,
  TEAM_LIMITS,
} from "@cairn/core";
import type { WebSocket } from "ws";
import type { BlocksService } from "../features/teams/blocks.service.ts";
import type { MessagesService } from "../features/teams/messages.service.ts";
import type { TeamsService } from "../features/teams/teams.service.ts";
import { AppError } from "../http/errors.ts";
import type { LiveEvent, LiveEventBus } from "./events.ts";
import { type ErrorFrame, errorFrame, parseClientFrame } from "./frames.ts";

export interface HubServices {
  messages: Pick<MessagesService, "send" | "list" | "markRead">;
  teams: Pick<TeamsService, "isMember">;
  blocks: Pick<BlocksService, "hiddenAuthorsFor">;
  sessions: { resolveHash(tokenHash: string, touch?: boolean): Promise<unknown> };
}

export interface HubLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface HubLimits {
  /** Frames a socket may send per window; the first frame beyond gets an error frame and close 4008. */
  floodFrames: number;
  floodWindowMs: number;
  /** A ping goes out this often; a socket that did not answer the previous one is dropped. */
  heartbeatMs: number;
  /** A frame re-checks the session when the last check is older than this (and counts as use). */
  sessionRecheckMs: number;
  /** Every open socket's session is re-checked at least this often, without counting as use. */
  sessionSweepMs: number;
  /** Unsent bytes a socket may hold; a client that reads slower than this is closed (1013) and resumes. */
  maxBufferedBytes: number;
}

/**
 * 30 frames in 5 s: a person typing fast sends one frame a second; a reconnect sends one subscribe per team
 * (a member is in a few teams) and a read marker or two. 30 leaves room for all of that at once.
 */
export const DEFAULT_LIMITS: HubLimits = {
  floodFrames: 30,
  floodWindowMs: 5_000,
  heartbeatMs: 30_000,
  sessionRecheckMs: 60_000,
  sessionSweepMs: 5 * 60_000,
  maxBufferedBytes: 4 * 1024 * 1024,
};

/** Called at each step of a catch-up; tests use it to post a message exactly inside the gap (case C11). */
export type CatchUpObserver = (
  phase: "before-read" | "after-read",
  context: { memberId: string; teamId: string },
) => void | Promise<void>;

type Held = Message | { deletedSeq: number };

interface Subscription {
  /** The last seq sent on this subscription (or accounted for: a hidden author's message is skipped). */
  lastSeq: number;
  /** Non-null while catching up from the database: live events kept until the stored ones are sent. */
  held: Held[] | null;
}

/** One open socket. Kept small on purpose: thousands are open at once on one instance. */
export class Connection {
  alive = true;
  closed = false;
  /** Clock time of the last successful session check. */
  verifiedAt: number;
  windowStartedAt = 0;
  framesInWindow = 0;
  subs: Map<string, Subscription> | undefined;
  /** Frames are handled one after another, in the order they came. */
  tail: Promise<void>;

  constructor(
    readonly socket: WebSocket,
    readonly memberId: string,
    readonly tokenHash: string,
    now: number,
    ready: Promise<void>,
  ) {
    this.verifiedAt = now;
    this.tail = ready;
  }
}

interface MemberState {
  connections: Set<Connection>;
  /** Authors this member blocked: their messages are never delivered to them. */
  hidden: ReadonlySet<string>;
  ready: Promise<void>;
}

const PAGE = TEAM_LIMITS.pageMax;
const PONG = JSON.stringify({ type: "pong" });
const OPEN = 1;

export class Hub {
  catchUpObserver: CatchUpObserver | undefined;
  private readonly members = new Map<string, MemberState>();
  private readonly teams = new Map<string, Set<Connection>>();
  private readonly limits: HubLimits;
  private readonly stopListening: () => void;
  private readonly stopMissed: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly services: HubServices,
    bus: LiveEventBus,
    private readonly clock: Clock,
    private readonly log: HubLog,
    limits: Partial<HubLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.stopListening = bus.subscribe((event) => this.onEvent(event));
    this.stopMissed = bus.onMissedEvents?.(() => this.resync()) ?? (() => {});
    this.heartbeat = setInterval(() => this.beat(), this.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  get connectionCount(): number {
    let count = 0;
    for (const member of this.members.values()) count += member.connections.size;
    return count;
  }

  /** A socket that passed the upgrade checks (same-site Origin, a valid session). */
  open(socket: WebSocket, session: { memberId: string; tokenHash: string }): Connection {
    let member = this.members.get(session.memberId);
    if (!member) {
      const created: MemberState = { connections: new Set(), hidden: new Set(), ready: Promise.resolve() };
      created.ready = this.loadHidden(session.memberId, created);
      this.members.set(session.memberId, created);
      member = created;
    }
    const conn = new Connection(socket, session.memberId, session.tokenHash, this.clock(), member.ready);
    member.connections.add(conn);
    socket.on("pong", () => {
      conn.alive = true;
    });
    socket.on("close", () => this.drop(conn));
    socket.on("message", (data, isBinary) => this.receive(conn, data, isBinary));
    return conn;
  }

  /** Closes every socket (1001: reconnect elsewhere and resume) and stops listening. */
  close(): void {
    this.stopListening();
    this.stopMissed();
    clearInterval(this.heartbeat);
    for (const member of [...this.members.values()]) {
      for (const conn of [...member.connections]) this.end(conn, CLOSE_CODES.goingAway, "Server restarting");
    }
  }

  // ── frames from a client ────────────────────────────────────────────────────────────────────────────────

  private receive(conn: Connection, data: Parameters<typeof parseClientFrame>[0], isBinary: boolean): void {
    if (conn.closed) return;
    conn.alive = true;
    const now = performance.now();
    if (now - conn.windowStartedAt > this.limits.floodWindowMs) {
      conn.windowStartedAt = now;
      conn.framesInWindow = 0;
    }
    if (++conn.framesInWindow > this.limits.floodFrames) {
      this.sendFrame(
        conn,
        errorFrame(
          ERROR_CODES.rateLimited,
          `Too many frames: at most ${this.limits.floodFrames} every ${this.limits.floodWindowMs / 1000} s`,
        ),
      );
      this.end(conn, CLOSE_CODES.flood, "Too many frames");
      return;
    }
    const parsed = parseClientFrame(data, isBinary);
    if ("error" in parsed) {
      this.sendFrame(conn, parsed.error);
      return;
    }
    conn.tail = conn.tail.then(
      () => this.handle(conn, parsed.frame),
      () => this.handle(conn, parsed.frame),
    );
  }

  private async handle(conn: Connection, frame: ClientMessage): Promise<void> {
    if (conn.closed) return;
    try {
      if (!(await this.sessionStillValid(conn, frame.type !== "ping"))) return;
      switch (frame.type) {
        case "subscribe":
          await this.subscribe(conn, frame.teamId, frame.afterSeq);
          return;
        case "unsubscribe":
          this.unsubscribe(conn, frame.teamId);
          return;
        case "send": {
          const input = { clientId: frame.clientId, text: frame.text, replyTo: frame.replyTo };
          const { message, support } = await this.services.messages.send(conn.memberId, frame.teamId, input);
          this.sendFrame(conn, {
            type: "sent",
            clientId: frame.clientId,
            message,
            ...(support.danger.length > 0 ? { support } : {}),
          });
          return;
        }
        case "read":
          // The service publishes the new marker: this socket and the member's other devices get `read`.
          await this.services.messages.markRead(conn.memberId, frame.teamId, frame.seq);
          return;
        case "ping":
          this.send(conn, PONG);
          return;
      }
    } catch (error) {
      const ref = frame.type === "send" ? frame.clientId : "teamId" in frame ? frame.teamId : undefined;
      this.sendFrame(conn, this.errorFor(error, ref));
    }
  }

  /** Re-checks the session when the last check is old; a frame counts as use, a ping does not. */
  private async sessionStillValid(conn: Connection, use: boolean): Promise<boolean> {
    const now = this.clock();
    if (now - conn.verifiedAt < this.limits.sessionRecheckMs) return true;
    const session = await this.services.sessions.resolveHash(conn.tokenHash, use);
    if (!session) {
      this.end(conn, CLOSE_CODES.sessionEnded, "Session ended");
      return false;
    }
    conn.verifiedAt = now;
    return true;
  }

  // ── subscriptions ───────────────────────────────────────────────────────────────────────────────────────

  private async subscribe(conn: Connection, teamId: string, afterSeq: number): Promise<void> {
    if (!(await this.services.teams.isMember(conn.memberId, teamId))) {
      this.sendFrame(conn, errorFrame(ERROR_CODES.notFound, "That team was not found", teamId));
      return;
    }
    if (conn.closed) return;
    const sub: Subscription = { lastSeq: afterSeq, held: [] };
    conn.subs ??= new Map();
    conn.subs.set(teamId, sub);
    let sockets = this.teams.get(teamId);
    if (!sockets) {
      sockets = new Set();
      this.teams.set(teamId, sockets);
    }
    sockets.add(conn);
    await this.catchUp(conn, teamId, sub, true);
  }

  private unsubscribe(conn: Connection, teamId: string): boolean {
    if (!conn.subs?.delete(teamId)) return false;
    const sockets = this.teams.get(teamId);
    sockets?.delete(conn);
    if (sockets?.size === 0) this.teams.delete(teamId);
    return true;
  }

  /**
   * Sends what is stored after the subscription's last seq, then what was held meanwhile. Stops the moment the
   * subscription is replaced or dropped (unsubscribe, removal, closed socket).
   */
  private async catchUp(
    conn: Connection,
    teamId: string,
    sub: Subscription,
    announce: boolean,
  ): Promise<void> {
    const current = () => !conn.closed && conn.subs?.get(teamId) === sub;
    const context = { memberId: conn.memberId, teamId };
    try {
      await this.catchUpObserver?.("before-read", context);
      for (;;) {
        const page = await this.services.messages.list(conn.memberId, teamId, {
          after: sub.lastSeq,
          limit: PAGE,
        });
        if (!current()) return;
        for (const message of page) this.deliver(conn, sub, message);
        if (page.length < PAGE) break;
        await this.drained(conn);
      }
      await this.catchUpObserver?.("after-read", context);
      if (!current()) return;
      const held = sub.held ?? [];
      sub.held = null;
      const messages = held.filter((h): h is Message => "seq" in h).sort((a, b) => a.seq - b.seq);
      for (const message of messages) this.deliver(conn, sub, message);
      for (const h of held) {
        if ("deletedSeq" in h && h.deletedSeq <= sub.lastSeq) {
          this.sendFrame(conn, { type: "deleted", teamId, seq: h.deletedSeq });
        }
      }
      if (announce) this.sendFrame(conn, { type: "caught_up", teamId, seq: sub.lastSeq });
    } catch (error) {
      if (!current()) return;
      this.unsubscribe(conn, teamId);
      if (error instanceof AppError && (error.statusCode === 403 || error.statusCode === 404)) {
        // No longer a member (the removal event may have been missed): same as a removal.
        this.sendFrame(conn, { type: "removed", teamId });
      } else {
        this.sendFrame(conn, this.errorFor(error, teamId));
      }
    }
  }

  private startCatchUp(conn: Connection, teamId: string, sub: Subscription, first?: Message): void {
    sub.held = first ? [first] : [];
    void this.catchUp(conn, teamId, sub, false);
  }

  /** The one delivery rule of a subscription: each seq once, ascending; blocked authors skipped. */
  private deliver(conn: Connection, sub: Subscription, message: Message, payload?: string): void {
    if (message.seq <= sub.lastSeq) return;
    sub.lastSeq = message.seq;
    const author = message.author?.id;
    if (author !== undefined && this.members.get(conn.memberId)?.hidden.has(author)) return;
    this.send(conn, payload ?? JSON.stringify({ type: "message", message }));
  }

  /** After a Redis outage: every open subscription re-reads the database from its last seq. */
  resync(): void {
    const all: Connection[] = [];
    for (const [memberId, member] of this.members) {
      // Block changes and ended sessions may have been missed too.
      member.ready = this.loadHidden(memberId, member);
      for (const conn of member.connections) {
        all.push(conn);
        for (const [teamId, sub] of conn.subs ?? []) {
          if (sub.held === null) this.startCatchUp(conn, teamId, sub);
        }
      }
    }
    this.checkSessions(all);
  }

  // ── live events ─────────────────────────────────────────────────────────────────────────────────────────

  private onEvent(event: LiveEvent): void {
    try {
      switch (event.kind) {
        case "message":
          this.onMessage(event.teamId, event.message, event.recipients);
          return;
        case "message-deleted":
          this.onDeleted(event.teamId, event.seq);
          return;
        case "member-left":
          this.onMemberLeft(event.teamId, event.memberId);
          return;
        case "read":
          for (const conn of this.members.get(event.memberId)?.connections ?? []) {
            this.sendFrame(conn, { type: "read", teamId: event.teamId, seq: event.seq });
          }
          return;
        case "blocks-changed": {
          const member = this.members.get(event.memberId);
          if (member) member.ready = this.loadHidden(event.memberId, member);
          return;
        }
        case "sessions-ended": {
          const member = this.members.get(event.memberId);
          if (!member) return;
          this.checkSessions([...member.connections].filter((c) => c.tokenHash !== event.keepTokenHash));
          return;
        }
      }
    } catch (error) {
      this.log.error({ err: error, event: event.kind }, "live event not delivered");
    }
  }

  /**
   * Only members listed in `recipients` (the team as the message was stored) get it live: a member removed
   * before it was stored is left out even while their `member-left` is still on its way from another instance
   * (case C13). An event without the list (an older instance) is never trusted: those subscriptions re-read the
   * database, whose reads check membership.
   */
  private onMessage(teamId: string, message: Message, recipients: readonly string[] | undefined): void {
    const sockets = this.teams.get(teamId);
    if (!sockets) return;
    const allowed = Array.isArray(recipients) ? new Set(recipients) : undefined;
    let payload: string | undefined;
    for (const conn of sockets) {
      const sub = conn.subs?.get(teamId);
      if (!sub) continue;
      if (!allowed) {
        if (!sub.held) this.startCatchUp(conn, teamId, sub);
        continue;
      }
      if (!allowed.has(conn.memberId)) continue;
      if (sub.held) {
        sub.held.push(message);
      } else if (message.seq > sub.lastSeq + 1) {
        // One or more messages before this one have not arrived (yet): read them from the database.
        this.startCatchUp(conn, teamId, sub, message);
      } else {
        payload ??= JSON.stringify({ type: "message", message });
        this.deliver(conn, sub, message, payload);
      }
    }
  }

  private onDeleted(teamId: string, seq: number): void {
    for (const conn of this.teams.get(teamId) ?? []) {
      const sub = conn.subs?.get(teamId);
      if (sub?.held) sub.held.push({ deletedSeq: seq });
      else if (sub && seq <= sub.lastSeq) this.sendFrame(conn, { type: "deleted", teamId, seq });
    }
  }

  /** Case C13: synchronous, so no event that comes after the removal can reach the member's sockets. */
  private onMemberLeft(teamId: string, memberId: string): void {
    for (const conn of this.members.get(memberId)?.connections ?? []) {
      this.unsubscribe(conn, teamId);
      this.sendFrame(conn, { type: "removed", teamId });
    }
  }

  // ── sessions, heartbeat ─────────────────────────────────────────────────────────────────────────────────

  /** Closes (4001) each socket whose session no longer resolves; one lookup per session. */
  private checkSessions(connections: Connection[]): void {
    const bySession = new Map<string, Connection[]>();
    for (const conn of connections) {
      const list = bySession.get(conn.tokenHash);
      if (list) list.push(conn);
      else bySession.set(conn.tokenHash, [conn]);
    }
    for (const [tokenHash, list] of bySession) {
      this.services.sessions.resolveHash(tokenHash, false).then(
        (session) => {
          const now = this.clock();
          for (const conn of list) {
            if (session) conn.verifiedAt = Math.max(conn.verifiedAt, now);
            else this.end(conn, CLOSE_CODES.sessionEnded, "Session ended");
          }
        },
        (error: unknown) => this.log.warn({ err: error }, "session check failed; will retry"),
      );
    }
  }

  /** One heartbeat round (the interval runs it): drops sockets that missed the last ping, pings the rest. */
  beat(): void {
    const now = this.clock();
    const stale: Connection[] = [];
    for (const member of this.members.values()) {
      for (const conn of member.connections) {
        if (!conn.alive) {
          // No pong since the last ping: the peer is gone (sleeping phone, dropped network).
          conn.socket.terminate();
          this.drop(conn);
          continue;
        }
        conn.alive = false;
        if (conn.socket.readyState === OPEN) conn.socket.ping();
        if (now - conn.verifiedAt >= this.limits.sessionSweepMs) stale.push(conn);
      }
    }
    if (stale.length > 0) this.checkSessions(stale);
  }

  // ── plumbing ────────────────────────────────────────────────────────────────────────────────────────────

  private loadHidden(memberId: string, member: MemberState): Promise<void> {
    return this.services.blocks.hiddenAuthorsFor(memberId).then(
      (hidden) => {
        member.hidden = hidden;
      },
      (error: unknown) => {
        // Never deliver a blocked author's message for want of the list: close, the client reconnects.
        this.log.error({ err: error }, "could not load blocks for a live connection");
        for (const conn of [...member.connections]) this.end(conn, 1011, "Try again");
      },
    );
  }

  private errorFor(error: unknown, ref: string | undefined): ErrorFrame {
    if (error instanceof AppError) return errorFrame(error.code, error.message, ref, error.fields);
    this.log.error({ err: error }, "unexpected error on a live connection");
    return errorFrame(ERROR_CODES.internal, "Something went wrong on our side", ref);
  }

  private sendFrame(conn: Connection, frame: ServerMessage): void {
    this.send(conn, JSON.stringify(frame));
  }

  private send(conn: Connection, payload: string): void {
    if (conn.closed || conn.socket.readyState !== OPEN) return;
    if (conn.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.end(conn, CLOSE_CODES.tryAgainLater, "Too slow; reconnect and resume");
      return;
    }
    conn.socket.send(payload);
  }

  /** Lets a slow reader empty its buffer before the next page of a long catch-up. */
  private async drained(conn: Connection): Promise<void> {
    const threshold = this.limits.maxBufferedBytes / 4;
    while (!conn.closed && conn.socket.bufferedAmount > threshold) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private end(conn: Connection, code: number, reason: string): void {
    if (conn.closed) return;
    this.drop(conn);
    conn.socket.close(code, reason);
  }

  /** Forgets a socket everywhere; safe to call twice. */
  private drop(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    for (const teamId of conn.subs?.keys() ?? []) {
      const sockets = this.teams.get(teamId);
      sockets?.delete(conn);
      if (sockets?.size === 0) this.teams.delete(teamId);
    }
    conn.subs = undefined;
    const member = this.members.get(conn.memberId);
    member?.connections.delete(conn);
    if (member?.connections.size === 0) this.members.delete(conn.memberId);
  }
}
