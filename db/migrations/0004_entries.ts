import type { Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id"))
    /** #1, #2… in submission order within the contest. */
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    /** processing → ready | rejected; ready → withdrawn | declined. */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("current_revision_id", "text")
    .addColumn("revision_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reject_reason", "text")
    .addColumn("decline_reason", "text")
    .addColumn("declined_at", "bigint")
    .addColumn("withdrawn_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("entries_contest_number_uq", ["contest_id", "number"])
    .execute();
  await db.schema
    .createIndex("entries_contest_idx")
    .on("entries")
    .columns(["contest_id", "status", "created_at"])
    .execute();
  await db.schema
    .createIndex("entries_designer_idx")
    .on("entries")
    .columns(["designer_id", "created_at"])
    .execute();

  await db.schema
    .createTable("entry_revisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entry_id", "text", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("contest_id", "text", (c) => c.notNull())
    .addColumn("designer_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("original_key", "text", (c) => c.notNull())
    .addColumn("original_format", "text", (c) => c.notNull())
    .addColumn("original_bytes", "integer", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("preview_key", "text")
    .addColumn("thumbnail_key", "text")
    /** 64-bit difference hash, 16 hex characters. */
    .addColumn("phash", "text")
    .addColumn("reject_reason", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("ready_at", "bigint")
    .addUniqueConstraint("entry_revisions_version_uq", ["entry_id", "version"])
    .execute();
  await db.schema
    .createIndex("entry_revisions_entry_idx")
    .on("entry_revisions")
    .columns(["entry_id", "version"])
    .execute();
  await db.schema
    .createIndex("entry_revisions_phash_idx")
    .on("entry_revisions")
    .columns(["status", "phash"])
    .execute();

  // The 64-bit hash cut into 8 bands of 8 bits: two hashes at most 6 bits apart share at least two
  // bands, so candidates come from an index lookup, not a scan of every image ever uploaded.
  await db.schema
    .createTable("phash_bands")
    .addColumn("revision_id", "text", (c) => c.notNull().references("entry_revisions.id").onDelete("cascade"))
    .addColumn("band", "integer", (c) => c.notNull())
    .addColumn("value", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("phash_bands_pk", ["revision_id", "band"])
    .execute();
  await db.schema
    .createIndex("phash_bands_lookup_idx")
    .on("phash_bands")
    .columns(["band", "value"])
    .execute();

  // Near-identical images across designers: shown to the client and to the earlier designer.
  await db.schema
    .createTable("similarity_flags")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("revision_id", "text", (c) => c.notNull().references("entry_revisions.id").onDelete("cascade"))
    .addColumn("entry_id", "text", (c) => c.notNull())
    .addColumn("contest_id", "text", (c) => c.notNull())
    .addColumn("earlier_revision_id", "text", (c) => c.notNull())
    .addColumn("earlier_entry_id", "text", (c) => c.notNull())
    .addColumn("earlier_contest_id", "text", (c) => c.notNull())
    .addColumn("distance", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("similarity_flags_pair_uq", ["revision_id", "earlier_revision_id"])
    .execute();
  await db.schema
    .createIndex("similarity_flags_entry_idx")
    .on("similarity_flags")
    .column("entry_id")
    .execute();
  await db.schema
    .createIndex("similarity_flags_earlier_idx")
    .on("similarity_flags")
    .column("earlier_entry_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["similarity_flags", "phash_bands", "entry_revisions", "entries"])
    await db.schema.dropTable(t).execute();
}
