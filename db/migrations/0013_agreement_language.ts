import { sql, type Kysely } from "kysely";

/**
 * The language a design transfer agreement was signed in (issue 12): "fr-CA" or "en", chosen by
 * the first signer among the French text (offered first) and the English one; the stored text is
 * the text in that language. Null for agreements stored before this migration: they were written in
 * the first signer's interface language, which the text itself shows (its title). No backfill: the
 * table is append-only and its rows are signed.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("transfer_agreements")
    .addColumn("locale", "text", (c) => c.check(sql`locale in ('fr-CA', 'en')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("transfer_agreements").dropColumn("locale").execute();
}
