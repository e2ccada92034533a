import type { Trx } from "~db/index";
import type { Effect } from "./machine";

type MoneyEffect = Extract<Effect, { type: "escrow_award" | "escrow_refund" }>;

/** Carry out a money effect of a transition in the same transaction, through the escrow ledger. */
export async function applyMoneyEffect(
  _trx: Trx,
  _contest: { id: string },
  _effect: MoneyEffect,
): Promise<void> {
  throw new Error("The escrow ledger is not wired in yet");
}
