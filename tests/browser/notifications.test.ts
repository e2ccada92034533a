import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionApp, type ProductionApp } from "../helpers/production";
import { artifactPath, launchBrowser, watchErrors, logInThroughForm } from "../helpers/browser";

let app: ProductionApp;
let browser: Browser;

beforeAll(async () => {
  app = await startProductionApp(); // the demo seed: a live contest, its client, three designers
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A design drawn from raw pixels: a dark square on a light ground. */
function design(): Promise<Buffer> {
  const size = 800;
  const data = Buffer.alloc(size * size * 3, 235);
  for (let y = 250; y < 550; y++)
    for (let x = 250; x < 550; x++) data.fill(40, (y * size + x) * 3, (y * size + x) * 3 + 3);
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

const logIn = (page: Page, who: string) => logInThroughForm(page, app.url, who);

describe("the client's notifications", () => {
  it("say which designer sent which entry to which contest, with its thumbnail, and lead to it", async () => {
    const designer = await (await browser.newContext()).newPage();
    await logIn(designer, "ben@demo.concours");
    await designer.goto(`${app.url}/contests`);
    await designer
      .getByRole("link", { name: /Boulangerie Pain d'Or/ })
      .first()
      .click();
    await designer.getByRole("link", { name: "Submit a design" }).first().click();
    await designer.getByRole("heading", { name: "Submit a design" }).waitFor();
    await designer.waitForFunction(
      () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
    );
    await designer
      .locator("input[type=file]")
      .setInputFiles({ name: "square.png", mimeType: "image/png", buffer: await design() });
    await designer.getByLabel("Title (optional)").fill("Square loaf");
    await designer.getByLabel("No, no generative AI was used").check();
    await designer.getByRole("button", { name: "Submit design" }).click();
    await designer.waitForURL((url) => /^\/entries\/[a-z0-9]+$/.test(url.pathname));
    const entryPath = new URL(designer.url()).pathname;
    // The worker makes the previews; the client is told once the entry is ready.
    await designer.getByTestId("entry-stage").locator("img").waitFor({ timeout: 60_000 });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, "client@demo.concours");
    await page.goto(`${app.url}/notifications`);
    const link = page.getByTestId("notifications").locator(`a[href="${entryPath}"]`);
    await link.waitFor();
    const sentence = (await link.innerText()).replace(/^New:\s*/, "");
    expect(sentence).toMatch(/^Ben Okafor sent entry #\d+ to “A logo for Boulangerie Pain d'Or”\.$/);
    expect(await page.getByText("Something new").count()).toBe(0);
    const thumb = link.locator("img");
    expect(await thumb.getAttribute("alt")).toMatch(/^Entry #\d+ by Ben Okafor$/);
    await page.waitForFunction((href) => {
      const img = document.querySelector<HTMLImageElement>(`a[href="${href}"] img`);
      return !!img && img.complete && img.naturalWidth > 0;
    }, entryPath);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: artifactPath("notifications-client.png"), fullPage: true });

    await link.click();
    await page.waitForURL((url) => url.pathname === entryPath);
    await page.getByTestId("entry-stage").locator("img").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
