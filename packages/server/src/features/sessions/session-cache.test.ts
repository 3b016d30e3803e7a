import { expect, it } from "vitest";
import { SESSION_CACHE_MS, SESSION_CACHE_SIZE, SessionCache } from "./session-cache.ts";

const session = (memberId: string, tokenHash: string) => ({
  session: { tokenHash, memberId, timezone: "UTC", region: "US" },
  createdAt: 0,
  lastSeenAt: 0,
  foundAt: 0,
});

it("does not store what a lookup read before a drop: on PostgreSQL it may be a session that has just ended", () => {
  const cache = new SessionCache();
  const before = cache.generation;
  // The lookup's read is in flight while the member signs out on another request…
  cache.dropMember("m1");
  // …and arrives after the drop: it must not put the ended session back.
  cache.set("t1", session("m1", "t1"), before);
  expect(cache.get("t1", 0)).toBeUndefined();
  cache.set("t1", session("m1", "t1"), cache.generation);
  expect(cache.get("t1", 0)).toBeDefined();
});

it("forgets an entry SESSION_CACHE_MS after it was found, and drops only the member's other sessions when told to keep one", () => {
  const cache = new SessionCache();
  for (const [member, token] of [
    ["m1", "a"],
    ["m1", "b"],
    ["m2", "c"],
  ] as const) {
    cache.set(token, session(member, token), cache.generation);
  }
  cache.dropMember("m1", "b");
  expect([cache.get("a", 0), cache.get("b", 0), cache.get("c", 0)].map(Boolean)).toEqual([false, true, true]);
  expect(cache.get("c", SESSION_CACHE_MS)).toBeDefined();
  expect(cache.get("c", SESSION_CACHE_MS + 1)).toBeUndefined();
});

it("holds at most SESSION_CACHE_SIZE sessions, the oldest stored going first", () => {
  const cache = new SessionCache();
  for (let i = 0; i <= SESSION_CACHE_SIZE; i++) cache.set(`t${i}`, session("m", `t${i}`), cache.generation);
  expect(cache.get("t0", 0)).toBeUndefined();
  expect(cache.get("t1", 0)).toBeDefined();
  expect(cache.get(`t${SESSION_CACHE_SIZE}`, 0)).toBeDefined();
});
