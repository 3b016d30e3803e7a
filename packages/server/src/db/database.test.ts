import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "./database.ts";
import { migrations } from "./migrations/index.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it("opens SQLite in WAL mode with synchronous=FULL, so an acknowledged write survives a crash", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-db-"));
  dirs.push(dataDir);
  const { db, dialect } = openDatabase({ dataDir });
  expect(dialect).toBe("sqlite");
  const journal = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
  const synchronous = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
  const foreignKeys = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
  expect(journal.rows[0]?.journal_mode).toBe("wal");
  expect(synchronous.rows[0]?.synchronous).toBe(2); // 2 = FULL
  expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
  await db.destroy();
});

it("applies the migrations once and is a no-op the second time", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-db-"));
  dirs.push(dataDir);
  const { db } = openDatabase({ dataDir });
  // Every migration, in the order of their timestamped names.
  expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).sort());
  expect(await migrateToLatest(db)).toEqual([]);
  await db.destroy();
});

it("creates the data folder and the database files readable by Cairn's user only", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-db-"));
  dirs.push(parent);
  const dataDir = path.join(parent, "data");
  const { db } = openDatabase({ dataDir });
  await migrateToLatest(db);
  const mode = (file: string) => fs.statSync(path.join(dataDir, file)).mode & 0o777;
  expect(mode(".")).toBe(0o700);
  expect(mode("cairn.sqlite")).toBe(0o600);
  expect(mode("cairn.sqlite-wal")).toBe(0o600);
  await db.destroy();
});
