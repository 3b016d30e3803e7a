/**
 * better-sqlite3 behind Kysely with its prepared statements kept. Kysely's SQLite driver calls `prepare(sql)` for
 * every query it runs, and preparing (parsing and planning the SQL) cost more than running the statement for
 * the small indexed queries Cairn makes on each request (about 11 % of the server's CPU under load). This hands
 * Kysely a database whose `prepare` returns the statement already prepared for the same SQL text.
 *
 * The cache is bounded (least recently used out first): SQL text varies with the length of `in (…)` lists and
 * multi-row inserts, so the set of texts is not fixed. A statement still running (an open `iterate()`) is never
 * handed out twice; a fresh one is prepared instead.
 */
import type Sqlite from "better-sqlite3";
import type { QueryResult, SqliteDatabase, SqliteStatement } from "kysely";

export const STATEMENT_CACHE_SIZE = 500;

export interface CachingDatabase extends SqliteDatabase {
  /** Statements held now (for tests). */
  readonly cachedStatements: number;
}

export function withStatementCache(database: Sqlite.Database, size = STATEMENT_CACHE_SIZE): CachingDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    get cachedStatements() {
      return statements.size;
    },
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Most recently used goes last; the first key is the one to evict.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > size) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
  };
}

/**
 * Runs a statement as Kysely's SQLite driver does (`all` for statements that return rows, `run` otherwise) and
 * answers in its shape.
 */
export function runStatement(
  database: SqliteDatabase,
  sql: string,
  parameters: readonly unknown[],
): QueryResult<unknown> {
  const statement = database.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}
