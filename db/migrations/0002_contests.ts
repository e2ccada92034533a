import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("contests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("client_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("business_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("industry", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("audience", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("style", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("colors_use", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("colors_avoid", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("must_haves", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("deliverables", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("prize_minor", "integer", (c) => c.notNull())
    .addColumn("fee_minor", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("qualifying_ms", "bigint", (c) => c.notNull())
    .addColumn("selection_ms", "bigint", (c) => c.notNull())
    .addColumn("final_ms", "bigint", (c) => c.notNull())
    .addColumn("winner_ms", "bigint", (c) => c.notNull())
    .addColumn("guaranteed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("blind", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_private", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("fast_track", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("nda_text", "text")
    .addColumn("draft_step", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("round_ends_at", "bigint")
    .addColumn("extensions_used", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("launched_at", "bigint")
    .addColumn("ended_at", "bigint")
    .addColumn("winner_id", "text")
    .addColumn("winning_entry_id", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addCheckConstraint("contests_prize_positive", sql`prize_minor > 0`)
    .execute();
  await db.schema
    .createIndex("contests_client_idx")
    .on("contests")
    .columns(["client_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("contests_status_idx")
    .on("contests")
    .columns(["status", "round_ends_at", "id"])
    .execute();
  await db.schema
    .createIndex("contests_prize_idx")
    .on("contests")
    .columns(["status", "prize_minor", "id"])
    .execute();

  // The contest's timeline: append-only, one row per transition or notable act.
  await db.schema
    .createTable("contest_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contest_events_contest_idx")
    .on("contest_events")
    .columns(["contest_id", "created_at"])
    .execute();

  await db.schema
    .createTable("contest_references")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("blob_key", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contest_references_contest_idx")
    .on("contest_references")
    .column("contest_id")
    .execute();

  await db.schema
    .createTable("contest_finalists")
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("designer_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("contest_finalists_pk", ["contest_id", "designer_id"])
    .execute();

  // People with a role in one contest: invited designers (private contests), judges; NDA and elimination.
  await db.schema
    .createTable("contest_members")
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("nda_accepted_at", "bigint")
    .addColumn("eliminated_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("contest_members_pk", ["contest_id", "user_id", "role"])
    .execute();
  await db.schema
    .createIndex("contest_members_user_idx")
    .on("contest_members")
    .columns(["user_id", "role"])
    .execute();

  // Invitations by e-mail (designers to a private contest, judges): a single-use token that expires.
  await db.schema
    .createTable("contest_invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contest_id", "text", (c) => c.notNull().references("contests.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("accepted_at", "bigint")
    .addColumn("accepted_by", "text")
    .addColumn("revoked_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contest_invitations_contest_idx")
    .on("contest_invitations")
    .column("contest_id")
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("contest_id", "text")
    .addColumn("entry_id", "text")
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("read_at", "bigint")
    .execute();
  await db.schema
    .createIndex("notifications_user_idx")
    .on("notifications")
    .columns(["user_id", "created_at"])
    .execute();

  // Full-text search over titles and briefs: each database's own index (see db/search.ts).
  if (dialectOf(db) === "postgres") {
    await sql`alter table contests add column search tsvector generated always as (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(business_name, '') || ' ' || coalesce(industry, '')), 'B') ||
      setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(audience, '') || ' ' || coalesce(must_haves, '')), 'C')
    ) stored`.execute(db);
    await sql`create index contests_search_idx on contests using gin (search)`.execute(db);
  } else {
    await sql`create virtual table contests_fts using fts5(
      title, business_name, industry, description, audience, must_haves,
      content='contests', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
    const cols = sql.raw("title, business_name, industry, description, audience, must_haves");
    const newCols = sql.raw(
      "new.title, new.business_name, new.industry, new.description, new.audience, new.must_haves",
    );
    const oldCols = sql.raw(
      "old.title, old.business_name, old.industry, old.description, old.audience, old.must_haves",
    );
    await sql`create trigger contests_fts_insert after insert on contests begin
      insert into contests_fts(rowid, ${cols}) values (new.rowid, ${newCols}); end`.execute(db);
    await sql`create trigger contests_fts_delete after delete on contests begin
      insert into contests_fts(contests_fts, rowid, ${cols}) values ('delete', old.rowid, ${oldCols}); end`.execute(
      db,
    );
    await sql`create trigger contests_fts_update after update of title, business_name, industry, description, audience, must_haves on contests begin
      insert into contests_fts(contests_fts, rowid, ${cols}) values ('delete', old.rowid, ${oldCols});
      insert into contests_fts(rowid, ${cols}) values (new.rowid, ${newCols}); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "sqlite") await sql`drop table if exists contests_fts`.execute(db);
  for (const t of [
    "notifications",
    "contest_invitations",
    "contest_members",
    "contest_finalists",
    "contest_references",
    "contest_events",
    "contests",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
