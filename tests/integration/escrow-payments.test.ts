import { describe, expect, it } from "vitest";
import type { Refusal } from "~/modules/refusal";
import { refusalMessage } from "~/utils/refusals.server";
import { paymentNoticeText } from "~/modules/escrow/notices";
import { db, inTransaction, transaction } from "~db/index";
import { runDueJobs } from "~/modules/jobs/queue.server";
import { platformFee } from "~/modules/escrow/ledger";
import {
  clientReceipts,
  designerBalance,
  designerMovements,
  escrowOf,
} from "~/modules/escrow/ledger-reads.server";
import { awardEscrow, refundEscrow } from "~/modules/escrow/ledger.server";
import {
  chargeForContest,
  designerPayouts,
  enqueueChargeRefund,
  reconcileCharge,
  refundContestCharge,
  registerEscrowJobs,
  requestPayout,
  retryPendingPayouts,
  type ChargeInput,
} from "~/modules/escrow/payments.server";
import { SANDBOX_CARDS, transient, type PaymentProvider } from "~/modules/escrow/provider";
import {
  KEY_LIFETIME_MS,
  RETRY_AFTER_MS,
  ProviderCallInTransaction,
  guardedProvider,
} from "~/modules/escrow/provider-call.server";
import { SANDBOX_DESTINATIONS, SandboxProvider } from "~/modules/escrow/sandbox.server";
import { advanceClock, freezeClock, resetClock } from "~/utils/clock.server";
import { HOUR } from "~/utils/durations";
import { newId } from "~/utils/ids.server";

const sandbox = new SandboxProvider();

function charge(overrides: Partial<ChargeInput> = {}): ChargeInput {
  return {
    contestId: `contest-${newId()}`,
    clientId: `client-${newId()}`,
    prize: 500_00,
    fee: platformFee(500_00, "USD"),
    currency: "USD",
    idempotencyKey: `pay-${newId()}`,
    card: SANDBOX_CARDS.success,
    ...overrides,
  } as ChargeInput;
}

/** How many charges, refunds or payouts the sandbox actually executed for our key. */
const executed = (kind: "charge" | "refund" | "payout", key: string) => sandbox.executions(`${kind}:${key}`);

const sandboxRows = async () =>
  Number(
    (
      await db()
        .selectFrom("sandbox_operations")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A designer with `amount` earned from a contest of their own. */
async function designerWith(amount: number) {
  const designerId = `designer-${newId()}`;
  const funded = charge({ prize: amount, fee: 0 });
  const paid = await chargeForContest(funded);
  expect(paid.ok).toBe(true);
  const awarded = await transaction((trx) =>
    awardEscrow(trx, {
      contestId: funded.contestId,
      awards: [{ designerId, amount }],
      idempotencyKey: `award-${funded.contestId}`,
    }),
  );
  expect(awarded.ok).toBe(true);
  return designerId;
}

/** Wraps a provider: the next payout calls fail before reaching it (the network, or a crash). */
function unreachable(inner: PaymentProvider): PaymentProvider & { calls: number } {
  return {
    name: "unreachable",
    calls: 0,
    charge: (r) => inner.charge(r),
    refund: (r) => inner.refund(r),
    async payout() {
      this.calls++;
      return transient("network_error", "connection reset before the request was sent");
    },
  };
}

describe("charging a client for a contest (sandbox provider)", () => {
  it("charges the card and holds the prize and fee in escrow", async () => {
    const input = charge();
    const result = await chargeForContest(input);
    expect(result).toMatchObject({ ok: true, replayed: false });
    expect(result.ok && paymentNoticeText(result.notice, "en")).toBe(
      "Payment received: $575.00 is held in escrow for your contest.",
    );
    expect(await escrowOf(db(), input.contestId)).toMatchObject({ status: "held", held: 575_00 });
    expect(await executed("charge", input.idempotencyKey)).toBe(1);
    const intent = await db()
      .selectFrom("payment_intents")
      .selectAll()
      .where("idempotency_key", "=", input.idempotencyKey)
      .executeTakeFirstOrThrow();
    expect(intent).toMatchObject({ status: "succeeded", method_label: "card •••• 4242", attempts: 1 });
    expect(result.ok && result.providerRef).toBe(intent.provider_ref);
  });

  it("tells the client why a card was declined, and holds nothing", async () => {
    const cases = [
      [
        SANDBOX_CARDS.genericDecline,
        "generic_decline",
        "Your card was declined. Try another card or ask your bank.",
      ],
      [SANDBOX_CARDS.insufficientFunds, "insufficient_funds", "Your card was declined: insufficient funds."],
      [SANDBOX_CARDS.expiredCard, "expired_card", "Your card was declined: it has expired."],
      [SANDBOX_CARDS.lostCard, "lost_card", "Your card was declined. Try another card or ask your bank."],
      ["4242424242424241", "incorrect_number", "That card number is not right. Check it and try again."],
    ] as const;
    for (const [card, code, message] of cases) {
      const input = charge({ card });
      const result = await chargeForContest(input);
      expect(result).toMatchObject({ ok: false, reason: "declined", code });
      expect(refusalMessage(result as Refusal, "en")).toBe(message);
      expect((await escrowOf(db(), input.contestId)).status).toBe("none");
      // The same attempt again gets the same answer, without a second call that could charge.
      const rows = await sandboxRows();
      expect(await chargeForContest(input)).toMatchObject({ ok: false, reason: "declined", code });
      expect(await sandboxRows()).toBe(rows);
    }
  });

  it("charges once on a double click (two requests with the same key at once)", async () => {
    const input = charge();
    const results = await Promise.all([chargeForContest(input), chargeForContest(input)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await executed("charge", input.idempotencyKey)).toBe(1);
    expect(await escrowOf(db(), input.contestId)).toMatchObject({ status: "held", held: 575_00 });
    const holds = await db()
      .selectFrom("escrows")
      .select("contest_id")
      .where("contest_id", "=", input.contestId)
      .execute();
    expect(holds).toHaveLength(1);
  });

  it("charges once when the answer timed out after the provider charged, and the client retries", async () => {
    const input = charge({ card: SANDBOX_CARDS.timeoutAfterSuccess });
    const first = await chargeForContest(input);
    expect(first).toMatchObject({ ok: false, reason: "try_again", code: "timeout" });
    expect(refusalMessage(first as Refusal, "en")).toBe(
      "We did not get an answer from the payment provider. Try again in a moment: you will not be charged twice.",
    );
    expect(await executed("charge", input.idempotencyKey)).toBe(1); // the money did move
    expect((await escrowOf(db(), input.contestId)).status).toBe("none");
    const retry = await chargeForContest(input);
    expect(retry).toMatchObject({ ok: true });
    expect(await executed("charge", input.idempotencyKey)).toBe(1);
    expect((await escrowOf(db(), input.contestId)).held).toBe(575_00);
  });

  it("answers a replayed request from its record, without calling the provider", async () => {
    const input = charge();
    const first = await chargeForContest(input);
    const rows = await sandboxRows();
    const replay = await chargeForContest(input);
    expect(replay).toMatchObject({
      ok: true,
      replayed: true,
      providerRef: first.ok ? first.providerRef : "",
    });
    expect(await sandboxRows()).toBe(rows);
  });

  it("refuses a new payment for a funded contest before any money moves", async () => {
    const input = charge();
    await chargeForContest(input);
    const rows = await sandboxRows();
    const again = await chargeForContest({ ...input, idempotencyKey: `pay-${newId()}` });
    expect(again).toEqual({ ok: false, area: "charge", reason: "already_funded" });
    expect(refusalMessage(again as Refusal, "en")).toBe(
      "This contest's prize is already in escrow. Nothing more was charged.",
    );
    expect(await sandboxRows()).toBe(rows);
  });

  it("refuses a key reused for another payment, and amounts that are not whole minor units", async () => {
    const input = charge();
    await chargeForContest(input);
    expect(await chargeForContest({ ...input, prize: 600_00 })).toMatchObject({
      ok: false,
      reason: "key_reused",
    });
    expect(await chargeForContest(charge({ prize: 100.5 }))).toMatchObject({ ok: false, reason: "invalid" });
    expect(await chargeForContest(charge({ currency: "XYZ" }))).toMatchObject({
      ok: false,
      reason: "invalid",
    });
  });

  it("refunds a second charge that lost the race to fund the contest", async () => {
    freezeClock(Date.UTC(2026, 6, 1));
    const clientId = `client-${newId()}`;
    const contestId = `contest-${newId()}`;
    // Tab one: charged, but the answer is lost. Tab two: a new attempt that funds the contest.
    const lost = charge({ clientId, contestId, card: SANDBOX_CARDS.timeoutAfterSuccess });
    expect(await chargeForContest(lost)).toMatchObject({ reason: "try_again" });
    expect(await chargeForContest(charge({ clientId, contestId }))).toMatchObject({ ok: true });
    // Tab one retries: its charge went through, the contest is funded already, so it is refunded.
    const retried = await chargeForContest(lost);
    expect(retried).toMatchObject({ ok: false, reason: "duplicate_refunded" });
    expect(
      await executed(
        "refund",
        `duplicate:${retried.ok ? "" : "intentId" in retried ? retried.intentId : ""}`,
      ),
    ).toBe(1);
    const [receipt] = await clientReceipts(db(), clientId);
    expect(receipt).toMatchObject({ status: "held", paid: 2 * 575_00, refunded: 575_00 });
    expect(await escrowOf(db(), contestId)).toMatchObject({ status: "held", held: 575_00 });
  });

  it("settles a charge whose client went away, from its job", async () => {
    freezeClock(Date.UTC(2026, 6, 1));
    registerEscrowJobs();
    const input = charge({ card: SANDBOX_CARDS.timeoutAfterSuccess });
    expect(await chargeForContest(input)).toMatchObject({ reason: "try_again" });
    advanceClock(RETRY_AFTER_MS);
    await runDueJobs();
    expect(await escrowOf(db(), input.contestId)).toMatchObject({ status: "held", held: 575_00 });
    expect(await executed("charge", input.idempotencyKey)).toBe(1);
  });

  it("keeps a charge pending while the provider is unreachable, and hands it to a person after a day", async () => {
    freezeClock(Date.UTC(2026, 6, 1));
    const input = charge({ card: SANDBOX_CARDS.unavailable });
    const result = await chargeForContest(input);
    expect(result).toMatchObject({ ok: false, reason: "try_again", code: "provider_error" });
    expect(await executed("charge", input.idempotencyKey)).toBe(0);
    const intentId = result.ok ? "" : "intentId" in result ? result.intentId : "";
    advanceClock(HOUR);
    expect(await reconcileCharge(intentId)).toMatchObject({ reason: "try_again" });
    advanceClock(KEY_LIFETIME_MS);
    expect(await reconcileCharge(intentId)).toMatchObject({ ok: false, reason: "needs_review" });
    expect(await chargeForContest(input)).toMatchObject({ ok: false, reason: "needs_review" });
  });
});

describe("refunding a contest's charge", () => {
  it("returns the whole charge to the card once the escrow is voided, once", async () => {
    const input = charge();
    await chargeForContest(input);
    expect(
      await refundContestCharge({ contestId: input.contestId, idempotencyKey: "too-early" }),
    ).toMatchObject({
      ok: false,
      reason: "not_refunded",
    });
    await transaction((trx) => refundEscrow(trx, { contestId: input.contestId, idempotencyKey: newId() }));
    const key = `refund-${newId()}`;
    const result = await refundContestCharge({ contestId: input.contestId, idempotencyKey: key });
    expect(result).toMatchObject({
      ok: true,
      status: "refunded",
      amount: 575_00,
    });
    expect(result.ok && paymentNoticeText(result.notice, "en")).toBe(
      "$575.00 has been refunded to your card. Banks take 5 to 10 days to show it.",
    );
    const again = await refundContestCharge({
      contestId: input.contestId,
      idempotencyKey: `other-${newId()}`,
    });
    expect(again).toMatchObject({ ok: true, status: "refunded", replayed: true });
    expect(await executed("refund", key)).toBe(1);
    const other = charge();
    await chargeForContest(other);
    await transaction((trx) => refundEscrow(trx, { contestId: other.contestId, idempotencyKey: newId() }));
    expect(await refundContestCharge({ contestId: other.contestId, idempotencyKey: key })).toMatchObject({
      ok: false,
      reason: "key_reused",
    });
  });

  it("is queued with the escrow's refund and done by a job", async () => {
    registerEscrowJobs();
    const input = charge();
    await chargeForContest(input);
    await transaction(async (trx) => {
      await refundEscrow(trx, { contestId: input.contestId, idempotencyKey: newId() });
      await enqueueChargeRefund(trx, input.contestId);
    });
    await runDueJobs();
    const refund = await db()
      .selectFrom("payment_refunds")
      .selectAll()
      .where("contest_id", "=", input.contestId)
      .executeTakeFirstOrThrow();
    expect(refund).toMatchObject({ status: "succeeded", amount: 575_00, reason: "contest_refunded" });
  });
});

describe("payouts to designers", () => {
  it("pay out of the balance: pending in flight, posted when the provider confirms", async () => {
    const designerId = await designerWith(500_00);
    const key = `payout-${newId()}`;
    const result = await requestPayout({ designerId, amount: 200_00, currency: "USD", idempotencyKey: key });
    expect(result).toMatchObject({
      ok: true,
      status: "paid",
    });
    expect(result.ok && paymentNoticeText(result.notice, "en")).toBe("Your payout of $200.00 has been sent.");
    expect(await designerBalance(db(), designerId, "USD")).toEqual({
      currency: "USD",
      available: 300_00,
      inFlight: 0,
      paidOut: 200_00,
    });
    expect(await executed("payout", key)).toBe(1);
    const movements = await designerMovements(db(), designerId);
    expect(movements.map((m) => [m.kind, m.amount, m.payoutStatus])).toEqual([
      ["prize", 500_00, null],
      ["payout", -200_00, "paid"],
    ]);
  });

  it("never take more than the balance", async () => {
    const designerId = await designerWith(300_00);
    const result = await requestPayout({
      designerId,
      amount: 300_01,
      currency: "USD",
      idempotencyKey: newId(),
    });
    expect(result).toEqual({
      ok: false,
      area: "payout_send",
      reason: "insufficient_balance",
      available: 300_00,
      vars: { available: 300_00, currency: "USD" },
    });
    expect(refusalMessage(result as Refusal, "en")).toBe("You can withdraw at most $300.00.");
    const stranger = await requestPayout({
      designerId: "nobody",
      amount: 1,
      currency: "USD",
      idempotencyKey: newId(),
    });
    expect(stranger).toMatchObject({ ok: false, reason: "insufficient_balance", available: 0 });
  });

  it("let exactly one of two racing payouts of the whole balance through", async () => {
    for (let round = 0; round < 5; round++) {
      const designerId = await designerWith(250_00);
      const results = await Promise.all(
        ["a", "b"].map((k) =>
          requestPayout({
            designerId,
            amount: 250_00,
            currency: "USD",
            idempotencyKey: `${designerId}-${k}`,
          }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === "insufficient_balance")).toHaveLength(1);
      expect(await designerBalance(db(), designerId, "USD")).toMatchObject({ available: 0, paidOut: 250_00 });
    }
  });

  it("give the money back to the balance when the provider refuses, with a message for the designer", async () => {
    const designerId = await designerWith(400_00);
    const result = await requestPayout({
      designerId,
      amount: 400_00,
      currency: "USD",
      idempotencyKey: newId(),
      destination: SANDBOX_DESTINATIONS.closed,
    });
    expect(result).toMatchObject({ ok: false, reason: "failed", code: "account_closed" });
    expect(refusalMessage(result as Refusal, "en")).toBe(
      "Your payout could not be sent: the receiving account is closed. The money is back in your balance.",
    );
    expect(await designerBalance(db(), designerId, "USD")).toMatchObject({
      available: 400_00,
      inFlight: 0,
      paidOut: 0,
    });
    const [payout] = await designerPayouts(designerId);
    expect(payout).toMatchObject({ status: "failed", failureCode: "account_closed" });
    expect((await designerMovements(db(), designerId)).map((m) => [m.kind, m.amount])).toEqual([
      ["prize", 400_00],
      ["payout", -400_00],
      ["payout_returned", 400_00],
    ]);
  });

  it("list the returned money after the payout even when both happen in the same millisecond", async () => {
    const designerId = await designerWith(300_00);
    freezeClock(Date.now());
    try {
      const result = await requestPayout({
        designerId,
        amount: 300_00,
        currency: "USD",
        idempotencyKey: newId(),
        destination: SANDBOX_DESTINATIONS.closed,
      });
      expect(result).toMatchObject({ ok: false, reason: "failed" });
    } finally {
      resetClock();
    }
    const movements = await designerMovements(db(), designerId);
    expect(movements.map((m) => m.kind)).toEqual(["prize", "payout", "payout_returned"]);
    expect(movements[2]!.at).toBeGreaterThan(movements[1]!.at);
  });

  it("pay once when the answer timed out after the provider paid, and the request is retried", async () => {
    const designerId = await designerWith(100_00);
    const input = {
      designerId,
      amount: 100_00,
      currency: "USD",
      idempotencyKey: `payout-${newId()}`,
      destination: SANDBOX_DESTINATIONS.timeoutAfterSuccess,
    };
    const first = await requestPayout(input);
    expect(first).toMatchObject({
      ok: true,
      status: "in_flight",
    });
    expect(first.ok && paymentNoticeText(first.notice, "en")).toBe(
      "Your payout of $100.00 is on its way. We will confirm it when the provider does.",
    );
    expect(await designerBalance(db(), designerId, "USD")).toMatchObject({ available: 0, inFlight: 100_00 });
    const retry = await requestPayout(input);
    expect(retry).toMatchObject({ ok: true, status: "paid", replayed: true });
    expect(await executed("payout", input.idempotencyKey)).toBe(1);
    expect(await designerBalance(db(), designerId, "USD")).toMatchObject({
      available: 0,
      inFlight: 0,
      paidOut: 100_00,
    });
    expect(await requestPayout({ ...input, amount: 50_00 })).toMatchObject({
      ok: false,
      reason: "key_reused",
    });
  });

  it("are finished by retryPendingPayouts after a crash left them in flight", async () => {
    freezeClock(Date.UTC(2026, 6, 1));
    const designerId = await designerWith(120_00);
    const broken = unreachable(sandbox);
    const key = `payout-${newId()}`;
    const first = await requestPayout(
      { designerId, amount: 120_00, currency: "USD", idempotencyKey: key },
      { provider: broken },
    );
    expect(first).toMatchObject({ ok: true, status: "in_flight" });
    expect(broken.calls).toBe(1);
    // Not yet: a live request may still be working on it.
    expect(await retryPendingPayouts({ provider: sandbox })).toEqual([]);
    advanceClock(RETRY_AFTER_MS);
    const retried = await retryPendingPayouts({ provider: sandbox });
    expect(retried.filter((r) => r.ok && r.payout.designerId === designerId)).toMatchObject([
      { status: "paid" },
    ]);
    expect(await retryPendingPayouts({ provider: sandbox })).toEqual([]);
    expect(await executed("payout", key)).toBe(1);
    expect(await designerBalance(db(), designerId, "USD")).toMatchObject({
      available: 0,
      inFlight: 0,
      paidOut: 120_00,
    });
  });

  it("are finished by their own job too, and handed to a person when the provider stays silent a day", async () => {
    freezeClock(Date.UTC(2026, 6, 1));
    registerEscrowJobs();
    const designerId = await designerWith(80_00);
    const ok = await requestPayout(
      { designerId, amount: 30_00, currency: "USD", idempotencyKey: newId() },
      { provider: unreachable(sandbox) },
    );
    const silent = await requestPayout({
      designerId,
      amount: 50_00,
      currency: "USD",
      idempotencyKey: newId(),
      destination: SANDBOX_DESTINATIONS.unavailable,
    });
    expect([ok, silent].map((r) => r.ok && r.status)).toEqual(["in_flight", "in_flight"]);
    advanceClock(RETRY_AFTER_MS);
    await runDueJobs();
    expect(await designerBalance(db(), designerId, "USD")).toMatchObject({ paidOut: 30_00, inFlight: 50_00 });
    advanceClock(KEY_LIFETIME_MS);
    const [stuck] = await retryPendingPayouts();
    expect(stuck).toMatchObject({ ok: false, reason: "needs_review" });
    // The money stays in flight until a person checks the provider: never paid twice, never lost.
    expect(await designerBalance(db(), designerId, "USD")).toMatchObject({ available: 0, inFlight: 50_00 });
  });
});

/** Wraps a provider: records, for each call, whether it was made inside a database transaction. */
function recording(
  inner: PaymentProvider,
): PaymentProvider & { calls: { operation: string; inTransaction: boolean }[] } {
  const calls: { operation: string; inTransaction: boolean }[] = [];
  return {
    name: "recording",
    calls,
    charge: (r) => (calls.push({ operation: "charge", inTransaction: inTransaction() }), inner.charge(r)),
    refund: (r) => (calls.push({ operation: "refund", inTransaction: inTransaction() }), inner.refund(r)),
    payout: (r) => (calls.push({ operation: "payout", inTransaction: inTransaction() }), inner.payout(r)),
  };
}

describe("the provider is called outside any database transaction", () => {
  it("refuses a provider call made inside a transaction, before it reaches the provider", async () => {
    const spy = recording(sandbox);
    const provider = guardedProvider(spy);
    const request = {
      amount: 100_00,
      currency: "USD",
      method: { card: SANDBOX_CARDS.success },
      idempotencyKey: `charge:in-transaction-${newId()}`,
    };
    await expect(transaction(() => provider.charge(request))).rejects.toThrow(ProviderCallInTransaction);
    await expect(
      transaction(() =>
        provider.payout({ amount: 1_00, currency: "USD", destination: "acct", idempotencyKey: newId() }),
      ),
    ).rejects.toThrow(ProviderCallInTransaction);
    expect(spy.calls).toEqual([]);
    expect(await sandbox.executions(request.idempotencyKey)).toBe(0);
    // Once the transaction is over, the same call goes through.
    expect(await provider.charge(request)).toMatchObject({ status: "succeeded" });
    expect(spy.calls).toEqual([{ operation: "charge", inTransaction: false }]);
  });

  it("lets charges, a duplicate's refund, contest refunds and payouts through, none in a transaction", async () => {
    freezeClock(Date.UTC(2026, 6, 1));
    registerEscrowJobs();
    const spy = recording(sandbox);
    const clientId = `client-${newId()}`;
    const contestId = `contest-${newId()}`;
    const lost = charge({ clientId, contestId, card: SANDBOX_CARDS.timeoutAfterSuccess });
    expect(await chargeForContest(lost, { provider: spy })).toMatchObject({ reason: "try_again" });
    expect(await chargeForContest(charge({ clientId, contestId }), { provider: spy })).toMatchObject({
      ok: true,
    });
    expect(await chargeForContest(lost, { provider: spy })).toMatchObject({ reason: "duplicate_refunded" });
    await transaction((trx) => refundEscrow(trx, { contestId, idempotencyKey: newId() }));
    expect(
      await refundContestCharge({ contestId, idempotencyKey: `refund-${newId()}` }, { provider: spy }),
    ).toMatchObject({ ok: true, status: "refunded" });
    const designerId = await designerWith(100_00);
    const payout = { designerId, amount: 100_00, currency: "USD", idempotencyKey: `payout-${newId()}` };
    expect(await requestPayout(payout, { provider: spy })).toMatchObject({ ok: true, status: "paid" });
    expect(spy.calls.map((c) => c.operation)).toEqual([
      "charge",
      "charge",
      "charge",
      "refund",
      "refund",
      "payout",
    ]);
    expect(spy.calls.every((c) => !c.inTransaction)).toBe(true);
  });
});
