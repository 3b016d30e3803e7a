/**
 * Where failed sign-in attempts are counted: a sliding window of failures per key (`pair:<user>@<ip>`,
 * `account:<user>`, `address:<ip>`). In memory for one instance; in Redis (REDIS_URL) when several instances
 * share the load, so a guesser cannot multiply their tries by the number of instances.
 *
 * A failure is recorded under several keys at once, and only if none of them is already at its limit: the
 * check and the record are one step, so a burst of parallel guesses cannot all pass the check.
 */
import type { Clock } from "@cairn/core";

export interface KeyLimit {
  key: string;
  /** Failures within the window at which the key is blocked. */
  limit: number;
}

export interface FailureLog {
  /** Records one failure under every key and returns its id, or returns undefined (recording nothing) when a key is at its limit. */
  record(keys: readonly KeyLimit[]): Promise<string | undefined>;
  /** Takes back one recorded failure: the attempt turned out to succeed. */
  forget(key: string, id: string): Promise<void>;
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

interface Failure {
  at: number;
  id: string;
}

/**
 * One process's failures. Memory is bounded: each key keeps at most its limit of failures (older ones no
 * longer matter), expired keys are pruned, and past `maxKeys` the oldest keys go first, so a flood of made-up
 * usernames cannot grow it.
 */
export class MemoryFailureLog implements FailureLog {
  private readonly failures = new Map<string, Failure[]>();
  private nextId = 0;

  constructor(
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly maxKeys = 50_000,
  ) {}

  async record(keys: readonly KeyLimit[]): Promise<string | undefined> {
    if (keys.some(({ key, limit }) => this.recent(key).length >= limit)) return undefined;
    const failure = { at: this.clock(), id: String(++this.nextId) };
    for (const { key, limit } of keys) {
      const kept = this.recent(key);
      kept.push(failure);
      if (kept.length > limit) kept.splice(0, kept.length - limit);
      // Re-inserted so the Map's order stays "least recently failed first" for eviction.
      this.failures.delete(key);
      this.failures.set(key, kept);
    }
    if (this.failures.size > this.maxKeys) this.prune();
    return failure.id;
  }

  async forget(key: string, id: string): Promise<void> {
    const kept = (this.failures.get(key) ?? []).filter((failure) => failure.id !== id);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
  }

  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }

  async close(): Promise<void> {}

  /** Number of keys held; for tests of the memory bound. */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string): Failure[] {
    const since = this.clock() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((failure) => failure.at > since);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }

  private prune(): void {
    const since = this.clock() - this.windowMs;
    for (const [key, failures] of this.failures) {
      if ((failures.at(-1)?.at ?? 0) <= since) this.failures.delete(key);
    }
    // Still too many live keys: drop those whose last failure is oldest.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
