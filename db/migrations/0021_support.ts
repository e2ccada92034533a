import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * Trust and safety (issue 14, ADR 0043): the support role, the append-only audit log of what support
 * does, a suspended account, and an entry support hid. The role is a column set by a command
 * (`npm run support:grant`), never by a form. Audit rows are never updated or deleted, as the
 * ledger's: triggers refuse it on both databases.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("support_since", "bigint").execute();
  await db.schema.alterTable("users").addColumn("suspended_at", "bigint").execute();
  await db.schema.alterTable("entries").addColumn("hidden_at", "bigint").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** The support account that acted; null for the command line (a grant) or the system. */
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    /** The contest whose timeline shows the row, when the action touched one. */
    .addColumn("contest_id", "text")
    /** The account the action concerns (the suspended designer, the hidden entry's designer). */
    .addColumn("user_id", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_log_subject_idx")
    .on("audit_log")
    .columns(["subject_kind", "subject_id"])
    .execute();
  await db.schema.createIndex("audit_log_contest_idx").on("audit_log").column("contest_id").execute();
  await db.schema.createIndex("audit_log_user_idx").on("audit_log").column("user_id").execute();
  await db.schema.createIndex("audit_log_created_idx").on("audit_log").column("created_at").execute();

  if (dialectOf(db) === "postgres") {
    await sql`
      create function audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
      end
      $$`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_append_only()`.execute(db);
  } else {
    for (const op of ["update", "delete"] as const) {
      await sql
        .raw(
          `create trigger audit_log_no_${op} before ${op} on audit_log begin ` +
            `select raise(abort, 'audit_log is append-only: ${op.toUpperCase()} refused'); end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping the table drops its triggers on both databases.
  await db.schema.dropTable("audit_log").execute();
  if (dialectOf(db) === "postgres") await sql`drop function audit_append_only()`.execute(db);
  await db.schema.alterTable("entries").dropColumn("hidden_at").execute();
  await db.schema.alterTable("users").dropColumn("suspended_at").execute();
  await db.schema.alterTable("users").dropColumn("support_since").execute();
}
