/** The rating viewer's navigation, shared by the server (first paint, no JavaScript) and the browser. */

export const VIEWER_FILTERS = ["all", "unrated", "top", "declined"] as const;
export type ViewerFilter = (typeof VIEWER_FILTERS)[number];
export const MAX_COMPARE = 4;

type Navigable = { id: string; declined: boolean; myStars: number | null; number: number };

export function parseFilter(value: string | null | undefined): ViewerFilter {
  return (VIEWER_FILTERS as readonly string[]).includes(value ?? "") ? (value as ViewerFilter) : "all";
}

/** The entries a filter shows, best first for "top", else in submission order. */
export function filterEntries<E extends Navigable>(entries: E[], filter: ViewerFilter): E[] {
  switch (filter) {
    case "all":
      return entries.filter((e) => !e.declined);
    case "unrated":
      return entries.filter((e) => !e.declined && e.myStars === null);
    case "top":
      return entries
        .filter((e) => !e.declined && (e.myStars ?? 0) >= 4)
        .sort((a, b) => (b.myStars ?? 0) - (a.myStars ?? 0) || a.number - b.number);
    case "declined":
      return entries.filter((e) => e.declined);
  }
}

/**
 * The current entry and its neighbours in the filtered list. An entry that just left the filter (rated
 * under "unrated") stays current; "next" is then the first one after it.
 */
export function pickEntries<E extends Navigable>(entries: E[], filter: ViewerFilter, entryId: string | null) {
  const list = filterEntries(entries, filter);
  const requested = entryId ? entries.find((e) => e.id === entryId) : undefined;
  const current = requested ?? list[0] ?? null;
  if (!current) return { list, current: null, prev: null, next: null, index: -1 };
  const index = list.findIndex((e) => e.id === current.id);
  if (index >= 0) {
    return { list, current, index, prev: list[index - 1] ?? null, next: list[index + 1] ?? null };
  }
  // Not in the list (any more): neighbours by position in the whole contest.
  const order = entries.map((e) => e.id);
  const at = order.indexOf(current.id);
  const prev = [...list].reverse().find((e) => order.indexOf(e.id) < at) ?? null;
  const next = list.find((e) => order.indexOf(e.id) > at) ?? list[0] ?? null;
  return { list, current, index, prev, next: next?.id === current.id ? null : next };
}

export function progressOf(entries: Pick<Navigable, "declined" | "myStars">[]) {
  const active = entries.filter((e) => !e.declined);
  return { rated: active.filter((e) => e.myStars !== null).length, total: active.length };
}

/**
 * The entry the keys act on after a render. A key move sets it at once, before the browser has
 * moved; a render that shows the same entry as the last one (an answer arriving before the move
 * has begun) keeps it; a render that shows another entry (the move landed, or the person clicked
 * elsewhere) takes it; and a render of the entry already held refreshes it (its stars, its state).
 */
export function entryForKeys<E extends { id: string }>(
  held: E | null,
  lastRenderedId: string | null,
  rendered: E | null,
): E | null {
  if ((rendered?.id ?? null) !== lastRenderedId) return rendered;
  if (held?.id === rendered?.id) return rendered;
  return held;
}
