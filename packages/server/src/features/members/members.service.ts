/**
 * A member's own profile: time zone, display name and reasons for recovery. A member only ever reaches their
 * own record (the id comes from the session, never from the request), so there is no one else's to ask for.
 *
 * Reasons are free text a person may not want anyone to read; they are stored encrypted with the field
 * cipher, bound to the member (`member-reasons:<id>`), so a value copied to another row does not decrypt.
 */
import type { Member, MemberPatch } from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { notFound } from "../../http/errors.ts";
import type { SessionsService } from "../sessions/sessions.service.ts";
import type { MemberProfileChanges, MemberRow, MembersRepository } from "./members.repository.ts";

export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly cipher: FieldCipher,
    /** Sessions carry the member's time zone: told when it changes (sessions.service.ts). */
    private readonly sessions: Pick<SessionsService, "profileChanged">,
  ) {}

  async get(memberId: string): Promise<Member> {
    const row = await this.members.findById(memberId);
    // Only reachable if the account vanished between the session check and this read.
    if (!row) throw notFound("Your account");
    return this.toMember(row);
  }

  async update(memberId: string, patch: MemberPatch): Promise<Member> {
    const changes: MemberProfileChanges = {};
    if (patch.timezone !== undefined) changes.timezone = patch.timezone;
    if (patch.displayName !== undefined) changes.displayName = patch.displayName;
    if (patch.reasons !== undefined) {
      changes.reasonsEnc =
        patch.reasons.length === 0 ? null : this.cipher.encryptJson(patch.reasons, reasonsContext(memberId));
    }
    await this.members.updateProfile(memberId, changes);
    if (changes.timezone !== undefined) this.sessions.profileChanged(memberId);
    return this.get(memberId);
  }

  private toMember(row: MemberRow): Member {
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      timezone: row.timezone,
      region: row.region,
      reasons: row.reasonsEnc
        ? this.cipher.decryptJson<string[]>(row.reasonsEnc, reasonsContext(row.id))
        : [],
      createdAt: row.createdAt,
    };
  }
}

function reasonsContext(memberId: string): string {
  return `member-reasons:${memberId}`;
}
