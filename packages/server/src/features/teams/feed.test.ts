import type { Message } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildCheckin,
  buildMember,
  buildRecovery,
  buildTeam,
  call,
  type TestMember,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("team feed", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  // 10:00 on 2026-12-03 in New York.
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const feedOf = async (who: TestMember, team: { id: string }): Promise<Message[]> => {
    const response = await call(t, who, "GET", `/api/v1/teams/${team.id}/messages`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain("zebra");
    return (response.json().messages as Message[]).filter(
      (m) => m.kind === "checkin" || m.kind === "milestone",
    );
  };
  /** A member 7 days into a recovery (a milestone today), in a team with a teammate. */
  const world = async () => {
    const member = await buildMember(t, { timezone: "America/New_York" });
    const recovery = await buildRecovery(t, member, { startDate: "2026-11-26" });
    const mate = await buildMember(t);
    const team = await buildTeam(t, mate, { members: [member] });
    return { member, mate, team, recovery };
  };

  describe("sharing choices", () => {
    it("defaults to check-ins and milestones, without mood or craving; PUT replaces them all", async () => {
      const member = await buildMember(t);
      const initial = await call(t, member, "GET", "/api/v1/me/sharing");
      expect(initial.json()).toEqual({
        sharing: { checkins: true, milestones: true, mood: false, craving: false },
      });
      const all = { checkins: true, milestones: false, mood: true, craving: true };
      const saved = await call(t, member, "PUT", "/api/v1/me/sharing", all);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toEqual({ sharing: all });
      expect((await call(t, member, "GET", "/api/v1/me/sharing")).json()).toEqual({ sharing: all });
      for (const [body, field] of [
        [{ ...all, note: true }, "note"],
        [{ checkins: true, milestones: true, mood: true }, "craving"],
        [{ ...all, mood: "yes" }, "mood"],
      ] as const) {
        const response = await call(t, member, "PUT", "/api/v1/me/sharing", body);
        expect(response.statusCode).toBe(400);
        expect(Object.keys(response.json().error.fields)).toEqual([field]);
      }
      expect((await call(t, member, "GET", "/api/v1/me/sharing")).json()).toEqual({ sharing: all });
    });
  });

  describe("check-ins in the feed", () => {
    it("posts today's check-in with the day count, and the milestone, by default — never mood, craving or note", async () => {
      const { member, mate, team } = await world();
      await buildCheckin(t, member, "2026-12-03", { mood: 2, craving: 8, note: "zebra private words" });
      const feed = await feedOf(mate, team);
      expect(feed.map((m) => [m.kind, m.author?.id, m.data, m.text])).toEqual([
        ["checkin", member.member.id, { date: "2026-12-03", days: 7 }, null],
        ["milestone", member.member.id, { date: "2026-12-03", days: 7 }, null],
      ]);
      expect((await call(t, mate, "GET", "/api/v1/teams")).json().teams[0].unread).toBe(2);
      // Encrypted at rest like any message.
      const rows = await t.db
        .selectFrom("team_messages")
        .selectAll()
        .where("team_id", "=", team.id)
        .execute();
      expect(rows.every((r) => r.data_enc?.startsWith("v1."))).toBe(true);
    });

    it("posts once per day per team: editing today's check-in posts nothing new", async () => {
      const { member, mate, team } = await world();
      await buildCheckin(t, member, "2026-12-03");
      await buildCheckin(t, member, "2026-12-03", { mood: 5 });
      t.clock.advance(3 * 3_600_000);
      await buildCheckin(t, member, "2026-12-03", { mood: 1 });
      expect((await feedOf(mate, team)).map((m) => m.kind)).toEqual(["checkin", "milestone"]);
    });

    it("posts nothing for a late or corrected past day, only for the member's today", async () => {
      const { member, mate, team } = await world();
      await buildCheckin(t, member, "2026-12-02");
      await buildCheckin(t, member, "2026-11-30");
      expect(await feedOf(mate, team)).toEqual([]);
      // 04:30 UTC on 12-04 is still 12-03 in New York.
      t.clock.set("2026-12-04T04:30:00Z");
      await buildCheckin(t, member, "2026-12-03");
      expect((await feedOf(mate, team)).map((m) => m.data?.date)).toEqual(["2026-12-03", "2026-12-03"]);
    });

    it("adds mood and craving only when the member opts in, and posts nothing when they share nothing", async () => {
      const { member, mate, team } = await world();
      await call(t, member, "PUT", "/api/v1/me/sharing", {
        checkins: true,
        milestones: false,
        mood: true,
        craving: true,
      });
      await buildCheckin(t, member, "2026-12-03", { mood: 4, craving: 6, note: "zebra" });
      expect((await feedOf(mate, team)).map((m) => [m.kind, m.data])).toEqual([
        ["checkin", { date: "2026-12-03", days: 7, mood: 4, craving: 6 }],
      ]);

      const quiet = await world();
      await call(t, quiet.member, "PUT", "/api/v1/me/sharing", {
        checkins: false,
        milestones: false,
        mood: true,
        craving: true,
      });
      await buildCheckin(t, quiet.member, "2026-12-03");
      expect(await feedOf(quiet.mate, quiet.team)).toEqual([]);
    });

    it("posts to each of the member's teams, and a member without recoveries has no day count", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      const [m1, m2] = [await buildMember(t), await buildMember(t)];
      const t1 = await buildTeam(t, m1, { members: [member] });
      const t2 = await buildTeam(t, m2, { members: [member] });
      await buildCheckin(t, member, "2026-12-03");
      for (const [mate, team] of [
        [m1, t1],
        [m2, t2],
      ] as const) {
        expect((await feedOf(mate, team)).map((m) => m.data)).toEqual([{ date: "2026-12-03", days: null }]);
      }
    });
  });
});
