import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionApp, type ProductionApp } from "../helpers/production";
import { artifactPath, fillLoginForm, launchBrowser, watchErrors } from "../helpers/browser";

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

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

const hydrated = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);

const logIn = (page: Page, email: string) => fillLoginForm(page, email);

/** Press Tab until the element matching `selector` has the focus (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 10) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} never had the focus`);
}

describe("finding one's way", () => {
  it("lands a visitor who pressed “Start a contest” on the wizard, through sign-up and then log-in", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await hydrated(page);
    await page.getByRole("link", { name: "Start a contest" }).first().click();
    await page.waitForURL(/\/signup\?/);
    // Already has an account: from the sign-up page to the log-in page, the destination goes along.
    await page.getByRole("main").getByRole("link", { name: "Log in" }).click();
    await page.waitForURL(/\/login\?/);
    await logIn(page, "client@demo.concours");
    await page.waitForURL(`${app.url}/contests/new`);
    await page.getByRole("heading", { level: 1, name: "Start a contest" }).waitFor();
    await page.screenshot({ path: artifactPath("nav-start-a-contest.png") });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("brings someone back to the page they opened while logged out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/dashboard`);
    await page.waitForURL(/\/login\?redirectTo=%2Fdashboard/);
    await logIn(page, "judge@demo.concours");
    await page.waitForURL(`${app.url}/dashboard`);
    // The demo judge is a judge, not a client with nothing yet.
    await page.getByRole("heading", { name: "Contests you judge" }).waitFor();
    await expect(page.getByText("Your first contest starts with a brief").count()).resolves.toBe(0);
    await expect(page.getByTestId("judging").textContent()).resolves.toMatch(/Rated 0 of \d+/);
    await page.screenshot({ path: artifactPath("dashboard-judge.png"), fullPage: true });
    await context.close();
  });

  it("shows a designer their entries and earnings on the dashboard", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/login?redirectTo=%2Fdashboard`);
    await logIn(page, "ana@demo.concours");
    await page.waitForURL(`${app.url}/dashboard`);
    await page.getByRole("heading", { name: "Your entries" }).waitFor();
    await expect(page.getByTestId("designer-entries").textContent()).resolves.toContain("In the running");
    await expect(page.getByTestId("designer-earnings").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: artifactPath("dashboard-designer.png"), fullPage: true });
    await context.close();
  });
});

describe("the header on a phone", () => {
  async function loggedInPhone(
    options: { javaScriptEnabled?: boolean } = {},
  ): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ ...PHONE, ...options });
    const page = await context.newPage();
    await page.goto(`${app.url}/login?redirectTo=%2Fcontests`);
    await logIn(page, "client@demo.concours");
    await page.waitForURL(`${app.url}/contests`);
    return [context, page];
  }

  it("is one short row, and its menu opens by keyboard", async () => {
    const [context, page] = await loggedInPhone();
    const errors = watchErrors(page);
    await hydrated(page);
    const header = await page.locator(".site-header").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    await page.screenshot({ path: artifactPath("nav-phone-closed.png") });
    // The client never designed: no "My entries" or "Earnings", not even in the menu.
    const menu = page.locator("details.site-menu");
    // From the top of a freshly opened page: the skip link, the brand, then the menu.
    await page.reload();
    await hydrated(page);
    await tabTo(page, "details.site-menu > summary", 3);
    await page.keyboard.press("Enter");
    await expect(menu.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    const panel = page.locator(".site-menu__panel");
    await expect(panel.getByRole("link", { name: "Dashboard" }).isVisible()).resolves.toBe(true);
    await expect(panel.getByRole("link", { name: "My entries" }).count()).resolves.toBe(0);
    await expect(panel.getByRole("link", { name: "Earnings" }).count()).resolves.toBe(0);
    await page.screenshot({ path: artifactPath("nav-phone-open.png") });
    // The next Tab goes into the menu; Escape closes it and gives the focus back to "Menu".
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => !!document.activeElement?.closest(".site-menu__panel"))).resolves.toBe(
      true,
    );
    await page.keyboard.press("Escape");
    await expect(menu.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.matches(".site-menu > summary"))).resolves.toBe(
      true,
    );
    // Following a link closes the menu.
    await page.keyboard.press("Enter");
    await panel.getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL(`${app.url}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    // The URL changes a moment before the new page renders: wait (at most 5 s) for the menu to close.
    await page.waitForFunction(
      () => !document.querySelector<HTMLDetailsElement>("details.site-menu")?.open,
      undefined,
      {
        timeout: 5000,
      },
    );
    await page.screenshot({ path: artifactPath("dashboard-client-phone.png"), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens its menu without JavaScript too", async () => {
    const [context, page] = await loggedInPhone({ javaScriptEnabled: false });
    await tabTo(page, "details.site-menu > summary");
    await page.keyboard.press("Enter");
    await page.locator(".site-menu__panel").getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL(`${app.url}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await context.close();
  });
});
