import { dialectOf, type Trx } from "~db/index";
import { forUpdate } from "~db/locking";
import type { Escrow, EscrowOutcome, LedgerTransfer, TransferPhase } from "~db/schema";
import { now, orderedNow } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import {
  MAX_AMOUNT,
  ZERO_TOTALS,
  accountOwner,
  availableBalance,
  awardProblem,
  isCurrency,
  isMinorAmount,
  type AccountRef,
  type Award,
  type AwardProblem,
} from "./ledger";
import { accountTotals, findAccountId, type Executor } from "./ledger-reads.server";
import { NO_TAXES, readTaxLines, taxLinesText, type ChargedTaxes } from "../tax/charge";

/**
 * The escrow ledger over the database. Money moves only by appending transfers (database triggers
 * refuse UPDATE and DELETE on the ledger tables). Funding a contest is a pending transfer into its
 * escrow; it resolves exactly once, by a post (award) or a void (refund). The unique constraints
 * (escrow per contest, resolution per contest, resolving transfer per pending transfer, idempotency
 * keys) make "exactly once" hold under retries and races, not only the checks made here. This is
 * the write side; what is read back (balances, movements, receipts) is in ledger-reads.server.ts.
 */

// Transfer codes: why money moved. Reports read them; the phase says how.
export type TransferCode =
  | "escrow_hold"
  | "escrow_release"
  | "prize"
  | "platform_fee"
  | "sales_tax"
  | "escrow_void"
  | "refund"
  | "duplicate_refund"
  | "payout_hold"
  | "payout_paid"
  | "payout_returned";

/** The account's id, opened on first use (two racing openers end up with the same row). */
export async function ensureAccount(trx: Trx, ref: AccountRef): Promise<string> {
  const existing = await findAccountId(trx, ref);
  if (existing) return existing;
  await trx
    .insertInto("ledger_accounts")
    .values({
      id: newId(),
      kind: ref.kind,
      owner_id: accountOwner(ref),
      currency: ref.currency,
      created_at: now(),
    })
    .onConflict((oc) => oc.columns(["kind", "owner_id", "currency"]).doNothing())
    .execute();
  const id = await findAccountId(trx, ref);
  if (!id) throw new Error(`Ledger account ${ref.kind} could not be opened`);
  return id;
}

interface TransferSpec {
  key: string;
  debit: string;
  credit: string;
  amount: number;
  currency: string;
  phase: TransferPhase;
  pendingId?: string;
  code: TransferCode;
  contestId?: string | null;
  id?: string;
  /** Not before this instant (a resolution is dated after the transfer it resolves). */
  notBefore?: number;
}

/** Append one transfer. The only place that writes ledger_transfers. */
export async function appendTransfer(trx: Trx, spec: TransferSpec): Promise<LedgerTransfer> {
  if (!isMinorAmount(spec.amount) || spec.amount === 0) {
    throw new RangeError(`A transfer moves a positive whole amount, not ${spec.amount}`);
  }
  return trx
    .insertInto("ledger_transfers")
    .values({
      id: spec.id ?? newId(),
      key: spec.key,
      debit_account_id: spec.debit,
      credit_account_id: spec.credit,
      currency: spec.currency,
      amount: spec.amount,
      phase: spec.phase,
      pending_id: spec.pendingId ?? null,
      code: spec.code,
      contest_id: spec.contestId ?? null,
      // Movements list by time: dated in the order written, a resolution after what it resolves.
      created_at: orderedNow(spec.notBefore),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Post or void a pending transfer: the same accounts and amount (a composite foreign key checks
 * it), and the unique pending_id lets each pending transfer be resolved once.
 */
export async function resolvePending(
  trx: Trx,
  pending: LedgerTransfer,
  phase: "post" | "void",
  key: string,
  code: TransferCode,
): Promise<LedgerTransfer> {
  if (pending.phase !== "pending") throw new Error(`Transfer ${pending.id} is not pending`);
  return appendTransfer(trx, {
    key,
    debit: pending.debit_account_id,
    credit: pending.credit_account_id,
    amount: pending.amount,
    currency: pending.currency,
    phase,
    pendingId: pending.id,
    code,
    contestId: pending.contest_id,
    notBefore: Number(pending.created_at) + 1,
  });
}

export async function transferById(executor: Executor, id: string): Promise<LedgerTransfer> {
  return executor.selectFrom("ledger_transfers").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

// Escrow commands.

export interface HoldInput {
  contestId: string;
  clientId: string;
  /** Minor units. */
  prize: number;
  /** Minor units; see platformFee() for the policy. */
  fee: number;
  /** The sales taxes charged on the fee (launchCharge); none by default. */
  taxes?: ChargedTaxes;
  currency: string;
  idempotencyKey: string;
  /** The provider's reference of the charge that brought the money in (for the record). */
  paymentRef: string;
}

export type HoldResult =
  | { ok: true; transfer: LedgerTransfer; escrow: Escrow; replayed: boolean }
  /** The contest is already funded, under another idempotency key. */
  | { ok: false; reason: "already_held"; escrow: Escrow }
  /** This idempotency key was used for a different hold. */
  | { ok: false; reason: "key_reused" }
  | { ok: false; reason: "invalid_amount" | "unknown_currency" };

/**
 * Put a contest's prize and fee in escrow as one pending transfer from the client's payments into
 * the contest's escrow account. The same key again returns the first hold, never a second one.
 */
export async function holdInEscrow(trx: Trx, input: HoldInput): Promise<HoldResult> {
  if (!isCurrency(input.currency)) return { ok: false, reason: "unknown_currency" };
  const taxes = input.taxes ?? NO_TAXES;
  if (
    !isMinorAmount(input.prize) ||
    input.prize === 0 ||
    !isMinorAmount(input.fee) ||
    !taxesAddUp(taxes) ||
    input.prize + input.fee + taxes.total > MAX_AMOUNT
  ) {
    return { ok: false, reason: "invalid_amount" };
  }
  const replay = async (): Promise<HoldResult | null> => {
    const escrow = await trx
      .selectFrom("escrows")
      .selectAll()
      .where("hold_key", "=", input.idempotencyKey)
      .executeTakeFirst();
    if (!escrow) return null;
    const same =
      escrow.contest_id === input.contestId &&
      escrow.client_id === input.clientId &&
      escrow.prize === input.prize &&
      escrow.fee === input.fee &&
      escrow.tax === taxes.total &&
      escrow.tax_region === taxes.region &&
      escrow.currency === input.currency;
    if (!same) return { ok: false, reason: "key_reused" };
    return {
      ok: true,
      escrow,
      transfer: await transferById(trx, escrow.pending_transfer_id),
      replayed: true,
    };
  };

  const first = await replay();
  if (first) return first;

  // The escrow row claims the contest: a second hold (another key, or a racing one) conflicts here.
  const transferId = newId();
  const claimed = await trx
    .insertInto("escrows")
    .values({
      contest_id: input.contestId,
      client_id: input.clientId,
      currency: input.currency,
      prize: input.prize,
      fee: input.fee,
      tax: taxes.total,
      tax_region: taxes.region,
      tax_lines: taxLinesText(taxes.lines),
      hold_key: input.idempotencyKey,
      payment_ref: input.paymentRef,
      pending_transfer_id: transferId,
      created_at: now(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) {
    const raced = await replay();
    if (raced) return raced;
    const escrow = await trx
      .selectFrom("escrows")
      .selectAll()
      .where("contest_id", "=", input.contestId)
      .executeTakeFirstOrThrow();
    return { ok: false, reason: "already_held", escrow };
  }

  const from = await ensureAccount(trx, {
    kind: "client_payments",
    clientId: input.clientId,
    currency: input.currency,
  });
  const into = await ensureAccount(trx, {
    kind: "contest_escrow",
    contestId: input.contestId,
    currency: input.currency,
  });
  const transfer = await appendTransfer(trx, {
    id: transferId,
    key: `hold:${input.idempotencyKey}`,
    debit: from,
    credit: into,
    amount: input.prize + input.fee + taxes.total,
    currency: input.currency,
    phase: "pending",
    code: "escrow_hold",
    contestId: input.contestId,
  });
  const escrow = await trx
    .selectFrom("escrows")
    .selectAll()
    .where("contest_id", "=", input.contestId)
    .executeTakeFirstOrThrow();
  return { ok: true, transfer, escrow, replayed: false };
}

/** The lines are whole amounts adding up to the total (what the receipt prints is what was held). */
export function taxesAddUp(taxes: ChargedTaxes): boolean {
  return (
    isMinorAmount(taxes.total) &&
    taxes.lines.every((l) => isMinorAmount(l.amount)) &&
    taxes.lines.reduce((sum, l) => sum + l.amount, 0) === taxes.total &&
    (taxes.total === 0 || taxes.region !== null)
  );
}

export type ResolveResult =
  | {
      ok: true;
      outcome: EscrowOutcome;
      contestId: string;
      /** The transfers that resolved the escrow (the post or void first). */
      transfers: LedgerTransfer[];
      replayed: boolean;
    }
  | { ok: false; reason: "no_escrow" }
  /** Resolved before, under another idempotency key: an escrow resolves exactly once. */
  | { ok: false; reason: "already_resolved"; outcome: EscrowOutcome }
  /** This idempotency key resolved another contest, or resolved this one the other way. */
  | { ok: false; reason: "key_reused" }
  | { ok: false; reason: "invalid_awards"; problem: AwardProblem };

const RESOLUTION_CODES: Record<EscrowOutcome, TransferCode[]> = {
  awarded: ["escrow_release", "prize", "platform_fee", "sales_tax"],
  refunded: ["escrow_void", "refund"],
};

/**
 * The resolution's transfers in the order they were written (post or void, prizes, then the fee or
 * the refund): each is dated strictly after the one before it (notBefore), whatever the clock did.
 */
async function resolutionTransfers(executor: Executor, contestId: string, outcome: EscrowOutcome) {
  return executor
    .selectFrom("ledger_transfers")
    .selectAll()
    .where("contest_id", "=", contestId)
    .where("code", "in", RESOLUTION_CODES[outcome])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/**
 * The shared path of award and refund: lock the escrow, answer replays and second resolutions,
 * claim the resolution (unique per contest and per key), then write the outcome's transfers.
 */
async function resolveEscrow(
  trx: Trx,
  contestId: string,
  idempotencyKey: string,
  outcome: EscrowOutcome,
  validate: (escrow: Escrow) => ResolveResult | null,
  write: (escrow: Escrow, pending: LedgerTransfer) => Promise<void>,
): Promise<ResolveResult> {
  const escrow = await forUpdate(
    trx.selectFrom("escrows").selectAll().where("contest_id", "=", contestId),
    dialectOf(trx),
  ).executeTakeFirst();
  if (!escrow) return { ok: false, reason: "no_escrow" };

  const previous = async (): Promise<ResolveResult | null> => {
    const byKey = await trx
      .selectFrom("escrow_resolutions")
      .selectAll()
      .where("idempotency_key", "=", idempotencyKey)
      .executeTakeFirst();
    if (byKey) {
      if (byKey.contest_id !== contestId || byKey.outcome !== outcome)
        return { ok: false, reason: "key_reused" };
      const transfers = await resolutionTransfers(trx, contestId, outcome);
      return { ok: true, outcome, contestId, transfers, replayed: true };
    }
    const byContest = await trx
      .selectFrom("escrow_resolutions")
      .select("outcome")
      .where("contest_id", "=", contestId)
      .executeTakeFirst();
    return byContest ? { ok: false, reason: "already_resolved", outcome: byContest.outcome } : null;
  };

  const before = (await previous()) ?? validate(escrow);
  if (before) return before;

  const claimed = await trx
    .insertInto("escrow_resolutions")
    .values({
      contest_id: contestId,
      pending_transfer_id: escrow.pending_transfer_id,
      outcome,
      idempotency_key: idempotencyKey,
      created_at: now(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) {
    const raced = await previous();
    if (raced) return raced;
    throw new Error(`Escrow of contest ${contestId}: resolution conflicted but none was found`);
  }

  await write(escrow, await transferById(trx, escrow.pending_transfer_id));
  return {
    ok: true,
    outcome,
    contestId,
    transfers: await resolutionTransfers(trx, contestId, outcome),
    replayed: false,
  };
}

export interface AwardInput {
  contestId: string;
  /** Whole minor units per designer; they must add up to the held prize exactly. */
  awards: Award[];
  idempotencyKey: string;
}

/**
 * Post the escrow: the held prize goes to the designer(s), the fee to the platform, the taxes on the
 * fee to the taxes collected (one account per tax). Refused if the
 * escrow was already resolved; a retry with the same key is a no-op success (`replayed: true`).
 */
export async function awardEscrow(trx: Trx, input: AwardInput): Promise<ResolveResult> {
  const key = input.idempotencyKey;
  return resolveEscrow(
    trx,
    input.contestId,
    key,
    "awarded",
    (escrow) => {
      const problem = awardProblem(escrow.prize, input.awards);
      return problem ? { ok: false, reason: "invalid_awards", problem } : null;
    },
    async (escrow, pending) => {
      let last = await resolvePending(trx, pending, "post", `award:${key}:post`, "escrow_release");
      for (const [i, award] of input.awards.entries()) {
        const designer = await ensureAccount(trx, {
          kind: "designer_balance",
          designerId: award.designerId,
          currency: escrow.currency,
        });
        last = await appendTransfer(trx, {
          key: `award:${key}:prize:${i}`,
          debit: pending.credit_account_id,
          credit: designer,
          amount: award.amount,
          currency: escrow.currency,
          phase: "single",
          code: "prize",
          contestId: escrow.contest_id,
          notBefore: Number(last.created_at) + 1,
        });
      }
      if (escrow.fee > 0) {
        last = await appendTransfer(trx, {
          key: `award:${key}:fee`,
          debit: pending.credit_account_id,
          credit: await ensureAccount(trx, { kind: "platform_fees", currency: escrow.currency }),
          amount: escrow.fee,
          currency: escrow.currency,
          phase: "single",
          code: "platform_fee",
          contestId: escrow.contest_id,
          notBefore: Number(last.created_at) + 1,
        });
      }
      // The taxes charged on the fee are owed to their authorities: one account per tax.
      for (const [i, line] of readTaxLines(escrow.tax_lines).entries()) {
        if (line.amount === 0) continue;
        last = await appendTransfer(trx, {
          key: `award:${key}:tax:${i}`,
          debit: pending.credit_account_id,
          credit: await ensureAccount(trx, {
            kind: "taxes_collected",
            tax: line.tax,
            currency: escrow.currency,
          }),
          amount: line.amount,
          currency: escrow.currency,
          phase: "single",
          code: "sales_tax",
          contestId: escrow.contest_id,
          notBefore: Number(last.created_at) + 1,
        });
      }
    },
  );
}

export interface RefundInput {
  contestId: string;
  idempotencyKey: string;
}

/**
 * Void the escrow: the hold is released and the whole amount (prize, fee and taxes) is recorded as
 * refunded to the client (client payments → refunds out). The provider refund itself is
 * refundContestCharge() in payments.server.ts, outside any transaction.
 */
export async function refundEscrow(trx: Trx, input: RefundInput): Promise<ResolveResult> {
  const key = input.idempotencyKey;
  return resolveEscrow(
    trx,
    input.contestId,
    key,
    "refunded",
    () => null,
    async (escrow, pending) => {
      const voided = await resolvePending(trx, pending, "void", `refund:${key}:void`, "escrow_void");
      await appendTransfer(trx, {
        key: `refund:${key}:out`,
        debit: pending.debit_account_id,
        credit: await ensureAccount(trx, { kind: "refunds_out", currency: escrow.currency }),
        amount: pending.amount,
        currency: escrow.currency,
        phase: "single",
        code: "refund",
        contestId: escrow.contest_id,
        notBefore: Number(voided.created_at) + 1,
      });
    },
  );
}

/**
 * A second charge for a contest that was already funded (two payment attempts raced): the money
 * came in and goes straight back out; the escrow is not touched.
 */
export async function recordDuplicateCharge(
  trx: Trx,
  input: { intentId: string; contestId: string; clientId: string; amount: number; currency: string },
): Promise<LedgerTransfer> {
  const key = `duplicate:${input.intentId}`;
  const existing = await trx
    .selectFrom("ledger_transfers")
    .selectAll()
    .where("key", "=", key)
    .executeTakeFirst();
  if (existing) return existing;
  return appendTransfer(trx, {
    key,
    debit: await ensureAccount(trx, {
      kind: "client_payments",
      clientId: input.clientId,
      currency: input.currency,
    }),
    credit: await ensureAccount(trx, { kind: "refunds_out", currency: input.currency }),
    amount: input.amount,
    currency: input.currency,
    phase: "single",
    code: "duplicate_refund",
    contestId: input.contestId,
  });
}

// Payouts: the ledger side. The provider call and the payout row live in payments.server.ts.

/**
 * Lock an account for the rest of the transaction (FOR UPDATE on PostgreSQL; SQLite's write
 * transaction already excludes other writers). Returns its id, or undefined if it was never opened.
 */
export async function lockAccount(trx: Trx, ref: AccountRef): Promise<string | undefined> {
  const row = await forUpdate(
    trx
      .selectFrom("ledger_accounts")
      .select("id")
      .where("kind", "=", ref.kind)
      .where("owner_id", "=", accountOwner(ref))
      .where("currency", "=", ref.currency),
    dialectOf(trx),
  ).executeTakeFirst();
  return row?.id;
}

export type PayoutHoldResult =
  { ok: true; transfer: LedgerTransfer } | { ok: false; reason: "insufficient_balance"; available: number };

/**
 * Reserve a payout: a pending transfer from the designer's balance to payouts (in flight), made
 * only if the balance covers it. The account row stays locked until the caller's transaction
 * ends, so two racing payouts cannot both spend the same balance.
 */
export async function holdForPayout(
  trx: Trx,
  input: { designerId: string; amount: number; currency: string; key: string },
): Promise<PayoutHoldResult> {
  const ref: AccountRef = {
    kind: "designer_balance",
    designerId: input.designerId,
    currency: input.currency,
  };
  const account = await lockAccount(trx, ref);
  const totals = account ? await accountTotals(trx, account) : ZERO_TOTALS;
  const available = availableBalance(totals);
  if (!account || !isMinorAmount(input.amount) || input.amount === 0 || available < input.amount) {
    return { ok: false, reason: "insufficient_balance", available };
  }
  const transfer = await appendTransfer(trx, {
    key: `payout:${input.key}:hold`,
    debit: account,
    credit: await ensureAccount(trx, { kind: "payouts", currency: input.currency }),
    amount: input.amount,
    currency: input.currency,
    phase: "pending",
    code: "payout_hold",
  });
  return { ok: true, transfer };
}
