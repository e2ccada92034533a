import type { Browser, BrowserContext, Page } from "playwright-core";
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionApp, type ProductionApp } from "../helpers/production";
import { artifactPath, launchBrowser, logInThroughForm, watchErrors } from "../helpers/browser";
import { FILES } from "../helpers/handover";

// The whole contest as people meet it: the app as the README's first command runs it (production
// build, SQLite, demo data, its own worker), a client and two designers in a real browser, and only
// what they can click. Nothing is set up in the database; no hook but the app's own pages.
let app: ProductionApp;
let browser: Browser;

beforeAll(async () => {
  app = await startProductionApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

type Person = { context: BrowserContext; page: Page; errors: string[] };

async function person(email: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await logInThroughForm(page, app.url, email);
  return { context, page, errors };
}

const hydrated = (page: Page) =>
  page.waitForFunction(
    () =>
      (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
  );

async function shot(page: Page, name: string) {
  const file = artifactPath(`journey-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

/** A logo drawn from raw pixels (the app blocks sharp's SVG loader in this process): a ring and a leaf. */
function logo(ring: [number, number, number], leaf: [number, number, number], size = 1000) {
  const data = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = (x - size / 2) / size;
      const dy = (y - size / 2) / size;
      const r = Math.hypot(dx, dy);
      const inLeaf = Math.abs(dx) < 0.16 * Math.cos((dy / 0.22) * (Math.PI / 2)) && Math.abs(dy) < 0.22;
      const colour = r > 0.26 && r < 0.34 ? ring : inLeaf ? leaf : ([251, 245, 234] as const);
      data.set(colour, (y * size + x) * 3);
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

/** Reload until the text shows (the worker finishes images and checks in its own time). */
async function reloadUntil(page: Page, locate: () => ReturnType<Page["getByText"]>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await locate().count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`Not shown after ${timeoutMs} ms on ${page.url()}`);
    await page.waitForTimeout(500);
    await page.reload();
  }
}

/** A designer opens the contest from the list, sends a design, and waits for its watermarked preview. */
async function submit(
  designer: Person,
  title: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const { page } = designer;
  await page.goto(`${app.url}/contests`);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("link", { name: "Submit a design" }).first().click();
  await page.getByRole("heading", { name: "Submit a design" }).waitFor();
  await hydrated(page);
  await page.locator("input[type=file]").setInputFiles(file);
  await page.getByRole("button", { name: "Submit design" }).click();
  await page.waitForURL(/\/entries\/[a-z0-9]+(\?.*)?$/);
  await page.getByTestId("entry-stage").locator("img").waitFor({ timeout: 60_000 });
  return /\/entries\/([a-z0-9]+)/.exec(page.url())![1]!;
}

describe("a contest from the brief to the payout, through the pages alone", () => {
  it("a client launches, two designers enter, one revises, the client sees a copy flagged, picks the winner, opens the three final files, approves; the winner withdraws the prize", async () => {
    const title = "Logo for a Plateau tea house";

    // The client writes the brief in the wizard and pays with the sandbox's test card.
    const client = await person("client@demo.concours");
    const c = client.page;
    await c.goto(app.url);
    await c.getByRole("link", { name: "Start a contest" }).first().click();
    await c.waitForURL(`${app.url}/contests/new`);
    await hydrated(c);
    await c.getByRole("radio", { name: /^Logo\b/ }).check();
    await c.getByLabel("Contest title").fill(title);
    await c.getByLabel("Business or project name").fill("Maison Thé");
    await c.getByRole("button", { name: /Save and continue/ }).click();
    await c.waitForURL(/step=2$/);
    await c.getByLabel("What it is for").fill("A tea house on avenue du Mont-Royal; calm, green, hand-made.");
    await c.getByLabel("Industry").fill("Food and drink");
    await c.getByLabel("Target audience").fill("Neighbours who take their time.");
    await c.getByRole("button", { name: /Save and continue/ }).click();
    await c.waitForURL(/step=3$/);
    for (const format of ["SVG (vector)", "PNG", "PDF"])
      await c.getByRole("checkbox", { name: format, exact: true }).check();
    await c.getByRole("button", { name: /Save and continue/ }).click();
    await c.waitForURL(/step=4$/);
    await c.getByRole("radio", { name: /^Bronze/ }).check();
    await c.getByRole("button", { name: /Save and review/ }).click();
    await c.waitForURL(/step=5$/);
    await c.getByLabel("Card number").fill("4242 4242 4242 4242");
    await c.getByLabel("Name on the card").fill("Camille Tremblay");
    await c.getByLabel("Expiry (MM/YY)").fill("04/31");
    await c.getByLabel("Security code (CVC)").fill("123");
    const total = (await c.locator(".totals__total").textContent())!;
    const prize = (await c.locator(".totals dd").first().textContent())!.trim();
    await c.getByRole("checkbox", { name: /I understand that .* will be charged now/ }).check();
    await c.getByRole("button", { name: "Pay and launch the contest" }).click();
    await c.getByText("Your contest is live. Designers can send their first drafts now.").waitFor();
    const contestUrl = c.url().replace(/\?.*$/, "");
    expect(total).toContain("$");
    expect(prize).toMatch(/^\$[\d,]+$/);
    await shot(c, "launched");

    // Two designers enter; Ben's is Ana's design again, shrunk and saved as a JPEG.
    const ana = await person("ana@demo.concours");
    const anaLogo = await logo([46, 107, 79], [127, 176, 105]);
    const anaEntry = await submit(ana, title, {
      name: "leaf-ring.png",
      mimeType: "image/png",
      buffer: anaLogo,
    });
    const ben = await person("ben@demo.concours");
    const copy = await sharp(anaLogo).resize(900).jpeg({ quality: 80 }).toBuffer();
    await submit(ben, title, { name: "my-logo.jpg", mimeType: "image/jpeg", buffer: copy });

    // Ana revises after the client's comment: a new version, the one everyone now sees.
    await c.goto(`${app.url}/entries/${anaEntry}`);
    await c.getByLabel("Comment for the designer").fill("Lovely. Could the leaf be a deeper green?");
    await c.getByRole("button", { name: "Send comment" }).click();
    await c.getByText("Lovely. Could the leaf be a deeper green?").first().waitFor();
    await ana.page.goto(`${app.url}/entries/${anaEntry}`);
    await ana.page.getByText("Lovely. Could the leaf be a deeper green?").first().waitFor();
    await ana.page.getByRole("link", { name: "Upload a new version" }).click();
    await ana.page.getByRole("heading", { level: 1, name: "Upload a new version" }).waitFor();
    await hydrated(ana.page);
    await ana.page.locator("input[type=file]").setInputFiles({
      name: "leaf-ring-v2.png",
      mimeType: "image/png",
      buffer: await logo([27, 67, 50], [45, 106, 79]),
    });
    await ana.page.getByRole("button", { name: "Upload version" }).click();
    await ana.page.getByRole("link", { name: "Version 2 · current" }).waitFor({ timeout: 60_000 });
    await shot(ana.page, "revised");

    // The client sees the copy as a note to review, beside the later entry only.
    await c.goto(contestUrl);
    const tile = (n: number) =>
      c
        .getByTestId("gallery")
        .locator("> li")
        .filter({ has: c.locator(".entry-card__number", { hasText: `#${n}` }) });
    await reloadUntil(c, () => tile(2).getByTestId("similar-note"));
    expect(await tile(2).getByTestId("similar-note").innerText()).toMatch(/Similar to #1, please review/);
    expect(await tile(1).getByTestId("similar-note").count()).toBe(0);
    await shot(c, "similar");

    // The client picks Ana as the winner straight away, from the shortlist.
    await c.goto(`${contestUrl}/shortlist`);
    await c.getByLabel("Choose entry #1 by Ana Souza as the winner").check();
    await c.getByRole("button", { name: "Review winner" }).click();
    await c.getByRole("button", { name: "Yes, choose the winner" }).click();
    await c.getByText("You chose the winner.", { exact: false }).waitFor();

    // Ana hands over three final files and signs the transfer agreement.
    const a = ana.page;
    await a.goto(contestUrl);
    await a.getByRole("link", { name: "Hand over the final files" }).click();
    await a.getByRole("heading", { level: 1, name: title }).waitFor();
    await hydrated(a);
    const finals: [string, Buffer][] = [
      ["maison-the.svg", FILES.svg],
      ["maison-the.png", FILES.png],
      ["maison-the.pdf", FILES.pdf],
    ];
    for (const [i, [name, bytes]] of finals.entries()) {
      const file = artifactPath(name);
      fs.writeFileSync(file, bytes);
      await a.locator("#final-upload input[type=file]").setInputFiles(file);
      await a.getByRole("button", { name: "Upload the file" }).click();
      await a.getByTestId("final-files").getByText(name, { exact: true }).waitFor({ timeout: 15_000 });
      await expect(a.getByTestId("final-files").locator(".handover-file").count()).resolves.toBe(i + 1);
      await a.getByRole("progressbar").waitFor({ state: "detached" });
    }
    await a.getByLabel("Your legal name").fill("Ana Maria Souza");
    await a.getByLabel("I have read the agreement and I agree to it.").check();
    await a.getByRole("button", { name: "Sign the agreement" }).click();
    await a.getByText("You signed the design transfer agreement.").waitFor();
    await shot(a, "handover-winner");

    // The client opens each file before approving, signs, and approves.
    await c.goto(contestUrl);
    await c.getByRole("link", { name: "Review the handover" }).click();
    await c.getByRole("heading", { name: "Final files" }).waitFor();
    for (const [name, bytes] of finals) {
      const [download] = await Promise.all([
        c.waitForEvent("download"),
        c.getByRole("link", { name: `Download ${name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = artifactPath(`journey-opened-${name}`);
      await download.saveAs(saved);
      expect(fs.readFileSync(saved)).toEqual(bytes);
    }
    await c.getByLabel("Your legal name").fill("Camille Tremblay");
    await c.getByLabel("I have read the agreement and I agree to it.").check();
    await c.getByRole("button", { name: "Sign the agreement" }).click();
    await c.getByText("Signed by both parties. This agreement can no longer change.").waitFor();
    await c.getByRole("link", { name: "Review and approve" }).click();
    const release = `I have checked the files, and I release ${prize} to Ana Souza.`;
    await c.getByLabel(release).check();
    await shot(c, "approve");
    await c.getByRole("button", { name: "Approve and release the prize" }).click();
    await c.getByText("You approved the handover. The prize has been released to Ana Souza.").waitFor();

    // Ana finds the prize on /earnings and withdraws all of it.
    await a.getByRole("link", { name: "Earnings" }).first().click();
    await a.getByRole("heading", { level: 1, name: "Earnings" }).waitFor();
    const available = (await a.getByTestId("available").textContent())!;
    expect(available).toBe(`${prize}.00`);
    await a.getByLabel("Amount").fill(prize.replace(/[$,]/g, ""));
    await a.getByLabel("Payout account").fill("acct_ana_souza");
    await a.getByRole("button", { name: "Review the payout" }).click();
    await a.getByLabel(`Send ${available} to acct_ana_souza.`).check();
    await a.getByRole("button", { name: "Send the payout" }).click();
    await a.getByRole("heading", { level: 1, name: "Earnings" }).waitFor();
    await reloadUntil(a, () => a.getByTestId("payouts").getByText("Paid", { exact: true }));
    await expect(a.getByTestId("available").textContent()).resolves.toBe("$0.00");
    await shot(a, "paid-out");

    // Nobody met an error on any page.
    expect(client.errors).toEqual([]);
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
    for (const p of [client, ana, ben]) await p.context.close();
  });
});
