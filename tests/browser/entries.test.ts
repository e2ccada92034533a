import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~db/seed";
import { artifactPath, launchBrowser, startAppProcess } from "../helpers/browser";

let app: Awaited<ReturnType<typeof startAppProcess>>;
let browser: Browser;

beforeAll(async () => {
  app = await startAppProcess(); // with the demo seed: a live contest, its client, three designers
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A design drawn from raw pixels: a dark ring on a warm ground. */
async function design(): Promise<Buffer> {
  const size = 1000;
  const data = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - 500, y - 500);
      const ring = r > 220 && r < 330;
      const i = (y * size + x) * 3;
      data[i] = ring ? 30 : 250;
      data[i + 1] = ring ? 40 : 214;
      data[i + 2] = ring ? 90 : 160;
    }
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

async function logIn(page: Page, email: string) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByTestId("current-user").waitFor();
}

async function openDemoContest(page: Page) {
  await page.goto(`${app.url}/contests`);
  await page
    .getByRole("link", { name: /Boulangerie Pain d'Or/ })
    .first()
    .click();
  await page.getByRole("heading", { level: 1, name: /Boulangerie Pain d'Or/ }).waitFor();
}

describe("a designer's draft, in the browser", () => {
  it("is uploaded, then its watermarked preview appears by itself; the client sees it in the gallery", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await logIn(page, "ana@demo.concours");
    await openDemoContest(page);
    await page.getByRole("link", { name: "Submit a design" }).first().click();
    await page.getByRole("heading", { name: "Submit a design" }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
    );
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "ring.png", mimeType: "image/png", buffer: await design() });
    await page.getByLabel("Title (optional)").fill("Golden ring");
    await page.getByRole("button", { name: "Submit design" }).click();
    await page.waitForURL(/\/entries\/[a-z0-9]+$/);
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
    expect(errors).toEqual([]);

    const client = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await logIn(client, "client@demo.concours");
    await openDemoContest(client);
    const card = client.getByTestId("gallery").getByRole("link", { name: /Golden ring/ });
    await card.waitFor();
    await client.screenshot({ path: artifactPath("gallery-client.png"), fullPage: true });
    await context.close();
  });

  it("works without JavaScript too: a plain form post, then the entry page once the preview is ready", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, "ben@demo.concours");
    await openDemoContest(page);
    await page.getByRole("link", { name: "Submit a design" }).first().click();
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "ring.png", mimeType: "image/png", buffer: await design() });
    await page.getByRole("button", { name: "Submit design" }).click();
    await page.waitForURL(/\/entries\/[a-z0-9]+$/);
    // Without JavaScript the page does not poll; reloading shows the preview once it exists.
    for (let i = 0; i < 60; i++) {
      if ((await page.getByTestId("entry-stage").locator("img").count()) > 0) break;
      await new Promise((r) => setTimeout(r, 500));
      await page.reload();
    }
    expect(await page.getByTestId("entry-stage").locator("img").getAttribute("src")).toMatch(
      /^\/media\/public\/previews\//,
    );
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
    await page.getByRole("button", { name: "Submit design" }).click();
    await page.getByRole("alert").getByText(/TIFF/).waitFor();
    expect(page.url()).toMatch(/\/entries\/new$/);
    await context.close();
  });
});
