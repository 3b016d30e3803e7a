/**
 * Opens the database the configuration names: SQLite in DATA_DIR by default, PostgreSQL when DATABASE_URL is
 * set. Only repositories use the returned Kysely instance; dialect differences stay inside this folder.
 */
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { runDirectly } from "./compiled-query.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";
import { runStatement, withStatementCache } from "./statement-cache.ts";
import type { WriteBatcher } from "./write-batcher.ts";

export type Db = Kysely<Database>;
/** Runs multi-statement writes: group commit on SQLite, one transaction each on PostgreSQL (write-batcher.ts). */
export type Writes = WriteBatcher<Database>;

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to use (tests isolate themselves in one each). */
  pgSchema?: string;
}

export function openDatabase(options: DatabaseOptions): { db: Db; dialect: "sqlite" | "postgres" } {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres" };
  }
  const file = path.join(options.dataDir, "cairn.sqlite");
  createPrivately(options.dataDir, file);
  const sqlite = new SQLite(file);
  // WAL for concurrent reads; FULL sync so that a write we acknowledged survives a power cut.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Kysely prepares each statement on every call; keep them prepared instead (statement-cache.ts).
  const database = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  // Compiled queries run on the connection directly while no transaction is open on it; during one (a write
  // batch), they wait for Kysely's connection lock like any query, so nothing reads uncommitted writes.
  const run = (text: string, parameters: readonly unknown[]) => runStatement(database, text, parameters);
  runDirectly(db, (text, parameters) => (sqlite.inTransaction ? undefined : run(text, parameters)), run);
  return { db, dialect: "sqlite" };
}

/**
 * A new data folder and database file are readable by Cairn's user only: the database holds members' data, and
 * SQLite gives its -wal and -shm files the database file's permissions. Existing files are left as the
 * operator set them.
 */
function createPrivately(dataDir: string, file: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its migration tables by name in *every* schema it can see unless told which one: with a
  // second schema holding them (another instance, a test running beside), it would skip creating its own and
  // fail. On PostgreSQL, name the schema this connection works in (the first of its search_path).
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
