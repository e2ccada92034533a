import { describe, expect, it } from "vitest";
import { logIn, signUp } from "~/modules/auth/accounts.server";
import {
  ACCOUNT_MAX_UNTRUSTED_FAILURES,
  IP_MAX_FAILURES,
  IP_WINDOW_MS,
} from "~/modules/auth/throttle.server";
import { advanceClock } from "~/utils/clock.server";

const PASSWORD = "a quiet harbour at dawn";

describe("login throttling per account", () => {
  it("stops guesses spread over many addresses, but never locks the owner's trusted browser out", async () => {
    await signUp(
      { displayName: "Owner", email: "owner@example.com", password: PASSWORD, role: "client", locale: "en" },
      { ip: "10.0.0.1" },
    );
    const owner = await logIn({ email: "owner@example.com", password: PASSWORD }, { ip: "10.0.0.1" });
    expect(owner.ok).toBe(true);
    const deviceToken = owner.ok ? owner.deviceToken : null;

    for (let i = 0; i < ACCOUNT_MAX_UNTRUSTED_FAILURES; i++) {
      const r = await logIn({ email: "owner@example.com", password: `guess ${i}` }, { ip: `203.0.113.${i}` });
      expect(r).toEqual({ ok: false, area: "account", reason: "login_invalid" });
    }
    // A new address, even with the right password, must wait: the account is under attack.
    const fresh = await logIn({ email: "owner@example.com", password: PASSWORD }, { ip: "198.51.100.7" });
    expect(fresh.ok).toBe(false);
    expect(!fresh.ok && fresh.reason).toBe("throttled");
    // The owner's browser, known from an earlier login, still gets in.
    const trusted = await logIn(
      { email: "owner@example.com", password: PASSWORD, deviceToken },
      { ip: "10.0.0.99" },
    );
    expect(trusted.ok).toBe(true);
  });

  it("treats unknown e-mails like real ones, and forgets failures after the window", async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (await logIn({ email: "nobody@example.com", password: "whatever it is" }, { ip: "192.0.2.1" })).ok,
      ).toBe(false);
    }
    const blocked = await logIn(
      { email: "nobody@example.com", password: "whatever it is" },
      { ip: "192.0.2.1" },
    );
    expect(!blocked.ok && blocked.reason).toBe("throttled");
    advanceClock(IP_WINDOW_MS + 1000);
    const later = await logIn(
      { email: "nobody@example.com", password: "whatever it is" },
      { ip: "192.0.2.1" },
    );
    expect(!later.ok && later.reason).toBe("login_invalid");
  });
});

describe("login throttling per address", () => {
  it("an attacker's failures from one address lock out no one else behind it", async () => {
    for (const email of ["target@example.com", "bystander@example.com"]) {
      await signUp(
        { displayName: email, email, password: PASSWORD, role: "client", locale: "en" },
        { ip: "10.3.0.1" },
      );
    }
    // The target's owner logged in from this browser before: it carries a device cookie.
    const owner = await logIn({ email: "target@example.com", password: PASSWORD }, { ip: "10.3.0.1" });
    const deviceToken = owner.ok ? owner.deviceToken : null;
    // Everyone shares the balancer's address (TRUST_PROXY left off): 10.9.9.9.
    const shared = { ip: "10.9.9.9" };
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      const r = await logIn({ email: "target@example.com", password: `guess ${i}` }, shared);
      expect(r).toEqual({ ok: false, area: "account", reason: "login_invalid" });
    }
    const attacker = await logIn({ email: "target@example.com", password: "guess 11" }, shared);
    expect(!attacker.ok && attacker.reason).toBe("throttled");
    // Another account from the same address, on a new browser: not the attacker, not locked out.
    const bystander = await logIn({ email: "bystander@example.com", password: PASSWORD }, shared);
    expect(bystander.ok).toBe(true);
    // The target's owner on their own browser, from the same address.
    const ownerAgain = await logIn({ email: "target@example.com", password: PASSWORD, deviceToken }, shared);
    expect(ownerAgain.ok).toBe(true);
  });

  it("an attacker trying many accounts from one address is stopped account by account", async () => {
    const shared = { ip: "10.9.9.10" };
    for (const n of [1, 2]) {
      for (let i = 0; i < IP_MAX_FAILURES; i++)
        await logIn({ email: `sprayed${n}@example.com`, password: `guess ${i}` }, shared);
      const next = await logIn({ email: `sprayed${n}@example.com`, password: "guess" }, shared);
      expect(!next.ok && next.reason).toBe("throttled");
    }
  });
});

describe("login timing", () => {
  it("spends about the same time on an unknown e-mail as on a wrong password", async () => {
    await signUp(
      { displayName: "Timed", email: "timed@example.com", password: PASSWORD, role: "client", locale: "en" },
      { ip: "10.1.0.1" },
    );
    // Interleaved, so that whatever else the machine is doing weighs on both alike.
    const timeOf = async (email: string, ip: string) => {
      const start = performance.now();
      await logIn({ email, password: "definitely wrong" }, { ip });
      return performance.now() - start;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    // Fifteen of each and their medians: one slow moment on a busy machine moves neither.
    for (let i = 0; i < 15; i++) {
      knownTimes.push(await timeOf("timed@example.com", `10.2.1.${i}`));
      unknownTimes.push(await timeOf("nobody-timed@example.com", `10.2.2.${i}`));
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[7]!;
    const known = median(knownTimes);
    const unknown = median(unknownTimes);
    const ratio = unknown / known;
    // A skipped password check would be two orders of magnitude faster; noise stays within 2.5×.
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});
