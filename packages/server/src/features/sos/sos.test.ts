import { randomUUID } from "node:crypto";
import type { SosEpisode, SosList } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildMember,
  buildPlan,
  buildSosEpisode,
  call,
  planInput,
  type TestMember,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

const START = "2026-12-03T15:00:00.000Z";
const PLAN_TRIGGER = "4c3f9a52-2d1e-4b8e-9d55-0f4c2b7a1e01";

describeEachDatabase("craving SOS", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(START));

  const listOf = async (who: TestMember, query = ""): Promise<SosList> => {
    const response = await call(t, who, "GET", `/api/v1/sos${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const rowsOf = async (who: TestMember) =>
    t.db.selectFrom("sos_episodes").selectAll().where("member_id", "=", who.member.id).execute();
  const end = (who: TestMember, id: string, body: unknown) =>
    call(t, who, "PATCH", `/api/v1/sos/${id}`, body);

  describe("POST /api/v1/sos", () => {
    it("starts an episode at the server's clock with the craving, trigger and timer length", async () => {
      const member = await buildMember(t);
      await buildPlan(t, member, {
        triggers: [{ id: PLAN_TRIGGER, kind: "time", label: "Payday", copingSteps: ["Call Sam"] }],
      });
      const response = await call(t, member, "POST", "/api/v1/sos", {
        craving: 8,
        trigger: "Payday",
        planTriggerId: PLAN_TRIGGER,
        minutes: 20,
      });
      expect(response.statusCode).toBe(201);
      const episode: SosEpisode = response.json().episode;
      expect(episode).toEqual({
        id: expect.any(String),
        startedAt: START,
        endedAt: null,
        minutes: 20,
        cravingStart: 8,
        cravingEnd: null,
        trigger: "Payday",
        planTriggerId: PLAN_TRIGGER,
        helped: [],
        note: null,
        durationSeconds: null,
      });
      expect(response.json().support).toEqual({ danger: [] });
    });

    it("runs the timer for 15 minutes unless told, and needs no trigger", async () => {
      const member = await buildMember(t);
      const episode = await buildSosEpisode(t, member, { craving: 0 });
      expect(episode).toMatchObject({ minutes: 15, cravingStart: 0, trigger: null, planTriggerId: null });
    });

    it("keeps what set the urge off encrypted at rest", async () => {
      const member = await buildMember(t);
      await buildSosEpisode(t, member, { trigger: "my brother's calls" });
      const [row] = await rowsOf(member);
      expect(row?.trigger_enc).toBeTruthy();
      expect(JSON.stringify(row)).not.toContain("brother");
    });

    it("refuses bad input naming the field, and writes nothing", async () => {
      const member = await buildMember(t);
      const cases: [unknown, string][] = [
        [{ craving: 11 }, "craving"],
        [{ craving: -1 }, "craving"],
        [{ craving: "high" }, "craving"],
        [{}, "craving"],
        [{ craving: 5, trigger: "" }, "trigger"],
        [{ craving: 5, trigger: "x".repeat(81) }, "trigger"],
        [{ craving: 5, planTriggerId: "not-an-id" }, "planTriggerId"],
        [{ craving: 5, minutes: 0 }, "minutes"],
        [{ craving: 5, minutes: 61 }, "minutes"],
        [{ craving: 5, startedAt: "2026-01-01T00:00:00Z" }, "startedAt"],
      ];
      for (const [body, field] of cases) {
        const response = await call(t, member, "POST", "/api/v1/sos", body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(Object.keys(response.json().error.fields), JSON.stringify(body)).toEqual([field]);
      }
      expect(await rowsOf(member)).toEqual([]);
    });

    it("refuses a planTriggerId that isn't in the member's own current plan with 422 naming it, writing nothing", async () => {
      const member = await buildMember(t);
      const other = await buildMember(t);
      const othersTrigger = (await buildPlan(t, other)).plan.triggers[0]?.id;
      const start = (planTriggerId: string | undefined) =>
        call(t, member, "POST", "/api/v1/sos", { craving: 6, planTriggerId });
      // No plan yet: no trigger id is the member's.
      expect((await start(othersTrigger)).statusCode).toBe(422);
      // A plan of their own, then a newer version without the first trigger: only current triggers count.
      const first = planInput();
      await buildPlan(t, member, first);
      const removed = first.triggers[0]?.id;
      await buildPlan(t, member, { ...first, triggers: planInput().triggers });
      for (const id of [othersTrigger, removed, randomUUID()]) {
        const response = await start(id);
        expect(response.statusCode, id).toBe(422);
        expect(response.json().error.fields).toEqual({
          planTriggerId: "That isn't one of the triggers in your plan",
        });
      }
      expect(await rowsOf(member)).toEqual([]);
    });

    it("answers danger language in the trigger with the kinds found, so help opens at once", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "POST", "/api/v1/sos", {
        craving: 10,
        trigger: "I want to kill myself",
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().support).toEqual({ danger: ["suicide"] });
    });
  });

  describe("PATCH /api/v1/sos/:id", () => {
    it("ends the episode at the server's clock with the new rating and what helped", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member, { craving: 8 });
      t.clock.advance(16 * 60_000 + 30_000);
      const response = await end(member, id, {
        craving: 3,
        helped: ["Breathing", "Called Sam"],
        note: "It passed after the walk",
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        episode: expect.objectContaining({
          id,
          startedAt: START,
          endedAt: "2026-12-03T15:16:30.000Z",
          cravingStart: 8,
          cravingEnd: 3,
          helped: ["Breathing", "Called Sam"],
          note: "It passed after the walk",
          durationSeconds: 990,
        }),
        support: { danger: [] },
      });
      const [row] = await rowsOf(member);
      expect(JSON.stringify(row)).not.toContain("Sam");
      expect(JSON.stringify(row)).not.toContain("walk");
    });

    it("closes an unfinished episode without a rating: it ends, and counts in no average", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member, { craving: 9 });
      t.clock.advance(3 * 24 * 60 * 60_000);
      const response = await end(member, id, { craving: null, helped: [] });
      expect(response.statusCode).toBe(200);
      expect(response.json().episode).toMatchObject({ id, cravingEnd: null, endedAt: expect.any(String) });
      expect((await listOf(member)).summary).toEqual({
        ridden: 0,
        eased: 0,
        averageStart: null,
        averageEnd: null,
      });
      // Once closed, it stays closed: a re-rating afterwards is a different ending.
      expect((await end(member, id, { craving: 2, helped: [] })).statusCode).toBe(409);
    });

    it("takes the same ending again as a retry: the stored episode, unchanged", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member);
      const body = { craving: 2, helped: ["Breathing"], note: null };
      const first = await end(member, id, body);
      t.clock.advance(60_000);
      const again = await end(member, id, body);
      expect(again.statusCode).toBe(200);
      expect(again.json().episode).toEqual(first.json().episode);
    });

    it("refuses a different ending for an episode already ended with a clear 409, and keeps the first", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member);
      const first = await end(member, id, { craving: 2, helped: ["Breathing"] });
      const other = await end(member, id, { craving: 6, helped: [] });
      expect(other.statusCode).toBe(409);
      expect(other.json().error).toEqual({
        code: "conflict",
        message: "This SOS has already ended; start a new one if the urge is back",
      });
      expect((await listOf(member)).episodes[0]).toEqual(first.json().episode);
    });

    it("ends two requests racing for the same episode once", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member);
      const results = await Promise.all([
        end(member, id, { craving: 1, helped: [] }),
        end(member, id, { craving: 9, helped: [] }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const stored = (await listOf(member)).episodes[0];
      const winner = results.find((r) => r.statusCode === 200)?.json().episode;
      expect(stored).toEqual(winner);
    });

    it("reads a duration of 0, never negative, when the server's clock went back between start and end", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member);
      t.clock.advance(-5 * 60_000);
      const response = await end(member, id, { craving: 4, helped: [] });
      expect(response.json().episode.durationSeconds).toBe(0);
    });

    it("opens help for danger language in what helped or the note", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member);
      const response = await end(member, id, {
        craving: 9,
        helped: ["nothing"],
        note: "took too many pills earlier",
      });
      expect(response.json().support).toEqual({ danger: ["overdose"] });
    });

    it("answers 404 for an episode that does not exist, and 400 for a malformed id", async () => {
      const member = await buildMember(t);
      expect((await end(member, randomUUID(), { craving: 1, helped: [] })).statusCode).toBe(404);
      const malformed = await end(member, "42", { craving: 1, helped: [] });
      expect(malformed.statusCode).toBe(400);
      expect(Object.keys(malformed.json().error.fields)).toEqual(["id"]);
    });

    it("refuses bad input naming the field, and leaves the episode open", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member);
      const cases: [unknown, string][] = [
        [{ craving: 11, helped: [] }, "craving"],
        [{ helped: [] }, "craving"],
        [{ craving: 3 }, "helped"],
        [{ craving: 3, helped: ["a", "a"] }, "helped"],
        [{ craving: 3, helped: Array.from({ length: 13 }, (_, i) => `s${i}`) }, "helped"],
        [{ craving: 3, helped: ["x".repeat(201)] }, "helped.0"],
        [{ craving: 3, helped: [], note: "x".repeat(1001) }, "note"],
        [{ craving: 3, helped: [], endedAt: START }, "endedAt"],
      ];
      for (const [body, field] of cases) {
        const response = await end(member, id, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(Object.keys(response.json().error.fields), JSON.stringify(body)).toEqual([field]);
      }
      const [row] = await rowsOf(member);
      expect(row).toMatchObject({ ended_at: null, craving_end: null, helped_enc: null });
    });
  });

  describe("PUT /api/v1/sos/:id/minutes", () => {
    const setMinutes = (who: TestMember, id: string, body: unknown) =>
      call(t, who, "PUT", `/api/v1/sos/${id}/minutes`, body);

    it("keeps a running timer's new length, so a ride picked up elsewhere counts to the same end", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member, { minutes: 15 });
      const longer = await setMinutes(member, id, { minutes: 20 });
      expect(longer.statusCode).toBe(200);
      expect(longer.json().episode).toMatchObject({ id, minutes: 20, endedAt: null, startedAt: START });
      // The same length again (a retry) is the same answer.
      expect((await setMinutes(member, id, { minutes: 20 })).json()).toEqual(longer.json());
      expect((await listOf(member)).episodes[0]?.minutes).toBe(20);
    });

    it("refuses an ended episode with 409 and keeps the length it ended with; 404 for none", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member, { minutes: 15 });
      await end(member, id, { craving: 2, helped: [] });
      const late = await setMinutes(member, id, { minutes: 25 });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe("conflict");
      expect((await listOf(member)).episodes[0]?.minutes).toBe(15);
      expect((await setMinutes(member, randomUUID(), { minutes: 25 })).statusCode).toBe(404);
    });

    it("refuses bad input naming the field, and leaves the timer as it was", async () => {
      const member = await buildMember(t);
      const { id } = await buildSosEpisode(t, member, { minutes: 15 });
      const cases: [string, unknown, string][] = [
        [id, { minutes: 0 }, "minutes"],
        [id, { minutes: 121 }, "minutes"],
        [id, { minutes: 7.5 }, "minutes"],
        [id, {}, "minutes"],
        [id, { minutes: 20, endedAt: START }, "endedAt"],
        ["42", { minutes: 20 }, "id"],
      ];
      for (const [target, body, field] of cases) {
        const response = await setMinutes(member, target, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(Object.keys(response.json().error.fields), JSON.stringify(body)).toEqual([field]);
      }
      const [row] = await rowsOf(member);
      expect(row?.minutes).toBe(15);
    });
  });

  describe("GET /api/v1/sos", () => {
    it("has no episodes and nothing to average before the first SOS", async () => {
      const member = await buildMember(t);
      expect(await listOf(member)).toEqual({
        episodes: [],
        summary: { ridden: 0, eased: 0, averageStart: null, averageEnd: null },
      });
    });

    it("lists episodes newest first, with the summary of the urges ridden out", async () => {
      const member = await buildMember(t);
      const ratings: [number, number | null][] = [
        [8, 3],
        [7, 2],
        [6, 7],
        [9, null],
      ];
      const ids: string[] = [];
      for (const [start, finish] of ratings) {
        const { id } = await buildSosEpisode(t, member, { craving: start });
        ids.push(id);
        t.clock.advance(60_000);
        if (finish !== null) await end(member, id, { craving: finish, helped: [] });
        t.clock.advance(60 * 60_000);
      }
      const list = await listOf(member);
      expect(list.episodes.map((e) => e.id)).toEqual([...ids].reverse());
      expect(list.summary).toEqual({ ridden: 3, eased: 2, averageStart: 7, averageEnd: 4 });
      // The summary counts every episode; the limit only shortens the list.
      const latest = await listOf(member, "?limit=1");
      expect(latest.episodes.map((e) => e.id)).toEqual([ids[3]]);
      expect(latest.summary.ridden).toBe(3);
    });

    it("refuses a limit out of bounds naming it", async () => {
      const member = await buildMember(t);
      for (const limit of ["0", "201", "many"]) {
        const response = await call(t, member, "GET", `/api/v1/sos?limit=${limit}`);
        expect(response.statusCode, limit).toBe(400);
        expect(Object.keys(response.json().error.fields)).toEqual(["limit"]);
      }
    });

    it("shows a member only their own episodes", async () => {
      const owner = await buildMember(t);
      const other = await buildMember(t);
      await buildSosEpisode(t, owner, { trigger: "owner's trigger" });
      const list = await listOf(other);
      expect(list.episodes).toEqual([]);
      expect(JSON.stringify(list)).not.toContain("owner's trigger");
    });
  });
});
