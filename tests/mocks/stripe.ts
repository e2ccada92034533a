import { HttpResponse, delay, http, type HttpHandler, type JsonBodyType } from "msw";

/**
 * A fake Stripe for msw: the three endpoints the adapter calls, with Stripe's idempotency (the
 * first answer per Idempotency-Key is saved, 500s included, and replayed; other parameters with
 * the same key are refused) and its error bodies. Switches let a test make it slow or broken.
 */
export const STRIPE_TEST_BASE = "https://stripe.test";
export const STRIPE_TEST_KEY = "sk_test_concours";

type Saved = { status: number; body: JsonBodyType; params: string };

export interface FakeStripe {
  handlers: HttpHandler[];
  /** Every request received, in order. */
  requests: { path: string; key: string | null; form: URLSearchParams; headers: Headers }[];
  /** Money that moved, by kind: what "charged once" is asserted on. */
  executed: { paymentIntents: number; refunds: number; transfers: number };
  /** Never answer (the adapter's timeout must end the call). */
  hang: boolean;
  /** Execute, then wait this long before answering (a timeout after success). Reset after use. */
  slowAfterExecuting: number;
  /** Answer the next request with this HTTP error, before executing. Reset after use. */
  failNext: { status: number; error: Record<string, unknown> } | null;
}

const DECLINES: Record<string, { code: string; decline_code?: string; message: string }> = {
  pm_card_chargeDeclined: {
    code: "card_declined",
    decline_code: "generic_decline",
    message: "Your card was declined.",
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    code: "card_declined",
    decline_code: "insufficient_funds",
    message: "Your card has insufficient funds.",
  },
  pm_card_chargeDeclinedExpiredCard: { code: "expired_card", message: "Your card has expired." },
  pm_card_chargeDeclinedIncorrectCvc: {
    code: "incorrect_cvc",
    message: "Your card's security code is incorrect.",
  },
};

export function createFakeStripe(base = STRIPE_TEST_BASE): FakeStripe {
  const saved = new Map<string, Saved>();
  const succeededIntents = new Map<string, number>();
  let seq = 0;
  const fake: FakeStripe = {
    handlers: [],
    requests: [],
    executed: { paymentIntents: 0, refunds: 0, transfers: 0 },
    hang: false,
    slowAfterExecuting: 0,
    failNext: null,
  };

  const endpoint = (
    path: string,
    execute: (form: URLSearchParams) => { status: number; body: JsonBodyType },
  ): HttpHandler =>
    http.post(`${base}${path}`, async ({ request }) => {
      const params = await request.text();
      const form = new URLSearchParams(params);
      const key = request.headers.get("idempotency-key");
      fake.requests.push({ path, key, form, headers: request.headers });
      if (request.headers.get("authorization") !== `Bearer ${STRIPE_TEST_KEY}`) {
        return HttpResponse.json(
          { error: { type: "invalid_request_error", message: "Invalid API Key provided" } },
          { status: 401 },
        );
      }
      if (fake.hang) {
        await delay("infinite");
      }
      if (fake.failNext) {
        const { status, error } = fake.failNext;
        fake.failNext = null;
        if (key && status >= 500) saved.set(key, { status, body: { error }, params });
        return HttpResponse.json({ error }, { status });
      }
      const previous = key ? saved.get(key) : undefined;
      if (previous) {
        if (previous.params !== params) {
          return HttpResponse.json(
            {
              error: {
                type: "idempotency_error",
                message:
                  "Keys for idempotent requests can only be used with the same parameters they were first used with.",
              },
            },
            { status: 400 },
          );
        }
        return HttpResponse.json(previous.body, {
          status: previous.status,
          headers: { "idempotent-replayed": "true" },
        });
      }
      const answer = execute(form);
      if (key) saved.set(key, { ...answer, params });
      if (fake.slowAfterExecuting) {
        const wait = fake.slowAfterExecuting;
        fake.slowAfterExecuting = 0;
        await delay(wait);
      }
      return HttpResponse.json(answer.body, { status: answer.status });
    });

  fake.handlers = [
    endpoint("/v1/payment_intents", (form) => {
      const id = `pi_${++seq}`;
      const amount = Number(form.get("amount"));
      const method = form.get("payment_method") ?? "";
      const decline = DECLINES[method];
      if (decline) {
        return {
          status: 402,
          body: {
            error: {
              type: "card_error",
              ...decline,
              payment_intent: { id, object: "payment_intent", status: "requires_payment_method" },
            },
          },
        };
      }
      if (!method.startsWith("pm_")) {
        return {
          status: 400,
          body: {
            error: { type: "invalid_request_error", code: "resource_missing", param: "payment_method" },
          },
        };
      }
      fake.executed.paymentIntents++;
      succeededIntents.set(id, amount);
      return {
        status: 200,
        body: { id, object: "payment_intent", amount, currency: form.get("currency"), status: "succeeded" },
      };
    }),
    endpoint("/v1/refunds", (form) => {
      const intent = form.get("payment_intent") ?? "";
      const amount = Number(form.get("amount"));
      if (!succeededIntents.has(intent)) {
        return {
          status: 400,
          body: {
            error: { type: "invalid_request_error", code: "resource_missing", param: "payment_intent" },
          },
        };
      }
      fake.executed.refunds++;
      return { status: 200, body: { id: `re_${++seq}`, object: "refund", amount, status: "succeeded" } };
    }),
    endpoint("/v1/transfers", (form) => {
      const destination = form.get("destination") ?? "";
      if (!destination.startsWith("acct_")) {
        return {
          status: 400,
          body: {
            error: {
              type: "invalid_request_error",
              code: "resource_missing",
              param: "destination",
              message: `No such destination: '${destination}'`,
            },
          },
        };
      }
      fake.executed.transfers++;
      return {
        status: 200,
        body: { id: `tr_${++seq}`, object: "transfer", amount: Number(form.get("amount")), destination },
      };
    }),
  ];
  return fake;
}
