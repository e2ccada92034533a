import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { createDatabase, migrateToLatest, type DB } from "~db/index";
import { migrationProvider, migrations } from "~db/migrations/index";
import { isPostgresRun, pgUrl, withAdmin } from "../setup/db-template";

async function emptyDatabase(): Promise<{ database: DB; cleanup: () => Promise<void> }> {
  if (isPostgresRun()) {
    const name = `concours_escrow_mig_${process.pid}`;
    await withAdmin(async (c) => {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}`);
    });
    const database = createDatabase({ kind: "postgres", url: pgUrl(name) });
    return {
      database,
      cleanup: async () => {
        await database.destroy();
        await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-escrow-mig-"));
  const database = createDatabase({ kind: "sqlite", file: path.join(dir, "db.sqlite") });
  return {
    database,
    cleanup: async () => {
      await database.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ESCROW_TABLES = ["ledger_accounts", "ledger_transfers", "escrows", "escrow_resolutions", "payouts"];

describe("the migrations' down steps", () => {
  it("take the escrow migration (0003, with its triggers and function) and those after it down, then up again", async () => {
    const { database, cleanup } = await emptyDatabase();
    try {
      await migrateToLatest(database);
      const tables = async () => (await database.introspection.getTables()).map((t) => t.name);
      for (const table of ESCROW_TABLES) expect(await tables()).toContain(table);
      const migrator = new Migrator({ db: database, provider: migrationProvider });
      const after = Object.keys(migrations).filter((name) => name >= "0003_escrow");
      const down = await migrator.migrateTo("0002_contests");
      expect(down.error).toBeUndefined();
      expect(down.results?.map((r) => [r.migrationName, r.status])).toEqual(
        [...after].reverse().map((name) => [name, "Success"]),
      );
      for (const table of ESCROW_TABLES) expect(await tables()).not.toContain(table);
      expect(await tables()).toContain("users");
      expect(await tables()).toContain("contests");
      expect(await migrateToLatest(database)).toEqual(after);
      for (const table of ESCROW_TABLES) expect(await tables()).toContain(table);
    } finally {
      await cleanup();
    }
  });
});
