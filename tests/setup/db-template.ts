import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDatabase, migrateToLatest } from "~db/index";

/** Where the PostgreSQL server for tests is (trust auth on this machine). */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
// One template per test run (pid), so parallel runs on one server do not collide.
export const PG_TEMPLATE = `concours_tpl_${process.pid}`;

export function isPostgresRun() {
  return process.env.TEST_DB === "pg";
}

export function pgUrl(database: string) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A migrated, empty database that each test file copies (fast and isolated). */
export async function createTemplate(cacheDir: string): Promise<string> {
  if (isPostgresRun()) {
    await withAdmin(async (c) => {
      await c.query(`drop database if exists ${PG_TEMPLATE} with (force)`);
      await c.query(`create database ${PG_TEMPLATE}`);
    });
    const database = createDatabase({ kind: "postgres", url: pgUrl(PG_TEMPLATE) });
    await migrateToLatest(database);
    await database.destroy();
    return PG_TEMPLATE;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `template-${process.pid}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const database = createDatabase({ kind: "sqlite", file });
  await migrateToLatest(database);
  await database.destroy(); // closes and checkpoints the WAL into the file
  return file;
}
