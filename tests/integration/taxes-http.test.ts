import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { resetConfig } from "~/utils/env.server";
import { decode, formError, makeCompleteDraft, signUpAs } from "../helpers/contests";
import type { TestClient } from "../helpers/http-client";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
const setEnv = (vars: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
};
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => setEnv({ GST_NUMBER: "123456789 RT0001", QST_NUMBER: "1234567890 TQ0001" }));
afterAll(async () => {
  setEnv({ GST_NUMBER: undefined, QST_NUMBER: undefined, TAX_SANDBOX_NUMBERS: undefined });
  await server.close();
});

const plain = (html: string) => decode(html).replace(/[\u00a0\u202f]/g, " ");

async function draftFor(language: string) {
  const client = server.client();
  client.language = language;
  const { id: clientId } = await signUpAs(client, "Camille Tremblay");
  // A prize of 499.00 USD: a fee of 74.85 (15 %).
  const id = await makeCompleteDraft(clientId, { prize: 499_00 });
  return { client, clientId, id };
}

function launchForm(billing: Record<string, string>) {
  return {
    intent: "launch",
    idempotencyKey: `tax-${Math.random().toString(36).slice(2, 12)}`,
    cardName: "Camille Tremblay",
    cardNumber: "4242 4242 4242 4242",
    cardExpiry: "12/40",
    cardCvc: "123",
    confirm: "on",
    ...billing,
  };
}

async function launched(client: TestClient, id: string, billing: Record<string, string>) {
  const res = await client.post(`/contests/${id}/edit?step=5`, launchForm(billing));
  expect(
    res.status,
    await res
      .clone()
      .text()
      .then((t) => formError(t) ?? ""),
  ).toBe(302);
  const intent = await db()
    .selectFrom("payment_intents")
    .selectAll()
    .where("contest_id", "=", id)
    .executeTakeFirstOrThrow();
  const escrow = await db()
    .selectFrom("escrows")
    .selectAll()
    .where("contest_id", "=", id)
    .executeTakeFirstOrThrow();
  const notifications = plain(await (await client.get("/notifications")).text());
  const receipts = plain(await (await client.get("/receipts")).text());
  return { intent, escrow, notifications, receipts };
}

describe("sales taxes at launch, over HTTP", () => {
  beforeAll(() => setEnv({ GST_NUMBER: "123456789 RT0001", QST_NUMBER: "1234567890 TQ0001" }));

  it("charges a Québec client GST and QST on the fee, and the receipt shows both lines with the numbers (English)", async () => {
    const { client, id } = await draftFor("en");
    const review = plain(await (await client.get(`/contests/${id}/edit?step=5`)).text());
    expect(review).toContain("GST (5%)");
    expect(review).toContain("QST (9.975%)");
    expect(review).toContain("I understand that $585.06 will be charged now");
    const r = await launched(client, id, { billingCountry: "CA", billingProvince: "QC" });
    // 499.00 + 74.85 + GST 3.74 (3.7425) + QST 7.47 (7.4663).
    expect(r.intent).toMatchObject({
      amount: 585_06,
      prize: 499_00,
      fee: 74_85,
      tax: 11_21,
      tax_region: "CA-QC",
    });
    expect(r.escrow).toMatchObject({ prize: 499_00, fee: 74_85, tax: 11_21, tax_region: "CA-QC" });
    expect(JSON.parse(r.escrow.tax_lines)).toEqual([
      { tax: "GST", rate: 5000, amount: 374, number: "123456789 RT0001", sandbox: false },
      { tax: "QST", rate: 9975, amount: 747, number: "1234567890 TQ0001", sandbox: false },
    ]);
    const transfer = await db()
      .selectFrom("ledger_transfers")
      .select("amount")
      .where("id", "=", r.escrow.pending_transfer_id)
      .executeTakeFirstOrThrow();
    expect(transfer.amount).toBe(585_06);
    expect(r.notifications).toContain(
      "You paid $585.06: the prize of $499, held in escrow, a fee of $74.85, and the taxes on the fee: " +
        "GST (5%): $3.74 (registration no. 123456789 RT0001) and QST (9.975%): $7.47 (registration no. 1234567890 TQ0001).",
    );
    expect(r.receipts).toContain("QST (9.975%)");
    expect(r.receipts).toContain("Registration no. 1234567890 TQ0001");
    expect(r.receipts).toContain("$585.06");
  });

  it("says the same in French, rates written the French way", async () => {
    const { client, id } = await draftFor("fr-CA");
    const r = await launched(client, id, { billingCountry: "CA", billingProvince: "QC" });
    expect(r.intent.amount).toBe(585_06);
    expect(r.notifications).toContain(
      "TPS (5 %) : 3,74 $ US (nº d’inscription 123456789 RT0001) et TVQ (9,975 %) : 7,47 $ US (nº d’inscription 1234567890 TQ0001).",
    );
    expect(r.receipts).toContain("Numéro d’inscription 123456789 RT0001");
  });

  it("charges an Ontario client HST 13 % (9.7305 → 9.73)", async () => {
    const { client, id } = await draftFor("en");
    const r = await launched(client, id, { billingCountry: "CA", billingProvince: "ON" });
    expect(r.intent).toMatchObject({ amount: 583_58, tax: 9_73, tax_region: "CA-ON" });
    expect(r.notifications).toContain("HST (13%): $9.73 (registration no. 123456789 RT0001)");
  });

  it("charges a client billed outside Canada no tax, and the receipt has no tax line", async () => {
    const { client, id } = await draftFor("en");
    const r = await launched(client, id, { billingCountry: "FR", billingProvince: "" });
    expect(r.intent).toMatchObject({ amount: 573_85, tax: 0, tax_region: "FR" });
    expect(r.escrow.tax_lines).toBe("[]");
    expect(r.notifications).toContain(
      "You paid $573.85: the prize of $499, held in escrow, and a fee of $74.85.",
    );
    expect(r.receipts).not.toContain("GST");
  });

  it("asks for the province of a Canadian billing address, in the reader's language", async () => {
    const { client, id } = await draftFor("fr-CA");
    const res = await client.post(`/contests/${id}/edit?step=5`, launchForm({ billingCountry: "CA" }));
    expect(res.status).toBe(400);
    expect(plain(await res.text())).toContain(
      "Choisissez la province ou le territoire de votre adresse de facturation au Canada.",
    );
  });

  it("lists the provinces in the reader's alphabetical order", async () => {
    for (const [language, first, third] of [
      ["fr-CA", "Alberta", "Île-du-Prince-Édouard"],
      ["en", "Alberta", "Manitoba"],
    ] as const) {
      const { client, id } = await draftFor(language);
      const html = decode(await (await client.get(`/contests/${id}/edit?step=5`)).text());
      const select = /<select[^>]*name="billingProvince"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!;
      const names = [...select.matchAll(/<option value="[A-Z]{2}"[^>]*>([^<]+)<\/option>/g)].map(
        (m) => m[1]!,
      );
      expect(names).toHaveLength(13);
      expect(names).toEqual([...names].sort(new Intl.Collator(language).compare));
      expect([names[0], names[2]]).toEqual([first, third]);
    }
  });

  it("does not charge a total the client did not see: another region asks to confirm again", async () => {
    const { client, id } = await draftFor("en");
    const form = { ...launchForm({ billingCountry: "CA", billingProvince: "ON" }), confirmedTotal: "58506" };
    const res = await client.post(`/contests/${id}/edit?step=5`, form);
    expect(res.status).toBe(409);
    const html = plain(await res.text());
    expect(formError(html)).toBe(
      "The taxes depend on your billing address: check the new total, then confirm again.",
    );
    expect(html).toContain("HST (13%)");
    expect(html).toContain("I understand that $583.58 will be charged now");
    const charged = await db()
      .selectFrom("payment_intents")
      .select("id")
      .where("contest_id", "=", id)
      .execute();
    expect(charged).toEqual([]);
  });

  it("refuses to charge a tax whose registration number is missing, and charges nothing", async () => {
    setEnv({ QST_NUMBER: undefined, TAX_SANDBOX_NUMBERS: "false" });
    const { client, id } = await draftFor("en");
    const res = await client.post(
      `/contests/${id}/edit?step=5`,
      launchForm({ billingCountry: "CA", billingProvince: "QC" }),
    );
    expect(res.status).toBe(503);
    expect(formError(plain(await res.text()))).toBe(
      "We cannot charge these taxes yet (QST): the platform’s registration number is not set up. Nothing was charged and our team has been told. Please try again later.",
    );
    const charged = await db()
      .selectFrom("payment_intents")
      .select("id")
      .where("contest_id", "=", id)
      .execute();
    expect(charged).toEqual([]);
    // Ontario needs only the GST/HST number: it launches.
    const on = await client.post(
      `/contests/${id}/edit?step=5`,
      launchForm({ billingCountry: "CA", billingProvince: "ON" }),
    );
    expect(on.status).toBe(302);
    setEnv({ TAX_SANDBOX_NUMBERS: undefined });
  });

  it("prints the sandbox's numbers as such when none is configured and payments are the sandbox's", async () => {
    setEnv({ GST_NUMBER: undefined, QST_NUMBER: undefined, TAX_SANDBOX_NUMBERS: undefined });
    const { client, id } = await draftFor("en");
    const r = await launched(client, id, { billingCountry: "CA", billingProvince: "QC" });
    expect(r.notifications).toContain("(registration no. 0000000000 TQ0000, a sandbox number)");
  });
});
