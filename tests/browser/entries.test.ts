import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionApp, type ProductionApp } from "../helpers/production";
import { artifactPath, launchBrowser, watchErrors, logInThroughForm } from "../helpers/browser";

let app: ProductionApp;
let browser: Browser;

beforeAll(async () => {
  app = await startProductionApp(); // with the demo seed: a live contest, its client, three designers
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A design drawn from raw pixels: a dark ring on a warm ground (grain makes the file larger). */
async function design(grain = 0): Promise<Buffer> {
  const size = 1000;
  const data = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - 500, y - 500);
      const ring = r > 220 && r < 330;
      const i = (y * size + x) * 3;
      const noise = grain ? Math.floor(Math.random() * grain) : 0;
      data[i] = (ring ? 30 : 250) - noise;
      data[i + 1] = (ring ? 40 : 214) - noise;
      data[i + 2] = (ring ? 90 : 160) - noise;
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

/** An entry's own page (not /contests/…/entries/new, whose last segment looks like an id too). */
const ENTRY_PAGE = /^https?:\/\/[^/]+\/entries\/[a-z0-9]+$/;

const logIn = (page: Page, who: string) => logInThroughForm(page, app.url, who);

async function openDemoContest(page: Page) {
  await page.goto(`${app.url}/contests`);
  await page
    .getByRole("link", { name: /Boulangerie Pain d'Or/ })
    .first()
    .click();
  await page.getByRole("heading", { level: 1, name: /Boulangerie Pain d'Or/ }).waitFor();
}

describe("a designer's draft, in the browser", () => {
  it("shows the chosen file and a progress bar while it travels, then its watermarked preview appears by itself; the client sees it in the gallery", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, "ana@demo.concours");
    await openDemoContest(page);
    await page.getByRole("link", { name: "Submit a design" }).first().click();
    await page.getByRole("heading", { name: "Submit a design" }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
    );
    // A grainy 1000 px PNG (most of a megabyte) on a slowed-down upload link, so the bytes take a while.
    const file = await design(24);
    expect(file.length).toBeGreaterThan(500_000);
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "ring.png", mimeType: "image/png", buffer: file });
    // The chosen file shows at once, before anything is sent.
    const chosen = page.getByRole("img", { name: "Preview of ring.png" });
    await chosen.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>("img.dropzone__preview");
      return !!img && img.complete && img.naturalWidth === 1000;
    });
    expect(await chosen.getAttribute("src")).toMatch(/^blob:/);
    await page.screenshot({ path: artifactPath("upload-chosen.png") });

    // Every value the progress bar shows, kept in the tab's session storage across the navigation
    // that follows the upload.
    await page.evaluate(() => {
      new MutationObserver(() => {
        const bar = document.querySelector("[role=progressbar]");
        if (!bar) return;
        const shown = JSON.parse(sessionStorage.getItem("progress") ?? "[]") as number[];
        shown.push(Number(bar.getAttribute("aria-valuenow")));
        sessionStorage.setItem("progress", JSON.stringify(shown));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 300_000,
    });
    await page.getByLabel("Title (optional)").fill("Golden ring");
    // Every design declares (nothing is chosen beforehand).
    await page.getByLabel("No, no generative AI was used").check();
    await page.getByRole("button", { name: "Submit design" }).click();
    await page.getByRole("progressbar").waitFor();
    await page.screenshot({ path: artifactPath("upload-progress.png") });
    await page.waitForURL(ENTRY_PAGE);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const shown = JSON.parse(
      (await page.evaluate(() => sessionStorage.getItem("progress"))) ?? "[]",
    ) as number[];
    // The bar rose through values between its ends, never backwards.
    expect(shown.filter((v) => v > 0 && v < 100).length).toBeGreaterThan(2);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(Math.max(...shown)).toBe(100);
    // The watermarked preview replaces the placeholder by itself once the worker has made it.
    const preview = page.getByTestId("entry-stage").locator("img");
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getAttribute("src")).toMatch(/^\/media\/public\/previews\//);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>("[data-testid=entry-stage] img");
      return !!img && img.complete && img.naturalWidth > 0;
    });
    expect(await preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1000);
    expect(await preview.getAttribute("alt")).toContain("Golden ring");
    await page.screenshot({ path: artifactPath("entry-preview.png") });
    // With JavaScript the page polls; it never carries the no-JavaScript refresh.
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    expect(errors).toEqual([]);

    const client = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await logIn(client, "client@demo.concours");
    await openDemoContest(client);
    const card = client.getByTestId("gallery").getByRole("link", { name: /Golden ring/ });
    await card.waitFor();
    await client.screenshot({ path: artifactPath("gallery-client.png"), fullPage: true });
    await context.close();
  });

  it("works without JavaScript too: a plain form post, then the processing page refreshes itself until the preview shows", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, "ben@demo.concours");
    await openDemoContest(page);
    await page.getByRole("link", { name: "Submit a design" }).first().click();
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "ring.png", mimeType: "image/png", buffer: await design(24) });
    await page.getByLabel("No, no generative AI was used").check();
    await page.getByRole("button", { name: "Submit design" }).click();
    await page.waitForURL(ENTRY_PAGE);
    // Still processing (the worker needs a moment for a grainy 1000 px file): the page says so
    // and asks the browser to load it again shortly.
    const stage = page.getByTestId("entry-stage");
    await stage.getByText(/making the watermarked preview/i).waitFor();
    const refresh = page.locator('meta[http-equiv="refresh"]');
    expect(await refresh.count()).toBe(1);
    expect(Number(await refresh.getAttribute("content"))).toBeGreaterThan(0);
    // Nobody reloads: the page does, until the preview is there.
    await stage.locator("img").waitFor({ timeout: 60_000 });
    expect(await stage.locator("img").getAttribute("src")).toMatch(/^\/media\/public\/previews\//);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    await context.close();
  });

  it("says in plain words why a file is refused", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, "chloe@demo.concours");
    await openDemoContest(page);
    await page.getByRole("link", { name: "Submit a design" }).first().click();
    await page.waitForFunction(
      () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
    );
    const tiff = await sharp(await design())
      .tiff()
      .toBuffer();
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: tiff });
    await page.getByLabel("No, no generative AI was used").check();
    await page.getByRole("button", { name: "Submit design" }).click();
    await page.getByRole("alert").getByText(/TIFF/).waitFor();
    expect(page.url()).toMatch(/\/entries\/new$/);
    await context.close();
  });
});
