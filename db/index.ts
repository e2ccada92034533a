import Sqlite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from "kysely";
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { config, type Config } from "../app/utils/env.server";
import { log } from "../app/utils/log.server";
import { singleton, dropSingleton } from "../app/utils/singleton.server";
import { ImmediateSqliteDialect, dialectOf } from "./dialect";
import { migrationProvider } from "./migrations/index";
import type { Database } from "./schema";

export type { Database } from "./schema";
export type DB = Kysely<Database>;
export type Trx = Transaction<Database>;
export { dialectOf };

// PostgreSQL returns bigint (times, sums, counts) as strings; every value we keep fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function createDatabase(database: Config["database"]): DB {
  if (database.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle connection that dies (a restart, a failover, an administrator's terminate) is reported
    // on the pool; unheard, that event would end the process. The pool replaces the connection.
    pool.on("error", (error) => log("error", "db.idle_connection_lost", { error: String(error) }));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const conn = new Sqlite(database.file);
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  conn.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: conn }) });
}

/** The process's database, opened on first use from the validated config. */
export function db(): DB {
  return singleton("db", () => createDatabase(config().database));
}

export async function closeDb() {
  const instance = singleton<DB | null>("db", () => null);
  dropSingleton("db");
  await instance?.destroy().catch(() => undefined); // already closed
}

export async function migrateToLatest(database: DB = db()) {
  const migrator = new Migrator({ db: database, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
  return results?.map((r) => r.migrationName) ?? [];
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(database: DB = db(), timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ping = sql`select 1 as ok`.execute(database).then(() => true as const);
    return await Promise.race([ping, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Set while transaction()'s callback runs; `open` turns false when it ends (a timer it started may outlive it). */
const openTransaction = new AsyncLocalStorage<{ open: boolean }>();

/** Run `fn` in one write transaction (BEGIN IMMEDIATE on SQLite). */
export function transaction<T>(fn: (trx: Trx) => Promise<T>, database: DB = db()): Promise<T> {
  return database.transaction().execute((trx) => {
    const marker = { open: true };
    return openTransaction
      .run(marker, () => fn(trx))
      .finally(() => {
        marker.open = false;
      });
  });
}

/** True while the calling code runs inside transaction() (outside calls must not hold one open). */
export function inTransaction(): boolean {
  return openTransaction.getStore()?.open ?? false;
}
