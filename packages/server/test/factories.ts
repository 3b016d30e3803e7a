/**
 * Test data builders with sensible defaults that create what they need through the real API, so each test
 * states only what matters to it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  type CheckinInput,
  createJournalKeys,
  encryptEntry,
  type JournalEntryContent,
  type JournalEntryPayload,
  type JournalKey,
  type JournalKeysInput,
  type Medication,
  type MedicationInput,
  type Member,
  type Message,
  type Plan,
  type PlanInput,
  type Recovery,
  type RecoveryInput,
  type SealedEntry,
  type SosEpisode,
  type SosStart,
  type Team,
  WITHDRAWAL_SYMPTOMS,
  type WithdrawalCheck,
  type WithdrawalRatings,
} from "@cairn/core";
import type { LightMyRequestResponse } from "fastify";
import { sessionCookie, type TestApp } from "./harness.ts";

export interface TestMember {
  member: Member;
  cookie: string;
  username: string;
  password: string;
  recoveryCodes: string[];
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Calls the API as `who` (a member or nobody), with a JSON body when given. */
export function call(
  t: TestApp,
  who: TestMember | undefined,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: who ? { cookie: who.cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export async function buildMember(
  t: TestApp,
  overrides: { username?: string; password?: string; timezone?: string } = {},
): Promise<TestMember> {
  const username = overrides.username ?? `member_${randomBytes(4).toString("hex")}`;
  const password = overrides.password ?? "a steady path 42";
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/signup",
    payload: { username, password },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed ${response.statusCode}: ${response.body}`);
  const body = response.json() as { member: Member; recoveryCodes: string[] };
  const built: TestMember = {
    member: body.member,
    cookie: sessionCookie(response),
    username,
    password,
    recoveryCodes: body.recoveryCodes,
  };
  if (overrides.timezone) {
    const patched = await call(t, built, "PATCH", "/api/v1/me", { timezone: overrides.timezone });
    if (patched.statusCode !== 200) throw new Error(`timezone failed ${patched.statusCode}: ${patched.body}`);
    built.member = (patched.json() as { member: Member }).member;
  }
  return built;
}

export async function buildRecovery(
  t: TestApp,
  who: TestMember,
  overrides: Partial<RecoveryInput> = {},
): Promise<Recovery> {
  const input = { substance: "opioids", startDate: "2026-11-23", ...overrides };
  const response = await call(t, who, "POST", "/api/v1/recoveries", input);
  if (response.statusCode !== 201)
    throw new Error(`recovery failed ${response.statusCode}: ${response.body}`);
  return (response.json() as { recovery: Recovery }).recovery;
}

export function checkinInput(overrides: Partial<CheckinInput> = {}): CheckinInput {
  return { uses: [], mood: 4, craving: 2, confidence: 7, triggers: [], halt: [], ...overrides };
}

export async function buildCheckin(
  t: TestApp,
  who: TestMember,
  date: string,
  overrides: Partial<CheckinInput> = {},
): Promise<LightMyRequestResponse> {
  const response = await call(t, who, "PUT", `/api/v1/checkins/${date}`, checkinInput(overrides));
  if (response.statusCode >= 300) throw new Error(`check-in failed ${response.statusCode}: ${response.body}`);
  return response;
}

/** Buprenorphine 8 mg/2 mg film daily at 08:00 from 2026-11-01, unless told otherwise. */
export function medicationInput(overrides: Partial<MedicationInput> = {}): MedicationInput {
  return {
    kind: "buprenorphine",
    dose: { text: "8 mg/2 mg film" },
    schedule: { kind: "daily", times: ["08:00"], startDate: "2026-11-01" },
    ...overrides,
  };
}

export async function buildMedication(
  t: TestApp,
  who: TestMember,
  overrides: Partial<MedicationInput> = {},
): Promise<Medication> {
  const response = await call(t, who, "POST", "/api/v1/medications", medicationInput(overrides));
  if (response.statusCode !== 201)
    throw new Error(`medication failed ${response.statusCode}: ${response.body}`);
  return (response.json() as { medication: Medication }).medication;
}

export interface TestTeam {
  id: string;
  leader: TestMember;
  /** Everyone in the team, the leader first. */
  members: TestMember[];
}

/** A team led by `leader`, with `members` joined through a real invite. */
export async function buildTeam(
  t: TestApp,
  leader: TestMember,
  options: { members?: TestMember[]; name?: string } = {},
): Promise<TestTeam> {
  const created = await call(t, leader, "POST", "/api/v1/teams", { name: options.name ?? "Morning crew" });
  if (created.statusCode !== 201) throw new Error(`team failed ${created.statusCode}: ${created.body}`);
  const id = (created.json() as { team: Team }).team.id;
  const team: TestTeam = { id, leader, members: [leader] };
  if (options.members?.length) {
    const code = await buildInvite(t, leader, id);
    for (const member of options.members) {
      const joined = await call(t, member, "POST", "/api/v1/teams/join", { code });
      if (joined.statusCode !== 201) throw new Error(`join failed ${joined.statusCode}: ${joined.body}`);
      team.members.push(member);
    }
  }
  return team;
}

/** A fresh invite code for the team (the leader makes it). */
export async function buildInvite(
  t: TestApp,
  leader: TestMember,
  teamId: string,
  expiresInDays: number | null = 7,
): Promise<string> {
  const response = await call(t, leader, "POST", `/api/v1/teams/${teamId}/invites`, { expiresInDays });
  if (response.statusCode !== 201) throw new Error(`invite failed ${response.statusCode}: ${response.body}`);
  return (response.json() as { code: string }).code;
}

/** A message sent by `who` to the team over HTTP (a fresh client id unless given). */
export async function buildMessage(
  t: TestApp,
  who: TestMember,
  team: { id: string },
  overrides: { text?: string; clientId?: string; replyTo?: number } = {},
): Promise<Message> {
  const body = {
    clientId: overrides.clientId ?? randomUUID(),
    text: overrides.text ?? "One day at a time",
    ...(overrides.replyTo === undefined ? {} : { replyTo: overrides.replyTo }),
  };
  const response = await call(t, who, "POST", `/api/v1/teams/${team.id}/messages`, body);
  if (response.statusCode !== 201) throw new Error(`message failed ${response.statusCode}: ${response.body}`);
  return (response.json() as { message: Message }).message;
}

/** A craving SOS started by `who` (a craving of 7 unless told otherwise). */
export async function buildSosEpisode(
  t: TestApp,
  who: TestMember,
  overrides: Partial<SosStart> = {},
): Promise<SosEpisode> {
  const response = await call(t, who, "POST", "/api/v1/sos", { craving: 7, ...overrides });
  if (response.statusCode !== 201) throw new Error(`sos failed ${response.statusCode}: ${response.body}`);
  return (response.json() as { episode: SosEpisode }).episode;
}

/** A small but complete recovery plan: one of everything, each item with a fresh id. */
export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    reasons: ["My kids"],
    triggers: [
      { id: randomUUID(), kind: "feeling", label: "Tired after work", copingSteps: ["Eat something first"] },
    ],
    warningSigns: ["Skipping meetings"],
    dailyActions: [{ id: randomUUID(), kind: "meeting", label: "Noon meeting" }],
    supportPeople: [{ id: randomUUID(), name: "Sam", relation: "sponsor", phone: "+1 555 010 2030" }],
    professionalHelp: [
      {
        id: randomUUID(),
        kind: "clinic",
        name: "Eastside Clinic",
        phone: "555-010-9000",
        address: "1 Main St",
      },
    ],
    naloxoneLocation: "Kitchen drawer",
    ...overrides,
  };
}

/** Saves the plan as `who` (PUT /api/v1/plan) and returns it as read back. */
export async function buildPlan(
  t: TestApp,
  who: TestMember,
  overrides: Partial<PlanInput> = {},
): Promise<Plan> {
  const response = await call(t, who, "PUT", "/api/v1/plan", planInput(overrides));
  if (response.statusCode !== 200) throw new Error(`plan failed ${response.statusCode}: ${response.body}`);
  return response.json() as Plan;
}

/** Twelve withdrawal symptom ratings, all `value` unless overridden. */
export function withdrawalRatings(value = 1, overrides: Partial<WithdrawalRatings> = {}): WithdrawalRatings {
  return {
    ...(Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((s) => [s, value])) as WithdrawalRatings),
    ...overrides,
  };
}

/** A withdrawal symptom check recorded by `who` at the test clock's time. */
export async function buildWithdrawalCheck(
  t: TestApp,
  who: TestMember,
  input: { ratings?: WithdrawalRatings; note?: string | null } = {},
): Promise<WithdrawalCheck> {
  const response = await call(t, who, "POST", "/api/v1/withdrawal", {
    ratings: withdrawalRatings(),
    ...input,
  });
  if (response.statusCode !== 201)
    throw new Error(`withdrawal failed ${response.statusCode}: ${response.body}`);
  return (response.json() as { check: WithdrawalCheck }).check;
}

/** A member's journal as their device holds it: the keys document it stored and the unlocked key. */
export interface TestJournal {
  keys: JournalKeysInput;
  key: JournalKey;
}

/** Starts the member's journal as the browser does: a key wrapped by the password and each recovery code. */
export async function buildJournal(t: TestApp, who: TestMember): Promise<TestJournal> {
  const { keys, key } = await createJournalKeys(who.password, who.recoveryCodes);
  const response = await call(t, who, "PUT", "/api/v1/journal/keys", keys);
  if (response.statusCode !== 201)
    throw new Error(`journal keys failed ${response.statusCode}: ${response.body}`);
  return { keys, key };
}

export function journalContent(overrides: Partial<JournalEntryContent> = {}): JournalEntryContent {
  return {
    date: "2026-12-03",
    title: null,
    body: "A steady day.",
    mood: 3,
    tags: [],
    prompt: null,
    ...overrides,
  };
}

/** An entry encrypted on the "device" (version 1 under a new id unless given). */
export function sealJournalEntry(
  journal: TestJournal,
  overrides: Partial<JournalEntryContent> = {},
  slot: { id?: string; version?: number } = {},
): Promise<SealedEntry> {
  const at = { id: slot.id ?? randomUUID(), version: slot.version ?? 1, keyId: journal.keys.keyId };
  return encryptEntry(journal.key, at, journalContent(overrides));
}

/** An encrypted entry stored through the API. */
export async function buildJournalEntry(
  t: TestApp,
  who: TestMember,
  journal: TestJournal,
  overrides: Partial<JournalEntryContent> = {},
): Promise<JournalEntryPayload> {
  const response = await call(
    t,
    who,
    "POST",
    "/api/v1/journal/entries",
    await sealJournalEntry(journal, overrides),
  );
  if (response.statusCode !== 201)
    throw new Error(`journal entry failed ${response.statusCode}: ${response.body}`);
  return (response.json() as { entry: JournalEntryPayload }).entry;
}
