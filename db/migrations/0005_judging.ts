import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // One rating per rater, entry and rating round (1: qualifying + finalist selection; 2: final round +
  // winner selection). A second rating in the same round replaces the first.
  await db.schema
    .createTable("ratings")
    .addColumn("entry_id", "text", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("rater_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("stars", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("ratings_pk", ["entry_id", "rater_id", "round"])
    .addCheckConstraint("ratings_stars_range", sql`stars between 1 and 5`)
    .addCheckConstraint("ratings_round_range", sql`round in (1, 2)`)
    .execute();
  await db.schema
    .createIndex("ratings_contest_round_idx")
    .on("ratings")
    .columns(["contest_id", "round", "rater_id"])
    .execute();

  // Counts and sums per entry and round, kept in the rating's transaction: the gallery and the
  // viewer read them instead of aggregating a hot contest's ratings (measured at 160 ms).
  await db.schema
    .createTable("entry_round_stats")
    .addColumn("entry_id", "text", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("ratings_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stars_sum", "integer", (c) => c.notNull().defaultTo(0))
    /** The client's own stars in this round (what the entry's designer sees). */
    .addColumn("client_stars", "integer")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("entry_round_stats_pk", ["entry_id", "round"])
    .execute();
  await db.schema
    .createIndex("entry_round_stats_contest_idx")
    .on("entry_round_stats")
    .columns(["contest_id", "round"])
    .execute();

  // The thread on one entry between the client and the entry's designer.
  await db.schema
    .createTable("entry_comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entry_id", "text", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("entry_comments_entry_idx")
    .on("entry_comments")
    .columns(["entry_id", "created_at"])
    .execute();

  // A judge's private note to the client about one entry (one per judge and entry, editable).
  await db.schema
    .createTable("judge_notes")
    .addColumn("entry_id", "text", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("judge_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("judge_notes_pk", ["entry_id", "judge_id"])
    .execute();
  await db.schema.createIndex("judge_notes_contest_idx").on("judge_notes").column("contest_id").execute();

  // Why an entry was declined, in the client's words (the reason code is entries.decline_reason).
  await db.schema.alterTable("entries").addColumn("decline_note", "text").execute();

  // Polls: the client picks up to 8 entries; anyone with the link votes once per browser.
  await db.schema
    .createTable("polls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    /** The public link's secret part (a capability URL the client can copy again at any time). */
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("closed_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("polls_contest_idx")
    .on("polls")
    .columns(["contest_id", "created_at"])
    .execute();
  await db.schema
    .createTable("poll_entries")
    .addColumn("poll_id", "text", (c) => c.notNull().references("polls.id").onDelete("cascade"))
    .addColumn("entry_id", "text", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("poll_entries_pk", ["poll_id", "entry_id"])
    .execute();
  await db.schema
    .createTable("poll_votes")
    .addColumn("poll_id", "text", (c) => c.notNull().references("polls.id").onDelete("cascade"))
    /** SHA-256 of the poll id and the browser's voter cookie; the cookie itself is never stored. */
    .addColumn("voter_hash", "text", (c) => c.notNull())
    .addColumn("entry_id", "text", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("poll_votes_pk", ["poll_id", "voter_hash"])
    .execute();

  // Finding the unread notification a new rating folds into.
  await db.schema
    .createIndex("notifications_entry_idx")
    .on("notifications")
    .columns(["entry_id", "user_id", "kind"])
    .execute();
  await db.schema
    .createIndex("contest_invitations_email_idx")
    .on("contest_invitations")
    .columns(["contest_id", "role", "email"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("contest_invitations_email_idx").execute();
  await db.schema.dropIndex("notifications_entry_idx").execute();
  for (const t of [
    "poll_votes",
    "poll_entries",
    "polls",
    "judge_notes",
    "entry_comments",
    "entry_round_stats",
    "ratings",
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable("entries").dropColumn("decline_note").execute();
}
