/**
 * The members table's profile columns. Credentials (the password hash, recovery codes) are the auth feature's
 * business and are never selected here, so no profile read can carry them by mistake.
 */
import type { Db } from "../../db/database.ts";

export interface MemberRow {
  id: string;
  username: string;
  displayName: string | null;
  timezone: string;
  region: string;
  /** Ciphertext; see MembersService. */
  reasonsEnc: string | null;
  createdAt: string;
}

export interface MemberProfileChanges {
  timezone?: string;
  displayName?: string | null;
  reasonsEnc?: string | null;
}

export class MembersRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<MemberRow | undefined> {
    const row = await this.db
      .selectFrom("members")
      .select(["id", "username", "display_name", "timezone", "region", "reasons_enc", "created_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        timezone: row.timezone,
        region: row.region,
        reasonsEnc: row.reasons_enc,
        createdAt: row.created_at,
      }
    );
  }

  async updateProfile(id: string, changes: MemberProfileChanges): Promise<void> {
    const set: { timezone?: string; display_name?: string | null; reasons_enc?: string | null } = {};
    if (changes.timezone !== undefined) set.timezone = changes.timezone;
    if (changes.displayName !== undefined) set.display_name = changes.displayName;
    if (changes.reasonsEnc !== undefined) set.reasons_enc = changes.reasonsEnc;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable("members").set(set).where("id", "=", id).execute();
  }
}
