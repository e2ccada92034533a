import type { Trx } from "~db/index";
import { awardEscrow, refundEscrow } from "../escrow/ledger.server";
import { enqueueChargeRefund } from "../escrow/payments.server";
import { notifyUsers } from "../notify/notifications.server";
import type { Effect } from "./machine";

type MoneyEffect = Extract<Effect, { type: "escrow_award" | "escrow_refund" }>;

/**
 * Carry out a transition's money effect in the transition's own transaction, through the escrow
 * ledger: the contest's state and its money move together or not at all. The key names the
 * transition (contest and version), so a retried transaction cannot resolve an escrow twice.
 */
export async function applyMoneyEffect(
  trx: Trx,
  contest: { id: string; version: number; currency: string },
  effect: MoneyEffect,
) {
  const idempotencyKey = `contest:${contest.id}:v${contest.version}`;
  if (effect.type === "escrow_award") {
    const result = await awardEscrow(trx, { contestId: contest.id, awards: effect.awards, idempotencyKey });
    if (!result.ok)
      throw new Error(`The escrow refused the award for contest ${contest.id}: ${result.reason}`);
    // A prize released to its winner: the finalists who share part of it are told how much.
    if (effect.reason !== "rule_split") {
      for (const share of effect.awards.slice(1)) {
        await notifyUsers(trx, [share.designerId], {
          kind: "contest.finalist_share",
          contestId: contest.id,
          data: { amount: share.amount, currency: contest.currency },
        });
      }
    }
    return;
  }
  const result = await refundEscrow(trx, { contestId: contest.id, idempotencyKey });
  if (!result.ok)
    throw new Error(`The escrow refused the refund for contest ${contest.id}: ${result.reason}`);
  // The card refund is an outside call: a job, committed with this transaction, makes it.
  await enqueueChargeRefund(trx, contest.id);
}
