import type { Kysely } from "kysely";

/**
 * The designers directory (issue 13): one row per designer and category, and one per designer
 * overall (category "all"), holding what `/designers` filters and sorts on, so a page of the
 * directory reads a few dozen rows instead of aggregating every contest (issue 16). The rows are
 * written by the app (`refreshDesignerRecords`), in the transaction of whatever changes them; a
 * level comes from app code (`levelOf`), so this migration leaves the table empty and the app fills
 * it right after applying it (ADR 0037). Also an index for "contests this designer won".
 */
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("designer_records")
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("listed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("public_wins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("level_wins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reviews", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stars", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("level", "text", (c) => c.notNull().defaultTo("entry"))
    .addColumn("rating_key", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_active_at", "bigint", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("location_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("designer_records_pk", ["designer_id", "category"])
    .execute();
  // One index per sort order: a page is the first rows of one of them.
  for (const [name, column] of [
    ["designer_records_wins_idx", "public_wins"],
    ["designer_records_rating_idx", "rating_key"],
    ["designer_records_recent_idx", "last_active_at"],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on("designer_records")
      .columns(["category", "listed", column, "designer_id"])
      .execute();
  }
  await db.schema
    .createIndex("contests_winner_idx")
    .on("contests")
    .columns(["winner_id", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("contests_winner_idx").execute();
  await db.schema.dropTable("designer_records").execute();
}
