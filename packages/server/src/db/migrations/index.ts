import type { Migration } from "kysely";
import * as foundation from "./2026-12-03T1600_foundation.ts";

/**
 * Every migration, in order, by timestamped name. Written once for SQLite and PostgreSQL; add-only once
 * released (a schema test compares the migrated schema with a committed snapshot).
 */
export const migrations: Record<string, Migration> = {
  "2026-12-03T1600_foundation": foundation,
};
