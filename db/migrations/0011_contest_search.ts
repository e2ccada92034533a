import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * French search (issue 12): on PostgreSQL the contests' search vector is rebuilt from text folded
 * the way db/search.ts folds the search box (compatibility decomposition, combining diacritical
 * marks U+0300–U+036F removed, recomposed), and indexed with both the English and the French
 * stemmers, so "ecusson" finds "écusson" and "fromageries" finds "fromagerie". Replacing the
 * generated column recomputes it for every existing contest. SQLite needs nothing: its FTS5 index
 * (0002) already folds case and diacritics (`remove_diacritics 2`).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

/** Folding in SQL: built-in and immutable (no extension), so a generated column may use it. */
const folded = (text: string) =>
  `normalize(regexp_replace(normalize(${text}, NFKD), '[\\u0300-\\u036f]', '', 'g'), NFC)`;

/** The folded text under both stemmers, with its weight (title A, names B, the brief C). */
const weighted = (text: string, weight: "A" | "B" | "C") =>
  `setweight(to_tsvector('english', ${folded(text)}), '${weight}') || ` +
  `setweight(to_tsvector('french', ${folded(text)}), '${weight}')`;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  const vector = [
    weighted("coalesce(title, '')", "A"),
    weighted("coalesce(business_name, '') || ' ' || coalesce(industry, '')", "B"),
    weighted(
      "coalesce(description, '') || ' ' || coalesce(audience, '') || ' ' || coalesce(must_haves, '')",
      "C",
    ),
  ].join(" ||\n      ");
  await sql`alter table contests drop column search`.execute(db);
  await sql`alter table contests add column search tsvector generated always as (
      ${sql.raw(vector)}
    ) stored`.execute(db);
  await sql`create index contests_search_idx on contests using gin (search)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`alter table contests drop column search`.execute(db);
  await sql`alter table contests add column search tsvector generated always as (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(business_name, '') || ' ' || coalesce(industry, '')), 'B') ||
      setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(audience, '') || ' ' || coalesce(must_haves, '')), 'C')
    ) stored`.execute(db);
  await sql`create index contests_search_idx on contests using gin (search)`.execute(db);
}
