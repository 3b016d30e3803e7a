/**
 * The hub's ordering rules with the timing under the test's control: fake sockets, an in-memory store whose
 * reads can be held open, and events published in whatever order a test needs.
 */
import { EventEmitter } from "node:events";
import type { Message, ServerMessage } from "@cairn/core";
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { AppError } from "../http/errors.ts";
import { InMemoryEventBus, type LiveEvent } from "./events.ts";
import { Hub, type HubServices } from "./hub.ts";

const TEAM = "00000000-0000-4000-8000-0000000000aa";
const SAM = "sam";
const ANA = "ana";

class FakeSocket extends EventEmitter {
  readyState = 1;
  bufferedAmount = 0;
  readonly OPEN = 1;
  readonly sent: ServerMessage[] = [];
  closedWith: number | undefined;
  send(payload: string): void {
    this.sent.push(JSON.parse(payload) as ServerMessage);
  }
  close(code: number): void {
    this.closedWith = code;
    this.readyState = 3;
    this.emit("close", code);
  }
  ping(): void {}
  terminate(): void {
    this.close(1006);
  }
  frame(value: unknown): void {
    this.emit("message", Buffer.from(JSON.stringify(value)), false);
  }
  seqs(): number[] {
    return this.sent.flatMap((f) => (f.type === "message" ? [f.message.seq] : []));
  }
  types(): string[] {
    return this.sent.map((f) => (f.type === "message" ? `m${f.message.seq}` : f.type));
  }
}

function message(seq: number, author = SAM): Message {
  return {
    teamId: TEAM,
    seq,
    clientId: null,
    author: { id: author, alias: author },
    kind: "text",
    text: `m${seq}`,
    data: null,
    replyTo: null,
    deleted: false,
    createdAt: "2026-12-03T15:00:00.000Z",
  };
}

/** A store whose next read can be held until the test releases it. */
class Store {
  readonly messages: Message[] = [];
  readonly members = new Set([SAM, ANA]);
  hidden = new Set<string>();
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  reads = 0;

  holdNextRead(): () => void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
    return () => this.open?.();
  }

  services(): HubServices {
    return {
      messages: {
        send: async () => {
          throw new Error("not used");
        },
        list: async (memberId, _teamId, query) => {
          this.reads++;
          const gate = this.gate;
          this.gate = undefined;
          if (gate) await gate;
          if (!this.members.has(memberId)) throw new AppError(404, "not_found", "That team was not found");
          return this.messages
            .filter((m) => m.seq > (query.after ?? 0) && !this.hidden.has(m.author?.id ?? ""))
            .slice(0, query.limit);
        },
        markRead: async (_m, _t, seq) => seq,
      },
      teams: { isMember: async (memberId) => this.members.has(memberId) },
      blocks: { hiddenAuthorsFor: async () => new Set(this.hidden) },
      sessions: { resolveHash: async () => ({}) },
    };
  }
}

function setup() {
  const store = new Store();
  const bus = new InMemoryEventBus();
  const hub = new Hub(store.services(), bus, () => 0, { info() {}, warn() {}, error() {} });
  const connect = (memberId = ANA) => {
    const socket = new FakeSocket();
    hub.open(socket as unknown as WebSocket, { memberId, tokenHash: `${memberId}-token` });
    return socket;
  };
  const store_ = (seq: number, author = SAM) => {
    const m = message(seq, author);
    store.messages.push(m);
    return m;
  };
  // As the messages service does: the team's members when the message was stored are its recipients.
  const publish = (m: Message, recipients = [...store.members]) =>
    bus.publish({ kind: "message", teamId: TEAM, message: m, recipients });
  return { store, bus, hub, connect, stored: store_, publish };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("the hub's delivery order", () => {
  it("holds live events during the catch-up and sends each seq once, in order, then caught_up", async () => {
    const { store, connect, stored, publish } = setup();
    stored(1);
    stored(2);
    const release = store.holdNextRead();
    const socket = connect();
    socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    // Stored and announced while the read is in flight: m3 is in the read's result too, m4 is not.
    await publish(stored(3));
    await publish(message(2));
    release();
    await settle();
    await publish(stored(4));
    await settle();
    expect(socket.types()).toEqual(["m1", "m2", "m3", "caught_up", "m4"]);
  });

  it("reads a missing seq from the database when live events arrive out of order", async () => {
    const { store, connect, stored, publish } = setup();
    const socket = connect();
    socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    const first = stored(1);
    const second = stored(2);
    const readsBefore = store.reads;
    await publish(second);
    await publish(first);
    await settle();
    expect(socket.seqs()).toEqual([1, 2]);
    expect(store.reads).toBe(readsBefore + 1);
    // In-order events need no read.
    await publish(stored(3));
    await settle();
    expect(socket.seqs()).toEqual([1, 2, 3]);
    expect(store.reads).toBe(readsBefore + 1);
  });

  it("C13: a removal during the catch-up stops it: `removed`, and no message of the team after", async () => {
    const { store, bus, connect, stored, publish } = setup();
    stored(1);
    const release = store.holdNextRead();
    const socket = connect();
    socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    store.members.delete(ANA);
    await bus.publish({ kind: "member-left", teamId: TEAM, memberId: ANA });
    release();
    await publish(stored(2));
    await settle();
    expect(socket.types()).toEqual(["removed"]);
  });

  it("C13: a message stored after a removal whose event has not arrived yet is not delivered to the removed member", async () => {
    const { store, bus, connect, stored, publish } = setup();
    const ana = connect(ANA);
    const sam = connect(SAM);
    for (const socket of [ana, sam]) socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    await publish(stored(1));
    // Ana is removed on another instance; Sam posts here before that instance's member-left reaches this hub.
    store.members.delete(ANA);
    await publish(stored(2), [SAM]);
    await settle();
    expect(ana.seqs()).toEqual([1]);
    expect(sam.seqs()).toEqual([1, 2]);
    // The removal arrives late: Ana gets `removed` and still nothing of the team after.
    await bus.publish({ kind: "member-left", teamId: TEAM, memberId: ANA });
    await publish(stored(3), [SAM]);
    await settle();
    expect(ana.types()).toEqual(["caught_up", "m1", "removed"]);
    expect(sam.seqs()).toEqual([1, 2, 3]);
  });

  it("C13: a message whose recipients leave a member out is not held for them during a catch-up either", async () => {
    const { store, connect, stored, publish } = setup();
    stored(1);
    const release = store.holdNextRead();
    const ana = connect(ANA);
    ana.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    // Stored (after Ana's removal elsewhere) while her catch-up read, made before it, is still in flight.
    await publish(message(2), [SAM]);
    release();
    await settle();
    expect(ana.types()).toEqual(["m1", "caught_up"]);
  });

  it("never trusts a message event without recipients: the subscription re-reads the database instead", async () => {
    const { store, bus, connect, stored } = setup();
    const ana = connect(ANA);
    ana.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    const readsBefore = store.reads;
    const legacy = { kind: "message", teamId: TEAM, message: stored(1) } as unknown as LiveEvent;
    await bus.publish(legacy);
    await settle();
    expect(store.reads).toBe(readsBefore + 1);
    expect(ana.seqs()).toEqual([1]);
    // Had Ana been removed, the read would refuse her: `removed`, not the message.
    store.members.delete(ANA);
    await bus.publish({ kind: "message", teamId: TEAM, message: stored(2) } as unknown as LiveEvent);
    await settle();
    expect(ana.types()).toEqual(["caught_up", "m1", "removed"]);
  });

  it("treats a read refused for membership as a removal (a missed event between instances)", async () => {
    const { store, hub, connect, stored } = setup();
    const socket = connect();
    socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    store.members.delete(ANA);
    stored(1);
    hub.resync();
    await settle();
    expect(socket.types()).toEqual(["caught_up", "removed"]);
  });

  it("after a Redis outage, re-reads every open subscription from its last seq", async () => {
    const { hub, connect, stored, publish } = setup();
    const socket = connect();
    socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    await publish(stored(1));
    // Stored by another instance while this one was cut off from Redis: no event arrives.
    stored(2);
    stored(3);
    hub.resync();
    await settle();
    await publish(stored(4));
    await settle();
    expect(socket.seqs()).toEqual([1, 2, 3, 4]);
  });

  it("never delivers a blocked author's message, live or from the database", async () => {
    const { store, bus, connect, stored, publish } = setup();
    store.hidden = new Set(["kim"]);
    stored(1, "kim");
    stored(2);
    const socket = connect();
    socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    await publish(stored(3, "kim"));
    await publish(stored(4));
    await settle();
    expect(socket.seqs()).toEqual([2, 4]);
    store.hidden = new Set();
    await bus.publish({ kind: "blocks-changed", memberId: ANA });
    await settle();
    await publish(stored(5, "kim"));
    await settle();
    expect(socket.seqs()).toEqual([2, 4, 5]);
  });

  it("stops sending to a socket that unsubscribed, and to no one else", async () => {
    const { connect, stored, publish } = setup();
    const ana = connect(ANA);
    const sam = connect(SAM);
    for (const socket of [ana, sam]) socket.frame({ type: "subscribe", teamId: TEAM, afterSeq: 0 });
    await settle();
    ana.frame({ type: "unsubscribe", teamId: TEAM });
    await settle();
    await publish(stored(1));
    expect(ana.seqs()).toEqual([]);
    expect(sam.seqs()).toEqual([1]);
  });

  it("closes every socket with 1001 when the server shuts down", () => {
    const { hub, connect } = setup();
    const socket = connect();
    hub.close();
    expect(socket.closedWith).toBe(1001);
    expect(hub.connectionCount).toBe(0);
  });
});
