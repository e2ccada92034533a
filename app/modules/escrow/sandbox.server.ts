import { db, dialectOf, transaction, type DB } from "~db/index";
import { forUpdate } from "~db/locking";
import type { SandboxOperation } from "~db/schema";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import {
  SANDBOX_CARDS,
  declined,
  normalizeCard,
  succeeded,
  transient,
  type ChargeRequest,
  type PaymentProvider,
  type PayoutRequest,
  type ProviderResult,
  type RefundRequest,
} from "./provider";

/** What a test card (or a sandbox payout destination) makes the sandbox do. */
type Behaviour =
  | { kind: "succeed" }
  | { kind: "decline"; code: string }
  /** Money moves, but the first answer for the key is lost on the way back. */
  | { kind: "timeout_after_success" }
  /** Nothing happens and nothing is remembered: the provider was not reached. */
  | { kind: "unavailable" };

const CARD_BEHAVIOUR: Record<string, Behaviour> = {
  [SANDBOX_CARDS.success]: { kind: "succeed" },
  [SANDBOX_CARDS.genericDecline]: { kind: "decline", code: "generic_decline" },
  [SANDBOX_CARDS.insufficientFunds]: { kind: "decline", code: "insufficient_funds" },
  [SANDBOX_CARDS.expiredCard]: { kind: "decline", code: "expired_card" },
  [SANDBOX_CARDS.incorrectCvc]: { kind: "decline", code: "incorrect_cvc" },
  [SANDBOX_CARDS.processingError]: { kind: "decline", code: "processing_error" },
  [SANDBOX_CARDS.lostCard]: { kind: "decline", code: "lost_card" },
  [SANDBOX_CARDS.timeoutAfterSuccess]: { kind: "timeout_after_success" },
  [SANDBOX_CARDS.unavailable]: { kind: "unavailable" },
};

/** Stripe's test payment method ids work in the sandbox too. */
const TEST_METHOD_CARDS: Record<string, string> = {
  pm_card_visa: SANDBOX_CARDS.success,
  pm_card_chargeDeclined: SANDBOX_CARDS.genericDecline,
  pm_card_chargeDeclinedInsufficientFunds: SANDBOX_CARDS.insufficientFunds,
  pm_card_chargeDeclinedExpiredCard: SANDBOX_CARDS.expiredCard,
  pm_card_chargeDeclinedIncorrectCvc: SANDBOX_CARDS.incorrectCvc,
  pm_card_chargeDeclinedProcessingError: SANDBOX_CARDS.processingError,
  pm_card_chargeDeclinedLostCard: SANDBOX_CARDS.lostCard,
};

/** Payout destinations that make the sandbox misbehave; any other destination is paid. */
export const SANDBOX_DESTINATIONS = {
  closed: "sandbox_account_closed",
  timeoutAfterSuccess: "sandbox_timeout_after_success",
  unavailable: "sandbox_unavailable",
} as const;

function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function cardBehaviour(request: ChargeRequest): Behaviour {
  const card =
    "card" in request.method
      ? normalizeCard(request.method.card)
      : (TEST_METHOD_CARDS[request.method.paymentMethod] ?? "");
  const known = CARD_BEHAVIOUR[card];
  if (known) return known;
  // Like a provider's test mode: a real-looking card number is refused, a mistyped one named.
  return { kind: "decline", code: luhnValid(card) ? "card_declined" : "incorrect_number" };
}

function payoutBehaviour(destination: string): Behaviour {
  switch (destination) {
    case SANDBOX_DESTINATIONS.closed:
      return { kind: "decline", code: "account_closed" };
    case SANDBOX_DESTINATIONS.timeoutAfterSuccess:
      return { kind: "timeout_after_success" };
    case SANDBOX_DESTINATIONS.unavailable:
      return { kind: "unavailable" };
    default:
      return destination.trim() ? { kind: "succeed" } : { kind: "decline", code: "invalid_destination" };
  }
}

type Operation = Pick<SandboxOperation, "kind" | "amount" | "currency" | "charge_id"> & { target: string };

/**
 * The built-in provider (the default): no network, test cards, and its memory in the database, so
 * it stays idempotent across restarts. Each key is executed once; the same key again returns the
 * first answer; the same key with other parameters is refused, as Stripe refuses it.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = "sandbox";
  constructor(private readonly database: () => DB = db) {}

  async charge(request: ChargeRequest): Promise<ProviderResult> {
    const behaviour = cardBehaviour(request);
    const operation: Operation = {
      kind: "charge",
      amount: request.amount,
      currency: request.currency,
      charge_id: null,
      target: "card" in request.method ? normalizeCard(request.method.card) : request.method.paymentMethod,
    };
    return this.execute(request.idempotencyKey, operation, behaviour);
  }

  async refund(request: RefundRequest): Promise<ProviderResult> {
    const operation: Operation = {
      kind: "refund",
      amount: request.amount,
      currency: request.currency,
      charge_id: request.chargeRef,
      target: request.chargeRef,
    };
    // The check and the record share one transaction with the charge locked: two refunds of one
    // charge cannot together return more than it took.
    return transaction(async (trx) => {
      const charge = await forUpdate(
        trx
          .selectFrom("sandbox_operations")
          .selectAll()
          .where("id", "=", request.chargeRef)
          .where("kind", "=", "charge")
          .where("outcome", "=", "succeeded"),
        dialectOf(trx),
      ).executeTakeFirst();
      let behaviour: Behaviour = { kind: "succeed" };
      if (!charge || charge.currency !== request.currency) {
        behaviour = { kind: "decline", code: "charge_not_found" };
      } else {
        const refunded = await trx
          .selectFrom("sandbox_operations")
          .select((eb) => eb.fn.sum<number>("amount").as("total"))
          .where("charge_id", "=", charge.id)
          .where("kind", "=", "refund")
          .where("outcome", "=", "succeeded")
          .where("idempotency_key", "<>", request.idempotencyKey)
          .executeTakeFirst();
        if (request.amount > charge.amount - Number(refunded?.total ?? 0)) {
          behaviour = { kind: "decline", code: "amount_too_large" };
        }
      }
      return this.execute(request.idempotencyKey, operation, behaviour, trx);
    }, this.database());
  }

  async payout(request: PayoutRequest): Promise<ProviderResult> {
    const operation: Operation = {
      kind: "payout",
      amount: request.amount,
      currency: request.currency,
      charge_id: null,
      target: request.destination,
    };
    return this.execute(request.idempotencyKey, operation, payoutBehaviour(request.destination));
  }

  /** How many times money actually moved for a key (0 or 1): what tests assert "charged once" on. */
  async executions(idempotencyKey: string): Promise<number> {
    const rows = await this.database()
      .selectFrom("sandbox_operations")
      .select("id")
      .where("idempotency_key", "=", idempotencyKey)
      .where("outcome", "=", "succeeded")
      .execute();
    return rows.length;
  }

  private async execute(
    key: string,
    operation: Operation,
    behaviour: Behaviour,
    executor: DB = this.database(),
  ): Promise<ProviderResult> {
    if (behaviour.kind === "unavailable") return transient("provider_error", "sandbox: provider unavailable");
    const fingerprint = JSON.stringify([
      operation.kind,
      operation.amount,
      operation.currency,
      operation.target,
    ]);
    const prefix = { charge: "sbx_ch_", refund: "sbx_re_", payout: "sbx_po_" }[operation.kind];
    const inserted = await executor
      .insertInto("sandbox_operations")
      .values({
        id: `${prefix}${newId()}`,
        idempotency_key: key,
        kind: operation.kind,
        fingerprint,
        amount: operation.amount,
        currency: operation.currency,
        charge_id: operation.charge_id,
        outcome: behaviour.kind === "decline" ? "declined" : "succeeded",
        decline_code: behaviour.kind === "decline" ? behaviour.code : null,
        created_at: now(),
      })
      .onConflict((oc) => oc.column("idempotency_key").doNothing())
      .executeTakeFirst();
    const first = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    const row = await executor
      .selectFrom("sandbox_operations")
      .selectAll()
      .where("idempotency_key", "=", key)
      .executeTakeFirstOrThrow();
    if (row.fingerprint !== fingerprint) {
      return declined("invalid_request", "sandbox: idempotency key reused with other parameters");
    }
    if (first && behaviour.kind === "timeout_after_success") {
      return transient("timeout", "sandbox: the answer was lost after the operation succeeded");
    }
    return row.outcome === "succeeded" ? succeeded(row.id) : declined(row.decline_code ?? "card_declined");
  }
}
