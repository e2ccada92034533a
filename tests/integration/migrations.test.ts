import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createDatabase, dialectOf, migrateToLatest } from "~db/index";
import { migrations } from "~db/migrations/index";
import { pgUrl, isPostgresRun, withAdmin } from "../setup/db-template";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

describe("migrations", () => {
  it("run up on an empty database and a second run changes nothing", async () => {
    let database;
    let cleanup: () => Promise<void>;
    if (isPostgresRun()) {
      const name = `concours_empty_${process.pid}`;
      await withAdmin(async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.query(`create database ${name}`);
      });
      database = createDatabase({ kind: "postgres", url: pgUrl(name) });
      cleanup = () =>
        withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-empty-"));
      database = createDatabase({ kind: "sqlite", file: path.join(dir, "empty.sqlite") });
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    try {
      expect(dialectOf(database)).toBe(isPostgresRun() ? "postgres" : "sqlite");
      const applied = await migrateToLatest(database);
      expect(applied).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(database)).toEqual([]);
      const tables = (await database.introspection.getTables()).map((t) => t.name);
      for (const table of ["users", "sessions", "password_resets", "jobs", "outbox_mail"])
        expect(tables).toContain(table);
      const one = await sql<{ n: number }>`select count(*) as n from users`.execute(database);
      expect(Number(one.rows[0]!.n)).toBe(0);
    } finally {
      await database.destroy();
      await cleanup();
    }
  });
});
