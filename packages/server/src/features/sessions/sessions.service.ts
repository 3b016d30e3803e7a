/**
 * Server-side sessions. The cookie holds an opaque 256-bit token; the database holds only its hash. A session
 * ends after `idleMs` without use or `maxMs` after sign-in, whichever comes first.
 */
import type { Clock } from "@cairn/core";
import { hashToken, randomToken } from "../../crypto/tokens.ts";
import type { LiveEventBus } from "../../realtime/events.ts";
import { SessionCache } from "./session-cache.ts";
import type { SessionsRepository } from "./sessions.repository.ts";

export interface SessionSettings {
  idleMs: number;
  maxMs: number;
}

export interface ActiveSession {
  tokenHash: string;
  memberId: string;
  timezone: string;
  region: string;
}

/** Writing last-seen on every request would cost a synced write per read; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export class SessionsService {
  /** Only when this is the only instance (session-cache.ts says why). */
  readonly #cache: SessionCache | undefined;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly settings: SessionSettings,
    private readonly clock: Clock,
    /** Told when sessions end, so sockets opened with them close at once (case C15). */
    private readonly bus?: LiveEventBus,
    options: { cache?: boolean } = {},
  ) {
    this.#cache = options.cache ? new SessionCache() : undefined;
  }

  async start(memberId: string): Promise<{ token: string; tokenHash: string }> {
    const token = randomToken();
    const tokenHash = hashToken(token);
    await this.sessions.create(tokenHash, memberId, new Date(this.clock()).toISOString());
    return { token, tokenHash };
  }

  resolve(token: string): Promise<ActiveSession | undefined> {
    return this.resolveHash(hashToken(token));
  }

  /**
   * The session stored under `tokenHash` if it is still valid. `touch: false` checks without counting as use
   * (an open socket re-checking its session must not keep an idle session alive).
   */
  async resolveHash(tokenHash: string, touch = true): Promise<ActiveSession | undefined> {
    // A socket's re-check (touch: false) always reads the database: it runs when sessions may have just ended.
    if (touch && this.#cache) {
      const now = this.clock();
      const cached = this.#cache.get(tokenHash, now);
      if (cached && this.stillFresh(cached, now)) return cached.session;
    }
    const generation = this.#cache?.generation ?? 0;
    const found = await this.sessions.findWithMember(tokenHash);
    if (!found) return undefined;
    const now = this.clock();
    const createdAt = Date.parse(found.createdAt);
    let lastSeenAt = Date.parse(found.lastSeenAt);
    if (now - lastSeenAt > this.settings.idleMs || now - createdAt > this.settings.maxMs) {
      await this.sessions.delete(found.tokenHash);
      await this.ended(found.memberId);
      return undefined;
    }
    if (touch && now - lastSeenAt > TOUCH_INTERVAL_MS) {
      await this.sessions.touch(found.tokenHash, new Date(now).toISOString());
      lastSeenAt = now;
    }
    const session: ActiveSession = {
      tokenHash: found.tokenHash,
      memberId: found.memberId,
      timezone: found.timezone,
      region: found.region,
    };
    this.#cache?.set(tokenHash, { session, createdAt, lastSeenAt, foundAt: now }, generation);
    return session;
  }

  /**
   * A cached session may answer while it is within both timeouts and not yet due its last-seen touch: past
   * that, the database path expires or touches it exactly as without a cache.
   */
  private stillFresh(cached: { createdAt: number; lastSeenAt: number }, now: number): boolean {
    return (
      now - cached.lastSeenAt <= Math.min(TOUCH_INTERVAL_MS, this.settings.idleMs) &&
      now - cached.createdAt <= this.settings.maxMs
    );
  }

  async end(session: { tokenHash: string; memberId: string }): Promise<void> {
    await this.sessions.delete(session.tokenHash);
    await this.ended(session.memberId);
  }

  async endAllFor(memberId: string, keep?: string): Promise<void> {
    await this.sessions.deleteAllFor(memberId, keep);
    await this.ended(memberId, keep);
  }

  /** The member's time zone or region changed: their sessions carry it, so they are read again. */
  profileChanged(memberId: string): void {
    this.#cache?.dropMember(memberId);
  }

  /**
   * After the rows are gone: cached copies are dropped before anything else can run, and live connections
   * re-check their own session and close if it ended.
   */
  private async ended(memberId: string, keepTokenHash?: string): Promise<void> {
    this.#cache?.dropMember(memberId, keepTokenHash);
    await this.bus?.publish({
      kind: "sessions-ended",
      memberId,
      ...(keepTokenHash ? { keepTokenHash } : {}),
    });
  }
}
