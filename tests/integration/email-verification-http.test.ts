import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { advanceClock } from "~/utils/clock.server";
import { DAY, MINUTE } from "~/utils/durations";
import { approveHandover } from "~/modules/handover/approval.server";
import { contestRow, decode, makeCompleteDraft, signUpAs } from "../helpers/contests";
import { makeUser } from "../helpers/fixtures";
import { FILES, handoverSetup, sign, uploadFinal } from "../helpers/handover";
import { drainJobs } from "../helpers/jobs";
import { loginAs, startTestServer } from "../helpers/server";

// A verified address before money moves (issue 14, ADR 0042).

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const html = async (res: Response) => decode(await res.text());

/** The verification links mailed to `email`, newest first, read from the outbox after delivery. */
async function verificationLinks(email: string) {
  await drainJobs();
  const mails = await db()
    .selectFrom("outbox_mail")
    .selectAll()
    .where("to_address", "=", email)
    .where("subject", "=", "Confirm your e-mail address for Concours")
    .orderBy("created_at", "desc")
    .execute();
  return mails.map((mail) => {
    expect(mail.sent_at).not.toBeNull();
    const link = /http:\/\/localhost:3000(\/verify-email\/[a-z2-7]+)/.exec(mail.text_body);
    expect(link, mail.text_body).not.toBeNull();
    return link![1]!;
  });
}

async function verifiedAt(userId: string) {
  const row = await db()
    .selectFrom("users")
    .select("email_verified_at")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return row.email_verified_at;
}

async function unverifiedClient(name = "Vera Client") {
  const client = server.client();
  const user = await signUpAs(client, name, "client", { verified: false });
  return { client, ...user };
}

describe("verifying an address", () => {
  it("mails a link at sign-up; the account page asks to verify; the link verifies once and then says it was used", async () => {
    const { client, id, email } = await unverifiedClient();
    const account = await html(await client.get("/account"));
    expect(account).toContain("Verify your address.");
    expect(account).toContain(`We sent a link to ${email}.`);
    expect(account).toContain("Send the link again");
    expect(account).not.toContain('data-testid="email-verified"');

    const [link] = await verificationLinks(email);
    // The mail lands in the mail folder too (the file transport), link and all.
    const dir = path.join(process.env.DATA_DIR!, "mail");
    expect(fs.readdirSync(dir).some((f) => fs.readFileSync(path.join(dir, f), "utf8").includes(link!))).toBe(
      true,
    );
    expect(await verifiedAt(id)).toBeNull();

    // Opening the link (from any browser) asks for one click; a scanner's GET spends nothing.
    const opened = await server.client().get(link!);
    expect(opened.status).toBe(200);
    expect(await html(opened)).toContain("Confirm my address");
    expect(await verifiedAt(id)).toBeNull();
    const confirmed = await server.client().post(link!, {});
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/verify-email/done");
    expect(await html(await server.client().get("/verify-email/done"))).toContain(
      "Your address is confirmed.",
    );
    expect(await verifiedAt(id)).not.toBeNull();

    const again = await server.client().post(link!, {});
    expect(again.status).toBe(410);
    expect(await html(again)).toContain("This link has expired or has been used.");
    expect((await server.client().get(link!)).status).toBe(410);

    const after = await html(await client.get("/account"));
    expect(after).toContain('data-testid="email-verified"');
    expect(after).not.toContain("Verify your address.");
  });

  it("refuses an expired link, which verifies nothing", async () => {
    const { id, email } = await unverifiedClient("Late Larry");
    const [link] = await verificationLinks(email);
    advanceClock(2 * DAY + MINUTE);
    const opened = await server.client().get(link!);
    expect(opened.status).toBe(410);
    expect(await html(opened)).toContain("This link has expired or has been used.");
    expect((await server.client().post(link!, {})).status).toBe(410);
    expect(await verifiedAt(id)).toBeNull();
  });

  it("answers a stranger's guessed token as not found", async () => {
    const { id } = await unverifiedClient("Guessed Gina");
    const guess = "/verify-email/abcdefghijklmnopqrstuvwxyz234567";
    expect((await server.client().get(guess)).status).toBe(404);
    expect((await server.client().post(guess, {})).status).toBe(404);
    expect(await verifiedAt(id)).toBeNull();
  });

  it("sends the link again from the account page, at most once every two minutes", async () => {
    const { client, email } = await unverifiedClient("Resend Rita");
    expect(await verificationLinks(email)).toHaveLength(1);
    // Sign-up just sent one: asking at once is answered with "a link went out a moment ago".
    const soon = await client.post("/verify-email/resend", { returnTo: "/account" });
    expect(soon.status).toBe(302);
    expect(soon.headers.get("location")).toBe("/account?verify=wait");
    expect(await html(await client.get("/account?verify=wait"))).toContain("A link went out a moment ago");
    expect(await verificationLinks(email)).toHaveLength(1);

    advanceClock(2 * MINUTE + 1);
    const later = await client.post("/verify-email/resend", { returnTo: "/account" });
    expect(later.headers.get("location")).toBe("/account?verify=sent");
    expect(await html(await client.get("/account?verify=sent"))).toContain(
      `A new link is on its way to ${email}.`,
    );
    const links = await verificationLinks(email);
    expect(links).toHaveLength(2);
    // Either link works (each once); the newest is the one people click.
    expect((await server.client().post(links[0]!, {})).status).toBe(302);

    // Verified: asking again sends nothing.
    advanceClock(2 * MINUTE + 1);
    const done = await client.post("/verify-email/resend", { returnTo: "/account" });
    expect(done.headers.get("location")).toBe("/account?verify=done");
    expect(await verificationLinks(email)).toHaveLength(2);
    // Only for people who are logged in.
    expect((await server.client().post("/verify-email/resend", { returnTo: "/account" })).status).toBe(302);
    expect(await verificationLinks(email)).toHaveLength(2);
  });
});

const card = (key: string) => ({
  intent: "launch",
  idempotencyKey: key,
  cardName: "Vera Client",
  cardNumber: "4242 4242 4242 4242",
  cardExpiry: "12/40",
  cardCvc: "123",
  confirm: "on",
  billingCountry: "CA",
  billingProvince: "QC",
});

async function chargesFor(contestId: string) {
  const intents = await db()
    .selectFrom("payment_intents")
    .select("id")
    .where("contest_id", "=", contestId)
    .execute();
  const sandbox = await db()
    .selectFrom("sandbox_operations")
    .select("id")
    .where("kind", "=", "charge")
    .where("idempotency_key", "like", `%${contestId}%`)
    .execute();
  return intents.length + sandbox.length;
}

describe("money waits for a verified address", () => {
  it("refuses an unverified client's launch with the reason and charges nothing; once verified it launches", async () => {
    const { client, id: clientId, email } = await unverifiedClient("Launch Lena");
    const id = await makeCompleteDraft(clientId);
    const review = await html(await client.get(`/contests/${id}/edit?step=5`));
    expect(review).toContain(`Before you pay, confirm that ${email} is yours`);
    expect(review).toContain("Send the link again");

    const refused = await client.post(`/contests/${id}/edit?step=5`, card("verify-launch-0001"));
    expect(refused.status).toBe(403);
    expect(await html(refused)).toContain("Confirm your e-mail address first");
    expect(await chargesFor(id)).toBe(0);
    expect((await contestRow(id)).status).toBe("draft");

    const [link] = await verificationLinks(email);
    expect((await server.client().post(link!, {})).status).toBe(302);
    const launched = await client.post(`/contests/${id}/edit?step=5`, card("verify-launch-0002"));
    expect(launched.status).toBe(302);
    expect(launched.headers.get("location")).toBe(`/contests/${id}?launched=1`);
    expect((await contestRow(id)).status).toBe("qualifying");
  });

  it("holds a payout until the designer's address is verified: the form explains, the request is refused", async () => {
    const s = await handoverSetup({ prize: 49_900 });
    const asWinner = await loginAs(server, s.winner);
    await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg);
    await sign(asWinner, s.contestId, "Ana Souza");
    await sign(await loginAs(server, s.client), s.contestId, "Camille Tremblay");
    expect(await approveHandover({ contestId: s.contestId, clientId: s.client })).toMatchObject({ ok: true });
    await db().updateTable("users").set({ email_verified_at: null }).where("id", "=", s.winner).execute();

    const earnings = await html(await asWinner.get("/earnings"));
    expect(earnings).toContain("Before money leaves your balance, confirm that");
    expect(earnings).toContain("Send the link again");
    expect(earnings).not.toContain('action="/earnings/payout"');

    // The review step (GET) sends the designer back with the reason; a confirmation (POST) is refused too.
    const query = new URLSearchParams({ amount: "100", destination: "acct_sandbox_ok", currency: "USD" });
    const step = await asWinner.get(`/earnings/payout?${query}`);
    expect(step.status).toBe(302);
    const back = new URL(step.headers.get("location") ?? "", "http://x.invalid");
    expect(back.pathname).toBe("/earnings");
    expect(back.searchParams.get("error")).toContain("Confirm your e-mail address first");
    const confirmed = await asWinner.post(`/earnings/payout?${query}`, {
      amount: "100",
      destination: "acct_sandbox_ok",
      currency: "USD",
      key: "payout-form:verify-0001",
      confirm: "on",
    });
    // Refused, and back on the earnings page with the reason (the confirmation page is not shown).
    expect(confirmed.status).toBe(302);
    const refused = new URL(confirmed.headers.get("location") ?? "", "http://x.invalid");
    expect(refused.searchParams.get("error")).toContain("Confirm your e-mail address first");
    const payouts = await db()
      .selectFrom("payouts")
      .select("id")
      .where("designer_id", "=", s.winner)
      .execute();
    expect(payouts).toHaveLength(0);

    // Verified (the link from the account page), the same payout goes through.
    await db()
      .updateTable("users")
      .set({ email_verified_at: Date.now() })
      .where("id", "=", s.winner)
      .execute();
    const paid = await asWinner.post(`/earnings/payout?${query}`, {
      amount: "100",
      destination: "acct_sandbox_ok",
      currency: "USD",
      key: "payout-form:verify-0002",
      confirm: "on",
    });
    expect(paid.status).toBe(302);
    expect(
      await db().selectFrom("payouts").select("id").where("designer_id", "=", s.winner).execute(),
    ).toHaveLength(1);
  });

  it("makes the test fixtures' accounts verified unless a test says not, and a new sign-up is not", async () => {
    const fixture = await makeUser("Fixture Fay", "client");
    expect(await verifiedAt(fixture)).not.toBeNull();
    const { id } = await unverifiedClient("Fresh Fred");
    expect(await verifiedAt(id)).toBeNull();
    const explicit = await signUpAs(server.client(), "Helper Hal");
    expect(await verifiedAt(explicit.id)).not.toBeNull();
  });
});
