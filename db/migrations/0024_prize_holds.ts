import type { Kysely } from "kysely";

/**
 * Held prizes (issue 14, ADR 0046): a prize whose winner looks like the client's own account, shares
 * its payment method, was created after the contest launched, or is suspended is not released; it
 * waits here for support, who releases it or refunds the contest by decision. A hold is resolved
 * once (resolved_at, resolution); the contest keeps its state meanwhile, with no timer running.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("prize_holds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull())
    /** The designer the prize would have gone to. */
    .addColumn("designer_id", "text", (c) => c.notNull())
    /** JSON text: the reasons found (`HoldReason[]` in ~/modules/support/holds). */
    .addColumn("reasons", "text", (c) => c.notNull())
    /** The contest event that held it ("handover_approved", "awarded_by_rule", …). */
    .addColumn("held_by_event", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("resolved_at", "bigint")
    /** "released" or "refunded". */
    .addColumn("resolution", "text")
    .addColumn("resolved_by", "text")
    .execute();
  await db.schema.createIndex("prize_holds_contest_idx").on("prize_holds").column("contest_id").execute();
  await db.schema
    .createIndex("prize_holds_open_idx")
    .on("prize_holds")
    .columns(["resolved_at", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("prize_holds").execute();
}
