import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { db } from "~db/index";
import { DEMO_PASSWORD } from "~db/seed";
import { isLocale, translator, type T } from "~/i18n";

export const ARTIFACTS = path.resolve("test-artifacts");

export async function launchBrowser(): Promise<Browser> {
  // playwright gives every non-persistent launch a fresh, empty user-data-dir of its own.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // English pages unless a test asks for French (a context's `locale`): the assertions read English.
      "--lang=en-US",
    ],
  });
}

export function artifactPath(name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * A log line that is not an error of ours: when a navigation is superseded while its data is still
 * arriving (two quick moves in the rating viewer), Remix's single fetch logs the aborted decode with
 * console.error before React Router drops it as intended (@remix-run/react single-fetch.js,
 * `fetchAndDecode`). Nothing breaks and the person sees nothing.
 */
const SUPERSEDED_NAVIGATION = /^AbortError: signal is aborted without reason\n/;

/** Every uncaught error and console error of a page, to assert there were none. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !SUPERSEDED_NAVIGATION.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** The fixtures' shared password (tests/helpers/fixtures.ts). */
export const FIXTURE_PASSWORD = "a test passphrase";

/**
 * Log in through the login form, as a person does, and wait until the page names them. `who` is an
 * e-mail, or the id of a user made by the fixtures (its e-mail is looked up).
 */
export async function logInThroughForm(
  page: Page,
  base: string,
  who: string,
  password = who.endsWith("@demo.concours") ? DEMO_PASSWORD : FIXTURE_PASSWORD,
) {
  const email = who.includes("@")
    ? who
    : (await db().selectFrom("users").select("email").where("id", "=", who).executeTakeFirstOrThrow()).email;
  await page.goto(`${base}/login`);
  await fillLoginForm(page, email, password);
  await page.getByTestId("current-user").waitFor({ state: "attached" });
}

/** Fill and send the login form on the page showing it (e.g. after a redirect to /login). */
export async function fillLoginForm(page: Page, email: string, password = DEMO_PASSWORD) {
  const t = await pageT(page);
  await page.getByLabel(t("auth.email")).fill(email);
  await page.getByLabel(t("auth.password")).fill(password);
  await page.getByRole("button", { name: t("auth.login.submit") }).click();
}

/** `t` in the language the page is written in (its `<html lang>`), to find what a reader of it sees. */
export async function pageT(page: Page): Promise<T> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  return translator(isLocale(lang) ? lang : "en");
}
