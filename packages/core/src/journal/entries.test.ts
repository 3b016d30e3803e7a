import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./bytes.ts";
import { decryptEntry, type EntrySlot, encryptEntry } from "./entries.ts";
import { isJournalCryptoError, type JournalCryptoErrorCode } from "./errors.ts";
import { createJournalKeys } from "./keys.ts";
import { JOURNAL_LIMITS, type JournalEntryPayload } from "./schema.ts";
import { C08_TEXT, C09_BODIES, entryContent } from "./test-entries.ts";
import type { JournalKey } from "./webcrypto.ts";

let key: JournalKey;
let otherKey: JournalKey;
let keyId: string;
const times = { createdAt: "2026-12-03T10:00:00.000Z", updatedAt: "2026-12-03T10:00:00.000Z" };

beforeAll(async () => {
  const journal = await createJournalKeys("a long uncommon passphrase", []);
  key = journal.key;
  keyId = journal.keys.keyId;
  otherKey = (await createJournalKeys("another passphrase here", [])).key;
}, 30_000);

const slot = (overrides: Partial<EntrySlot> = {}): EntrySlot => ({
  id: crypto.randomUUID(),
  version: 1,
  keyId,
  ...overrides,
});

async function sealed(content = entryContent(), at = slot()): Promise<JournalEntryPayload> {
  return { ...(await encryptEntry(key, at, content)), ...times };
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
describe("journal entry encryption", { timeout: 30_000 }, () => {
  it("opens what it sealed, with every field as written", async () => {
    const content = entryContent({
      title: "Évening",
      body: "Line one\nline two",
      mood: 4,
      tags: ["work", "sleep"],
      prompt: { kind: "gratitude", fields: { first: "Tea", second: "Sun" } },
    });
    const payload = await sealed(content);
    const opened = await decryptEntry(key, payload, { id: payload.id, minVersion: 1 });
    expect(opened).toEqual({ id: payload.id, version: 1, ...times, content });
  });

  it("keeps emoji byte for byte (C08)", async () => {
    const opened = await decryptEntry(key, await sealed(entryContent({ body: C08_TEXT, title: C08_TEXT })));
    expect(new TextEncoder().encode(opened.content.body)).toEqual(new TextEncoder().encode(C08_TEXT));
    expect(opened.content.title).toBe(C08_TEXT);
  });

  it("keeps markup as the text it is (C09)", async () => {
    for (const body of C09_BODIES) {
      expect((await decryptEntry(key, await sealed(entryContent({ body })))).content.body).toBe(body);
    }
  });

  it("stores no plaintext: the ciphertext holds none of the words, and a new nonce each time", async () => {
    const content = entryContent({ body: "marker-word-lantern" });
    const at = slot();
    const first = await encryptEntry(key, at, content);
    const second = await encryptEntry(key, at, content);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(new TextDecoder().decode(fromBase64(first.ciphertext))).not.toContain("lantern");
  });

  it("pads the plaintext so the stored size shows only roughly how long an entry is", async () => {
    const short = await sealed(entryContent({ body: "a" }));
    const longer = await sealed(entryContent({ body: "a".repeat(150) }));
    expect(fromBase64(short.ciphertext).length).toBe(fromBase64(longer.ciphertext).length);
    expect((fromBase64(short.ciphertext).length - 16) % JOURNAL_LIMITS.paddingBytes).toBe(0);
  });

  it("reports damage, not garbage, when opened with the wrong key", async () => {
    expect(await failure(decryptEntry(otherKey, await sealed()))).toBe("damaged");
  });

  it("reports damage when one byte of the ciphertext or nonce was changed", async () => {
    const payload = await sealed();
    const bytes = fromBase64(payload.ciphertext);
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    expect(await failure(decryptEntry(key, { ...payload, ciphertext: toBase64(bytes) }))).toBe("damaged");
    const nonce = fromBase64(payload.nonce);
    nonce[0] = (nonce[0] ?? 0) ^ 1;
    expect(await failure(decryptEntry(key, { ...payload, nonce: toBase64(nonce) }))).toBe("damaged");
  });

  it("reports damage when another entry's ciphertext is served under this entry's id", async () => {
    const mine = await sealed(entryContent({ body: "mine" }));
    const other = await sealed(entryContent({ body: "other" }));
    const swapped = { ...other, id: mine.id };
    expect(await failure(decryptEntry(key, swapped))).toBe("damaged");
    // And a server answering a request for one id with another entry altogether.
    expect(await failure(decryptEntry(key, other, { id: mine.id }))).toBe("damaged");
  });

  it("reports damage when an older version is replayed as the latest", async () => {
    const at = slot();
    const old = await sealed(entryContent({ body: "before" }), at);
    const current = await sealed(entryContent({ body: "after" }), { ...at, version: 2 });
    // The old ciphertext relabelled with the new version number fails authentication…
    expect(await failure(decryptEntry(key, { ...old, version: 2 }))).toBe("damaged");
    // …and served as it was, it is older than the version this device has seen.
    expect(await failure(decryptEntry(key, old, { id: at.id, minVersion: 2 }))).toBe("damaged");
    expect((await decryptEntry(key, current, { id: at.id, minVersion: 2 })).content.body).toBe("after");
  });

  it("reports damage when the key id was changed", async () => {
    const payload = await sealed();
    expect(await failure(decryptEntry(key, { ...payload, keyId: crypto.randomUUID() }))).toBe("damaged");
  });

  it("accepts an entry of exactly 100,000 characters and refuses one more with words for the member", async () => {
    const limit = JOURNAL_LIMITS.textMax;
    const full = await sealed(entryContent({ body: "é".repeat(limit) }));
    expect((await decryptEntry(key, full)).content.body).toHaveLength(limit);
    const tooLong = encryptEntry(key, slot(), entryContent({ body: "é".repeat(limit + 1) }));
    await expect(tooLong).rejects.toMatchObject({ code: "too-large", message: /at most 100,000 characters/ });
  });

  it("counts title and prompt answers toward the limit", async () => {
    const content = entryContent({
      title: "t".repeat(100),
      body: "b".repeat(JOURNAL_LIMITS.textMax - 100),
      prompt: { kind: "daily-reflection", fields: { reflection: "one more" } },
    });
    expect(await failure(encryptEntry(key, slot(), content))).toBe("too-large");
  });

  it("refuses an entry over the byte limit (escaped control characters) rather than cutting it", async () => {
    const body = "\u0001".repeat(JOURNAL_LIMITS.textMax);
    expect(await failure(encryptEntry(key, slot(), entryContent({ body })))).toBe("too-large");
  });

  it("fits the largest entry of three-byte characters within the wire limit", async () => {
    const payload = await sealed(
      entryContent({
        title: "語".repeat(JOURNAL_LIMITS.titleMax),
        body: "語".repeat(JOURNAL_LIMITS.textMax - JOURNAL_LIMITS.titleMax),
        tags: Array.from({ length: JOURNAL_LIMITS.tagsMax }, (_, i) => `語${i}`.padEnd(40, "語")),
      }),
    );
    expect(payload.ciphertext.length).toBeLessThanOrEqual(JOURNAL_LIMITS.ciphertextMax);
  });

  it("refuses content the entry schema refuses (an unknown prompt answer)", async () => {
    const content = entryContent({ prompt: { kind: "gratitude", fields: { situation: "x" } } });
    expect(await failure(encryptEntry(key, slot(), content))).toBe("invalid-content");
  });
});
