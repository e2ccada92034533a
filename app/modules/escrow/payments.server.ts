import { db, transaction, type Trx } from "~db/index";
import type { PaymentIntent, PaymentRefund, Payout, PayoutStatus } from "~db/schema";
import { now } from "~/utils/clock.server";
import { HOUR } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { log } from "~/utils/log.server";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";
import { registerPeriodicJob } from "../jobs/scheduler.server";
import { notifyUsers } from "../notify/notifications.server";
import { MAX_AMOUNT, isCurrency, isMinorAmount, type Currency } from "./ledger";
import { escrowOf } from "./ledger-reads.server";
import type { PaymentNotice } from "./notices";
import {
  holdForPayout,
  holdInEscrow,
  lockAccount,
  recordDuplicateCharge,
  resolvePending,
  taxesAddUp,
  transferById,
} from "./ledger.server";
import {
  isSandboxCard,
  normalizeCard,
  methodLabel,
  type PaymentMethod,
  type PaymentProvider,
  type ProviderResult,
  type TransientCode,
} from "./provider";
import {
  PROVIDER_JOB_ATTEMPTS,
  attempt,
  paymentProvider,
  proceed,
  registerReplayJob,
  retry,
  scheduleReplay,
  stillPending,
  sweep,
  type PaymentOptions,
  type ProviderCall,
  type Settlement,
  type SweepOptions,
} from "./provider-call.server";
import { refusal, type Refusal } from "../refusal";
import { NO_TAXES, readTaxLines, readTaxRegion, taxLinesText, type ChargedTaxes } from "../tax/charge";

/**
 * The money commands that call the payment provider: each opens its row (with the caller's
 * idempotency key, unique) and its replay job, and says how its answer is settled in the ledger;
 * the lifecycle in provider-call.server.ts does the rest, the provider always called outside any
 * transaction.
 */

// Charges: a client pays for a contest's prize and fee, which are then held in escrow.

export type ChargeInput = {
  contestId: string;
  clientId: string;
  /** Minor units. */
  prize: number;
  /** Minor units; see platformFee(). */
  fee: number;
  /** The sales taxes on the fee (launchCharge); none by default. */
  taxes?: ChargedTaxes;
  currency: string;
  /** One per payment attempt (the form's), so a double click or a replay reuses it. */
  idempotencyKey: string;
} & ({ card: string; paymentMethod?: undefined } | { paymentMethod: string; card?: undefined });

export type ChargeResult =
  | { ok: true; intentId: string; providerRef: string; replayed: boolean; notice: PaymentNotice }
  | (Refusal<"charge", "declined"> & { intentId: string; code: string })
  /** The provider's answer is unknown: try again with the same key (or a job will). */
  | (Refusal<"charge", "try_again"> & { intentId: string; code: TransientCode })
  /** Already funded before this attempt: nothing was charged. */
  | Refusal<"charge", "already_funded">
  /** Another payment funded the contest first: this one was charged and is being refunded. */
  | (Refusal<"charge", "duplicate_refunded"> & { intentId: string })
  | Refusal<"charge", "key_reused" | "invalid" | "needs_review">;

export type ChargeFailure =
  | "declined"
  | "try_again"
  | "already_funded"
  | "duplicate_refunded"
  | "key_reused"
  | "invalid"
  | "needs_review";
export type RefundFailure = "failed" | "needs_review" | "not_refunded" | "no_charge" | "key_reused";
export type PayoutSendFailure = "failed" | "needs_review" | "insufficient_balance" | "key_reused" | "invalid";

/**
 * Charge the client for a contest and hold the prize and fee in escrow. A double click, a retry
 * after a timeout or a replayed request (the same idempotency key) charges once.
 */
export async function chargeForContest(
  input: ChargeInput,
  options: PaymentOptions = {},
): Promise<ChargeResult> {
  const provider = options.provider ?? paymentProvider();
  const method: PaymentMethod =
    input.card !== undefined ? { card: input.card } : { paymentMethod: input.paymentMethod };
  const taxes = input.taxes ?? NO_TAXES;
  const valid =
    isCurrency(input.currency) &&
    isMinorAmount(input.prize) &&
    input.prize > 0 &&
    isMinorAmount(input.fee) &&
    taxesAddUp(taxes) &&
    input.prize + input.fee + taxes.total <= MAX_AMOUNT &&
    input.idempotencyKey.length > 0;
  if (!valid) return refusal("charge", "invalid");

  let intent = await intentByKey(input.idempotencyKey);
  if (!intent) {
    // A new attempt for a funded contest is refused before any money moves.
    if ((await escrowOf(db(), input.contestId)).status !== "none") {
      return refusal("charge", "already_funded");
    }
    intent = await openIntent(input, taxes, method);
  }
  const same =
    intent.contest_id === input.contestId &&
    intent.client_id === input.clientId &&
    intent.prize === input.prize &&
    intent.fee === input.fee &&
    intent.tax === taxes.total &&
    intent.tax_region === taxes.region &&
    intent.currency === input.currency;
  if (!same) return refusal("charge", "key_reused");
  return proceed(chargeBy(method), intent, provider, false);
}

async function intentByKey(key: string) {
  return db().selectFrom("payment_intents").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

/** Store the intent and its reconciliation job, and commit both before the provider is called. */
async function openIntent(
  input: ChargeInput,
  taxes: ChargedTaxes,
  method: PaymentMethod,
): Promise<PaymentIntent> {
  const at = now();
  const id = newId();
  // Keep what a replay needs, never a real card number: only payment method ids and test cards.
  const replayable =
    "paymentMethod" in method
      ? method.paymentMethod
      : isSandboxCard(method.card)
        ? normalizeCard(method.card)
        : null;
  await transaction(async (trx) => {
    const inserted = await trx
      .insertInto("payment_intents")
      .values({
        id,
        idempotency_key: input.idempotencyKey,
        contest_id: input.contestId,
        client_id: input.clientId,
        prize: input.prize,
        fee: input.fee,
        tax: taxes.total,
        tax_region: taxes.region,
        tax_lines: taxLinesText(taxes.lines),
        amount: input.prize + input.fee + taxes.total,
        currency: input.currency,
        payment_method: replayable,
        method_label: methodLabel(method),
        status: "pending",
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("idempotency_key").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      await scheduleReplay(trx, charges, id, at);
    }
  });
  const intent = await intentByKey(input.idempotencyKey);
  if (!intent) throw new Error("Payment intent vanished after it was stored");
  return intent;
}

/**
 * A charge. On success the money is held in escrow; if another payment already funded the contest,
 * this charge is recorded as a duplicate and refunded. A replay uses the method the row kept.
 */
const charges: ProviderCall<PaymentIntent, ChargeResult> = {
  name: "charge",
  table: "payment_intents",
  job: { kind: "escrow.charge.reconcile", payloadId: "intentId", uniqueKey: (id) => `escrow.charge:${id}` },
  call: (provider, intent) => {
    const kept = intent.payment_method ?? "";
    return chargeWith(provider, intent, kept.startsWith("pm_") ? { paymentMethod: kept } : { card: kept });
  },
  settle: settleCharge,
  outcome: chargeOutcome,
  // Only payment method ids and test cards are kept (see openIntent): nothing to replay without one.
  unreplayable: (intent) => intent.payment_method === null,
  retryReplays: false,
};

/** The client's own attempt: the method as given (a real card number is never stored). */
function chargeBy(method: PaymentMethod): ProviderCall<PaymentIntent, ChargeResult> {
  return { ...charges, call: (provider, intent) => chargeWith(provider, intent, method) };
}

function chargeWith(provider: PaymentProvider, intent: PaymentIntent, method: PaymentMethod) {
  return provider.charge({
    amount: intent.amount,
    currency: intent.currency,
    method,
    idempotencyKey: `charge:${intent.idempotency_key}`,
    description: `Concours contest ${intent.contest_id}: prize, platform fee and sales taxes on the fee`,
    metadata: { contest_id: intent.contest_id, intent_id: intent.id },
  });
}

async function settleCharge(
  trx: Trx,
  intent: PaymentIntent,
  result: ProviderResult,
): Promise<Settlement<PaymentIntent["status"]>> {
  if (result.status === "transient") return { status: "pending" };
  if (result.status === "declined") return { status: "declined" };
  const hold = await holdInEscrow(trx, {
    contestId: intent.contest_id,
    clientId: intent.client_id,
    prize: intent.prize,
    fee: intent.fee,
    taxes: {
      region: readTaxRegion(intent.tax_region),
      lines: readTaxLines(intent.tax_lines),
      total: intent.tax,
    },
    currency: intent.currency,
    idempotencyKey: `charge:${intent.idempotency_key}`,
    paymentRef: result.providerRef,
  });
  if (hold.ok) return { status: "succeeded" };
  if (hold.reason !== "already_held") throw new Error(`Escrow refused a settled charge: ${hold.reason}`);
  await recordDuplicateCharge(trx, {
    intentId: intent.id,
    contestId: intent.contest_id,
    clientId: intent.client_id,
    amount: intent.amount,
    currency: intent.currency,
  });
  const refund = await openRefund(trx, intent, "duplicate_charge", `duplicate:${intent.id}`);
  return {
    status: "duplicate",
    afterCommit: refund ? (provider) => attempt(refunds, refund, provider, false) : undefined,
  };
}

function chargeOutcome(intent: PaymentIntent, replayed: boolean, last?: ProviderResult): ChargeResult {
  switch (intent.status) {
    case "succeeded":
      return {
        ok: true,
        intentId: intent.id,
        providerRef: intent.provider_ref ?? "",
        replayed,
        notice: { code: "charged", amount: intent.amount, currency: intent.currency },
      };
    case "declined": {
      const code = intent.failure_code ?? "card_declined";
      return { ...refusal("charge", "declined", { code }), intentId: intent.id, code };
    }
    case "duplicate":
      return { ...refusal("charge", "duplicate_refunded"), intentId: intent.id };
    case "needs_review":
      return refusal("charge", "needs_review");
    case "pending":
      return {
        ...refusal("charge", "try_again"),
        intentId: intent.id,
        code: last?.status === "transient" ? last.code : "in_progress",
      };
  }
}

/**
 * Replay a charge whose answer never came (the request timed out, or the process died between
 * storing the intent and calling the provider) with its own key. Past the provider's key lifetime
 * it is handed to a person instead.
 */
export async function reconcileCharge(intentId: string, options: PaymentOptions = {}): Promise<ChargeResult> {
  return (await retry(charges, intentId, options)).outcome;
}

/** Replay every charge left pending for RETRY_AFTER_MS (a job's sweep). */
export async function reconcilePendingCharges(options: SweepOptions = {}) {
  return sweep(charges, options);
}

// Refunds of contest charges, once the escrow was voided.

export type RefundResult =
  | {
      ok: true;
      status: "refunded" | "pending";
      refundId: string;
      amount: number;
      currency: string;
      replayed: boolean;
      notice: PaymentNotice;
    }
  | (Refusal<"refund", "failed"> & { refundId: string; code: string })
  | (Refusal<"refund", "needs_review"> & { refundId: string })
  | Refusal<"refund", "not_refunded" | "no_charge" | "key_reused">;

/**
 * Return a contest's charge to the client's card after refundEscrow() voided the escrow. One refund
 * per charge: a second request (any key) finds the first and reports on it.
 */
export async function refundContestCharge(
  input: { contestId: string; idempotencyKey: string },
  options: PaymentOptions = {},
): Promise<RefundResult> {
  const escrow = await db()
    .selectFrom("escrows")
    .innerJoin("escrow_resolutions", "escrow_resolutions.contest_id", "escrows.contest_id")
    .select(["escrows.payment_ref", "escrow_resolutions.outcome"])
    .where("escrows.contest_id", "=", input.contestId)
    .executeTakeFirst();
  if (escrow?.outcome !== "refunded") return refusal("refund", "not_refunded");
  const intent = await db()
    .selectFrom("payment_intents")
    .selectAll()
    .where("contest_id", "=", input.contestId)
    .where("provider_ref", "=", escrow.payment_ref)
    .where("status", "=", "succeeded")
    .executeTakeFirst();
  if (!intent) return refusal("refund", "no_charge");
  const refund = await transaction((trx) =>
    openRefund(trx, intent, "contest_refunded", input.idempotencyKey),
  );
  if (!refund) return refusal("refund", "key_reused");
  return proceed(refunds, refund, options.provider ?? paymentProvider(), false);
}

/**
 * The refund row of a charge (one per charge), stored with its retry job in the caller's
 * transaction; undefined if the key already belongs to the refund of another charge.
 */
async function openRefund(
  trx: Trx,
  intent: PaymentIntent,
  reason: PaymentRefund["reason"],
  idempotencyKey: string,
): Promise<PaymentRefund | undefined> {
  const at = now();
  const id = newId();
  const inserted = await trx
    .insertInto("payment_refunds")
    .values({
      id,
      idempotency_key: idempotencyKey,
      intent_id: intent.id,
      contest_id: intent.contest_id,
      reason,
      amount: intent.amount,
      currency: intent.currency,
      status: "pending",
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) await scheduleReplay(trx, refunds, id, at);
  return trx.selectFrom("payment_refunds").selectAll().where("intent_id", "=", intent.id).executeTakeFirst();
}

/** A refund of a charge to its card; the provider's refusal is final and a person is told. */
const refunds: ProviderCall<PaymentRefund, RefundResult> = {
  name: "refund",
  table: "payment_refunds",
  job: { kind: "escrow.refund.settle", payloadId: "refundId", uniqueKey: (id) => `escrow.refund:${id}` },
  call: async (provider, refund) => {
    const intent = await db()
      .selectFrom("payment_intents")
      .select("provider_ref")
      .where("id", "=", refund.intent_id)
      .executeTakeFirstOrThrow();
    return provider.refund({
      chargeRef: intent.provider_ref ?? "",
      amount: refund.amount,
      currency: refund.currency,
      idempotencyKey: `refund:${refund.idempotency_key}`,
      metadata: { contest_id: refund.contest_id, refund_id: refund.id },
    });
  },
  settle: async (_trx, refund, result) => {
    if (result.status === "succeeded") return { status: "succeeded" };
    if (result.status === "transient") return { status: "pending" };
    return {
      status: "failed",
      afterCommit: async () =>
        log("error", "payments.refund_failed", { refundId: refund.id, code: result.code }),
    };
  },
  outcome: (refund, replayed) => refundOutcome(refund, replayed),
  retryReplays: false,
};

function refundOutcome(refund: PaymentRefund, replayed: boolean): RefundResult {
  const amount = { amount: refund.amount, currency: refund.currency };
  switch (refund.status) {
    case "succeeded":
    case "pending":
      return {
        ok: true,
        status: refund.status === "succeeded" ? "refunded" : "pending",
        refundId: refund.id,
        amount: refund.amount,
        currency: refund.currency,
        replayed,
        notice: {
          code: refund.status === "succeeded" ? "refunded" : "refund_pending",
          amount: refund.amount,
          currency: refund.currency,
        },
      };
    case "failed":
      return {
        ...refusal("refund", "failed", amount),
        refundId: refund.id,
        code: refund.failure_code ?? "refund_failed",
      };
    case "needs_review":
      return { ...refusal("refund", "needs_review", amount), refundId: refund.id };
  }
}

/** Replay one pending refund (its job), or hand it to a person past the key lifetime. */
export async function retryRefund(refundId: string, options: PaymentOptions = {}): Promise<RefundResult> {
  return (await retry(refunds, refundId, options)).outcome;
}

export async function retryPendingRefunds(options: SweepOptions = {}) {
  return sweep(refunds, options);
}

/**
 * For the contest service: queue the provider refund in the same transaction as refundEscrow(), so
 * the card refund happens if and only if the escrow was voided.
 */
export async function enqueueChargeRefund(trx: Trx, contestId: string): Promise<void> {
  await enqueueJob(trx, {
    kind: "escrow.charge.refund",
    payload: { contestId },
    uniqueKey: `escrow.contest-refund:${contestId}`,
    maxAttempts: PROVIDER_JOB_ATTEMPTS,
  });
}

// Payouts: a designer withdraws from their balance.

export interface PayoutInput {
  designerId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  idempotencyKey: string;
  /** The provider's payout account of the designer (Stripe: acct_…); the sandbox pays anything. */
  destination?: string;
}

export interface PayoutView {
  id: string;
  designerId: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
  providerRef: string | null;
  failureCode: string | null;
  /** What to tell the designer about this payout (worded by paymentNoticeText). */
  notice: PaymentNotice;
  createdAt: number;
}

export type PayoutResult =
  | { ok: true; status: "paid" | "in_flight"; payout: PayoutView; replayed: boolean; notice: PaymentNotice }
  /** The provider refused; the money is back in the balance. */
  | (Refusal<"payout_send", "failed"> & { payout: PayoutView; code: string })
  | (Refusal<"payout_send", "needs_review"> & { payout: PayoutView })
  | (Refusal<"payout_send", "insufficient_balance"> & { available: number })
  | Refusal<"payout_send", "key_reused" | "invalid">;

function payoutNotice(payout: Payout): PaymentNotice {
  const { amount, currency } = payout;
  switch (payout.status) {
    case "paid":
      return { code: "payout_sent", amount, currency };
    case "pending":
      return { code: "payout_in_flight", amount, currency };
    case "failed":
      return { code: "payout_failed", failure: payout.failure_code ?? "" };
    case "needs_review":
      return { code: "payout_needs_review" };
  }
}

function payoutView(payout: Payout): PayoutView {
  return {
    id: payout.id,
    designerId: payout.designer_id,
    amount: payout.amount,
    currency: payout.currency,
    status: payout.status,
    providerRef: payout.provider_ref,
    failureCode: payout.failure_code,
    notice: payoutNotice(payout),
    createdAt: payout.created_at,
  };
}

function payoutOutcome(payout: Payout, replayed: boolean): PayoutResult {
  const view = payoutView(payout);
  switch (payout.status) {
    case "paid":
    case "pending":
      return {
        ok: true,
        status: payout.status === "paid" ? "paid" : "in_flight",
        payout: view,
        replayed,
        notice: view.notice,
      };
    case "failed":
      return {
        ...refusal("payout_send", "failed", { code: payout.failure_code ?? "" }),
        payout: view,
        code: payout.failure_code ?? "",
      };
    case "needs_review":
      return { ...refusal("payout_send", "needs_review"), payout: view };
  }
}

/**
 * Pay a designer out of their balance. In one transaction, with the balance's account locked: check
 * the balance, move the amount to payouts in flight (a pending transfer), store the payout. Then
 * call the provider; a success posts the transfer, a refusal voids it (the money returns to the
 * balance), an unknown outcome leaves it in flight for the same key to be replayed.
 */
export async function requestPayout(input: PayoutInput, options: PaymentOptions = {}): Promise<PayoutResult> {
  if (
    !isCurrency(input.currency) ||
    !isMinorAmount(input.amount) ||
    input.amount === 0 ||
    !input.idempotencyKey
  ) {
    return refusal("payout_send", "invalid");
  }
  const currency: Currency = input.currency;
  const opened = await transaction(async (trx) => {
    // The lock first: a racing request with the same key waits here, then finds the first payout.
    await lockAccount(trx, { kind: "designer_balance", designerId: input.designerId, currency });
    const existing = await trx
      .selectFrom("payouts")
      .selectAll()
      .where("idempotency_key", "=", input.idempotencyKey)
      .executeTakeFirst();
    if (existing) return { kind: "found", payout: existing, replayed: true } as const;
    const hold = await holdForPayout(trx, {
      designerId: input.designerId,
      amount: input.amount,
      currency,
      key: input.idempotencyKey,
    });
    if (!hold.ok) return { kind: "refused", available: hold.available } as const;
    const at = now();
    const payout = await trx
      .insertInto("payouts")
      .values({
        id: newId(),
        idempotency_key: input.idempotencyKey,
        designer_id: input.designerId,
        amount: input.amount,
        currency,
        destination: input.destination ?? input.designerId,
        pending_transfer_id: hold.transfer.id,
        status: "pending",
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await scheduleReplay(trx, payouts, payout.id, at);
    return { kind: "opened", payout, replayed: false } as const;
  });

  if (opened.kind === "refused") {
    return {
      ...refusal("payout_send", "insufficient_balance", { available: opened.available, currency }),
      available: opened.available,
    };
  }
  const { payout } = opened;
  const same =
    payout.designer_id === input.designerId &&
    payout.amount === input.amount &&
    payout.currency === input.currency;
  if (!same) return refusal("payout_send", "key_reused");
  return proceed(payouts, payout, options.provider ?? paymentProvider(), opened.replayed);
}

/**
 * A payout: a success posts the pending transfer, a refusal voids it (the money returns to the
 * balance), an unknown outcome leaves it in flight.
 */
const payouts: ProviderCall<Payout, PayoutResult> = {
  name: "payout",
  table: "payouts",
  job: { kind: "escrow.payout.settle", payloadId: "payoutId", uniqueKey: (id) => `escrow.payout:${id}` },
  call: (provider, payout) =>
    provider.payout({
      amount: payout.amount,
      currency: payout.currency,
      destination: payout.destination,
      idempotencyKey: `payout:${payout.idempotency_key}`,
      metadata: { designer_id: payout.designer_id, payout_id: payout.id },
    }),
  settle: settlePayout,
  outcome: (payout, replayed) => payoutOutcome(payout, replayed),
  retryReplays: true,
};

async function settlePayout(
  trx: Trx,
  payout: Payout,
  result: ProviderResult,
): Promise<Settlement<PayoutStatus>> {
  const status: PayoutStatus =
    result.status === "succeeded" ? "paid" : result.status === "declined" ? "failed" : "pending";
  if (status !== "pending") {
    const pending = await transferById(trx, payout.pending_transfer_id);
    if (status === "paid") {
      await resolvePending(trx, pending, "post", `payout:${payout.idempotency_key}:post`, "payout_paid");
    } else {
      await resolvePending(trx, pending, "void", `payout:${payout.idempotency_key}:void`, "payout_returned");
    }
  }
  // The designer is told once, when the provider confirms; the ledger does not require an account
  // behind a balance (its own tests pay out to bare ids), so only a person who has one is notified.
  const person =
    status === "paid"
      ? await trx.selectFrom("users").select("id").where("id", "=", payout.designer_id).executeTakeFirst()
      : undefined;
  if (person) {
    await notifyUsers(trx, [person.id], {
      kind: "payout.sent",
      data: { amount: payout.amount, currency: payout.currency },
    });
  }
  return { status };
}

/** Replay one payout left in flight (its job), or hand it to a person past the key lifetime. */
export async function retryPayout(payoutId: string, options: PaymentOptions = {}): Promise<PayoutResult> {
  return (await retry(payouts, payoutId, options)).outcome;
}

/** Finish payouts left in flight (a crash, a timeout): replay each with its own key. */
export async function retryPendingPayouts(options: SweepOptions = {}): Promise<PayoutResult[]> {
  return sweep(payouts, options);
}

/** A designer's payouts, newest first, each with what to tell them. */
export async function designerPayouts(designerId: string): Promise<PayoutView[]> {
  const rows = await db()
    .selectFrom("payouts")
    .selectAll()
    .where("designer_id", "=", designerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(payoutView);
}

// Jobs: each provider call has its own job, enqueued with its row, so a crash never strands money.

export function registerEscrowJobs() {
  registerReplayJob(charges);
  registerReplayJob(refunds);
  registerReplayJob(payouts);
  registerJobHandler("escrow.charge.refund", async ({ contestId }: { contestId: string }) => {
    const result = await refundContestCharge({ contestId, idempotencyKey: `contest-refund:${contestId}` });
    if (result.ok && result.status === "pending") throw stillPending(`refund of contest ${contestId}`);
  });
  // A backstop: each provider call already has its own retry job, committed with its row.
  registerPeriodicJob("escrow.sweep", HOUR, async () => {
    await reconcilePendingCharges();
    await retryPendingRefunds();
    await retryPendingPayouts();
  });
}
