import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IP_WINDOW_MS } from "~/modules/auth/throttle.server";
import { advanceClock } from "~/utils/clock.server";
import type { TestClient } from "../helpers/http-client";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function signUp(client: TestClient, email: string, password = "a long enough passphrase") {
  return client.post("/signup", { displayName: "Dana Designer", email, password, role: "designer" });
}

async function isLoggedIn(client: TestClient) {
  const res = await client.get("/account");
  return res.status === 200;
}

describe("sign up, log in, log out", () => {
  it("signs a new person up and logs them in at once", async () => {
    const client = server.client();
    const res = await signUp(client, "dana@example.com");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/concours_session=[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
    const home = await client.get("/");
    expect(await home.text()).toContain("Dana Designer");
  });

  it("refuses a second account with the same e-mail, in words, keeping what was typed", async () => {
    const client = server.client();
    await signUp(client, "twice@example.com");
    const again = await signUp(server.client(), "Twice@Example.com");
    expect(again.status).toBe(200);
    const html = await again.text();
    expect(html).toContain("An account already uses this e-mail");
    expect(html).toContain('value="Twice@Example.com"');
    expect(html).not.toContain("a long enough passphrase");
  });

  it("answers invalid sign-up input with messages beside the fields", async () => {
    const res = await server
      .client()
      .post("/signup", { displayName: "", email: "not-an-email", password: "short", role: "boss" });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Please fill this in.");
    expect(html).toContain("Enter an e-mail address like name@example.com.");
    expect(html).toContain("Use at least 8 characters.");
    expect(html).toContain("Choose client or designer.");
    expect(html).toMatch(/aria-invalid="true"/);
  });

  it("logs out, and the old cookie replayed afterwards is refused", async () => {
    const client = server.client();
    await signUp(client, "replay@example.com");
    const stolen = client.cookieHeader();
    expect(await isLoggedIn(client)).toBe(true);
    const out = await client.post("/logout", {});
    expect(out.status).toBe(302);
    expect(await isLoggedIn(client)).toBe(false);
    const replay = await server.client().get("/account", { headers: { cookie: stolen } });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/login/);
  });

  it("logs back in with the right password and gets a new token each time", async () => {
    const client = server.client();
    await signUp(client, "again@example.com");
    const first = client.cookieHeader();
    await client.post("/logout", {});
    const res = await client.post("/login", {
      email: "again@example.com",
      password: "a long enough passphrase",
    });
    expect(res.status).toBe(302);
    expect(client.cookieHeader()).not.toBe(first);
    expect(await isLoggedIn(client)).toBe(true);
  });

  it("answers a wrong password and an unknown e-mail with the same words and status", async () => {
    await signUp(server.client(), "known@example.com");
    const wrong = await server
      .client()
      .post("/login", { email: "known@example.com", password: "not the password" });
    const unknown = await server
      .client()
      .post("/login", { email: "nobody@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.text();
    const b = await unknown.text();
    expect(a).toContain("That e-mail and password do not match an account.");
    expect(b).toContain("That e-mail and password do not match an account.");
    expect(a).not.toContain("not the password");
  });

  it("follows only local redirects after login", async () => {
    const client = server.client();
    await signUp(client, "redir@example.com");
    await client.post("/logout", {});
    const evil = await client.post("/login", {
      email: "redir@example.com",
      password: "a long enough passphrase",
      redirectTo: "//evil.example",
    });
    expect(evil.headers.get("location")).toBe("/");
  });
});

describe("CSRF", () => {
  it("refuses a POST from a foreign origin with 403", async () => {
    const client = server.client();
    client.origin = "https://evil.example";
    const res = await client.post("/login", { email: "a@example.com", password: "whatever123" });
    expect(res.status).toBe(403);
  });

  it("refuses a POST without an Origin header with 403", async () => {
    const client = server.client();
    client.origin = null;
    const res = await client.post("/logout", {});
    expect(res.status).toBe(403);
  });
});

describe("password change", () => {
  it("ends every other session of the account and keeps this one", async () => {
    const laptop = server.client();
    await signUp(laptop, "change@example.com");
    const phone = server.client();
    await phone.post("/login", { email: "change@example.com", password: "a long enough passphrase" });
    expect(await isLoggedIn(phone)).toBe(true);

    const wrong = await laptop.post("/account", {
      intent: "change-password",
      currentPassword: "nope nope nope",
      newPassword: "a brand new passphrase",
    });
    expect(await wrong.text()).toContain("Your current password is not right.");
    expect(await isLoggedIn(phone)).toBe(true);

    const res = await laptop.post("/account", {
      intent: "change-password",
      currentPassword: "a long enough passphrase",
      newPassword: "a brand new passphrase",
    });
    expect(await res.text()).toContain("Password changed.");
    expect(await isLoggedIn(laptop)).toBe(true);
    expect(await isLoggedIn(phone)).toBe(false);
    const old = await server
      .client()
      .post("/login", { email: "change@example.com", password: "a long enough passphrase" });
    expect(old.status).toBe(401);
  });

  it("logs out everywhere, this session included", async () => {
    const a = server.client();
    await signUp(a, "everywhere@example.com");
    const b = server.client();
    await b.post("/login", { email: "everywhere@example.com", password: "a long enough passphrase" });
    await a.post("/account", { intent: "logout-everywhere" });
    expect(await isLoggedIn(a)).toBe(false);
    expect(await isLoggedIn(b)).toBe(false);
  });
});

describe("login throttling", () => {
  it("answers 429 with Retry-After after 10 failures from one address", async () => {
    advanceClock(IP_WINDOW_MS); // forget the failures other tests made from this address
    await signUp(server.client(), "target@example.com");
    const attacker = server.client();
    for (let i = 0; i < 10; i++) {
      const res = await attacker.post("/login", {
        email: "target@example.com",
        password: `guess number ${i}`,
      });
      expect(res.status).toBe(401);
    }
    const blocked = await attacker.post("/login", {
      email: "target@example.com",
      password: "a long enough passphrase",
    });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await blocked.text()).toContain("Too many attempts.");
    // Everyone else behind the same address (here: all of the suite) logs in as usual.
    await signUp(server.client(), "neighbour@example.com");
    const neighbour = await server
      .client()
      .post("/login", { email: "neighbour@example.com", password: "a long enough passphrase" });
    expect(neighbour.status).toBe(302);
  });
});

describe("/healthz", () => {
  it("answers 200 while the database answers", async () => {
    const res = await server.client().get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "up" });
  });
});

describe("security headers", () => {
  it("sends CSP with a nonce, nosniff, a referrer policy and frame-ancestors", async () => {
    const res = await server.client().get("/");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const nonce = /nonce-([^']+)'/.exec(csp)![1]!;
    expect(await res.text()).toContain(`nonce="${nonce}"`);
  });
});
