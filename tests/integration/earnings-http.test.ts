import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "~db/index";
import { appendTransfer, ensureAccount } from "~/modules/escrow/ledger.server";
import { refundContest } from "~/modules/contests/manage.server";
import { designerBalance, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { platformFee } from "~/modules/escrow/ledger";
import { SANDBOX_DESTINATIONS, SandboxProvider } from "~/modules/escrow/sandbox.server";
import { approveHandover } from "~/modules/handover/approval.server";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeUser } from "../helpers/fixtures";
import { FILES, handoverSetup, loginAs, sign, uploadFinal } from "../helpers/handover";
import type { TestClient } from "../helpers/http-client";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const PRIZE = 49_900;

/** A winner whose prize was released: $499.00 in their balance. */
async function paidWinner() {
  const s = await handoverSetup({ prize: PRIZE });
  const asWinner = await loginAs(server, s.winner);
  await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg);
  await sign(asWinner, s.contestId, "Ana Souza");
  await sign(await loginAs(server, s.client), s.contestId, "Camille Tremblay");
  expect(await approveHandover({ contestId: s.contestId, clientId: s.client })).toMatchObject({ ok: true });
  return { ...s, asWinner };
}

/** Step one (GET, the review page) then step two (POST, confirmed) of a payout, as a browser does. */
async function review(client: TestClient, amount: string, destination: string) {
  const res = await client.get(
    `/earnings/payout?${new URLSearchParams({ amount, destination, currency: "USD" })}`,
  );
  const html = decode(await res.text());
  const key = /<input type="hidden" name="key" value="([^"]+)"/.exec(html)?.[1] ?? null;
  return { res, html, key };
}

/** The confirmation posts back to the review page's own URL (a form without an action does). */
function confirm(
  client: TestClient,
  fields: { amount: string; destination: string; key: string },
  confirmed = true,
) {
  const query = new URLSearchParams({
    amount: fields.amount,
    destination: fields.destination,
    currency: "USD",
  });
  return client.post(`/earnings/payout?${query}`, {
    ...fields,
    currency: "USD",
    ...(confirmed ? { confirm: "on" } : {}),
  });
}

describe("a designer's earnings", () => {
  it("shows the balance from the ledger and every movement with its contest", async () => {
    const s = await paidWinner();
    const res = await s.asWinner.get("/earnings");
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toMatch(/data-testid="available">\$499\.00</);
    expect(html).toContain("Prize");
    expect(html).toContain("“Logo for Pain d'Or”");
    expect(html).toContain(`href="/contests/${s.contestId}"`);
    // The nav carries the page for anyone logged in; a designer with nothing sees what to do next.
    const newcomer = await loginAs(server, await makeUser("New Designer"));
    const empty = decode(await (await newcomer.get("/earnings")).text());
    expect(empty).toContain("No earnings yet.");
    expect(empty).toContain('href="/earnings"');
    expect((await server.client().get("/earnings")).status).toBe(302);
  });

  it("lets a designer paid in two currencies choose the balance to withdraw from", async () => {
    const s = await paidWinner();
    // A second prize, in Canadian dollars, credited as an award credits it.
    await transaction(async (trx) => {
      await appendTransfer(trx, {
        key: `test-cad-prize:${s.winner}`,
        debit: await ensureAccount(trx, { kind: "client_payments", clientId: s.client, currency: "CAD" }),
        credit: await ensureAccount(trx, { kind: "designer_balance", designerId: s.winner, currency: "CAD" }),
        amount: 60_000,
        currency: "CAD",
        phase: "single",
        code: "prize",
      });
    });
    const html = decode(await (await s.asWinner.get("/earnings")).text());
    expect(html).toContain('<option value="CAD" selected="">CAD: CA$600.00 available</option>');
    expect(html).toContain('<option value="USD">USD: $499.00 available</option>');
    const usd = await s.asWinner.get(
      `/earnings/payout?${new URLSearchParams({ amount: "499", destination: "acct_ana", currency: "USD" })}`,
    );
    expect(decode(await usd.text())).toContain("$499.00");
    const cad = await s.asWinner.get(
      `/earnings/payout?${new URLSearchParams({ amount: "600", destination: "acct_ana", currency: "CAD" })}`,
    );
    expect(cad.status).toBe(200);
    expect(decode(await cad.text())).toContain("CA$600.00");
    // Back on the form after a refusal, the chosen balance stays chosen.
    const tooMuch = await s.asWinner.get(
      `/earnings/payout?${new URLSearchParams({ amount: "700", destination: "acct_ana", currency: "USD" })}`,
    );
    const back = tooMuch.headers.get("location")!;
    const again = decode(await (await s.asWinner.get(back)).text());
    expect(again).toContain('<option value="USD" selected="">USD: $499.00 available</option>');
  });

  it("pays out after a confirmation, once however often the confirmed form is sent (same key)", async () => {
    const s = await paidWinner();
    const step = await review(s.asWinner, "120.50", "acct_1Ana");
    expect(step.res.status).toBe(200);
    expect(step.html).toContain("Send $120.50 to acct_1Ana.");
    expect(step.key).toMatch(/^payout-form:[a-z0-9]+$/);

    // Not confirmed: nothing moves.
    expect(
      (await confirm(s.asWinner, { amount: "120.50", destination: "acct_1Ana", key: step.key! }, false))
        .status,
    ).toBe(400);
    expect((await designerBalance(db(), s.winner, "USD")).available).toBe(PRIZE);

    const sent = await confirm(s.asWinner, { amount: "120.50", destination: "acct_1Ana", key: step.key! });
    expect(sent.status).toBe(302);
    const location = sent.headers.get("location")!;
    expect(location).toMatch(/^\/earnings\?payout=[a-z0-9]+$/);
    // A double click, a refresh that resends the form: the same key, the same payout.
    const again = await confirm(s.asWinner, { amount: "120.50", destination: "acct_1Ana", key: step.key! });
    expect(again.headers.get("location")).toBe(location);
    expect(await new SandboxProvider().executions(`payout:${step.key}`)).toBe(1);
    const payouts = await db()
      .selectFrom("payouts")
      .selectAll()
      .where("designer_id", "=", s.winner)
      .execute();
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ amount: 12_050, status: "paid", destination: "acct_1Ana" });
    expect(await designerBalance(db(), s.winner, "USD")).toMatchObject({
      available: PRIZE - 12_050,
      inFlight: 0,
      paidOut: 12_050,
    });

    const page = decode(await (await s.asWinner.get(location)).text());
    expect(page).toContain("Your payout of $120.50 has been sent.");
    expect(page).toMatch(/data-testid="available">\$378\.50</);
    expect(page).toContain("Paid");
    expect((await trialBalance(db())).balanced).toBe(true);
  });

  it("says so when a payout fails, with the reason, and the money is back in the balance", async () => {
    const s = await paidWinner();
    const step = await review(s.asWinner, "100", SANDBOX_DESTINATIONS.closed);
    const sent = await confirm(s.asWinner, {
      amount: "100",
      destination: SANDBOX_DESTINATIONS.closed,
      key: step.key!,
    });
    expect(sent.status).toBe(302);
    const payout = await db()
      .selectFrom("payouts")
      .selectAll()
      .where("designer_id", "=", s.winner)
      .executeTakeFirstOrThrow();
    expect(payout).toMatchObject({ status: "failed", failure_code: "account_closed" });
    expect(await designerBalance(db(), s.winner, "USD")).toMatchObject({
      available: PRIZE,
      inFlight: 0,
      paidOut: 0,
    });
    const page = decode(await (await s.asWinner.get(sent.headers.get("location")!)).text());
    expect(page).toContain(
      "Your payout could not be sent: the receiving account is closed. The money is back in your balance.",
    );
    expect(page).toContain("Failed, money returned");
    const movements = page.match(/Payout returned/g) ?? [];
    expect(movements).toHaveLength(1);
  });

  it("refuses more than the balance, or a bad amount, back on the form with the reason", async () => {
    const s = await paidWinner();
    const tooMuch = await s.asWinner.get(`/earnings/payout?amount=500&destination=acct_1&currency=USD`);
    expect(tooMuch.status).toBe(302);
    const back = decode(await (await s.asWinner.get(tooMuch.headers.get("location")!)).text());
    expect(back).toContain("You can withdraw up to $499.00.");
    expect(back).toContain('value="500"');
    const bad = await s.asWinner.get(`/earnings/payout?amount=ten&destination=acct_1&currency=USD`);
    expect(decode(await (await s.asWinner.get(bad.headers.get("location")!)).text())).toContain(
      "Enter an amount such as 120 or 120.50.",
    );
    // Someone forging the confirmation for more than they have: refused by the ledger's own check,
    // and sent back to the form with the reason.
    const forged = await confirm(s.asWinner, {
      amount: "900",
      destination: "acct_1",
      key: "payout-form:forged000001",
    });
    expect(forged.status).toBe(302);
    const back2 = new URL(forged.headers.get("location")!, server.url);
    expect(back2.searchParams.get("error")).toBe("You can withdraw up to $499.00.");
    expect(
      await db().selectFrom("payouts").select("id").where("designer_id", "=", s.winner).execute(),
    ).toEqual([]);
  });
});

describe("a client's receipts", () => {
  it("shows what was paid per contest, the fee, and any refund", async () => {
    const s = await paidWinner();
    // A second contest of the same client, refunded (not guaranteed, no winner).
    const refunded = await makeLaunchedContest(s.client, { prize: 30_000 });
    await db().updateTable("contests").set({ title: "Menu design" }).where("id", "=", refunded.id).execute();
    await refundContest({ contestId: refunded.id, clientId: s.client });

    const res = await (await loginAs(server, s.client)).get("/receipts");
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    const fee = platformFee(PRIZE, "USD");
    expect(html).toContain("Logo for Pain d'Or");
    expect(html).toContain("Prize released");
    expect(html).toContain(`$${((PRIZE + fee) / 100).toFixed(2)}`);
    expect(html).toContain(`$${(fee / 100).toFixed(2)}`);
    expect(html).toContain("Menu design");
    expect(html).toContain("Refunded");
    const refundFee = platformFee(30_000, "USD");
    expect(html).toContain(`−$${((30_000 + refundFee) / 100).toFixed(2)}`);
    // The totals: paid for both, the fee kept only for the awarded one.
    expect(html).toContain(`$${((PRIZE + fee + 30_000 + refundFee) / 100).toFixed(2)}`);

    const other = decode(await (await loginAs(server, s.winner)).get("/receipts").then((r) => r.text()));
    expect(other).toContain("No payments yet.");
    expect(other).not.toContain("Logo for Pain d'Or");
  });
});
