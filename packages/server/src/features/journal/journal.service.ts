/**
 * The end-to-end encrypted journal, server side: it stores what the device encrypted and checks only what it
 * can without reading it — ownership (another member's entry is "not found"), sizes, and versions (an edit
 * must be the stored version plus 1, so a device that missed another's save is told instead of overwriting).
 * It cannot check that a wrapped key or a ciphertext is genuine: the device does (core's journal crypto).
 */
import {
  type Clock,
  ERROR_CODES,
  JOURNAL_LIMITS,
  type JournalEntryCreate,
  type JournalEntryPage,
  type JournalEntryPayload,
  type JournalEntryUpdate,
  type JournalKeys,
  type JournalKeysInput,
} from "@cairn/core";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import { presentEntry, presentKeys } from "./journal.presenter.ts";
import type { JournalRepository } from "./journal.repository.ts";

type Member = Pick<ActiveSession, "memberId">;

/** 409 with the version now stored (0 when there is none), so the device can fetch it and merge. */
export class JournalConflict extends AppError {
  constructor(
    message: string,
    readonly current: { version: number; updatedAt: string },
    field = "version",
  ) {
    super(409, ERROR_CODES.conflict, message, { [field]: message });
  }
}

const CHANGED_ELSEWHERE =
  "This entry was changed on another device. Open the latest version, then save again.";
const KEYS_CHANGED_ELSEWHERE = "Your journal's keys were changed on another device. Open your journal again.";

export class JournalService {
  constructor(
    private readonly journal: JournalRepository,
    private readonly clock: Clock,
  ) {}

  async list(
    member: Member,
    query: { after?: string | undefined; limit?: number | undefined },
  ): Promise<JournalEntryPage> {
    const limit = query.limit ?? JOURNAL_LIMITS.pageDefault;
    const rows = await this.journal.listEntries(member.memberId, query.after, limit);
    const page = rows.slice(0, limit);
    return {
      entries: page.map(presentEntry),
      next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  async get(member: Member, id: string): Promise<JournalEntryPayload> {
    const row = await this.journal.findEntry(member.memberId, id);
    if (!row) throw notFound("That journal entry");
    return presentEntry(row);
  }

  /**
   * Stores a new entry (created: true). Sending the same entry again (a retry after a lost answer) returns the
   * stored one; a different entry under a taken id is a conflict.
   */
  async create(
    member: Member,
    input: JournalEntryCreate,
  ): Promise<{ created: boolean; entry: JournalEntryPayload }> {
    await this.checkKeyId(member, input.keyId);
    const now = this.nowIso();
    const inserted = await this.journal.insertEntry({
      member_id: member.memberId,
      id: input.id,
      key_id: input.keyId,
      version: 1,
      nonce: input.nonce,
      ciphertext: input.ciphertext,
      created_at: now,
      updated_at: now,
    });
    if (inserted) return { created: true, entry: presentEntry(inserted) };
    const existing = await this.journal.findEntry(member.memberId, input.id);
    if (existing && existing.version === 1 && sameCiphertext(existing, input)) {
      return { created: false, entry: presentEntry(existing) };
    }
    if (!existing) throw new Error("journal entry vanished between insert and read");
    throw new JournalConflict("An entry with this id already exists", current(existing), "id");
  }

  /** Saves version `stored + 1`; the same save sent twice returns the stored one. */
  async update(member: Member, id: string, input: JournalEntryUpdate): Promise<JournalEntryPayload> {
    await this.checkKeyId(member, input.keyId);
    const updated = await this.journal.updateEntry(member.memberId, id, {
      key_id: input.keyId,
      version: input.version,
      nonce: input.nonce,
      ciphertext: input.ciphertext,
      updated_at: this.nowIso(),
    });
    if (updated) return presentEntry(updated);
    const existing = await this.journal.findEntry(member.memberId, id);
    if (!existing) throw notFound("That journal entry");
    if (existing.version === input.version && sameCiphertext(existing, input)) return presentEntry(existing);
    throw new JournalConflict(CHANGED_ELSEWHERE, current(existing));
  }

  async remove(member: Member, id: string): Promise<void> {
    if (!(await this.journal.deleteEntry(member.memberId, id))) throw notFound("That journal entry");
  }

  async getKeys(member: Member): Promise<JournalKeys> {
    const stored = await this.journal.findKeys(member.memberId);
    if (!stored) throw notFound("A journal");
    return presentKeys(stored);
  }

  /**
   * Stores the keys document the device made (first time: version 1; after a password change, an account
   * recovery or new recovery codes: the stored version plus 1). A signed-in session is enough: the server
   * cannot tell a genuine wrap from a forged one, and a forged one opens nothing (see docs/SECURITY.md).
   */
  async putKeys(member: Member, input: JournalKeysInput): Promise<{ created: boolean; keys: JournalKeys }> {
    const outcome = await this.journal.saveKeys(
      member.memberId,
      {
        key_id: input.keyId,
        version: input.version,
        kdf_algorithm: input.kdf.algorithm,
        kdf_memory_kib: input.kdf.memoryKiB,
        kdf_iterations: input.kdf.iterations,
        kdf_parallelism: input.kdf.parallelism,
        kdf_salt: input.kdf.salt,
        password_wrap_nonce: input.passwordWrap.nonce,
        password_wrapped_key: input.passwordWrap.wrappedKey,
        wraps: input.recoveryWraps.map((w) => ({
          code_hash: w.codeId,
          salt: w.salt,
          nonce: w.nonce,
          wrapped_key: w.wrappedKey,
        })),
      },
      this.nowIso(),
    );
    if ("unknownCodes" in outcome) {
      throw invalidField(
        `recoveryWraps.${outcome.unknownCodes[0]}.codeId`,
        "That isn't one of your current recovery codes",
      );
    }
    if ("keyInUse" in outcome) {
      throw new AppError(
        409,
        ERROR_CODES.conflict,
        "Your journal has entries under its key: delete them to start over",
        {
          keyId: "Your journal has entries under its key",
        },
      );
    }
    if ("conflict" in outcome) {
      throw new JournalConflict(KEYS_CHANGED_ELSEWHERE, outcome.conflict ?? { version: 0, updatedAt: "" });
    }
    return { created: outcome.saved.version === 1, keys: await this.getKeys(member) };
  }

  /** Entries are written under the journal's current key only: not before the journal exists, nor under a stale key. */
  private async checkKeyId(member: Member, keyId: string): Promise<void> {
    const currentKeyId = await this.journal.currentKeyId(member.memberId);
    if (currentKeyId === undefined) {
      throw new AppError(409, ERROR_CODES.conflict, "Set up your journal first", {
        keyId: "Set up your journal first",
      });
    }
    if (currentKeyId !== keyId) {
      throw new AppError(409, ERROR_CODES.conflict, KEYS_CHANGED_ELSEWHERE, {
        keyId: KEYS_CHANGED_ELSEWHERE,
      });
    }
  }

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }
}

function sameCiphertext(
  row: { nonce: string; ciphertext: string },
  input: { nonce: string; ciphertext: string },
) {
  return row.nonce === input.nonce && row.ciphertext === input.ciphertext;
}

function current(row: { version: number; updated_at: string }) {
  return { version: row.version, updatedAt: row.updated_at };
}
