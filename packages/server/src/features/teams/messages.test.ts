import { randomUUID } from "node:crypto";
import { type Message, TEAM_LIMITS, type Team } from "@cairn/core";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildMember,
  buildMessage,
  buildTeam,
  call,
  type TestMember,
  type TestTeam,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("team messages", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const url = (team: { id: string }, rest = "") => `/api/v1/teams/${team.id}${rest}`;
  const history = async (who: TestMember, team: { id: string }, query = ""): Promise<Message[]> => {
    const response = await call(t, who, "GET", url(team, `/messages${query}`));
    expect(response.statusCode, response.body).toBe(200);
    return response.json().messages;
  };
  const teamOf = async (who: TestMember, team: { id: string }): Promise<Team> => {
    const teams = (await call(t, who, "GET", "/api/v1/teams")).json().teams as Team[];
    const found = teams.find((x) => x.id === team.id);
    if (!found) throw new Error("not in team");
    return found;
  };
  const messageRows = async (team: { id: string }) =>
    Number(
      (
        await t.db
          .selectFrom("team_messages")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("team_id", "=", team.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const freshTeam = async (size = 3): Promise<TestTeam> => {
    const members = await Promise.all(Array.from({ length: size - 1 }, () => buildMember(t)));
    return buildTeam(t, await buildMember(t), { members });
  };

  describe("sending", () => {
    it("stores a message (201) with the author's alias and its seq, encrypted at rest", async () => {
      const team = await freshTeam(2);
      const [leader] = team.members as [TestMember];
      await call(t, leader, "PATCH", "/api/v1/me", { displayName: "Sam" });
      const clientId = randomUUID();
      const text = "Day 12 😺 no cravings today 💪🏽 👨‍👩‍👧 zebra-marker-1729 <script>alert(1)</script>";
      const response = await call(t, leader, "POST", url(team, "/messages"), { clientId, text });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        message: {
          teamId: team.id,
          seq: 1,
          clientId,
          author: { id: leader.member.id, alias: "Sam" },
          kind: "text",
          text,
          data: null,
          replyTo: null,
          deleted: false,
          createdAt: "2026-12-03T15:00:00.000Z",
        },
        support: { danger: [] },
      });
      expect(await history(team.members[1] as TestMember, team)).toEqual([response.json().message]);

      // Encrypted at rest: the marker word appears in no table at all.
      const tables = (await t.db.introspection.getTables()).filter(
        (table) => !table.name.startsWith("kysely_") && (!t.pgSchema || table.schema === t.pgSchema),
      );
      for (const table of tables) {
        const rows = await sql`select * from ${sql.table(table.name)}`.execute(t.db);
        expect(JSON.stringify(rows.rows), table.name).not.toContain("zebra-marker-1729");
      }
    });

    it("C12: a retried client id returns the stored message (200) and never makes a second one", async () => {
      const team = await freshTeam(2);
      const [a, b] = team.members as [TestMember, TestMember];
      const clientId = randomUUID();
      const first = await call(t, a, "POST", url(team, "/messages"), { clientId, text: "r-1" });
      expect(first.statusCode).toBe(201);
      const retry = await call(t, a, "POST", url(team, "/messages"), { clientId, text: "r-1" });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      // Racing retries of one send also end as one message.
      const racingId = randomUUID();
      const racing = await Promise.all(
        [1, 2, 3, 4, 5].map(() =>
          call(t, a, "POST", url(team, "/messages"), { clientId: racingId, text: "r-2" }),
        ),
      );
      expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(racing.map((r) => r.json().message.seq))).toEqual(new Set([2]));
      // The client id belongs to its author: another member may use the same one.
      expect((await call(t, b, "POST", url(team, "/messages"), { clientId, text: "mine" })).statusCode).toBe(
        201,
      );
      expect((await history(a, team)).map((m) => m.text)).toEqual(["r-1", "r-2", "mine"]);
      expect(await messageRows(team)).toBe(3);
    });

    it("numbers messages 1..100 with no gap or repeat when 5 members send 20 each at once", async () => {
      const team = await freshTeam(5);
      const other = await freshTeam(2);
      const sends = team.members.flatMap((member, m) =>
        Array.from({ length: 20 }, (_, i) =>
          call(t, member, "POST", url(team, "/messages"), { clientId: randomUUID(), text: `m${m}-${i}` }),
        ),
      );
      // Another team's sends at the same time keep their own sequence.
      const otherSends = Array.from({ length: 10 }, (_, i) =>
        call(t, other.leader, "POST", url(other, "/messages"), { clientId: randomUUID(), text: `o${i}` }),
      );
      const answers = await Promise.all([...sends, ...otherSends]);
      expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
      const seqs = answers.slice(0, 100).map((a) => a.json().message.seq as number);
      expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      const stored = await history(team.leader, team, "?after=0&limit=100");
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      // Each member's own messages keep the order they were sent in.
      for (let m = 0; m < 5; m++) {
        const mine = stored.filter((s) => s.text?.startsWith(`m${m}-`)).map((s) => s.text);
        expect(mine).toHaveLength(20);
      }
      expect((await history(other.leader, other)).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect((await teamOf(team.leader, team)).lastSeq).toBe(100);
    });

    it("answers danger language with support for the writer at once", async () => {
      const team = await freshTeam(2);
      const response = await call(t, team.leader, "POST", url(team, "/messages"), {
        clientId: randomUUID(),
        text: "I took too many pills, I don't feel right.",
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().support).toEqual({ danger: ["overdose"] });
    });

    it("refuses bad input naming the field, and writes nothing", async () => {
      const team = await freshTeam(2);
      const ok = { clientId: randomUUID(), text: "hi" };
      const cases: [unknown, string, RegExp?][] = [
        [{ ...ok, text: "x".repeat(TEAM_LIMITS.messageMax + 1) }, "text", /at most 4000 characters/],
        [{ ...ok, text: "" }, "text", /Write a message/],
        [{ ...ok, text: "\u200B \u200B" }, "text", /Write a message/],
        [{ ...ok, text: " \n\t " }, "text", /Write a message/],
        [{ ...ok, text: 42 }, "text"],
        [{ text: "hi" }, "clientId"],
        [{ ...ok, clientId: "r-1" }, "clientId", /UUID/],
        [{ ...ok, mood: 3 }, "mood", /Unknown field/],
        [{ ...ok, replyTo: 0 }, "replyTo"],
        [{ ...ok, replyTo: 1.5 }, "replyTo"],
      ];
      for (const [body, field, message] of cases) {
        const response = await call(t, team.leader, "POST", url(team, "/messages"), body);
        expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        const fields = response.json().error.fields;
        expect(Object.keys(fields)).toContain(field);
        if (message) expect(fields[field]).toMatch(message);
      }
      const badTeam = await call(t, team.leader, "POST", "/api/v1/teams/nope/messages", ok);
      expect(badTeam.statusCode).toBe(400);
      expect(badTeam.json().error.fields).toHaveProperty("id");
      const missingReply = await call(t, team.leader, "POST", url(team, "/messages"), { ...ok, replyTo: 99 });
      expect(missingReply.statusCode).toBe(422);
      expect(missingReply.json().error.fields).toEqual({ replyTo: "That message isn't in this team" });
      expect(await messageRows(team)).toBe(0);
      expect((await teamOf(team.leader, team)).lastSeq).toBe(0);

      // Exactly at the limit is fine, emoji included (counted in UTF-16 units, never cut).
      const longest = `${"😺".repeat(1000)}${"a".repeat(TEAM_LIMITS.messageMax - 2000)}`;
      const atLimit = await call(t, team.leader, "POST", url(team, "/messages"), { ...ok, text: longest });
      expect(atLimit.statusCode).toBe(201);
      expect(atLimit.json().message.text).toBe(longest);

      for (const query of [
        "?after=-1",
        "?limit=0",
        "?limit=101",
        "?after=1&before=5",
        "?after=x",
        "?page=2",
      ]) {
        const response = await call(t, team.leader, "GET", url(team, `/messages${query}`));
        expect(response.statusCode, query).toBe(400);
        expect(Object.keys(response.json().error.fields).length, query).toBeGreaterThan(0);
      }
      for (const body of [{}, { seq: -1 }, { seq: "3" }, { seq: 1, extra: true }]) {
        const response = await call(t, team.leader, "POST", url(team, "/read"), body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
      }
    });

    it("limits each member to 20 new messages in 10 seconds (429), a retry excepted", async () => {
      const team = await freshTeam(2);
      const [a, b] = team.members as [TestMember, TestMember];
      let last: Message | undefined;
      for (let i = 0; i < 20; i++) last = await buildMessage(t, a, team, { text: `n${i}` });
      const over = await call(t, a, "POST", url(team, "/messages"), {
        clientId: randomUUID(),
        text: "one more",
      });
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe("rate_limited");
      // A retry of a stored message is not a new message.
      const retry = await call(t, a, "POST", url(team, "/messages"), {
        clientId: last?.clientId,
        text: "n19",
      });
      expect(retry.statusCode).toBe(200);
      // Others are not slowed down; and the window slides.
      await buildMessage(t, b, team);
      t.clock.advance(10_001);
      await buildMessage(t, a, team, { text: "later" });
      expect(await messageRows(team)).toBe(22);
    });
  });

  describe("history and resume", () => {
    it("C11: after=k returns exactly the messages after k, each once, in order", async () => {
      const team = await freshTeam(2);
      const [a, b] = team.members as [TestMember, TestMember];
      for (let i = 1; i <= 5; i++) await buildMessage(t, a, team, { text: `m${i}` });
      const caughtUp = await history(b, team, "?after=0");
      expect(caughtUp.map((m) => m.text)).toEqual(["m1", "m2", "m3", "m4", "m5"]);
      const highest = caughtUp.at(-1)?.seq ?? 0;
      // m6 is posted in the gap between the catch-up and the live subscription.
      await buildMessage(t, a, team, { text: "m6" });
      const gap = await history(b, team, `?after=${highest}`);
      expect(gap.map((m) => [m.seq, m.text])).toEqual([[6, "m6"]]);
      expect(await history(b, team, "?after=6")).toEqual([]);
      expect((await history(b, team, "?after=2&limit=2")).map((m) => m.seq)).toEqual([3, 4]);
    });

    it("pages back with before=k, and gives the latest page by default", async () => {
      const team = await freshTeam(2);
      for (let i = 1; i <= 7; i++) await buildMessage(t, team.leader, team, { text: `m${i}` });
      expect((await history(team.leader, team, "?limit=3")).map((m) => m.seq)).toEqual([5, 6, 7]);
      expect((await history(team.leader, team, "?before=5&limit=3")).map((m) => m.seq)).toEqual([2, 3, 4]);
      expect((await history(team.leader, team, "?before=2")).map((m) => m.seq)).toEqual([1]);
    });

    it("gives a stranger nothing: 404 for the history, a send, a read marker", async () => {
      const team = await freshTeam(2);
      await buildMessage(t, team.leader, team, { text: "members only" });
      const stranger = await buildMember(t);
      for (const response of [
        await call(t, stranger, "GET", url(team, "/messages?after=0")),
        await call(t, stranger, "POST", url(team, "/messages"), { clientId: randomUUID(), text: "hi" }),
        await call(t, stranger, "POST", url(team, "/read"), { seq: 1 }),
        await call(t, stranger, "DELETE", url(team, "/messages/1")),
      ]) {
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toContain("members only");
      }
      expect(await messageRows(team)).toBe(1);
    });
  });

  describe("read markers and unread counts", () => {
    it("counts others' messages after the marker, never the member's own; the marker is the same on every device", async () => {
      const team = await freshTeam(2);
      const [a, b] = team.members as [TestMember, TestMember];
      await buildMessage(t, a, team);
      await buildMessage(t, a, team);
      await buildMessage(t, b, team);
      expect(await teamOf(a, team)).toMatchObject({ lastSeq: 3, readSeq: 0, unread: 1 });
      expect(await teamOf(b, team)).toMatchObject({ lastSeq: 3, readSeq: 0, unread: 2 });

      const read = await call(t, b, "POST", url(team, "/read"), { seq: 2 });
      expect(read.json()).toEqual({ readSeq: 2 });
      // B's other device (a second session) sees the same count.
      const login = await call(t, undefined, "POST", "/api/v1/auth/login", {
        username: b.username,
        password: b.password,
      });
      const otherDevice = {
        ...b,
        cookie: `cairn_session=${login.cookies.find((c) => c.name === "cairn_session")?.value}`,
      };
      expect(await teamOf(otherDevice, team)).toMatchObject({ readSeq: 2, unread: 0 });
      // Never backwards, never past the last message.
      expect((await call(t, otherDevice, "POST", url(team, "/read"), { seq: 1 })).json()).toEqual({
        readSeq: 2,
      });
      expect((await call(t, b, "POST", url(team, "/read"), { seq: 99 })).json()).toEqual({ readSeq: 3 });
      await buildMessage(t, a, team);
      expect(await teamOf(b, team)).toMatchObject({ lastSeq: 4, readSeq: 3, unread: 1 });
    });
  });

  describe("replies, reactions, reach-out, deletion", () => {
    it("answers a message with a reply and a reaction from the fixed set; a repeat reaction is the same one", async () => {
      const team = await freshTeam(2);
      const [a, b] = team.members as [TestMember, TestMember];
      const first = await buildMessage(t, a, team, { text: "30 days today" });
      const reply = await buildMessage(t, b, team, { text: "So proud of you", replyTo: first.seq });
      expect(reply).toMatchObject({ kind: "reply", replyTo: first.seq });

      const reacted = await call(t, b, "POST", url(team, `/messages/${first.seq}/reactions`), {
        emoji: "💪",
      });
      expect(reacted.statusCode).toBe(201);
      expect(reacted.json().message).toMatchObject({
        kind: "reaction",
        replyTo: first.seq,
        data: { emoji: "💪" },
        text: null,
        clientId: null,
        author: { id: b.member.id },
      });
      const again = await call(t, b, "POST", url(team, `/messages/${first.seq}/reactions`), { emoji: "💪" });
      expect(again.statusCode).toBe(200);
      expect(again.json().message.seq).toBe(reacted.json().message.seq);
      expect(
        (await call(t, b, "POST", url(team, `/messages/${first.seq}/reactions`), { emoji: "🌱" })).statusCode,
      ).toBe(201);
      // Reactions do not count as unread.
      expect(await teamOf(a, team)).toMatchObject({ lastSeq: 4, unread: 1 });

      for (const emoji of ["👍", "", "💩", "💪💪"]) {
        const bad = await call(t, b, "POST", url(team, `/messages/${first.seq}/reactions`), { emoji });
        expect(bad.statusCode, emoji).toBe(400);
        expect(bad.json().error.fields).toHaveProperty("emoji");
      }
      const onReaction = await call(
        t,
        a,
        "POST",
        url(team, `/messages/${reacted.json().message.seq}/reactions`),
        { emoji: "❤️" },
      );
      expect(onReaction.statusCode).toBe(422);
      expect((await call(t, a, "POST", url(team, "/messages/99/reactions"), { emoji: "❤️" })).statusCode).toBe(
        404,
      );
      expect((await call(t, a, "POST", url(team, "/messages/0/reactions"), { emoji: "❤️" })).statusCode).toBe(
        400,
      );

      // Taking a reaction back is deleting it; then it can be given again.
      const reactionSeq = reacted.json().message.seq;
      expect((await call(t, b, "DELETE", url(team, `/messages/${reactionSeq}`))).statusCode).toBe(204);
      expect(
        (await call(t, b, "POST", url(team, `/messages/${first.seq}/reactions`), { emoji: "💪" })).statusCode,
      ).toBe(201);
    });

    it("reach-out alerts the team with the member's alias, and the member sees who responded", async () => {
      const team = await freshTeam(3);
      const [sam, kim, lee] = team.members as [TestMember, TestMember, TestMember];
      await call(t, sam, "PATCH", "/api/v1/me", { displayName: "Sam" });
      const clientId = randomUUID();
      const alert = await call(t, sam, "POST", url(team, "/reach-out"), { clientId });
      expect(alert.statusCode).toBe(201);
      const message = alert.json().message as Message;
      expect(message).toMatchObject({ kind: "reach_out", text: "Sam is having a hard time", clientId });
      expect((await call(t, sam, "POST", url(team, "/reach-out"), { clientId })).statusCode).toBe(200);
      expect((await call(t, sam, "POST", url(team, "/reach-out"), { clientId: "x" })).statusCode).toBe(400);
      await buildMessage(t, kim, team, { text: "Calling you now", replyTo: message.seq });
      await buildMessage(t, lee, team, { text: "Here for you", replyTo: message.seq });
      const responders = (await history(sam, team))
        .filter((m) => m.replyTo === message.seq)
        .map((m) => m.author?.id);
      expect(responders).toEqual([kim.member.id, lee.member.id]);
      expect(await teamOf(kim, team)).toMatchObject({ unread: 2 });
    });

    it("deletes a message by its author or a leader, leaving a placeholder under its seq", async () => {
      const team = await freshTeam(3);
      const [leader, a, b] = team.members as [TestMember, TestMember, TestMember];
      const mine = await buildMessage(t, a, team, { text: "regret this" });
      const theirs = await buildMessage(t, b, team, { text: "rude words" });
      await buildMessage(t, b, team, { text: "after" });
      expect((await call(t, a, "DELETE", url(team, `/messages/${theirs.seq}`))).statusCode).toBe(403);
      expect((await call(t, a, "DELETE", url(team, `/messages/${mine.seq}`))).statusCode).toBe(204);
      expect((await call(t, leader, "DELETE", url(team, `/messages/${theirs.seq}`))).statusCode).toBe(204);
      expect((await call(t, leader, "DELETE", url(team, `/messages/${theirs.seq}`))).statusCode).toBe(204);
      expect((await call(t, leader, "DELETE", url(team, "/messages/42"))).statusCode).toBe(404);
      const list = await history(b, team);
      expect(list.map((m) => [m.seq, m.deleted, m.text])).toEqual([
        [1, true, null],
        [2, true, null],
        [3, false, "after"],
      ]);
      const stored = await t.db
        .selectFrom("team_messages")
        .selectAll()
        .where("team_id", "=", team.id)
        .where("seq", "<=", 2)
        .execute();
      expect(stored.every((r) => r.text_enc === null && r.deleted_at !== null)).toBe(true);
      // Deleted messages do not count as unread.
      expect(await teamOf(leader, team)).toMatchObject({ lastSeq: 3, unread: 1 });
    });
  });
});
