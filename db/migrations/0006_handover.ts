import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * The end of a contest: the winner's final files (every version kept), the handover thread
 * between client and winner, and the design transfer agreement with its signatures. An agreement
 * and its signatures are append-only (database triggers refuse UPDATE and DELETE): the text is
 * stored when the first party signs, and a signature can only name that stored text's SHA-256.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

const APPEND_ONLY = ["transfer_agreements", "agreement_signatures"];

export async function up(db: Kysely<any>): Promise<void> {
  // A deliverable as the client sees it ("logo.svg"); its bytes are its versions.
  await db.schema
    .createTable("handover_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("current_version_id", "text", (c) => c.notNull())
    .addColumn("version_count", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("handover_files_contest_idx")
    .on("handover_files")
    .columns(["contest_id", "created_at"])
    .execute();

  await db.schema
    .createTable("handover_file_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("file_id", "text", (c) => c.notNull().references("handover_files.id").onDelete("cascade"))
    .addColumn("contest_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("blob_key", "text", (c) => c.notNull().unique())
    /** As the designer's computer named it, cleaned (shown, and given to the download). */
    .addColumn("file_name", "text", (c) => c.notNull())
    /** Decided by the name's extension and confirmed by the bytes: svg, ai, eps, pdf, png, jpg, psd, figma, zip. */
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("bytes", "bigint", (c) => c.notNull().check(sql`bytes > 0`))
    /** SHA-256 of the bytes, hex: shown so both parties can check what was delivered. */
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("handover_file_versions_uq", ["file_id", "version"])
    .execute();
  await db.schema
    .createIndex("handover_file_versions_contest_idx")
    .on("handover_file_versions")
    .column("contest_id")
    .execute();

  await db.schema
    .createTable("handover_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("handover_messages_contest_idx")
    .on("handover_messages")
    .columns(["contest_id", "created_at"])
    .execute();

  // One agreement per contest, written with the first signature; never changed afterwards.
  await db.schema
    .createTable("transfer_agreements")
    .addColumn("contest_id", "text", (c) => c.primaryKey().references("contests.id"))
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("designer_id", "text", (c) => c.notNull())
    .addColumn("entry_id", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    /** The full text both parties sign, exactly (UTF-8). */
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("text_sha256", "text", (c) => c.notNull().check(sql`length(text_sha256) = 64`))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // Target of the signatures' foreign key: a signature names the text it signed.
    .addUniqueConstraint("transfer_agreements_text_uq", ["contest_id", "text_sha256"])
    .execute();

  await db.schema
    .createTable("agreement_signatures")
    .addColumn("contest_id", "text", (c) => c.notNull())
    .addColumn("party", "text", (c) => c.notNull().check(sql`party in ('client', 'designer')`))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    /** Typed by the signer. */
    .addColumn("legal_name", "text", (c) => c.notNull().check(sql`length(legal_name) > 0`))
    .addColumn("text_sha256", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull())
    .addColumn("signed_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_signatures_pk", ["contest_id", "party"])
    .addForeignKeyConstraint(
      "agreement_signatures_text_fk",
      ["contest_id", "text_sha256"],
      "transfer_agreements",
      ["contest_id", "text_sha256"],
    )
    .execute();

  await appendOnlyTriggers(db);
}

async function appendOnlyTriggers(db: Kysely<any>) {
  if (dialectOf(db) === "postgres") {
    await sql`
      create function agreement_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is signed and cannot change: % refused', tg_table_name, tg_op using errcode = 'P0001';
      end
      $$`.execute(db);
    for (const table of APPEND_ONLY) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function agreement_append_only()`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function agreement_append_only()`.execute(db);
    }
    return;
  }
  for (const table of APPEND_ONLY) {
    for (const op of ["update", "delete"] as const) {
      await sql
        .raw(
          `create trigger ${table}_no_${op} before ${op} on ${table} begin ` +
            `select raise(abort, '${table} is signed and cannot change: ${op.toUpperCase()} refused'); end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping a table drops its triggers on both databases.
  for (const t of [
    "agreement_signatures",
    "transfer_agreements",
    "handover_messages",
    "handover_file_versions",
    "handover_files",
  ]) {
    await db.schema.dropTable(t).execute();
  }
  if (dialectOf(db) === "postgres") await sql`drop function agreement_append_only()`.execute(db);
}
