import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Refusal } from "~/modules/refusal";
import { refusalMessage } from "~/utils/refusals.server";
import { db, transaction } from "~db/index";
import { escrowOf, designerBalance } from "~/modules/escrow/ledger-reads.server";
import { awardEscrow, refundEscrow } from "~/modules/escrow/ledger.server";
import { chargeForContest, refundContestCharge, requestPayout } from "~/modules/escrow/payments.server";
import { type ChargeRequest } from "~/modules/escrow/provider";
import { StripeProvider } from "~/modules/escrow/stripe.server";
import { STRIPE_API_VERSION } from "~/modules/escrow/stripe.server";
import { newId } from "~/utils/ids.server";
import { STRIPE_TEST_BASE, STRIPE_TEST_KEY, createFakeStripe, type FakeStripe } from "../mocks/stripe";

let fake: FakeStripe = createFakeStripe();
const server = setupServer();
const TIMEOUT_MS = 150;
const stripe = new StripeProvider({
  apiBase: STRIPE_TEST_BASE,
  secretKey: STRIPE_TEST_KEY,
  timeoutMs: TIMEOUT_MS,
});

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fake = createFakeStripe();
  server.resetHandlers(...fake.handlers);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const chargeRequest = (overrides: Partial<ChargeRequest> = {}): ChargeRequest => ({
  amount: 575_00,
  currency: "USD",
  method: { paymentMethod: "pm_card_visa" },
  idempotencyKey: `charge:${newId()}`,
  metadata: { contest_id: "c1" },
  ...overrides,
});

describe("the Stripe adapter", () => {
  it("creates a confirmed PaymentIntent with a form-encoded POST, a Bearer key and an Idempotency-Key", async () => {
    const request = chargeRequest();
    const result = await stripe.charge(request);
    expect(result).toEqual({ status: "succeeded", providerRef: "pi_1" });
    const [sent] = fake.requests;
    expect(sent!.path).toBe("/v1/payment_intents");
    expect(sent!.key).toBe(request.idempotencyKey);
    expect(sent!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(sent!.headers.get("stripe-version")).toBe(STRIPE_API_VERSION);
    expect(Object.fromEntries(sent!.form)).toEqual({
      amount: "57500",
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: "true",
      "automatic_payment_methods[enabled]": "true",
      "automatic_payment_methods[allow_redirects]": "never",
      "metadata[contest_id]": "c1",
    });
  });

  it("reads a decline from Stripe's error body: decline_code first, then code", async () => {
    const insufficient = await stripe.charge(
      chargeRequest({ method: { paymentMethod: "pm_card_chargeDeclinedInsufficientFunds" } }),
    );
    expect(insufficient).toMatchObject({ status: "declined", code: "insufficient_funds" });
    const expired = await stripe.charge(chargeRequest({ method: { card: "4000 0000 0000 0069" } }));
    expect(expired).toMatchObject({ status: "declined", code: "expired_card" });
    expect(fake.requests[1]!.form.get("payment_method")).toBe("pm_card_chargeDeclinedExpiredCard");
    expect(fake.executed.paymentIntents).toBe(0);
  });

  it("never sends a raw card number", async () => {
    const result = await stripe.charge(chargeRequest({ method: { card: "5555555555554444" } }));
    expect(result).toMatchObject({ status: "declined", code: "invalid_request" });
    expect(fake.requests).toHaveLength(0);
  });

  it("gives up on a provider that never answers, with a transient timeout", async () => {
    fake.hang = true;
    const started = Date.now();
    const result = await stripe.charge(chargeRequest());
    expect(result).toEqual({
      status: "transient",
      code: "timeout",
      detail: `no answer from Stripe within ${TIMEOUT_MS} ms`,
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2_000);
  });

  it("treats a provider 5xx as transient, and Stripe replays it for the same key", async () => {
    fake.failNext = {
      status: 500,
      error: { type: "api_error", message: "Something went wrong on Stripe's end." },
    };
    const request = chargeRequest();
    expect(await stripe.charge(request)).toEqual({
      status: "transient",
      code: "provider_error",
      detail: "Something went wrong on Stripe's end.",
    });
    expect(await stripe.charge(request)).toMatchObject({ status: "transient", code: "provider_error" });
    expect(await stripe.charge(chargeRequest())).toMatchObject({ status: "succeeded" });
  });

  it("treats rate limits, a concurrent request with the key, and bad credentials as transient", async () => {
    fake.failNext = { status: 429, error: { type: "invalid_request_error", code: "rate_limit" } };
    expect(await stripe.charge(chargeRequest())).toMatchObject({ status: "transient", code: "rate_limited" });
    fake.failNext = { status: 409, error: { type: "idempotency_error", code: "idempotency_key_in_use" } };
    expect(await stripe.charge(chargeRequest())).toMatchObject({ status: "transient", code: "in_progress" });
    const wrongKey = new StripeProvider({
      apiBase: STRIPE_TEST_BASE,
      secretKey: "sk_test_wrong",
      timeoutMs: 1000,
    });
    expect(await wrongKey.charge(chargeRequest())).toMatchObject({
      status: "transient",
      code: "provider_error",
    });
    expect(fake.executed.paymentIntents).toBe(0);
  });

  it("charges once when the answer times out after Stripe charged and the call is retried with the key", async () => {
    fake.slowAfterExecuting = TIMEOUT_MS * 4;
    const request = chargeRequest();
    expect(await stripe.charge(request)).toMatchObject({ status: "transient", code: "timeout" });
    expect(fake.executed.paymentIntents).toBe(1);
    expect(await stripe.charge(request)).toEqual({ status: "succeeded", providerRef: "pi_1" });
    expect(fake.executed.paymentIntents).toBe(1);
    expect(fake.requests.map((r) => r.key)).toEqual([request.idempotencyKey, request.idempotencyKey]);
  });

  it("refunds a PaymentIntent and pays designers by transfer to their connected account", async () => {
    const charged = await stripe.charge(chargeRequest());
    const ref = charged.status === "succeeded" ? charged.providerRef : "";
    const refund = await stripe.refund({
      chargeRef: ref,
      amount: 575_00,
      currency: "USD",
      idempotencyKey: newId(),
    });
    expect(refund).toMatchObject({ status: "succeeded", providerRef: expect.stringMatching(/^re_/) });
    expect(Object.fromEntries(fake.requests[1]!.form)).toMatchObject({
      payment_intent: ref,
      amount: "57500",
    });
    const payout = await stripe.payout({
      amount: 100_00,
      currency: "USD",
      destination: "acct_1",
      idempotencyKey: newId(),
    });
    expect(payout).toMatchObject({ status: "succeeded", providerRef: expect.stringMatching(/^tr_/) });
    expect(fake.requests[2]!.path).toBe("/v1/transfers");
    const nowhere = await stripe.payout({
      amount: 1,
      currency: "USD",
      destination: "bank-123",
      idempotencyKey: newId(),
    });
    expect(nowhere).toMatchObject({ status: "declined", code: "invalid_destination" });
  });
});

describe("the money commands through Stripe", () => {
  const charge = () => ({
    contestId: `contest-${newId()}`,
    clientId: `client-${newId()}`,
    prize: 500_00,
    fee: 75_00,
    currency: "USD",
    paymentMethod: "pm_card_visa",
    idempotencyKey: `pay-${newId()}`,
  });

  it("charge once when the client retries after a timeout, and tell a declined client why", async () => {
    const input = charge();
    fake.slowAfterExecuting = TIMEOUT_MS * 4;
    expect(await chargeForContest(input, { provider: stripe })).toMatchObject({
      ok: false,
      reason: "try_again",
    });
    expect(await chargeForContest(input, { provider: stripe })).toMatchObject({ ok: true });
    expect(fake.executed.paymentIntents).toBe(1);
    expect(await escrowOf(db(), input.contestId)).toMatchObject({ status: "held", held: 575_00 });

    const declined = await chargeForContest(
      { ...charge(), paymentMethod: "pm_card_chargeDeclinedInsufficientFunds" },
      { provider: stripe },
    );
    expect(declined).toMatchObject({ ok: false, reason: "declined" });
    expect(refusalMessage(declined as Refusal, "en")).toBe("Your card was declined: insufficient funds.");
  });

  it("refund the charge of a refunded contest, and pay a designer out", async () => {
    const refunded = charge();
    await chargeForContest(refunded, { provider: stripe });
    await transaction((trx) => refundEscrow(trx, { contestId: refunded.contestId, idempotencyKey: newId() }));
    const refund = await refundContestCharge(
      { contestId: refunded.contestId, idempotencyKey: newId() },
      { provider: stripe },
    );
    expect(refund).toMatchObject({ ok: true, status: "refunded" });
    expect(fake.executed.refunds).toBe(1);

    const awarded = charge();
    await chargeForContest(awarded, { provider: stripe });
    const designerId = `designer-${newId()}`;
    await transaction((trx) =>
      awardEscrow(trx, {
        contestId: awarded.contestId,
        awards: [{ designerId, amount: 500_00 }],
        idempotencyKey: newId(),
      }),
    );
    const input = {
      designerId,
      amount: 500_00,
      currency: "USD",
      idempotencyKey: newId(),
      destination: "acct_42",
    };
    fake.slowAfterExecuting = TIMEOUT_MS * 4;
    expect(await requestPayout(input, { provider: stripe })).toMatchObject({ ok: true, status: "in_flight" });
    expect(await requestPayout(input, { provider: stripe })).toMatchObject({ ok: true, status: "paid" });
    expect(fake.executed.transfers).toBe(1);
    expect(await designerBalance(db(), designerId, "USD")).toMatchObject({ available: 0, paidOut: 500_00 });
  });
});
