/**
 * What the auth routes answer. The session token never appears here: it travels only in the HttpOnly cookie.
 */
import type { MemberResult, RecoverResult, SignupResult } from "@cairn/core";
import { presentMember } from "../members/members.presenter.ts";
import type { Recovered, SignedIn, SignedUp } from "./auth.service.ts";

export function presentSignedUp(result: SignedUp): SignupResult {
  return { member: presentMember(result.member), recoveryCodes: [...result.recoveryCodes] };
}

export function presentSignedIn(result: SignedIn): MemberResult {
  return { member: presentMember(result.member) };
}

export function presentRecovered(result: Recovered): RecoverResult {
  return { member: presentMember(result.member), remainingRecoveryCodes: result.remainingRecoveryCodes };
}
