/**
 * Server-side sessions. The cookie holds an opaque 256-bit token; the database holds only its hash. A session
 * ends after `idleMs` without use or `maxMs` after sign-in, whichever comes first.
 */
import type { Clock } from "@cairn/core";
import { hashToken, randomToken } from "../../crypto/tokens.ts";
import type { LiveEventBus } from "../../realtime/events.ts";
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
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly settings: SessionSettings,
    private readonly clock: Clock,
    /** Told when sessions end, so sockets opened with them close at once (case C15). */
    private readonly bus?: LiveEventBus,
  ) {}

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
    const found = await this.sessions.findWithMember(tokenHash);
    if (!found) return undefined;
    const now = this.clock();
    const idleFor = now - Date.parse(found.lastSeenAt);
    const age = now - Date.parse(found.createdAt);
    if (idleFor > this.settings.idleMs || age > this.settings.maxMs) {
      await this.sessions.delete(found.tokenHash);
      await this.ended(found.memberId);
      return undefined;
    }
    if (touch && idleFor > TOUCH_INTERVAL_MS) {
      await this.sessions.touch(found.tokenHash, new Date(now).toISOString());
    }
    return {
      tokenHash: found.tokenHash,
      memberId: found.memberId,
      timezone: found.timezone,
      region: found.region,
    };
  }

  async end(session: { tokenHash: string; memberId: string }): Promise<void> {
    await this.sessions.delete(session.tokenHash);
    await this.ended(session.memberId);
  }

  async endAllFor(memberId: string, keep?: string): Promise<void> {
    await this.sessions.deleteAllFor(memberId, keep);
    await this.ended(memberId, keep);
  }

  /** After the rows are gone: live connections re-check their own session and close if it ended. */
  private async ended(memberId: string, keepTokenHash?: string): Promise<void> {
    await this.bus?.publish({
      kind: "sessions-ended",
      memberId,
      ...(keepTokenHash ? { keepTokenHash } : {}),
    });
  }
}
