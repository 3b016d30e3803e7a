import { randomUUID } from "node:crypto";
import {
  decryptEntry,
  JOURNAL_LIMITS,
  type JournalEntryPayload,
  type JournalKeys,
  journalKeysInputSchema,
  rewrapAfterRecovery,
  rewrapForNewPassword,
  rewrapForNewRecoveryCodes,
  type SealedEntry,
  unlockWithPassword,
} from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildJournal,
  buildJournalEntry,
  buildMember,
  call,
  sealJournalEntry,
  type TestJournal,
  type TestMember,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

const ENTRIES = "/api/v1/journal/entries";
const KEYS = "/api/v1/journal/keys";

describeEachDatabase("journal API", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function storedKeys(who: TestMember): Promise<JournalKeys> {
    const response = await call(t, who, "GET", KEYS);
    expect(response.statusCode).toBe(200);
    return (response.json() as { keys: JournalKeys }).keys;
  }

  /** The stored document as the device sends it back (the served extras left out). */
  const asInput = ({ updatedAt: _u, recoveryCodesWithoutWrap: _r, ...keys }: JournalKeys) =>
    journalKeysInputSchema.parse(keys);

  async function readBody(who: TestMember, journal: Pick<TestJournal, "key">, id: string): Promise<string> {
    const response = await call(t, who, "GET", `${ENTRIES}/${id}`);
    expect(response.statusCode).toBe(200);
    const payload = (response.json() as { entry: JournalEntryPayload }).entry;
    return (await decryptEntry(journal.key, payload, { id })).content.body;
  }

  /** A PUT carries the entry's next version; the id is in the path. */
  const editBody = ({ id: _id, ...edit }: SealedEntry) => edit;

  async function entryCount(memberId: string): Promise<number> {
    const rows = await t.db
      .selectFrom("journal_entries")
      .select("id")
      .where("member_id", "=", memberId)
      .execute();
    return rows.length;
  }

  describe("keys", () => {
    it("has none before the journal starts, then serves exactly what the device stored", async () => {
      const member = await buildMember(t);
      expect((await call(t, member, "GET", KEYS)).statusCode).toBe(404);
      const journal = await buildJournal(t, member);
      const keys = await storedKeys(member);
      expect(asInput(keys)).toEqual({
        ...journal.keys,
        recoveryWraps: [...journal.keys.recoveryWraps].sort((a, b) => (a.codeId < b.codeId ? -1 : 1)),
      });
      expect(keys.recoveryCodesWithoutWrap).toBe(0);
      expect(keys.updatedAt).toBe("2026-12-03T15:00:00.000Z");
    });

    it("takes the next version only: a stale or skipped version is a conflict naming the stored one", async () => {
      const member = await buildMember(t);
      const journal = await buildJournal(t, member);
      for (const version of [1, 3]) {
        const response = await call(t, member, "PUT", KEYS, { ...journal.keys, version });
        expect(response.statusCode).toBe(409);
        expect(response.json()).toMatchObject({ error: { code: "conflict" }, current: { version: 1 } });
      }
      const next = await rewrapForNewPassword(journal.keys, member.password, "another long passphrase");
      expect((await call(t, member, "PUT", KEYS, next)).statusCode).toBe(200);
      expect((await storedKeys(member)).version).toBe(2);
    });

    it("refuses a first document that is not version 1", async () => {
      const member = await buildMember(t);
      const { keys } = await buildJournal(t, await buildMember(t));
      const response = await call(t, member, "PUT", KEYS, { ...keys, version: 2, recoveryWraps: [] });
      expect(response.statusCode).toBe(409);
      expect(response.json().current).toEqual({ version: 0, updatedAt: "" });
      expect((await call(t, member, "GET", KEYS)).statusCode).toBe(404);
    });

    it("refuses weak argon2id parameters and malformed wraps with the field named, and writes nothing", async () => {
      const member = await buildMember(t);
      const { keys } = await buildJournal(t, await buildMember(t));
      const bad: [unknown, string][] = [
        [{ ...keys, recoveryWraps: [], kdf: { ...keys.kdf, memoryKiB: 32 * 1024 } }, "kdf.memoryKiB"],
        [{ ...keys, recoveryWraps: [], kdf: { ...keys.kdf, iterations: 2 } }, "kdf.iterations"],
        [{ ...keys, recoveryWraps: [], kdf: { ...keys.kdf, algorithm: "pbkdf2" } }, "kdf.algorithm"],
        [
          { ...keys, recoveryWraps: [], passwordWrap: { nonce: "short", wrappedKey: "x" } },
          "passwordWrap.nonce",
        ],
        [{ ...keys, recoveryWraps: [], keyId: "not-an-id" }, "keyId"],
        [{ ...keys, recoveryWraps: [], extra: 1 }, "extra"],
      ];
      for (const [body, field] of bad) {
        const response = await call(t, member, "PUT", KEYS, body);
        expect(response.statusCode, field).toBe(400);
        expect(Object.keys(response.json().error.fields), field).toContain(field);
      }
      expect((await call(t, member, "GET", KEYS)).statusCode).toBe(404);
    });

    it("refuses wraps for codes that are not the member's current recovery codes", async () => {
      const member = await buildMember(t);
      const other = await buildMember(t);
      const { keys } = await buildJournal(t, other);
      const response = await call(t, member, "PUT", KEYS, keys);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({
        "recoveryWraps.0.codeId": "That isn't one of your current recovery codes",
      });
      expect((await call(t, member, "GET", KEYS)).statusCode).toBe(404);
    });

    it("drops the code wraps when the recovery codes are replaced, and takes wraps for the new codes", async () => {
      const member = await buildMember(t);
      const journal = await buildJournal(t, member);
      const renewed = await call(t, member, "POST", "/api/v1/auth/recovery-codes", {
        currentPassword: member.password,
      });
      const newCodes = (renewed.json() as { recoveryCodes: string[] }).recoveryCodes;
      const afterRenewal = await storedKeys(member);
      expect(afterRenewal.recoveryWraps).toEqual([]);
      expect(afterRenewal.recoveryCodesWithoutWrap).toBe(10);
      expect(afterRenewal.passwordWrap).toEqual(journal.keys.passwordWrap);

      const rewrapped = await rewrapForNewRecoveryCodes(asInput(afterRenewal), member.password, newCodes);
      expect((await call(t, member, "PUT", KEYS, rewrapped)).statusCode).toBe(200);
      const keys = await storedKeys(member);
      expect(keys.recoveryWraps).toHaveLength(10);
      expect(keys.recoveryCodesWithoutWrap).toBe(0);
    });

    it("lets a new key replace the old only while no entry is stored under it", async () => {
      const member = await buildMember(t);
      const journal = await buildJournal(t, member);
      const entry = await buildJournalEntry(t, member, journal);
      const { keys: fresh } = await buildJournal(t, await buildMember(t));
      const startOver = { ...fresh, version: 2, recoveryWraps: [] };
      const refused = await call(t, member, "PUT", KEYS, startOver);
      expect(refused.statusCode).toBe(409);
      expect(Object.keys(refused.json().error.fields)).toEqual(["keyId"]);
      expect((await call(t, member, "DELETE", `${ENTRIES}/${entry.id}`)).statusCode).toBe(204);
      expect((await call(t, member, "PUT", KEYS, startOver)).statusCode).toBe(200);
      expect((await storedKeys(member)).keyId).toBe(fresh.keyId);
    });
  });

  describe("entries", () => {
    let member: TestMember;
    let journal: TestJournal;
    beforeAll(async () => {
      member = await buildMember(t);
      journal = await buildJournal(t, member);
    });

    it("stores an entry under the device's id and gives it back to be opened only on the device", async () => {
      const sealed = await sealJournalEntry(journal, { body: "Walked to the river" });
      const created = await call(t, member, "POST", ENTRIES, sealed);
      expect(created.statusCode).toBe(201);
      expect(created.json().entry).toEqual({
        ...sealed,
        createdAt: "2026-12-03T15:00:00.000Z",
        updatedAt: "2026-12-03T15:00:00.000Z",
      });
      expect(await readBody(member, journal, sealed.id)).toBe("Walked to the river");
    });

    it("returns the stored entry when the same entry is sent again, and refuses another under its id", async () => {
      const sealed = await sealJournalEntry(journal);
      expect((await call(t, member, "POST", ENTRIES, sealed)).statusCode).toBe(201);
      expect((await call(t, member, "POST", ENTRIES, sealed)).statusCode).toBe(200);
      const other = await sealJournalEntry(journal, { body: "different" }, { id: sealed.id });
      const response = await call(t, member, "POST", ENTRIES, other);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        current: { version: 1 },
        error: { fields: { id: expect.any(String) } },
      });
    });

    it("saves version stored + 1 and reports a conflict, with the stored version, to a device that missed a save", async () => {
      const entry = await buildJournalEntry(t, member, journal, { body: "first" });
      t.clock.advance(60_000);
      const second = await sealJournalEntry(journal, { body: "second" }, { id: entry.id, version: 2 });
      const saved = await call(t, member, "PUT", `${ENTRIES}/${entry.id}`, editBody(second));
      expect(saved.statusCode).toBe(200);
      expect(saved.json().entry).toMatchObject({
        version: 2,
        createdAt: entry.createdAt,
        updatedAt: "2026-12-03T15:01:00.000Z",
      });
      // The same save again (a retry) is fine…
      expect((await call(t, member, "PUT", `${ENTRIES}/${entry.id}`, editBody(second))).statusCode).toBe(200);
      // …another device's edit of version 1 is not, nor a skipped version.
      for (const version of [2, 4]) {
        const stale = await sealJournalEntry(
          journal,
          { body: "from the other phone" },
          { id: entry.id, version },
        );
        const response = await call(t, member, "PUT", `${ENTRIES}/${entry.id}`, editBody(stale));
        expect(response.statusCode).toBe(409);
        expect(response.json()).toMatchObject({
          error: { code: "conflict", fields: { version: expect.stringMatching(/another device/) } },
          current: { version: 2, updatedAt: "2026-12-03T15:01:00.000Z" },
        });
      }
      expect(await readBody(member, journal, entry.id)).toBe("second");
    });

    it("lists entries a page at a time in id order", async () => {
      const fresh = await buildMember(t);
      const own = await buildJournal(t, fresh);
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await buildJournalEntry(t, fresh, own)).id);
      ids.sort();
      const first = (await call(t, fresh, "GET", `${ENTRIES}?limit=2`)).json();
      expect(first.entries.map((e: JournalEntryPayload) => e.id)).toEqual(ids.slice(0, 2));
      expect(first.next).toBe(ids[1]);
      const second = (await call(t, fresh, "GET", `${ENTRIES}?limit=2&after=${first.next}`)).json();
      expect(second).toEqual({ entries: [expect.objectContaining({ id: ids[2] })], next: null });
      expect((await call(t, await buildMember(t), "GET", ENTRIES)).json()).toEqual({
        entries: [],
        next: null,
      });
    });

    it("deletes an entry, after which it is not found", async () => {
      const entry = await buildJournalEntry(t, member, journal);
      expect((await call(t, member, "DELETE", `${ENTRIES}/${entry.id}`)).statusCode).toBe(204);
      expect((await call(t, member, "GET", `${ENTRIES}/${entry.id}`)).statusCode).toBe(404);
      expect((await call(t, member, "DELETE", `${ENTRIES}/${entry.id}`)).statusCode).toBe(404);
      const edit = await sealJournalEntry(journal, {}, { id: entry.id, version: 2 });
      expect((await call(t, member, "PUT", `${ENTRIES}/${entry.id}`, editBody(edit))).statusCode).toBe(404);
    });

    it("takes the largest entry (100,000 characters, encrypted) and refuses anything larger before storing it", async () => {
      const before = await entryCount(member.member.id);
      const largest = await sealJournalEntry(journal, { body: "語".repeat(JOURNAL_LIMITS.textMax) });
      expect((await call(t, member, "POST", ENTRIES, largest)).statusCode).toBe(201);
      const overLimit = {
        ...largest,
        id: randomUUID(),
        ciphertext: "A".repeat(JOURNAL_LIMITS.ciphertextMax + 4),
      };
      const refused = await call(t, member, "POST", ENTRIES, overLimit);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual({ ciphertext: "The entry is too large" });
      const overBody = {
        ...largest,
        id: randomUUID(),
        ciphertext: "A".repeat(JOURNAL_LIMITS.requestBytesMax),
      };
      expect((await call(t, member, "POST", ENTRIES, overBody)).statusCode).toBe(413);
      expect(await entryCount(member.member.id)).toBe(before + 1);
    });

    it("refuses malformed entries with the field named, and writes nothing", async () => {
      const before = await entryCount(member.member.id);
      const sealed = await sealJournalEntry(journal);
      const bad: [unknown, string][] = [
        [{ ...sealed, id: "12" }, "id"],
        [{ ...sealed, version: 2 }, "version"],
        [{ ...sealed, nonce: "not base64!" }, "nonce"],
        [{ ...sealed, ciphertext: "" }, "ciphertext"],
        [{ ...sealed, ciphertext: "plain words" }, "ciphertext"],
        [{ ...sealed, body: "plaintext is never accepted" }, "body"],
      ];
      for (const [body, field] of bad) {
        const response = await call(t, member, "POST", ENTRIES, body);
        expect(response.statusCode, field).toBe(400);
        expect(Object.keys(response.json().error.fields), field).toContain(field);
      }
      const badEdit = await call(t, member, "PUT", `${ENTRIES}/${sealed.id}`, {
        ...editBody(sealed),
        version: 1,
      });
      expect(badEdit.statusCode).toBe(400);
      expect((await call(t, member, "GET", `${ENTRIES}/not-an-id`)).statusCode).toBe(400);
      expect((await call(t, member, "GET", `${ENTRIES}?limit=501`)).statusCode).toBe(400);
      expect(await entryCount(member.member.id)).toBe(before);
    });

    it("refuses entries before the journal is set up, or under a key that is not the journal's", async () => {
      const newcomer = await buildMember(t);
      const early = await call(t, newcomer, "POST", ENTRIES, await sealJournalEntry(journal));
      expect(early.statusCode).toBe(409);
      expect(early.json().error.fields).toEqual({ keyId: "Set up your journal first" });
      const stale = await call(t, member, "POST", ENTRIES, {
        ...(await sealJournalEntry(journal)),
        keyId: randomUUID(),
      });
      expect(stale.statusCode).toBe(409);
      expect(Object.keys(stale.json().error.fields)).toEqual(["keyId"]);
    });

    it("shows another member nothing: the owner's entries and keys are not found, and nothing changes", async () => {
      const entry = await buildJournalEntry(t, member, journal, { body: "only mine" });
      const stranger = await buildMember(t);
      const strangerJournal = await buildJournal(t, stranger);
      const url = `${ENTRIES}/${entry.id}`;
      expect((await call(t, stranger, "GET", url)).statusCode).toBe(404);
      const edit = await sealJournalEntry(strangerJournal, {}, { id: entry.id, version: 2 });
      expect((await call(t, stranger, "PUT", url, editBody(edit))).statusCode).toBe(404);
      expect((await call(t, stranger, "DELETE", url)).statusCode).toBe(404);
      expect((await call(t, stranger, "GET", ENTRIES)).json().entries).toEqual([]);
      expect((await storedKeys(stranger)).keyId).toBe(strangerJournal.keys.keyId);
      // The same id in the stranger's own journal is theirs alone.
      const own = await sealJournalEntry(strangerJournal, {}, { id: entry.id });
      expect((await call(t, stranger, "POST", ENTRIES, own)).statusCode).toBe(201);
      expect(await readBody(member, journal, entry.id)).toBe("only mine");
    });
  });

  describe("the journal across account changes", () => {
    it("opens after a password change, once the device has re-wrapped the key", async () => {
      const member = await buildMember(t);
      const journal = await buildJournal(t, member);
      const entry = await buildJournalEntry(t, member, journal, { body: "before the change" });
      const newPassword = "a different long phrase";
      const changed = await call(t, member, "POST", "/api/v1/auth/password", {
        currentPassword: member.password,
        newPassword,
      });
      expect(changed.statusCode).toBe(204);
      const rewrapped = await rewrapForNewPassword(
        asInput(await storedKeys(member)),
        member.password,
        newPassword,
      );
      expect((await call(t, member, "PUT", KEYS, rewrapped)).statusCode).toBe(200);
      const key = await unlockWithPassword(await storedKeys(member), newPassword);
      expect(await readBody(member, { key }, entry.id)).toBe("before the change");
    });

    it("opens after the account is recovered with a recovery code, and the used code's wrap is dropped", async () => {
      const member = await buildMember(t);
      const journal = await buildJournal(t, member);
      const entry = await buildJournalEntry(t, member, journal, { body: "worth keeping" });
      const code = member.recoveryCodes[3] as string;
      const newPassword = "recovered and steady";
      const recovered = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/recover",
        payload: { username: member.username, recoveryCode: code, newPassword },
      });
      expect(recovered.statusCode).toBe(200);
      const session: TestMember = {
        ...member,
        password: newPassword,
        cookie: String(recovered.headers["set-cookie"]).split(";")[0] as string,
      };
      // Recovery deleted nothing: the entries and every wrap are still there for the device.
      const keys = await storedKeys(session);
      expect(keys.recoveryWraps).toHaveLength(10);
      const { keys: rewrapped, key } = await rewrapAfterRecovery(asInput(keys), code, newPassword);
      expect((await call(t, session, "PUT", KEYS, rewrapped)).statusCode).toBe(200);
      expect(await readBody(session, { key }, entry.id)).toBe("worth keeping");
      const after = await storedKeys(session);
      expect(after.recoveryWraps).toHaveLength(9);
      expect(after.recoveryCodesWithoutWrap).toBe(0);
      const reopened = await unlockWithPassword(after, newPassword);
      expect(await readBody(session, { key: reopened }, entry.id)).toBe("worth keeping");
    });
  });
});
