import { describe, expect, it } from "vitest";
import { SendLimiter } from "./send-limiter.ts";

describe("per-member send limit", () => {
  it("allows max sends in any window, per member, and slides", () => {
    let now = 0;
    const limiter = new SendLimiter({ max: 3, windowMs: 10_000 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toEqual([true, true, true, false]);
    expect(limiter.take("b")).toBe(true);
    now = 9_999;
    expect(limiter.take("a")).toBe(false);
    // The three sends at 0 leave the window at 10 000 ms (the refused ones never counted).
    now = 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toEqual([true, true, true, false]);
  });

  it("does not count a send that was given back", () => {
    const limiter = new SendLimiter({ max: 1, windowMs: 10_000 }, () => 0);
    expect(limiter.take("a")).toBe(true);
    limiter.giveBack("a");
    expect(limiter.take("a")).toBe(true);
  });
});
