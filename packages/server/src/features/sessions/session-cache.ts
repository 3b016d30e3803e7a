/**
 * Sessions recently found valid, kept in the process for a few seconds so that a burst of requests with the same
 * cookie (a page load makes several; the benchmark thousands) does not look the session up every time. Used
 * only when this process is the only instance (no REDIS_URL): every way a session ends on it — sign-out,
 * password change, account recovery, expiry — goes through `SessionsService`, which drops the entries here
 * before it answers, so a revoked session is refused on the very next request. With several instances a
 * revocation on another one would reach this cache only as fast as the bus, so there is no cache then.
 *
 * An entry only says "valid as of `foundAt`": the service still checks the idle and absolute timeouts against
 * the clock on every hit, and goes back to the database once the entry is `SESSION_CACHE_MS` old or the
 * session is due its once-a-minute `last_seen_at` touch.
 */
import type { ActiveSession } from "./sessions.service.ts";

/** How long a found session is trusted without reading it again (a backstop; ends are dropped at once). */
export const SESSION_CACHE_MS = 5_000;
/** Bounded: one entry per signed-in device active in the last few seconds; the oldest go first. */
export const SESSION_CACHE_SIZE = 10_000;

export interface CachedSession {
  session: ActiveSession;
  createdAt: number;
  lastSeenAt: number;
  foundAt: number;
}

export class SessionCache {
  readonly #entries = new Map<string, CachedSession>();
  /** Bumped by every drop: a lookup that began before a drop must not store what it read (it may be stale). */
  #generation = 0;

  get generation(): number {
    return this.#generation;
  }

  /** The entry if it is younger than SESSION_CACHE_MS. */
  get(tokenHash: string, now: number): CachedSession | undefined {
    const entry = this.#entries.get(tokenHash);
    if (entry && now - entry.foundAt <= SESSION_CACHE_MS) return entry;
    if (entry) this.#entries.delete(tokenHash);
    return undefined;
  }

  /** Stores what a lookup read, unless a drop happened since it began (`generation` taken before the read). */
  set(tokenHash: string, entry: CachedSession, generation: number): void {
    if (generation !== this.#generation) return;
    this.#entries.delete(tokenHash);
    this.#entries.set(tokenHash, entry);
    if (this.#entries.size > SESSION_CACHE_SIZE) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  /** Drops the member's sessions but `keepTokenHash` (ended ones, or all when their profile changed). */
  dropMember(memberId: string, keepTokenHash?: string): void {
    this.#generation++;
    for (const [tokenHash, entry] of this.#entries) {
      if (entry.session.memberId === memberId && tokenHash !== keepTokenHash) this.#entries.delete(tokenHash);
    }
  }
}
