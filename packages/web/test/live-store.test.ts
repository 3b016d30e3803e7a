import type { ClientMessage, Message, MessageSend, MessageSent, ServerMessage } from "@cairn/core";
import { describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "../src/api/client.ts";
import { FrameBudget, newClientId, reconnectDelay } from "../src/features/teams/live/backoff.ts";
import {
  type LiveEvent,
  LiveStore,
  type SocketLike,
  type Timers,
} from "../src/features/teams/live/LiveStore.ts";

const TEAM = "00000000-0000-4000-8000-000000000001";
const OTHER_TEAM = "00000000-0000-4000-8000-000000000002";
const ME = "me-id";
const SAM = "sam-id";

function message(seq: number, options: Partial<Message> = {}): Message {
  return {
    teamId: TEAM,
    seq,
    clientId: null,
    author: { id: SAM, alias: "Sam" },
    kind: "text",
    text: `m${seq}`,
    data: null,
    replyTo: null,
    deleted: false,
    createdAt: "2026-12-03T15:00:00.000Z",
    ...options,
  };
}

/** Timers driven by hand: `advance(ms)` runs what is due, in order. */
class FakeTimers implements Timers {
  time = 0;
  private next = 1;
  private due = new Map<number, { at: number; run: () => void }>();
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.next++;
    this.due.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.due.delete(handle as number);
  };
  advance(ms: number) {
    const until = this.time + ms;
    for (;;) {
      const first = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!first || first[1].at > until) break;
      this.due.delete(first[0]);
      this.time = first[1].at;
      first[1].run();
    }
    this.time = until;
  }
}

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientMessage[] = [];
  closedWith: number | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  frame(frame: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  sentOf<T extends ClientMessage["type"]>(type: T) {
    return this.sent.filter((f): f is Extract<ClientMessage, { type: T }> => f.type === type);
  }
}

function setUp(
  options: {
    messages?: Message[];
    sendMessage?: (id: string, input: MessageSend) => Promise<MessageSent>;
  } = {},
) {
  const timers = new FakeTimers();
  const sockets: FakeSocket[] = [];
  const events: LiveEvent[] = [];
  const api = {
    messages: vi.fn(async () => ({ messages: options.messages ?? [] })),
    sendMessage: vi.fn(
      options.sendMessage ??
        (async (_id: string, input: MessageSend) => ({
          message: message(99, { clientId: input.clientId, author: { id: ME, alias: "Me" } }),
          support: { danger: [] },
        })),
    ),
    markRead: vi.fn(async (_id: string, seq: number) => ({ readSeq: seq })),
  };
  const store = new LiveStore({
    url: "ws://test/api/v1/ws",
    memberId: ME,
    api,
    timers,
    random: () => 0.5,
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    onEvent: (event) => events.push(event),
  });
  const socket = () => sockets.at(-1) as FakeSocket;
  return { store, timers, sockets, socket, events, api };
}

const seqs = (store: LiveStore, teamId = TEAM) => store.team(teamId).messages.map((m) => m.seq);

describe("reconnectDelay", () => {
  it("doubles with each attempt, with jitter, and never waits more than 30 s", () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(15_000);
  });
});

describe("FrameBudget", () => {
  it("lets 20 frames through in 5 s and says how long the next must wait", () => {
    const budget = new FrameBudget(20, 5000);
    for (let i = 0; i < 20; i++) expect(budget.take(1000 + i)).toBe(0);
    expect(budget.take(2000)).toBe(4000);
    expect(budget.take(6000)).toBe(0);
  });
});

describe("newClientId", () => {
  it("makes a v4 UUID with or without crypto.randomUUID", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientId()).toMatch(uuid);
    const withoutRandomUUID = {
      getRandomValues: (array: Uint8Array) => globalThis.crypto.getRandomValues(array),
    } as unknown as Crypto;
    expect(newClientId(withoutRandomUUID)).toMatch(uuid);
  });
});

describe("LiveStore", () => {
  it("opens one socket when the member has a team, subscribes from the team's last seq, and none without", () => {
    const { store, sockets, socket } = setUp();
    store.setTeams([]);
    expect(sockets).toHaveLength(0);
    expect(store.getStatus().state).toBe("idle");
    store.setTeams([
      { id: TEAM, lastSeq: 7 },
      { id: OTHER_TEAM, lastSeq: 0 },
    ]);
    expect(sockets).toHaveLength(1);
    expect(store.getStatus().state).toBe("connecting");
    socket().open();
    expect(store.getStatus().state).toBe("open");
    expect(socket().sentOf("subscribe")).toEqual([
      { type: "subscribe", teamId: TEAM, afterSeq: 7 },
      { type: "subscribe", teamId: OTHER_TEAM, afterSeq: 0 },
    ]);
    // The list read again never moves a followed team's resume point (only the subscription does).
    store.setTeams([{ id: TEAM, lastSeq: 12 }]);
    expect(sockets).toHaveLength(1);
    expect(socket().sentOf("subscribe")).toHaveLength(2);
  });

  it("C11: after a drop it reconnects by itself and resumes from the last seq received, each message once", () => {
    const { store, timers, sockets, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    for (const seq of [1, 2, 3, 4, 5]) socket().frame({ type: "message", message: message(seq) });
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 5 });
    expect(store.team(TEAM).live).toBe(true);

    socket().drop();
    expect(store.getStatus().state).toBe("reconnecting");
    expect(store.team(TEAM).live).toBe(false);
    timers.advance(374); // 250–500 ms on the first try
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    expect(sockets).toHaveLength(2);
    socket().open();
    expect(socket().sentOf("subscribe")).toEqual([{ type: "subscribe", teamId: TEAM, afterSeq: 5 }]);
    // The catch-up ends at m5; m6 is posted in the gap and comes both held and live: shown once.
    socket().frame({ type: "message", message: message(6) });
    socket().frame({ type: "message", message: message(6) });
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 6 });
    expect(seqs(store)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(store.team(TEAM).live).toBe(true);
  });

  it("backs off longer after each failed try, and starts over at once when the browser is online again", () => {
    const { store, timers, sockets, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().drop();
    timers.advance(375); // attempt 0: 250–500 ms (random 0.5 → 375)
    expect(sockets).toHaveLength(2);
    socket().drop();
    timers.advance(749);
    expect(sockets).toHaveLength(2);
    timers.advance(1);
    expect(sockets).toHaveLength(3);

    store.goOffline();
    expect(socket().closedWith).toBe(1000);
    timers.advance(120_000);
    expect(sockets).toHaveLength(3);
    expect(store.getStatus()).toEqual({ state: "connecting", offline: true });
    store.goOnline();
    expect(sockets).toHaveLength(4);
  });

  it("drops an open socket when the browser goes offline (an emulated offline may not cut it) and resumes on online", () => {
    const { store, sockets, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 3 }]);
    socket().open();
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 3 });
    const first = socket();
    store.goOffline();
    expect(first.closedWith).toBe(1000);
    expect(store.getStatus()).toEqual({ state: "reconnecting", offline: true });
    // Anything the old socket still says is ignored.
    first.frame({ type: "message", message: message(4) });
    expect(seqs(store)).toEqual([]);
    store.goOnline();
    expect(sockets).toHaveLength(2);
    socket().open();
    expect(socket().sentOf("subscribe")).toEqual([{ type: "subscribe", teamId: TEAM, afterSeq: 3 }]);
    socket().frame({ type: "message", message: message(4) });
    socket().frame({ type: "message", message: message(5) });
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 5 });
    expect(seqs(store)).toEqual([4, 5]);
  });

  it("drops a socket that answers no ping and opens another", () => {
    const { store, timers, sockets, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    timers.advance(25_000);
    expect(socket().sentOf("ping")).toHaveLength(1);
    timers.advance(9_999);
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    expect(sockets[0]?.closedWith).toBe(1000);
    timers.advance(500);
    expect(sockets).toHaveLength(2);
  });

  it("keeps the socket when the pong comes", () => {
    const { store, timers, sockets, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    timers.advance(25_000);
    socket().frame({ type: "pong" });
    timers.advance(20_000);
    expect(sockets).toHaveLength(1);
  });

  it("C12: a send shows as pending until its stored message comes back; a retry reuses the client id", () => {
    const { store, timers, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 0 });
    const clientId = store.send(TEAM, "hello");
    expect(store.team(TEAM).pending).toMatchObject([{ clientId, text: "hello", status: "sending" }]);
    expect(socket().sentOf("send")).toEqual([{ type: "send", teamId: TEAM, clientId, text: "hello" }]);

    // The reply is lost: after 10 s it shows as not sent; "Try again" sends the same client id.
    timers.advance(10_000);
    expect(store.team(TEAM).pending[0]?.status).toBe("unsent");
    store.retry(clientId);
    expect(
      socket()
        .sentOf("send")
        .map((f) => f.clientId),
    ).toEqual([clientId, clientId]);

    const stored = message(1, { clientId, author: { id: ME, alias: "Me" }, text: "hello" });
    socket().frame({ type: "sent", clientId, message: stored });
    expect(store.team(TEAM).pending).toEqual([]);
    expect(seqs(store)).toEqual([1]);
  });

  it("sends again by itself, with the same client id, when the connection comes back", () => {
    const { store, timers, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 0 });
    const clientId = store.send(TEAM, "are you there?");
    socket().drop();
    timers.advance(500);
    socket().open();
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 0 });
    expect(socket().sentOf("send")).toEqual([
      { type: "send", teamId: TEAM, clientId, text: "are you there?" },
    ]);
  });

  it("a send stored before the drop comes back in the catch-up: no longer pending, and not sent again", () => {
    const { store, timers, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 0 });
    const clientId = store.send(TEAM, "one");
    socket().drop();
    timers.advance(500);
    socket().open();
    socket().frame({ type: "message", message: message(1, { clientId, author: { id: ME, alias: "Me" } }) });
    socket().frame({ type: "caught_up", teamId: TEAM, seq: 1 });
    expect(store.team(TEAM).pending).toEqual([]);
    expect(socket().sentOf("send")).toEqual([]);
  });

  it("sends over HTTP when there is no open socket, and a lost answer leaves it to try again", async () => {
    let calls = 0;
    const { store, api } = setUp({
      sendMessage: async (_id, input) => {
        calls++;
        if (calls === 1) throw new ApiRequestError(0, "network", "The network request failed");
        return {
          message: message(4, { clientId: input.clientId, author: { id: ME, alias: "Me" } }),
          support: { danger: [] },
        };
      },
    });
    const clientId = store.send(TEAM, "hi");
    await vi.waitFor(() => expect(store.team(TEAM).pending[0]?.status).toBe("unsent"));
    store.retry(clientId);
    await vi.waitFor(() => expect(store.team(TEAM).pending).toEqual([]));
    expect(api.sendMessage.mock.calls.map(([, input]) => input.clientId)).toEqual([clientId, clientId]);
    expect(seqs(store)).toEqual([4]);
  });

  it("shows the server's refusal with its words and keeps the text", () => {
    const { store, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    const clientId = store.send(TEAM, "x");
    socket().frame({
      type: "error",
      code: "muted",
      message: "A leader of this team has muted you for now",
      ref: clientId,
    });
    expect(store.team(TEAM).pending).toMatchObject([
      { text: "x", status: "refused", error: { code: "muted" } },
    ]);
    store.discard(clientId);
    expect(store.team(TEAM).pending).toEqual([]);
  });

  it("opens help when the server finds danger language the device did not", async () => {
    const { store, socket, events } = setUp({
      sendMessage: async (_id, input) => ({
        message: message(1, { clientId: input.clientId, author: { id: ME, alias: "Me" } }),
        support: { danger: ["overdose"] },
      }),
    });
    store.send(TEAM, "first");
    await vi.waitFor(() => expect(events).toContainEqual({ type: "danger" }));
    store.setTeams([{ id: TEAM, lastSeq: 1 }]);
    socket().open();
    const events2 = events.length;
    const clientId = store.send(TEAM, "second", { dangerShown: true });
    socket().frame({
      type: "sent",
      clientId,
      message: message(2, { clientId, author: { id: ME, alias: "Me" } }),
      support: { danger: ["overdose"] },
    });
    expect(events.slice(events2)).toEqual([]);
  });

  it("C13: on removal the team's messages, sends and subscription go at once, and nothing later shows", () => {
    const { store, socket, events } = setUp();
    store.setTeams([
      { id: TEAM, lastSeq: 0 },
      { id: OTHER_TEAM, lastSeq: 0 },
    ]);
    socket().open();
    socket().frame({ type: "message", message: message(1) });
    store.send(TEAM, "pending one");
    socket().frame({ type: "removed", teamId: TEAM });
    expect(events).toContainEqual({ type: "removed", teamId: TEAM });
    expect(store.team(TEAM).messages).toEqual([]);
    expect(store.team(TEAM).pending).toEqual([]);
    // A frame already on its way, or a stale list, does not bring the team back.
    socket().frame({ type: "message", message: message(2) });
    store.setTeams([
      { id: TEAM, lastSeq: 2 },
      { id: OTHER_TEAM, lastSeq: 0 },
    ]);
    expect(store.team(TEAM).messages).toEqual([]);
    expect(
      socket()
        .sentOf("subscribe")
        .filter((f) => f.teamId === TEAM),
    ).toHaveLength(1);
  });

  it("treats a refused subscription as a removal (removed while offline)", () => {
    const { store, socket, events } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 4 }]);
    socket().open();
    socket().frame({ type: "error", code: "not_found", message: "That team was not found", ref: TEAM });
    expect(events).toContainEqual({ type: "removed", teamId: TEAM });
    expect(store.getStatus().state).toBe("idle");
  });

  it("closes for good and says so when the session ended (4001)", () => {
    const { store, timers, sockets, socket, events } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    socket().drop(4001);
    expect(events).toContainEqual({ type: "session-ended" });
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("says when a socket closed before it opened, so the app can check the session", () => {
    const { store, socket, events } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().drop();
    expect(events).toContainEqual({ type: "refused" });
  });

  it("reads the latest page over HTTP and pages back, merging with live messages by seq", async () => {
    const { store, socket, api } = setUp({
      messages: Array.from({ length: 50 }, (_, i) => message(i + 51)),
    });
    store.setTeams([{ id: TEAM, lastSeq: 100 }]);
    socket().open();
    socket().frame({ type: "message", message: message(101) });
    await store.loadLatest(TEAM);
    expect(seqs(store)).toEqual(Array.from({ length: 51 }, (_, i) => i + 51));
    expect(store.team(TEAM).older).toBe("more");
    api.messages.mockResolvedValueOnce({ messages: [message(49), message(50)] });
    await store.loadOlder(TEAM);
    expect(api.messages).toHaveBeenLastCalledWith(TEAM, { before: 51, limit: 50 });
    expect(seqs(store)[0]).toBe(49);
    expect(store.team(TEAM).older).toBe("none");
  });

  it("says a team is missing when its chat is opened from a link to a team the member is not in", async () => {
    const { store, api, events } = setUp();
    api.messages.mockRejectedValueOnce(new ApiRequestError(404, "not_found", "That team was not found"));
    await store.loadLatest(TEAM);
    expect(store.team(TEAM).latest).toBe("missing");
    expect(events).toEqual([]);
  });

  it("sends a read marker once per new seq, over the socket when open", () => {
    const { store, socket, api } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    store.markRead(TEAM, 3);
    store.markRead(TEAM, 3);
    store.markRead(TEAM, 2);
    expect(socket().sentOf("read")).toEqual([{ type: "read", teamId: TEAM, seq: 3 }]);
    expect(api.markRead).not.toHaveBeenCalled();
  });

  it("never sends more than 20 frames in 5 s (the server closes a flood)", () => {
    const { store, timers, socket } = setUp();
    const teams = Array.from({ length: 30 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      lastSeq: 0,
    }));
    store.setTeams(teams);
    socket().open();
    expect(socket().sent).toHaveLength(20);
    timers.advance(5000);
    expect(socket().sent).toHaveLength(30);
  });

  it("gives React the same snapshot until something changes", () => {
    const { store, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    const before = store.team(TEAM);
    expect(store.team(TEAM)).toBe(before);
    socket().open();
    socket().frame({ type: "message", message: message(1) });
    expect(store.team(TEAM)).not.toBe(before);
  });
});

describe("LiveStore on waking up", () => {
  it("asks an open socket for a pong at once and replaces it when none comes", () => {
    const { store, timers, sockets, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    store.wake();
    expect(socket().sentOf("ping")).toHaveLength(1);
    timers.advance(10_000);
    expect(sockets[0]?.closedWith).toBe(1000);
    timers.advance(500);
    expect(sockets).toHaveLength(2);
  });

  it("reconnects at once instead of waiting out the backoff", () => {
    const { store, sockets, socket } = setUp();
    store.setTeams([{ id: TEAM, lastSeq: 0 }]);
    socket().open();
    socket().drop();
    expect(sockets).toHaveLength(1);
    store.wake();
    expect(sockets).toHaveLength(2);
  });
});
