import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { advanceClock } from "~/utils/clock.server";
import { MINUTE } from "~/utils/durations";
import { drainJobs } from "../helpers/jobs";
import { startTestServer } from "../helpers/server";
import fs from "node:fs";
import path from "node:path";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function newAccount(email: string) {
  const res = await server.client().post("/signup", {
    displayName: "Reset Person",
    email,
    password: "the original passphrase",
    role: "client",
  });
  expect(res.status).toBe(302);
}

/** The reset link from the newest mail to `email`, read from the outbox after delivery. */
async function resetLinkFor(email: string) {
  const delivered = await drainJobs();
  expect(delivered).toBeGreaterThan(0);
  const mail = await db()
    .selectFrom("outbox_mail")
    .selectAll()
    .where("to_address", "=", email)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  expect(mail.sent_at).not.toBeNull();
  const link = /http:\/\/localhost:3000(\/reset-password\/[a-z2-7]+)/.exec(mail.text_body);
  expect(link).not.toBeNull();
  return link![1]!;
}

describe("forgotten password", () => {
  it("answers the same whether or not the e-mail has an account, and mails only real ones", async () => {
    await newAccount("real@example.com");
    const known = await server.client().post("/forgot-password", { email: "real@example.com" });
    const unknown = await server.client().post("/forgot-password", { email: "ghost@example.com" });
    expect(known.status).toBe(unknown.status);
    const a = await known.text();
    const b = await unknown.text();
    expect(a).toContain("If an account uses that address");
    expect(b).toContain("If an account uses that address");
    // Reset mails only (sign-up also mails a link to verify the address, ADR 0042).
    const mails = await db()
      .selectFrom("outbox_mail")
      .select("to_address")
      .where("subject", "=", "Reset your Concours password")
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual(["real@example.com"]);
  });

  it("delivers the mail through the outbox to the mail folder, and the link works once", async () => {
    await newAccount("once@example.com");
    await server.client().post("/forgot-password", { email: "once@example.com" });
    const link = await resetLinkFor("once@example.com");
    const files = fs.readdirSync(path.join(process.env.DATA_DIR!, "mail"));
    expect(
      files.some((f) => fs.readFileSync(path.join(process.env.DATA_DIR!, "mail", f), "utf8").includes(link)),
    ).toBe(true);

    expect((await server.client().get(link)).status).toBe(200);
    const used = await server.client().post(link, { password: "my new passphrase here" });
    expect(used.status).toBe(302);
    expect(used.headers.get("location")).toBe("/login?reset=1");
    const login = await server
      .client()
      .post("/login", { email: "once@example.com", password: "my new passphrase here" });
    expect(login.status).toBe(302);

    const again = await server.client().post(link, { password: "another passphrase now" });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This link has expired or has been used.");
    expect((await server.client().get(link)).status).toBe(410);
  });

  it("expires the link after 30 minutes", async () => {
    await newAccount("late@example.com");
    await server.client().post("/forgot-password", { email: "late@example.com" });
    const link = await resetLinkFor("late@example.com");
    advanceClock(31 * MINUTE);
    const res = await server.client().post(link, { password: "too late passphrase" });
    expect(res.status).toBe(410);
    const login = await server
      .client()
      .post("/login", { email: "late@example.com", password: "the original passphrase" });
    expect(login.status).toBe(302);
  });

  it("logs every session of the account out when the password is reset", async () => {
    const client = server.client();
    await client.post("/signup", {
      displayName: "Logged In",
      email: "sessions@example.com",
      password: "the original passphrase",
      role: "client",
    });
    expect((await client.get("/account")).status).toBe(200);
    await server.client().post("/forgot-password", { email: "sessions@example.com" });
    const link = await resetLinkFor("sessions@example.com");
    await server.client().post(link, { password: "a fresh passphrase" });
    expect((await client.get("/account")).status).toBe(302);
  });
});
