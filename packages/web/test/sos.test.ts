import { RIDE_RESUME_GRACE_MS } from "@cairn/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sosApi } from "../src/api/sos.ts";
import type { Ride } from "../src/features/sos/SosDialog.tsx";
import { forgetRide, forgetRidesOnDevice, keepRide, readRide } from "../src/features/sos/stored-ride.ts";

/** The Storage interface over a Map, as sessionStorage behaves. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

const START = Date.parse("2026-12-04T18:00:00Z");
const MIN = 60_000;
const ride: Ride = {
  craving: 8,
  trigger: "Payday",
  planTriggerId: "4c3f9a52-2d1e-4b8e-9d55-0f4c2b7a1e01",
  minutes: 15,
  startedAtMs: START,
  episodeId: "0b6f4a1e-5c2d-4e8f-9a7b-3d1c2e4f5a60",
};

describe("the ride kept on the device", () => {
  it("gives back the same ride (timer start, length, trigger, episode) after a reload", () => {
    const store = new MemoryStorage();
    keepRide("member-a", ride, store);
    expect(readRide("member-a", START + 5 * MIN, store)).toEqual(ride);
  });

  it("keeps each member's ride apart", () => {
    const store = new MemoryStorage();
    keepRide("member-a", ride, store);
    expect(readRide("member-b", START, store)).toBeUndefined();
  });

  it("reads a ride whose start the server never answered as not saved", () => {
    const store = new MemoryStorage();
    keepRide("member-a", { ...ride, episodeId: undefined }, store);
    expect(readRide("member-a", START, store)).toMatchObject({ notSaved: true, craving: 8 });
  });

  it("leaves a ride started hours ago behind instead of resuming it as running", () => {
    const store = new MemoryStorage();
    keepRide("member-a", ride, store);
    expect(readRide("member-a", START + 15 * MIN + RIDE_RESUME_GRACE_MS, store)).toBe("left");
    expect(readRide("member-a", START + 3 * 24 * 60 * MIN, store)).toBe("left");
  });

  it("ignores something unreadable kept under the key", () => {
    const store = new MemoryStorage();
    store.setItem("cairn.sos.ride.member-a", "{not json");
    expect(readRide("member-a", START, store)).toBeUndefined();
    store.setItem("cairn.sos.ride.member-a", JSON.stringify({ ...ride, startedAtMs: "soon" }));
    expect(readRide("member-a", START, store)).toBeUndefined();
  });

  it("is gone once finished, and every member's ride is gone at sign-out; other data stays", () => {
    const store = new MemoryStorage();
    keepRide("member-a", ride, store);
    forgetRide("member-a", store);
    expect(readRide("member-a", START, store)).toBeUndefined();
    keepRide("member-a", ride, store);
    keepRide("member-b", ride, store);
    store.setItem("cairn.pendingInvite", "code");
    forgetRidesOnDevice(store);
    expect(store.length).toBe(1);
    expect(store.getItem("cairn.pendingInvite")).toBe("code");
  });
});

describe("starting an SOS", () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const refused = {
    error: { code: "invalid_input", message: "Check", fields: { planTriggerId: "Not in your plan" } },
  };

  it("records the urge by its words when the plan trigger was removed on another device", async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)));
        return bodies.length === 1 ? answer(422, refused) : answer(201, { episode: { id: "e1" } });
      }),
    );
    const saved = await sosApi.start({ craving: 6, trigger: "Payday", planTriggerId: ride.planTriggerId });
    expect(saved.episode.id).toBe("e1");
    expect(bodies).toEqual([
      { craving: 6, trigger: "Payday", planTriggerId: ride.planTriggerId },
      { craving: 6, trigger: "Payday", planTriggerId: null },
    ]);
  });

  it("tries once: another refusal is the member's to see", async () => {
    const fetch = vi.fn(async () => answer(422, { error: { code: "invalid_input", message: "Check" } }));
    vi.stubGlobal("fetch", fetch);
    await expect(sosApi.start({ craving: 6, planTriggerId: ride.planTriggerId })).rejects.toMatchObject({
      status: 422,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
