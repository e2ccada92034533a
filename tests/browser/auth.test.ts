import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { startProductionApp, type ProductionApp } from "../helpers/production";
import { artifactPath, launchBrowser } from "../helpers/browser";

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

describe("a new person in the browser", () => {
  it("sees the landing page (screenshot saved as an artifact)", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(app.url);
    // The page hydrates (the app's JavaScript ran and took over the server-rendered HTML).
    await page.waitForFunction(
      () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
    );
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("A brief goes in");
    await expect(page.getByRole("heading", { name: "How a contest works" }).isVisible()).resolves.toBe(true);
    const file = artifactPath("landing.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    // Nothing was blocked by the Content-Security-Policy and hydration went through.
    expect(errors).toEqual([]);
    await page.close();
  });

  it("signs up, sees they are logged in, logs out, and logs back in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Your name").fill("Maya Designer");
    await page.getByLabel("E-mail").fill("maya@example.com");
    await page.getByLabel("Password").fill("a long passphrase of mine");
    await page.getByLabel("Enter contests (designer)").check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${app.url}/`);
    await expect(page.getByTestId("current-user").textContent()).resolves.toBe("Maya Designer");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("link", { name: "Log in" }).waitFor();
    expect(await page.getByTestId("current-user").count()).toBe(0);

    await page.getByRole("link", { name: "Log in" }).click();
    await page.getByLabel("E-mail").fill("maya@example.com");
    await page.getByLabel("Password").fill("a long passphrase of mine");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByTestId("current-user").waitFor();
    await expect(page.getByTestId("current-user").textContent()).resolves.toBe("Maya Designer");
    await context.close();
  });

  it("shows errors beside the fields and keeps what was typed, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Your name").fill("No Script");
    await page.getByLabel("E-mail").fill("noscript@example.com");
    await page.getByLabel("Password").fill("password1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForLoadState();
    await expect(
      page.getByText("This password is one of the most common; choose another.").isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByLabel("Your name").inputValue()).resolves.toBe("No Script");
    // The first field in error has the focus.
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("name"));
    expect(focused).toBe("password");
    await context.close();
  });
});
