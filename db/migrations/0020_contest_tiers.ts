import type { Kysely } from "kysely";

/**
 * Contest tiers (issue 13, ADR 0039): the tier a contest launched at, which says who may enter, and
 * the part of the prize (basis points) its finalists who do not win share when it is released.
 * Both are fixed at launch. Contests launched before this migration were promised no share and
 * were open to everyone: bronze and 0.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("contests")
    .addColumn("tier", "text", (c) => c.notNull().defaultTo("bronze"))
    .execute();
  await db.schema
    .alterTable("contests")
    .addColumn("finalist_share_bps", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contests").dropColumn("finalist_share_bps").execute();
  await db.schema.alterTable("contests").dropColumn("tier").execute();
}
