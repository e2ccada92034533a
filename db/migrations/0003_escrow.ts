import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * Escrow: an append-only double-entry ledger (accounts, transfers, escrows and their resolutions),
 * plus the mutable bookkeeping of the calls to the payment provider (charges, refunds, payouts) and
 * the sandbox provider's own memory. Contests and users are referred to by text id only.
 */
// Frozen in time: never edit a migration that has shipped; add a new one.

/** Tables whose rows are never updated or deleted: a correction is a new row. */
const APPEND_ONLY = ["ledger_accounts", "ledger_transfers", "escrows", "escrow_resolutions"];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("ledger_accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(
          sqlIn("kind", [
            "client_payments",
            "contest_escrow",
            "designer_balance",
            "platform_fees",
            "payouts",
            "refunds_out",
          ]),
        ),
    )
    // The client, contest or designer id; "platform" for the platform's own accounts.
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("ledger_accounts_owner_uq", ["kind", "owner_id", "currency"])
    // Target of the transfers' (account, currency) foreign keys: a transfer cannot mix currencies.
    .addUniqueConstraint("ledger_accounts_currency_uq", ["id", "currency"])
    .execute();

  await db.schema
    .createTable("ledger_transfers")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Derived from the command's idempotency key: the same command cannot write the same transfer twice.
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("debit_account_id", "text", (c) => c.notNull())
    .addColumn("credit_account_id", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("phase", "text", (c) =>
      c.notNull().check(sqlIn("phase", ["single", "pending", "post", "void"])),
    )
    // A post or void names the pending transfer it resolves; unique, so each resolves at most once.
    .addColumn("pending_id", "text", (c) => c.unique())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("contest_id", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addCheckConstraint("ledger_transfers_two_accounts", sql`debit_account_id <> credit_account_id`)
    .addCheckConstraint(
      "ledger_transfers_resolution_names_pending",
      sql`(phase in ('post', 'void')) = (pending_id is not null)`,
    )
    .addForeignKeyConstraint(
      "ledger_transfers_debit_fk",
      ["debit_account_id", "currency"],
      "ledger_accounts",
      ["id", "currency"],
    )
    .addForeignKeyConstraint(
      "ledger_transfers_credit_fk",
      ["credit_account_id", "currency"],
      "ledger_accounts",
      ["id", "currency"],
    )
    // A post or void moves exactly what its pending transfer reserved, between the same accounts.
    .addUniqueConstraint("ledger_transfers_shape_uq", [
      "id",
      "debit_account_id",
      "credit_account_id",
      "amount",
      "currency",
    ])
    .addForeignKeyConstraint(
      "ledger_transfers_resolves_fk",
      ["pending_id", "debit_account_id", "credit_account_id", "amount", "currency"],
      "ledger_transfers",
      ["id", "debit_account_id", "credit_account_id", "amount", "currency"],
    )
    .execute();
  await db.schema
    .createIndex("ledger_transfers_debit_idx")
    .on("ledger_transfers")
    .column("debit_account_id")
    .execute();
  await db.schema
    .createIndex("ledger_transfers_credit_idx")
    .on("ledger_transfers")
    .column("credit_account_id")
    .execute();
  await db.schema
    .createIndex("ledger_transfers_contest_idx")
    .on("ledger_transfers")
    .column("contest_id")
    .execute();

  await db.schema
    .createTable("escrows")
    .addColumn("contest_id", "text", (c) => c.primaryKey())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("prize", "bigint", (c) => c.notNull().check(sql`prize > 0`))
    .addColumn("fee", "bigint", (c) => c.notNull().check(sql`fee >= 0`))
    .addColumn("hold_key", "text", (c) => c.notNull().unique())
    // The provider's reference of the charge that brought the money in.
    .addColumn("payment_ref", "text", (c) => c.notNull())
    .addColumn("pending_transfer_id", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // The escrow row is written first (it claims the contest), its pending transfer right after.
    .addForeignKeyConstraint(
      "escrows_transfer_fk",
      ["pending_transfer_id"],
      "ledger_transfers",
      ["id"],
      (fk) => fk.deferrable().initiallyDeferred(),
    )
    .execute();
  await db.schema.createIndex("escrows_client_idx").on("escrows").column("client_id").execute();

  await db.schema
    .createTable("escrow_resolutions")
    .addColumn("contest_id", "text", (c) => c.primaryKey().references("escrows.contest_id"))
    .addColumn("pending_transfer_id", "text", (c) => c.notNull().unique().references("ledger_transfers.id"))
    .addColumn("outcome", "text", (c) => c.notNull().check(sqlIn("outcome", ["awarded", "refunded"])))
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("payment_intents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("contest_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("prize", "bigint", (c) => c.notNull())
    .addColumn("fee", "bigint", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("currency", "text", (c) => c.notNull())
    // What the provider needs to replay the call (a payment method id or a sandbox test card).
    .addColumn("payment_method", "text")
    .addColumn("method_label", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sqlIn("status", ["pending", "succeeded", "declined", "duplicate", "needs_review"])),
    )
    .addColumn("provider_ref", "text")
    .addColumn("failure_code", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("last_attempt_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("payment_intents_contest_idx")
    .on("payment_intents")
    .column("contest_id")
    .execute();
  await db.schema.createIndex("payment_intents_status_idx").on("payment_intents").column("status").execute();

  await db.schema
    .createTable("payment_refunds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    // One refund per charge: a second request for the same charge finds the first.
    .addColumn("intent_id", "text", (c) => c.notNull().unique().references("payment_intents.id"))
    .addColumn("contest_id", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) =>
      c.notNull().check(sqlIn("reason", ["contest_refunded", "duplicate_charge"])),
    )
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sqlIn("status", ["pending", "succeeded", "failed", "needs_review"])),
    )
    .addColumn("provider_ref", "text")
    .addColumn("failure_code", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("last_attempt_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("payment_refunds_status_idx").on("payment_refunds").column("status").execute();

  await db.schema
    .createTable("payouts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("designer_id", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("destination", "text", (c) => c.notNull())
    .addColumn("pending_transfer_id", "text", (c) => c.notNull().unique().references("ledger_transfers.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sqlIn("status", ["pending", "paid", "failed", "needs_review"])),
    )
    .addColumn("provider_ref", "text")
    .addColumn("failure_code", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("last_attempt_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("payouts_designer_idx")
    .on("payouts")
    .columns(["designer_id", "created_at"])
    .execute();
  await db.schema.createIndex("payouts_status_idx").on("payouts").column("status").execute();

  // The built-in sandbox provider remembers every operation by key, as a real provider does.
  await db.schema
    .createTable("sandbox_operations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sqlIn("kind", ["charge", "refund", "payout"])))
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("charge_id", "text")
    .addColumn("outcome", "text", (c) => c.notNull().check(sqlIn("outcome", ["succeeded", "declined"])))
    .addColumn("decline_code", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sandbox_operations_charge_idx")
    .on("sandbox_operations")
    .column("charge_id")
    .execute();

  await appendOnlyTriggers(db);
}

async function appendOnlyTriggers(db: Kysely<any>) {
  if (dialectOf(db) === "postgres") {
    await sql`
      create function ledger_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
      end
      $$`.execute(db);
    for (const table of APPEND_ONLY) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function ledger_append_only()`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function ledger_append_only()`.execute(db);
    }
    return;
  }
  for (const table of APPEND_ONLY) {
    for (const op of ["update", "delete"] as const) {
      await sql
        .raw(
          `create trigger ${table}_no_${op} before ${op} on ${table} begin ` +
            `select raise(abort, '${table} is append-only: ${op.toUpperCase()} refused'); end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping a table drops its triggers on both databases.
  for (const t of [
    "sandbox_operations",
    "payouts",
    "payment_refunds",
    "payment_intents",
    "escrow_resolutions",
    "escrows",
    "ledger_transfers",
    "ledger_accounts",
  ]) {
    await db.schema.dropTable(t).execute();
  }
  if (dialectOf(db) === "postgres") await sql`drop function ledger_append_only()`.execute(db);
}

function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
