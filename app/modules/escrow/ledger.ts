/**
 * The ledger's pure core: currencies, the fee policy, prize helpers, splitting and balance
 * arithmetic. No I/O. Money is an integer count of minor units with its currency beside it.
 */

export interface CurrencyRules {
  /** Digits after the decimal point: 2 means the minor unit is a cent. */
  exponent: number;
  /** The platform fee is never less than this (minor units). */
  feeFloor: number;
}

export const CURRENCIES = {
  USD: {
    exponent: 2,
    feeFloor: 29_00,
  },
  EUR: {
    exponent: 2,
    feeFloor: 29_00,
  },
  GBP: {
    exponent: 2,
    feeFloor: 25_00,
  },
  CAD: {
    exponent: 2,
    feeFloor: 39_00,
  },
  AUD: {
    exponent: 2,
    feeFloor: 45_00,
  },
} as const satisfies Record<string, CurrencyRules>;

export type Currency = keyof typeof CURRENCIES;

export function isCurrency(value: string): value is Currency {
  return Object.hasOwn(CURRENCIES, value);
}

/**
 * Amounts stay far below 2^53 so that every sum and every fee computation (prize × basis points)
 * is exact in a JavaScript number: at most 10^11 minor units (a billion dollars) per amount.
 */
export const MAX_AMOUNT = 100_000_000_000;

/** A whole, non-negative number of minor units within MAX_AMOUNT. */
export function isMinorAmount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT;
}

/**
 * The platform fee, charged to the client on top of the prize and kept by the platform when the
 * prize is awarded (a refund returns it too). Public policy: 15% of the prize, rounded half up to
 * the minor unit, and never less than the currency's floor (USD/EUR 29.00, GBP 25.00, CAD 39.00,
 * AUD 45.00).
 */
export const FEE_BASIS_POINTS = 1500;

export function platformFee(prizeMinor: number, currency: Currency): number {
  if (!isMinorAmount(prizeMinor)) throw new RangeError(`Not an amount of minor units: ${prizeMinor}`);
  const percentage = Math.floor((prizeMinor * FEE_BASIS_POINTS + 5_000) / 10_000);
  return Math.max(percentage, CURRENCIES[currency].feeFloor);
}

/** What the client pays for a prize: the prize and the platform fee. */
export function launchPrice(prizeMinor: number, currency: Currency) {
  const fee = platformFee(prizeMinor, currency);
  return { prize: prizeMinor, fee, total: prizeMinor + fee, currency };
}

/**
 * Split `total` into `n` whole parts that add up to `total`. The remainder goes one unit each to
 * the first parts, so the split is deterministic: splitEvenly(100, 3) → [34, 33, 33].
 */
export function splitEvenly(total: number, n: number): number[] {
  if (!isMinorAmount(total)) throw new RangeError(`Not an amount of minor units: ${total}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Cannot split into ${n} parts`);
  const base = Math.floor(total / n);
  const remainder = total - base * n;
  return Array.from({ length: n }, (_, i) => (i < remainder ? base + 1 : base));
}

export interface Award {
  designerId: string;
  amount: number;
}

export type AwardProblem = "no_awards" | "not_an_amount" | "duplicate_designer" | "sum_differs_from_prize";

/** Awards must pay out exactly the held prize, in positive whole amounts, once per designer. */
export function awardProblem(prize: number, awards: readonly Award[]): AwardProblem | null {
  if (awards.length === 0) return "no_awards";
  if (awards.some((a) => !isMinorAmount(a.amount) || a.amount === 0)) return "not_an_amount";
  if (new Set(awards.map((a) => a.designerId)).size !== awards.length) return "duplicate_designer";
  if (sumMinor(awards.map((a) => a.amount)) !== prize) return "sum_differs_from_prize";
  return null;
}

/** Awards that split a prize equally among designers, in the order given. */
export function equalAwards(prize: number, designerIds: readonly string[]): Award[] {
  const parts = splitEvenly(prize, designerIds.length);
  return designerIds.map((designerId, i) => ({ designerId, amount: parts[i]! }));
}

/** The part of a prize its finalists who do not win share: `shareBps` of it, rounded down. */
export const finalistShare = (prize: number, shareBps: number) => Math.floor((prize * shareBps) / 10_000);

/**
 * The awards of a prize released to its winner when the finalists who did not win share
 * `shareBps` of it (ADR 0039): the share is rounded down to the minor unit, split evenly among them
 * in the order given (the first get the remainder, a unit each), and the winner receives the rest,
 * so the awards add up to the prize exactly. With no other finalist, or a share too small to give
 * each at least one minor unit, the winner receives the whole prize.
 */
export function winnerAwards(
  prize: number,
  winnerId: string,
  finalists: readonly string[],
  shareBps: number,
): Award[] {
  if (!isMinorAmount(prize)) throw new RangeError(`Not an amount of minor units: ${prize}`);
  // The winner always keeps the larger part: a share is less than half the prize.
  if (!Number.isSafeInteger(shareBps) || shareBps < 0 || shareBps >= 5_000)
    throw new RangeError(`Not a finalists' share: ${shareBps} basis points`);
  const others = [...new Set(finalists)].filter((d) => d !== winnerId);
  const share = finalistShare(prize, shareBps);
  if (others.length === 0 || share < others.length) return [{ designerId: winnerId, amount: prize }];
  const parts = splitEvenly(share, others.length);
  return [
    { designerId: winnerId, amount: prize - share },
    ...others.map((designerId, i) => ({ designerId, amount: parts[i]! })),
  ];
}

export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  if (!Number.isSafeInteger(total)) throw new RangeError("Sum of amounts is not exact");
  return total;
}

// Accounts and their balances, TigerBeetle's way: four running totals per account.

export type AccountKind =
  | "client_payments"
  | "contest_escrow"
  | "designer_balance"
  | "platform_fees"
  | "payouts"
  | "refunds_out"
  | "taxes_collected";

/**
 * Where money sits. `client_payments` is what came in through the provider for a client (it goes
 * negative: the world owes nothing, the client paid); `contest_escrow` holds a contest's funding
 * as a pending credit; `designer_balance` is what a designer has earned and not withdrawn;
 * `platform_fees` is the platform's income; `payouts` has payouts in flight as pending credits and
 * payouts paid as posted credits; `refunds_out` is what was returned to clients;
 * `taxes_collected` is the sales tax charged on the fee and owed to its authority, one account per
 * tax (GST, HST, QST, PST) and currency, credited when the escrow is awarded.
 */
export type AccountRef =
  | { kind: "client_payments"; clientId: string; currency: string }
  | { kind: "contest_escrow"; contestId: string; currency: string }
  | { kind: "designer_balance"; designerId: string; currency: string }
  | { kind: "platform_fees" | "payouts" | "refunds_out"; currency: string }
  | { kind: "taxes_collected"; tax: string; currency: string };

export const PLATFORM_OWNER = "platform";

export function accountOwner(ref: AccountRef): string {
  switch (ref.kind) {
    case "client_payments":
      return ref.clientId;
    case "contest_escrow":
      return ref.contestId;
    case "designer_balance":
      return ref.designerId;
    case "taxes_collected":
      return ref.tax;
    default:
      return PLATFORM_OWNER;
  }
}

export interface AccountTotals {
  debitsPosted: number;
  creditsPosted: number;
  debitsPending: number;
  creditsPending: number;
}

export const ZERO_TOTALS: AccountTotals = Object.freeze({
  debitsPosted: 0,
  creditsPosted: 0,
  debitsPending: 0,
  creditsPending: 0,
});

/** Credits minus debits, posted only. Every account's balances add up to zero per currency. */
export function postedBalance(t: AccountTotals): number {
  return t.creditsPosted - t.debitsPosted;
}

/** Credits minus debits, pending only (reserved, not yet posted or voided). */
export function pendingBalance(t: AccountTotals): number {
  return t.creditsPending - t.debitsPending;
}

/**
 * What a credit-normal account (a designer's balance) may still spend: posted credits less posted
 * and pending debits, like TigerBeetle's debits_must_not_exceed_credits.
 */
export function availableBalance(t: AccountTotals): number {
  return t.creditsPosted - t.debitsPosted - t.debitsPending;
}

export function canDebit(t: AccountTotals, amount: number): boolean {
  return isMinorAmount(amount) && amount > 0 && availableBalance(t) >= amount;
}

/** A transfer's effect on one account's totals (pure; used by tests and reports). */
export function applyTransfer(
  t: AccountTotals,
  side: "debit" | "credit",
  phase: "single" | "pending" | "post" | "void",
  amount: number,
): AccountTotals {
  const posted = side === "debit" ? "debitsPosted" : "creditsPosted";
  const pending = side === "debit" ? "debitsPending" : "creditsPending";
  switch (phase) {
    case "single":
      return { ...t, [posted]: t[posted] + amount };
    case "pending":
      return { ...t, [pending]: t[pending] + amount };
    case "post":
      return { ...t, [pending]: t[pending] - amount, [posted]: t[posted] + amount };
    case "void":
      return { ...t, [pending]: t[pending] - amount };
  }
}
