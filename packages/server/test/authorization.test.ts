/**
 * The authorization matrix: for every operation in the API (read from the OpenAPI document, so a new endpoint
 * without a row here fails), what a caller with no session gets, and proof that a second member — a
 * stranger — can read or change none of the first member's data.
 */
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashRecoveryCode } from "../src/features/auth/recovery-codes.ts";
import {
  buildCheckin,
  buildInvite,
  buildJournal,
  buildJournalEntry,
  buildMedication,
  buildMember,
  buildMessage,
  buildPlan,
  buildRecovery,
  buildSosEpisode,
  buildTeam,
  buildWithdrawalCheck,
  call,
  checkinInput,
  planInput,
  sealJournalEntry,
  type TestJournal,
  type TestMember,
  withdrawalRatings,
} from "./factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "./harness.ts";

const DAY = "2026-12-02";

interface World {
  t: TestApp;
  owner: TestMember;
  stranger: TestMember;
  recoveryId: string;
  /** The owner's team (the owner leads it), with a teammate. */
  teamId: string;
  mate: TestMember;
  /** The teammate's message in it, which the owner reported. */
  seq: number;
  inviteId: string;
  reportId: string;
  /** A member the owner blocked. */
  blockedId: string;
  medicationId: string;
  /** The owner's withdrawal symptom check (its note is "owner's note"). */
  withdrawalCheckId: string;
  /** The daily action in the owner's plan, ticked off on DAY. */
  actionId: string;
  /** A trigger in the owner's plan. */
  planTriggerId: string;
  /** The owner's craving SOS episode, still open. */
  sosId: string;
  /** The owner's journal and one entry in it; the stranger's own journal once they start one. */
  journal: TestJournal;
  journalEntryId: string;
  strangerJournal: TestJournal;
}

/** Everything of the owner's that a stranger might touch, read back as the owner sees it. */
async function ownerState(w: World): Promise<string> {
  const read = async (url: string) => (await call(w.t, w.owner, "GET", url)).body;
  return JSON.stringify([
    await read("/api/v1/me"),
    await read("/api/v1/auth/recovery-codes"),
    await read("/api/v1/recoveries"),
    await read(`/api/v1/checkins?from=${DAY}&to=${DAY}`),
    await read("/api/v1/progress"),
    await read("/api/v1/teams"),
    await read(`/api/v1/teams/${w.teamId}`),
    await read(`/api/v1/teams/${w.teamId}/messages`),
    await read(`/api/v1/teams/${w.teamId}/invites`),
    await read(`/api/v1/teams/${w.teamId}/reports`),
    await read("/api/v1/blocks"),
    await read("/api/v1/me/sharing"),
    await read("/api/v1/medications"),
    await read("/api/v1/medications/today"),
    await read("/api/v1/medications/adherence"),
    await read("/api/v1/withdrawal"),
    await read("/api/v1/plan"),
    await read("/api/v1/plan/versions"),
    await read("/api/v1/plan/versions/1"),
    await read(`/api/v1/plan/actions/${DAY}`),
    await read("/api/v1/sos"),
    await read("/api/v1/journal/keys"),
    await read("/api/v1/journal/entries"),
    await read(`/api/v1/journal/entries/${w.journalEntryId}`),
  ]);
}

/** The owner's recovery codes still stored unused, found by the codes themselves: each of them still works. */
async function ownerCodesUnused(w: World): Promise<number> {
  const rows = await w.t.db
    .selectFrom("recovery_codes")
    .select("id")
    .where("member_id", "=", w.owner.member.id)
    .where("code_hash", "in", w.owner.recoveryCodes.map(hashRecoveryCode))
    .where("used_at", "is", null)
    .execute();
  return rows.length;
}

type Expectation = (w: World, response: LightMyRequestResponse) => void | Promise<void>;

interface Row {
  /** What the stranger sends, aimed at the owner's records where the operation takes one. */
  asStranger: (w: World) => Promise<LightMyRequestResponse>;
  expect: Expectation;
  /** Operations open without a session answer something other than 401. */
  public?: boolean;
}

const MATRIX: Record<string, Row> = {
  "POST /api/v1/auth/signup": {
    public: true,
    asStranger: (w) =>
      call(w.t, undefined, "POST", "/api/v1/auth/signup", {
        username: w.owner.username,
        password: "another path 99",
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(409),
  },
  "POST /api/v1/auth/login": {
    public: true,
    asStranger: (w) =>
      call(w.t, undefined, "POST", "/api/v1/auth/login", {
        username: w.owner.username,
        password: `${w.stranger.password}x`,
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(401),
  },
  "POST /api/v1/auth/recover": {
    public: true,
    asStranger: (w) =>
      call(w.t, undefined, "POST", "/api/v1/auth/recover", {
        username: w.owner.username,
        recoveryCode: w.stranger.recoveryCodes[0],
        newPassword: "taken over 12345",
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(401),
  },
  "POST /api/v1/auth/logout": {
    asStranger: (w) => call(w.t, w.stranger, "POST", "/api/v1/auth/logout"),
    expect: async (w, r) => {
      expect(r.statusCode).toBe(204);
      expect((await call(w.t, w.owner, "GET", "/api/v1/me")).statusCode).toBe(200);
      w.stranger = await buildMember(w.t);
    },
  },
  "POST /api/v1/auth/logout-everywhere": {
    asStranger: (w) => call(w.t, w.stranger, "POST", "/api/v1/auth/logout-everywhere"),
    // Only the caller's own sessions end: the owner stays signed in.
    expect: async (w, r) => {
      expect(r.statusCode).toBe(204);
      expect((await call(w.t, w.owner, "GET", "/api/v1/me")).statusCode).toBe(200);
      w.stranger = await buildMember(w.t);
    },
  },
  "POST /api/v1/auth/password": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", "/api/v1/auth/password", {
        currentPassword: w.stranger.password,
        newPassword: "a new trail 2026",
      }),
    expect: async (w, r) => {
      expect(r.statusCode).toBe(204);
      const ownerLogin = await call(w.t, undefined, "POST", "/api/v1/auth/login", {
        username: w.owner.username,
        password: w.owner.password,
      });
      expect(ownerLogin.statusCode).toBe(200);
      w.stranger.password = "a new trail 2026";
    },
  },
  "GET /api/v1/auth/recovery-codes": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/auth/recovery-codes"),
    // Their own ten, not the owner's nine.
    expect: (_w, r) => expect(r.json()).toEqual({ remaining: 10 }),
  },
  "POST /api/v1/auth/recovery-codes": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", "/api/v1/auth/recovery-codes", { currentPassword: w.stranger.password }),
    expect: async (w, r) => {
      expect(r.statusCode).toBe(200);
      const { recoveryCodes } = r.json() as { recoveryCodes: string[] };
      expect(recoveryCodes.filter((code) => w.owner.recoveryCodes.includes(code))).toEqual([]);
      // The owner's password opens nothing from the stranger's session.
      const withOwners = await call(w.t, w.stranger, "POST", "/api/v1/auth/recovery-codes", {
        currentPassword: w.owner.password,
      });
      expect(withOwners.statusCode).toBe(422);
      expect(await ownerCodesUnused(w)).toBe(9);
      w.stranger.recoveryCodes = recoveryCodes;
    },
  },
  "GET /api/v1/me": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/me"),
    expect: (w, r) => {
      expect(r.json().member.id).toBe(w.stranger.member.id);
      expect(r.body).not.toContain(w.owner.member.id);
    },
  },
  "PATCH /api/v1/me": {
    asStranger: (w) =>
      call(w.t, w.stranger, "PATCH", "/api/v1/me", { displayName: "Someone else", reasons: ["mine"] }),
    expect: (w, r) => expect(r.json().member.id).toBe(w.stranger.member.id),
  },
  "GET /api/v1/resources": {
    public: true,
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/resources"),
    expect: (_w, r) => expect(r.statusCode).toBe(200),
  },
  "GET /api/v1/recoveries": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/recoveries"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.recoveryId);
    },
  },
  "POST /api/v1/recoveries": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", "/api/v1/recoveries", { substance: "alcohol", startDate: "2026-11-01" }),
    expect: (_w, r) => expect(r.statusCode).toBe(201),
  },
  "PATCH /api/v1/recoveries/{id}": {
    asStranger: (w) =>
      call(w.t, w.stranger, "PATCH", `/api/v1/recoveries/${w.recoveryId}`, { startDate: "2026-01-01" }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "DELETE /api/v1/recoveries/{id}": {
    asStranger: (w) => call(w.t, w.stranger, "DELETE", `/api/v1/recoveries/${w.recoveryId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "PUT /api/v1/checkins/{date}": {
    asStranger: (w) =>
      call(
        w.t,
        w.stranger,
        "PUT",
        `/api/v1/checkins/${DAY}`,
        checkinInput({ uses: [{ recoveryId: w.recoveryId, used: true }] }),
      ),
    expect: (_w, r) => {
      expect(r.statusCode).toBe(422);
      expect(Object.keys(r.json().error.fields)).toEqual(["uses.0.recoveryId"]);
    },
  },
  "GET /api/v1/checkins": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/checkins?from=${DAY}&to=${DAY}`),
    expect: (_w, r) => expect(r.json().checkins).toEqual([]),
  },
  "DELETE /api/v1/checkins/{date}": {
    asStranger: (w) => call(w.t, w.stranger, "DELETE", `/api/v1/checkins/${DAY}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/progress": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/progress"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.recoveryId);
    },
  },
  "POST /api/v1/teams": {
    asStranger: (w) => call(w.t, w.stranger, "POST", "/api/v1/teams", { name: "Stranger's own team" }),
    expect: (_w, r) => expect(r.statusCode).toBe(201),
  },
  "GET /api/v1/teams": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/teams"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.teamId);
    },
  },
  "GET /api/v1/teams/{id}": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/teams/${w.teamId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/join": {
    asStranger: (w) => call(w.t, w.stranger, "POST", "/api/v1/teams/join", { code: "ZZZZ-ZZZZ-ZZZZ" }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/join/preview": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", "/api/v1/teams/join/preview", { code: "ZZZZ-ZZZZ-ZZZZ" }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/leave": {
    asStranger: (w) => call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/leave`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/leader": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/leader`, { memberId: w.stranger.member.id }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "DELETE /api/v1/teams/{id}/members/{memberId}": {
    asStranger: (w) =>
      call(w.t, w.stranger, "DELETE", `/api/v1/teams/${w.teamId}/members/${w.mate.member.id}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/members/{memberId}/mute": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/members/${w.mate.member.id}/mute`, {
        minutes: 60,
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "DELETE /api/v1/teams/{id}/members/{memberId}/mute": {
    asStranger: (w) =>
      call(w.t, w.stranger, "DELETE", `/api/v1/teams/${w.teamId}/members/${w.mate.member.id}/mute`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/invites": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/invites`, { expiresInDays: 3 }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/teams/{id}/invites": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/teams/${w.teamId}/invites`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "DELETE /api/v1/teams/{id}/invites/{inviteId}": {
    asStranger: (w) => call(w.t, w.stranger, "DELETE", `/api/v1/teams/${w.teamId}/invites/${w.inviteId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/teams/{id}/messages": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/teams/${w.teamId}/messages?after=0`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/messages": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/messages`, {
        clientId: randomUUID(),
        text: "hi",
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/read": {
    asStranger: (w) => call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/read`, { seq: w.seq }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "DELETE /api/v1/teams/{id}/messages/{seq}": {
    asStranger: (w) => call(w.t, w.stranger, "DELETE", `/api/v1/teams/${w.teamId}/messages/${w.seq}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/messages/{seq}/reactions": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/messages/${w.seq}/reactions`, { emoji: "💪" }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/messages/{seq}/report": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/messages/${w.seq}/report`, { reason: "x" }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/reach-out": {
    asStranger: (w) => call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/reach-out`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/teams/{id}/reports": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/teams/${w.teamId}/reports`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/teams/{id}/reports/{reportId}/resolve": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/teams/${w.teamId}/reports/${w.reportId}/resolve`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/operator/reports": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/operator/reports"),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/blocks": {
    asStranger: (w) => call(w.t, w.stranger, "POST", "/api/v1/blocks", { memberId: w.owner.member.id }),
    // A stranger shares no team with the owner: blocking them answers like an unknown id.
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/blocks": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/blocks"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.blockedId);
    },
  },
  "DELETE /api/v1/blocks/{memberId}": {
    asStranger: (w) => call(w.t, w.stranger, "DELETE", `/api/v1/blocks/${w.blockedId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/me/sharing": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/me/sharing"),
    expect: (_w, r) =>
      expect(r.json()).toEqual({
        sharing: { checkins: true, milestones: true, mood: false, craving: false },
      }),
  },
  "PUT /api/v1/me/sharing": {
    asStranger: (w) =>
      call(w.t, w.stranger, "PUT", "/api/v1/me/sharing", {
        checkins: false,
        milestones: false,
        mood: false,
        craving: false,
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(200),
  },
  "GET /api/v1/medications": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/medications"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.medicationId);
    },
  },
  "POST /api/v1/medications": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", "/api/v1/medications", {
        kind: "methadone",
        dose: { amount: 60, unit: "mg" },
        schedule: { kind: "daily", times: ["07:00"], startDate: "2026-11-01" },
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(201),
  },
  "GET /api/v1/medications/today": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/medications/today"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.medicationId);
    },
  },
  "GET /api/v1/medications/adherence": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/medications/adherence"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.medicationId);
    },
  },
  "GET /api/v1/medications/{id}": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/medications/${w.medicationId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "PATCH /api/v1/medications/{id}": {
    asStranger: (w) =>
      call(w.t, w.stranger, "PATCH", `/api/v1/medications/${w.medicationId}`, { notes: "changed" }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "DELETE /api/v1/medications/{id}": {
    asStranger: (w) => call(w.t, w.stranger, "DELETE", `/api/v1/medications/${w.medicationId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/medications/{id}/doses": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", `/api/v1/medications/${w.medicationId}/doses`, {
        date: DAY,
        time: "08:00",
        status: "missed",
      }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/withdrawal": {
    // A check is always the caller's own: it lands on the stranger's account, never the owner's.
    asStranger: (w) => call(w.t, w.stranger, "POST", "/api/v1/withdrawal", { ratings: withdrawalRatings(2) }),
    expect: (_w, r) => expect(r.statusCode).toBe(201),
  },
  "GET /api/v1/withdrawal": {
    // The default range holds the owner's check, were it anyone's to see.
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/withdrawal"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect((r.json().checks as { id: string }[]).map((c) => c.id)).not.toContain(w.withdrawalCheckId);
    },
  },
  "GET /api/v1/plan": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/plan"),
    expect: (_w, r) => expect(r.json()).toMatchObject({ version: 0, savedAt: null }),
  },
  "PUT /api/v1/plan": {
    asStranger: (w) => call(w.t, w.stranger, "PUT", "/api/v1/plan", { ...planInput(), baseVersion: 0 }),
    // Their own first version: the owner's version 1 is not theirs to conflict with.
    expect: (_w, r) => expect(r.json().version).toBe(1),
  },
  "GET /api/v1/plan/versions": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/plan/versions"),
    expect: (_w, r) => expect(r.json().versions).toHaveLength(1),
  },
  "GET /api/v1/plan/versions/{version}": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/plan/versions/2"),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "GET /api/v1/plan/actions/{date}": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/plan/actions/${DAY}`),
    expect: (_w, r) => expect(r.json()).toEqual({ date: DAY, done: [] }),
  },
  "PUT /api/v1/plan/actions/{date}": {
    asStranger: (w) => call(w.t, w.stranger, "PUT", `/api/v1/plan/actions/${DAY}`, { done: [w.actionId] }),
    expect: (_w, r) => {
      expect(r.statusCode).toBe(422);
      expect(Object.keys(r.json().error.fields)).toEqual(["done.0"]);
    },
  },
  "POST /api/v1/sos": {
    asStranger: (w) =>
      call(w.t, w.stranger, "POST", "/api/v1/sos", { craving: 4, planTriggerId: w.planTriggerId }),
    expect: (_w, r) => {
      expect(r.statusCode).toBe(422);
      expect(Object.keys(r.json().error.fields)).toEqual(["planTriggerId"]);
    },
  },
  "GET /api/v1/sos": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/sos"),
    expect: (w, r) => {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(w.sosId);
    },
  },
  "PATCH /api/v1/sos/{id}": {
    asStranger: (w) =>
      call(w.t, w.stranger, "PATCH", `/api/v1/sos/${w.sosId}`, { craving: 0, helped: ["not mine"] }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "PUT /api/v1/sos/{id}/minutes": {
    asStranger: (w) => call(w.t, w.stranger, "PUT", `/api/v1/sos/${w.sosId}/minutes`, { minutes: 90 }),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  // The journal: the stranger first tries the owner's keys, then starts their own journal and aims at the owner's
  // entry id from it (an id is the member's own: the same id in the stranger's journal is a different entry).
  "PUT /api/v1/journal/keys": {
    asStranger: (w) => call(w.t, w.stranger, "PUT", "/api/v1/journal/keys", w.journal.keys),
    expect: async (w, r) => {
      expect(r.statusCode).toBe(422);
      w.strangerJournal = await buildJournal(w.t, w.stranger);
    },
  },
  "GET /api/v1/journal/keys": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/journal/keys"),
    expect: (w, r) => {
      expect(r.json().keys.keyId).toBe(w.strangerJournal.keys.keyId);
      expect(r.body).not.toContain(w.journal.keys.passwordWrap.wrappedKey);
    },
  },
  "GET /api/v1/journal/entries": {
    asStranger: (w) => call(w.t, w.stranger, "GET", "/api/v1/journal/entries"),
    expect: (_w, r) => expect(r.json()).toEqual({ entries: [], next: null }),
  },
  "GET /api/v1/journal/entries/{id}": {
    asStranger: (w) => call(w.t, w.stranger, "GET", `/api/v1/journal/entries/${w.journalEntryId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "PUT /api/v1/journal/entries/{id}": {
    asStranger: async (w) => {
      const { id, ...edit } = await sealJournalEntry(
        w.strangerJournal,
        {},
        { id: w.journalEntryId, version: 2 },
      );
      return call(w.t, w.stranger, "PUT", `/api/v1/journal/entries/${id}`, edit);
    },
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "DELETE /api/v1/journal/entries/{id}": {
    asStranger: (w) => call(w.t, w.stranger, "DELETE", `/api/v1/journal/entries/${w.journalEntryId}`),
    expect: (_w, r) => expect(r.statusCode).toBe(404),
  },
  "POST /api/v1/journal/entries": {
    asStranger: async (w) =>
      call(
        w.t,
        w.stranger,
        "POST",
        "/api/v1/journal/entries",
        await sealJournalEntry(w.strangerJournal, {}, { id: w.journalEntryId }),
      ),
    expect: (_w, r) => expect(r.statusCode).toBe(201),
  },
};

/** Fills an OpenAPI path like /api/v1/recoveries/{id} with real values for a call without a session. */
function concrete(path: string, w: World): string {
  const id = path.startsWith("/api/v1/teams/")
    ? w.teamId
    : path.startsWith("/api/v1/medications/")
      ? w.medicationId
      : path.startsWith("/api/v1/sos/")
        ? w.sosId
        : w.recoveryId;
  return path
    .replace("{id}", id)
    .replace("{date}", DAY)
    .replace("{memberId}", w.mate.member.id)
    .replace("{seq}", String(w.seq))
    .replace("{inviteId}", w.inviteId)
    .replace("{reportId}", w.reportId)
    .replace("{version}", "1");
}

describeEachDatabase("authorization matrix", (kind) => {
  const w = {} as World;
  let operations: string[] = [];

  beforeAll(async () => {
    w.t = await startTestApp(kind);
    w.owner = await buildMember(w.t, { timezone: "America/New_York" });
    await call(w.t, w.owner, "PATCH", "/api/v1/me", { reasons: ["my own reason"] });
    w.recoveryId = (await buildRecovery(w.t, w.owner, { startDate: "2026-11-01", dailyCost: 10 })).id;
    await buildCheckin(w.t, w.owner, DAY, {
      uses: [{ recoveryId: w.recoveryId, used: false }],
      note: "owner's note",
    });
    w.withdrawalCheckId = (await buildWithdrawalCheck(w.t, w.owner, { note: "owner's note" })).id;
    w.mate = await buildMember(w.t);
    w.teamId = (await buildTeam(w.t, w.owner, { members: [w.mate] })).id;
    await buildMessage(w.t, w.owner, { id: w.teamId }, { text: "owner's team secret" });
    w.seq = (await buildMessage(w.t, w.mate, { id: w.teamId }, { text: "mate's words" })).seq;
    await buildInvite(w.t, w.owner, w.teamId);
    w.inviteId = (await call(w.t, w.owner, "GET", `/api/v1/teams/${w.teamId}/invites`)).json().invites[0].id;
    w.reportId = (
      await call(w.t, w.owner, "POST", `/api/v1/teams/${w.teamId}/messages/${w.seq}/report`, {
        reason: "my own reason",
      })
    ).json().report.id;
    // The owner blocks a former teammate whose message is still in the team.
    const former = await buildMember(w.t);
    await call(w.t, former, "POST", "/api/v1/teams/join", {
      code: await buildInvite(w.t, w.owner, w.teamId),
    });
    await buildMessage(w.t, former, { id: w.teamId }, { text: "a former teammate's words" });
    await call(w.t, former, "POST", `/api/v1/teams/${w.teamId}/leave`);
    w.blockedId = former.member.id;
    const block = await call(w.t, w.owner, "POST", "/api/v1/blocks", { memberId: w.blockedId });
    if (block.statusCode !== 201) throw new Error(`block failed ${block.statusCode}: ${block.body}`);
    await call(w.t, w.owner, "PUT", "/api/v1/me/sharing", {
      checkins: true,
      milestones: true,
      mood: true,
      craving: true,
    });
    const plan = await buildPlan(w.t, w.owner, { reasons: ["my own reason"] });
    w.actionId = plan.plan.dailyActions[0]?.id as string;
    w.planTriggerId = plan.plan.triggers[0]?.id as string;
    await call(w.t, w.owner, "PUT", `/api/v1/plan/actions/${DAY}`, { done: [w.actionId] });
    // The owner has used one recovery code, so their count (9) differs from a new member's (10).
    await w.t.db
      .updateTable("recovery_codes")
      .set({ used_at: "2026-12-01T09:00:00.000Z" })
      .where("member_id", "=", w.owner.member.id)
      .where("code_hash", "=", hashRecoveryCode(w.owner.recoveryCodes[9] as string))
      .execute();
    w.owner.recoveryCodes = w.owner.recoveryCodes.slice(0, 9);
    w.medicationId = (await buildMedication(w.t, w.owner, { notes: "owner's note" })).id;
    await call(w.t, w.owner, "POST", `/api/v1/medications/${w.medicationId}/doses`, {
      date: DAY,
      time: "08:00",
      status: "taken",
    });
    w.sosId = (await buildSosEpisode(w.t, w.owner, { craving: 8, trigger: "my own reason" })).id;
    w.journal = await buildJournal(w.t, w.owner);
    w.journalEntryId = (await buildJournalEntry(w.t, w.owner, w.journal, { body: "owner's note" })).id;
    w.stranger = await buildMember(w.t);
    const doc = (await w.t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => w.t.close());

  it("has a row for every operation in the API, and no row for one that is gone", () => {
    expect([...operations].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("answers 401 to every member operation called without a session, and changes nothing", async () => {
    const before = await ownerState(w);
    for (const operation of operations) {
      if (MATRIX[operation]?.public) continue;
      const [method, path] = operation.split(" ") as [string, string];
      const response = await w.t.app.inject({
        method: method as "GET",
        url: concrete(path, w),
        ...(method === "GET" || method === "DELETE" ? {} : { payload: {} }),
      });
      expect(response.statusCode, operation).toBe(401);
    }
    expect(await ownerState(w)).toBe(before);
  });

  it("lets a second member read or change none of the first member's data", async () => {
    const before = await ownerState(w);
    for (const [operation, row] of Object.entries(MATRIX)) {
      const response = await row.asStranger(w);
      await row.expect(w, response);
      expect(response.body, operation).not.toContain("owner's note");
      expect(response.body, operation).not.toContain("my own reason");
      expect(response.body, operation).not.toContain("owner's team secret");
    }
    expect(await ownerState(w)).toBe(before);
  });
});
