import { beforeAll, describe, expect, it } from "vitest";
import { decryptEntry, encryptEntry } from "./entries.ts";
import { isJournalCryptoError, type JournalCryptoErrorCode } from "./errors.ts";
import {
  createJournalKeys,
  JOURNAL_KDF_DEFAULT,
  kdfStrengthProblem,
  type NewJournal,
  recoveryCodeId,
  rewrapAfterRecovery,
  rewrapForNewPassword,
  rewrapForNewRecoveryCodes,
  unlockWithPassword,
  unlockWithRecoveryCode,
} from "./keys.ts";
import { type JournalEntryPayload, type JournalKeysInput, journalKeysInputSchema } from "./schema.ts";
import { entryContent } from "./test-entries.ts";
import type { JournalKey } from "./webcrypto.ts";

const PASSWORD = "kettle orchard lantern";
const CODES = ["abcd-efgh-jkmn-pqrs", "tuvw-xyz2-3456-789a", "bcde-fghj-kmnp-qrst"];
let journal: NewJournal;
let entry: JournalEntryPayload;

beforeAll(async () => {
  journal = await createJournalKeys(PASSWORD, CODES);
  const slot = { id: crypto.randomUUID(), version: 1, keyId: journal.keys.keyId };
  const times = { createdAt: "2026-12-03T10:00:00.000Z", updatedAt: "2026-12-03T10:00:00.000Z" };
  entry = { ...(await encryptEntry(journal.key, slot, entryContent({ body: "still here" }))), ...times };
}, 30_000);

async function reads(key: JournalKey): Promise<string> {
  return (await decryptEntry(key, entry)).content.body;
}

async function failure(promise: Promise<unknown>): Promise<JournalCryptoErrorCode | "none"> {
  try {
    await promise;
    return "none";
  } catch (error) {
    if (isJournalCryptoError(error)) return error.code;
    throw error;
  }
}

// argon2id at 64 MiB takes about half a second per call, more on a busy machine.
describe("the journal key", { timeout: 30_000 }, () => {
  it("starts as a keys document the server accepts, with argon2id at 64 MiB and 3 passes and one wrap per code", async () => {
    expect(journalKeysInputSchema.safeParse(journal.keys).success).toBe(true);
    expect(journal.keys).toMatchObject({
      version: 1,
      kdf: { algorithm: "argon2id", memoryKiB: 65536, iterations: 3 },
    });
    expect(journal.keys.recoveryWraps.map((w) => w.codeId)).toEqual(
      await Promise.all(CODES.map(recoveryCodeId)),
    );
  });

  it("is kept on the device as a key that cannot be exported", async () => {
    expect(journal.key.extractable).toBe(false);
    const unlocked = await unlockWithPassword(journal.keys, PASSWORD);
    expect(unlocked.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("raw", unlocked)).rejects.toThrow();
  });

  it("opens with the password, typed with accents composed either way", async () => {
    const accented = await createJournalKeys("café au lait matin", []);
    const decomposed = "café au lait matin".normalize("NFD");
    expect((await unlockWithPassword(accented.keys, decomposed)).type).toBe("secret");
    expect(await reads(await unlockWithPassword(journal.keys, PASSWORD))).toBe("still here");
  });

  it("does not open with a wrong password", async () => {
    expect(await failure(unlockWithPassword(journal.keys, "kettle orchard lanterns"))).toBe("wrong-secret");
  });

  it("opens with any recovery code, typed in any case and spacing", async () => {
    expect(await reads(await unlockWithRecoveryCode(journal.keys, "TUVW XYZ2 3456 789A"))).toBe("still here");
  });

  it("says plainly when a recovery code has no wrap, and refuses a wrap moved to another code's slot", async () => {
    expect(await failure(unlockWithRecoveryCode(journal.keys, "zzzz-zzzz-zzzz-zzzz"))).toBe(
      "no-recovery-wrap",
    );
    const [first, second] = journal.keys.recoveryWraps;
    if (!first || !second) throw new Error("expected wraps");
    const moved = { ...journal.keys, recoveryWraps: [{ ...second, codeId: first.codeId }] };
    expect(await failure(unlockWithRecoveryCode(moved, CODES[0] ?? ""))).toBe("wrong-secret");
  });

  it("refuses a keys document whose key id was changed", async () => {
    const relabelled = { ...journal.keys, keyId: crypto.randomUUID() };
    expect(await failure(unlockWithPassword(relabelled, PASSWORD))).toBe("wrong-secret");
  });

  it("refuses weaker KDF parameters served to it, before deriving anything", async () => {
    const weaker: JournalKeysInput[] = [
      { ...journal.keys, kdf: { ...journal.keys.kdf, memoryKiB: 32 * 1024 } },
      { ...journal.keys, kdf: { ...journal.keys.kdf, iterations: 2 } },
      { ...journal.keys, kdf: { ...journal.keys.kdf, salt: "c2hvcnQ=" } },
      { ...journal.keys, kdf: { ...journal.keys.kdf, salt: "not base64!" } },
    ];
    for (const keys of weaker) expect(await failure(unlockWithPassword(keys, PASSWORD))).toBe("weak-kdf");
    // And absurdly large ones, which would freeze the device.
    const huge = { ...journal.keys.kdf, memoryKiB: 4 * 1024 * 1024 };
    expect(kdfStrengthProblem(huge)).toMatch(/larger/);
    expect(journalKeysInputSchema.safeParse(weaker[0]).success).toBe(false);
  });

  it("re-wraps on a password change: the new password opens the same entries, the old one no longer does", async () => {
    const keys = await rewrapForNewPassword(journal.keys, PASSWORD, "a brand new passphrase");
    expect(keys).toMatchObject({
      keyId: journal.keys.keyId,
      version: 2,
      recoveryWraps: journal.keys.recoveryWraps,
    });
    expect(keys.kdf.salt).not.toBe(journal.keys.kdf.salt);
    expect(await reads(await unlockWithPassword(keys, "a brand new passphrase"))).toBe("still here");
    expect(await failure(unlockWithPassword(keys, PASSWORD))).toBe("wrong-secret");
    expect(await failure(rewrapForNewPassword(journal.keys, "not my password", "x y z w"))).toBe(
      "wrong-secret",
    );
  });

  it("after an account recovery with a code: opens with the code, wraps under the new password, drops that code's wrap", async () => {
    const used = CODES[1] ?? "";
    const recovered = await rewrapAfterRecovery(journal.keys, used, "after recovery passphrase");
    expect(recovered.keys.version).toBe(2);
    expect(await reads(recovered.key)).toBe("still here");
    expect(recovered.key.extractable).toBe(false);
    expect(await reads(await unlockWithPassword(recovered.keys, "after recovery passphrase"))).toBe(
      "still here",
    );
    expect(await failure(unlockWithRecoveryCode(recovered.keys, used))).toBe("no-recovery-wrap");
    expect(await reads(await unlockWithRecoveryCode(recovered.keys, CODES[2] ?? ""))).toBe("still here");
  });

  it("after new recovery codes: the new codes open the journal and the old ones no longer do", async () => {
    const fresh = ["mnpq-rstu-vwxy-z234"];
    const keys = await rewrapForNewRecoveryCodes(journal.keys, PASSWORD, fresh);
    expect(keys.passwordWrap).toEqual(journal.keys.passwordWrap);
    expect(await reads(await unlockWithRecoveryCode(keys, fresh[0] ?? ""))).toBe("still here");
    expect(await failure(unlockWithRecoveryCode(keys, CODES[0] ?? ""))).toBe("no-recovery-wrap");
  });

  it("uses the documented default of 64 MiB, 3 passes", () => {
    expect(JOURNAL_KDF_DEFAULT).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
  });
});
