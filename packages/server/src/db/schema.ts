/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL on purpose: ids are text (UUIDs), calendar
 * dates are `YYYY-MM-DD` text, instants are ISO-8601 text (they sort as text), booleans are 0/1 integers,
 * lists are JSON text, and sensitive free text is ciphertext (see crypto/field-cipher.ts).
 */
import type { Generated } from "kysely";

export interface MembersTable {
  id: string;
  username: string;
  /** Lower-cased username, unique: aliases are compared without case. */
  username_key: string;
  display_name: string | null;
  password_hash: string;
  timezone: string;
  region: string;
  reasons_enc: string | null;
  created_at: string;
  /** 1 for the operator (granted from the command line: `npm run operator -- grant <username>`). */
  is_operator: Generated<number>;
}

export interface RecoveryCodesTable {
  id: string;
  member_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a copied database cannot be used to sign in. */
  token_hash: string;
  member_id: string;
  created_at: string;
  last_seen_at: string;
}

export interface RecoveriesTable {
  id: string;
  member_id: string;
  substance: string;
  label: string | null;
  start_date: string;
  daily_cost_cents: number | null;
  created_at: string;
}

export interface CheckinsTable {
  member_id: string;
  date: string;
  mood: number;
  craving: number;
  confidence: number;
  triggers_enc: string;
  halt: string;
  sleep_hours: number | null;
  note_enc: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckinUsesTable {
  member_id: string;
  date: string;
  recovery_id: string;
  used: number;
}

/**
 * The runs of consecutive days with a check-in, per member (core progress/runs.ts): kept by the check-ins
 * repository in the same transaction as the check-ins, so the streak is read from one row.
 */
export interface CheckinRunsTable {
  member_id: string;
  first_date: string;
  last_date: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  /** The highest seq given to a message of this team; a send increments it in the message's transaction. */
  last_seq: Generated<number>;
  created_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  member_id: string;
  role: "leader" | "member";
  joined_at: string;
  /** The team's last seq when the member joined: they see the messages after it, not the ones before. */
  joined_seq: Generated<number>;
  /** The member's read marker: messages up to this seq have been read (on any device). */
  read_seq: Generated<number>;
  /** Muted until this instant; a far-future instant means until a leader unmutes. */
  muted_until: string | null;
}

export interface TeamRemovalsTable {
  team_id: string;
  member_id: string;
  removed_at: string;
}

export interface TeamInvitesTable {
  id: string;
  team_id: string;
  /** SHA-256 of the normalised code: the code itself is shown once, to the leader who made it. */
  code_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface TeamMessagesTable {
  team_id: string;
  seq: number;
  /** Null once the author's account is deleted ("former member"). */
  author_id: string | null;
  client_id: string | null;
  kind: string;
  /** Ciphertext bound to `team-message:<team>:<seq>`. */
  text_enc: string | null;
  /** Ciphertext (JSON) bound to `team-message-data:<team>:<seq>`. */
  data_enc: string | null;
  reply_to: number | null;
  deleted_at: string | null;
  created_at: string;
}

export interface TeamReportsTable {
  id: string;
  team_id: string;
  seq: number;
  reporter_id: string;
  reason_enc: string | null;
  created_at: string;
  resolved_at: string | null;
}

export interface MemberBlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: string;
}

export interface TeamSharingTable {
  member_id: string;
  checkins: number;
  milestones: number;
  mood: number;
  craving: number;
  updated_at: string;
}

/** A member's medication: free text in `details_enc` (encrypted JSON), the schedule as plain JSON. */
export interface MedicationsTable {
  id: string;
  member_id: string;
  kind: string;
  details_enc: string;
  schedule: string;
  at_clinic: number;
  take_home_remaining: number | null;
  next_pickup: string | null;
  created_at: string;
  updated_at: string;
}

/** One row per scheduled dose the member logged, keyed by its scheduled local date and time. */
export interface MedicationDosesTable {
  medication_id: string;
  member_id: string;
  date: string;
  time: string;
  status: string;
  logged_at: string;
}

export interface PlanVersionsTable {
  member_id: string;
  version: number;
  /** The whole plan as JSON, ciphertext bound to `plan:<member>:<version>`. */
  plan_enc: string;
  saved_at: string;
}

export interface PlanActionTicksTable {
  member_id: string;
  /** The member's local date. */
  date: string;
  /** JSON list of the daily-action ids done that day. */
  done: string;
  updated_at: string;
}

/** A craving SOS episode; the `_enc` columns are ciphertext bound to `sos-<field>:<member>:<id>`. */
export interface SosEpisodesTable {
  id: string;
  member_id: string;
  started_at: string;
  /** Null while the member is still riding the urge out. */
  ended_at: string | null;
  /** The ride-it-out timer's length. */
  minutes: number;
  craving_start: number;
  craving_end: number | null;
  trigger_enc: string | null;
  plan_trigger_id: string | null;
  /** JSON list of what helped. */
  helped_enc: string | null;
  note_enc: string | null;
}

/** A withdrawal symptom check (features/withdrawal): ratings as JSON text, the note as ciphertext. */
export interface WithdrawalChecksTable {
  id: string;
  member_id: string;
  /** The member's local date when it was stored. */
  date: string;
  taken_at: string;
  ratings: string;
  total: number;
  /** Ciphertext bound to `withdrawal-note:<member>:<id>`. */
  note_enc: string | null;
}

/** One journal entry's latest version: only what the server cannot read (see features/journal). */
export interface JournalEntriesTable {
  member_id: string;
  id: string;
  key_id: string;
  version: number;
  nonce: string;
  ciphertext: string;
  created_at: string;
  updated_at: string;
}

/** The member's journal key, wrapped on the device by a key derived from their password (argon2id). */
export interface JournalKeysTable {
  member_id: string;
  key_id: string;
  version: number;
  kdf_algorithm: string;
  kdf_memory_kib: number;
  kdf_iterations: number;
  kdf_parallelism: number;
  kdf_salt: string;
  password_wrap_nonce: string;
  password_wrapped_key: string;
  updated_at: string;
}

/** The journal key wrapped by one recovery code; deleted with the code's row. */
export interface JournalRecoveryWrapsTable {
  recovery_code_id: string;
  member_id: string;
  salt: string;
  nonce: string;
  wrapped_key: string;
}

export interface Database {
  members: MembersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  recoveries: RecoveriesTable;
  checkins: CheckinsTable;
  checkin_uses: CheckinUsesTable;
  checkin_runs: CheckinRunsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  team_removals: TeamRemovalsTable;
  team_invites: TeamInvitesTable;
  team_messages: TeamMessagesTable;
  team_reports: TeamReportsTable;
  member_blocks: MemberBlocksTable;
  team_sharing: TeamSharingTable;
  medications: MedicationsTable;
  medication_doses: MedicationDosesTable;
  plan_versions: PlanVersionsTable;
  plan_action_ticks: PlanActionTicksTable;
  sos_episodes: SosEpisodesTable;
  withdrawal_checks: WithdrawalChecksTable;
  journal_entries: JournalEntriesTable;
  journal_keys: JournalKeysTable;
  journal_recovery_wraps: JournalRecoveryWrapsTable;
}
