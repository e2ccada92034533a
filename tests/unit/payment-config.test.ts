import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/utils/env.server";

function problems(env: Record<string, string>) {
  try {
    parseEnv(env, "/srv/concours");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("payment provider config", () => {
  it("defaults to the built-in sandbox, with Stripe's public address and a 20 s timeout ready", () => {
    const cfg = parseEnv({});
    expect(cfg.PAYMENT_PROVIDER).toBe("sandbox");
    expect(cfg.STRIPE_API_BASE).toBe("https://api.stripe.com");
    expect(cfg.STRIPE_SECRET_KEY).toBeUndefined();
    expect(cfg.PAYMENT_TIMEOUT_MS).toBe(20_000);
  });

  it("takes Stripe with a secret key and another API base", () => {
    const cfg = parseEnv({
      PAYMENT_PROVIDER: "stripe",
      STRIPE_SECRET_KEY: "sk_test_123",
      STRIPE_API_BASE: "http://127.0.0.1:12111",
      PAYMENT_TIMEOUT_MS: "5000",
    });
    expect(cfg).toMatchObject({
      PAYMENT_PROVIDER: "stripe",
      STRIPE_SECRET_KEY: "sk_test_123",
      STRIPE_API_BASE: "http://127.0.0.1:12111",
      PAYMENT_TIMEOUT_MS: 5000,
    });
  });

  it("requires STRIPE_SECRET_KEY when PAYMENT_PROVIDER=stripe", () => {
    expect(problems({ PAYMENT_PROVIDER: "stripe" })).toEqual([
      "STRIPE_SECRET_KEY: is required when PAYMENT_PROVIDER=stripe",
    ]);
  });

  it("names a bad provider, key, address or timeout", () => {
    const found = problems({
      PAYMENT_PROVIDER: "paypal",
      STRIPE_SECRET_KEY: "pk_live_publishable",
      STRIPE_API_BASE: "stripe",
      PAYMENT_TIMEOUT_MS: "10",
    });
    expect(found).toHaveLength(4);
    expect(found.find((p) => p.startsWith("PAYMENT_PROVIDER:"))).toMatch(/sandbox or stripe.*"paypal"/);
    const key = found.find((p) => p.startsWith("STRIPE_SECRET_KEY:"));
    expect(key).toMatch(/secret or restricted key.*\(got a value of 19 characters\)/);
    expect(key).not.toContain("pk_live");
    expect(found.find((p) => p.startsWith("STRIPE_API_BASE:"))).toMatch(/full URL/);
    expect(found.find((p) => p.startsWith("PAYMENT_TIMEOUT_MS:"))).toMatch(/between 100 and 120000/);
  });
});
