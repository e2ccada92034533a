import type { Locale } from "~/i18n";
import { amountInputValue } from "../money/money";
import {
  CATEGORY_KEYS,
  CURRENCY,
  isContestCurrency,
  parseMoney,
  type Category,
  type ContestCurrency,
} from "./brief";
import { DAY } from "~/utils/durations";

/** Browsing contests: the filters of /contests, read leniently from the URL (a bad value is ignored). */
export const SORTS = ["ending", "newest", "prize"] as const;
export type Sort = (typeof SORTS)[number];

/** Open for entries · being judged (selections and the final round) · finished (handover and after). */
export const STATUS_FILTERS = ["open", "judging", "finished"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** "Ending soon" means the current round ends within this long. */
export const ENDING_SOON_MS = 2 * DAY;
export const PAGE_SIZE = 12;

export interface BrowseFilters {
  q: string;
  categories: Category[];
  /** Only contests in this currency; null: any currency. */
  currency: ContestCurrency | null;
  /** Minor units, inclusive (in the chosen currency, or compared as they stand across currencies). */
  minPrize: number | null;
  maxPrize: number | null;
  endingSoon: boolean;
  guaranteed: boolean;
  status: StatusFilter;
  sort: Sort;
  cursor: string | null;
}

export const DEFAULT_FILTERS: BrowseFilters = {
  q: "",
  categories: [],
  currency: null,
  minPrize: null,
  maxPrize: null,
  endingSoon: false,
  guaranteed: false,
  status: "open",
  sort: "ending",
  cursor: null,
};

const on = (v: string | null) => v === "on" || v === "1" || v === "true";

/**
 * Addresses write amounts one way, with a dot and no grouping ("1250.5"), which reads the same
 * whatever the reader's language; a person typing into the filter form may write theirs.
 */
const ADDRESS_AMOUNTS: Locale = "en";

/** The filters of a browse address; amounts read as the reader types them (`locale`). */
export function parseBrowseFilters(params: URLSearchParams, locale: Locale): BrowseFilters {
  const sort = params.get("sort");
  const status = params.get("status");
  const asked = params.get("currency") ?? "";
  const currency = isContestCurrency(asked) ? asked : null;
  const money = (v: string | null) =>
    v && v.trim() ? parseMoney(v.trim(), locale, currency ?? CURRENCY) : null;
  let minPrize = money(params.get("min"));
  let maxPrize = money(params.get("max"));
  if (minPrize !== null && maxPrize !== null && minPrize > maxPrize)
    [minPrize, maxPrize] = [maxPrize, minPrize];
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    categories: [
      ...new Set(
        params.getAll("category").filter((c): c is Category => CATEGORY_KEYS.includes(c as Category)),
      ),
    ],
    currency,
    minPrize,
    maxPrize,
    endingSoon: on(params.get("ending")),
    guaranteed: on(params.get("guaranteed")),
    status: STATUS_FILTERS.includes(status as StatusFilter) ? (status as StatusFilter) : "open",
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : "ending",
    cursor: params.get("cursor"),
  };
}

/** The query string for these filters (without the cursor unless given): links keep the filters. */
export function browseSearch(filters: BrowseFilters, patch: Partial<BrowseFilters> = {}): string {
  const f = { ...filters, ...patch };
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  for (const c of f.categories) p.append("category", c);
  if (f.currency) p.set("currency", f.currency);
  if (f.minPrize !== null)
    p.set("min", amountInputValue(f.minPrize, f.currency ?? CURRENCY, ADDRESS_AMOUNTS));
  if (f.maxPrize !== null)
    p.set("max", amountInputValue(f.maxPrize, f.currency ?? CURRENCY, ADDRESS_AMOUNTS));
  if (f.endingSoon) p.set("ending", "on");
  if (f.guaranteed) p.set("guaranteed", "on");
  if (f.status !== "open") p.set("status", f.status);
  if (f.sort !== "ending") p.set("sort", f.sort);
  if (f.cursor) p.set("cursor", f.cursor);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** How many filters narrow the list (shown on the phone's "Filters" button). */
export function activeFilterCount(f: BrowseFilters): number {
  return (
    f.categories.length +
    (f.currency ? 1 : 0) +
    (f.minPrize !== null || f.maxPrize !== null ? 1 : 0) +
    (f.endingSoon ? 1 : 0) +
    (f.guaranteed ? 1 : 0) +
    (f.status !== "open" ? 1 : 0)
  );
}

// ---- keyset cursor: the sort key and the id of the last contest shown ----------------------------

export interface Cursor {
  key: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  const json = JSON.stringify([c.key, c.id]);
  return btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(value: string | null): Cursor | null {
  if (!value || value.length > 200) return null;
  try {
    const json = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    const parsed: unknown = JSON.parse(json);
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === "string" &&
      /^[a-z0-9]{1,64}$/.test(parsed[1])
    ) {
      return { key: parsed[0] as number, id: parsed[1] };
    }
  } catch {
    // a hand-edited cursor: start from the beginning
  }
  return null;
}
