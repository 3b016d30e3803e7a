/**
 * How sign-up, sign-in, account recovery and current-password checks are rate-limited, over a FailureLog (in memory, or
 * in Redis with several instances: failure-log.ts).
 */
import type { FailureLog } from "./failure-log.ts";

export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  /** Sign-ups per address in a window, counted whether the name was free or not. */
  signupsPerAddress: number;
  windowMs: number;
}

export interface Attempt {
  /** The credentials matched: forget this attempt and the account's earlier failures. */
  succeeded(): Promise<void>;
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
  constructor(
    private readonly limits: LoginLimits,
    private readonly log: FailureLog,
  ) {}

  /** Starts an attempt, or returns undefined when any of its three counters is at its limit. */
  async attempt(usernameKey: string, address: string): Promise<Attempt | undefined> {
    const pair = `pair:${usernameKey}@${address}`;
    const account = `account:${usernameKey}`;
    const from = `address:${address}`;
    const id = await this.log.record([
      { key: pair, limit: this.limits.perAccount },
      { key: account, limit: this.limits.perAccount * ACCOUNT_WIDE_FACTOR },
      { key: from, limit: this.limits.perAddress },
    ]);
    if (id === undefined) return undefined;
    return {
      // The account's failures are cleared; the address keeps earlier ones (it may be guessing at others).
      succeeded: async () => {
        await Promise.all([this.log.clear(pair), this.log.clear(account), this.log.forget(from, id)]);
      },
    };
  }

  /** Proof of ownership (a recovery code) unlocks an account that guesses spread over many addresses locked. */
  clearAccount(usernameKey: string): Promise<void> {
    return this.log.clear(`account:${usernameKey}`);
  }

  /**
   * Recovery codes are ~79 random bits, so guessing one is hopeless and only the address is limited: the
   * account's own counter must not let a stranger who knows a username lock its owner out of recovery too.
   */
  async attemptFromAddress(address: string): Promise<Attempt | undefined> {
    const from = `address:${address}`;
    const id = await this.log.record([{ key: from, limit: this.limits.perAddress }]);
    if (id === undefined) return undefined;
    return { succeeded: () => this.log.forget(from, id) };
  }

  /**
   * Each sign-up costs a password hash and ten recovery-code hashes, and creates an account: one address may
   * try only so many in a window, successful or not (a taken name counts too, which also slows a search for
   * which names exist). False when the address is at its limit.
   */
  async signupFromAddress(address: string): Promise<boolean> {
    const id = await this.log.record([{ key: `signup:${address}`, limit: this.limits.signupsPerAddress }]);
    return id !== undefined;
  }
}
