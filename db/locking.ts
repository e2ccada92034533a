import type { SelectQueryBuilder } from "kysely";
import { dialectOf, type DialectName } from "./dialect";

/**
 * Row locks for work queues. PostgreSQL: FOR UPDATE SKIP LOCKED, so several workers claim disjoint
 * rows. SQLite: nothing to add; the write transaction (BEGIN IMMEDIATE) already excludes every other
 * writer.
 */
export function skipLocked<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: DialectName,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === "postgres" ? query.forUpdate().skipLocked() : query;
}

/** FOR UPDATE on PostgreSQL (serialises writers on one row); SQLite's write lock already does. */
export function forUpdate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: DialectName,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === "postgres" ? query.forUpdate() : query;
}

export { dialectOf };

/**
 * FOR SHARE on PostgreSQL: many writers that only depend on a row (ratings on a contest) go on
 * together, while a writer that changes it (a transition, FOR UPDATE) waits for them and they for it.
 * SQLite's write lock already serialises everything.
 */
export function forShare<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: DialectName,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === "postgres" ? query.forShare() : query;
}
