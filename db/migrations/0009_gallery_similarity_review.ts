import type { Kysely } from "kysely";

/**
 * A similarity flag can be reviewed: the client of the later entry's contest looks at the two images
 * side by side and dismisses the flag when they are not a copy. The flag stays (the earlier designer
 * still sees that it was looked at); it only leaves the client's gallery and viewer.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("similarity_flags").addColumn("dismissed_at", "bigint").execute();
  await db.schema.alterTable("similarity_flags").addColumn("dismissed_by", "text").execute();
  await db.schema
    .createIndex("similarity_flags_contest_idx")
    .on("similarity_flags")
    .column("contest_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("similarity_flags_contest_idx").execute();
  await db.schema.alterTable("similarity_flags").dropColumn("dismissed_by").execute();
  await db.schema.alterTable("similarity_flags").dropColumn("dismissed_at").execute();
}
