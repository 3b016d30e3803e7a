import { describe, expect, it } from "vitest";
import { ACCOUNT_WIDE_FACTOR, FailedAttempts, LoginLimiter } from "./failed-attempts.ts";

const MINUTE = 60_000;

function clock(start = 0) {
  const c = { now: start, read: () => c.now };
  return c;
}

describe("FailedAttempts", () => {
  it("blocks a key once it reaches the limit inside the window", () => {
    const time = clock();
    const attempts = new FailedAttempts({ limit: 3, windowMs: 15 * MINUTE, clock: time.read });
    for (let i = 0; i < 2; i++) attempts.record("account:sam");
    expect(attempts.isBlocked("account:sam")).toBe(false);
    attempts.record("account:sam");
    expect(attempts.isBlocked("account:sam")).toBe(true);
    expect(attempts.isBlocked("account:ana")).toBe(false);
  });

  it("slides: a failure stops counting once it is older than the window", () => {
    const time = clock();
    const attempts = new FailedAttempts({ limit: 2, windowMs: 15 * MINUTE, clock: time.read });
    attempts.record("k");
    time.now += 10 * MINUTE;
    attempts.record("k");
    expect(attempts.isBlocked("k")).toBe(true);
    time.now += 5 * MINUTE; // the first failure is now exactly 15 minutes old
    expect(attempts.isBlocked("k")).toBe(false);
    attempts.record("k");
    expect(attempts.isBlocked("k")).toBe(true);
  });

  it("forgets a key on clear and takes back one failure on unrecord", () => {
    const time = clock();
    const attempts = new FailedAttempts({ limit: 2, windowMs: MINUTE, clock: time.read });
    attempts.record("k");
    attempts.record("k");
    attempts.unrecord("k");
    expect(attempts.isBlocked("k")).toBe(false);
    attempts.record("k");
    attempts.clear("k");
    expect(attempts.size).toBe(0);
  });

  it("keeps memory bounded: never more than maxKeys keys, however many usernames are tried", () => {
    const time = clock();
    const attempts = new FailedAttempts({ limit: 5, windowMs: 15 * MINUTE, clock: time.read, maxKeys: 100 });
    for (let i = 0; i < 5000; i++) attempts.record(`account:made_up_${i}`);
    expect(attempts.size).toBeLessThanOrEqual(100);
    // The most recent keys are the ones kept.
    for (let i = 0; i < 4; i++) attempts.record("account:made_up_4999");
    expect(attempts.isBlocked("account:made_up_4999")).toBe(true);
  });

  it("prunes keys whose failures have all expired before dropping live ones", () => {
    const time = clock();
    const attempts = new FailedAttempts({ limit: 1, windowMs: MINUTE, clock: time.read, maxKeys: 10 });
    for (let i = 0; i < 5; i++) attempts.record(`stale_${i}`);
    time.now += 2 * MINUTE;
    for (let i = 0; i < 6; i++) attempts.record(`fresh_${i}`);
    // 11 keys went over the bound of 10: the 5 expired ones went, every live one stayed.
    expect(attempts.size).toBe(6);
    for (let i = 0; i < 6; i++) expect(attempts.isBlocked(`fresh_${i}`)).toBe(true);
  });
});

describe("LoginLimiter", () => {
  const limits = { perAccount: 5, perAddress: 20, windowMs: 15 * MINUTE };

  it("refuses an account's sixth attempt from the same address, while its owner elsewhere still gets in", () => {
    const limiter = new LoginLimiter(limits, clock().read);
    for (let i = 0; i < 5; i++) expect(limiter.attempt("sam", "10.0.0.66")).toBeDefined();
    expect(limiter.attempt("sam", "10.0.0.66")).toBeUndefined();
    expect(limiter.attempt("sam", "10.0.0.1")).toBeDefined();
    expect(limiter.attempt("ana", "10.0.0.66")).toBeDefined();
  });

  it(`refuses an account once it has 5 × ${ACCOUNT_WIDE_FACTOR} failures spread over many addresses`, () => {
    const limiter = new LoginLimiter(limits, clock().read);
    for (let i = 0; i < 5 * ACCOUNT_WIDE_FACTOR; i++) {
      expect(limiter.attempt("sam", `10.1.${Math.floor(i / 4)}.${i % 4}`)).toBeDefined();
    }
    expect(limiter.attempt("sam", "10.0.0.1")).toBeUndefined();
    limiter.clearAccount("sam");
    expect(limiter.attempt("sam", "10.0.0.1")).toBeDefined();
  });

  it("refuses an attempt once the address has 20 failures, for any account", () => {
    const limiter = new LoginLimiter(limits, clock().read);
    for (let i = 0; i < 20; i++) expect(limiter.attempt(`user_${i}`, "10.0.0.1")).toBeDefined();
    expect(limiter.attempt("someone_new", "10.0.0.1")).toBeUndefined();
    expect(limiter.attempt("someone_new", "10.0.0.2")).toBeDefined();
  });

  it("a success clears the account's failures and takes back its own count at the address", () => {
    const limiter = new LoginLimiter(limits, clock().read);
    for (let i = 0; i < 4; i++) limiter.attempt("sam", "10.0.0.1");
    limiter.attempt("sam", "10.0.0.1")?.succeeded();
    for (let i = 0; i < 5; i++) expect(limiter.attempt("sam", "10.0.0.2")).toBeDefined();
    // The address 10.0.0.1 holds 4 failures, not 5: 16 more are allowed.
    for (let i = 0; i < 16; i++) expect(limiter.attempt(`other_${i}`, "10.0.0.1")).toBeDefined();
    expect(limiter.attempt("other_x", "10.0.0.1")).toBeUndefined();
  });

  it("counts attempts before they are checked, so a burst of parallel guesses cannot pass the limit", () => {
    const limiter = new LoginLimiter(limits, clock().read);
    // 50 requests arrive before any password check has finished: from one address, and from 200 addresses.
    const fromOne = Array.from({ length: 50 }, () => limiter.attempt("sam", "10.0.1.1"));
    expect(fromOne.filter(Boolean)).toHaveLength(5);
    const fromMany = Array.from({ length: 200 }, (_, i) => limiter.attempt("ana", `10.2.${i}.1`));
    expect(fromMany.filter(Boolean)).toHaveLength(5 * ACCOUNT_WIDE_FACTOR);
  });
});
