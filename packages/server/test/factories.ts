/**
 * Test data builders with sensible defaults that create what they need through the real API, so each test
 * states only what matters to it.
 */
import { randomBytes } from "node:crypto";
import type { CheckinInput, Member, Recovery, RecoveryInput } from "@cairn/core";
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
