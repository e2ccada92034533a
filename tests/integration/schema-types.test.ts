import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, dialectOf, migrateToLatest, type DB } from "~db/index";
import { pgUrl, isPostgresRun, withAdmin } from "../setup/db-template";

// The hand-written Kysely types in db/schema.ts, held against a freshly migrated database of this
// run's dialect (SQLite in `npm test`, PostgreSQL in `npm run test:pg`): a migration that adds a
// column the types forget, or a type that promises what the table does not hold, fails here.

type TypeClass = "number" | "string" | "boolean";
type Column = { nullable: boolean; typeClass: TypeClass | string; hasDefault: boolean };
type Tables = Map<string, Map<string, Column>>;

/**
 * The search index lives outside `Database` on purpose: each dialect has its own (see db/search.ts),
 * reached only through raw SQL there. Listed here so that nothing else may hide.
 */
const SEARCH_INDEX = {
  sqlite: {
    tables: [
      "contests_fts",
      "contests_fts_config",
      "contests_fts_data",
      "contests_fts_docsize",
      "contests_fts_idx",
    ],
    columns: [] as string[],
  },
  postgres: { tables: [] as string[], columns: ["contests.search"] },
};

/** The `Database` interface of db/schema.ts, read with the TypeScript compiler. */
function declaredTables(): Tables {
  const file = path.resolve("db/schema.ts");
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = checker
    .getExportsOfModule(checker.getSymbolAtLocation(source)!)
    .find((s) => s.name === "Database");
  if (!database) throw new Error("db/schema.ts exports no Database interface");
  const tables: Tables = new Map();
  for (const table of checker.getDeclaredTypeOfSymbol(database).getProperties()) {
    const columns = new Map<string, Column>();
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      columns.set(column.name, declaredColumn(checker, checker.getTypeOfSymbol(column)));
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function declaredColumn(checker: ts.TypeChecker, type: ts.Type): Column {
  // Generated<T> and ColumnType<S, I, U>: what a select reads, and whether an insert may leave it out.
  const selected = type.getProperty("__select__");
  const inserted = type.getProperty("__insert__");
  const selectType = selected ? checker.getTypeOfSymbol(selected) : type;
  const insertType = inserted ? checker.getTypeOfSymbol(inserted) : type;
  const parts = (t: ts.Type) => (t.isUnion() ? t.types : [t]);
  const nullable = parts(selectType).some((t) => t.flags & ts.TypeFlags.Null);
  const classes = new Set(
    parts(selectType)
      .filter((t) => !(t.flags & ts.TypeFlags.Null))
      .map((t): TypeClass | string =>
        t.flags & ts.TypeFlags.NumberLike
          ? "number"
          : t.flags & ts.TypeFlags.StringLike
            ? "string"
            : t.flags & ts.TypeFlags.BooleanLike
              ? "boolean"
              : checker.typeToString(t),
      ),
  );
  return {
    nullable,
    typeClass: [...classes].join(" | "),
    hasDefault: parts(insertType).some((t) => t.flags & ts.TypeFlags.Undefined),
  };
}

function typeClassOf(dataType: string): TypeClass | string {
  const t = dataType.toLowerCase();
  if (/^(integer|int|int2|int4|int8|smallint|bigint|real|float4|float8|double precision|numeric)$/.test(t))
    return "number";
  if (/^(text|varchar|char|character varying|character)(\(\d+\))?$/.test(t)) return "string";
  if (/^(bool|boolean)$/.test(t)) return "boolean";
  return `unknown database type ${dataType}`;
}

/** The tables and columns of the migrated database, as Kysely's introspection reports them. */
async function migratedTables(database: DB): Promise<Tables> {
  const dialect = dialectOf(database);
  const tables: Tables = new Map();
  for (const table of await database.introspection.getTables()) {
    if (table.isView || SEARCH_INDEX[dialect].tables.includes(table.name)) continue;
    // SQLite lets a column of a (non-INTEGER) primary key hold NULL unless declared NOT NULL, a
    // legacy quirk; PostgreSQL refuses it, and no code writes one. Such a column counts as not null.
    const primaryKey = new Set<string>();
    if (dialect === "sqlite") {
      const info = await sql<{ name: string; pk: number }>`
        select name, pk from pragma_table_info(${table.name})`.execute(database);
      for (const row of info.rows) if (row.pk > 0) primaryKey.add(row.name);
    }
    const columns = new Map<string, Column>();
    for (const column of table.columns) {
      if (SEARCH_INDEX[dialect].columns.includes(`${table.name}.${column.name}`)) continue;
      columns.set(column.name, {
        nullable: column.isNullable && !primaryKey.has(column.name),
        typeClass: typeClassOf(column.dataType),
        hasDefault: column.hasDefaultValue || column.isAutoIncrementing,
      });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

/** Each column present in both, as "table.column: declared vs migrated" where `property` differs. */
function mismatches(declared: Tables, migrated: Tables, property: (c: Column) => string): string[] {
  const out: string[] = [];
  for (const [table, columns] of declared) {
    for (const [name, column] of columns) {
      const actual = migrated.get(table)?.get(name);
      if (actual && property(column) !== property(actual))
        out.push(`${table}.${name}: schema.ts ${property(column)}, database ${property(actual)}`);
    }
  }
  return out;
}

describe(`db/schema.ts matches the migrated database (${isPostgresRun() ? "PostgreSQL" : "SQLite"})`, () => {
  let database: DB;
  let cleanup: () => Promise<void>;
  let declared: Tables;
  let migrated: Tables;

  beforeAll(async () => {
    if (isPostgresRun()) {
      const name = `concours_schema_${process.pid}`;
      await withAdmin(async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.query(`create database ${name}`);
      });
      database = createDatabase({ kind: "postgres", url: pgUrl(name) });
      cleanup = () =>
        withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concours-schema-"));
      database = createDatabase({ kind: "sqlite", file: path.join(dir, "schema.sqlite") });
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    await migrateToLatest(database);
    declared = declaredTables();
    migrated = await migratedTables(database);
  });

  afterAll(async () => {
    await database?.destroy();
    await cleanup?.();
  });

  it("the search index kept out of the types is the one each dialect builds", async () => {
    const dialect = dialectOf(database);
    const tables = await database.introspection.getTables();
    for (const name of SEARCH_INDEX[dialect].tables) expect(tables.map((t) => t.name)).toContain(name);
    for (const qualified of SEARCH_INDEX[dialect].columns) {
      const [table, column] = qualified.split(".");
      const columns = tables.find((t) => t.name === table)?.columns.map((c) => c.name);
      expect(columns).toContain(column);
    }
  });

  it("every table of the Database interface exists in the database, and no other", () => {
    expect([...declared.keys()].sort()).toEqual([...migrated.keys()].sort());
  });

  it("every column of each table's interface exists in the database, and no other", () => {
    const missing: string[] = [];
    const undeclared: string[] = [];
    for (const [table, columns] of declared)
      for (const name of columns.keys())
        if (!migrated.get(table)?.has(name)) missing.push(`${table}.${name}`);
    for (const [table, columns] of migrated)
      for (const name of columns.keys())
        if (!declared.get(table)?.has(name)) undeclared.push(`${table}.${name}`);
    // missing: declared in db/schema.ts, absent from the database; undeclared: the other way round.
    expect({ missing, undeclared }).toEqual({ missing: [], undeclared: [] });
  });

  it("a column typed T | null is nullable in the database, and every nullable column is typed so", () => {
    const differ = mismatches(declared, migrated, (c) => (c.nullable ? "nullable" : "not null"));
    expect(differ).toEqual([]);
  });

  it("each column's broad type (number, string, boolean) agrees with the database's", () => {
    expect(mismatches(declared, migrated, (c) => c.typeClass)).toEqual([]);
  });

  it("a Generated<> column has a default in the database (an insert may leave it out)", () => {
    const differ = mismatches(declared, migrated, (c) => (c.hasDefault ? "default" : "no default")).filter(
      (m) => m.includes("schema.ts default,"),
    );
    expect(differ).toEqual([]);
  });
});
