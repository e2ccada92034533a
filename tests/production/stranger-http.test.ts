// The app as the README's first command runs it (production build, default config, demo data),
// probed as a stranger and as an attacker would: over HTTP, from outside.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionApp, type ProductionApp } from "../helpers/production";

let app: ProductionApp;
beforeAll(async () => {
  app = await startProductionApp();
});
afterAll(async () => {
  await app?.stop();
});

/** A raw request, so Host and other headers fetch() will not let us set go out as written. */
function raw(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: pathname, headers }, (res) => {
      let text = "";
      res.setEncoding("latin1");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

describe("a stranger's first visit", () => {
  it("the key pages answer, the demo contest among them, with no error in the log", async () => {
    const stranger = app.client();
    for (const p of ["/", "/contests", "/login", "/signup", "/forgot-password", "/healthz"]) {
      expect((await stranger.get(p)).status, p).toBe(200);
    }
    const list = await (await stranger.get("/contests")).text();
    const contest = list.match(/href="(\/contests\/(?!new)[^"/?#]+)"/)?.[1];
    expect(contest).toBeTruthy();
    const page = await stranger.get(contest!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Boulangerie Pain d&#x27;Or");
    expect(app.output()).not.toMatch(/"level":"error"/);
  });
});

describe("the development mailbox is not part of production", () => {
  it("answers 404 for the mailbox and its data, to strangers and to users, and no page links it", async () => {
    const stranger = app.client();
    // Someone asks for a reset of the demo client's password: the mail is written, but not shown.
    const reset = await stranger.post("/forgot-password", { email: "client@demo.concours" });
    expect(reset.status).toBeLessThan(400);
    for (const p of ["/dev/mailbox", "/dev/mailbox.data", "/dev/mailbox?_data=routes/dev.mailbox"]) {
      const res = await stranger.get(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain("reset-password");
    }
    const home = await (await stranger.get("/")).text();
    expect(home).not.toContain("/dev/mailbox");
    const client = await app.login("client@demo.concours");
    expect((await client.get("/dev/mailbox")).status).toBe(404);
    expect(await (await client.get("/dashboard")).text()).not.toContain("/dev/mailbox");
    // The mail is on disk, for whoever runs the machine.
    const mailDir = path.join(app.dataDir, "mail");
    await expect
      .poll(() => fs.existsSync(mailDir) && fs.readdirSync(mailDir).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  it("refuses to start in production with the mailbox turned on", async () => {
    await expect(startProductionApp({ DEV_MAILBOX: "true" })).rejects.toThrow(/DEV_MAILBOX/);
  });
});

describe("redirects stay on the site", () => {
  const hostile = [
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "//evil.com",
    "/\\evil.com",
    "/%09/evil.com",
    "https://evil.com",
  ];
  for (const target of hostile) {
    it(`a login with redirectTo=${JSON.stringify(target)} lands on this site, with its session`, async () => {
      const client = app.client();
      const res = await client.post("/login", {
        email: "ana@demo.concours",
        password: app.password,
        redirectTo: target,
      });
      expect(res.status).toBe(302);
      const location = res.headers.get("location")!;
      expect(new URL(location, app.url).origin).toBe(app.url);
      expect(location).not.toMatch(/[\t\r\n]/);
      expect(res.headers.getSetCookie().join("\n")).toMatch(/concours_session=/);
    });
  }

  it("a comment's redirectTo cannot leave the site either", async () => {
    const client = await app.login("client@demo.concours");
    const contests = await (await client.get("/dashboard")).text();
    const contestPath = contests.match(/href="(\/contests\/(?!new)[^"/?#]+)"/)![1]!;
    const page = await (await client.get(contestPath)).text();
    const entryPath = page.match(/href="(\/entries\/[^"/?#]+)"/)![1]!;
    for (const target of ["/\t/evil.com", "/\r\n/evil.com"]) {
      const res = await client.post(`${entryPath}/comments`, { body: "Lovely colours", redirectTo: target });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get("location")!, app.url).origin).toBe(app.url);
    }
  });

  it("keeps a same-site target, query included", async () => {
    const res = await app.client().post("/login", {
      email: "ben@demo.concours",
      password: app.password,
      redirectTo: "/contests/new?step=2",
    });
    expect(res.headers.get("location")).toBe("/contests/new?step=2");
  });
});

describe("behind a proxy", () => {
  it("a form posted from the public origin works when the Host header is the proxy's upstream name", async () => {
    const res = await raw(
      "POST",
      "/login",
      {
        host: "app-upstream:8080",
        // APP_URL's default, the address the README gives.
        origin: `http://localhost:${new URL(app.url).port}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      new URLSearchParams({ email: "chloe@demo.concours", password: app.password }).toString(),
    );
    expect(res.status).toBe(302);
    expect(res.headers["set-cookie"]?.join("\n")).toMatch(/concours_session=/);
  });

  it("a form posted from a foreign origin is still refused, whatever the forwarded host says", async () => {
    const res = await raw(
      "POST",
      "/login",
      {
        host: new URL(app.url).host,
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      new URLSearchParams({ email: "chloe@demo.concours", password: app.password }).toString(),
    );
    expect(res.status).toBe(403);
  });

  it("says once in the log that forwarded headers are ignored while TRUST_PROXY is off", async () => {
    await raw("GET", "/", { "x-forwarded-for": "203.0.113.9" });
    await raw("GET", "/contests", { "x-forwarded-for": "203.0.113.10" });
    const warnings = app
      .output()
      .split("\n")
      .filter((l) => l.includes("proxy.untrusted_forwarded_headers"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("TRUST_PROXY");
  });
});

describe("quiet logs", () => {
  it("a ?_data= request from an old client gets an answer and writes no error", async () => {
    const before = app.output().length;
    const res = await app.client().get("/contests?_data=routes%2Fcontests._index");
    expect(res.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 200));
    const after = app.output().slice(before);
    expect(after).not.toMatch(/"level":"error"/);
    expect(after).not.toMatch(/\n\s+at /);
  });
});

describe("weight", () => {
  it("compresses pages and scripts, and caches hashed assets for good", async () => {
    const page = await raw("GET", "/contests", { "accept-encoding": "br, gzip" });
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toMatch(/^(br|gzip)$/);
    const plain = await (
      await fetch(`${app.url}/contests`, { headers: { "accept-encoding": "identity" } })
    ).text();
    const script = plain.match(/\/assets\/[\w-]+\.js/)?.[0];
    expect(script).toBeTruthy();
    const asset = await raw("GET", script!, { "accept-encoding": "br, gzip" });
    expect(asset.status).toBe(200);
    expect(asset.headers["content-encoding"]).toMatch(/^(br|gzip)$/);
    expect(asset.headers["cache-control"]).toMatch(/immutable/);
    expect(asset.headers["cache-control"]).toMatch(/max-age=31536000/);
  });
});
