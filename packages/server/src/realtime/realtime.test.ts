/**
 * `/api/v1/ws` end to end: real WebSocket clients against the app listening on a port, on SQLite and
 * PostgreSQL. Team fixtures are made through the HTTP API.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { MAX_FRAME_BYTES, type Message, type ServerMessage } from "@cairn/core";
import { afterEach, describe, expect, it } from "vitest";
import { buildMember, buildMessage, buildTeam, call, type TestMember } from "../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp, type TestAppOptions } from "../../test/harness.ts";
import { TestSocket, UpgradeRefused } from "../../test/ws-client.ts";
import type { LiveEvent, LiveEventBus } from "./events.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The team's id: `leader` leads it, `others` joined through an invite. */
async function teamWith(t: TestApp, leader: TestMember, others: TestMember[]): Promise<string> {
  return (await buildTeam(t, leader, { members: others })).id;
}

function post(t: TestApp, who: TestMember, teamId: string, text: string): Promise<Message> {
  return buildMessage(t, who, { id: teamId }, { text });
}

async function storedCount(t: TestApp, teamId: string): Promise<number> {
  const rows = await t.db.selectFrom("team_messages").select("seq").where("team_id", "=", teamId).execute();
  return rows.length;
}

/**
 * The bus as this instance's hub would hear it if removals were made on another instance: `member-left` events
 * are held until `release()`, as when they are still on their way through Redis.
 */
class RemovalsArriveLate implements LiveEventBus {
  private readonly held: (() => void)[] = [];
  constructor(private readonly inner: LiveEventBus) {}
  publish(event: LiveEvent): Promise<void> {
    return this.inner.publish(event);
  }
  subscribe(listener: (event: LiveEvent) => void): () => void {
    return this.inner.subscribe((event) => {
      if (event.kind === "member-left") this.held.push(() => listener(event));
      else listener(event);
    });
  }
  release(): void {
    for (const deliver of this.held.splice(0)) deliver();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

const isMessage = (teamId: string, seq?: number) => (f: ServerMessage) =>
  f.type === "message" && f.message.teamId === teamId && (seq === undefined || f.message.seq === seq);
const isError = (f: ServerMessage): f is Extract<ServerMessage, { type: "error" }> => f.type === "error";

describeEachDatabase("live team chat over /api/v1/ws", (kind) => {
  let t: TestApp | undefined;
  let sockets: TestSocket[] = [];
  let url = "";

  afterEach(async () => {
    for (const socket of sockets) socket.ws.terminate();
    sockets = [];
    await t?.close();
    t = undefined;
  });

  async function start(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
    t = await startTestApp(kind, env, undefined, options);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    url = `ws://127.0.0.1:${port}/api/v1/ws`;
    return t;
  }

  async function open(who: TestMember | undefined, options: { origin?: string; autoPong?: boolean } = {}) {
    const socket = await TestSocket.open(url, { ...(who ? { cookie: who.cookie } : {}), ...options });
    sockets.push(socket);
    return socket;
  }

  async function refusal(who: TestMember | undefined, origin?: string): Promise<number> {
    try {
      await open(who, origin ? { origin } : {});
    } catch (error) {
      if (error instanceof UpgradeRefused) return error.status;
      throw error;
    }
    return 101;
  }

  describe("delivery", () => {
    it("delivers a teammate's message live, and answers the sender with the stored message", async () => {
      const t = await start();
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      const samSocket = await open(sam);
      const anaSocket = await open(ana);
      expect(await samSocket.subscribe(teamId)).toEqual([{ type: "caught_up", teamId, seq: 0 }]);
      await anaSocket.subscribe(teamId);

      const clientId = randomUUID();
      samSocket.send({ type: "send", teamId, clientId, text: "Made it to the meeting 💪🏽" });
      const sent = await samSocket.waitFor((f) => f.type === "sent");
      expect(sent).toMatchObject({
        type: "sent",
        clientId,
        message: { seq: 1, text: "Made it to the meeting 💪🏽" },
      });
      expect(sent).not.toHaveProperty("support");
      const live = await anaSocket.waitFor(isMessage(teamId, 1));
      expect(live).toMatchObject({ message: { author: { id: sam.member.id }, clientId, kind: "text" } });
      // Messages sent over HTTP reach open sockets the same way.
      await post(t, ana, teamId, "Proud of you");
      await samSocket.waitFor(isMessage(teamId, 2));
      await anaSocket.waitFor(isMessage(teamId, 2));
      expect(anaSocket.state.timeline(teamId).messages.map((m) => m.seq)).toEqual([1, 2]);
    });

    it("resumes after afterSeq with exactly the gap, in order, then caught_up and live messages", async () => {
      const t = await start();
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      for (let i = 1; i <= 5; i++) await post(t, sam, teamId, `m${i}`);
      const socket = await open(ana);
      const frames = await socket.subscribe(teamId, 2);
      expect(frames.map((f) => (f.type === "message" ? f.message.text : f.type))).toEqual([
        "m3",
        "m4",
        "m5",
        "caught_up",
      ]);
      expect(frames.at(-1)).toEqual({ type: "caught_up", teamId, seq: 5 });
      await post(t, sam, teamId, "m6");
      await socket.waitFor(isMessage(teamId, 6));
      expect(socket.messageFrames(teamId).map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    });

    it("pages through a long gap", async () => {
      const t = await start({ TEAM_MESSAGES_PER_10S: "1000" });
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      for (let i = 1; i <= 230; i++) await post(t, sam, teamId, `m${i}`);
      const socket = await open(ana);
      await socket.subscribe(teamId, 7);
      expect(socket.messageFrames(teamId).map((m) => m.seq)).toEqual(
        Array.from({ length: 223 }, (_, i) => i + 8),
      );
    });

    it("C11: a message posted between the catch-up read and the live subscription is shown exactly once", async () => {
      const t = await start();
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      for (let i = 1; i <= 5; i++) await post(t, sam, teamId, `m${i}`);
      const socket = await open(ana);
      await socket.subscribe(teamId);
      socket.close();
      await socket.closed;

      // The connection dropped; on reconnect the catch-up returns up to m5; 300 ms later a teammate posts m6;
      // 500 ms after that the subscription goes live.
      t.app.liveHub.catchUpObserver = async (phase, { memberId }) => {
        if (phase !== "after-read" || memberId !== ana.member.id) return;
        await new Promise((resolve) => setTimeout(resolve, 300));
        await post(t, sam, teamId, "m6");
        await new Promise((resolve) => setTimeout(resolve, 500));
      };
      const again = await open(ana);
      again.state.track(teamId, 5);
      const frames = await again.subscribe(teamId);
      expect(frames).toEqual([
        { type: "message", message: expect.objectContaining({ seq: 6, text: "m6" }) },
        { type: "caught_up", teamId, seq: 6 },
      ]);
      await post(t, sam, teamId, "m7");
      await again.waitFor(isMessage(teamId, 7));
      expect(again.messageFrames(teamId).map((m) => m.seq)).toEqual([6, 7]);
    });

    it("C11: a message stored before the read and announced after it is sent once", async () => {
      const t = await start();
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      await post(t, sam, teamId, "m1");
      // m2 is stored and published after the subscription registered but before the database read: it is both
      // held as a live event and read from the database.
      t.app.liveHub.catchUpObserver = async (phase) => {
        if (phase === "before-read") await post(t, sam, teamId, "m2");
      };
      const socket = await open(ana);
      const frames = await socket.subscribe(teamId, 0);
      expect(frames.map((f) => (f.type === "message" ? f.message.seq : f.type))).toEqual([1, 2, "caught_up"]);
    });

    it("numbers messages from concurrent senders strictly, and every subscriber gets each once, in order", async () => {
      const t = await start();
      const team = [await buildMember(t), await buildMember(t), await buildMember(t)];
      const [a, b, c] = team as [TestMember, TestMember, TestMember];
      const teamId = await teamWith(t, a, [b, c]);
      const watchers = await Promise.all(team.map((m) => open(m)));
      await Promise.all(watchers.map((w) => w.subscribe(teamId)));
      await Promise.all(
        team.flatMap((member, i) => [1, 2, 3, 4, 5].map((n) => post(t, member, teamId, `${i}-${n}`))),
      );
      for (const watcher of watchers) {
        await watcher.waitFor(isMessage(teamId, 15));
        await watcher.roundTrip();
        expect(watcher.messageFrames(teamId).map((m) => m.seq)).toEqual(
          Array.from({ length: 15 }, (_, i) => i + 1),
        );
      }
    });

    it("C12: the same client id sent twice makes one message, and both replies carry the same seq", async () => {
      const t = await start();
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      const anaSocket = await open(ana);
      await anaSocket.subscribe(teamId);
      const socket = await open(sam);
      const clientId = randomUUID();
      socket.send({ type: "send", teamId, clientId, text: "r-1" });
      // The reply is "lost": the client retries with the same id.
      socket.send({ type: "send", teamId, clientId, text: "r-1" });
      await socket.waitFor((f) => f.type === "sent");
      await socket.roundTrip();
      const replies = socket.frames.filter((f) => f.type === "sent");
      expect(replies).toHaveLength(2);
      expect(replies.map((r) => r.message.seq)).toEqual([1, 1]);
      expect(await storedCount(t, teamId)).toBe(1);
      await anaSocket.roundTrip();
      expect(anaSocket.messageFrames(teamId).map((m) => m.seq)).toEqual([1]);
    });

    it("brings crisis support to the writer of danger language at once", async () => {
      const t = await start();
      const sam = await buildMember(t);
      const teamId = await teamWith(t, sam, []);
      const socket = await open(sam);
      socket.send({ type: "send", teamId, clientId: randomUUID(), text: "I think I might overdose tonight" });
      const sent = await socket.waitFor((f) => f.type === "sent");
      expect(sent).toMatchObject({ support: { danger: ["overdose"] } });
    });

    it("skips the messages of a blocked author, live and on resume, and refreshes when the block changes", async () => {
      const t = await start();
      const [sam, ana, kim] = [await buildMember(t), await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana, kim]);
      const socket = await open(ana);
      await socket.subscribe(teamId);
      expect((await call(t, ana, "POST", "/api/v1/blocks", { memberId: kim.member.id })).statusCode).toBe(
        201,
      );
      await post(t, kim, teamId, "from kim");
      await post(t, sam, teamId, "from sam");
      await socket.waitFor(isMessage(teamId, 2));
      expect(socket.messageFrames(teamId).map((m) => m.text)).toEqual(["from sam"]);

      expect((await call(t, ana, "DELETE", `/api/v1/blocks/${kim.member.id}`)).statusCode).toBe(204);
      await socket.roundTrip();
      await post(t, kim, teamId, "kim again");
      await socket.waitFor(isMessage(teamId, 3));
    });

    it("moves the read marker and tells the member's other devices", async () => {
      const t = await start();
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      for (let i = 1; i <= 3; i++) await post(t, sam, teamId, `m${i}`);
      const phone = await open(ana);
      const laptop = await open(ana);
      phone.send({ type: "read", teamId, seq: 2 });
      expect(await laptop.waitFor((f) => f.type === "read")).toEqual({ type: "read", teamId, seq: 2 });
      expect(await phone.waitFor((f) => f.type === "read")).toEqual({ type: "read", teamId, seq: 2 });
      await phone.roundTrip();
      expect(phone.frames.filter((f) => f.type === "read")).toHaveLength(1);
      const teams = (await call(t, ana, "GET", "/api/v1/teams")).json() as { teams: { unread: number }[] };
      expect(teams.teams[0]?.unread).toBe(1);
    });

    it("tells subscribers when a message is deleted", async () => {
      const t = await start();
      const [sam, ana] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, [ana]);
      await post(t, ana, teamId, "oops");
      const socket = await open(sam);
      await socket.subscribe(teamId);
      expect((await call(t, ana, "DELETE", `/api/v1/teams/${teamId}/messages/1`)).statusCode).toBe(204);
      expect(await socket.waitFor((f) => f.type === "deleted")).toEqual({ type: "deleted", teamId, seq: 1 });
      expect(socket.state.timeline(teamId).messages[0]).toMatchObject({ deleted: true, text: null });
    });
  });

  describe("removal and ended sessions", () => {
    it("C13: a removed member's open socket gets `removed` and nothing after; their subscribe is refused", async () => {
      const t = await start();
      const [leader, u, v] = [await buildMember(t), await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, leader, [u, v]);
      const phone = await open(u);
      const laptop = await open(u);
      await phone.subscribe(teamId);
      await laptop.subscribe(teamId);
      await post(t, v, teamId, "before removal");
      await phone.waitFor(isMessage(teamId, 1));
      await laptop.waitFor(isMessage(teamId, 1));

      const removed = await call(t, leader, "DELETE", `/api/v1/teams/${teamId}/members/${u.member.id}`);
      expect(removed.statusCode).toBe(204);
      for (const socket of [phone, laptop]) {
        expect(await socket.waitFor((f) => f.type === "removed")).toEqual({ type: "removed", teamId });
      }
      await post(t, v, teamId, "test after removal");
      for (const socket of [phone, laptop]) {
        await socket.roundTrip();
        expect(socket.messageFrames(teamId).map((m) => m.text)).toEqual(["before removal"]);
        const afterRemoval = socket.frames.slice(socket.frames.findIndex((f) => f.type === "removed") + 1);
        expect(afterRemoval.filter((f) => f.type !== "pong")).toEqual([]);
      }
      // Subscribing again is refused, and nothing of the team is sent.
      const since = phone.frames.length;
      const frames = await phone.subscribe(teamId, 0);
      expect(frames).toEqual([
        { type: "error", code: "not_found", message: "That team was not found", ref: teamId },
      ]);
      expect(phone.frames.slice(since).some(isMessage(teamId))).toBe(false);
      // Sending is refused too, and nothing is stored.
      phone.send({ type: "send", teamId, clientId: randomUUID(), text: "still here?" });
      expect(await phone.waitFor(isError, { since })).toMatchObject({ code: "not_found" });
      expect(await storedCount(t, teamId)).toBe(2);
      // History over HTTP is refused.
      expect((await call(t, u, "GET", `/api/v1/teams/${teamId}/messages`)).statusCode).toBe(404);
    });

    it("C13: a message stored after the removal never reaches the removed member, even before `member-left` arrives", async () => {
      let bus: RemovalsArriveLate | undefined;
      const t = await start({}, { wrapLiveEventBus: (inner) => (bus = new RemovalsArriveLate(inner)) });
      const [leader, u, v] = [await buildMember(t), await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, leader, [u, v]);
      const uSocket = await open(u);
      const vSocket = await open(v);
      await uSocket.subscribe(teamId);
      await vSocket.subscribe(teamId);
      await post(t, v, teamId, "before removal");
      await uSocket.waitFor(isMessage(teamId, 1));

      const removed = await call(t, leader, "DELETE", `/api/v1/teams/${teamId}/members/${u.member.id}`);
      expect(removed.statusCode).toBe(204);
      // V posts at once, over the socket and over HTTP, while U's `member-left` is still on its way.
      const clientId = randomUUID();
      vSocket.send({ type: "send", teamId, clientId, text: "after removal (socket)" });
      await vSocket.waitFor(isMessage(teamId, 2));
      await post(t, v, teamId, "after removal (http)");
      await vSocket.waitFor(isMessage(teamId, 3));
      await uSocket.roundTrip();
      expect(uSocket.messageFrames(teamId).map((m) => m.text)).toEqual(["before removal"]);
      expect(uSocket.frames.some((f) => f.type === "removed")).toBe(false);

      // The removal arrives late: U is told, and still gets nothing of the team.
      bus?.release();
      expect(await uSocket.waitFor((f) => f.type === "removed")).toEqual({ type: "removed", teamId });
      await post(t, v, teamId, "later");
      await vSocket.waitFor(isMessage(teamId, 4));
      await uSocket.roundTrip();
      expect(uSocket.messageFrames(teamId).map((m) => m.text)).toEqual(["before removal"]);
    });

    it("C15: a password change on browser B closes browser A's socket with 4001 and keeps B's", async () => {
      const t = await start();
      const a = await buildMember(t);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: a.username, password: a.password },
      });
      const cookieB = `cairn_session=${login.cookies.find((c) => c.name === "cairn_session")?.value}`;
      const b: TestMember = { ...a, cookie: cookieB };
      const browserA = await open(a);
      const browserB = await open(b);
      const changed = await call(t, b, "POST", "/api/v1/auth/password", {
        currentPassword: a.password,
        newPassword: "a different steady path 43",
      });
      expect(changed.statusCode).toBe(204);
      expect(await browserA.closed).toEqual({ code: 4001, reason: "Session ended" });
      await browserB.roundTrip();
      // A's next connection is refused as well.
      expect(await refusal(a)).toBe(401);
    });

    it("signing out closes the sockets of that session only", async () => {
      const t = await start();
      const a = await buildMember(t);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: a.username, password: a.password },
      });
      const other: TestMember = {
        ...a,
        cookie: `cairn_session=${login.cookies.find((c) => c.name === "cairn_session")?.value}`,
      };
      const first = await open(a);
      const second = await open(other);
      expect((await call(t, a, "POST", "/api/v1/auth/logout")).statusCode).toBe(204);
      expect((await first.closed).code).toBe(4001);
      await second.roundTrip();
    });

    it("closes a socket whose session expired by time at its next frame", async () => {
      const t = await start();
      const a = await buildMember(t);
      const socket = await open(a);
      await socket.roundTrip();
      t.clock.advance(15 * DAY_MS);
      socket.send({ type: "ping" });
      expect((await socket.closed).code).toBe(4001);
    });
  });

  describe("bad input", () => {
    it("answers malformed frames with an error frame naming the problem, stays open, and stores nothing", async () => {
      const t = await start();
      const sam = await buildMember(t);
      const teamId = await teamWith(t, sam, []);
      const socket = await open(sam);
      const cases: Array<[string | Buffer, Partial<Extract<ServerMessage, { type: "error" }>>, boolean?]> = [
        ["{not json", { code: "invalid_input", message: "The frame is not valid JSON" }],
        ["[1,2]", { code: "invalid_input", message: "A frame is a JSON object with a type" }],
        [
          '{"type":"shout","teamId":"x"}',
          { code: "invalid_input", message: 'Unknown message type ("shout")' },
        ],
        ['{"teamId":"x"}', { code: "invalid_input", message: "Unknown message type (missing)" }],
        [
          Buffer.from('{"type":"ping"}'),
          { code: "invalid_input", message: "Send text frames holding JSON" },
          true,
        ],
        [
          JSON.stringify({ type: "send", teamId, clientId: "r-1", text: "hi" }),
          { code: "invalid_input", ref: "r-1", fields: { clientId: expect.any(String) } },
        ],
        [
          JSON.stringify({ type: "send", teamId, clientId: randomUUID(), text: "x".repeat(4001) }),
          { fields: { text: "A message can be at most 4000 characters" } },
        ],
        [
          JSON.stringify({ type: "send", teamId, clientId: randomUUID(), text: "   " }),
          { fields: { text: "Write a message" } },
        ],
        [
          JSON.stringify({ type: "subscribe", teamId, afterSeq: -1 }),
          { fields: { afterSeq: expect.any(String) } },
        ],
        [JSON.stringify({ type: "ping", extra: 1 }), { fields: { extra: "Unknown field" } }],
      ];
      for (const [raw, expected, binary] of cases) {
        const since = socket.frames.length;
        socket.sendRaw(raw, { binary: binary ?? false });
        expect(await socket.waitFor(isError, { since }), String(raw).slice(0, 60)).toMatchObject(expected);
      }
      await socket.roundTrip();
      expect(await storedCount(t, teamId)).toBe(0);
    });

    it("refuses a send to a team one is not in with an error frame, and stores nothing", async () => {
      const t = await start();
      const [sam, stranger] = [await buildMember(t), await buildMember(t)];
      const teamId = await teamWith(t, sam, []);
      const socket = await open(stranger);
      const clientId = randomUUID();
      socket.send({ type: "send", teamId, clientId, text: "let me in" });
      expect(await socket.waitFor(isError)).toMatchObject({ code: "not_found", ref: clientId });
      socket.send({ type: "subscribe", teamId, afterSeq: 0 });
      socket.send({ type: "read", teamId, seq: 1 });
      await socket.roundTrip();
      expect(socket.frames.filter(isError).map((f) => [f.code, f.ref])).toEqual([
        ["not_found", clientId],
        ["not_found", teamId],
        ["not_found", teamId],
      ]);
      expect(await storedCount(t, teamId)).toBe(0);
    });

    it("closes with 1009 on a frame above MAX_FRAME_BYTES", async () => {
      await start();
      const sam = await buildMember(t as TestApp);
      const socket = await open(sam);
      socket.sendRaw(JSON.stringify({ type: "ping", pad: "x".repeat(MAX_FRAME_BYTES) }));
      expect((await socket.closed).code).toBe(1009);
    });

    it("answers a flood (over 30 frames in 5 s) with an error frame, then closes with 4008", async () => {
      await start();
      const sam = await buildMember(t as TestApp);
      const socket = await open(sam);
      for (let i = 0; i < 31; i++) socket.send({ type: "ping" });
      expect((await socket.closed).code).toBe(4008);
      // Frames still queued behind the flood are dropped with the connection.
      expect(socket.frames.filter((f) => f.type === "pong").length).toBeLessThanOrEqual(30);
      expect(socket.frames.filter(isError)).toEqual([
        { type: "error", code: "rate_limited", message: "Too many frames: at most 30 every 5 s" },
      ]);
    });

    it("refuses the upgrade without a session (401) and from another site (403)", async () => {
      await start();
      const sam = await buildMember(t as TestApp);
      expect(await refusal(undefined)).toBe(401);
      expect(await refusal({ ...sam, cookie: "cairn_session=forged" })).toBe(401);
      expect(await refusal(sam, "https://evil.example")).toBe(403);
      expect(await refusal(undefined, "https://evil.example")).toBe(403);
      const { port } = (t as TestApp).app.server.address() as AddressInfo;
      expect(await refusal(sam, `http://127.0.0.1:${port}`)).toBe(101);
    });

    it("with PUBLIC_URL, accepts exactly its origin", async () => {
      await start({ PUBLIC_URL: "https://cairn.example.org" });
      const sam = await buildMember(t as TestApp);
      expect(await refusal(sam, "https://cairn.example.org")).toBe(101);
      expect(await refusal(sam, "http://cairn.example.org")).toBe(403);
      expect(await refusal(sam, "https://cairn.example.org.evil.example")).toBe(403);
    });

    it("drops a socket that stops answering pings", async () => {
      await start();
      const sam = await buildMember(t as TestApp);
      const socket = await open(sam, { autoPong: false });
      const hub = (t as TestApp).app.liveHub;
      hub.beat();
      expect(hub.connectionCount).toBe(1);
      hub.beat();
      expect(hub.connectionCount).toBe(0);
      expect((await socket.closed).code).toBe(1006);
    });
  });
});
