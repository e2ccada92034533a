import type { Kysely } from "kysely";

/**
 * Which mail each person wants, per kind of mail (each as it happens, a daily digest, or the app
 * only), and on each notification when it went out by mail (so a digest sends nothing twice).
 * A person with no row for a kind of mail gets the default (see app/modules/notify/kinds.ts).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("delivery", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_preferences_pk", ["user_id", "category"])
    .execute();
  await db.schema.alterTable("notifications").addColumn("mailed_at", "bigint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notifications").dropColumn("mailed_at").execute();
  await db.schema.dropTable("notification_preferences").execute();
}
