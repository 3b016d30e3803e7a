/**
 * Server-side sessions. The cookie holds an opaque 256-bit token; the database holds only its hash. A session
 * ends after `idleMs` without use or `maxMs` after sign-in, whichever comes first.
 */
import type { Clock } from "@cairn/core";
import { hashToken, randomToken } from "../../crypto/tokens.ts";
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
  ) {}

  async start(memberId: string): Promise<{ token: string; tokenHash: string }> {
    const token = randomToken();
    const tokenHash = hashToken(token);
    await this.sessions.create(tokenHash, memberId, new Date(this.clock()).toISOString());
    return { token, tokenHash };
  }

  async resolve(token: string): Promise<ActiveSession | undefined> {
    const found = await this.sessions.findWithMember(hashToken(token));
    if (!found) return undefined;
    const now = this.clock();
    const idleFor = now - Date.parse(found.lastSeenAt);
    const age = now - Date.parse(found.createdAt);
    if (idleFor > this.settings.idleMs || age > this.settings.maxMs) {
      await this.sessions.delete(found.tokenHash);
      return undefined;
    }
    if (idleFor > TOUCH_INTERVAL_MS) await this.sessions.touch(found.tokenHash, new Date(now).toISOString());
    return {
      tokenHash: found.tokenHash,
      memberId: found.memberId,
      timezone: found.timezone,
      region: found.region,
    };
  }

  end(tokenHash: string): Promise<void> {
    return this.sessions.delete(tokenHash);
  }

  endAllFor(memberId: string, keep?: string): Promise<void> {
    return this.sessions.deleteAllFor(memberId, keep);
  }
}
