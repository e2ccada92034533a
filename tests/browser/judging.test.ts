import type { Browser, Page } from "playwright-core";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { advanceClock } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { paintEntries } from "../helpers/artwork";
import { artifactPath, launchBrowser, watchErrors, logInThroughForm } from "../helpers/browser";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { makeJudge } from "../helpers/judging";
import { drainJobs } from "../helpers/jobs";
import { startTestServer } from "../helpers/server";

// The built app runs in this process (startTestServer), on this file's database: the test moves the
// same clock the app reads and runs the due jobs itself (drainJobs), so the final round's three days
// pass at once. (A separate app process would need a test hook for the clock.)
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

async function emailOf(userId: string) {
  return (await db().selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow())
    .email;
}

const logIn = (page: Page, who: string) => logInThroughForm(page, server.url, who);

async function openViewer(page: Page, contestId: string) {
  await page.goto(`${server.url}/contests/${contestId}/judge`);
  await page.locator("[data-testid=viewer][data-hydrated=true]").waitFor();
}

/** Rate the entries in order with the keyboard: a digit, then → to the next one. */
async function rateWithKeyboard(page: Page, stars: number[], label: (i: number) => RegExp) {
  for (const [i, s] of stars.entries()) {
    await page.locator("#viewer-entry").getByText(label(i)).waitFor();
    await page.keyboard.press(String(s));
    await page
      .locator(".viewer__rate .star.is-on")
      .nth(s - 1)
      .waitFor();
    if (i < stars.length - 1) await page.keyboard.press("ArrowRight");
  }
}

async function timeline(contestId: string) {
  const rows = await db()
    .selectFrom("contest_events")
    .select("kind")
    .where("contest_id", "=", contestId)
    .orderBy("created_at")
    .orderBy("version")
    .execute();
  return rows.map((r) => r.kind);
}

describe("judging in the browser", () => {
  it("a client invites a judge, both rate with the keyboard, the client picks finalists, the final round runs, the client picks the winner", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    const [ana, ben, chloe] = [
      await makeUser("Ana Souza"),
      await makeUser("Ben Okafor"),
      await makeUser("Chloé Martin"),
    ];
    const designers = [ana, ben, chloe];
    const entries: string[] = [];
    for (let i = 0; i < 6; i++) entries.push(await makeReadyEntry(contest.id, designers[i % 3]!));
    await paintEntries(entries);

    // The client invites a judge and gets a link to share.
    const clientContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const clientPage = await clientContext.newPage();
    const clientErrors = watchErrors(clientPage);
    await logIn(clientPage, await emailOf(client));
    await clientPage.goto(`${server.url}/contests/${contest.id}/judges`);
    await clientPage.getByLabel("Their e-mail").fill("jules@example.com");
    await clientPage.getByRole("button", { name: "Invite", exact: true }).click();
    await clientPage.getByTestId("invited").waitFor();
    const link = await clientPage.getByTestId("share-link").inputValue();
    expect(link).toMatch(/\/judge-invitations\/[a-z2-7]{32}$/);
    const mail = await db()
      .selectFrom("outbox_mail")
      .select(["to_address", "text_body"])
      .where("text_body", "like", "%/judge-invitations/%")
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe("jules@example.com");
    expect(mail.text_body).toContain(link);

    // The judge follows the link, signs up and accepts.
    const judgeContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const judgePage = await judgeContext.newPage();
    const judgeErrors = watchErrors(judgePage);
    await judgePage.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await judgePage.getByRole("link", { name: "Create an account to accept" }).click();
    await judgePage.getByLabel("Your name").fill("Jules Gagnon");
    await judgePage.getByLabel("E-mail").fill("jules@example.com");
    await judgePage.getByLabel("Password").fill("a judge's long passphrase");
    await judgePage.getByRole("button", { name: "Create account" }).click();
    await judgePage.getByRole("button", { name: "Accept and start judging" }).click();
    await judgePage.waitForURL(`${server.url}/contests/${contest.id}/judge`);
    await judgePage.locator("[data-testid=viewer][data-hydrated=true]").waitFor();

    // The judge rates all six with the keyboard (judges judge blind: no designer names) and leaves a note.
    await rateWithKeyboard(judgePage, [3, 5, 2, 4, 1, 3], (i) => new RegExp(`^Entry #${i + 1}$`));
    await judgePage.getByTestId("progress").getByText("Rated 6 of 6").waitFor();
    expect(await judgePage.locator(".viewer").textContent()).not.toContain("Ana Souza");
    await judgePage.keyboard.press("c");
    await judgePage.getByLabel("Your note").fill("The strongest of the set, by far.");
    await judgePage.getByRole("button", { name: "Save note" }).click();
    await judgePage.getByRole("status").getByText("Note saved.").waitFor();

    // The client rates with the keyboard, comments with C and declines with D.
    await openViewer(clientPage, contest.id);
    await rateWithKeyboard(clientPage, [4, 5, 2, 3, 2, 4], (i) => new RegExp(`^Entry #${i + 1} by `));
    await clientPage.getByTestId("progress").getByText("Rated 6 of 6").waitFor();
    await clientPage.keyboard.press("ArrowLeft");
    await clientPage
      .locator("#viewer-entry")
      .getByText(/^Entry #5 by Ben Okafor$/)
      .waitFor();
    await clientPage.keyboard.press("d");
    await clientPage.getByLabel("Off-brief").check();
    await clientPage.getByRole("button", { name: "Decline entry", exact: true }).last().click();
    await clientPage.locator(".viewer__caption").getByText("Declined").waitFor();
    await clientPage.getByTestId("progress").getByText("Rated 5 of 5").waitFor();
    await clientPage.keyboard.press("ArrowLeft");
    await clientPage
      .locator("#viewer-entry")
      .getByText(/^Entry #4 by Ana Souza$/)
      .waitFor();
    await clientPage.keyboard.press("c");
    await clientPage.getByLabel("Comment for the designer").fill("Lovely. Could the sun be warmer?");
    await clientPage.getByRole("button", { name: "Send comment" }).click();
    await clientPage.locator(".thread").getByText("Lovely. Could the sun be warmer?").waitFor();
    await clientPage.screenshot({ path: artifactPath("judging-viewer.png") });
    // A comment begun on one entry stays with that entry: the next one shows an empty box (the
    // text would otherwise reach another designer), and coming back finds the draft.
    const box = clientPage.getByLabel("Comment for the designer");
    expect(await box.inputValue()).toBe("");
    await box.fill("A draft for Ana only");
    await clientPage.keyboard.press("Escape"); // out of the box
    await clientPage.keyboard.press("ArrowRight"); // past the declined #5
    await clientPage
      .locator("#viewer-entry")
      .getByText(/^Entry #6 by Chloé Martin$/)
      .waitFor();
    expect(await box.inputValue()).toBe("");
    await clientPage.keyboard.press("ArrowLeft");
    await clientPage
      .locator("#viewer-entry")
      .getByText(/^Entry #4 by Ana Souza$/)
      .waitFor();
    expect(await box.inputValue()).toBe("A draft for Ana only");
    await clientPage.keyboard.press("Escape");

    // Compare two entries side by side (the filmstrip's boxes, then "Compare selected").
    await clientPage.getByLabel("Compare Entry #2 by Ben Okafor").check();
    await clientPage.getByLabel("Compare Entry #4 by Ana Souza").check();
    await clientPage.getByRole("button", { name: "Compare selected" }).click();
    await clientPage.getByRole("heading", { name: "Comparing 2 entries" }).waitFor();
    expect(await clientPage.locator(".compare-grid__cell").count()).toBe(2);
    await clientPage.screenshot({ path: artifactPath("judging-compare.png") });

    // The shortlist ranks the designers; the client picks two finalists and confirms.
    await clientPage.goto(`${server.url}/contests/${contest.id}/shortlist`);
    const rows = clientPage.getByTestId("shortlist-designer");
    await rows.first().waitFor();
    expect(await rows.first().locator("h2").textContent()).toContain("Ben Okafor");
    await expect(clientPage.getByText("The strongest of the set, by far.").count()).resolves.toBe(1);
    await clientPage.screenshot({ path: artifactPath("judging-shortlist.png"), fullPage: true });
    await clientPage.getByLabel("Make Ben Okafor a finalist").check();
    await clientPage.getByLabel("Make Ana Souza a finalist").check();
    await clientPage.getByRole("button", { name: "Review finalists" }).click();
    await clientPage.getByTestId("confirm").waitFor();
    await clientPage.getByRole("button", { name: "Yes, start the final round" }).click();
    await clientPage.getByText("The final round has started with 2 finalists.").waitFor();
    expect((await loadContest(db(), contest.id))!.status).toBe("final_round");

    // The final round: the judge rates the finalists' entries again (round 2), with the keyboard.
    await openViewer(judgePage, contest.id);
    await judgePage.locator(".viewer__round").getByText("Final round").waitFor();
    await judgePage.getByTestId("progress").getByText("Rated 0 of 3").waitFor();
    await rateWithKeyboard(judgePage, [2, 5, 3], () => /^Entry #\d+$/);
    await judgePage.getByTestId("progress").getByText("Rated 3 of 3").waitFor();

    // Three days later the round ends by itself (the deadline job), and the client picks the winner.
    advanceClock(3 * DAY + 60_000);
    await drainJobs();
    expect((await loadContest(db(), contest.id))!.status).toBe("winner_selection");
    await clientPage.goto(`${server.url}/contests/${contest.id}/shortlist`);
    await clientPage.getByLabel("Choose entry #2 by Ben Okafor as the winner").check();
    await clientPage.getByRole("button", { name: "Review winner" }).click();
    await clientPage.getByRole("button", { name: "Yes, choose the winner" }).click();
    await clientPage.getByText("You chose the winner.", { exact: false }).waitFor();
    await clientPage.screenshot({ path: artifactPath("judging-shortlist-winner.png"), fullPage: true });
    const after = (await loadContest(db(), contest.id))!;
    expect(after.status).toBe("handover");
    expect(after.winnerId).toBe(ben);
    expect(after.winningEntryId).toBe(entries[1]);

    // Every step is on the contest's timeline, in order.
    const kinds = await timeline(contest.id);
    const steps = [
      "launched",
      "judge_invited",
      "judge_joined",
      "entry_declined",
      "finalists_selected",
      "round_ended",
      "winner_selected",
    ];
    expect(kinds.filter((k) => steps.includes(k))).toEqual(steps);
    // …and on the contest page's timeline, as the client reads it.
    await clientPage.goto(`${server.url}/contests/${contest.id}`);
    const diary = clientPage.getByTestId("timeline");
    for (const line of [
      "Camille Tremblay launched the contest",
      "Camille Tremblay invited a judge",
      "Jules Gagnon joined as a judge",
      "Camille Tremblay declined entry #5",
      "Camille Tremblay picked the finalists: Ben Okafor, Ana Souza",
      "The final round ended; time to pick the winner",
      "Camille Tremblay picked the winner: Ben Okafor",
    ]) {
      await diary.getByText(line).waitFor();
    }
    await clientPage.screenshot({ path: artifactPath("judging-timeline.png"), fullPage: true });
    for (const file of ["judging-viewer.png", "judging-shortlist.png", "judging-compare.png"])
      expect(fs.statSync(artifactPath(file)).size).toBeGreaterThan(20_000);
    expect(clientErrors).toEqual([]);
    expect(judgeErrors).toEqual([]);
    await clientContext.close();
    await judgeContext.close();
  });

  it("works without JavaScript: rate, move on, leave a note, compare", async () => {
    const client = await makeUser("Camille Tremblay", "client");
    const contest = await makeLaunchedContest(client);
    const designer = await makeUser("Ana Souza");
    const entries = [
      await makeReadyEntry(contest.id, designer),
      await makeReadyEntry(contest.id, designer),
      await makeReadyEntry(contest.id, designer),
    ];
    await paintEntries(entries);
    const judge = await makeJudge(contest.id, "Jules Gagnon");
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await logIn(page, await emailOf(judge));
    await page.goto(`${server.url}/contests/${contest.id}/judge`);
    await page.getByRole("button", { name: "Rate 4 out of 5" }).click();
    await page.getByTestId("progress").getByText("Rated 1 of 3").waitFor();
    expect(await page.getByRole("button", { name: "Rate 4 out of 5" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await page.getByRole("link", { name: "Next entry" }).click();
    await page.locator("#viewer-entry").getByText("Entry #2").waitFor();
    await page.getByRole("button", { name: "Rate 2 out of 5" }).click();
    await page.getByTestId("progress").getByText("Rated 2 of 3").waitFor();
    await page.locator("#note summary").click();
    await page.getByLabel("Your note").fill("Too close to #1.");
    await page.getByRole("button", { name: "Save note" }).click();
    await page.getByTestId("progress").waitFor();
    const note = await db()
      .selectFrom("judge_notes")
      .select("body")
      .where("entry_id", "=", entries[1]!)
      .executeTakeFirst();
    expect(note?.body).toBe("Too close to #1.");
    await page.getByLabel("Compare Entry #1").check();
    await page.getByLabel("Compare Entry #3").check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.getByRole("heading", { name: "Comparing 2 entries" }).waitFor();
    const ratings = await db()
      .selectFrom("ratings")
      .select(["entry_id", "stars"])
      .where("rater_id", "=", judge)
      .execute();
    expect(ratings.sort((a, b) => a.stars - b.stars).map((r) => r.stars)).toEqual([2, 4]);
    await context.close();
  });
});
