/**
 * Counts failed sign-in attempts in a sliding window, per key (`account:<username_key>`, `address:<ip>`), so
 * password guessing is slowed per account and per client address.
 *
 * In memory on purpose for a single instance: nothing to configure, nothing to clean up. With several
 * instances behind a load balancer each would count on its own, so this moves to Redis (REDIS_URL) when
 * multi-instance support lands.
 *
 * Memory is bounded: each key keeps at most `limit` timestamps (older ones no longer matter), expired keys are
 * pruned, and past `maxKeys` the oldest keys are dropped first, so a flood of made-up usernames cannot grow it.
 */
import type { Clock } from "@cairn/core";

export interface FailedAttemptsOptions {
  /** Failures within the window at which the key is blocked. */
  limit: number;
  windowMs: number;
  clock: Clock;
  maxKeys?: number;
}

export class FailedAttempts {
  private readonly failures = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly clock: Clock;
  private readonly maxKeys: number;

  constructor(options: FailedAttemptsOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.clock = options.clock;
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  /** True once `limit` failures fall inside the window; stays true until the oldest of them ages out. */
  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  record(key: string): void {
    const kept = this.recent(key);
    kept.push(this.clock());
    // Only the newest `limit` failures decide whether the key is blocked.
    if (kept.length > this.limit) kept.splice(0, kept.length - this.limit);
    // Re-insert so the Map's order stays "least recently failed first" for eviction.
    this.failures.delete(key);
    this.failures.set(key, kept);
    if (this.failures.size > this.maxKeys) this.prune();
  }

  /** Takes back the newest failure: an attempt counted up front turned out to succeed. */
  unrecord(key: string): void {
    const stored = this.failures.get(key);
    stored?.pop();
    if (stored?.length === 0) this.failures.delete(key);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Number of keys held; for tests of the memory bound. */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string): number[] {
    const stored = this.failures.get(key);
    if (!stored) return [];
    const since = this.clock() - this.windowMs;
    const kept = stored.filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }

  private prune(): void {
    const since = this.clock() - this.windowMs;
    for (const [key, times] of this.failures) {
      if ((times.at(-1) ?? 0) <= since) this.failures.delete(key);
    }
    // Still too many live keys: drop those whose last failure is oldest.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}

export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export interface Attempt {
  /** The credentials matched: forget this attempt and the account's earlier failures. */
  succeeded(): void;
}

/** How many times the per-account-and-address limit an account may fail across all addresses in a window. */
export const ACCOUNT_WIDE_FACTOR = 20;

/**
 * The counters sign-in consults: failures per account from one address (`perAccount`), per account across
 * every address (`perAccount × ACCOUNT_WIDE_FACTOR`, which slows guessing spread over many addresses), and per
 * address across every account.
 *
 * Per account *and* address, so that a stranger who knows a username cannot lock its owner out: their guesses
 * block only their own address, which the per-address limit caps well below the account-wide limit.
 *
 * An attempt is counted as a failure *before* the password is checked and taken back if it matches. Counting
 * after the check would let a burst of parallel guesses all pass the "blocked?" test while the slow hashes run.
 */
export class LoginLimiter {
  private readonly byAccountAndAddress: FailedAttempts;
  private readonly byAccount: FailedAttempts;
  private readonly byAddress: FailedAttempts;

  constructor(limits: LoginLimits, clock: Clock, maxKeys?: number) {
    const common = { windowMs: limits.windowMs, clock, ...(maxKeys ? { maxKeys } : {}) };
    this.byAccountAndAddress = new FailedAttempts({ limit: limits.perAccount, ...common });
    this.byAccount = new FailedAttempts({ limit: limits.perAccount * ACCOUNT_WIDE_FACTOR, ...common });
    this.byAddress = new FailedAttempts({ limit: limits.perAddress, ...common });
  }

  /** Starts an attempt, or returns undefined when any of its three counters is over its limit. */
  attempt(usernameKey: string, address: string): Attempt | undefined {
    const pair = `pair:${usernameKey}@${address}`;
    const account = `account:${usernameKey}`;
    const from = `address:${address}`;
    if (
      this.byAccountAndAddress.isBlocked(pair) ||
      this.byAccount.isBlocked(account) ||
      this.byAddress.isBlocked(from)
    ) {
      return undefined;
    }
    this.byAccountAndAddress.record(pair);
    this.byAccount.record(account);
    this.byAddress.record(from);
    return {
      // The account's failures are cleared; the address keeps earlier ones (it may be guessing at others).
      succeeded: () => {
        this.byAccountAndAddress.clear(pair);
        this.byAccount.clear(account);
        this.byAddress.unrecord(from);
      },
    };
  }

  /** Proof of ownership (a recovery code) unlocks an account that guesses spread over many addresses locked. */
  clearAccount(usernameKey: string): void {
    this.byAccount.clear(`account:${usernameKey}`);
  }

  /**
   * Recovery codes are ~79 random bits, so guessing one is hopeless and only the address is limited: the
   * account's own counter must not let a stranger who knows a username lock its owner out of recovery too.
   */
  attemptFromAddress(address: string): Attempt | undefined {
    const from = `address:${address}`;
    if (this.byAddress.isBlocked(from)) return undefined;
    this.byAddress.record(from);
    return { succeeded: () => this.byAddress.unrecord(from) };
  }
}
