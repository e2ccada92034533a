import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { paintEntries } from "../helpers/artwork";
import { artifactPath, launchBrowser, watchErrors, logInThroughForm } from "../helpers/browser";
import { drainJobs } from "../helpers/jobs";
import { judgingSetup, selectFinalistsNow } from "../helpers/judging";
import { startTestServer } from "../helpers/server";

// Feedback, then a new version: the core loop of a contest, in both rounds, with and without JavaScript.
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

const logIn = (page: Page, who: string) => logInThroughForm(page, server.url, who);

/** A new version of a design, drawn from raw pixels: a square of the given colour. */
async function newVersion(rgb: [number, number, number]) {
  const size = 900;
  const data = Buffer.alloc(size * size * 3, 250);
  for (let y = 250; y < 650; y++) {
    for (let x = 250; x < 650; x++) data.set(rgb, (y * size + x) * 3);
  }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

async function revisionsOf(entryId: string) {
  return db()
    .selectFrom("entry_revisions")
    .select(["id", "version", "status"])
    .where("entry_id", "=", entryId)
    .orderBy("version")
    .execute();
}

/**
 * The designer opens their entry, follows "Upload a new version", sends a file from the revise
 * page's form; the worker makes its images; the designer's entry page shows version 2 as current.
 */
async function revise(page: Page, entryId: string, options: { js: boolean; shot: string }) {
  await page.goto(`${server.url}/entries/${entryId}`);
  await page.getByRole("link", { name: "Upload a new version" }).click();
  await page.waitForURL(new RegExp(`/entries/${entryId}/revise$`));
  await page.getByRole("heading", { level: 1, name: "Upload a new version" }).waitFor();
  if (options.js) {
    await page.waitForFunction(
      () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
    );
  }
  await page
    .locator("input[type=file]")
    .setInputFiles({ name: "v2.png", mimeType: "image/png", buffer: await newVersion([20, 60, 140]) });
  // Each version declares (nothing is chosen beforehand).
  await page.getByLabel("No, no generative AI was used").check();
  await page.screenshot({ path: artifactPath(`${options.shot}-form.png`), fullPage: true });
  await page.getByRole("button", { name: "Upload version" }).click();
  await page.waitForURL(new RegExp(`/entries/${entryId}\\?v=[a-z0-9]+$`));
  const versions = await revisionsOf(entryId);
  expect(versions.map((v) => v.version)).toEqual([1, 2]);
  expect(new URL(page.url()).searchParams.get("v")).toBe(versions[1]!.id);

  await drainJobs(); // the worker makes the new version's preview and thumbnail
  expect((await revisionsOf(entryId)).map((v) => v.status)).toEqual(["ready", "ready"]);
  const preview = page.getByTestId("entry-stage").locator(`img[src*="${versions[1]!.id}"]`);
  if (options.js) {
    await preview.waitFor({ timeout: 15_000 }); // the page polls while a version is processing
  } else {
    await page.reload();
    await preview.waitFor();
  }
  await page.getByRole("link", { name: "Version 2 · current" }).waitFor();
  await page.screenshot({ path: artifactPath(`${options.shot}-entry.png`), fullPage: true });
  return versions[1]!.id;
}

/** The client sees the new version as the entry's current one, with its preview. */
async function clientSeesVersion(entryId: string, revisionId: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const { client_id } = await db()
    .selectFrom("entries")
    .innerJoin("contests", "contests.id", "entries.contest_id")
    .select("contests.client_id")
    .where("entries.id", "=", entryId)
    .executeTakeFirstOrThrow();
  await logIn(page, client_id);
  await page.goto(`${server.url}/entries/${entryId}`);
  await page.getByTestId("entry-stage").locator(`img[src*="${revisionId}"]`).waitFor();
  await page.getByRole("link", { name: "Version 2 · current" }).waitFor();
  await page.getByRole("link", { name: "Version 1" }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
}

describe("a designer revises an entry, in the browser", () => {
  it("in the qualifying round, with JavaScript: the revise page shows its form, and the new version is the one the client sees", async () => {
    const s = await judgingSetup();
    await paintEntries(Object.values(s.entries));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, s.ana);
    const revisionId = await revise(page, s.entries.ana1, { js: true, shot: "revise-qualifying" });
    // On a phone: the form fits, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/entries/${s.entries.ana1}/revise`);
    await page.getByRole("button", { name: "Upload version" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifactPath("revise-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
    await clientSeesVersion(s.entries.ana1, revisionId);
  });

  it("in the qualifying round, without JavaScript: a plain form post, then the entry page", async () => {
    const s = await judgingSetup();
    await paintEntries(Object.values(s.entries));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, s.ben);
    const revisionId = await revise(page, s.entries.ben1, { js: false, shot: "revise-nojs" });
    await context.close();
    await clientSeesVersion(s.entries.ben1, revisionId);
  });

  it("in the final round, a finalist revises with and without JavaScript; a designer who is not a finalist is told why instead of a form", async () => {
    const s = await judgingSetup();
    await paintEntries(Object.values(s.entries));
    await selectFinalistsNow(s.contestId, s.client, [s.ana, s.chloe]);
    expect((await loadContest(db(), s.contestId))!.status).toBe("final_round");

    // Ana, a finalist, revises one entry with JavaScript and her other one without.
    const withJs = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const ana = await withJs.newPage();
    const errors = watchErrors(ana);
    await logIn(ana, s.ana);
    const first = await revise(ana, s.entries.ana1, { js: true, shot: "revise-final" });
    expect(errors).toEqual([]);
    await withJs.close();
    await clientSeesVersion(s.entries.ana1, first);

    const withoutJs = await browser.newContext({ javaScriptEnabled: false });
    const anaNoJs = await withoutJs.newPage();
    await logIn(anaNoJs, s.ana);
    const second = await revise(anaNoJs, s.entries.ana2, { js: false, shot: "revise-final-nojs" });
    await withoutJs.close();
    await clientSeesVersion(s.entries.ana2, second);

    // Ben is not a finalist: his entry page offers no new version, and the revise page says why.
    const other = await browser.newContext();
    const ben = await other.newPage();
    await logIn(ben, s.ben);
    await ben.goto(`${server.url}/entries/${s.entries.ben1}`);
    await ben.getByTestId("entry-stage").waitFor();
    expect(await ben.getByRole("link", { name: "Upload a new version" }).count()).toBe(0);
    await ben.goto(`${server.url}/entries/${s.entries.ben1}/revise`);
    await ben
      .getByRole("alert")
      .getByText("Only the finalists can send designs in the final round.")
      .waitFor();
    expect(await ben.locator("input[type=file]").count()).toBe(0);
    await ben.screenshot({ path: artifactPath("revise-not-finalist.png"), fullPage: true });
    await other.close();
  });
});
