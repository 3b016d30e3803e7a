/**
 * Integration-test harness: the real app through `inject`, on a fresh SQLite file and, when PostgreSQL is
 * reachable, on a fresh PostgreSQL schema. `CAIRN_REQUIRE_POSTGRES=1` (set by CI) turns an unreachable
 * PostgreSQL into a failure instead of a skip.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { Migrator } from "kysely";
import pg from "pg";
import { describe } from "vitest";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config/config.ts";
import { type Db, openDatabase } from "../src/db/database.ts";
import { migrations } from "../src/db/migrations/index.ts";
import type { LiveEventBus } from "../src/realtime/events.ts";

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const hasPostgres = await postgresReachable();
if (!hasPostgres && process.env.CAIRN_REQUIRE_POSTGRES === "1") {
  throw new Error(`CAIRN_REQUIRE_POSTGRES=1 but PostgreSQL is not reachable at ${POSTGRES_URL}`);
}
if (!hasPostgres) {
  process.stderr.write(
    `PostgreSQL not reachable at ${POSTGRES_URL}: integration tests run on SQLite only.\n`,
  );
}

export type DatabaseKind = "sqlite" | "postgres";
export const DATABASES: DatabaseKind[] = hasPostgres ? ["sqlite", "postgres"] : ["sqlite"];

/** A clock tests can move: starts at 2026-12-03 15:00 UTC unless told otherwise. */
export class TestClock {
  constructor(public nowMs = Date.parse("2026-12-03T15:00:00Z")) {}
  readonly now = () => this.nowMs;
  set(iso: string): void {
    this.nowMs = Date.parse(iso);
  }
  advance(ms: number): void {
    this.nowMs += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: TestClock;
  kind: DatabaseKind;
  dataDir: string;
  /** The PostgreSQL schema this app lives in (undefined on SQLite). */
  pgSchema: string | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Capture log lines here (with LOG_LEVEL set in `env`); logging is off otherwise. */
  logStream?: { write(line: string): void };
  /** A layer around the live event bus (e.g. to delay events as another instance's would arrive). */
  wrapLiveEventBus?: (bus: LiveEventBus) => LiveEventBus;
}

export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  clock = new TestClock(),
  options: TestAppOptions = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-test-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    WEB_DIST_DIR: path.join(dataDir, "no-web"),
    // Test files sign up many members from one address; the sign-up limit has its own tests.
    SIGNUPS_PER_ADDRESS: "100000",
    ...env,
  });
  let db: Db;
  let dropSchema = async () => {};
  let pgSchema: string | undefined;
  if (kind === "postgres") {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    pgSchema = schema;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    db = openDatabase({ databaseUrl: POSTGRES_URL, dataDir, pgSchema: schema }).db;
    // Kysely's migrator checks for its own tables in every schema unless told which: with other test schemas
    // migrating at the same moment it can see theirs and skip creating ours. Migrate this schema by name first
    // (the app's own migrateToLatest then finds nothing to do).
    const migrated = await new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableSchema: schema,
    }).migrateToLatest();
    if (migrated.error) throw migrated.error;
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  } else {
    db = openDatabase({ dataDir }).db;
  }
  const app = await buildApp({
    config,
    clock: clock.now,
    db,
    logger: options.logStream !== undefined,
    // Every answer is checked against its response schema (http/serialization.ts).
    checkResponses: true,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.wrapLiveEventBus ? { wrapLiveEventBus: options.wrapLiveEventBus } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    clock,
    kind,
    dataDir,
    pgSchema,
    async close() {
      await app.close();
      await db.destroy();
      await dropSchema();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the same suite once per reachable database. */
export function describeEachDatabase(name: string, suite: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASES) describe(`${name} [${kind}]`, () => suite(kind));
}

/** The session cookie from a response, ready to send back as a `cookie` header. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "cairn_session");
  if (!cookie) throw new Error(`No session cookie in response ${response.statusCode}: ${response.body}`);
  return `cairn_session=${cookie.value}`;
}
