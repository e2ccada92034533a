import type { Browser, Page } from "playwright-core";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { setSupportRole } from "~/modules/support/staff.server";
import { paintEntries } from "../helpers/artwork";
import { artifactPath, launchBrowser, logInThroughForm, watchErrors } from "../helpers/browser";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
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

async function shot(page: Page, name: string) {
  const file = artifactPath(`reports-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

/** A person in their own browser, logged in through the form, with their errors watched. */
async function person(who: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await logInThroughForm(page, server.url, who);
  return { page, errors, close: () => context.close() };
}

const main = (page: Page) => page.locator("#main").textContent();

describe("a report in the browser", () => {
  it("a designer reports a copied entry, the copier answers within 24 hours, support upholds it, the entry leaves the gallery, the client and the reporter are told", async () => {
    const clientId = await makeUser("Camille Client", "client");
    const contest = await makeLaunchedContest(clientId);
    const ana = await makeUser("Ana Original");
    const ben = await makeUser("Ben Copier");
    const original = await makeReadyEntry(contest.id, ana);
    const copy = await makeReadyEntry(contest.id, ben);
    // The same picture twice: the copy.
    await paintEntries([original]);
    await paintEntries([copy]);
    const agentId = await makeUser("Sam Support");
    const agentEmail = (
      await db().selectFrom("users").select("email").where("id", "=", agentId).executeTakeFirstOrThrow()
    ).email;
    await setSupportRole(agentEmail, true);

    // Ana finds her design copied as entry #2 and reports it from its page, without leaving the site.
    const reporter = await person(ana);
    await reporter.page.goto(`${server.url}/entries/${copy}`);
    await reporter.page.getByRole("link", { name: "Report this entry" }).click();
    await reporter.page.getByRole("heading", { level: 1, name: "Report a problem" }).waitFor();
    await reporter.page.getByLabel("Copied from someone else's work").check();
    await reporter.page
      .getByLabel("What you saw")
      .fill("This is my entry #1, the same drawing with a new name.");
    await reporter.page.getByLabel("Link to the original").fill(`${server.url}/entries/${original}`);
    await shot(reporter.page, "form");
    await reporter.page.getByRole("button", { name: "Send the report" }).click();
    await reporter.page.getByText("Your report is sent.").waitFor();
    await expect(reporter.page.getByTestId("report-status").textContent()).resolves.toBe(
      "Waiting for the designer's answer",
    );

    // Ben is told, opens the report and answers with his evidence within the 24 hours.
    const copier = await person(ben, { width: 390, height: 844 });
    await copier.page.goto(`${server.url}/notifications`);
    await copier.page
      .getByRole("link", { name: /Your entry #2 in “Logo for a bakery” was reported/ })
      .click();
    await copier.page.getByRole("heading", { level: 1, name: "Your work was reported" }).waitFor();
    await expect(main(copier.page)).resolves.toContain("You have until");
    await copier.page
      .getByLabel("Your evidence, in your words")
      .fill("I drew it myself; my sketches are linked.");
    await copier.page.getByLabel("Link to your evidence (optional)").fill("https://example.com/sketches");
    await shot(copier.page, "answer");
    await copier.page.getByRole("button", { name: "Send my answer to support" }).click();
    await copier.page.getByText("Your answer was sent").waitFor();

    // Support finds it ready in the queue, compares the two side by side, and upholds it.
    const agent = await person(agentId);
    await agent.page.goto(`${server.url}/support/reports`);
    await agent.page
      .getByTestId("queue-ready")
      .getByRole("link", { name: "Ana Original reports Ben Copier" })
      .click();
    await agent.page.getByRole("heading", { level: 1, name: "Report on Ben Copier" }).waitFor();
    await agent.page.getByTestId("original-thing").locator("img").waitFor();
    await expect(agent.page.getByTestId("report-answer").textContent()).resolves.toContain(
      "I drew it myself",
    );
    await shot(agent.page, "decide");
    await agent.page.getByLabel("Uphold (a strike; the entry or piece is taken down)").check();
    await agent.page.getByLabel("Reason (the parties will read it)").fill("The same drawing as entry #1.");
    await agent.page.getByRole("button", { name: "Record the decision" }).click();
    await agent.page.getByText("Decision recorded.").waitFor();
    await expect(agent.page.getByTestId("report-strikes").textContent()).resolves.toBe("1 strike of 3");

    // The copy left the gallery; the client is told.
    const client = await person(clientId);
    await client.page.goto(`${server.url}/contests/${contest.id}`);
    await expect(client.page.locator(`a[href="/entries/${copy}"]`).count()).resolves.toBe(0);
    await expect(client.page.locator(`a[href="/entries/${original}"]`).count()).resolves.toBeGreaterThan(0);
    await client.page.goto(`${server.url}/notifications`);
    await client.page
      .getByText("A report on entry #2 in your contest “Logo for a bakery” was upheld by support.")
      .waitFor();
    await shot(client.page, "client-told");

    // So is the reporter, who reads support's reason on the report's page.
    await reporter.page.goto(`${server.url}/notifications`);
    await reporter.page
      .getByRole("link", {
        name: "Your report on the entry #2 in “Logo for a bakery” was upheld by support.",
      })
      .click();
    await reporter.page.getByTestId("report-decision").waitFor();
    await expect(reporter.page.getByTestId("report-decision").textContent()).resolves.toContain(
      "The same drawing as entry #1.",
    );
    await shot(reporter.page, "reporter-told");

    // And Ben sees the strike on his account.
    await copier.page.goto(`${server.url}/account`);
    await expect(copier.page.getByTestId("strikes").textContent()).resolves.toContain("1 strike of 3");

    for (const p of [reporter, copier, agent, client]) {
      expect(p.errors).toEqual([]);
      await p.close();
    }
  });
});
