import type { MessageKey } from "~/i18n";

/**
 * The payment provider as the escrow sees it: three money movements, each carrying an idempotency
 * key (the same key again returns the first result and moves money once), each answering with one
 * of three outcomes. A provider never throws for the provider's own trouble: it answers transient.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Take money from a client's card into the platform's provider balance. */
  charge(request: ChargeRequest): Promise<ProviderResult>;
  /** Return (part of) a charge to the card it came from. */
  refund(request: RefundRequest): Promise<ProviderResult>;
  /** Send money from the platform's provider balance to a designer's payout account. */
  payout(request: PayoutRequest): Promise<ProviderResult>;
}

/** A card number (sandbox test cards only) or a provider's payment method id (pm_…). */
export type PaymentMethod = { card: string } | { paymentMethod: string };

export interface ChargeRequest {
  amount: number;
  currency: string;
  method: PaymentMethod;
  idempotencyKey: string;
  description?: string;
  metadata?: Record<string, string>;
}

export interface RefundRequest {
  /** The provider's reference of the charge. */
  chargeRef: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
  metadata?: Record<string, string>;
}

export interface PayoutRequest {
  amount: number;
  currency: string;
  /** The provider's id of the designer's payout account (Stripe: a connected account, acct_…). */
  destination: string;
  idempotencyKey: string;
  metadata?: Record<string, string>;
}

export type TransientCode = "timeout" | "network_error" | "provider_error" | "rate_limited" | "in_progress";

export type ProviderResult =
  | { status: "succeeded"; providerRef: string }
  /** Final for this key: a person can be told why (see declineMessage). */
  | { status: "declined"; code: string; detail?: string }
  /** The outcome is unknown: the money may or may not have moved. Retry with the same key. */
  | { status: "transient"; code: TransientCode; detail: string };

export const succeeded = (providerRef: string): ProviderResult => ({ status: "succeeded", providerRef });
export const declined = (code: string, detail?: string): ProviderResult => ({
  status: "declined",
  code,
  detail,
});
export const transient = (code: TransientCode, detail: string): ProviderResult => ({
  status: "transient",
  code,
  detail,
});

/**
 * Test cards, as payment providers document them (Stripe's numbers), plus two of the sandbox's own
 * to exercise what a real network does to us.
 */
export const SANDBOX_CARDS = {
  success: "4242424242424242",
  genericDecline: "4000000000000002",
  insufficientFunds: "4000000000009995",
  expiredCard: "4000000000000069",
  incorrectCvc: "4000000000000127",
  processingError: "4000000000000119",
  lostCard: "4000000000009987",
  /** Sandbox only: the charge succeeds, but the first answer for its key is lost (a timeout). */
  timeoutAfterSuccess: "4000000000000507",
  /** Sandbox only: the provider is unreachable; nothing is charged; try again later. */
  unavailable: "4000000000000515",
} as const;

/** Stripe's test payment methods for the same cards (Stripe refuses raw card numbers). */
export const STRIPE_TEST_METHODS: Record<string, string> = {
  [SANDBOX_CARDS.success]: "pm_card_visa",
  [SANDBOX_CARDS.genericDecline]: "pm_card_chargeDeclined",
  [SANDBOX_CARDS.insufficientFunds]: "pm_card_chargeDeclinedInsufficientFunds",
  [SANDBOX_CARDS.expiredCard]: "pm_card_chargeDeclinedExpiredCard",
  [SANDBOX_CARDS.incorrectCvc]: "pm_card_chargeDeclinedIncorrectCvc",
  [SANDBOX_CARDS.processingError]: "pm_card_chargeDeclinedProcessingError",
  [SANDBOX_CARDS.lostCard]: "pm_card_chargeDeclinedLostCard",
};

export function normalizeCard(card: string): string {
  return card.replace(/[\s-]/g, "");
}

export function isSandboxCard(card: string): boolean {
  return (Object.values(SANDBOX_CARDS) as string[]).includes(normalizeCard(card));
}

/** "card •••• 4242" or the payment method id: safe to store and show. */
export function methodLabel(method: PaymentMethod): string {
  return "card" in method ? `card •••• ${normalizeCard(method.card).slice(-4)}` : method.paymentMethod;
}

const DECLINE_MESSAGES: Record<string, MessageKey> = {
  insufficient_funds: "payments.declined.insufficient_funds",
  expired_card: "payments.declined.expired_card",
  incorrect_cvc: "payments.declined.incorrect_cvc",
  incorrect_number: "payments.declined.incorrect_number",
  invalid_number: "payments.declined.incorrect_number",
  processing_error: "payments.declined.processing_error",
  authentication_required: "payments.declined.authentication_required",
  invalid_request: "payments.declined.invalid_request",
  // Lost, stolen and fraud-flagged cards get the generic answer, as card networks ask.
};

/** The catalogue key that tells the client why their card was declined. */
export function declineMessage(code: string): MessageKey {
  return DECLINE_MESSAGES[code] ?? "payments.declined.card_declined";
}

const PAYOUT_FAILURE_MESSAGES: Record<string, MessageKey> = {
  account_closed: "payouts.failed.account_closed",
  invalid_destination: "payouts.failed.invalid_destination",
  no_account: "payouts.failed.invalid_destination",
};

/** The catalogue key that tells a designer why a payout failed (the money is back in the balance). */
export function payoutFailureMessage(code: string): MessageKey {
  return PAYOUT_FAILURE_MESSAGES[code] ?? "payouts.failed.other";
}
