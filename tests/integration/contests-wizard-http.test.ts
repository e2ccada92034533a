import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { categoryMinimum, presetAmount } from "~/modules/contests/brief";
import { escrowOf } from "~/modules/escrow/ledger-reads.server";
import { SANDBOX_CARDS } from "~/modules/escrow/provider";
import {
  contestRow,
  decode,
  fieldError,
  formError,
  inputValue,
  isMarkedInvalid,
  launch,
  makeCompleteDraft,
  signUpAs,
  textareaValue,
} from "../helpers/contests";
import type { TestClient } from "../helpers/http-client";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function newClient(name = "Camille Client") {
  const client = server.client();
  const user = await signUpAs(client, name);
  return { client, ...user };
}

/** Start a draft over HTTP, as the first step of the wizard does; returns its id. */
async function startDraftOverHttp(client: TestClient, fields: Record<string, string> = {}) {
  const res = await client.post("/contests/new", {
    category: "logo",
    title: "Logo for a bakery",
    businessName: "Pain d'Or",
    ...fields,
  });
  expect(res.status).toBe(302);
  const location = res.headers.get("location")!;
  const m = /^\/contests\/([a-z0-9]+)\/edit\?step=2$/.exec(location);
  expect(m, location).not.toBeNull();
  return m![1]!;
}

const saveStep = (
  client: TestClient,
  id: string,
  step: number,
  fields: Record<string, string> | FormData,
) => {
  const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
  if (!(body instanceof FormData)) {
    body.set("intent", "save-step");
    body.set("step", String(step));
  } else {
    body.set("intent", "save-step");
    body.set("step", String(step));
  }
  return client.request(`/contests/${id}/edit?step=${step}`, { method: "POST", body });
};

const PRIZE_STEP = {
  currency: "USD",
  prizeChoice: "custom",
  prize: "499",
  qualifyingDays: "4",
  selectionDays: "4",
  finalDays: "3",
  winnerDays: "14",
};

describe("the brief wizard, without JavaScript", () => {
  it("asks a visitor to log in before starting a contest", async () => {
    const res = await server.client().get("/contests/new");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fcontests%2Fnew");
  });

  it("saves the first step as a draft at once, only its client sees it", async () => {
    const { client, id: clientId } = await newClient();
    const id = await startDraftOverHttp(client);
    const draft = await contestRow(id);
    expect(draft).toMatchObject({ status: "draft", clientId, title: "Logo for a bakery", draftStep: 2 });
    expect(draft.prize).toBe(categoryMinimum("logo", "USD"));
    const page = await client.get(`/contests/${id}/edit?step=2`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Tell designers about it");
    const stranger = await newClient("Other Client");
    expect((await stranger.client.get(`/contests/${id}`)).status).toBe(404);
    expect((await server.client().get(`/contests/${id}`)).status).toBe(404);
  });

  it("answers bad basics with messages beside the fields, keeping what was typed", async () => {
    const { client, id: clientId } = await newClient();
    const res = await client.post("/contests/new", {
      category: "spaceship",
      title: "",
      businessName: "Fuego Lento",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "brief-basics-category-error")).toBe("Choose what you need designed.");
    expect(fieldError(html, "brief-basics-title-error")).toBe("Please fill this in.");
    expect(isMarkedInvalid(html, "brief-basics-title")).toBe(true);
    expect(inputValue(html, "brief-basics-businessName")).toBe("Fuego Lento");
    const drafts = await db().selectFrom("contests").select("id").where("client_id", "=", clientId).execute();
    expect(drafts).toHaveLength(0);
  });

  it("saves the draft at every step and remembers the furthest step reached", async () => {
    const { client } = await newClient();
    const id = await startDraftOverHttp(client);

    const about = await saveStep(client, id, 2, {
      then: "next",
      description: "A warm logo for a neighbourhood bakery.",
      industry: "Food",
      audience: "Neighbours",
      mustHaves: "Readable from across the street",
    });
    expect(about.status).toBe(302);
    expect(about.headers.get("location")).toBe(`/contests/${id}/edit?step=3`);
    expect(await contestRow(id)).toMatchObject({
      description: "A warm logo for a neighbourhood bakery.",
      audience: "Neighbours",
      draftStep: 3,
    });

    const style = new FormData();
    style.set("then", "next");
    style.set("classic_modern", "80");
    style.set("playful_serious", "20");
    style.set("colorsUse", "#c8553d, navy, f2d0a4");
    style.set("colorsAvoid", "neon green");
    style.append("deliverables", "svg");
    style.append("deliverables", "pdf");
    const styleRes = await saveStep(client, id, 3, style);
    expect(styleRes.headers.get("location")).toBe(`/contests/${id}/edit?step=4`);
    const afterStyle = await contestRow(id);
    expect(afterStyle.style).toMatchObject({ classic_modern: 80, playful_serious: 20, simple_detailed: 50 });
    expect(afterStyle.colorsUse).toEqual(["#C8553D", "navy", "#F2D0A4"]);
    expect(afterStyle.colorsAvoid).toEqual(["neon green"]);
    expect(afterStyle.deliverables).toEqual(["svg", "pdf"]);
    expect(afterStyle.draftStep).toBe(4);

    // "Save draft" stays on the step and says so.
    const stay = await saveStep(client, id, 4, {
      ...PRIZE_STEP,
      then: "stay",
      prizeChoice: "gold",
      guaranteed: "on",
    });
    expect(stay.headers.get("location")).toBe(`/contests/${id}/edit?step=4&saved=1`);
    expect(await (await client.get(stay.headers.get("location")!)).text()).toContain("Draft saved.");
    const afterPrize = await contestRow(id);
    expect(afterPrize.prize).toBe(presetAmount("logo", "gold", "USD"));
    expect(afterPrize.guaranteed).toBe(true);
    expect(afterPrize.draftStep).toBe(5);

    const review = await client.get(`/contests/${id}/edit?step=5`);
    const html = await review.text();
    expect(html).toContain("Review and launch");
    expect(html).toContain("$840");
    // The escrow's fee policy: 15% of the prize, at least $29.
    expect(html).toContain("Platform fee (15%)");
    expect(html).toContain("$126");
    // Billed in Québec by default: GST 5 % and QST 9.975 % on the fee, each rounded to the cent.
    expect(html).toContain("GST (5%)");
    expect(html).toContain("$6.30");
    expect(html).toContain("QST (9.975%)");
    expect(html).toContain("$12.57"); // 12.5685
    expect(html).toContain(
      "I understand that $984.87 will be charged now and held in escrow for this contest.",
    );
  });

  it("runs a Québec client's brief in Canadian dollars unless they choose another currency", async () => {
    const client = server.client();
    client.language = "fr-CA";
    await signUpAs(client, "Gabrielle Client");
    const id = await startDraftOverHttp(client);
    expect((await contestRow(id)).currency).toBe("CAD");
    await saveStep(client, id, 2, { then: "next", description: "Un logo chaleureux." });
    await saveStep(client, id, 3, { then: "next" });
    const prizeStep = await (await client.get(`/contests/${id}/edit?step=4`)).text();
    // The packages and the minimum are in Canadian dollars, as a French reader writes them.
    expect(prizeStep).toContain('<option value="CAD" selected="">Dollars canadiens (CAD)</option>');
    expect(decode(prizeStep)).toContain(`Au moins 399\u00a0$ pour cette catégorie.`);

    const small = await saveStep(client, id, 4, { ...PRIZE_STEP, currency: "CAD", prize: "300" });
    expect(small.status).toBe(400);
    expect(fieldError(await small.text(), "brief-prize-prize-error")).toBe(
      "Le prix minimum pour cette catégorie est de 399\u00a0$.",
    );
    const unknown = await saveStep(client, id, 4, { ...PRIZE_STEP, currency: "GBP" });
    expect(unknown.status).toBe(400);
    expect(fieldError(await unknown.text(), "brief-prize-currency-error")).toBe(
      "Choisissez la devise du prix.",
    );

    await saveStep(client, id, 4, { ...PRIZE_STEP, currency: "CAD", prizeChoice: "gold" });
    expect(await contestRow(id)).toMatchObject({
      currency: "CAD",
      prize: presetAmount("logo", "gold", "CAD"),
    });
    // Switching to euros prices the same package in euros.
    await saveStep(client, id, 4, { ...PRIZE_STEP, currency: "EUR", prizeChoice: "gold" });
    expect(await contestRow(id)).toMatchObject({
      currency: "EUR",
      prize: presetAmount("logo", "gold", "EUR"),
    });
    const review = decode(await (await client.get(`/contests/${id}/edit?step=5`)).text());
    expect(review).toContain(`${presetAmount("logo", "gold", "EUR") / 100}\u00a0€`);
  });

  it("does not let a client skip ahead of the furthest step reached", async () => {
    const { client } = await newClient();
    const id = await startDraftOverHttp(client);
    const res = await client.get(`/contests/${id}/edit?step=5`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${id}/edit?step=2`);
  });

  it("answers bad input on each step beside the field, keeping the values", async () => {
    const { client } = await newClient();
    const id = await startDraftOverHttp(client);
    const about = await saveStep(client, id, 2, {
      then: "next",
      description: "   ",
      industry: "x".repeat(121),
      audience: "People who love bread",
    });
    expect(about.status).toBe(400);
    const aboutHtml = await about.text();
    expect(fieldError(aboutHtml, "brief-about-description-error")).toBe("Please fill this in.");
    expect(fieldError(aboutHtml, "brief-about-industry-error")).toBe("Keep this under 120 characters.");
    expect(textareaValue(aboutHtml, "brief-about-audience")).toBe("People who love bread");
    expect((await contestRow(id)).draftStep).toBe(2);

    await saveStep(client, id, 2, { then: "next", description: "Fine." });
    const style = new FormData();
    style.set("then", "next");
    style.set("classic_modern", "150");
    style.set("colorsUse", "#12345, navy");
    style.append("deliverables", "docx");
    const styleRes = await saveStep(client, id, 3, style);
    expect(styleRes.status).toBe(400);
    const styleHtml = await styleRes.text();
    expect(fieldError(styleHtml, "brief-style-classic_modern-error")).toBe(
      "Choose a position on the slider.",
    );
    expect(fieldError(styleHtml, "brief-style-colorsUse-error")).toBe(
      "“#12345” is not a colour we understand. Use a name (navy) or a hex code (#1F6FEB).",
    );
    expect(fieldError(styleHtml, "brief-style-deliverables-error")).toBe(
      "Choose file formats from the list.",
    );
    expect(inputValue(styleHtml, "brief-style-colorsUse")).toBe("#12345, navy");

    await saveStep(client, id, 3, { then: "next" });
    const days = await saveStep(client, id, 4, { ...PRIZE_STEP, qualifyingDays: "30", winnerDays: "zero" });
    expect(days.status).toBe(400);
    const daysHtml = await days.text();
    expect(fieldError(daysHtml, "brief-prize-qualifyingDays-error")).toBe("Choose between 1 and 14 days.");
    expect(fieldError(daysHtml, "brief-prize-winnerDays-error")).toBe("Choose between 1 and 14 days.");
    expect(inputValue(daysHtml, "brief-prize-qualifyingDays")).toBe("30");
  });

  it("refuses negative, zero, too small, absurd and over-precise prizes, in words", async () => {
    const { client } = await newClient();
    const id = await startDraftOverHttp(client);
    await saveStep(client, id, 2, { then: "next", description: "A logo." });
    await saveStep(client, id, 3, { then: "next" });
    const cases: [string, string][] = [
      ["-50", "The prize must be more than zero."],
      ["0", "The prize must be more than zero."],
      ["100", "The smallest prize for this category is $299."],
      ["99999999999", "That is more than we accept for one contest ($100,000). Check the amount."],
      ["250000", "That is more than we accept for one contest ($100,000). Check the amount."],
      ["12.345", "Use at most two decimals (cents), like 499.50."],
      ["a lot", "Enter an amount, like 499 or 1,250."],
      ["", "Choose a package or enter the prize."],
    ];
    for (const [prize, message] of cases) {
      const res = await saveStep(client, id, 4, { ...PRIZE_STEP, prize, then: "next" });
      expect(res.status, prize).toBe(400);
      const html = await res.text();
      expect(fieldError(html, "brief-prize-prize-error"), prize).toBe(message);
      expect(inputValue(html, "brief-prize-prize"), prize).toBe(prize);
    }
    const row = await contestRow(id);
    expect(row.prize).toBe(categoryMinimum("logo", "USD"));
    expect(row.draftStep).toBe(4);
    const ok = await saveStep(client, id, 4, { ...PRIZE_STEP, prize: "$1,250.50", then: "next" });
    expect(ok.status).toBe(302);
    expect((await contestRow(id)).prize).toBe(125_050);
  });

  it("reads a prize typed with a decimal comma or French spaces as it was meant, and the review asks for that", async () => {
    const { client } = await newClient();
    const id = await startDraftOverHttp(client);
    await saveStep(client, id, 2, { then: "next", description: "A logo." });
    await saveStep(client, id, 3, { then: "next" });
    for (const [typed, minor] of [
      ["499,99", 49_999],
      ["1 234,50", 123_450],
      ["499.99", 49_999],
    ] as const) {
      const res = await saveStep(client, id, 4, { ...PRIZE_STEP, prize: typed, then: "next" });
      expect(res.status, typed).toBe(302);
      expect((await contestRow(id)).prize, typed).toBe(minor);
    }
    const review = await (await client.get(`/contests/${id}/edit?step=5`)).text();
    expect(review).toContain("$499.99");
    expect(review).not.toContain("$49,999");
    // An amount that could be read two ways is refused in words, not guessed.
    const ambiguous = await saveStep(client, id, 4, { ...PRIZE_STEP, prize: "1,23,4", then: "next" });
    expect(ambiguous.status).toBe(400);
    expect((await contestRow(id)).prize).toBe(49_999);
  });

  it("lifts the prize to a dearer category's minimum when the category changes", async () => {
    const { client } = await newClient();
    const id = await startDraftOverHttp(client);
    const res = await saveStep(client, id, 1, { category: "app", title: "An app", then: "next" });
    expect(res.status).toBe(302);
    expect(await contestRow(id)).toMatchObject({ category: "app", prize: categoryMinimum("app", "USD") });
  });

  it("keeps the NDA only for a private contest", async () => {
    const { client } = await newClient();
    const id = await startDraftOverHttp(client);
    await saveStep(client, id, 2, { then: "next", description: "A logo." });
    await saveStep(client, id, 3, { then: "next" });
    await saveStep(client, id, 4, { ...PRIZE_STEP, then: "next", ndaText: "Keep it secret." });
    expect(await contestRow(id)).toMatchObject({ isPrivate: false, ndaText: null });
    await saveStep(client, id, 4, {
      ...PRIZE_STEP,
      then: "next",
      isPrivate: "on",
      ndaText: "Keep it secret.",
    });
    expect(await contestRow(id)).toMatchObject({ isPrivate: true, ndaText: "Keep it secret." });
  });

  it("shows the brief exactly as designers will see it, to its client only", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId, { title: "Label for a hot sauce" });
    const res = await client.get(`/contests/${id}/preview`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Preview: this is your brief as designers will see it once you launch.");
    expect(html).toContain("Label for a hot sauce");
    expect(html).toContain("Open for entries");
    const stranger = await newClient("Stranger");
    expect((await stranger.client.get(`/contests/${id}/preview`)).status).toBe(404);
  });
});

describe("another client", () => {
  it("cannot see, edit or delete someone else's draft (404), and nothing changes", async () => {
    const owner = await newClient("Owner");
    const id = await startDraftOverHttp(owner.client);
    const before = await contestRow(id);
    const other = await newClient("Intruder");
    expect((await other.client.get(`/contests/${id}/edit?step=2`)).status).toBe(404);
    const save = await saveStep(other.client, id, 2, { then: "next", description: "Hijacked" });
    expect(save.status).toBe(404);
    const cancel = await other.client.post(`/contests/${id}/cancel`, { confirm: "on" });
    expect(cancel.status).toBe(404);
    const after = await contestRow(id);
    expect(after).toEqual(before);
  });
});

describe("review and launch", () => {
  it("renders a fresh idempotency key with each payment form", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId);
    const key = async () => {
      const html = await (await client.get(`/contests/${id}/edit?step=5`)).text();
      return /name="idempotencyKey" value="([a-z0-9-]+)"/.exec(html)?.[1];
    };
    const [a, b] = [await key(), await key()];
    expect(a).toMatch(/^[a-z0-9-]{8,64}$/);
    expect(b).toMatch(/^[a-z0-9-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it("checks the card form beside each field, never echoing the card number back", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId);
    const res = await client.post(`/contests/${id}/edit?step=5`, {
      intent: "launch",
      idempotencyKey: "k-0123456789",
      cardName: "Camille Tremblay",
      cardNumber: "4242 4242 4242 4241",
      cardExpiry: "01/20",
      cardCvc: "12",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "launch-cardNumber-error")).toBe(
      "Check the card number: it should be 12 to 19 digits.",
    );
    expect(fieldError(html, "launch-cardExpiry-error")).toBe("This card has expired.");
    expect(fieldError(html, "launch-cardCvc-error")).toBe("Enter the 3 or 4 digits of the security code.");
    expect(fieldError(html, "launch-confirm-error")).toBe("Tick the box to confirm the payment.");
    expect(inputValue(html, "launch-cardName")).toBe("Camille Tremblay");
    expect(inputValue(html, "launch-cardExpiry")).toBe("01/20");
    expect(html).not.toContain("4242 4242 4242 4241");
    expect((await contestRow(id)).status).toBe("draft");
  });

  const card = (key: string, number = "4242 4242 4242 4242") => ({
    intent: "launch",
    idempotencyKey: key,
    cardName: "Camille Tremblay",
    cardNumber: number,
    cardExpiry: "12/40",
    cardCvc: "123",
    confirm: "on",
    // What the form posts by default: billed in Québec.
    billingCountry: "CA",
    billingProvince: "QC",
  });

  it("launches with the sandbox's test card: charged once, held in escrow, open for entries", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId, { prize: 49_900 });
    const res = await client.post(`/contests/${id}/edit?step=5`, card("launch-key-0001"));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/contests/${id}?launched=1`);
    const launched = await contestRow(id);
    expect(launched.status).toBe("qualifying");
    expect(await escrowOf(db(), id)).toMatchObject({ status: "held", prize: 49_900, fee: 7_485 });
    const page = await client.get(`/contests/${id}?launched=1`);
    expect(await page.text()).toContain("Your contest is live. Designers can send their first drafts now.");
    // The same form sent again (a double click): the first outcome stands, nothing is charged twice.
    const again = await client.post(`/contests/${id}/edit?step=5`, card("launch-key-0001"));
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/contests/${id}?launched=1`);
    const escrows = await db()
      .selectFrom("escrows")
      .select("contest_id")
      .where("contest_id", "=", id)
      .execute();
    expect(escrows).toHaveLength(1);
    expect((await contestRow(id)).version).toBe(launched.version);
  });

  it("puts a declined card's reason beside the card number, with a new key for the next try", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId);
    const res = await client.post(
      `/contests/${id}/edit?step=5`,
      card("declined-key-01", SANDBOX_CARDS.insufficientFunds),
    );
    expect(res.status).toBe(402);
    const html = await res.text();
    expect(fieldError(html, "launch-cardNumber-error")).toBe("Your card was declined: insufficient funds.");
    const key = /name="idempotencyKey" value="([a-z0-9-]+)"/.exec(html)?.[1];
    expect(key).toBeDefined();
    expect(key).not.toBe("declined-key-01");
    expect((await contestRow(id)).status).toBe("draft");
    expect(await escrowOf(db(), id)).toMatchObject({ status: "none" });
    // The next try with a good card goes through.
    const retry = await client.post(`/contests/${id}/edit?step=5`, card(key!));
    expect(retry.status).toBe(302);
    expect((await contestRow(id)).status).toBe("qualifying");
  });

  it("keeps the same key when the provider could not be reached, so a retry charges at most once", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId);
    const res = await client.post(
      `/contests/${id}/edit?step=5`,
      card("unreachable-01", SANDBOX_CARDS.unavailable),
    );
    expect(res.status).toBe(502);
    const html = await res.text();
    expect(formError(decode(html))).toMatch(
      /^The payment could not go through just now \(.+\)\. Nothing was charged; try again\.$/,
    );
    expect(html).toContain('name="idempotencyKey" value="unreachable-01"');
    expect((await contestRow(id)).status).toBe("draft");
  });

  it("names the steps a brief still needs before it can launch", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId);
    await db().updateTable("contests").set({ description: "" }).where("id", "=", id).execute();
    const res = await client.post(`/contests/${id}/edit?step=5`, card("incomplete-01"));
    expect(res.status).toBe(400);
    expect(formError(decode(await res.text()))).toBe("Your brief is not finished yet: About.");
    expect(await escrowOf(db(), id)).toMatchObject({ status: "none" });
  });

  it("does not let another client launch a draft (404, still a draft)", async () => {
    const owner = await newClient("Owner");
    const id = await makeCompleteDraft(owner.id);
    const other = await newClient("Intruder");
    const res = await other.client.post(`/contests/${id}/edit?step=5`, {
      intent: "launch",
      idempotencyKey: "k-0123456789",
      cardName: "Intruder",
      cardNumber: "4242 4242 4242 4242",
      cardExpiry: "12/40",
      cardCvc: "123",
      confirm: "on",
    });
    expect(res.status).toBe(404);
    expect((await contestRow(id)).status).toBe("draft");
  });
});

describe("deleting a draft", () => {
  it("asks for confirmation, then cancels the draft through the state machine", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId);
    const page = await client.get(`/contests/${id}/cancel`);
    expect(await page.text()).toContain("Delete this draft?");
    const unconfirmed = await client.post(`/contests/${id}/cancel`, {});
    expect(unconfirmed.status).toBe(400);
    expect(fieldError(await unconfirmed.text(), "confirm-confirm-error")).toBe("Tick the box to confirm.");
    expect((await contestRow(id)).status).toBe("draft");
    const done = await client.post(`/contests/${id}/cancel`, { confirm: "on" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/dashboard");
    expect((await contestRow(id)).status).toBe("cancelled");
    const events = await db()
      .selectFrom("contest_events")
      .select("kind")
      .where("contest_id", "=", id)
      .execute();
    expect(events.map((e) => e.kind)).toContain("cancelled");
    // Still private: a deleted draft is nobody else's business.
    expect((await server.client().get(`/contests/${id}`)).status).toBe(404);
    expect(formError(await (await client.get(`/contests/${id}`)).text())).toBeNull();
  });

  it("tells a client whose draft launched meanwhile what changed, and deletes nothing", async () => {
    const { client, id: clientId } = await newClient();
    const id = await makeCompleteDraft(clientId);
    await launch(id, clientId);
    const page = await client.get(`/contests/${id}/cancel`);
    expect(await page.text()).toContain("This contest has launched: there is no draft to delete.");
    // A confirmation sent from a page opened before the launch:
    const res = await client.post(`/contests/${id}/cancel`, { confirm: "on" });
    expect(res.headers.get("location")).toBeNull();
    expect(res.status).toBe(409);
    expect(formError(await res.text())).toBe(
      "This contest changed while you were deciding: it has launched.",
    );
    expect((await contestRow(id)).status).toBe("qualifying");
  });
});
