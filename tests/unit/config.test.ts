import path from "node:path";
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

describe("config", () => {
  it("defaults to port 3000, SQLite and files under ./data", () => {
    const cfg = parseEnv({}, "/srv/concours");
    expect(cfg.PORT).toBe(3000);
    expect(cfg.dataDir).toBe(path.resolve("/srv/concours/data"));
    expect(cfg.database).toEqual({
      kind: "sqlite",
      file: path.resolve("/srv/concours/data/concours.sqlite"),
    });
    expect(cfg.BLOB_DRIVER).toBe("fs");
    expect(cfg.appUrl).toBe("http://localhost:3000");
  });

  it("chooses PostgreSQL for a postgres:// DATABASE_URL", () => {
    const cfg = parseEnv({ DATABASE_URL: "postgres://u@db:5432/concours" });
    expect(cfg.database).toEqual({ kind: "postgres", url: "postgres://u@db:5432/concours" });
  });

  it("names each bad variable with a readable reason and the value it got", () => {
    const found = problems({
      PORT: "eighty",
      NODE_ENV: "staging",
      DATABASE_URL: "mysql://x",
      SEED_DEMO: "maybe",
    });
    expect(found).toHaveLength(4);
    expect(found.find((p) => p.startsWith("PORT:"))).toMatch(/port number.*"eighty"/);
    expect(found.find((p) => p.startsWith("NODE_ENV:"))).toMatch(/development, production or test/);
    expect(found.find((p) => p.startsWith("DATABASE_URL:"))).toMatch(/postgres:\/\//);
    expect(found.find((p) => p.startsWith("SEED_DEMO:"))).toMatch(/true or false/);
  });

  it("refuses a port out of range and settings that need a companion", () => {
    expect(problems({ PORT: "70000" })[0]).toMatch(/^PORT: must be between 1 and 65535/);
    expect(problems({ MAIL_TRANSPORT: "smtp" })).toEqual(["SMTP_URL: is required when MAIL_TRANSPORT=smtp"]);
    expect(problems({ BLOB_DRIVER: "s3" })).toEqual(["S3_ENDPOINT: is required when BLOB_DRIVER=s3"]);
  });

  it("puts every problem in the error message, one per line", () => {
    expect(() => parseEnv({ PORT: "0", LOG_LEVEL: "loud" })).toThrowError(/PORT:[^\n]+\n\s+- LOG_LEVEL:/);
  });

  it("has the development mailbox outside production only, and refuses it in production", () => {
    expect(parseEnv({}).devMailbox).toBe(true);
    expect(parseEnv({ MAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://mail:25" }).devMailbox).toBe(false);
    expect(parseEnv({ NODE_ENV: "production" }).devMailbox).toBe(false);
    expect(parseEnv({ DEV_MAILBOX: "off" }).devMailbox).toBe(false);
    expect(problems({ NODE_ENV: "production", DEV_MAILBOX: "1" })[0]).toMatch(/^DEV_MAILBOX: .*production/);
  });

  it("reads TRUST_PROXY as off, on, a number of proxies or their addresses", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, loopback, ::1" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "loopback",
      "::1",
    ]);
    expect(problems({ TRUST_PROXY: "the balancer" })[0]).toMatch(
      /^TRUST_PROXY: must be false, true, the number/,
    );
    expect(problems({ TRUST_PROXY: "10.0.0.0/99" })).toHaveLength(1);
  });
});
