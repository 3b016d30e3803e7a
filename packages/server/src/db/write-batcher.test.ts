/**
 * Group commit on SQLite (write-batcher.ts): many concurrent writes share one COMMIT, each in its own savepoint;
 * a failing write undoes only itself; nothing is acknowledged before the COMMIT, and a failed COMMIT fails the
 * whole batch. On PostgreSQL each job is its own transaction.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASES, POSTGRES_URL } from "../../test/harness.ts";
import { openDatabase } from "./database.ts";
import { type BatchReport, createWriteBatcher } from "./write-batcher.ts";

interface Tables {
  notes: { id: number; text: string };
  parents: { id: number };
  children: { id: number; parent_id: number };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sqliteDb(): Promise<{ db: Kysely<Tables>; file: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-batch-"));
  const db = openDatabase({ dataDir }).db as unknown as Kysely<Tables>;
  cleanups.push(async () => {
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await sql`create table notes (id integer primary key, text text not null unique)`.execute(db);
  await sql`create table parents (id integer primary key)`.execute(db);
  // Checked at COMMIT, not at the insert: a way to make a COMMIT fail on purpose.
  await sql`create table children (id integer primary key,
    parent_id integer not null references parents (id) deferrable initially deferred)`.execute(db);
  return { db, file: path.join(dataDir, "cairn.sqlite") };
}

const noteCount = async (db: Kysely<Tables>) =>
  Number((await sql<{ n: number }>`select count(*) as n from notes`.execute(db)).rows[0]?.n);

describe("group commit on SQLite", () => {
  it("runs the writes of one event-loop turn in one transaction with one COMMIT", async () => {
    const { db } = await sqliteDb();
    const batches: BatchReport[] = [];
    const writes = createWriteBatcher(db, { onBatch: (b) => batches.push(b) });
    expect(writes.serialized).toBe(true);

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writes.run(async (trx) => {
          await trx
            .insertInto("notes")
            .values({ id: i, text: `note ${i}` })
            .execute();
          return i * 2;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(batches).toEqual([{ size: 50, succeeded: 50, committed: true }]);
    expect(await noteCount(db)).toBe(50);
  });

  it("puts at most maxBatch writes in one transaction", async () => {
    const { db } = await sqliteDb();
    const batches: number[] = [];
    const writes = createWriteBatcher(db, { maxBatch: 64, onBatch: (b) => batches.push(b.size) });
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        writes.run((trx) =>
          trx
            .insertInto("notes")
            .values({ id: i, text: `n${i}` })
            .execute(),
        ),
      ),
    );
    expect(batches).toEqual([64, 36]);
    expect(await noteCount(db)).toBe(100);
  });

  it("undoes only the failing write, rejects only its promise, and keeps the others of the batch", async () => {
    const { db } = await sqliteDb();
    const batches: BatchReport[] = [];
    const writes = createWriteBatcher(db, { onBatch: (b) => batches.push(b) });
    const refused = new Error("refused by the service");
    const outcomes = await Promise.allSettled([
      writes.run((trx) => trx.insertInto("notes").values({ id: 1, text: "first" }).execute()),
      writes.run(async (trx) => {
        // Writes, then throws: its row must not survive.
        await trx.insertInto("notes").values({ id: 2, text: "thrown away" }).execute();
        throw refused;
      }),
      // A database error (the same text again violates the unique constraint).
      writes.run((trx) => trx.insertInto("notes").values({ id: 3, text: "first" }).execute()),
      writes.run((trx) => trx.insertInto("notes").values({ id: 4, text: "last" }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBe(refused);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(batches).toEqual([{ size: 4, succeeded: 2, committed: true }]);
    const rows = await db.selectFrom("notes").select(["id", "text"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: 1, text: "first" },
      { id: 4, text: "last" },
    ]);
  });

  it("acknowledges a write only after its COMMIT: before that, no other connection can see it", async () => {
    const { db, file } = await sqliteDb();
    const reader = new SQLite(file, { readonly: true });
    cleanups.push(async () => {
      reader.close();
    });
    const visible = () => (reader.prepare("select count(*) as n from notes").get() as { n: number }).n;
    const events: string[] = [];
    const writes = createWriteBatcher(db, { onBatch: () => events.push(`committed, visible ${visible()}`) });
    await Promise.all(
      [1, 2, 3].map((id) =>
        writes
          .run(async (trx) => {
            await trx
              .insertInto("notes")
              .values({ id, text: `n${id}` })
              .execute();
            events.push(`wrote ${id}, visible ${visible()}`);
          })
          .then(() => events.push(`acknowledged ${id}, visible ${visible()}`)),
      ),
    );
    expect(events).toEqual([
      "wrote 1, visible 0",
      "wrote 2, visible 0",
      "wrote 3, visible 0",
      "committed, visible 3",
      "acknowledged 1, visible 3",
      "acknowledged 2, visible 3",
      "acknowledged 3, visible 3",
    ]);
  });

  it("rejects every write of the batch when the COMMIT fails, and keeps none of them", async () => {
    const { db } = await sqliteDb();
    const batches: BatchReport[] = [];
    const writes = createWriteBatcher(db, { onBatch: (b) => batches.push(b) });
    const outcomes = await Promise.allSettled([
      writes.run((trx) => trx.insertInto("notes").values({ id: 1, text: "innocent" }).execute()),
      // Its statement succeeds (the foreign key is deferred) but the COMMIT then fails.
      writes.run((trx) => trx.insertInto("children").values({ id: 1, parent_id: 99 }).execute()),
      writes.run((trx) => trx.insertInto("notes").values({ id: 2, text: "bystander" }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    for (const outcome of outcomes) {
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    }
    expect(batches).toEqual([{ size: 3, succeeded: 0, committed: false }]);
    expect(await noteCount(db)).toBe(0);

    // The connection is usable again: the next batch commits.
    await writes.run((trx) => trx.insertInto("notes").values({ id: 3, text: "later" }).execute());
    expect(await noteCount(db)).toBe(1);
  });

  it("lets later writes see the earlier writes of the same batch, in submission order", async () => {
    const { db } = await sqliteDb();
    const writes = createWriteBatcher(db);
    const counts = await Promise.all(
      [1, 2, 3].map((id) =>
        writes.run(async (trx) => {
          await trx
            .insertInto("notes")
            .values({ id, text: `n${id}` })
            .execute();
          return noteCount(trx);
        }),
      ),
    );
    expect(counts).toEqual([1, 2, 3]);
  });
});

describe.runIf(DATABASES.includes("postgres"))("writes on PostgreSQL", () => {
  it("runs each write in its own transaction: a failing one undoes itself and leaves the others", async () => {
    const { db } = openDatabase({ databaseUrl: POSTGRES_URL, dataDir: os.tmpdir() }) as unknown as {
      db: Kysely<Tables>;
    };
    const table = `batch_${process.pid}_${Date.now()}`;
    cleanups.push(async () => {
      await sql`drop table if exists ${sql.table(table)}`.execute(db);
      await db.destroy();
    });
    await sql`create table ${sql.table(table)} (id integer primary key)`.execute(db);
    const writes = createWriteBatcher(db);
    expect(writes.serialized).toBe(false);
    const insert = (id: number) => sql`insert into ${sql.table(table)} (id) values (${id})`;
    const outcomes = await Promise.allSettled([
      writes.run((trx) => insert(1).execute(trx)),
      writes.run(async (trx) => {
        await insert(2).execute(trx);
        throw new Error("refused");
      }),
      writes.run((trx) => insert(3).execute(trx)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await sql<{ id: number }>`select id from ${sql.table(table)} order by id`.execute(db);
    expect(rows.rows.map((r) => r.id)).toEqual([1, 3]);
  });
});
