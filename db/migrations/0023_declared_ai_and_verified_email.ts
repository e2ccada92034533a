import { sql, type Kysely } from "kysely";

/**
 * Declared tools and verified addresses (issue 14, ADRs 0041 and 0042).
 *
 * - `contests.ai_allowed`: whether the brief accepts work made with generative AI (1/0). Null on a
 *   draft whose client has not chosen: it reads as its category's default until the prize step
 *   saves a choice (launch fixes it). Contests launched before this migration get their category's
 *   default (logo, brand identity and illustration: not allowed), as designers read it from now on.
 * - `entries.ai_declared`, `entry_revisions.ai_declared`: what the designer declared with each
 *   version (1: made with generative AI, 0: not); null for what was sent before declarations
 *   existed ("not declared", never a false "no"). The entry's is its current version's.
 * - `users.email_verified_at`: when the address was proven to reach its owner. Accounts that had
 *   already moved money (paid for a contest, asked for a payout) count as verified from their first
 *   such movement; the others verify from their account page.
 * - `email_verifications`: single-use links, as password resets (only a SHA-256 of the token).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

const FORBIDDEN_BY_DEFAULT = ["logo", "brand_identity", "illustration"];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("contests").addColumn("ai_allowed", "integer").execute();
  await db
    .updateTable("contests")
    .set({
      ai_allowed: sql`case when category in (${sql.join(FORBIDDEN_BY_DEFAULT.map((c) => sql.lit(c)))}) then 0 else 1 end`,
    })
    .where("status", "!=", "draft")
    .execute();
  await db.schema.alterTable("entries").addColumn("ai_declared", "integer").execute();
  await db.schema.alterTable("entry_revisions").addColumn("ai_declared", "integer").execute();

  await db.schema.alterTable("users").addColumn("email_verified_at", "bigint").execute();
  await db
    .updateTable("users")
    .set({
      email_verified_at: sql`coalesce(
        (select min(p.created_at) from payment_intents p where p.client_id = users.id and p.status = 'succeeded'),
        (select min(o.created_at) from payouts o where o.designer_id = users.id)
      )`,
    })
    .execute();
  await db.schema
    .createTable("email_verifications")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // The address the link proves: a link sent to an earlier address verifies nothing.
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();
  await db.schema
    .createIndex("email_verifications_user_idx")
    .on("email_verifications")
    .columns(["user_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_verifications").execute();
  await db.schema.alterTable("users").dropColumn("email_verified_at").execute();
  await db.schema.alterTable("entry_revisions").dropColumn("ai_declared").execute();
  await db.schema.alterTable("entries").dropColumn("ai_declared").execute();
  await db.schema.alterTable("contests").dropColumn("ai_allowed").execute();
}
