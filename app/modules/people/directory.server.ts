import { sql } from "kysely";
import { db } from "~db/index";
import { searchTerms } from "~db/search";
import { CATEGORY_KEYS, type Category } from "../contests/brief";
import {
  DIRECTORY_PAGE_SIZE,
  encodeDirectoryCursor,
  OVERALL,
  type DirectoryQuery,
  type DirectorySort,
} from "./directory";
import { LEVELS, type Level } from "./levels";
import { initials, readCodes } from "./profiles";

/** One card of the directory: public facts only (ADR 0033), never an e-mail address. */
export interface DesignerCard {
  id: string;
  handle: string;
  name: string;
  initials: string;
  location: string;
  categories: Category[];
  /** In the chosen category when there is one, else overall. */
  level: Level;
  /** Public, completed contests won (in the chosen category when there is one). */
  wins: number;
  rating: { count: number; stars: number };
}

const SORT_COLUMN = {
  wins: "r.public_wins",
  rating: "r.rating_key",
  recent: "r.last_active_at",
} as const satisfies Record<DirectorySort, string>;

/**
 * One page of the designers directory, read from `designer_records` alone (ADR 0037): the rows of
 * the chosen category (or the overall rows), filtered, in the sort's order with the designer id
 * breaking ties, after the cursor (keyset: no OFFSET, so a page costs the same deep in the list).
 */
export async function listDesigners(
  query: DirectoryQuery,
  options: { limit?: number } = {},
): Promise<{ items: DesignerCard[]; nextCursor: string | null }> {
  const limit = options.limit ?? DIRECTORY_PAGE_SIZE;
  const column = SORT_COLUMN[query.sort];
  let q = db()
    .selectFrom("designer_records as r")
    .innerJoin("users", "users.id", "r.designer_id")
    .select([
      "r.designer_id",
      "r.public_wins",
      "r.reviews",
      "r.stars",
      "r.level",
      `${column} as sort_key`,
      "users.handle",
      "users.display_name",
      "users.location",
      "users.categories",
    ])
    .where("r.category", "=", query.category ?? OVERALL)
    .where("r.listed", "=", 1)
    .where("users.handle", "is not", null);
  // Folded words, letters and digits only: no LIKE wildcard can come from the box.
  for (const term of searchTerms(query.q)) q = q.where("r.search_text", "like", `%${term}%`);
  for (const term of searchTerms(query.location)) q = q.where("r.location_text", "like", `%${term}%`);
  if (query.language) q = q.where("r.languages", "like", `%"${query.language}"%`);
  if (query.level) q = q.where("r.level", "=", query.level);
  if (query.cursor) {
    const { key, id } = query.cursor;
    q = q.where(
      sql<boolean>`(${sql.ref(column)} < ${key} or (${sql.ref(column)} = ${key} and r.designer_id < ${id}))`,
    );
  }
  const rows = await q
    .orderBy(column, "desc")
    .orderBy("r.designer_id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.designer_id,
      handle: r.handle!,
      name: r.display_name,
      initials: initials(r.display_name),
      location: r.location,
      categories: readCodes(r.categories, CATEGORY_KEYS as readonly Category[]),
      level: (LEVELS as readonly string[]).includes(r.level) ? (r.level as Level) : "entry",
      wins: Number(r.public_wins),
      rating: { count: Number(r.reviews), stars: Number(r.stars) },
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeDirectoryCursor({ sort: query.sort, key: Number(last.sort_key), id: last.designer_id })
        : null,
  };
}
