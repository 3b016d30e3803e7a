/**
 * Service tier (against the real database, without HTTP): what the teams services publish on the live bus,
 * which the realtime hub turns into socket frames. Every message is stored before it is published; every way
 * of leaving a team publishes member-left (case C13); blocks publish blocks-changed.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { buildMember, buildTeam, type TestMember } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";
import { FieldCipher } from "../../crypto/field-cipher.ts";
import { createWriteBatcher } from "../../db/write-batcher.ts";
import { InMemoryEventBus, type LiveEvent } from "../../realtime/events.ts";
import { BlocksService } from "./blocks.service.ts";
import { MessagesRepository } from "./messages.repository.ts";
import { MessagesService } from "./messages.service.ts";
import { ModerationRepository } from "./moderation.repository.ts";
import { SendLimiter } from "./send-limiter.ts";
import { TeamsRepository } from "./teams.repository.ts";
import { TeamsService } from "./teams.service.ts";

describeEachDatabase("team live events", (kind) => {
  let t: TestApp;
  let events: LiveEvent[];
  let stored: boolean[];
  let teams: TeamsService;
  let messages: MessagesService;
  let blocks: BlocksService;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const bus = new InMemoryEventBus();
    const writes = createWriteBatcher(t.db);
    teams = new TeamsService(new TeamsRepository(t.db, writes), bus, t.clock.now);
    const cipher = new FieldCipher(randomBytes(32));
    const limiter = new SendLimiter({ max: 20, windowMs: 10_000 }, t.clock.now);
    messages = new MessagesService(
      new MessagesRepository(t.db, writes),
      teams,
      cipher,
      bus,
      limiter,
      t.clock.now,
    );
    blocks = new BlocksService(new ModerationRepository(t.db), bus, t.clock.now);
    bus.subscribe((event) => {
      events.push(event);
      if (event.kind === "message") {
        // Looked up as the event arrives: the row it announces is already in the database.
        void t.db
          .selectFrom("team_messages")
          .select("seq")
          .where("team_id", "=", event.teamId)
          .where("seq", "=", event.message.seq)
          .executeTakeFirst()
          .then((row) => stored.push(row !== undefined));
      }
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    events = [];
    stored = [];
  });

  const team3 = async () => {
    const [a, b, c] = [await buildMember(t), await buildMember(t), await buildMember(t)];
    const team = await buildTeam(t, a, { members: [b, c] });
    return { team, a, b, c } as { team: { id: string }; a: TestMember; b: TestMember; c: TestMember };
  };

  it("publishes a message once, after it is stored; a retry or a refused send publishes nothing", async () => {
    const { team, a } = await team3();
    const clientId = randomUUID();
    const sent = await messages.send(a.member.id, team.id, { clientId, text: "hello" });
    expect(sent.created).toBe(true);
    expect(events).toEqual([
      { kind: "message", teamId: team.id, message: sent.message, recipients: expect.any(Array) },
    ]);
    const retry = await messages.send(a.member.id, team.id, { clientId, text: "hello" });
    expect(retry).toEqual({ ...sent, created: false });
    const stranger = await buildMember(t);
    await expect(
      messages.send(stranger.member.id, team.id, { clientId: randomUUID(), text: "x" }),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(events).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stored).toEqual([true]);
    expect(await teams.isMember(a.member.id, team.id)).toBe(true);
    expect(await teams.isMember(stranger.member.id, team.id)).toBe(false);
    expect(await teams.teamIdsOf(a.member.id)).toEqual([team.id]);
  });

  it("C13: every message event carries the team's members as it was stored, and none removed before", async () => {
    const { team, a, b, c } = await team3();
    const ids = (event: LiveEvent | undefined) =>
      event?.kind === "message" ? [...event.recipients].sort() : undefined;
    const everyone = [a, b, c].map((m) => m.member.id).sort();
    const { message } = await messages.send(a.member.id, team.id, { clientId: randomUUID(), text: "x" });
    expect(ids(events.at(-1))).toEqual(everyone);
    await teams.remove(a.member.id, team.id, b.member.id);
    const remaining = [a, c].map((m) => m.member.id).sort();
    // Text, reply, reaction, reach-out and a feed event (the member's own check-in) all go the same way.
    await messages.send(c.member.id, team.id, { clientId: randomUUID(), text: "y", replyTo: message.seq });
    await messages.react(c.member.id, team.id, message.seq, "💪");
    await messages.reachOut(a.member.id, team.id, undefined);
    await messages.post(c.member.id, team.id, { kind: "checkin", clientId: randomUUID(), automatic: true });
    const published = events.filter((e) => e.kind === "message");
    expect(published).toHaveLength(5);
    expect(published.slice(1).map(ids)).toEqual([remaining, remaining, remaining, remaining]);
  });

  it("publishes read markers (never backwards) and deletions", async () => {
    const { team, a, b } = await team3();
    const { message } = await messages.send(a.member.id, team.id, { clientId: randomUUID(), text: "x" });
    expect(await messages.markRead(b.member.id, team.id, 1)).toBe(1);
    expect(await messages.markRead(b.member.id, team.id, 0)).toBe(1);
    await messages.remove(a.member.id, team.id, message.seq);
    expect(events.slice(1)).toEqual([
      { kind: "read", teamId: team.id, memberId: b.member.id, seq: 1 },
      { kind: "read", teamId: team.id, memberId: b.member.id, seq: 1 },
      { kind: "message-deleted", teamId: team.id, seq: 1 },
    ]);
  });

  it("C13: publishes member-left when a member leaves and when a leader removes one", async () => {
    const { team, a, b, c } = await team3();
    await teams.leave(c.member.id, team.id);
    await teams.remove(a.member.id, team.id, b.member.id);
    expect(events).toEqual([
      { kind: "member-left", teamId: team.id, memberId: c.member.id },
      { kind: "member-left", teamId: team.id, memberId: b.member.id },
    ]);
    expect(await teams.isMember(b.member.id, team.id)).toBe(false);
    await expect(messages.list(b.member.id, team.id, { limit: 10 })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("publishes blocks-changed on block and unblock, and hides the blocked author", async () => {
    const { a, b } = await team3();
    await blocks.block(a.member.id, b.member.id);
    expect(await blocks.hiddenAuthorsFor(a.member.id)).toEqual(new Set([b.member.id]));
    await blocks.unblock(a.member.id, b.member.id);
    expect(await blocks.hiddenAuthorsFor(a.member.id)).toEqual(new Set());
    expect(events).toEqual([
      { kind: "blocks-changed", memberId: a.member.id },
      { kind: "blocks-changed", memberId: a.member.id },
    ]);
  });
});
