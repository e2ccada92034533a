import type { Browser } from "playwright-core";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { setSupportRole } from "~/modules/support/staff.server";
import { artifactPath, launchBrowser, logInThroughForm, watchErrors } from "../helpers/browser";
import { makeUser } from "../helpers/fixtures";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("support in the browser", () => {
  it("logs in, finds a user, suspends them with a reason and sees it in the audit log", async () => {
    const agent = await makeUser("Sam Support", "client");
    const { email } = await db()
      .selectFrom("users")
      .select("email")
      .where("id", "=", agent)
      .executeTakeFirstOrThrow();
    await setSupportRole(email, true);
    await makeUser("Mallory Spammer");

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await logInThroughForm(page, server.url, agent);
    await page.getByTestId("nav-support").click();
    await page.getByRole("heading", { level: 1, name: "Support console" }).waitFor();
    await page.getByRole("link", { name: "People" }).first().click();
    await page.getByLabel("Name, e-mail or profile address").fill("mallory");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Mallory Spammer" }).click();
    await page.getByRole("heading", { level: 1, name: "Mallory Spammer" }).waitFor();

    // Without a reason the decision is refused with a message; with one it goes through.
    const suspend = page.getByRole("form", { name: "Suspend the account" });
    await suspend.getByRole("button", { name: "Suspend the account" }).click();
    await page.getByText("Write the reason for this decision").waitFor();
    await page
      .getByRole("form", { name: "Suspend the account" })
      .getByLabel("Reason")
      .fill("sends spam to clients");
    await page.getByRole("form", { name: "Suspend the account" }).getByRole("button").click();
    await page.getByText("The account is suspended.").waitFor();
    expect(await page.getByTestId("suspension").textContent()).toContain("Suspended");

    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const log = page.getByTestId("audit-list");
    expect(await log.textContent()).toContain("sends spam to clients");
    expect(await log.textContent()).toContain("user.suspend");
    const file = artifactPath("support-audit.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    // The one refusal we asked for (no reason) answers 400; nothing else went wrong.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(errors.filter((e) => /status of 400/.test(e))).toHaveLength(1);
    await page.close();
  });
});
