import { sql, type Kysely } from "kysely";

/**
 * Reviews after the work (issue 13): the client of a contest whose prize was released to its winner
 * rates the winner once (1–5 stars and a short text), and the designer may answer once. The contest
 * is the key, so "once per contest" is the database's rule too. Each text may be corrected for a
 * while after it was written (the app's rule, `REVIEW_EDIT_DAYS`); `edited_at` says that it was.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reviews")
    .addColumn("contest_id", "text", (c) => c.primaryKey().references("contests.id").onDelete("cascade"))
    .addColumn("client_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("stars", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("edited_at", "bigint")
    .addColumn("answer", "text")
    .addColumn("answered_at", "bigint")
    .addColumn("answer_edited_at", "bigint")
    .addCheckConstraint("reviews_stars_range", sql`stars between 1 and 5`)
    .execute();
  await db.schema
    .createIndex("reviews_designer_idx")
    .on("reviews")
    .columns(["designer_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reviews").execute();
}
