import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The database as Kysely sees it. Conventions that hold on both SQLite and PostgreSQL:
 * ids are text, times are integer epoch milliseconds (bigint), flags are integers 0/1,
 * money is integer minor units beside a currency, JSON is text.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  login_attempts: LoginAttemptsTable;
  trusted_devices: TrustedDevicesTable;
  outbox_mail: OutboxMailTable;
  jobs: JobsTable;
}

export type UserRole = "client" | "designer";

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** How the person started; any account may act as client and designer. */
  role: UserRole;
  is_admin: Generated<number>;
  created_at: number;
  password_changed_at: number;
}
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  /** Idle expiry, pushed forward as the session is used (never past absolute_expires_at). */
  expires_at: number;
  absolute_expires_at: number;
  ip: string | null;
  user_agent: string | null;
}
export type Session = Selectable<SessionsTable>;

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface LoginAttemptsTable {
  id: string;
  ip: string;
  email: string;
  user_id: string | null;
  succeeded: number;
  /** The attempt carried a valid trusted-device cookie for this account. */
  trusted: number;
  created_at: number;
}

export interface TrustedDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  last_used_at: number;
}

export interface OutboxMailTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: number;
  sent_at: number | null;
  attempts: Generated<number>;
  last_error: string | null;
}
export type OutboxMail = Selectable<OutboxMailTable>;

export type JobStatus = "pending" | "running" | "done" | "failed";

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: JobStatus;
  run_at: number;
  attempts: Generated<number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  /** At most one job per key (a deadline, a mail): enqueuing twice is a no-op. */
  unique_key: string | null;
  created_at: number;
  updated_at: number;
}
export type Job = Selectable<JobsTable>;
export type JobUpdate = Updateable<JobsTable>;
