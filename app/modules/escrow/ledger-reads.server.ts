import { sql, type Kysely } from "kysely";
import type { Database, PayoutStatus, TransferPhase } from "~db/schema";
import {
  ZERO_TOTALS,
  accountOwner,
  availableBalance,
  pendingBalance,
  postedBalance,
  type AccountRef,
  type AccountTotals,
} from "./ledger";
import { readTaxLines, readTaxRegion, type ChargedTaxLine } from "../tax/charge";
import type { TaxRegion } from "../tax/tax";

/**
 * The ledger's read models: escrows, balances, a designer's movements, a client's receipts, the
 * trial balance. They only read; every write is in ledger.server.ts.
 */

/** Anything that runs queries: the database or a transaction. */
export type Executor = Kysely<Database>;

export async function findAccountId(executor: Executor, ref: AccountRef): Promise<string | undefined> {
  const row = await executor
    .selectFrom("ledger_accounts")
    .select("id")
    .where("kind", "=", ref.kind)
    .where("owner_id", "=", accountOwner(ref))
    .where("currency", "=", ref.currency)
    .executeTakeFirst();
  return row?.id;
}

export type EscrowStatus = "none" | "held" | "awarded" | "refunded";

export interface EscrowView {
  status: EscrowStatus;
  /** Minor units still held (prize + fee + tax) while the status is "held"; 0 otherwise. */
  held: number;
  prize: number;
  fee: number;
  /** The sales taxes charged on the fee. */
  tax: number;
  currency: string | null;
}

export async function escrowOf(executor: Executor, contestId: string): Promise<EscrowView> {
  const row = await executor
    .selectFrom("escrows")
    .leftJoin("escrow_resolutions", "escrow_resolutions.contest_id", "escrows.contest_id")
    .select(["escrows.prize", "escrows.fee", "escrows.tax", "escrows.currency", "escrow_resolutions.outcome"])
    .where("escrows.contest_id", "=", contestId)
    .executeTakeFirst();
  if (!row) return { status: "none", held: 0, prize: 0, fee: 0, tax: 0, currency: null };
  const status = row.outcome ?? "held";
  return {
    status,
    held: status === "held" ? row.prize + row.fee + row.tax : 0,
    prize: row.prize,
    fee: row.fee,
    tax: row.tax,
    currency: row.currency,
  };
}

/** The taxes a contest's escrow was charged with (as stored at the charge), or none. */
export async function escrowTaxes(executor: Executor, contestId: string) {
  const row = await executor
    .selectFrom("escrows")
    .select(["tax", "tax_region", "tax_lines"])
    .where("contest_id", "=", contestId)
    .executeTakeFirst();
  return {
    region: readTaxRegion(row?.tax_region),
    lines: readTaxLines(row?.tax_lines),
    total: row?.tax ?? 0,
  };
}

/** The billing region of a client's latest funded contest (the review step's default), if any. */
export async function lastBillingRegion(executor: Executor, clientId: string): Promise<TaxRegion | null> {
  const row = await executor
    .selectFrom("escrows")
    .select("tax_region")
    .where("client_id", "=", clientId)
    .where("tax_region", "is not", null)
    .orderBy("created_at", "desc")
    .orderBy("contest_id", "desc")
    .executeTakeFirst();
  return readTaxRegion(row?.tax_region);
}

export interface AccountBalance extends AccountTotals {
  currency: string;
  /** Credits minus debits, posted. */
  posted: number;
  /** Credits minus debits, pending. */
  pending: number;
  /** Posted credits less posted and pending debits: what may still be paid out of it. */
  available: number;
}

function withBalances(currency: string, totals: AccountTotals): AccountBalance {
  return {
    ...totals,
    currency,
    posted: postedBalance(totals),
    pending: pendingBalance(totals),
    available: availableBalance(totals),
  };
}

/** The four totals of one account, summed from its transfers (a pending one counts until resolved). */
export async function accountTotals(executor: Executor, accountId: string): Promise<AccountTotals> {
  const row = await sql<Record<keyof AccountTotals, number | null>>`
    select
      sum(case when t.debit_account_id = ${accountId} and t.phase in ('single', 'post') then t.amount else 0 end)
        as "debitsPosted",
      sum(case when t.credit_account_id = ${accountId} and t.phase in ('single', 'post') then t.amount else 0 end)
        as "creditsPosted",
      sum(case when t.debit_account_id = ${accountId} and t.phase = 'pending' and r.id is null then t.amount else 0 end)
        as "debitsPending",
      sum(case when t.credit_account_id = ${accountId} and t.phase = 'pending' and r.id is null then t.amount else 0 end)
        as "creditsPending"
    from ledger_transfers t
    left join ledger_transfers r on r.pending_id = t.id
    where t.debit_account_id = ${accountId} or t.credit_account_id = ${accountId}
  `.execute(executor);
  const sums = row.rows[0];
  return {
    debitsPosted: Number(sums?.debitsPosted ?? 0),
    creditsPosted: Number(sums?.creditsPosted ?? 0),
    debitsPending: Number(sums?.debitsPending ?? 0),
    creditsPending: Number(sums?.creditsPending ?? 0),
  };
}

/** Any account's balance; an account that was never opened has a zero balance. */
export async function balanceOf(executor: Executor, ref: AccountRef): Promise<AccountBalance> {
  const id = await findAccountId(executor, ref);
  return withBalances(ref.currency, id ? await accountTotals(executor, id) : ZERO_TOTALS);
}

export interface DesignerBalance {
  currency: string;
  /** Earned and not withdrawn nor on its way out. */
  available: number;
  /** Payouts sent to the provider and not yet confirmed. */
  inFlight: number;
  /** Everything ever paid out to the designer. */
  paidOut: number;
}

export async function designerBalance(
  executor: Executor,
  designerId: string,
  currency: string,
): Promise<DesignerBalance> {
  const b = await balanceOf(executor, { kind: "designer_balance", designerId, currency });
  return { currency, available: b.available, inFlight: b.debitsPending, paidOut: b.debitsPosted };
}

export type MovementKind = "prize" | "payout" | "payout_returned";

export interface Movement {
  at: number;
  kind: MovementKind;
  /** Signed: positive when the balance grew. */
  amount: number;
  currency: string;
  contestId: string | null;
  payoutId: string | null;
  payoutStatus: PayoutStatus | null;
}

/** What moved on a designer's balances, oldest first (an earnings page). */
export async function designerMovements(executor: Executor, designerId: string): Promise<Movement[]> {
  const rows = await executor
    .selectFrom("ledger_transfers as t")
    .innerJoin("ledger_accounts as a", (j) =>
      j.on((eb) =>
        eb.or([
          eb("a.id", "=", eb.ref("t.debit_account_id")),
          eb("a.id", "=", eb.ref("t.credit_account_id")),
        ]),
      ),
    )
    .leftJoin("payouts as p", (j) =>
      j.on((eb) =>
        eb.or([
          eb("p.pending_transfer_id", "=", eb.ref("t.id")),
          eb("p.pending_transfer_id", "=", eb.ref("t.pending_id")),
        ]),
      ),
    )
    .select([
      "t.id",
      "t.code",
      "t.amount",
      "t.currency",
      "t.contest_id",
      "t.created_at",
      "p.id as payout_id",
      "p.status as payout_status",
    ])
    .where("a.kind", "=", "designer_balance")
    .where("a.owner_id", "=", designerId)
    .where("t.code", "in", ["prize", "payout_hold", "payout_returned"])
    .orderBy("t.created_at")
    .orderBy("t.id")
    .execute();
  return rows.map((r) => {
    const kind: MovementKind =
      r.code === "prize" ? "prize" : r.code === "payout_hold" ? "payout" : "payout_returned";
    return {
      at: r.created_at,
      kind,
      amount: kind === "payout" ? -r.amount : r.amount,
      currency: r.currency,
      contestId: r.contest_id,
      payoutId: r.payout_id,
      payoutStatus: r.payout_status,
    };
  });
}

export interface ContestReceipt {
  contestId: string;
  currency: string;
  status: Exclude<EscrowStatus, "none">;
  prize: number;
  /** The platform fee charged with the prize. */
  fee: number;
  /** The sales taxes charged on the fee, line by line with their registration numbers. */
  taxLines: ChargedTaxLine[];
  tax: number;
  taxRegion: TaxRegion | null;
  /** Everything charged for the contest, a duplicate charge included. */
  paid: number;
  /** The fee the platform kept (0 after a refund). */
  feeKept: number;
  /** Everything returned to the client. */
  refunded: number;
  fundedAt: number;
}

/** Per contest: what the client paid, the fees, and what came back (a receipts page). */
export async function clientReceipts(executor: Executor, clientId: string): Promise<ContestReceipt[]> {
  const escrows = await executor
    .selectFrom("escrows")
    .leftJoin("escrow_resolutions", "escrow_resolutions.contest_id", "escrows.contest_id")
    .select([
      "escrows.contest_id",
      "escrows.currency",
      "escrows.prize",
      "escrows.fee",
      "escrows.tax",
      "escrows.tax_region",
      "escrows.tax_lines",
      "escrows.created_at",
      "escrow_resolutions.outcome",
    ])
    .where("escrows.client_id", "=", clientId)
    .orderBy("escrows.created_at")
    .orderBy("escrows.contest_id")
    .execute();
  const duplicates = await executor
    .selectFrom("ledger_transfers as t")
    .innerJoin("ledger_accounts as a", "a.id", "t.debit_account_id")
    .select(["t.contest_id", (eb) => eb.fn.sum<number>("t.amount").as("amount")])
    .where("a.kind", "=", "client_payments")
    .where("a.owner_id", "=", clientId)
    .where("t.code", "=", "duplicate_refund")
    .groupBy("t.contest_id")
    .execute();
  const duplicateOf = new Map(duplicates.map((d) => [d.contest_id, Number(d.amount)]));
  return escrows.map((e) => {
    const status = e.outcome ?? "held";
    const duplicate = duplicateOf.get(e.contest_id) ?? 0;
    return {
      contestId: e.contest_id,
      currency: e.currency,
      status,
      prize: e.prize,
      fee: e.fee,
      taxLines: readTaxLines(e.tax_lines),
      tax: e.tax,
      taxRegion: readTaxRegion(e.tax_region),
      paid: e.prize + e.fee + e.tax + duplicate,
      feeKept: status === "awarded" ? e.fee : 0,
      refunded: (status === "refunded" ? e.prize + e.fee + e.tax : 0) + duplicate,
      fundedAt: e.created_at,
    };
  });
}

export interface TrialBalance {
  /** True when, in every currency, the accounts' posted and pending balances each add up to zero. */
  balanced: boolean;
  currencies: { currency: string; accounts: number; posted: number; pending: number }[];
}

/**
 * Every account's balance, summed per currency: a double-entry ledger always nets to zero. Each
 * transfer counts against its debit account's currency and for its credit account's currency, so
 * a transfer that mixed currencies would show here.
 */
export async function trialBalance(executor: Executor): Promise<TrialBalance> {
  const sides = await sql<{
    debit_currency: string;
    credit_currency: string;
    phase: TransferPhase;
    open: number | boolean;
    amount: number | null;
  }>`
    select d.currency as debit_currency, c.currency as credit_currency, t.phase,
      case when r.id is null then 1 else 0 end as open, sum(t.amount) as amount
    from ledger_transfers t
    join ledger_accounts d on d.id = t.debit_account_id
    join ledger_accounts c on c.id = t.credit_account_id
    left join ledger_transfers r on r.pending_id = t.id
    group by d.currency, c.currency, t.phase, case when r.id is null then 1 else 0 end
  `.execute(executor);
  const accounts = await executor
    .selectFrom("ledger_accounts")
    .select(["currency", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("currency")
    .execute();
  const perCurrency = new Map<string, { accounts: number; posted: number; pending: number }>(
    accounts.map((a) => [a.currency, { accounts: Number(a.n), posted: 0, pending: 0 }]),
  );
  const add = (currency: string, field: "posted" | "pending", amount: number) => {
    const entry = perCurrency.get(currency) ?? { accounts: 0, posted: 0, pending: 0 };
    entry[field] += amount;
    perCurrency.set(currency, entry);
  };
  for (const row of sides.rows) {
    const amount = Number(row.amount ?? 0);
    const field =
      row.phase === "single" || row.phase === "post" ? "posted" : row.phase === "pending" ? "pending" : null;
    if (!field || (field === "pending" && !Number(row.open))) continue;
    add(row.credit_currency, field, amount);
    add(row.debit_currency, field, -amount);
  }
  const currencies = [...perCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, e]) => ({ currency, ...e }));
  return { balanced: currencies.every((c) => c.posted === 0 && c.pending === 0), currencies };
}
