import { db } from "~db/index";
import { now } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { log } from "~/utils/log.server";
import { taxRegistrations } from "~/utils/env.server";
import { FEE_BASIS_POINTS, isCurrency, platformFee } from "../escrow/ledger";
import { escrowOf, escrowTaxes, lastBillingRegion } from "../escrow/ledger-reads.server";
import { sendHeldInvitations } from "../people/network.server";
import { launchCharge, NO_TAXES, taxLinesText } from "../tax/charge";
import { taxRegion, type TaxName, type TaxRegion } from "../tax/tax";
import { chargeForContest, type ChargeResult } from "../escrow/payments.server";
import { registerPeriodicJob } from "../jobs/scheduler.server";
import { notifyUsers } from "../notify/notifications.server";
import { isRefused, type Refusal } from "../refusal";
import { moneyGate } from "../auth/verification.server";
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
  | { ok: false; reason: "not_found" | "not_owner" | "wrong_state" }
  /** The billing address names no region we know (a country code, and a province in Canada). */
  | { ok: false; reason: "billing_region" }
  /** The total is not the one the client confirmed (another region, or the brief changed). */
  | { ok: false; reason: "quote_changed"; region: TaxRegion }
  /** A tax would be charged without the registration number its receipt must show. */
  | { ok: false; reason: "tax_unregistered"; taxes: TaxName[] }
  /** The client's address is not verified yet: nothing is charged (ADR 0042). */
  | Refusal<"verification", "unverified">;

/** Where a client is billed when they have not said: Québec, where the platform is. */
export const DEFAULT_BILLING_REGION: TaxRegion = "CA-QC";

/** The region the review step opens with: the client's last billing region, else Québec. */
export async function billingRegionFor(clientId: string): Promise<TaxRegion> {
  return (await lastBillingRegion(db(), clientId)) ?? DEFAULT_BILLING_REGION;
}

/**
 * What launching costs, for the review step: the prize, the fee, the taxes on the fee for the
 * billing region, and the total, with the public fee policy behind them (the percentage, and the
 * floor: the fee of a zero prize). Null for a currency the ledger does not know.
 */
export function launchQuote(contest: Pick<Contest, "prize" | "currency">, region: TaxRegion) {
  if (!isCurrency(contest.currency)) return null;
  const charge = launchCharge(contest.prize, contest.currency, region);
  return {
    prize: charge.prize,
    fee: charge.fee,
    taxes: charge.taxes,
    total: charge.total,
    currency: charge.currency,
    region,
    percent: FEE_BASIS_POINTS / 100,
    floor: platformFee(0, contest.currency),
  };
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
      // Designers the client invited while it was a draft hear of it now.
      await sendHeldInvitations(trx, launched);
      // The receipt says what was charged, as stored with the escrow: never today's table.
      const held = await escrowOf(trx, launched.id);
      const taxes = await escrowTaxes(trx, launched.id);
      await notifyUsers(trx, [launched.clientId], {
        kind: "contest.launched",
        contestId: launched.id,
        data: {
          prize: held.prize,
          fee: held.fee,
          tax: taxes.total,
          total: held.prize + held.fee + taxes.total,
          currency: held.currency ?? launched.currency,
          taxRegion: taxes.region,
          taxLines: taxLinesText(taxes.lines),
        },
      });
    },
  });
}

/**
 * Launch a draft: check the brief is complete, charge the prize plus the platform fee and the taxes
 * on the fee for the client's billing region (refused while a tax's registration number is
 * missing; the
 * idempotency key is stored before the provider is called: a double click, a retry after a timeout
 * or a replayed request charges once), hold it in escrow, and start the qualifying round.
 */
export async function launchContest(input: {
  contestId: string;
  clientId: string;
  card: CardInput;
  /** The billing address's country (ISO 3166-1 alpha-2) and, in Canada, its province. */
  billing: { country: string; province?: string | null };
  /** The total the client saw and confirmed (minor units); charged only if it is still the total. */
  confirmedTotal?: number;
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
  // Money moves only from a verified address: refused before the provider is called.
  const unverified = await moneyGate(db(), input.clientId);
  if (unverified) return unverified;

  const region = taxRegion(input.billing.country, input.billing.province);
  if (!region) return { ok: false, reason: "billing_region" };
  const { currency } = contest;
  const charge = isCurrency(currency)
    ? launchCharge(contest.prize, currency, region, taxRegistrations())
    : {
        prize: contest.prize,
        fee: 0,
        taxes: { ...NO_TAXES, region },
        total: contest.prize,
        unregistered: [],
      };
  if (input.confirmedTotal !== undefined && input.confirmedTotal !== charge.total) {
    return { ok: false, reason: "quote_changed", region };
  }
  if (charge.unregistered.length) {
    // A configuration to fix, not a receipt to print without its number.
    log("error", "tax.registration_missing", {
      contestId: contest.id,
      region,
      taxes: charge.unregistered,
      fix: "set GST_NUMBER and QST_NUMBER",
    });
    return { ok: false, reason: "tax_unregistered", taxes: charge.unregistered };
  }
  const { prize, fee, taxes } = charge;
  const paid = await chargeForContest({
    contestId: contest.id,
    clientId: contest.clientId,
    prize,
    fee,
    taxes,
    currency,
    card: input.card.number,
    idempotencyKey: input.idempotencyKey,
  });
  // "already funded": an earlier payment of this contest went through; launch on it.
  if (!paid.ok && paid.reason !== "already_funded") {
    return paid;
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
