/** One typed function per API route in the contract. */
import type {
  Block,
  Checkin,
  CheckinInput,
  CheckinSaved,
  Invite,
  InviteCreated,
  InvitePreview,
  LoginInput,
  Member,
  MemberPatch,
  Message,
  MessageSend,
  MessageSent,
  PasswordChangeInput,
  Progress,
  Reaction,
  RecoverInput,
  Recovery,
  RecoveryCodesLeft,
  RecoveryCodesRenewInput,
  RecoveryCodesResult,
  RecoveryInput,
  RecoveryPatch,
  Report,
  Resources,
  Sharing,
  SignupInput,
  Team,
  TeamDetail,
  TeamMember,
} from "@cairn/core";
import { ApiRequestError, query, request } from "./client.ts";

const API = "/api/v1";
const team = (id: string) => `${API}/teams/${encodeURIComponent(id)}`;

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
  logoutEverywhere: () => request<void>("POST", `${API}/auth/logout-everywhere`, { sessionExpected: false }),
  recover: (input: RecoverInput) =>
    request<{ member: Member }>("POST", `${API}/auth/recover`, { body: input, sessionExpected: false }),
  // A wrong current password is a 422 with `fields.currentPassword`; a 401 here means the session is gone.
  changePassword: (input: PasswordChangeInput) =>
    request<void>("POST", `${API}/auth/password`, { body: input }),
  recoveryCodesLeft: () => request<RecoveryCodesLeft>("GET", `${API}/auth/recovery-codes`),
  // Like changePassword: a wrong current password is a 422 with `fields.currentPassword`.
  renewRecoveryCodes: (input: RecoveryCodesRenewInput) =>
    request<RecoveryCodesResult>("POST", `${API}/auth/recovery-codes`, { body: input }),

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

  // Teams. A team the member is not in (or was removed from) answers 404.
  teams: () => request<{ teams: Team[] }>("GET", `${API}/teams`),
  createTeam: (input: { name: string }) => request<{ team: Team }>("POST", `${API}/teams`, { body: input }),
  joinTeam: (input: { code: string }) =>
    request<{ team: Team }>("POST", `${API}/teams/join`, { body: input }),
  /** The team an invite opens, without joining (the code goes in the body, never in a URL). */
  previewInvite: (input: { code: string }) =>
    request<InvitePreview>("POST", `${API}/teams/join/preview`, { body: input }),
  team: (id: string) => request<TeamDetail>("GET", team(id)),
  leaveTeam: (id: string) => request<void>("POST", `${team(id)}/leave`),
  removeMember: (id: string, memberId: string) =>
    request<void>("DELETE", `${team(id)}/members/${encodeURIComponent(memberId)}`),
  /** Hands the lead to another member: they become the leader, the caller a member. */
  handOverLead: (id: string, memberId: string) =>
    request<TeamDetail>("POST", `${team(id)}/leader`, { body: { memberId } }),
  muteMember: (id: string, memberId: string, minutes: number | null) =>
    request<{ member: TeamMember }>("POST", `${team(id)}/members/${encodeURIComponent(memberId)}/mute`, {
      body: { minutes },
    }),
  unmuteMember: (id: string, memberId: string) =>
    request<{ member: TeamMember }>("DELETE", `${team(id)}/members/${encodeURIComponent(memberId)}/mute`),

  invites: (id: string) => request<{ invites: Invite[] }>("GET", `${team(id)}/invites`),
  createInvite: (id: string, expiresInDays: number | null) =>
    request<InviteCreated>("POST", `${team(id)}/invites`, { body: { expiresInDays } }),
  revokeInvite: (id: string, inviteId: string) =>
    request<void>("DELETE", `${team(id)}/invites/${encodeURIComponent(inviteId)}`),

  /** `after`: exactly the messages after a seq; `before`: the page before it; neither: the latest page. */
  messages: (id: string, page: { after?: number; before?: number; limit?: number } = {}) =>
    request<{ messages: Message[] }>(
      "GET",
      `${team(id)}/messages${query({
        after: page.after?.toString(),
        before: page.before?.toString(),
        limit: page.limit?.toString(),
      })}`,
    ),
  /** 201 stored, 200 already stored under this client id (a retry): the same answer either way. */
  sendMessage: (id: string, input: MessageSend) =>
    request<MessageSent>("POST", `${team(id)}/messages`, { body: input }),
  markRead: (id: string, seq: number) =>
    request<{ readSeq: number }>("POST", `${team(id)}/read`, { body: { seq } }),
  deleteMessage: (id: string, seq: number) => request<void>("DELETE", `${team(id)}/messages/${seq}`),
  react: (id: string, seq: number, emoji: Reaction) =>
    request<{ message: Message }>("POST", `${team(id)}/messages/${seq}/reactions`, { body: { emoji } }),
  reachOut: (id: string, clientId: string) =>
    request<{ message: Message }>("POST", `${team(id)}/reach-out`, { body: { clientId } }),
  report: (id: string, seq: number, reason: string | undefined) =>
    request<{ report: Report }>("POST", `${team(id)}/messages/${seq}/report`, {
      body: reason ? { reason } : {},
    }),
  reports: (id: string) => request<{ reports: Report[] }>("GET", `${team(id)}/reports`),
  resolveReport: (id: string, reportId: string) =>
    request<void>("POST", `${team(id)}/reports/${encodeURIComponent(reportId)}/resolve`),

  blocks: () => request<{ blocks: Block[] }>("GET", `${API}/blocks`),
  block: (memberId: string) => request<{ block: Block }>("POST", `${API}/blocks`, { body: { memberId } }),
  unblock: (memberId: string) => request<void>("DELETE", `${API}/blocks/${encodeURIComponent(memberId)}`),

  sharing: () => request<{ sharing: Sharing }>("GET", `${API}/me/sharing`),
  saveSharing: (sharing: Sharing) =>
    request<{ sharing: Sharing }>("PUT", `${API}/me/sharing`, { body: sharing }),
};
