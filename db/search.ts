import { sql, type Expression, type SqlBool } from "kysely";
import type { DialectName } from "./dialect";

/**
 * Text as search compares it: compatibility forms unfolded ("ﬁ" → "fi"), the combining diacritical
 * marks (U+0300–U+036F) removed, recomposed, lowercased: "Crème BRÛLÉE" → "creme brulee". The
 * PostgreSQL index folds titles and briefs with the same steps in SQL (migration 0011); SQLite's
 * FTS5 tokenizer folds case and diacritics itself (`remove_diacritics 2`).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase();
}

/** Words of a search box, folded and reduced to letters and digits (nothing reaches a query language raw). */
export function searchTerms(input: string): string[] {
  return foldForSearch(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/**
 * A word without its plural's final s or x, for SQLite, which has no French stemmer: words match as
 * prefixes there, so "fromageries" → "fromagerie" finds the singular and the plural alike. Only
 * words of five letters or more, and not after another s ("prix", "jeux", "brass" stay).
 */
export function withoutPlural(word: string): string {
  return word.length >= 5 && /[^s][sx]$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * A condition "this contest matches the search words" (every word, as a prefix), on each
 * database's own full-text index: FTS5 on SQLite, a tsvector with GIN on PostgreSQL, where each word
 * may match under the English or the French stemmer ("fromageries" finds "fromagerie", "chevaux"
 * finds "cheval"). Null when there is nothing to search for.
 */
export function contestMatches(input: string, dialect: DialectName): Expression<SqlBool> | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  if (dialect === "postgres") {
    const words = terms.map((t) => {
      const prefix = `${t}:*`;
      return sql`(to_tsquery('english', ${prefix}) || to_tsquery('french', ${prefix}))`;
    });
    return sql<SqlBool>`contests.search @@ (${sql.join(words, sql` && `)})`;
  }
  const query = terms.map((t) => `"${withoutPlural(t)}"*`).join(" ");
  return sql<SqlBool>`contests.rowid in (select rowid from contests_fts where contests_fts match ${query})`;
}
