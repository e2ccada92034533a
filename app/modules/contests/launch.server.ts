import { db } from "~db/index";
import { now } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { log } from "~/utils/log.server";
import { FEE_BASIS_POINTS, isCurrency, launchPrice, platformFee } from "../escrow/ledger";
import { escrowOf } from "../escrow/ledger-reads.server";
import { chargeForContest, type ChargeResult } from "../escrow/payments.server";
import { registerPeriodicJob } from "../jobs/scheduler.server";
import { notifyUsers } from "../notify/notifications.server";
import { isRefused } from "../refusal";
import { applyContestEvent, loadContest, type Contest } from "./contests.server";
import { briefGaps } from "./drafts.server";

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string;
}

export type LaunchResult =
  | { ok: true; contest: Contest }
  | { ok: false; reason: "incomplete"; missing: string[] }
  /** The card was refused (declined), or the provider's answer is unknown (any other reason). */
  | Exclude<ChargeResult, { ok: true }>
  | { ok: false; reason: "not_found" | "not_owner" | "wrong_state" };

/** What the client pays at launch: the prize and the platform's fee, in minor units. */
export function launchTotal(contest: Pick<Contest, "prize" | "currency">) {
  const fee = isCurrency(contest.currency) ? platformFee(contest.prize, contest.currency) : 0;
  return { prize: contest.prize, fee, total: contest.prize + fee, currency: contest.currency };
}

/**
 * What launching costs, for the review step: the prize, the fee and the total, with the public fee
 * policy behind them (the percentage, and the floor: the fee of a zero prize). Null for a currency
 * the ledger does not know.
 */
export function launchQuote(contest: Pick<Contest, "prize" | "currency">) {
  if (!isCurrency(contest.currency)) return null;
  const price = launchPrice(contest.prize, contest.currency);
  return { ...price, percent: FEE_BASIS_POINTS / 100, floor: platformFee(0, contest.currency) };
}

/**
 * Start the qualifying round of a draft whose prize is held in escrow (the machine checks); the
 * client's receipt (what was paid, the prize and the fee) is a notification of the same transaction.
 */
async function launchFunded(contestId: string, clientId: string): Promise<Contest> {
  return applyContestEvent({
    contestId,
    actor: { kind: "user", id: clientId },
    event: async (contest, trx) => ({
      type: "launch",
      funded: (await escrowOf(trx, contest.id)).status === "held",
    }),
    also: async (trx, launched) => {
      const paid = launchTotal(launched);
      await notifyUsers(trx, [launched.clientId], {
        kind: "contest.launched",
        contestId: launched.id,
        data: { prize: paid.prize, fee: paid.fee, total: paid.total, currency: paid.currency },
      });
    },
  });
}

/**
 * Launch a draft: check the brief is complete, charge the prize plus the platform fee (the
 * idempotency key is stored before the provider is called: a double click, a retry after a timeout
 * or a replayed request charges once), hold it in escrow, and start the qualifying round.
 */
export async function launchContest(input: {
  contestId: string;
  clientId: string;
  card: CardInput;
  idempotencyKey: string;
}): Promise<LaunchResult> {
  const contest = await loadContest(db(), input.contestId);
  if (!contest) return { ok: false, reason: "not_found" };
  if (contest.clientId !== input.clientId) return { ok: false, reason: "not_owner" };
  if (contest.status !== "draft") {
    // A double click after the launch went through: the first click's outcome stands.
    return contest.launchedAt !== null ? { ok: true, contest } : { ok: false, reason: "wrong_state" };
  }
  const gaps = briefGaps(contest);
  if (gaps.length) return { ok: false, reason: "incomplete", missing: gaps };

  const { prize, fee, currency } = launchTotal(contest);
  const charge = await chargeForContest({
    contestId: contest.id,
    clientId: contest.clientId,
    prize,
    fee,
    currency,
    card: input.card.number,
    idempotencyKey: input.idempotencyKey,
  });
  // "already funded": an earlier payment of this contest went through; launch on it.
  if (!charge.ok && charge.reason !== "already_funded") {
    return charge;
  }
  try {
    return { ok: true, contest: await launchFunded(contest.id, contest.clientId) };
  } catch (error) {
    if (isRefused(error, "contest", "wrong_state")) {
      const latest = await loadContest(db(), contest.id);
      if (latest && latest.launchedAt !== null) return { ok: true, contest: latest };
      return { ok: false, reason: "wrong_state" };
    }
    throw error;
  }
}

/**
 * A payment can settle after the request that made it has gone (a timeout answered later by the
 * reconciliation job, or a crash between the charge and the launch). Drafts whose prize is held in
 * escrow are launched here, as their client asked when paying.
 */
export async function launchFundedDrafts(): Promise<number> {
  const funded = await db()
    .selectFrom("contests")
    .innerJoin("escrows", "escrows.contest_id", "contests.id")
    .select(["contests.id", "contests.client_id"])
    .where("contests.status", "=", "draft")
    .where("escrows.created_at", "<", now() - 2 * MINUTE)
    .execute();
  let launched = 0;
  for (const row of funded) {
    if ((await escrowOf(db(), row.id)).status !== "held") continue;
    try {
      await launchFunded(row.id, row.client_id);
      launched++;
    } catch (error) {
      log("error", "contests.launch_funded_failed", { contestId: row.id, error: String(error) });
    }
  }
  return launched;
}

export function registerLaunchJobs() {
  registerPeriodicJob("contests.launch_funded", 10 * MINUTE, launchFundedDrafts);
}
