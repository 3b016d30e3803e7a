import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Message } from "./schema.ts";
import { SubscriptionState } from "./subscription.ts";

const TEAM = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

function message(seq: number, teamId = TEAM, text = `m${seq}`): Message {
  return {
    teamId,
    seq,
    clientId: null,
    author: { id: "a", alias: "Sam" },
    kind: "text",
    text,
    data: null,
    replyTo: null,
    deleted: false,
    createdAt: "2026-12-03T15:00:00.000Z",
  };
}

const seqs = (state: SubscriptionState, teamId = TEAM) => state.timeline(teamId).messages.map((m) => m.seq);

describe("SubscriptionState", () => {
  it("keeps each seq once and in order, whatever order and how often frames arrive", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 120 }), (arrivals) => {
        const state = new SubscriptionState();
        for (const seq of arrivals) state.apply({ type: "message", message: message(seq) });
        const expected = [...new Set(arrivals)].sort((a, b) => a - b);
        expect(seqs(state)).toEqual(expected);
        expect(state.lastSeq(TEAM)).toBe(expected.at(-1) ?? 0);
      }),
    );
  });

  it("reports only what is new, so a UI never shows a duplicate", () => {
    const state = new SubscriptionState();
    expect(state.apply({ type: "message", message: message(1) })).toMatchObject({ kind: "messages" });
    expect(state.apply({ type: "message", message: message(1) })).toEqual({ kind: "none" });
  });

  it("C11: resumes from the last seq received, and the gap fills in once", () => {
    const state = new SubscriptionState();
    for (const seq of [1, 2, 3, 4, 5]) state.apply({ type: "message", message: message(seq) });
    state.apply({ type: "caught_up", teamId: TEAM, seq: 5 });
    expect(state.timeline(TEAM).live).toBe(true);
    state.disconnected();
    expect(state.timeline(TEAM).live).toBe(false);
    expect(state.subscribeFrames()).toEqual([{ type: "subscribe", teamId: TEAM, afterSeq: 5 }]);
    // The server sends m6 from the catch-up and again live: shown once.
    state.apply({ type: "message", message: message(6) });
    state.apply({ type: "message", message: message(6) });
    state.apply({ type: "caught_up", teamId: TEAM, seq: 6 });
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("does not move the resume point on the reply to its own send (a teammate's message may still be on its way)", () => {
    const state = new SubscriptionState();
    state.apply({ type: "message", message: message(5) });
    state.apply({ type: "sent", clientId: "r-1", message: message(7) });
    expect(state.lastSeq(TEAM)).toBe(5);
    expect(seqs(state)).toEqual([5, 7]);
    // m6 arrives afterwards and lands between.
    state.apply({ type: "message", message: message(6) });
    state.apply({ type: "message", message: message(7) });
    expect(seqs(state)).toEqual([5, 6, 7]);
    expect(state.lastSeq(TEAM)).toBe(7);
  });

  it("moves the resume point for the newest HTTP page only, never for an older one", () => {
    const state = new SubscriptionState();
    state.addHistory(TEAM, [message(48), message(49), message(50)], { latest: true });
    expect(state.lastSeq(TEAM)).toBe(50);
    state.addHistory(TEAM, [message(46), message(47)], { latest: false });
    expect(state.lastSeq(TEAM)).toBe(50);
    expect(seqs(state)).toEqual([46, 47, 48, 49, 50]);
  });

  it("marks a deleted message, and a late copy never brings its text back", () => {
    const state = new SubscriptionState();
    state.apply({ type: "message", message: message(1) });
    const change = state.apply({ type: "deleted", teamId: TEAM, seq: 1 });
    expect(change).toMatchObject({ kind: "messages", updated: [{ seq: 1, deleted: true, text: null }] });
    state.apply({ type: "message", message: message(1) });
    expect(state.timeline(TEAM).messages[0]).toMatchObject({ deleted: true, text: null });
  });

  it("forgets a team it was removed from, and keeps the others", () => {
    const state = new SubscriptionState();
    state.apply({ type: "message", message: message(1) });
    state.apply({ type: "message", message: message(3, OTHER) });
    expect(state.apply({ type: "removed", teamId: TEAM })).toEqual({ kind: "removed", teamId: TEAM });
    expect(state.tracked()).toEqual([OTHER]);
    expect(state.timeline(TEAM).messages).toEqual([]);
    expect(state.subscribeFrames()).toEqual([{ type: "subscribe", teamId: OTHER, afterSeq: 3 }]);
  });

  it("passes errors and send replies through for the UI", () => {
    const state = new SubscriptionState();
    const error = {
      type: "error",
      code: "not_found",
      message: "That team was not found",
      ref: TEAM,
    } as const;
    expect(state.apply(error)).toEqual(error);
    expect(state.apply({ type: "pong" })).toEqual({ kind: "none" });
  });
});
