import { db } from "~db/index";
import type { PayoutStatus } from "~db/schema";
import { newId } from "~/utils/ids.server";
import { isCurrency } from "../escrow/ledger";
import {
  clientReceipts,
  designerBalance,
  designerMovements,
  type ContestReceipt,
  type DesignerBalance,
} from "../escrow/ledger-reads.server";
import { designerPayouts, requestPayout, type PayoutView } from "../escrow/payments.server";
import { refusal, type Refusal, type RefusalVars } from "../refusal";
import { moneyGate } from "../auth/verification.server";

/**
 * A designer's earnings and a client's receipts, read from the escrow ledger (never kept apart from
 * it), with the contests' titles. Payouts go through requestPayout, with the form's idempotency key.
 */

export interface MovementLine {
  at: number;
  kind: "prize" | "payout" | "payout_returned";
  amount: number;
  currency: string;
  contestId: string | null;
  contestTitle: string | null;
  payoutStatus: PayoutStatus | null;
}

export interface Earnings {
  balances: DesignerBalance[];
  /** Newest first. */
  movements: MovementLine[];
  payouts: (PayoutView & { destination: string })[];
}

async function contestTitles(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db().selectFrom("contests").select(["id", "title"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function earningsOf(designerId: string): Promise<Earnings> {
  const movements = await designerMovements(db(), designerId);
  const currencies = [...new Set(movements.map((m) => m.currency))].sort();
  const [balances, titles, payouts, destinations] = await Promise.all([
    Promise.all(currencies.map((c) => designerBalance(db(), designerId, c))),
    contestTitles(movements.map((m) => m.contestId)),
    designerPayouts(designerId),
    db().selectFrom("payouts").select(["id", "destination"]).where("designer_id", "=", designerId).execute(),
  ]);
  const destinationOf = new Map(destinations.map((d) => [d.id, d.destination]));
  return {
    balances,
    movements: movements
      .map((m) => ({
        at: m.at,
        kind: m.kind,
        amount: m.amount,
        currency: m.currency,
        contestId: m.contestId,
        contestTitle: m.contestId ? (titles.get(m.contestId) ?? null) : null,
        payoutStatus: m.payoutStatus,
      }))
      .reverse(),
    payouts: payouts.map((p) => ({ ...p, destination: destinationOf.get(p.id) ?? "" })),
  };
}

/** A fresh idempotency key for one rendered payout form: a resubmission of that form pays once. */
export function newPayoutKey() {
  return `payout-form:${newId()}`;
}

export type PayoutFailure = "amount" | "currency" | "too_much" | "destination";

/** A refused payout names the form field it is about. */
export type PayoutCheck =
  | { ok: true; amount: number; currency: string; destination: string; available: number }
  | (Refusal<"payout"> & { field: "amount" | "destination" })
  | (Refusal<"verification", "unverified"> & { field: "amount" });

const payoutRefusal = (field: "amount" | "destination", reason: PayoutFailure, vars?: RefusalVars) => ({
  ...refusal("payout", reason, vars),
  field,
});

/** Check a payout request against the designer's available balance before asking to confirm it. */
export async function checkPayout(input: {
  designerId: string;
  /** Minor units, as the form's schema read them in the reader's language. */
  amount: number;
  currency: string;
  destination: string;
}): Promise<PayoutCheck> {
  // Money leaves only for a verified address (ADR 0042).
  const gate = await moneyGate(db(), input.designerId);
  if (gate) return { ...gate, field: "amount" };
  const destination = input.destination.trim();
  const amount = input.amount;
  if (!Number.isSafeInteger(amount) || amount <= 0) return payoutRefusal("amount", "amount");
  if (!isCurrency(input.currency)) return payoutRefusal("amount", "currency");
  const balance = await designerBalance(db(), input.designerId, input.currency);
  if (amount > balance.available) {
    return payoutRefusal("amount", "too_much", { available: balance.available, currency: input.currency });
  }
  if (!destination || destination.length > 120) return payoutRefusal("destination", "destination");
  return { ok: true, amount, currency: input.currency, destination, available: balance.available };
}

/** Send the payout (the escrow's requestPayout): the same key again pays once. */
export async function sendPayout(input: {
  designerId: string;
  amount: number;
  currency: string;
  destination: string;
  idempotencyKey: string;
}) {
  const gate = await moneyGate(db(), input.designerId);
  if (gate) return gate;
  return requestPayout({
    designerId: input.designerId,
    amount: input.amount,
    currency: input.currency,
    destination: input.destination,
    idempotencyKey: input.idempotencyKey,
  });
}

export interface ReceiptLine extends ContestReceipt {
  contestTitle: string;
}

/** What a client paid per contest, newest first, with the contests' titles. */
export async function receiptsOf(clientId: string): Promise<ReceiptLine[]> {
  const receipts = await clientReceipts(db(), clientId);
  const titles = await contestTitles(receipts.map((r) => r.contestId));
  return receipts.map((r) => ({ ...r, contestTitle: titles.get(r.contestId) ?? "" })).reverse();
}
