import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hasRedis, REDIS_URL } from "../../../test/redis.ts";
import { type FailureLog, MemoryFailureLog } from "./failure-log.ts";
import { ACCOUNT_WIDE_FACTOR, LoginLimiter } from "./login-limiter.ts";
import { RedisFailureLog } from "./redis-failure-log.ts";

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;

function clock(start = 1_800_000_000_000) {
  const c = { now: start, read: () => c.now };
  return c;
}

type Time = ReturnType<typeof clock>;
const logs: FailureLog[] = [];
afterAll(async () => {
  await Promise.all(logs.map((log) => log.close()));
});

/** Each failure log the server can run on: in memory, and Redis when reachable (CI requires it). */
const kinds: { name: string; open: (time: Time) => FailureLog }[] = [
  { name: "memory", open: (time) => new MemoryFailureLog(WINDOW, time.read) },
  ...(hasRedis
    ? [
        {
          name: "redis",
          // A fresh prefix per log: runs never see each other's failures.
          open: (time: Time) =>
            new RedisFailureLog(REDIS_URL, WINDOW, time.read, `cairn:test:${randomUUID()}:`),
        },
      ]
    : []),
];

describe.each(kinds)("failures counted in $name", ({ open }) => {
  function start() {
    const time = clock();
    const log = open(time);
    logs.push(log);
    return { time, log };
  }

  it("refuses a record once any key is at its limit, and records under no key then", async () => {
    const { log } = start();
    for (let i = 0; i < 3; i++) expect(await log.record([{ key: "a", limit: 3 }])).toBeDefined();
    expect(
      await log.record([
        { key: "b", limit: 5 },
        { key: "a", limit: 3 },
      ]),
    ).toBeUndefined();
    // "b" recorded nothing: it takes five more before it blocks.
    for (let i = 0; i < 5; i++) expect(await log.record([{ key: "b", limit: 5 }])).toBeDefined();
    expect(await log.record([{ key: "b", limit: 5 }])).toBeUndefined();
  });

  it("slides: a failure stops counting once it is as old as the window", async () => {
    const { time, log } = start();
    const k = [{ key: "k", limit: 2 }];
    await log.record(k);
    time.now += 10 * MINUTE;
    await log.record(k);
    expect(await log.record(k)).toBeUndefined();
    time.now += 5 * MINUTE; // the first failure is now exactly 15 minutes old
    expect(await log.record(k)).toBeDefined();
    expect(await log.record(k)).toBeUndefined();
  });

  it("takes back one failure by its id, and forgets a key on clear", async () => {
    const { log } = start();
    const k = [{ key: "k", limit: 2 }];
    await log.record(k);
    const second = await log.record(k);
    await log.forget("k", second as string);
    expect(await log.record(k)).toBeDefined();
    expect(await log.record(k)).toBeUndefined();
    await log.clear("k");
    expect(await log.record(k)).toBeDefined();
  });

  it("lets exactly the limit through when a burst of parallel records arrives", async () => {
    const { log } = start();
    const burst = await Promise.all(Array.from({ length: 40 }, () => log.record([{ key: "k", limit: 5 }])));
    expect(burst.filter(Boolean)).toHaveLength(5);
  });

  describe("LoginLimiter", () => {
    const limits = { perAccount: 5, perAddress: 20, signupsPerAddress: 20, windowMs: WINDOW };
    const limiter = () => new LoginLimiter(limits, start().log);

    it("refuses an account's sixth attempt from one address, while its owner elsewhere still gets in", async () => {
      const l = limiter();
      for (let i = 0; i < 5; i++) expect(await l.attempt("sam", "10.0.0.66")).toBeDefined();
      expect(await l.attempt("sam", "10.0.0.66")).toBeUndefined();
      expect(await l.attempt("sam", "10.0.0.1")).toBeDefined();
      expect(await l.attempt("ana", "10.0.0.66")).toBeDefined();
    });

    it(`refuses an account once it has 5 × ${ACCOUNT_WIDE_FACTOR} failures spread over addresses`, async () => {
      const l = limiter();
      for (let i = 0; i < 5 * ACCOUNT_WIDE_FACTOR; i++) {
        expect(await l.attempt("sam", `10.1.${Math.floor(i / 4)}.${i % 4}`)).toBeDefined();
      }
      expect(await l.attempt("sam", "10.0.0.1")).toBeUndefined();
      await l.clearAccount("sam");
      expect(await l.attempt("sam", "10.0.0.1")).toBeDefined();
    });

    it("refuses an attempt once the address has 20 failures, for any account", async () => {
      const l = limiter();
      for (let i = 0; i < 20; i++) expect(await l.attempt(`user_${i}`, "10.0.0.1")).toBeDefined();
      expect(await l.attempt("someone_new", "10.0.0.1")).toBeUndefined();
      expect(await l.attempt("someone_new", "10.0.0.2")).toBeDefined();
    });

    it("a success clears the account's failures and takes back its own count at the address", async () => {
      const l = limiter();
      for (let i = 0; i < 4; i++) await l.attempt("sam", "10.0.0.1");
      await (await l.attempt("sam", "10.0.0.1"))?.succeeded();
      for (let i = 0; i < 5; i++) expect(await l.attempt("sam", "10.0.0.1")).toBeDefined();
      // The address holds 4 + 5 failures: 11 more are allowed.
      for (let i = 0; i < 11; i++) expect(await l.attempt(`other_${i}`, "10.0.0.1")).toBeDefined();
      expect(await l.attempt("other_x", "10.0.0.1")).toBeUndefined();
    });

    it("limits recovery-code attempts by address only", async () => {
      const l = limiter();
      for (let i = 0; i < 20; i++) expect(await l.attemptFromAddress("10.0.0.9")).toBeDefined();
      expect(await l.attemptFromAddress("10.0.0.9")).toBeUndefined();
      expect(await l.attempt("sam", "10.0.0.8")).toBeDefined();
    });
  });
});

describe("failures counted in memory", () => {
  it("keeps memory bounded: never more than maxKeys keys, however many usernames are tried", async () => {
    const time = clock();
    const log = new MemoryFailureLog(WINDOW, time.read, 100);
    for (let i = 0; i < 5000; i++) await log.record([{ key: `account:made_up_${i}`, limit: 5 }]);
    expect(log.size).toBeLessThanOrEqual(100);
  });

  it("prunes keys whose failures have all expired before dropping live ones", async () => {
    const time = clock();
    const log = new MemoryFailureLog(WINDOW, time.read, 10);
    for (let i = 0; i < 10; i++) await log.record([{ key: `old_${i}`, limit: 5 }]);
    time.now += WINDOW + 1;
    for (let i = 0; i < 6; i++) await log.record([{ key: `fresh_${i}`, limit: 1 }]);
    await log.record([{ key: "one_more", limit: 1 }]);
    for (let i = 0; i < 6; i++) expect(await log.record([{ key: `fresh_${i}`, limit: 1 }])).toBeUndefined();
  });
});

describe.runIf(hasRedis)("failures counted in Redis", () => {
  it("are shared by two instances: one instance's failures block the other's next attempt", async () => {
    const time = clock();
    const prefix = `cairn:test:${randomUUID()}:`;
    const a = new RedisFailureLog(REDIS_URL, WINDOW, time.read, prefix);
    const b = new RedisFailureLog(REDIS_URL, WINDOW, time.read, prefix);
    logs.push(a, b);
    const limits = { perAccount: 5, perAddress: 20, signupsPerAddress: 20, windowMs: WINDOW };
    const first = new LoginLimiter(limits, a);
    const second = new LoginLimiter(limits, b);
    for (let i = 0; i < 3; i++) expect(await first.attempt("sam", "10.0.0.1")).toBeDefined();
    for (let i = 0; i < 2; i++) expect(await second.attempt("sam", "10.0.0.1")).toBeDefined();
    expect(await first.attempt("sam", "10.0.0.1")).toBeUndefined();
    expect(await second.attempt("sam", "10.0.0.1")).toBeUndefined();
  });
});
