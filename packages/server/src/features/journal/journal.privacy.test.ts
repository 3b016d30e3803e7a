/**
 * The journal's promise, checked on the stored bytes: after entries with known marker words are written,
 * edited and deleted through the real encryption and the real API, no table (every row, every column), no
 * SQLite file (with its write-ahead log) and no PostgreSQL table holds a marker word, the password or a
 * recovery code in plain text.
 */
import fs from "node:fs";
import path from "node:path";
import { decryptEntry, type JournalEntryPayload, rewrapForNewPassword } from "@cairn/core";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  buildJournal,
  buildJournalEntry,
  buildMember,
  call,
  sealJournalEntry,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

const MARKERS = {
  title: "Marigoldtitle",
  body: "Quokkabody",
  tag: "Zebratag",
  prompt: "Pangolinprompt",
  edit: "Narwhaledit",
  deleted: "Axolotldeleted",
  emoji: "Okapi😺emoji👨‍👩‍👧",
};

describeEachDatabase("journal at rest", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("holds no marker word, password or recovery code in plain text in any table or database file", async () => {
    const member = await buildMember(t, { password: "Secretpassphrase lantern" });
    const journal = await buildJournal(t, member);
    const entry = await buildJournalEntry(t, member, journal, {
      title: `My ${MARKERS.title}`,
      body: `Today ${MARKERS.body} and ${MARKERS.emoji}`,
      tags: [MARKERS.tag],
      prompt: { kind: "thought-record", fields: { situation: `At ${MARKERS.prompt}` } },
    });
    const { id: _id, ...edit } = await sealJournalEntry(
      journal,
      { body: `Later ${MARKERS.edit}` },
      { id: entry.id, version: 2 },
    );
    expect((await call(t, member, "PUT", `/api/v1/journal/entries/${entry.id}`, edit)).statusCode).toBe(200);
    const gone = await buildJournalEntry(t, member, journal, { body: MARKERS.deleted });
    expect((await call(t, member, "DELETE", `/api/v1/journal/entries/${gone.id}`)).statusCode).toBe(204);
    const newPassword = "Anotherpassphrase harbour";
    const changed = await call(t, member, "POST", "/api/v1/auth/password", {
      currentPassword: member.password,
      newPassword,
    });
    expect(changed.statusCode).toBe(204);
    const rewrapped = await rewrapForNewPassword(journal.keys, member.password, newPassword);
    expect((await call(t, member, "PUT", "/api/v1/journal/keys", rewrapped)).statusCode).toBe(200);

    // The device reads its words back…
    const stored = (await call(t, member, "GET", `/api/v1/journal/entries/${entry.id}`)).json() as {
      entry: JournalEntryPayload;
    };
    expect((await decryptEntry(journal.key, stored.entry)).content.body).toBe(`Later ${MARKERS.edit}`);

    // …but nothing the server keeps holds them, nor a secret that would open them.
    const secrets = [
      ...Object.values(MARKERS),
      member.password,
      newPassword,
      ...member.recoveryCodes,
      ...member.recoveryCodes.map((code) => code.replaceAll("-", "")),
    ];
    const haystacks = await everyTableAsText(t);
    expect(Object.keys(haystacks)).toEqual(
      expect.arrayContaining(["journal_entries", "journal_keys", "journal_recovery_wraps"]),
    );
    expect(haystacks.journal_entries).toContain(entry.id);
    for (const [table, text] of Object.entries(haystacks)) {
      for (const secret of secrets) {
        expect(text.toLowerCase(), `${secret} in table ${table}`).not.toContain(secret.toLowerCase());
      }
    }

    if (t.kind === "sqlite") {
      const base = path.join(t.dataDir, "cairn.sqlite");
      const files = [base, `${base}-wal`, `${base}-shm`].filter((f) => fs.existsSync(f));
      expect(files).toContain(`${base}-wal`);
      for (const file of files) {
        const bytes = fs.readFileSync(file);
        for (const secret of secrets) {
          for (const form of [secret, secret.toLowerCase()]) {
            expect(bytes.includes(Buffer.from(form, "utf8")), `${secret} in ${file}`).toBe(false);
          }
        }
      }
    }
  });
});

/** Every row of every table of this app's database, all columns, as JSON text per table. */
async function everyTableAsText(t: TestApp): Promise<Record<string, string>> {
  const tables =
    t.kind === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          t.db,
        );
  const text: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(t.db);
    text[name] = JSON.stringify(rows.rows);
  }
  return text;
}
