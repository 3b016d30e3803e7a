/** One typed function per API route in the contract. */
import type {
  Checkin,
  CheckinInput,
  CheckinSaved,
  LoginInput,
  Member,
  MemberPatch,
  PasswordChangeInput,
  Progress,
  RecoverInput,
  Recovery,
  RecoveryInput,
  RecoveryPatch,
  Resources,
  SignupInput,
} from "@cairn/core";
import { ApiRequestError, query, request } from "./client.ts";

const API = "/api/v1";

export interface SignupResult {
  member: Member;
  recoveryCodes: string[];
}

export const api = {
  signup: (input: SignupInput) =>
    request<SignupResult>("POST", `${API}/auth/signup`, { body: input, sessionExpected: false }),
  login: (input: LoginInput) =>
    request<{ member: Member }>("POST", `${API}/auth/login`, { body: input, sessionExpected: false }),
  logout: () => request<void>("POST", `${API}/auth/logout`, { sessionExpected: false }),
  recover: (input: RecoverInput) =>
    request<{ member: Member }>("POST", `${API}/auth/recover`, { body: input, sessionExpected: false }),
  // A wrong current password is a 422 with `fields.currentPassword`; a 401 here means the session is gone.
  changePassword: (input: PasswordChangeInput) =>
    request<void>("POST", `${API}/auth/password`, { body: input }),

  /** The signed-in member, or null when there is no session. */
  me: async (): Promise<Member | null> => {
    try {
      const { member } = await request<{ member: Member }>("GET", `${API}/me`, { sessionExpected: false });
      return member;
    } catch (error) {
      if (error instanceof ApiRequestError && error.isUnauthenticated) return null;
      throw error;
    }
  },
  patchMe: (patch: MemberPatch) => request<{ member: Member }>("PATCH", `${API}/me`, { body: patch }),

  recoveries: () => request<{ recoveries: Recovery[] }>("GET", `${API}/recoveries`),
  createRecovery: (input: RecoveryInput) =>
    request<{ recovery: Recovery }>("POST", `${API}/recoveries`, { body: input }),
  patchRecovery: (id: string, patch: RecoveryPatch) =>
    request<{ recovery: Recovery }>("PATCH", `${API}/recoveries/${encodeURIComponent(id)}`, { body: patch }),
  deleteRecovery: (id: string) => request<void>("DELETE", `${API}/recoveries/${encodeURIComponent(id)}`),

  putCheckin: (date: string, input: CheckinInput) =>
    request<CheckinSaved>("PUT", `${API}/checkins/${encodeURIComponent(date)}`, { body: input }),
  checkins: (from: string, to: string) =>
    request<{ checkins: Checkin[] }>("GET", `${API}/checkins${query({ from, to })}`),
  deleteCheckin: (date: string) => request<void>("DELETE", `${API}/checkins/${encodeURIComponent(date)}`),

  progress: () => request<Progress>("GET", `${API}/progress`),
  // Works signed out too, so a 401 (should one ever come) must not be read as "signed out".
  resources: () => request<Resources>("GET", `${API}/resources`, { sessionExpected: false }),
};
