import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { equalAwards, platformFee, type Currency } from "~/modules/escrow/ledger";
import { balanceOf, designerBalance, escrowOf, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { awardEscrow, holdInEscrow, refundEscrow, type ResolveResult } from "~/modules/escrow/ledger.server";
import {
  chargeForContest,
  reconcilePendingCharges,
  refundContestCharge,
  requestPayout,
  retryPendingPayouts,
  type ChargeResult,
  type PayoutResult,
} from "~/modules/escrow/payments.server";
import {
  SANDBOX_CARDS,
  transient,
  type PaymentProvider,
  type PayoutRequest,
} from "~/modules/escrow/provider";
import { KEY_LIFETIME_MS, RETRY_AFTER_MS } from "~/modules/escrow/provider-call.server";
import { SANDBOX_DESTINATIONS, SandboxProvider } from "~/modules/escrow/sandbox.server";
import { advanceClock, freezeClock } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { isPostgresRun } from "../setup/db-template";

/**
 * Runs per property. SQLite runs the full 1,000; PostgreSQL (a network round trip per statement)
 * runs fewer of the same properties to stay within a minute.
 */
const RUNS = Number(process.env.ESCROW_RUNS ?? (isPostgresRun() ? 150 : 1_000));
const RACE_RUNS = Number(process.env.ESCROW_RUNS ?? (isPostgresRun() ? 150 : 1_000));
const TIMEOUT_MS = 240_000;

// The model: what the escrow should be after each command, computed without the database.

type Card = "success" | "declined" | "insufficient" | "timeout" | "unavailable";
type Destination = "normal" | "closed" | "lost_answer";
type KeyChoice = "new" | "same" | "other";

type Command =
  | { kind: "charge"; contest: number; card: Card; key: KeyChoice }
  | { kind: "award"; contest: number; winners: number[]; key: Exclude<KeyChoice, "other"> }
  | { kind: "refund"; contest: number; key: Exclude<KeyChoice, "other"> }
  | {
      kind: "payout";
      designer: number;
      currency: Currency;
      /** Percent of the model's available balance; over 100 asks for too much. */
      share: number;
      /** Added to the amount: one unit over the whole balance is the sharpest overdraft. */
      plus: number;
      key: Exclude<KeyChoice, "other">;
      destination: Destination;
      unreachable: boolean;
    }
  | { kind: "retryPayouts" }
  | { kind: "reconcileCharges" };

const CARDS: Record<Card, string> = {
  success: SANDBOX_CARDS.success,
  declined: SANDBOX_CARDS.genericDecline,
  insufficient: SANDBOX_CARDS.insufficientFunds,
  timeout: SANDBOX_CARDS.timeoutAfterSuccess,
  unavailable: SANDBOX_CARDS.unavailable,
};
const DESTINATIONS: Record<Destination, (designerId: string) => string> = {
  normal: (designerId) => `acct_${designerId}`,
  closed: () => SANDBOX_DESTINATIONS.closed,
  lost_answer: () => SANDBOX_DESTINATIONS.timeoutAfterSuccess,
};
const CONTESTS = 4;
const DESIGNERS = 6;
const currencyOf = (contest: number): Currency => (contest === 3 ? "EUR" : "USD");

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("charge" as const),
      contest: fc.nat(CONTESTS - 1),
      card: fc.constantFrom<Card>("success", "success", "declined", "insufficient", "timeout", "unavailable"),
      key: fc.constantFrom<KeyChoice>("new", "new", "same", "other"),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("award" as const),
      contest: fc.nat(CONTESTS - 1),
      winners: fc.uniqueArray(fc.nat(DESIGNERS - 1), { minLength: 1, maxLength: DESIGNERS }),
      key: fc.constantFrom("new" as const, "same" as const),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("refund" as const),
      contest: fc.nat(CONTESTS - 1),
      key: fc.constantFrom("new" as const, "same" as const),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("payout" as const),
      designer: fc.nat(DESIGNERS - 1),
      currency: fc.constantFrom<Currency>("USD", "USD", "EUR"),
      share: fc.oneof(fc.integer({ min: 1, max: 130 }), fc.constant(100)),
      plus: fc.constantFrom(0, 0, 1),
      key: fc.constantFrom("new" as const, "same" as const),
      destination: fc.constantFrom<Destination>("normal", "normal", "closed", "lost_answer"),
      unreachable: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.constant({ kind: "retryPayouts" as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: "reconcileCharges" as const }), weight: 1 },
);

/** The sandbox, with a switch that makes the next payout call fail before it reaches the provider. */
class ScriptedProvider implements PaymentProvider {
  readonly name = "scripted";
  readonly inner = new SandboxProvider();
  unreachableNext = false;
  charge = (r: Parameters<PaymentProvider["charge"]>[0]) => this.inner.charge(r);
  refund = (r: Parameters<PaymentProvider["refund"]>[0]) => this.inner.refund(r);
  async payout(request: PayoutRequest) {
    if (this.unreachableNext) {
      this.unreachableNext = false;
      return transient("network_error", "scripted: the request never left");
    }
    return this.inner.payout(request);
  }
}

interface ContestModel {
  id: string;
  clientId: string;
  currency: Currency;
  prize: number;
  fee: number;
  status: "none" | "held" | "awarded" | "refunded";
  resolutionKey: string | null;
  lastAwardKey: string | null;
  lastRefundKey: string | null;
  lastChargeKey: string | null;
}
interface IntentModel {
  key: string;
  contest: number;
  card: Card;
  state: "pending" | "succeeded" | "declined" | "duplicate" | "needs_review";
  providerCharged: boolean;
}
interface PayoutModel {
  key: string;
  designer: number;
  currency: Currency;
  amount: number;
  destination: Destination;
  state: "in_flight" | "paid" | "failed";
  providerExecuted: boolean;
}
interface Wallet {
  available: number;
  inFlight: number;
  paidOut: number;
}

class Model {
  contests: ContestModel[];
  designers: string[];
  intents = new Map<string, IntentModel>();
  payouts = new Map<string, PayoutModel>();
  wallets = new Map<string, Wallet>();
  lastPayoutKey = new Map<string, string>();
  serial = 0;

  constructor(
    readonly run: string,
    prizes: number[],
  ) {
    this.contests = prizes.map((prize, i) => ({
      id: `${run}-contest-${i}`,
      clientId: `${run}-client-${i % 2}`,
      currency: currencyOf(i),
      prize,
      fee: platformFee(prize, currencyOf(i)),
      status: "none",
      resolutionKey: null,
      lastAwardKey: null,
      lastRefundKey: null,
      lastChargeKey: null,
    }));
    this.designers = Array.from({ length: DESIGNERS }, (_, d) => `${run}-designer-${d}`);
  }

  key(kind: string) {
    return `${this.run}-${kind}-${++this.serial}`;
  }

  /** Wallets a command touched: checked against the database after it. */
  touched = new Set<string>();

  wallet(designer: number, currency: Currency): Wallet {
    const id = `${designer}|${currency}`;
    this.touched.add(id);
    let w = this.wallets.get(id);
    if (!w) this.wallets.set(id, (w = { available: 0, inFlight: 0, paidOut: 0 }));
    return w;
  }

  /** A charge the provider executed is settled: it funds the contest, or is a duplicate refunded. */
  settleCharged(intent: IntentModel): "held" | "duplicate" {
    const contest = this.contests[intent.contest]!;
    if (contest.status === "none") {
      contest.status = "held";
      intent.state = "succeeded";
      return "held";
    }
    intent.state = "duplicate";
    return "duplicate";
  }

  /** What one call to the provider does to a payout still in flight. */
  payoutCall(payout: PayoutModel, unreachable: boolean) {
    if (unreachable) return;
    const wallet = this.wallet(payout.designer, payout.currency);
    if (payout.destination === "closed") {
      payout.state = "failed";
      wallet.inFlight -= payout.amount;
      wallet.available += payout.amount;
    } else if (payout.destination === "lost_answer" && !payout.providerExecuted) {
      payout.providerExecuted = true;
    } else {
      payout.state = "paid";
      payout.providerExecuted = true;
      wallet.inFlight -= payout.amount;
      wallet.paidOut += payout.amount;
    }
  }
}

/** Apply one command to the system and to the model; compare the answers. */
async function step(model: Model, provider: ScriptedProvider, command: Command) {
  advanceClock(1_000); // strictly increasing times: sweeps take rows in a predictable order
  switch (command.kind) {
    case "charge": {
      const contest = model.contests[command.contest]!;
      let key = model.key("pay");
      if (command.key === "same" && contest.lastChargeKey) key = contest.lastChargeKey;
      if (command.key === "other") {
        const other = model.contests.find((c, i) => i !== command.contest && c.lastChargeKey);
        if (other?.lastChargeKey) key = other.lastChargeKey;
      }
      const known = model.intents.get(key);
      const card = known?.card ?? command.card;
      const result = await chargeForContest(
        {
          contestId: contest.id,
          clientId: contest.clientId,
          prize: contest.prize,
          fee: contest.fee,
          currency: contest.currency,
          idempotencyKey: key,
          card: CARDS[card],
        },
        { provider },
      );
      expectCharge(result, predictCharge(model, command.contest, key, card));
      return;
    }
    case "award":
    case "refund": {
      const contest = model.contests[command.contest]!;
      const last = command.kind === "award" ? contest.lastAwardKey : contest.lastRefundKey;
      const key = command.key === "same" && last ? last : model.key(command.kind);
      if (command.kind === "award") contest.lastAwardKey = key;
      else contest.lastRefundKey = key;
      const awards =
        command.kind === "award"
          ? equalAwards(
              contest.prize,
              command.winners.map((w) => model.designers[w]!),
            )
          : [];
      const result = await transaction((trx) =>
        command.kind === "award"
          ? awardEscrow(trx, { contestId: contest.id, awards, idempotencyKey: key })
          : refundEscrow(trx, { contestId: contest.id, idempotencyKey: key }),
      );
      const outcome = command.kind === "award" ? "awarded" : "refunded";
      if (contest.status === "none") {
        expect(result).toEqual({ ok: false, reason: "no_escrow" });
      } else if (contest.status === "held") {
        expect(result).toMatchObject({ ok: true, outcome, replayed: false });
        contest.status = outcome;
        contest.resolutionKey = key;
        if (command.kind === "award") {
          for (const [i, w] of command.winners.entries()) {
            model.wallet(w, contest.currency).available += awards[i]!.amount;
          }
        }
      } else if (contest.resolutionKey === key) {
        expect(result).toMatchObject({ ok: true, outcome, replayed: true });
      } else {
        expect(result).toEqual({ ok: false, reason: "already_resolved", outcome: contest.status });
      }
      if (contest.status === "refunded" && result.ok) {
        const card = await refundContestCharge(
          { contestId: contest.id, idempotencyKey: `${key}-card` },
          { provider },
        );
        expect(card).toMatchObject({ ok: true, status: "refunded", amount: contest.prize + contest.fee });
      }
      await expectEscrow(model, command.contest);
      await expectWallets(model);
      return;
    }
    case "payout": {
      const wallet = model.wallet(command.designer, command.currency);
      const designerId = model.designers[command.designer]!;
      const previous = model.payouts.get(
        model.lastPayoutKey.get(`${command.designer}|${command.currency}`) ?? "",
      );
      const replay = command.key === "same" ? previous : undefined;
      const amount =
        replay?.amount ?? Math.max(1, Math.floor((wallet.available * command.share) / 100) + command.plus);
      const key = replay?.key ?? model.key("payout");
      const destination = replay?.destination ?? command.destination;
      provider.unreachableNext = command.unreachable;
      const result = await requestPayout(
        {
          designerId,
          amount,
          currency: command.currency,
          idempotencyKey: key,
          destination: DESTINATIONS[destination](designerId),
        },
        { provider },
      );
      provider.unreachableNext = false;
      if (replay) {
        if (replay.state === "in_flight") model.payoutCall(replay, command.unreachable);
        expectPayout(result, replay, true);
      } else if (amount > wallet.available) {
        expect(result).toMatchObject({
          ok: false,
          reason: "insufficient_balance",
          available: wallet.available,
        });
      } else {
        const payout: PayoutModel = {
          key,
          designer: command.designer,
          currency: command.currency,
          amount,
          destination,
          state: "in_flight",
          providerExecuted: false,
        };
        model.payouts.set(key, payout);
        model.lastPayoutKey.set(`${command.designer}|${command.currency}`, key);
        wallet.available -= amount;
        wallet.inFlight += amount;
        model.payoutCall(payout, command.unreachable);
        expectPayout(result, payout, false);
      }
      await expectWallets(model);
      return;
    }
    case "retryPayouts":
      await retryPayouts(model, provider);
      return;
    case "reconcileCharges":
      await reconcileCharges(model, provider);
      return;
  }
}

interface ChargeExpectation {
  reason: "ok" | Extract<ChargeResult, { ok: false }>["reason"];
  replayed?: boolean;
  code?: string;
}

function predictCharge(model: Model, contestIndex: number, key: string, card: Card): ChargeExpectation {
  const contest = model.contests[contestIndex]!;
  const intent = model.intents.get(key);
  if (intent) {
    if (intent.contest !== contestIndex) return { reason: "key_reused" };
    switch (intent.state) {
      case "succeeded":
        return { reason: "ok", replayed: true };
      case "declined":
        return { reason: "declined" };
      case "duplicate":
        return { reason: "duplicate_refunded" };
      case "needs_review":
        return { reason: "needs_review" };
      case "pending":
        if (intent.card === "unavailable") return { reason: "try_again", code: "provider_error" };
        return model.settleCharged(intent) === "held"
          ? { reason: "ok", replayed: false }
          : { reason: "duplicate_refunded" };
    }
  }
  if (contest.status !== "none") return { reason: "already_funded" };
  const created: IntentModel = { key, contest: contestIndex, card, state: "pending", providerCharged: false };
  model.intents.set(key, created);
  contest.lastChargeKey = key;
  switch (card) {
    case "success":
      created.providerCharged = true;
      model.settleCharged(created);
      return { reason: "ok", replayed: false };
    case "declined":
    case "insufficient":
      created.state = "declined";
      return { reason: "declined", code: card === "declined" ? "generic_decline" : "insufficient_funds" };
    case "timeout":
      created.providerCharged = true;
      return { reason: "try_again", code: "timeout" };
    case "unavailable":
      return { reason: "try_again", code: "provider_error" };
  }
}

function expectCharge(result: ChargeResult, expected: ChargeExpectation) {
  if (expected.reason === "ok") {
    expect(result).toMatchObject({
      ok: true,
      ...(expected.replayed !== undefined && { replayed: expected.replayed }),
    });
  } else {
    expect(result).toMatchObject({
      ok: false,
      reason: expected.reason,
      ...(expected.code && { code: expected.code }),
    });
  }
}

function expectPayout(result: PayoutResult, payout: PayoutModel, replayed: boolean) {
  const expected = {
    in_flight: { ok: true, status: "in_flight" },
    paid: { ok: true, status: "paid" },
    failed: { ok: false, reason: "failed", code: "account_closed" },
  }[payout.state];
  expect(result).toMatchObject(expected);
  if (result.ok) expect(result.replayed).toBe(replayed);
}

async function retryPayouts(model: Model, provider: ScriptedProvider) {
  advanceClock(RETRY_AFTER_MS);
  const results = await retryPendingPayouts({ provider });
  const inFlight = [...model.payouts.values()].filter((p) => p.state === "in_flight");
  expect(results).toHaveLength(inFlight.length);
  for (const [i, payout] of inFlight.entries()) {
    model.payoutCall(payout, false);
    expectPayout(results[i]!, payout, true);
  }
  await expectWallets(model);
}

async function reconcileCharges(model: Model, provider: ScriptedProvider) {
  advanceClock(RETRY_AFTER_MS);
  const results = await reconcilePendingCharges({ provider });
  const pending = [...model.intents.values()].filter((i) => i.state === "pending");
  expect(results).toHaveLength(pending.length);
  for (const [i, intent] of pending.entries()) {
    const expected: ChargeExpectation =
      intent.card === "unavailable"
        ? { reason: "try_again" }
        : model.settleCharged(intent) === "held"
          ? { reason: "ok" }
          : { reason: "duplicate_refunded" };
    expectCharge(results[i]!, expected);
  }
  for (let c = 0; c < CONTESTS; c++) await expectEscrow(model, c);
}

async function expectEscrow(model: Model, index: number) {
  const contest = model.contests[index]!;
  const escrow = await escrowOf(db(), contest.id);
  expect(escrow.status).toBe(contest.status);
  expect(escrow.held).toBe(contest.status === "held" ? contest.prize + contest.fee : 0);
}

/** Invariant: no designer balance goes negative (and each one is what the model says). */
async function expectWallets(model: Model, all = false) {
  for (const [id, wallet] of model.wallets) {
    if (!all && !model.touched.has(id)) continue;
    const [designer, currency] = id.split("|") as [string, Currency];
    const actual = await designerBalance(db(), model.designers[Number(designer)]!, currency);
    expect(actual.available, "no designer balance goes negative").toBeGreaterThanOrEqual(0);
    expect({ available: actual.available, inFlight: actual.inFlight, paidOut: actual.paidOut }).toEqual(
      wallet,
    );
  }
  model.touched.clear();
}

/** Let every provider call finish: payouts in flight, charges whose answer was lost, dead providers. */
async function drain(model: Model, provider: ScriptedProvider) {
  for (
    let round = 0;
    round < 3 && [...model.payouts.values()].some((p) => p.state === "in_flight");
    round++
  ) {
    await retryPayouts(model, provider);
  }
  expect([...model.payouts.values()].filter((p) => p.state === "in_flight")).toEqual([]);
  await reconcileCharges(model, provider);
  advanceClock(KEY_LIFETIME_MS);
  const abandoned = await reconcilePendingCharges({ provider });
  expect(abandoned.every((r) => !r.ok && r.reason === "needs_review")).toBe(true);
  for (const intent of model.intents.values()) if (intent.state === "pending") intent.state = "needs_review";
}

const sum = (rows: { amount: number | string | null }[]) =>
  rows.reduce((s, r) => s + Number(r.amount ?? 0), 0);

async function finalChecks(model: Model) {
  // Invariant: the ledger balances (every currency's accounts add up to zero).
  const trial = await trialBalance(db());
  expect(trial.balanced, `trial balance: ${JSON.stringify(trial.currencies)}`).toBe(true);

  // Invariant: each escrow resolves at most once.
  const contestIds = model.contests.map((c) => c.id);
  const resolutions = await db()
    .selectFrom("ledger_transfers")
    .select(["pending_id", (eb) => eb.fn.countAll().as("n")])
    .where("contest_id", "in", contestIds)
    .where("pending_id", "is not", null)
    .groupBy("pending_id")
    .execute();
  expect(resolutions.every((r) => Number(r.n) === 1)).toBe(true);
  expect(resolutions).toHaveLength(
    model.contests.filter((c) => c.status === "awarded" || c.status === "refunded").length,
  );
  for (let c = 0; c < CONTESTS; c++) await expectEscrow(model, c);
  await expectWallets(model, true);

  // Invariant: each payout reaches the provider at most once per idempotency key, and the provider
  // paid exactly the payouts the ledger posted.
  const providerPayouts = await db()
    .selectFrom("sandbox_operations")
    .select(["idempotency_key", "outcome", "amount"])
    .where("kind", "=", "payout")
    .where("idempotency_key", "like", `payout:${model.run}-%`)
    .execute();
  const byKey = new Map(providerPayouts.map((p) => [p.idempotency_key, p]));
  expect(byKey.size).toBe(providerPayouts.length);
  for (const op of providerPayouts)
    expect(model.payouts.has(op.idempotency_key.slice("payout:".length))).toBe(true);
  for (const payout of model.payouts.values()) {
    const op = byKey.get(`payout:${payout.key}`);
    expect(op?.outcome === "succeeded", `payout ${payout.key} paid once by the provider`).toBe(
      payout.state === "paid",
    );
  }

  // Invariant: money is conserved, per currency. What came in through the provider (and is in the
  // ledger) = held + paid to designers + fees + refunded.
  for (const currency of ["USD", "EUR"] as const) {
    const contests = model.contests.filter((c) => c.currency === currency);
    if (contests.length === 0) continue;
    const ids = contests.map((c) => c.id);
    const clients = [...new Set(contests.map((c) => c.clientId))];
    const charges = await db()
      .selectFrom("sandbox_operations")
      .select("amount")
      .where("kind", "=", "charge")
      .where("outcome", "=", "succeeded")
      .where("currency", "=", currency)
      .where("idempotency_key", "like", `charge:${model.run}-%`)
      .execute();
    const providerRefunds = await db()
      .selectFrom("sandbox_operations")
      .select("amount")
      .where("kind", "=", "refund")
      .where("outcome", "=", "succeeded")
      .where("currency", "=", currency)
      .where("idempotency_key", "like", `refund:${model.run}-%`)
      .execute();
    const duplicateRefunds = await db()
      .selectFrom("payment_refunds")
      .innerJoin("sandbox_operations", (j) =>
        j.on((eb) =>
          eb(
            "sandbox_operations.idempotency_key",
            "=",
            sql<string>`'refund:' || payment_refunds.idempotency_key`,
          ),
        ),
      )
      .select("payment_refunds.amount")
      .where("payment_refunds.contest_id", "in", ids)
      .where("payment_refunds.reason", "=", "duplicate_charge")
      .where("sandbox_operations.outcome", "=", "succeeded")
      .execute();

    let cameIn = 0;
    for (const clientId of clients) {
      const b = await balanceOf(db(), { kind: "client_payments", clientId, currency });
      cameIn += b.debitsPosted + b.debitsPending;
    }
    let held = 0;
    for (const contestId of ids) {
      held += (await balanceOf(db(), { kind: "contest_escrow", contestId, currency })).pending;
    }
    // Each designer's balance was just compared with the database: earned = available + in flight + paid out.
    const toDesigners = [...model.wallets.entries()]
      .filter(([id]) => id.endsWith(`|${currency}`))
      .reduce((s, [, w]) => s + w.available + w.inFlight + w.paidOut, 0);
    const movedFor = (codes: string[]) =>
      db()
        .selectFrom("ledger_transfers")
        .select("amount")
        .where("contest_id", "in", ids)
        .where("code", "in", codes)
        .execute();
    const fees = sum(await movedFor(["platform_fee"]));
    const refunded = sum(await movedFor(["refund", "duplicate_refund"]));

    expect(cameIn, `${currency}: what came in through the provider is in the ledger`).toBe(sum(charges));
    expect(cameIn, `${currency}: came in = held + paid to designers + fees + refunded`).toBe(
      held + toDesigners + fees + refunded,
    );
    expect(refunded, `${currency}: what the ledger refunded went back through the provider`).toBe(
      sum(providerRefunds) + sum(duplicateRefunds),
    );
    const modelHeld = contests.filter((c) => c.status === "held").reduce((s, c) => s + c.prize + c.fee, 0);
    const modelFees = contests.filter((c) => c.status === "awarded").reduce((s, c) => s + c.fee, 0);
    expect({ held, fees }).toEqual({ held: modelHeld, fees: modelFees });
  }
}

let runs = 0;
const prizeArb = fc.array(fc.integer({ min: 100_00, max: 5_000_00 }), {
  minLength: CONTESTS,
  maxLength: CONTESTS,
});

describe("escrow properties (fast-check)", () => {
  it(
    `random hold / award (1–6 finalists) / refund / payout / provider-failure sequences keep the ledger balanced (trial balance zero), no designer balance negative, each escrow resolved at most once, each payout at most once per idempotency key at the provider, and money conserved (${RUNS} runs)`,
    async () => {
      freezeClock(Date.UTC(2026, 0, 1));
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(
          prizeArb,
          fc.array(commandArb, { minLength: 1, maxLength: 14 }),
          async (prizes, commands) => {
            const model = new Model(`p${++runs}${newId().slice(0, 6)}`, prizes);
            const provider = new ScriptedProvider();
            for (const command of commands) await step(model, provider, command);
            await drain(model, provider);
            await finalChecks(model);
          },
        ),
        { numRuns: RUNS },
      );
      timings.sequences = performance.now() - started;
    },
    TIMEOUT_MS,
  );

  it(
    `each escrow resolves at most once when awards and refunds race and are retried (${RACE_RUNS} runs)`,
    async () => {
      const started = performance.now();
      const op = fc.record({
        kind: fc.constantFrom("award" as const, "refund" as const),
        key: fc.constantFrom("k1", "k2"),
        winners: fc.integer({ min: 1, max: 6 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 100_00, max: 5_000_00 }),
          fc.array(op, { minLength: 2, maxLength: 5 }),
          async (prize, ops) => {
            const run = `r${++runs}${newId().slice(0, 6)}`;
            const contestId = `${run}-contest`;
            const hold = await transaction((trx) =>
              holdInEscrow(trx, {
                contestId,
                clientId: `${run}-client`,
                prize,
                fee: platformFee(prize, "USD"),
                currency: "USD",
                idempotencyKey: `${run}-hold`,
                paymentRef: `${run}-ref`,
              }),
            );
            expect(hold.ok).toBe(true);
            const attempt = (o: (typeof ops)[number]) =>
              transaction((trx): Promise<ResolveResult> =>
                o.kind === "award"
                  ? awardEscrow(trx, {
                      contestId,
                      awards: equalAwards(
                        prize,
                        Array.from({ length: o.winners }, (_, i) => `${run}-d${i}`),
                      ),
                      idempotencyKey: `${run}-award-${o.key}`,
                    })
                  : refundEscrow(trx, { contestId, idempotencyKey: `${run}-refund-${o.key}` }),
              );
            const raced = await Promise.all(ops.map(attempt));
            const retried = [];
            for (const o of ops) retried.push(await attempt(o));
            const all = [...raced, ...retried];
            const winners = all.filter((r) => r.ok && !r.replayed);
            expect(winners).toHaveLength(1);
            const winner = winners[0]!;
            const outcome = winner.ok ? winner.outcome : null;
            for (const r of all) {
              if (r.ok) expect(r.outcome).toBe(outcome);
              else expect(r).toEqual({ ok: false, reason: "already_resolved", outcome });
            }
            const resolving = await db()
              .selectFrom("ledger_transfers")
              .select("id")
              .where("contest_id", "=", contestId)
              .where("pending_id", "is not", null)
              .execute();
            expect(resolving).toHaveLength(1);
            expect((await escrowOf(db(), contestId)).status).toBe(outcome);
          },
        ),
        { numRuns: RACE_RUNS },
      );
      timings.races = performance.now() - started;
    },
    TIMEOUT_MS,
  );

  it(
    `no designer balance goes negative when payouts race (${RACE_RUNS} runs)`,
    async () => {
      const started = performance.now();
      const provider = new SandboxProvider();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 1_000_00 }),
          fc.array(fc.integer({ min: 1, max: 1_000_00 }), { minLength: 2, maxLength: 4 }),
          async (balance, amounts) => {
            const run = `q${++runs}${newId().slice(0, 6)}`;
            const designerId = `${run}-designer`;
            await transaction(async (trx) => {
              await holdInEscrow(trx, {
                contestId: `${run}-contest`,
                clientId: `${run}-client`,
                prize: balance,
                fee: 0,
                currency: "USD",
                idempotencyKey: `${run}-hold`,
                paymentRef: `${run}-ref`,
              });
              await awardEscrow(trx, {
                contestId: `${run}-contest`,
                awards: [{ designerId, amount: balance }],
                idempotencyKey: `${run}-award`,
              });
            });
            const results = await Promise.all(
              amounts.map((amount, i) =>
                requestPayout(
                  { designerId, amount, currency: "USD", idempotencyKey: `${run}-p${i}` },
                  { provider },
                ),
              ),
            );
            const paid = results.reduce((s, r, i) => s + (r.ok ? amounts[i]! : 0), 0);
            for (const r of results) expect(r.ok || r.reason === "insufficient_balance").toBe(true);
            const after = await designerBalance(db(), designerId, "USD");
            expect(after.available).toBeGreaterThanOrEqual(0);
            expect(after).toMatchObject({ available: balance - paid, paidOut: paid, inFlight: 0 });
            if (amounts.some((a) => a <= balance)) expect(paid).toBeGreaterThan(0);
          },
        ),
        { numRuns: RACE_RUNS },
      );
      timings.payoutRaces = performance.now() - started;
      // Printed for the record (the report quotes these): runs and milliseconds per property.
      process.stdout.write(
        `escrow properties on ${isPostgresRun() ? "PostgreSQL" : "SQLite"}: ` +
          `${RUNS} sequence runs in ${Math.round(timings.sequences ?? 0)} ms, ` +
          `${RACE_RUNS} escrow races in ${Math.round(timings.races ?? 0)} ms, ` +
          `${RACE_RUNS} payout races in ${Math.round(timings.payoutRaces ?? 0)} ms\n`,
      );
    },
    TIMEOUT_MS,
  );
});

const timings: { sequences?: number; races?: number; payoutRaces?: number } = {};
