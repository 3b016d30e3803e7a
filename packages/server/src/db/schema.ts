/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL on purpose: ids are text (UUIDs), calendar
 * dates are `YYYY-MM-DD` text, instants are ISO-8601 text (they sort as text), booleans are 0/1 integers,
 * lists are JSON text, and sensitive free text is ciphertext (see crypto/field-cipher.ts).
 */

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

export interface Database {
  members: MembersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  recoveries: RecoveriesTable;
  checkins: CheckinsTable;
  checkin_uses: CheckinUsesTable;
}
