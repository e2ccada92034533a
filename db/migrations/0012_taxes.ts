import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * Sales taxes on what the platform sells (issue 12, ADR 0029): a charge and its escrow keep the
 * taxes charged with the fee (their total, the client's billing region, and the lines as JSON text:
 * tax, rate, amount and the registration number printed on the receipt), so a receipt never reads
 * today's table; and the ledger gets the account kind `taxes_collected`, where an award moves them.
 * Rows from before have no tax (0, no region, no lines).
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

const KINDS_BEFORE = [
  "client_payments",
  "contest_escrow",
  "designer_balance",
  "platform_fees",
  "payouts",
  "refunds_out",
];
const KINDS_AFTER = [...KINDS_BEFORE, "taxes_collected"];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["payment_intents", "escrows"]) {
    await db.schema
      .alterTable(table)
      .addColumn("tax", "bigint", (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`tax >= 0`),
      )
      .execute();
    await db.schema.alterTable(table).addColumn("tax_region", "text").execute();
    await db.schema
      .alterTable(table)
      .addColumn("tax_lines", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
  }
  await setAccountKinds(db, KINDS_AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await setAccountKinds(db, KINDS_BEFORE);
  for (const table of ["payment_intents", "escrows"]) {
    for (const column of ["tax_lines", "tax_region", "tax"]) {
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
}

/**
 * The CHECK on ledger_accounts.kind. PostgreSQL replaces the constraint. SQLite cannot alter a
 * CHECK: the table is rebuilt the way SQLite documents (foreign keys off, new table, copy, drop,
 * rename, checked, foreign keys back on), its append-only triggers made again.
 */
async function setAccountKinds(db: Kysely<any>, kinds: string[]) {
  if (dialectOf(db) === "postgres") {
    await sql`alter table ledger_accounts drop constraint ledger_accounts_kind_check`.execute(db);
    await sql`alter table ledger_accounts add constraint ledger_accounts_kind_check check (${sqlIn("kind", kinds)})`.execute(
      db,
    );
    return;
  }
  // SQLite: the migrator holds its one connection and runs outside a transaction, so the pragma holds.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable("ledger_accounts_new")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull().check(sqlIn("kind", kinds)))
        .addColumn("owner_id", "text", (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull().check(sql`length(currency) = 3`))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addUniqueConstraint("ledger_accounts_owner_uq", ["kind", "owner_id", "currency"])
        .addUniqueConstraint("ledger_accounts_currency_uq", ["id", "currency"])
        .execute();
      await sql`insert into ledger_accounts_new (id, kind, owner_id, currency, created_at)
        select id, kind, owner_id, currency, created_at from ledger_accounts`.execute(trx);
      await sql`drop table ledger_accounts`.execute(trx);
      await sql`alter table ledger_accounts_new rename to ledger_accounts`.execute(trx);
      for (const op of ["update", "delete"] as const) {
        await sql
          .raw(
            `create trigger ledger_accounts_no_${op} before ${op} on ledger_accounts begin ` +
              `select raise(abort, 'ledger_accounts is append-only: ${op.toUpperCase()} refused'); end`,
          )
          .execute(trx);
      }
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length) throw new Error(`ledger_accounts rebuilt with broken references`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
