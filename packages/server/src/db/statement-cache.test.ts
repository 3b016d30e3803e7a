import SQLite from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache.ts";

const open: SQLite.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function database() {
  const db = new SQLite(":memory:");
  open.push(db);
  db.exec("create table t (n integer)");
  db.exec("insert into t values (1), (2), (3)");
  return db;
}

it("hands out the statement already prepared for the same SQL", () => {
  const cached = withStatementCache(database());
  const first = cached.prepare("select n from t where n > ?");
  expect(cached.prepare("select n from t where n > ?")).toBe(first);
  expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  expect(cached.prepare("select n from t where n < ?")).not.toBe(first);
  expect(cached.cachedStatements).toBe(2);
});

it("keeps at most `size` statements, dropping the least recently used", () => {
  const cached = withStatementCache(database(), 2);
  const a = cached.prepare("select 1");
  const b = cached.prepare("select 2");
  expect(cached.prepare("select 1")).toBe(a); // now "select 2" is the least recently used
  cached.prepare("select 3");
  expect(cached.cachedStatements).toBe(2);
  expect(cached.prepare("select 1")).toBe(a);
  expect(cached.prepare("select 2")).not.toBe(b);
});

it("never hands out a statement that is still iterating", () => {
  const cached = withStatementCache(database());
  const iterating = cached.prepare("select n from t");
  const rows = iterating.iterate([]);
  rows.next();
  const other = cached.prepare("select n from t");
  expect(other).not.toBe(iterating);
  expect(other.all([])).toHaveLength(3);
  rows.return?.();
});
