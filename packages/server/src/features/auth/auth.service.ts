/**
 * Accounts without an email: sign up with an alias and a password, sign in, sign out, change the password, get
 * back in with a single-use recovery code, and (signed in) replace the recovery codes with new ones.
 *
 * What an attacker must not learn from the answers: whether a username exists (one generic 401, with a decoy
 * hash checked for unknown names so the timing matches), or whether a guess was right once the limiter has
 * stepped in (429 even for the right password). Passwords are compared after Unicode NFC normalisation, so the
 * same password typed on two keyboards that compose accents differently still matches.
 */
import {
  type Clock,
  ERROR_CODES,
  type LoginInput,
  type Member,
  type PasswordChangeInput,
  type RecoverInput,
  type RecoveryCodesRenewInput,
  type SignupInput,
} from "@cairn/core";
import {
  hashPassword,
  isCommonPassword,
  verifyAgainstDecoy,
  verifyPassword,
} from "../../crypto/passwords.ts";
import { AppError, conflict, invalidField } from "../../http/errors.ts";
import type { MembersService } from "../members/members.service.ts";
import type { ActiveSession, SessionsService } from "../sessions/sessions.service.ts";
import type { AuthRepository, Credentials } from "./auth.repository.ts";
import type { Attempt, LoginLimiter } from "./login-limiter.ts";
import { generateRecoveryCode, hashRecoveryCode } from "./recovery-codes.ts";

export const RECOVERY_CODE_COUNT = 10;
/** Until the web app sends the browser's zone (right after sign-up). */
const INITIAL_TIMEZONE = "UTC";

const WRONG_LOGIN = "That username and password don't match";
const WRONG_RECOVERY = "That username and recovery code don't match (each code works only once)";
const TRY_LATER = "Please try again in a few minutes";
const WRONG_CURRENT_PASSWORD = "That isn't your current password";
const SAME_PASSWORD = "Choose a password different from your current one";

const wrongLogin = () => new AppError(401, ERROR_CODES.unauthenticated, WRONG_LOGIN);
const wrongRecovery = () => new AppError(401, ERROR_CODES.unauthenticated, WRONG_RECOVERY);
const tooManyTries = (generic: string) =>
  new AppError(429, ERROR_CODES.rateLimited, `${generic}, or there were too many tries. ${TRY_LATER}.`);

export interface AuthSettings {
  defaultRegion: string;
}

export interface SignedIn {
  member: Member;
  /** The new session's token, for the cookie only. */
  token: string;
}

export interface SignedUp extends SignedIn {
  /** Shown this once; only their hashes are kept. */
  recoveryCodes: string[];
}

export interface Recovered extends SignedIn {
  remainingRecoveryCodes: number;
}

export class AuthService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly members: MembersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
    private readonly settings: AuthSettings,
    private readonly clock: Clock,
  ) {}

  async signup(input: SignupInput, address: string): Promise<SignedUp> {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw invalidField("password", problem);
    // Counted after the password check, so a person trying a few passwords the list refuses is not held back.
    if (!(await this.limiter.signupFromAddress(address))) {
      throw new AppError(
        429,
        ERROR_CODES.rateLimited,
        `Too many new accounts from this address. ${TRY_LATER}.`,
      );
    }
    const usernameKey = keyOf(input.username);
    if (await this.auth.usernameTaken(usernameKey)) throw usernameTaken();

    const recoveryCodes = newRecoveryCodes();
    const id = crypto.randomUUID();
    const created = await this.auth.createAccount({
      id,
      username: input.username,
      usernameKey,
      passwordHash: await hashPassword(canonical(input.password)),
      timezone: INITIAL_TIMEZONE,
      region: this.settings.defaultRegion,
      createdAt: this.nowIso(),
      recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
    });
    // Someone took the name between the check and the insert.
    if (!created) throw usernameTaken();

    const { token } = await this.sessions.start(id);
    return { member: await this.members.get(id), token, recoveryCodes };
  }

  async login(input: LoginInput, address: string): Promise<SignedIn> {
    const usernameKey = keyOf(input.username);
    const attempt = await this.limiter.attempt(usernameKey, address);
    if (!attempt) throw tooManyTries(WRONG_LOGIN);

    const found = await this.auth.findByUsernameKey(usernameKey);
    const password = canonical(input.password);
    const matches = found
      ? await verifyPassword(found.passwordHash, password)
      : await verifyAgainstDecoy(password);
    if (!found || !matches) throw wrongLogin();

    await attempt.succeeded();
    const { token } = await this.sessions.start(found.memberId);
    return { member: await this.members.get(found.memberId), token };
  }

  logout(session: ActiveSession): Promise<void> {
    return this.sessions.end(session);
  }

  /** A phone lost or left signed in somewhere: every session of the member ends, this one too. */
  logoutEverywhere(session: ActiveSession): Promise<void> {
    return this.sessions.endAllFor(session.memberId);
  }

  /** Uses a recovery code to set a new password; every earlier session ends and a new one starts. */
  async recover(input: RecoverInput, address: string): Promise<Recovered> {
    const problem = passwordProblem(input.newPassword, input.username);
    if (problem) throw invalidField("newPassword", problem);
    const usernameKey = keyOf(input.username);
    const attempt = await this.limiter.attemptFromAddress(address);
    if (!attempt) throw tooManyTries(WRONG_RECOVERY);

    // Hashed before looking anything up, so known and unknown usernames take the same time.
    const passwordHash = await hashPassword(canonical(input.newPassword));
    const found = await this.auth.findByUsernameKey(usernameKey);
    const reset =
      found !== undefined &&
      (await this.auth.resetWithRecoveryCode(
        found.memberId,
        hashRecoveryCode(input.recoveryCode),
        passwordHash,
        this.nowIso(),
      ));
    if (!found || !reset) throw wrongRecovery();

    await attempt.succeeded();
    // A locked account is unlocked by proving ownership with a code.
    await this.limiter.clearAccount(usernameKey);
    // Whoever else was signed in (perhaps the reason for the reset) is signed out.
    await this.sessions.endAllFor(found.memberId);
    const { token } = await this.sessions.start(found.memberId);
    return {
      member: await this.members.get(found.memberId),
      token,
      remainingRecoveryCodes: await this.auth.countUnusedRecoveryCodes(found.memberId),
    };
  }

  /** Needs the current password; ends every other session of the member, keeps this one (case C15). */
  async changePassword(session: ActiveSession, input: PasswordChangeInput, address: string): Promise<void> {
    const { found, attempt } = await this.currentPasswordAttempt(session, address);
    const fields: Record<string, string> = {};
    const current = canonical(input.currentPassword);
    const next = canonical(input.newPassword);
    const currentIsRight = await verifyPassword(found.passwordHash, current);
    if (!currentIsRight) {
      fields.currentPassword = WRONG_CURRENT_PASSWORD;
    } else {
      await attempt.succeeded();
    }
    // Only a right current password tells that the new one is the same: a wrong one says nothing about it.
    const problem =
      currentIsRight && next === current ? SAME_PASSWORD : passwordProblem(input.newPassword, found.username);
    if (problem) fields.newPassword = problem;
    if (Object.keys(fields).length > 0) {
      throw new AppError(422, ERROR_CODES.invalid, "Some answers need another look", fields);
    }

    await this.auth.setPasswordHash(session.memberId, await hashPassword(next));
    await this.sessions.endAllFor(session.memberId, session.tokenHash);
  }

  /**
   * Needs the current password (failures count like a password change's); replaces every recovery code of the
   * member with ten new ones, returned this once. The old codes, used or not, stop working.
   */
  async renewRecoveryCodes(
    session: ActiveSession,
    input: RecoveryCodesRenewInput,
    address: string,
  ): Promise<string[]> {
    const { found, attempt } = await this.currentPasswordAttempt(session, address);
    if (!(await verifyPassword(found.passwordHash, canonical(input.currentPassword)))) {
      throw invalidField("currentPassword", WRONG_CURRENT_PASSWORD);
    }
    await attempt.succeeded();
    const recoveryCodes = newRecoveryCodes();
    await this.auth.replaceRecoveryCodes(session.memberId, recoveryCodes.map(hashRecoveryCode));
    return recoveryCodes;
  }

  recoveryCodesLeft(session: ActiveSession): Promise<number> {
    return this.auth.countUnusedRecoveryCodes(session.memberId);
  }

  /** The signed-in member's credentials, and an attempt at their current password counted by the limiter. */
  private async currentPasswordAttempt(
    session: ActiveSession,
    address: string,
  ): Promise<{ found: Credentials; attempt: Attempt }> {
    const found = await this.auth.findByMemberId(session.memberId);
    if (!found) throw new AppError(401, ERROR_CODES.unauthenticated, "Please sign in to continue");
    // Guessing the current password from a borrowed session counts against the account like sign-in does.
    const attempt = await this.limiter.attempt(found.usernameKey, address);
    if (!attempt) throw new AppError(429, ERROR_CODES.rateLimited, `Too many tries. ${TRY_LATER}.`);
    return { found, attempt };
  }

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }
}

/** Usernames are compared without case (`members.username_key`). */
function keyOf(username: string): string {
  return username.trim().toLowerCase();
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
}

function canonical(password: string): string {
  return password.normalize("NFC");
}

function usernameTaken(): AppError {
  return conflict("username", "That username is taken; please choose another");
}

/** The rules beyond length (which core's schema checks): not a common password, not the username. */
export function passwordProblem(password: string, username: string): string | undefined {
  const typed = canonical(password);
  if (isCommonPassword(typed) || isCommonPassword(typed.trim())) {
    return "That password is one of the 10,000 most common, so it is easy to guess. Try a few unrelated words.";
  }
  if (typed.trim().toLowerCase() === keyOf(username))
    return "Your password can't be the same as your username";
  return undefined;
}
