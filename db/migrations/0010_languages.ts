import type { Kysely } from "kysely";

/**
 * The language a person reads Concours in (issue 12): "fr-CA" or "en", or null while they have not
 * chosen (the language switch's cookie, then the browser's Accept-Language, decide). Mail goes out
 * in it; with no choice, in French.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("locale", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("locale").execute();
}
