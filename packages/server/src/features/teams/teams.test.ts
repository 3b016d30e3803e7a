import type { Team, TeamDetail } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildInvite,
  buildMember,
  buildMessage,
  buildTeam,
  call,
  type TestMember,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("teams", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { TEAM_MAX_MEMBERS: "4" });
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const teamsOf = async (who: TestMember): Promise<Team[]> => {
    const response = await call(t, who, "GET", "/api/v1/teams");
    expect(response.statusCode).toBe(200);
    return response.json().teams;
  };
  const detailOf = async (who: TestMember, teamId: string): Promise<TeamDetail> => {
    const response = await call(t, who, "GET", `/api/v1/teams/${teamId}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const teamRows = async () => (await t.db.selectFrom("teams").select("id").execute()).length;

  describe("creating and listing", () => {
    it("makes the creator the leader of a new team, listed with counts", async () => {
      const sam = await buildMember(t);
      const response = await call(t, sam, "POST", "/api/v1/teams", { name: "  Evening group  " });
      expect(response.statusCode).toBe(201);
      const team = response.json().team as Team;
      expect(team).toEqual({
        id: team.id,
        name: "Evening group",
        role: "leader",
        memberCount: 1,
        lastSeq: 0,
        readSeq: 0,
        unread: 0,
      });
      expect(await teamsOf(sam)).toEqual([team]);
    });

    it("shows members under their alias only: display name, or username", async () => {
      const leader = await buildMember(t);
      await call(t, leader, "PATCH", "/api/v1/me", { displayName: "Sam" });
      const other = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [other] });
      const detail = await detailOf(other, team.id);
      expect(detail.team.role).toBe("member");
      expect(detail.members).toEqual([
        { id: leader.member.id, alias: "Sam", role: "leader", muted: false },
        { id: other.member.id, alias: other.username, role: "member", muted: false },
      ]);
      expect(JSON.stringify(detail)).not.toMatch(/username|password|timezone|region/);
    });

    it("refuses bad input naming the field, and writes nothing", async () => {
      const sam = await buildMember(t);
      const before = await teamRows();
      const cases: [unknown, string][] = [
        [{ name: "" }, "name"],
        [{ name: "   " }, "name"],
        [{ name: "x".repeat(61) }, "name"],
        [{ name: 5 }, "name"],
        [{}, "name"],
        [{ name: "Ok", colour: "red" }, "colour"],
      ];
      for (const [body, field] of cases) {
        const response = await call(t, sam, "POST", "/api/v1/teams", body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(Object.keys(response.json().error.fields)).toContain(field);
      }
      expect(await teamRows()).toBe(before);
      const badId = await call(t, sam, "GET", "/api/v1/teams/not-a-uuid");
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields).toHaveProperty("id");
    });
  });

  it("refuses malformed ids and sequence numbers in every team path, naming the field", async () => {
    const leader = await buildMember(t);
    const member = await buildMember(t);
    const team = await buildTeam(t, leader, { members: [member] });
    const base = `/api/v1/teams/${team.id}`;
    const m = member.member.id;
    const cases: [Parameters<typeof call>[2], string, unknown, string][] = [
      ["POST", "/api/v1/teams/x/leave", undefined, "id"],
      ["POST", `${base}/leader`, { memberId: "someone" }, "memberId"],
      ["POST", `${base}/leader`, {}, "memberId"],
      ["DELETE", `${base}/members/42`, undefined, "memberId"],
      ["POST", `${base}/members/42/mute`, { minutes: 5 }, "memberId"],
      ["DELETE", `${base}/invites/abc`, undefined, "inviteId"],
      ["DELETE", `${base}/messages/abc`, undefined, "seq"],
      ["DELETE", `${base}/messages/-1`, undefined, "seq"],
      ["POST", `${base}/messages/1.5/reactions`, { emoji: "💪" }, "seq"],
      ["POST", `${base}/messages/x/report`, {}, "seq"],
      ["POST", `${base}/reports/r1/resolve`, undefined, "reportId"],
      ["POST", `${base}/reach-out`, { clientId: "again" }, "clientId"],
      ["POST", `${base}/reach-out`, { urgent: true }, "urgent"],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await call(t, leader, method, path, body);
      expect(response.statusCode, `${method} ${path}`).toBe(400);
      expect(Object.keys(response.json().error.fields), `${method} ${path}`).toContain(field);
    }
    expect((await detailOf(leader, team.id)).members.map((x) => [x.id, x.role, x.muted])).toEqual([
      [leader.member.id, "leader", false],
      [m, "member", false],
    ]);
    expect(
      await t.db.selectFrom("team_messages").select("seq").where("team_id", "=", team.id).execute(),
    ).toEqual([]);
  });

  describe("invites", () => {
    it("gives a human-typable code shown once, stored only as a hash, with a /join link", async () => {
      const leader = await buildMember(t);
      const team = await buildTeam(t, leader);
      const response = await call(t, leader, "POST", `/api/v1/teams/${team.id}/invites`, {
        expiresInDays: 3,
      });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(body.link).toBe(`/join/${body.code}`);
      expect(body.invite).toEqual({
        id: body.invite.id,
        status: "active",
        createdAt: "2026-12-03T15:00:00.000Z",
        expiresAt: "2026-12-06T15:00:00.000Z",
      });
      const stored = await t.db
        .selectFrom("team_invites")
        .selectAll()
        .where("id", "=", body.invite.id)
        .execute();
      expect(JSON.stringify(stored)).not.toContain(body.code);
      expect(JSON.stringify(stored)).not.toContain(body.code.replaceAll("-", ""));
      const listed = await call(t, leader, "GET", `/api/v1/teams/${team.id}/invites`);
      expect(listed.json().invites).toEqual([body.invite]);
      expect(listed.body).not.toContain(body.code);
    });

    it("joins with the code typed in lower case with spaces, or pasted as a link; joining twice is safe", async () => {
      const leader = await buildMember(t);
      const team = await buildTeam(t, leader);
      const code = await buildInvite(t, leader, team.id);
      const a = await buildMember(t);
      const typed = await call(t, a, "POST", "/api/v1/teams/join", {
        code: ` ${code.toLowerCase().replaceAll("-", " ")} `,
      });
      expect(typed.statusCode).toBe(201);
      expect(typed.json().team).toMatchObject({ id: team.id, role: "member", memberCount: 2 });
      expect((await call(t, a, "POST", "/api/v1/teams/join", { code })).statusCode).toBe(200);
      const b = await buildMember(t);
      const linked = await call(t, b, "POST", "/api/v1/teams/join", {
        code: `https://cairn.example.org/join/${code}`,
      });
      expect(linked.statusCode).toBe(201);
      expect((await detailOf(leader, team.id)).members).toHaveLength(3);
    });

    it("refuses an unknown code (404), an expired or revoked one (410), and a full team (409), in one clear sentence", async () => {
      const leader = await buildMember(t);
      const team = await buildTeam(t, leader);
      const joiner = await buildMember(t);

      const unknown = await call(t, joiner, "POST", "/api/v1/teams/join", { code: "ABCD-EFGH-JKMN" });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.fields).toEqual({ code: "No team has this invite code" });

      const expiring = await buildInvite(t, leader, team.id, 1);
      t.clock.advance(24 * 3_600_000);
      const expired = await call(t, joiner, "POST", "/api/v1/teams/join", { code: expiring });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().error).toMatchObject({
        code: "invite_expired",
        fields: { code: "This invite no longer works" },
      });

      const revocable = await call(t, leader, "POST", `/api/v1/teams/${team.id}/invites`, {
        expiresInDays: null,
      });
      const { code, invite } = revocable.json();
      expect(invite.expiresAt).toBeNull();
      expect(
        (await call(t, leader, "DELETE", `/api/v1/teams/${team.id}/invites/${invite.id}`)).statusCode,
      ).toBe(204);
      expect((await call(t, joiner, "POST", "/api/v1/teams/join", { code })).statusCode).toBe(410);
      const statuses = (await call(t, leader, "GET", `/api/v1/teams/${team.id}/invites`)).json().invites;
      expect(statuses.map((i: { status: string }) => i.status).sort()).toEqual(["expired", "revoked"]);
      expect(await teamsOf(joiner)).toEqual([]);

      // TEAM_MAX_MEMBERS=4 in this suite.
      const open = await buildInvite(t, leader, team.id);
      for (let i = 0; i < 3; i++) {
        expect(
          (await call(t, await buildMember(t), "POST", "/api/v1/teams/join", { code: open })).statusCode,
        ).toBe(201);
      }
      const full = await call(t, joiner, "POST", "/api/v1/teams/join", { code: open });
      expect(full.statusCode).toBe(409);
      expect(full.json().error.fields).toEqual({ code: "This team is full (4 members)" });
      expect((await detailOf(leader, team.id)).members).toHaveLength(4);
    });

    it("names the team an invite opens, and its size, without joining; unknown and withdrawn codes are refused as when joining", async () => {
      const leader = await buildMember(t);
      const team = await buildTeam(t, leader, { name: "Sunday evening circle" });
      const made = (await call(t, leader, "POST", `/api/v1/teams/${team.id}/invites`, {})).json();
      const visitor = await buildMember(t);

      const preview = await call(t, visitor, "POST", "/api/v1/teams/join/preview", {
        code: `https://cairn.example.org/join/${made.code}`,
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toEqual({ team: { name: "Sunday evening circle", memberCount: 1 } });
      expect(await teamsOf(visitor)).toEqual([]);
      expect((await detailOf(leader, team.id)).members).toHaveLength(1);

      const unknown = await call(t, visitor, "POST", "/api/v1/teams/join/preview", {
        code: "ABCD-EFGH-JKMN",
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.fields).toEqual({ code: "No team has this invite code" });
      await call(t, leader, "DELETE", `/api/v1/teams/${team.id}/invites/${made.invite.id}`);
      const withdrawn = await call(t, visitor, "POST", "/api/v1/teams/join/preview", { code: made.code });
      expect(withdrawn.statusCode).toBe(410);
      expect(withdrawn.json().error.code).toBe("invite_expired");
    });

    it("lets only one of several members racing for the last seat in", async () => {
      const leader = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [await buildMember(t), await buildMember(t)] });
      const code = await buildInvite(t, leader, team.id);
      const racers = await Promise.all([1, 2, 3, 4].map(() => buildMember(t)));
      const answers = await Promise.all(
        racers.map((r) => call(t, r, "POST", "/api/v1/teams/join", { code })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
      expect((await detailOf(leader, team.id)).members).toHaveLength(4);
    });

    it("lets only leaders make, list and revoke invites", async () => {
      const leader = await buildMember(t);
      const member = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [member] });
      const made = (await call(t, leader, "POST", `/api/v1/teams/${team.id}/invites`, {})).json();
      expect(made.invite.expiresAt).toBe("2026-12-10T15:00:00.000Z");
      expect((await call(t, member, "POST", `/api/v1/teams/${team.id}/invites`, {})).statusCode).toBe(403);
      expect((await call(t, member, "GET", `/api/v1/teams/${team.id}/invites`)).statusCode).toBe(403);
      expect(
        (await call(t, member, "DELETE", `/api/v1/teams/${team.id}/invites/${made.invite.id}`)).statusCode,
      ).toBe(403);
      for (const body of [{ expiresInDays: 0 }, { expiresInDays: 91 }, { expiresInDays: 1.5 }, { days: 2 }]) {
        const response = await call(t, leader, "POST", `/api/v1/teams/${team.id}/invites`, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
      }
      for (const body of [
        {},
        { code: "abc" },
        { code: "x".repeat(65) },
        { code: "ABCD-EFGH-JKMN", extra: 1 },
      ]) {
        for (const path of ["/api/v1/teams/join", "/api/v1/teams/join/preview"]) {
          const response = await call(t, member, "POST", path, body);
          expect(response.statusCode, `${path} ${JSON.stringify(body)}`).toBe(400);
          expect(Object.keys(response.json().error.fields).length).toBeGreaterThan(0);
        }
      }
    });
  });

  describe("leaving and leadership", () => {
    it("hands the lead to another member; the old leader becomes a member", async () => {
      const leader = await buildMember(t);
      const next = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [next] });
      const response = await call(t, leader, "POST", `/api/v1/teams/${team.id}/leader`, {
        memberId: next.member.id,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().team.role).toBe("member");
      expect((await detailOf(next, team.id)).team.role).toBe("leader");
      // Now only the new leader can hand over; a member who is not in the team cannot receive it.
      expect(
        (await call(t, leader, "POST", `/api/v1/teams/${team.id}/leader`, { memberId: leader.member.id }))
          .statusCode,
      ).toBe(403);
      const stranger = await buildMember(t);
      expect(
        (await call(t, next, "POST", `/api/v1/teams/${team.id}/leader`, { memberId: stranger.member.id }))
          .statusCode,
      ).toBe(404);
    });

    it("passes the lead to the longest-standing member when the last leader leaves; a team can end up empty", async () => {
      const leader = await buildMember(t);
      const team = await buildTeam(t, leader);
      const code = await buildInvite(t, leader, team.id);
      const first = await buildMember(t);
      const second = await buildMember(t);
      t.clock.advance(60_000);
      await call(t, first, "POST", "/api/v1/teams/join", { code });
      t.clock.advance(60_000);
      await call(t, second, "POST", "/api/v1/teams/join", { code });

      expect((await call(t, leader, "POST", `/api/v1/teams/${team.id}/leave`)).statusCode).toBe(204);
      expect(await teamsOf(leader)).toEqual([]);
      expect((await call(t, leader, "GET", `/api/v1/teams/${team.id}`)).statusCode).toBe(404);
      const roles = Object.fromEntries((await detailOf(first, team.id)).members.map((m) => [m.id, m.role]));
      expect(roles).toEqual({ [first.member.id]: "leader", [second.member.id]: "member" });

      expect((await call(t, first, "POST", `/api/v1/teams/${team.id}/leave`)).statusCode).toBe(204);
      expect((await detailOf(second, team.id)).team.role).toBe("leader");
      expect((await call(t, second, "POST", `/api/v1/teams/${team.id}/leave`)).statusCode).toBe(204);
      expect(
        await t.db.selectFrom("team_members").select("member_id").where("team_id", "=", team.id).execute(),
      ).toEqual([]);
      // Leaving twice: no longer in the team.
      expect((await call(t, second, "POST", `/api/v1/teams/${team.id}/leave`)).statusCode).toBe(404);
    });

    it("lets a member who left come back with an invite, seeing only what is said after their return", async () => {
      const leader = await buildMember(t);
      const member = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [member] });
      await buildMessage(t, leader, team, { text: "before you left" });
      await call(t, member, "POST", `/api/v1/teams/${team.id}/leave`);
      await buildMessage(t, leader, team, { text: "while you were away" });
      const code = await buildInvite(t, leader, team.id);
      expect((await call(t, member, "POST", "/api/v1/teams/join", { code })).statusCode).toBe(201);
      await buildMessage(t, leader, team, { text: "welcome back" });
      const history = (await call(t, member, "GET", `/api/v1/teams/${team.id}/messages`)).json().messages;
      expect(history.map((m: { text: string }) => m.text)).toEqual(["welcome back"]);
      expect((await teamsOf(member))[0]).toMatchObject({ lastSeq: 3, readSeq: 2, unread: 1 });
    });
  });

  describe("mute and removal", () => {
    it("mutes a member for some minutes: they read along but cannot post (403 muted) until it ends", async () => {
      const leader = await buildMember(t);
      const member = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [member] });
      const url = `/api/v1/teams/${team.id}/members/${member.member.id}/mute`;
      const muted = await call(t, leader, "POST", url, { minutes: 30 });
      expect(muted.statusCode).toBe(200);
      expect(muted.json().member).toEqual({
        id: member.member.id,
        alias: member.username,
        role: "member",
        muted: true,
      });
      const refused = await call(t, member, "POST", `/api/v1/teams/${team.id}/messages`, {
        clientId: crypto.randomUUID(),
        text: "hello?",
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe("muted");
      expect((await call(t, member, "GET", `/api/v1/teams/${team.id}/messages`)).statusCode).toBe(200);
      t.clock.advance(30 * 60_000 + 1);
      await buildMessage(t, member, team, { text: "back" });

      await call(t, leader, "POST", url, { minutes: null });
      t.clock.advance(7 * 86_400_000);
      expect((await detailOf(leader, team.id)).members[1]?.muted).toBe(true);
      const unmuted = await call(t, leader, "DELETE", url);
      expect(unmuted.json().member.muted).toBe(false);
      await buildMessage(t, member, team, { text: "thanks" });

      expect(
        (
          await call(t, member, "POST", `/api/v1/teams/${team.id}/members/${leader.member.id}/mute`, {
            minutes: 5,
          })
        ).statusCode,
      ).toBe(403);
      for (const body of [{ minutes: 0 }, { minutes: 60 * 24 * 31 }, {}, { minutes: "5" }]) {
        expect((await call(t, leader, "POST", url, body)).statusCode, JSON.stringify(body)).toBe(400);
      }
      expect(
        (
          await call(t, leader, "POST", `/api/v1/teams/${team.id}/members/${leader.member.id}/mute`, {
            minutes: 5,
          })
        ).statusCode,
      ).toBe(422);
    });

    it("C13: a removed member gets nothing over HTTP for that team, and an old invite does not bring them back", async () => {
      const leader = await buildMember(t);
      const u = await buildMember(t);
      const v = await buildMember(t);
      const team = await buildTeam(t, leader, { members: [u, v] });
      const code = await buildInvite(t, leader, team.id);
      const first = await buildMessage(t, u, team, { text: "hi all" });

      expect((await call(t, u, "DELETE", `/api/v1/teams/${team.id}/members/${v.member.id}`)).statusCode).toBe(
        403,
      );
      expect(
        (await call(t, leader, "DELETE", `/api/v1/teams/${team.id}/members/${u.member.id}`)).statusCode,
      ).toBe(204);
      await buildMessage(t, v, team, { text: "test after removal" });

      const base = `/api/v1/teams/${team.id}`;
      const attempts = [
        call(t, u, "GET", base),
        call(t, u, "GET", `${base}/messages`),
        call(t, u, "GET", `${base}/messages?after=0`),
        call(t, u, "POST", `${base}/messages`, { clientId: crypto.randomUUID(), text: "still here?" }),
        call(t, u, "POST", `${base}/messages`, { clientId: first.clientId, text: "hi all" }),
        call(t, u, "POST", `${base}/read`, { seq: 2 }),
        call(t, u, "POST", `${base}/reach-out`),
        call(t, u, "POST", `${base}/messages/2/reactions`, { emoji: "💪" }),
        call(t, u, "POST", `${base}/messages/2/report`, {}),
        call(t, u, "POST", `${base}/leave`),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.statusCode, response.body).toBe(404);
        expect(response.body).not.toContain("test after removal");
      }
      expect(await teamsOf(u)).toEqual([]);
      const rejoin = await call(t, u, "POST", "/api/v1/teams/join", { code });
      expect(rejoin.statusCode).toBe(403);
      expect((await detailOf(leader, team.id)).members.map((m) => m.id)).not.toContain(u.member.id);
      expect((await call(t, leader, "DELETE", `${base}/members/${u.member.id}`)).statusCode).toBe(404);
      expect((await call(t, leader, "DELETE", `${base}/members/${leader.member.id}`)).statusCode).toBe(422);
    });
  });
});
