import { describe, expect, it } from "vitest";
import { Migrator, sql } from "kysely";
import { createDatabase, dialectOf, migrateToLatest, type DB } from "~db/index";
import { migrationProvider, migrations } from "~db/migrations/index";
import { contestMatches } from "~db/search";
import { fillNewTables } from "~/server/boot.server";
import { pgUrl, isPostgresRun, withAdmin } from "../setup/db-template";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** An empty database of this run's dialect, and how to throw it away. */
async function emptyDatabase(label: string): Promise<{ database: DB; cleanup: () => Promise<void> }> {
  if (isPostgresRun()) {
    const name = `concours_${label}_${process.pid}`;
    await withAdmin(async (c) => {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}`);
    });
    const database = createDatabase({ kind: "postgres", url: pgUrl(name) });
    const cleanup = async () => {
      await database.destroy();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    };
    return { database, cleanup };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `concours-${label}-`));
  const database = createDatabase({ kind: "sqlite", file: path.join(dir, `${label}.sqlite`) });
  const cleanup = async () => {
    await database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { database, cleanup };
}

async function migrateTo(database: DB, name: string) {
  const migrator = new Migrator({ db: database, provider: migrationProvider });
  const { error } = name === "down" ? await migrator.migrateDown() : await migrator.migrateTo(name);
  if (error) throw error;
}

describe("migrations", () => {
  it("run up on an empty database and a second run changes nothing", async () => {
    const { database, cleanup } = await emptyDatabase("empty");
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
      await cleanup();
    }
  });

  it("0011 makes contests written before it findable without their accents, and goes back down", async () => {
    const { database, cleanup } = await emptyDatabase("search");
    const found = async (q: string) => {
      const rows = await database
        .selectFrom("contests")
        .select("id")
        .where(contestMatches(q, dialectOf(database))!)
        .execute();
      return rows.map((r) => r.id);
    };
    try {
      await migrateTo(database, "0010_languages");
      await database
        .insertInto("users")
        .values({
          id: "u1",
          email: "client@example.com",
          display_name: "Client",
          password_hash: "x",
          role: "client",
          created_at: 0,
          password_changed_at: 0,
        })
        .execute();
      await database
        .insertInto("contests")
        .values({
          id: "c1",
          client_id: "u1",
          status: "qualifying",
          version: 1,
          category: "logo",
          title: "Écusson pour la Fromagerie",
          description: "Une crème brûlée.",
          prize_minor: 30_000,
          currency: "CAD",
          qualifying_ms: 1,
          selection_ms: 1,
          final_ms: 1,
          winner_ms: 1,
          created_at: 0,
          updated_at: 0,
        })
        .execute();
      await migrateToLatest(database);
      for (const q of ["ecusson", "ÉCUSSON", "fromageries", "creme brulee"]) {
        expect(await found(q), q).toEqual(["c1"]);
      }
      await migrateTo(database, "0010_languages"); // 0011 down, whatever came after it first
      expect(await found("fromagerie")).toEqual(["c1"]);
      await migrateToLatest(database);
      expect(await found("ecusson")).toEqual(["c1"]);
    } finally {
      await cleanup();
    }
  });

  it("0013 adds an agreement's language, null for agreements stored before it (no backfill: they are signed), and goes back down", async () => {
    const { database, cleanup } = await emptyDatabase("agreement_language");
    const agreement = (contestId: string, locale?: "fr-CA" | "en") => ({
      contest_id: contestId,
      client_id: "u1",
      designer_id: "u1",
      entry_id: "e1",
      template: "transfer-v1",
      text: "DESIGN TRANSFER AGREEMENT",
      text_sha256: "a".repeat(64),
      created_at: 0,
      ...(locale ? { locale } : {}),
    });
    try {
      await migrateTo(database, "0011_contest_search");
      await database
        .insertInto("users")
        .values({
          id: "u1",
          email: "client@example.com",
          display_name: "Client",
          password_hash: "x",
          role: "client",
          created_at: 0,
          password_changed_at: 0,
        })
        .execute();
      for (const id of ["c1", "c2", "c3"]) {
        await database
          .insertInto("contests")
          .values({
            id,
            client_id: "u1",
            status: "handover",
            version: 1,
            category: "logo",
            title: "Logo",
            description: "",
            prize_minor: 30_000,
            currency: "CAD",
            qualifying_ms: 1,
            selection_ms: 1,
            final_ms: 1,
            winner_ms: 1,
            created_at: 0,
            updated_at: 0,
          })
          .execute();
      }
      await database.insertInto("transfer_agreements").values(agreement("c1")).execute();
      await migrateToLatest(database);
      const rows = await database
        .selectFrom("transfer_agreements")
        .select(["contest_id", "locale"])
        .execute();
      expect(rows).toEqual([{ contest_id: "c1", locale: null }]);
      await database.insertInto("transfer_agreements").values(agreement("c2", "fr-CA")).execute();
      await expect(
        database
          .insertInto("transfer_agreements")
          .values(agreement("c3", "de" as "en"))
          .execute(),
      ).rejects.toThrow();
      await migrateTo(database, "0011_contest_search");
      const columns = (await database.introspection.getTables())
        .find((t) => t.name === "transfer_agreements")!
        .columns.map((c) => c.name);
      expect(columns).not.toContain("locale");
      await migrateToLatest(database);
      const again = await database
        .selectFrom("transfer_agreements")
        .select(["contest_id", "locale"])
        .orderBy("contest_id")
        .execute();
      expect(again).toEqual([
        { contest_id: "c1", locale: null },
        { contest_id: "c2", locale: null },
      ]);
    } finally {
      await cleanup();
    }
  });

  it("0014 gives every existing account a unique handle from its name, and goes back down", async () => {
    const { database, cleanup } = await emptyDatabase("profiles");
    const user = (id: string, name: string, at: number) => ({
      id,
      email: `${id}@example.com`,
      display_name: name,
      password_hash: "x",
      role: "designer" as const,
      created_at: at,
      password_changed_at: at,
    });
    try {
      await migrateTo(database, "0013_agreement_language");
      await database
        .insertInto("users")
        .values([
          user("u1", "Chloé Martin", 1),
          user("u2", "chloe martin", 2),
          user("u3", "Chloé  Martin!", 3),
          user("u4", "Li", 4),
          user("u5", "✦✦", 5),
        ])
        .execute();
      await migrateToLatest(database);
      const rows = await database
        .selectFrom("users")
        .select(["id", "handle", "bio", "location", "languages", "categories"])
        .orderBy("id")
        .execute();
      expect(rows.map((r) => r.handle)).toEqual([
        "chloe-martin",
        "chloe-martin-2",
        "chloe-martin-3",
        "designer-li",
        "designer",
      ]);
      expect(rows[0]).toMatchObject({ bio: "", location: "", languages: "[]", categories: "[]" });
      await expect(
        database.updateTable("users").set({ handle: "chloe-martin" }).where("id", "=", "u4").execute(),
      ).rejects.toThrow();
      await migrateTo(database, "0013_agreement_language");
      const columns = (await database.introspection.getTables())
        .find((t) => t.name === "users")!
        .columns.map((c) => c.name);
      for (const column of ["handle", "bio", "location", "languages", "categories"])
        expect(columns).not.toContain(column);
      await migrateToLatest(database);
    } finally {
      await cleanup();
    }
  });

  it("0018 leaves designer_records empty, the app fills it right after from the record, and it goes back down", async () => {
    const { database, cleanup } = await emptyDatabase("records");
    const user = (id: string, name: string, role: "client" | "designer") => ({
      id,
      email: `${id}@example.com`,
      display_name: name,
      handle: id === "u3" ? null : `${id}-handle`,
      password_hash: "x",
      role,
      created_at: 1,
      password_changed_at: 1,
    });
    const won = (id: string, isPrivate: number) => ({
      id,
      client_id: "u1",
      status: "completed" as const,
      version: 9,
      category: "logo",
      title: id,
      prize_minor: 30_000,
      currency: "CAD",
      qualifying_ms: 1,
      selection_ms: 1,
      final_ms: 1,
      winner_ms: 1,
      is_private: isPrivate,
      winner_id: "u2",
      ended_at: 50,
      created_at: 0,
      updated_at: 0,
    });
    try {
      await migrateTo(database, "0016_messages");
      await database
        .insertInto("users")
        .values([
          user("u1", "Client", "client"),
          user("u2", "Chloé Martin", "designer"),
          user("u3", "No Handle", "designer"),
        ])
        .execute();
      await database
        .insertInto("contests")
        .values([won("c1", 0), won("c2", 1)])
        .execute();
      const applied = await migrateToLatest(database);
      expect(applied).toContain("0018_designer_records");
      expect(await database.selectFrom("designer_records").selectAll().execute()).toEqual([]);
      await fillNewTables(applied, { quiet: true, database });
      const rows = await database
        .selectFrom("designer_records")
        .select(["designer_id", "category", "listed", "public_wins", "level_wins", "level", "search_text"])
        .orderBy("designer_id")
        .orderBy("category")
        .execute();
      expect(rows).toEqual([
        {
          designer_id: "u1",
          category: "all",
          listed: 0,
          public_wins: 0,
          level_wins: 0,
          level: "entry",
          search_text: "client u1-handle",
        },
        {
          designer_id: "u2",
          category: "all",
          listed: 1,
          public_wins: 1,
          level_wins: 2,
          level: "mid",
          search_text: "chloe martin u2-handle",
        },
        {
          designer_id: "u2",
          category: "logo",
          listed: 1,
          public_wins: 1,
          level_wins: 2,
          level: "mid",
          search_text: "chloe martin u2-handle",
        },
        {
          designer_id: "u3",
          category: "all",
          listed: 0,
          public_wins: 0,
          level_wins: 0,
          level: "entry",
          search_text: "no handle",
        },
      ]);
      // Nothing to fill when 0018 was applied before.
      await fillNewTables([], { quiet: true, database });
      await migrateTo(database, "0016_messages");
      const tables = (await database.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain("designer_records");
      await migrateToLatest(database);
    } finally {
      await cleanup();
    }
  });
  it("0023 fixes launched contests' AI rule by category, leaves old entries undeclared, verifies accounts that paid, and goes back down", async () => {
    const { database, cleanup } = await emptyDatabase("declared");
    const user = (id: string) => ({
      id,
      email: `${id}@example.com`,
      display_name: id,
      handle: `${id}-handle`,
      password_hash: "x",
      role: "client" as const,
      created_at: 1,
      password_changed_at: 1,
    });
    const contest = (id: string, category: string, status: "draft" | "qualifying") => ({
      id,
      client_id: "paid",
      status,
      version: 1,
      category,
      title: id,
      prize_minor: 30_000,
      currency: "CAD",
      qualifying_ms: 1,
      selection_ms: 1,
      final_ms: 1,
      winner_ms: 1,
      created_at: 0,
      updated_at: 0,
    });
    const intent = (id: string, clientId: string, status: "succeeded" | "declined", at: number) => ({
      id,
      idempotency_key: id,
      contest_id: "logo-live",
      client_id: clientId,
      prize: 30_000,
      fee: 4_500,
      amount: 34_500,
      currency: "CAD",
      method_label: "Visa 4242",
      status,
      created_at: at,
      updated_at: at,
    });
    try {
      await migrateTo(database, "0020_contest_tiers");
      await database
        .insertInto("users")
        .values([user("paid"), user("declined"), user("never")])
        .execute();
      await database
        .insertInto("contests")
        .values([
          contest("logo-live", "logo", "qualifying"),
          contest("web-live", "web_page", "qualifying"),
          contest("logo-draft", "logo", "draft"),
        ])
        .execute();
      await database
        .insertInto("payment_intents")
        .values([intent("i1", "paid", "succeeded", 500), intent("i2", "declined", "declined", 600)])
        .execute();
      await database
        .insertInto("entries")
        .values({
          id: "e1",
          contest_id: "logo-live",
          designer_id: "never",
          number: 1,
          status: "ready",
          created_at: 1,
          updated_at: 1,
        })
        .execute();
      await migrateTo(database, "0023_declared_ai_and_verified_email");
      const rules = await database
        .selectFrom("contests")
        .select(["id", "ai_allowed"])
        .orderBy("id")
        .execute();
      expect(rules).toEqual([
        { id: "logo-draft", ai_allowed: null },
        { id: "logo-live", ai_allowed: 0 },
        { id: "web-live", ai_allowed: 1 },
      ]);
      const entry = await database.selectFrom("entries").select("ai_declared").executeTakeFirstOrThrow();
      expect(entry.ai_declared).toBeNull();
      const verified = await database
        .selectFrom("users")
        .select(["id", "email_verified_at"])
        .orderBy("id")
        .execute();
      expect(
        verified.map((u) => [u.id, u.email_verified_at === null ? null : Number(u.email_verified_at)]),
      ).toEqual([
        ["declined", null],
        ["never", null],
        ["paid", 500],
      ]);
      await migrateTo(database, "0020_contest_tiers");
      const tables = (await database.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain("email_verifications");
      const columns = (await database.introspection.getTables())
        .find((t) => t.name === "users")!
        .columns.map((c) => c.name);
      expect(columns).not.toContain("email_verified_at");
      await migrateToLatest(database);
    } finally {
      await cleanup();
    }
  });
});
