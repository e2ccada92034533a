import type { Kysely } from "kysely";

/**
 * Avatars, portfolio pieces and the client's portfolio opt-out (issue 13):
 * - `users.avatar_id`: the current avatar's id; its square WebP crops live under public keys that
 *   name it (storage/keys.ts), so a new avatar gets new keys. Null: the initials stand in.
 * - `contests.portfolio_opt_out`: the client asked that the winning design stay out of the
 *   winner's portfolio (the win still counts on the record).
 * - `portfolio_pieces`: work a designer uploads to their profile, processed like an entry (a
 *   private original, a watermarked preview and thumbnail, the perceptual hash).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("avatar_id", "text").execute();
  await db.schema
    .alterTable("contests")
    .addColumn("portfolio_opt_out", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("portfolio_pieces")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("original_key", "text", (c) => c.notNull())
    .addColumn("original_format", "text", (c) => c.notNull())
    .addColumn("original_bytes", "integer", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("preview_key", "text")
    .addColumn("thumbnail_key", "text")
    .addColumn("preview_width", "integer")
    .addColumn("preview_height", "integer")
    .addColumn("watermark_version", "integer", (c) => c.notNull().defaultTo(0))
    /** 64-bit difference hash, 16 hex characters, as entries store it (copy detection). */
    .addColumn("phash", "text")
    .addColumn("reject_reason", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("ready_at", "bigint")
    .execute();
  await db.schema
    .createIndex("portfolio_pieces_designer_idx")
    .on("portfolio_pieces")
    .columns(["designer_id", "status", "created_at"])
    .execute();
  await db.schema
    .createIndex("portfolio_pieces_phash_idx")
    .on("portfolio_pieces")
    .columns(["status", "phash"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("portfolio_pieces").execute();
  await db.schema.alterTable("contests").dropColumn("portfolio_opt_out").execute();
  await db.schema.alterTable("users").dropColumn("avatar_id").execute();
}
