import { randomUUID } from "node:crypto";
import type { Message, Report, Team } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildMember, buildMessage, buildTeam, call, type TestMember } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";
import { runOperatorCommand } from "../../cli/operator.ts";

describeEachDatabase("team moderation", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const url = (team: { id: string }, rest = "") => `/api/v1/teams/${team.id}${rest}`;
  const history = async (who: TestMember, team: { id: string }): Promise<Message[]> =>
    (await call(t, who, "GET", url(team, "/messages"))).json().messages;
  const teamOf = async (who: TestMember, team: { id: string }): Promise<Team | undefined> =>
    ((await call(t, who, "GET", "/api/v1/teams")).json().teams as Team[]).find((x) => x.id === team.id);
  const grant = async (who: TestMember, command: "grant" | "revoke" = "grant") => {
    const lines: string[] = [];
    expect(await runOperatorCommand(t.db, [command, who.username.toUpperCase()], (l) => lines.push(l))).toBe(
      0,
    );
    return lines;
  };

  describe("reports", () => {
    it("goes to the team's leaders and the operator's queue, once per member per message, without the reporter", async () => {
      const leader = await buildMember(t);
      const [a, b] = [await buildMember(t), await buildMember(t)];
      const team = await buildTeam(t, leader, { members: [a, b] });
      const bad = await buildMessage(t, b, team, { text: "something hurtful" });

      const reported = await call(t, a, "POST", url(team, `/messages/${bad.seq}/report`), {
        reason: "  Mean to me  ",
      });
      expect(reported.statusCode).toBe(201);
      const report = reported.json().report as Report;
      expect(report).toEqual({
        id: report.id,
        teamId: team.id,
        teamName: "Morning crew",
        message: bad,
        reason: "Mean to me",
        createdAt: "2026-12-03T15:00:00.000Z",
        resolvedAt: null,
      });
      const again = await call(t, a, "POST", url(team, `/messages/${bad.seq}/report`), { reason: "again" });
      expect(again.statusCode).toBe(200);
      expect(again.json().report.id).toBe(report.id);
      expect((await call(t, a, "POST", url(team, `/messages/${bad.seq}/report`))).statusCode).toBe(200);

      const forLeader = await call(t, leader, "GET", url(team, "/reports"));
      expect(forLeader.statusCode).toBe(200);
      expect(forLeader.json().reports).toEqual([report]);
      expect(forLeader.body).not.toContain(a.member.id);
      expect((await call(t, a, "GET", url(team, "/reports"))).statusCode).toBe(403);

      // The reason is encrypted at rest.
      const row = await t.db
        .selectFrom("team_reports")
        .selectAll()
        .where("id", "=", report.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain("Mean to me");

      expect((await call(t, b, "POST", url(team, `/messages/${bad.seq}/report`), {})).statusCode).toBe(422);
      expect((await call(t, a, "POST", url(team, "/messages/99/report"), {})).statusCode).toBe(404);
      const tooLong = await call(t, a, "POST", url(team, `/messages/${bad.seq}/report`), {
        reason: "x".repeat(501),
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.fields).toHaveProperty("reason");
      expect(
        (await call(t, a, "POST", url(team, `/messages/${bad.seq}/report`), { why: "x" })).statusCode,
      ).toBe(400);

      const resolved = await call(t, leader, "POST", url(team, `/reports/${report.id}/resolve`));
      expect(resolved.statusCode).toBe(204);
      expect((await call(t, leader, "GET", url(team, "/reports"))).json().reports[0].resolvedAt).toBe(
        "2026-12-03T15:00:00.000Z",
      );
      expect((await call(t, a, "POST", url(team, `/reports/${report.id}/resolve`))).statusCode).toBe(403);
    });

    it("does not show a leader the reports about their own messages; the operator sees them", async () => {
      const leader = await buildMember(t);
      const reporter = await buildMember(t);
      const operator = await buildMember(t);
      await grant(operator);
      const other = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [reporter, other] });
      const fromLeader = await buildMessage(t, leader, team, { text: "a leader's sharp words" });
      const fromReporter = await buildMessage(t, reporter, team, { text: "ordinary words" });
      expect(
        (await call(t, reporter, "POST", url(team, `/messages/${fromLeader.seq}/report`), {})).statusCode,
      ).toBe(201);
      expect(
        (await call(t, other, "POST", url(team, `/messages/${fromReporter.seq}/report`), {})).statusCode,
      ).toBe(201);

      const seenByLeader = (await call(t, leader, "GET", url(team, "/reports"))).json().reports as Report[];
      expect(seenByLeader.map((r) => r.message.seq)).toEqual([fromReporter.seq]);
      const queue = (await call(t, operator, "GET", "/api/v1/operator/reports")).json().reports as Report[];
      const ofTeam = queue.filter((r) => r.teamId === team.id).map((r) => r.message.seq);
      expect(ofTeam.sort()).toEqual([fromLeader.seq, fromReporter.seq].sort());
    });

    it("lets the operator see every team's reports and act in any team; anyone else gets 404 at the queue", async () => {
      const operator = await buildMember(t);
      const leader = await buildMember(t);
      const [a, b] = [await buildMember(t), await buildMember(t)];
      const team = await buildTeam(t, leader, { members: [a, b] });
      const bad = await buildMessage(t, b, team, { text: "spam spam" });
      await call(t, a, "POST", url(team, `/messages/${bad.seq}/report`), {});

      expect((await call(t, operator, "GET", "/api/v1/operator/reports")).statusCode).toBe(404);
      expect((await call(t, leader, "GET", "/api/v1/operator/reports")).statusCode).toBe(404);
      expect(await grant(operator)).toEqual([`${operator.username.toUpperCase()} is now an operator.`]);

      const queue = await call(t, operator, "GET", "/api/v1/operator/reports");
      expect(queue.statusCode).toBe(200);
      const mine = (queue.json().reports as Report[]).filter((r) => r.teamId === team.id);
      expect(mine.map((r) => [r.message.seq, r.message.text])).toEqual([[bad.seq, "spam spam"]]);

      // The operator is not in the team, yet moderates it; reading its chat is still for members only.
      expect((await call(t, operator, "GET", url(team, "/messages"))).statusCode).toBe(404);
      expect((await call(t, operator, "GET", url(team, "/reports"))).statusCode).toBe(200);
      expect((await call(t, operator, "DELETE", url(team, `/messages/${bad.seq}`))).statusCode).toBe(204);
      expect((await history(a, team))[0]).toMatchObject({ seq: bad.seq, deleted: true, text: null });
      expect((await call(t, operator, "DELETE", url(team, `/members/${b.member.id}`))).statusCode).toBe(204);
      expect(await teamOf(b, team)).toBeUndefined();
      expect((await call(t, operator, "DELETE", url(team, `/members/${leader.member.id}`))).statusCode).toBe(
        204,
      );
      expect((await teamOf(a, team))?.role).toBe("leader");
      // An unknown team is still unknown to the operator.
      expect(
        (await call(t, operator, "DELETE", `/api/v1/teams/${randomUUID()}/members/${a.member.id}`))
          .statusCode,
      ).toBe(404);

      await grant(operator, "revoke");
      expect((await call(t, operator, "GET", "/api/v1/operator/reports")).statusCode).toBe(404);
      const lines: string[] = [];
      expect(await runOperatorCommand(t.db, ["grant", "no_such_member"], (l) => lines.push(l))).toBe(1);
      expect(await runOperatorCommand(t.db, ["promote"], (l) => lines.push(l))).toBe(64);
    });
  });

  describe("blocks", () => {
    it("hides a blocked member's messages everywhere for the blocker, and they never raise the unread count", async () => {
      const leader = await buildMember(t);
      const [a, b] = [await buildMember(t), await buildMember(t)];
      const team = await buildTeam(t, leader, { members: [a, b] });
      const blocked = await call(t, a, "POST", "/api/v1/blocks", { memberId: b.member.id });
      expect(blocked.statusCode).toBe(201);
      expect(blocked.json().block).toEqual({
        memberId: b.member.id,
        alias: b.username,
        createdAt: "2026-12-03T15:00:00.000Z",
      });
      expect((await call(t, a, "POST", "/api/v1/blocks", { memberId: b.member.id })).statusCode).toBe(200);

      await buildMessage(t, b, team, { text: "from b" });
      await call(t, b, "POST", url(team, "/reach-out"));
      await buildMessage(t, leader, team, { text: "from leader" });
      expect((await history(a, team)).map((m) => m.text)).toEqual(["from leader"]);
      expect(await teamOf(a, team)).toMatchObject({ lastSeq: 3, unread: 1 });
      // Everyone else still sees everything.
      expect((await history(leader, team)).map((m) => m.kind)).toEqual(["text", "reach_out", "text"]);
      expect(await teamOf(leader, team)).toMatchObject({ unread: 2 });

      expect(
        (await call(t, a, "GET", "/api/v1/blocks"))
          .json()
          .blocks.map((x: { memberId: string }) => x.memberId),
      ).toEqual([b.member.id]);
      expect((await call(t, b, "GET", "/api/v1/blocks")).json().blocks).toEqual([]);
      expect((await call(t, a, "DELETE", `/api/v1/blocks/${b.member.id}`)).statusCode).toBe(204);
      expect((await call(t, a, "DELETE", `/api/v1/blocks/${b.member.id}`)).statusCode).toBe(404);
      expect((await history(a, team)).map((m) => m.seq)).toEqual([1, 2, 3]);
      expect(await teamOf(a, team)).toMatchObject({ unread: 3 });

      const self = await call(t, a, "POST", "/api/v1/blocks", { memberId: a.member.id });
      expect(self.statusCode).toBe(422);
      expect(self.json().error.fields).toHaveProperty("memberId");
      expect((await call(t, a, "POST", "/api/v1/blocks", { memberId: randomUUID() })).statusCode).toBe(404);
      for (const body of [{}, { memberId: "b" }, { memberId: b.member.id, why: "x" }]) {
        expect((await call(t, a, "POST", "/api/v1/blocks", body)).statusCode).toBe(400);
      }
      expect((await call(t, a, "DELETE", "/api/v1/blocks/not-an-id")).statusCode).toBe(400);
    });

    it("blocks a former teammate whose messages are still there, but answers 404 for anyone the member never met in a team", async () => {
      const [leader, gone, stranger] = [await buildMember(t), await buildMember(t), await buildMember(t)];
      const team = await buildTeam(t, leader, { members: [gone] });
      await buildMessage(t, gone, team, { text: "before I left" });
      expect((await call(t, gone, "POST", url(team, "/leave"))).statusCode).toBe(204);

      expect((await call(t, leader, "POST", "/api/v1/blocks", { memberId: gone.member.id })).statusCode).toBe(
        201,
      );
      const unmet = await call(t, leader, "POST", "/api/v1/blocks", { memberId: stranger.member.id });
      const unknown = await call(t, leader, "POST", "/api/v1/blocks", { memberId: randomUUID() });
      expect(unmet.statusCode).toBe(404);
      expect(unmet.body).toBe(unknown.body);
      // Leaving also ends what the one who left can see: the team's members are strangers to them now.
      expect((await call(t, gone, "POST", "/api/v1/blocks", { memberId: leader.member.id })).statusCode).toBe(
        404,
      );
      expect((await call(t, leader, "GET", "/api/v1/blocks")).json().blocks).toHaveLength(1);
    });
  });
});
