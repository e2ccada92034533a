import type { Kysely } from "kysely";

/**
 * Reports with due process (issue 14, ADR 0045): anyone logged in reports an entry, a portfolio
 * piece, a message or a profile; the reported person has 24 hours to withdraw or answer; support
 * decides. An upheld report is a strike (strikes are counted from these rows, never stored apart).
 * A piece support took off the portfolio, or its designer withdrew after a report, keeps its row
 * and images for the record but leaves every public page (`portfolio_pieces.hidden_at`).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reporter_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    /** The account reported: the entry's or piece's designer, the message's sender, the profile. */
    .addColumn("reported_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    /** "entry" | "piece" | "message" | "profile" (offers come with fixed-price work). */
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    /** The entry's contest, when the subject is an entry. */
    .addColumn("contest_id", "text")
    /** "copied" | "stock" | "ai" | "offensive" | "spam" */
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    /** For a copy: a link to the original, and the earlier entry when it is one of ours. */
    .addColumn("original_url", "text")
    .addColumn("original_entry_id", "text")
    /** The similarity flag the client turned into this report. */
    .addColumn("flag_id", "text")
    /** "open" | "withdrawn" | "upheld" | "dismissed" */
    .addColumn("status", "text", (c) => c.notNull())
    /** The end of the reported person's 24 hours to answer or withdraw. */
    .addColumn("answer_due_at", "bigint", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answer_url", "text")
    .addColumn("answered_at", "bigint")
    .addColumn("withdrawn_at", "bigint")
    .addColumn("decided_at", "bigint")
    .addColumn("decided_by", "text")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // Once per reporter and subject: a second report of the same thing by the same person is refused.
    .addUniqueConstraint("reports_once_per_reporter", ["reporter_id", "subject_kind", "subject_id"])
    .execute();
  // Support's queue: open reports, oldest first.
  await db.schema.createIndex("reports_status_idx").on("reports").columns(["status", "created_at"]).execute();
  // Strikes: upheld reports of one account.
  await db.schema
    .createIndex("reports_reported_idx")
    .on("reports")
    .columns(["reported_id", "status"])
    .execute();
  await db.schema.alterTable("portfolio_pieces").addColumn("hidden_at", "bigint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("portfolio_pieces").dropColumn("hidden_at").execute();
  await db.schema.dropTable("reports").execute();
}
