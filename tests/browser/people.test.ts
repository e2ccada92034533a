import type { Browser, Page } from "playwright-core";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { now } from "~/utils/clock.server";
import { paintEntries } from "../helpers/artwork";
import { artifactPath, launchBrowser, logInThroughForm, watchErrors } from "../helpers/browser";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { FILES, sign, uploadFinal } from "../helpers/handover";
import { loginAs, startTestServer } from "../helpers/server";
import { refreshAllDesignerRecords } from "~/modules/people/designer-records.server";

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

async function shot(page: Page, name: string) {
  const file = artifactPath(`people-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

/** Completed public logo contests won by `designer`, each with a winning entry to show. */
async function pastWins(client: string, designer: string, n: number) {
  for (let i = 0; i < n; i++) {
    const c = await makeLaunchedContest(client);
    const entry = await makeReadyEntry(c.id, designer);
    await db()
      .updateTable("contests")
      .set({
        title: `Past logo ${i + 1}`,
        status: "completed",
        winner_id: designer,
        winning_entry_id: entry,
        ended_at: now(),
      })
      .where("id", "=", c.id)
      .execute();
    await paintEntries([entry]);
  }
}

describe("people in the browser", () => {
  it("a client finds a designer in the directory, keeps and invites them, writes to them, the designer answers; after the contest the client reviews them and the review is on the profile", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const ana = await makeUser("Ana Souza");
    await db()
      .updateTable("users")
      .set({
        bio: "Logos for bakeries and cafés, in Montréal.",
        location: "Montréal, Québec",
        languages: JSON.stringify(["fr", "en"]),
        categories: JSON.stringify(["logo"]),
      })
      .where("id", "=", ana)
      .execute();
    const pastClient = await makeUser("Former Client", "client");
    await pastWins(pastClient, ana, 2);
    const handle = (
      await db().selectFrom("users").select("handle").where("id", "=", ana).executeTakeFirstOrThrow()
    ).handle!;

    // The client reads Ana's profile: her level, her record, her winning designs.
    const clientContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await clientContext.newPage();
    const clientErrors = watchErrors(page);
    await logIn(page, client);
    // She finds Ana in the directory: logo designers, searched by a word of her bio.
    const rival = await makeUser("Ben Okafor");
    await db()
      .updateTable("users")
      .set({ categories: JSON.stringify(["packaging"]) })
      .where("id", "=", rival)
      .execute();
    await refreshAllDesignerRecords();
    await page.getByRole("link", { name: "Designers", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Find designers" }).waitFor();
    await page.getByRole("searchbox", { name: "Search designers" }).fill("bakeries");
    await page.getByRole("combobox", { name: "Category", exact: true }).selectOption({ label: "Logo" });
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=bakeries/);
    await expect(page.locator("#main").textContent()).resolves.not.toContain("Ben Okafor");
    await shot(page, "directory");
    await page.getByRole("link", { name: "Ana Souza" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Ana Souza" }).waitFor();
    await expect(page.getByTestId("profile-level").textContent()).resolves.toBe("Mid level");
    await expect(page.getByTestId("portfolio-piece").count()).resolves.toBe(2);
    await shot(page, "profile");

    // She keeps Ana among her designers and invites her to her private contest.
    const secret = await makeLaunchedContest(client);
    await db()
      .updateTable("contests")
      .set({ title: "Secret bakery rebrand", is_private: 1 })
      .where("id", "=", secret.id)
      .execute();
    await page.getByRole("button", { name: "Add to my designers" }).click();
    await page.getByRole("button", { name: "Remove from my designers" }).waitFor();
    await page.getByRole("link", { name: "Invite to a contest" }).click();
    await page.getByTestId("invite-contest").selectOption({ label: "Secret bakery rebrand (private)" });
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByText("Ana Souza is invited to “Secret bakery rebrand”.", { exact: false }).waitFor();
    await page.goto(`${server.url}/my/designers`);
    await expect(page.locator("#main").textContent()).resolves.toContain("Ana Souza");
    await shot(page, "my-designers");
    await page.goto(`${server.url}/designers/${handle}`);

    // … and writes to her.
    await page.getByRole("link", { name: "Write to Ana Souza" }).click();
    await page.getByLabel("Your message").fill("Bonjour Ana, would you enter my bakery contest?");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("heading", { name: "Conversation with Ana Souza" }).waitFor();
    await page.getByText("would you enter my bakery contest?").waitFor();

    // Ana sees the unread message in the header and answers.
    const anaContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const anaPage = await anaContext.newPage();
    const anaErrors = watchErrors(anaPage);
    await logIn(anaPage, ana);
    await anaPage.goto(`${server.url}/messages`);
    await anaPage.getByText("1 unread message").waitFor();
    await shot(anaPage, "inbox-phone");
    await anaPage
      .getByRole("link", { name: /Camille Tremblay/ })
      .first()
      .click();
    await anaPage.getByLabel("Answer Camille Tremblay").fill("Avec plaisir! I am on it.");
    await anaPage.getByRole("button", { name: "Send" }).click();
    await anaPage.getByText("Avec plaisir! I am on it.").waitFor();
    await page.reload();
    await page.getByText("Avec plaisir! I am on it.").waitFor();

    // Ana sees who invited her to what, and the private contest opens for her.
    await anaPage.goto(`${server.url}/my/invitations`);
    await anaPage.getByText("From Camille Tremblay").waitFor();
    await anaPage.getByRole("link", { name: "Secret bakery rebrand" }).click();
    await anaPage.getByRole("heading", { level: 1, name: "Secret bakery rebrand" }).waitFor();

    // The contest runs; Ana wins and hands over (through the modules: the handover has its own journey).
    const contest = await makeLaunchedContest(client);
    await db()
      .updateTable("contests")
      .set({ title: "Pain d'Or logo" })
      .where("id", "=", contest.id)
      .execute();
    const entry = await makeReadyEntry(contest.id, ana);
    await paintEntries([entry]);
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: async (c, trx) => ({
        type: "select_winner",
        designerId: ana,
        entryId: entry,
        verdict: await computeVerdict(trx, c),
      }),
    });
    const asAna = await loginAs(server, ana);
    expect((await uploadFinal(asAna, contest.id, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asAna, contest.id, "Ana Souza")).status).toBe(302);
    expect((await sign(await loginAs(server, client), contest.id, "Camille Tremblay")).status).toBe(302);

    // The client approves in the browser, then reviews Ana on the same page.
    await page.goto(`${server.url}/contests/${contest.id}/handover/approve`);
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: /Approve/ }).click();
    await page.getByRole("heading", { name: "Your review of Ana Souza" }).waitFor();
    await page.getByRole("button", { name: "Publish the review" }).click();
    await page.getByText("Please choose from 1 to 5 stars.").first().waitFor(); // checked in the browser
    await page.locator(".star-choice__option").nth(4).click(); // the fifth star
    await page.getByLabel("Your review", { exact: true }).fill("Ana listened and delivered a crest we love.");
    await shot(page, "review-form");
    await page.getByRole("button", { name: "Publish the review" }).click();
    await page.getByText("Thank you. Your review of Ana Souza is on their profile.").waitFor();

    // Ana answers it from her handover page.
    await anaPage.goto(`${server.url}/contests/${contest.id}/handover`);
    await anaPage.getByText("Ana listened and delivered a crest we love.").waitFor();
    await anaPage.getByLabel("Your answer", { exact: true }).fill("Merci Camille, it was a pleasure.");
    await anaPage.getByRole("button", { name: "Publish the answer" }).click();
    await anaPage.getByText("Your answer is on your profile, under the review.").waitFor();

    // A stranger reads both on the profile.
    const strangerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const stranger = await strangerContext.newPage();
    const strangerErrors = watchErrors(stranger);
    await stranger.goto(`${server.url}/designers/${handle}`);
    const review = stranger.getByTestId("review");
    await expect(review.textContent()).resolves.toContain("Ana listened and delivered a crest we love.");
    await expect(review.textContent()).resolves.toContain("Merci Camille, it was a pleasure.");
    await expect(stranger.getByTestId("stat-rating").textContent()).resolves.toContain("5.0");
    await shot(stranger, "profile-reviewed");

    expect([...clientErrors, ...anaErrors, ...strangerErrors]).toEqual([]);
    await Promise.all([clientContext.close(), anaContext.close(), strangerContext.close()]);
  });
});
