import type { Migration } from "kysely";
import * as foundation from "./2026-12-03T1600_foundation.ts";
import * as teams from "./2026-12-03T1800_teams.ts";
import * as progressIndexes from "./2026-12-03T1900_progress_indexes.ts";
import * as checkinRuns from "./2026-12-03T1930_checkin_runs.ts";
import * as plan from "./2026-12-03T2000_plan.ts";
import * as sos from "./2026-12-03T2010_sos.ts";
import * as medications from "./2026-12-03T2020_medications.ts";
import * as withdrawal from "./2026-12-03T2030_withdrawal.ts";
import * as journal from "./2026-12-03T2040_journal.ts";

/**
 * Every migration, in order, by timestamped name. Written once for SQLite and PostgreSQL; add-only once
 * released (a schema test compares the migrated schema with a committed snapshot).
 */
export const migrations: Record<string, Migration> = {
  "2026-12-03T1600_foundation": foundation,
  "2026-12-03T1800_teams": teams,
  "2026-12-03T1900_progress_indexes": progressIndexes,
  "2026-12-03T1930_checkin_runs": checkinRuns,
  "2026-12-03T2000_plan": plan,
  "2026-12-03T2010_sos": sos,
  "2026-12-03T2020_medications": medications,
  "2026-12-03T2030_withdrawal": withdrawal,
  "2026-12-03T2040_journal": journal,
};
