import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "~db/index";
import { DAY } from "~/utils/durations";
import { resetConfig } from "~/utils/env.server";
import { startProductionApp, type ProductionApp } from "../helpers/production";
import { artifactPath, launchBrowser, logInThroughForm, watchErrors } from "../helpers/browser";
import { makeLiveContest } from "../helpers/contests";

let app: ProductionApp;
let browser: Browser;
/** The contest the client launches in the first test; the second follows it through its round. */
let bakery = "";

beforeAll(async () => {
  app = await startProductionApp({ ENABLE_TEST_HOOKS: "true" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closeDb();
  await app?.stop();
});

const logInAsDemoClient = (page: Page) => logInThroughForm(page, app.url, "client@demo.concours");

/** The app runs in its own process with its own SQLite file: point this process's db() at it. */
async function useAppDatabase() {
  await closeDb();
  process.env.DATA_DIR = app.dataDir;
  delete process.env.DATABASE_URL;
  resetConfig();
}

const hydrated = (page: Page) =>
  page.waitForFunction(
    () =>
      (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
  );

describe("a client in the browser", () => {
  it("goes from the landing page through the brief wizard, pays and launches", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: "America/Montreal",
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logInAsDemoClient(page);

    await page.goto(app.url);
    await page.getByRole("link", { name: "Start a contest" }).first().click();
    await page.waitForURL(`${app.url}/contests/new`);
    await hydrated(page);

    // 1 · Basics: a mistake first, answered beside the field without leaving the page.
    await page.getByRole("button", { name: /Save and continue/ }).click();
    await page.getByText("Choose what you need designed.").waitFor();
    await page.getByRole("radio", { name: /^Logo\b/ }).check();
    await page.getByLabel("Contest title").fill("Logo for a neighbourhood bakery");
    await page.getByLabel("Business or project name").fill("Pain d'Or");
    await page.getByRole("button", { name: /Save and continue/ }).click();
    await page.waitForURL(/\/contests\/[a-z0-9]+\/edit\?step=2$/);
    const contestId = /contests\/([a-z0-9]+)\/edit/.exec(page.url())![1]!;

    // 2 · About.
    await page
      .getByLabel("What it is for")
      .fill("We bake bread every morning on rue Saint-Denis and need a warm, crafted mark.");
    await page.getByLabel("Industry").fill("Food and drink");
    await page.getByLabel("Target audience").fill("Neighbours, families and the cafés we supply.");
    await page.getByRole("button", { name: /Save and continue/ }).click();
    await page.waitForURL(/step=3$/);

    // 3 · Style: a slider by keyboard, colours drawn as swatches while typing, a reference image.
    const modern = page.getByRole("slider", { name: "Classic or Modern" });
    await modern.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect(modern.inputValue()).resolves.toBe("70");
    await page.getByLabel("Colours to use").fill("#C8553D, #F2D0A4, #2D2A32");
    await expect(page.locator(".swatches--live .swatch").count()).resolves.toBe(3);
    await page.getByRole("checkbox", { name: "SVG (vector)" }).check();
    await page.getByRole("checkbox", { name: "PNG", exact: true }).check();
    // Drawn pixel by pixel: this process loads the app's modules, whose image module allows sharp
    // only the JPEG, PNG and WebP decoders (no SVG input here).
    const pixels = Buffer.alloc(900 * 600 * 3);
    for (let y = 0; y < 600; y++)
      for (let x = 0; x < 900; x++) {
        const inCircle = (x - 450) ** 2 + (y - 300) ** 2 < 200 ** 2;
        pixels.set(inCircle ? [0xc8, 0x55, 0x3d] : [0xf2, 0xd0, 0xa4], (y * 900 + x) * 3);
      }
    const image = await sharp(pixels, { raw: { width: 900, height: 600, channels: 3 } })
      .png()
      .toBuffer();
    await page
      .locator("#reference-file")
      .setInputFiles({ name: "our-shop-sign.png", mimeType: "image/png", buffer: image });
    await page.getByRole("button", { name: "Upload image" }).click();
    await page.getByRole("img", { name: "our-shop-sign.png" }).waitFor();
    // The upload did not lose what was typed above it.
    await expect(page.getByLabel("Colours to use").inputValue()).resolves.toBe("#C8553D, #F2D0A4, #2D2A32");
    await page.screenshot({ path: artifactPath("wizard-style.png"), fullPage: true });
    await page.getByRole("button", { name: /Save and continue/ }).click();
    await page.waitForURL(/step=4$/);

    // 4 · Prize: a package and a guarantee.
    await page.getByRole("radio", { name: /^Silver/ }).check();
    await page.getByRole("checkbox", { name: /^Guaranteed prize/ }).check();
    await page.screenshot({ path: artifactPath("wizard-prize.png"), fullPage: true });
    await page.getByRole("button", { name: /Save and review/ }).click();
    await page.waitForURL(/step=5$/);

    // 5 · Review: the brief as designers will see it, the total, the payment form.
    await page.getByRole("heading", { name: "Review and launch" }).waitFor();
    await page.getByText("Neighbours, families and the cafés we supply.").waitFor();
    // Billed in Québec (the default): GST and QST on the $72 fee, each rounded to the cent.
    const totals = page.locator(".totals");
    await expect(totals.getByText("GST (5%)").count()).resolves.toBe(1);
    await expect(totals.getByText("QST (9.975%)").count()).resolves.toBe(1);
    await expect(page.locator(".totals__total").textContent()).resolves.toContain("$562.78");
    await expect(
      page.getByRole("meter", { name: "Classic or Modern" }).getAttribute("aria-valuenow"),
    ).resolves.toBe("70");
    await page.getByLabel("Card number").fill("4242 4242 4242 4241");
    await page.getByLabel("Name on the card").focus();
    await page.getByText("Check the card number: it should be 12 to 19 digits.").waitFor();
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Name on the card").fill("Camille Tremblay");
    await page.getByLabel("Expiry (MM/YY)").fill("04/31");
    await page.getByLabel("Security code (CVC)").fill("123");
    await page
      .getByText("Check the card number: it should be 12 to 19 digits.")
      .waitFor({ state: "detached" });
    await page.screenshot({ path: artifactPath("wizard-review.png"), fullPage: true });

    await useAppDatabase();
    const saved = await db()
      .selectFrom("contests")
      .selectAll()
      .where("id", "=", contestId)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ status: "draft", draft_step: 5, prize_minor: 48_000, guaranteed: 1 });
    expect(JSON.parse(saved.colors_use)).toEqual(["#C8553D", "#F2D0A4", "#2D2A32"]);
    expect(JSON.parse(saved.style).classic_modern).toBe(70);

    // Pay with the sandbox's test card and launch.
    await page.getByRole("checkbox", { name: /I understand that \$562\.78 will be charged now/ }).check();
    await page.getByRole("button", { name: "Pay and launch the contest" }).click();
    await page.waitForURL(`${app.url}/contests/${contestId}?launched=1`);
    await page.getByText("Your contest is live. Designers can send their first drafts now.").waitFor();
    await expect(page.getByTestId("contest-status").first().textContent()).resolves.toBe("Open for entries");
    const launched = await db()
      .selectFrom("contests")
      .select("status")
      .where("id", "=", contestId)
      .executeTakeFirstOrThrow();
    expect(launched.status).toBe("qualifying");

    // Listed for everyone to find.
    await page.getByRole("link", { name: "Browse contests" }).click();
    await page.waitForURL(`${app.url}/contests`);
    await page.getByRole("link", { name: "Logo for a neighbourhood bakery" }).waitFor();
    bakery = contestId;
    expect(errors).toEqual([]);
    await context.close();
  });

  it("browses contests, follows the launched one through its round to finalist selection", async () => {
    await useAppDatabase();
    const client = await db()
      .selectFrom("users")
      .select("id")
      .where("email", "=", "client@demo.concours")
      .executeTakeFirstOrThrow();
    expect(bakery, "the first test launched a contest").not.toBe("");
    const others: [string, number, string[]][] = [
      ["Label for a small-batch hot sauce", 89_900, ["#D62828", "#F77F00", "#003049"]],
      ["Cover for a debut poetry collection", 60_000, ["#1D3557", "#A8DADC"]],
      ["Brand identity for a Montréal coffee roaster", 250_000, ["#3E2723", "#D7CCC8", "#FFB300", "#004D40"]],
      ["Landing page for a climbing gym", 120_000, []],
    ];
    for (const [title, prize, colours] of others) {
      const id = await makeLiveContest(client.id, { title, prize });
      await db()
        .updateTable("contests")
        .set({ colors_use: JSON.stringify(colours) })
        .where("id", "=", id)
        .execute();
    }

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: "America/Montreal",
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}/contests`);
    // The four above, the one launched in the first test, and the demo seed's live contest.
    await page.getByTestId("contest-card").nth(5).waitFor();
    await expect(page.getByTestId("contest-card").count()).resolves.toBe(6);
    await page.locator("#browse-q").fill("bakery");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/q=bakery/);
    await page.getByText("for “bakery”").waitFor();
    await expect(page.getByTestId("contest-card").count()).resolves.toBe(1);
    await page.goto(`${app.url}/contests`);
    await hydrated(page);
    await page.screenshot({ path: artifactPath("contests-list.png"), fullPage: true });

    // On a phone: nothing scrolls sideways, and the filters fold away.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const mobile = await phone.newPage();
    for (const p of ["/contests", `/contests/${bakery}`, "/"]) {
      await mobile.goto(app.url + p);
      await hydrated(mobile);
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
    await mobile.goto(`${app.url}/contests`);
    await hydrated(mobile);
    await expect(
      mobile.locator("details.filters").evaluate((d) => (d as HTMLDetailsElement).open),
    ).resolves.toBe(false);
    await mobile.screenshot({ path: artifactPath("contests-list-phone.png"), fullPage: true });
    await phone.close();

    await logInAsDemoClient(page);
    await page.goto(`${app.url}/contests/${bakery}`);
    await hydrated(page);
    await expect(page.getByTestId("contest-status").first().textContent()).resolves.toBe("Open for entries");
    await page.getByRole("link", { name: "Rate entries" }).waitFor();
    // The reader's zone already on the server: no UTC label, before or after hydration.
    await page.waitForFunction(
      () => !document.querySelector(".prize-panel__when time")?.textContent?.includes("UTC"),
      undefined,
      { timeout: 5000 },
    );
    await expect(page.locator(".prize-panel__when time").textContent()).resolves.not.toContain("UTC");
    await page.screenshot({ path: artifactPath("contest-page.png"), fullPage: true });

    const advanced = await page.request.post(`${app.url}/__test/clock`, {
      data: { advanceMs: 4 * DAY + 60_000 },
      headers: { origin: app.url },
    });
    expect(advanced.status()).toBe(200);
    await page.reload();
    await page.getByText("The qualifying round ended; time to pick finalists").waitFor();
    await expect(page.getByTestId("contest-status").first().textContent()).resolves.toBe("Picking finalists");
    await expect(
      page.getByText("The qualifying round ended; time to pick finalists").isVisible(),
    ).resolves.toBe(true);
    await page.getByRole("link", { name: "Pick finalists" }).first().waitFor();

    await page.goto(`${app.url}/dashboard`);
    await expect(page.getByTestId("tasks").textContent()).resolves.toContain("Pick your finalists");
    await page.screenshot({ path: artifactPath("dashboard.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
