import { sql, type Expression, type SqlBool } from "kysely";
import type { DialectName } from "./dialect";

/** Words of a search box, reduced to letters and digits (nothing reaches a query language raw). */
export function searchTerms(input: string): string[] {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/**
 * A condition "this contest matches the search words" (every word, as a prefix), on each
 * database's own full-text index: FTS5 on SQLite, a tsvector with GIN on PostgreSQL.
 * Null when there is nothing to search for.
 */
export function contestMatches(input: string, dialect: DialectName): Expression<SqlBool> | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  if (dialect === "postgres") {
    const query = terms.map((t) => `${t.replace(/'/g, "")}:*`).join(" & ");
    return sql<SqlBool>`contests.search @@ to_tsquery('english', ${query})`;
  }
  const query = terms.map((t) => `"${t.replace(/"/g, "")}"*`).join(" ");
  return sql<SqlBool>`contests.rowid in (select rowid from contests_fts where contests_fts match ${query})`;
}
