import type { Category } from "../contests/brief";
import { highest, levelOf, nextLevel, type CategoryRecord, type Level, type NextLevel } from "./levels";

/**
 * A designer's record, pure: what levels, stars and reply times are computed from. The server
 * module reads the rows; everything decided from them is decided here.
 */

/** Below this many answered client comments a median reply time says too little to show. */
export const RESPONSE_MIN_SAMPLES = 3;
/** The reply time is measured over the designer's latest client comments, this many at most. */
export const RESPONSE_WINDOW = 100;

/** The median of some numbers (the mean of the two middle ones for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median time a designer took to answer a client's comment, once there are enough answers. */
export function medianReply(delays: readonly number[]): number | null {
  return delays.length >= RESPONSE_MIN_SAMPLES ? median(delays) : null;
}

export interface CategoryStanding {
  category: Category;
  record: CategoryRecord;
  level: Level;
  next: NextLevel | null;
}

/** Each category's level and next step, best first, then in the catalogue's order. */
export function standings(
  records: Partial<Record<Category, CategoryRecord>>,
  order: readonly Category[],
): CategoryStanding[] {
  return order
    .filter((c) => records[c])
    .map((category) => {
      const record = records[category]!;
      return { category, record, level: levelOf(record), next: nextLevel(record) };
    });
}

/** A designer's level overall: their best category's. */
export const overallLevel = (list: readonly CategoryStanding[]): Level => highest(list.map((s) => s.level));

/** A reply time as people say it: within n minutes (under an hour), hours (under two days), or days. */
export function replyWithin(ms: number): { unit: "minutes" | "hours" | "days"; n: number } {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return { unit: "minutes", n: minutes };
  const hours = Math.ceil(minutes / 60);
  if (hours < 48) return { unit: "hours", n: hours };
  return { unit: "days", n: Math.ceil(hours / 24) };
}
