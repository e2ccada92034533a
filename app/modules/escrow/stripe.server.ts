import { log } from "~/utils/log.server";
import {
  STRIPE_TEST_METHODS,
  declined,
  normalizeCard,
  succeeded,
  transient,
  type ChargeRequest,
  type PaymentProvider,
  type PayoutRequest,
  type ProviderResult,
  type RefundRequest,
} from "./provider";

export interface StripeOptions {
  /** https://api.stripe.com, or a test double's address. */
  apiBase: string;
  secretKey: string;
  /** A call that takes longer is abandoned and answered transient("timeout"). */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** The API version the parsing below was written against. */
export const STRIPE_API_VERSION = "2024-06-20";

interface StripeError {
  type?: string;
  code?: string;
  decline_code?: string;
  message?: string;
  param?: string;
}

type StripeObject = Record<string, unknown> & { id?: string; status?: string };

/**
 * Stripe's HTTP API behind the PaymentProvider interface: form-encoded POSTs with a Bearer key and
 * an Idempotency-Key header; card payments are PaymentIntents confirmed at once; payouts to
 * designers are transfers to their connected accounts. Stripe saves the first answer per key
 * (successes, declines and 500s alike) for 24 hours, so a retry with the key is safe.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = "stripe";
  readonly #options: StripeOptions;

  constructor(options: StripeOptions) {
    this.#options = { ...options, apiBase: options.apiBase.replace(/\/$/, "") };
  }

  async charge(request: ChargeRequest): Promise<ProviderResult> {
    let paymentMethod: string;
    if ("card" in request.method) {
      // Raw card numbers never reach a server in production (Stripe.js tokenises them); the
      // sandbox's test cards map to Stripe's test payment methods.
      const testMethod = STRIPE_TEST_METHODS[normalizeCard(request.method.card)];
      if (!testMethod)
        return declined("invalid_request", "Stripe accepts payment method ids, not card numbers");
      paymentMethod = testMethod;
    } else {
      paymentMethod = request.method.paymentMethod;
    }
    const answer = await this.post(
      "/v1/payment_intents",
      {
        amount: String(request.amount),
        currency: request.currency.toLowerCase(),
        payment_method: paymentMethod,
        confirm: "true",
        "automatic_payment_methods[enabled]": "true",
        "automatic_payment_methods[allow_redirects]": "never",
        ...(request.description ? { description: request.description } : {}),
        ...metadata(request.metadata),
      },
      request.idempotencyKey,
    );
    if (answer.kind === "result") return answer.result;
    const intent = answer.object;
    switch (intent.status) {
      case "succeeded":
        return succeeded(String(intent.id));
      case "requires_action":
        return declined("authentication_required");
      case "requires_payment_method": {
        const last = (intent.last_payment_error ?? {}) as StripeError;
        return declined(last.decline_code ?? last.code ?? "card_declined", last.message);
      }
      case "processing":
        return transient("in_progress", `payment ${String(intent.id)} is processing`);
      default:
        return transient("provider_error", `unexpected payment intent status ${String(intent.status)}`);
    }
  }

  async refund(request: RefundRequest): Promise<ProviderResult> {
    const answer = await this.post(
      "/v1/refunds",
      { payment_intent: request.chargeRef, amount: String(request.amount), ...metadata(request.metadata) },
      request.idempotencyKey,
    );
    if (answer.kind === "result") return answer.result;
    const refund = answer.object;
    if (refund.status === "failed" || refund.status === "canceled") {
      return declined(String(refund.failure_reason ?? "refund_failed"));
    }
    // "pending" and "requires_action" refunds complete on Stripe's side; the refund exists.
    return succeeded(String(refund.id));
  }

  async payout(request: PayoutRequest): Promise<ProviderResult> {
    const answer = await this.post(
      "/v1/transfers",
      {
        amount: String(request.amount),
        currency: request.currency.toLowerCase(),
        destination: request.destination,
        ...metadata(request.metadata),
      },
      request.idempotencyKey,
    );
    if (answer.kind === "result") return answer.result;
    return succeeded(String(answer.object.id));
  }

  private async post(
    path: string,
    form: Record<string, string>,
    idempotencyKey: string,
  ): Promise<{ kind: "object"; object: StripeObject } | { kind: "result"; result: ProviderResult }> {
    const fetchFn = this.#options.fetch ?? fetch;
    let response: Response;
    let text: string;
    try {
      // One signal for the whole exchange: a body that never finishes is a timeout too.
      const signal = AbortSignal.timeout(this.#options.timeoutMs);
      response = await fetchFn(`${this.#options.apiBase}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${this.#options.secretKey}`,
          "content-type": "application/x-www-form-urlencoded",
          "idempotency-key": idempotencyKey,
          "stripe-version": STRIPE_API_VERSION,
        },
        body: new URLSearchParams(form).toString(),
        signal,
      });
      text = await response.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      if (name === "TimeoutError" || name === "AbortError") {
        return result(transient("timeout", `no answer from Stripe within ${this.#options.timeoutMs} ms`));
      }
      return result(transient("network_error", `Stripe unreachable: ${String(error)}`));
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return result(
        transient("provider_error", `Stripe answered ${response.status} with a body that is not JSON`),
      );
    }
    if (response.ok) return { kind: "object", object: body as StripeObject };
    const error = ((body as { error?: StripeError }).error ?? {}) as StripeError;
    return result(classifyError(response.status, error, path));
  }
}

function result(r: ProviderResult) {
  return { kind: "result" as const, result: r };
}

function metadata(values: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [`metadata[${k}]`, v]));
}

/** Stripe's error answers: declines are final for the key, the rest leaves the outcome unknown. */
function classifyError(status: number, error: StripeError, path: string): ProviderResult {
  const detail = error.message ?? `HTTP ${status}`;
  if (error.type === "card_error" || status === 402) {
    return declined(error.decline_code ?? error.code ?? "card_declined", detail);
  }
  if (status === 409 || error.code === "idempotency_key_in_use") {
    return transient("in_progress", detail); // the same key is being executed right now
  }
  if (status === 429) return transient("rate_limited", detail);
  if (status === 401 || status === 403) {
    // Our configuration, not the client's card: keep the operation pending until it is fixed.
    log("error", "stripe.auth", { path, status, type: error.type, code: error.code });
    return transient("provider_error", detail);
  }
  if (status >= 400 && status < 500) {
    log("error", "stripe.invalid_request", { path, status, type: error.type, code: error.code });
    return declined(requestErrorCode(error), detail);
  }
  return transient("provider_error", detail);
}

/** A refused request: the few codes a person can act on keep their name, the rest are ours to fix. */
function requestErrorCode(error: StripeError): string {
  if (
    error.code === "account_invalid" ||
    (error.code === "resource_missing" && error.param === "destination")
  ) {
    return "invalid_destination";
  }
  if (error.code === "balance_insufficient") return "balance_insufficient";
  return "invalid_request";
}
