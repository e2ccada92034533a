import { z } from "zod";
import { CATEGORY_KEYS, type Category } from "../contests/brief";
import { LEVELS, type Level } from "./levels";
import { LOCATION_MAX, PROFILE_LANGUAGES, type ProfileLanguage } from "./profiles";

/**
 * The designers directory (`/designers`), pure: the query string it accepts, its sort keys and its
 * keyset cursor (ADR 0037). The server module reads the rows; what a query means is decided here.
 */

/** Cards on one page of the directory. */
export const DIRECTORY_PAGE_SIZE = 24;
/** The rating sort puts first the designers with at least this many reviews, by their average. */
export const RATING_MIN_REVIEWS = 3;
/** The category of a designer's overall row in `designer_records`. */
export const OVERALL = "all";
/** The search box and the location box keep this much of what is typed. */
export const DIRECTORY_TEXT_MAX = 100;

export const DIRECTORY_SORTS = ["wins", "rating", "recent"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

/** Where a keyset page starts: after the card with this sort key and designer id. */
export interface DirectoryCursor {
  sort: DirectorySort;
  key: number;
  id: string;
}

export interface DirectoryQuery {
  /** Words to find in the name, the handle or the bio (accents and case folded). */
  q: string;
  category: Category | null;
  language: ProfileLanguage | null;
  /** The level in `category` when one is chosen, else the designer's best level. */
  level: Level | null;
  /** Words to find in the location. */
  location: string;
  sort: DirectorySort;
  cursor: DirectoryCursor | null;
}

export const DEFAULT_DIRECTORY_QUERY: DirectoryQuery = {
  q: "",
  category: null,
  language: null,
  level: null,
  location: "",
  sort: "wins",
  cursor: null,
};

/**
 * The rating sort's key, one integer: the average in hundredths of a star, then the number of
 * reviews, for designers with `RATING_MIN_REVIEWS` or more; below that only the count, so they come
 * after every rated designer (a single five-star review does not top the list).
 */
export function ratingKey(reviews: number, stars: number): number {
  const count = Math.min(Math.max(0, reviews), 9_999);
  if (reviews < RATING_MIN_REVIEWS) return count;
  return Math.floor((stars * 100) / reviews) * 10_000 + count;
}

const ID = /^[a-z0-9]{1,64}$/;

export function encodeDirectoryCursor(c: DirectoryCursor): string {
  const json = JSON.stringify([c.sort, c.key, c.id]); // ASCII only: btoa works in both places
  return btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor in a URL, or null when it is not one we wrote (hand-edited, cut short, another sort's). */
export function decodeDirectoryCursor(value: string): DirectoryCursor | null {
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(atob(value.replace(/-/g, "+").replace(/_/g, "/")));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      (DIRECTORY_SORTS as readonly unknown[]).includes(parsed[0]) &&
      Number.isSafeInteger(parsed[1]) &&
      (parsed[1] as number) >= 0 &&
      typeof parsed[2] === "string" &&
      ID.test(parsed[2])
    ) {
      return { sort: parsed[0] as DirectorySort, key: parsed[1] as number, id: parsed[2] };
    }
  } catch {
    // not base64 or not JSON: not ours
  }
  return null;
}

const text = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().slice(0, DIRECTORY_TEXT_MAX));
/** A choice from a list; anything else (an old link, a typo) reads as "any". */
const oneOf = <C extends string>(values: readonly C[]) =>
  z
    .enum(values as unknown as [C, ...C[]])
    .nullable()
    .catch(null);

/**
 * The directory's query string. Filters are lenient (an unknown value means "any", as a stale link
 * should still show designers); the cursor is not: a cursor we did not write is refused.
 */
export const directoryQuerySchema = z.object({
  q: text,
  category: oneOf(CATEGORY_KEYS),
  language: oneOf(PROFILE_LANGUAGES),
  level: oneOf(LEVELS),
  location: text.transform((v) => v.slice(0, LOCATION_MAX)),
  sort: z.enum(DIRECTORY_SORTS).catch("wins"),
  cursor: z.string().optional(),
});

export type DirectoryParse = { ok: true; query: DirectoryQuery } | { ok: false; problem: "cursor" };

const FIELDS = ["q", "category", "language", "level", "location", "sort", "cursor"] as const;

/** The query of a directory address (the first value of each field counts). */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryParse {
  const raw: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = params.get(f);
    if (v !== null && v !== "") raw[f] = v;
  }
  const value = directoryQuerySchema.parse(raw);
  let cursor: DirectoryCursor | null = null;
  if (value.cursor !== undefined) {
    cursor = decodeDirectoryCursor(value.cursor);
    // A cursor of another sort order would start the page at an unrelated place.
    if (!cursor || cursor.sort !== value.sort) return { ok: false, problem: "cursor" };
  }
  return { ok: true, query: { ...value, cursor } };
}

/** The query string of a directory address (defaults left out), e.g. for the "Next" link. */
export function directorySearch(query: DirectoryQuery, cursor: string | null = null): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.category) p.set("category", query.category);
  if (query.language) p.set("language", query.language);
  if (query.level) p.set("level", query.level);
  if (query.location) p.set("location", query.location);
  if (query.sort !== "wins") p.set("sort", query.sort);
  if (cursor) p.set("cursor", cursor);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Whether anything narrows the list (the empty state then offers to clear it). */
export const isFiltered = (q: DirectoryQuery) => !!(q.q || q.category || q.language || q.level || q.location);
