import type { Browser, Page } from "playwright-core";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { designerBalance, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { paintEntries } from "../helpers/artwork";
import { artifactPath, launchBrowser, watchErrors, logInThroughForm } from "../helpers/browser";
import { FILES, ORIGINAL, finalVersions, handoverSetup } from "../helpers/handover";
import { startTestServer } from "../helpers/server";

// The built app in this process (startTestServer), on this file's database, as the judging journey does.
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
  const file = artifactPath(name);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

describe("the end of a contest in the browser", () => {
  it("the winner hands over the files, both sign, the client approves, the prize lands on /earnings and the client downloads the original", async () => {
    const s = await handoverSetup({ prize: 49_900 });
    await paintEntries([s.winningEntry, s.otherEntry]);
    const upload = artifactPath("final-logo.svg");
    fs.writeFileSync(upload, FILES.svg);

    // The winner finds the handover from the contest page and uploads a file (JavaScript: with progress).
    const winnerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const winner = await winnerContext.newPage();
    const winnerErrors = watchErrors(winner);
    await logIn(winner, s.winner);
    await winner.goto(`${server.url}/contests/${s.contestId}`);
    await winner.getByRole("link", { name: "Hand over the final files" }).click();
    await winner.getByRole("heading", { level: 1, name: "Logo for Pain d'Or" }).waitFor();
    await winner.locator("#final-upload input[type=file]").setInputFiles(upload);
    await winner.getByText("Ready to upload: final-logo.svg").waitFor();
    await winner.getByRole("button", { name: "Upload the file" }).click();
    await winner.getByText("Your file is uploaded.").waitFor();
    await expect(winner.getByTestId("final-files").textContent()).resolves.toContain("final-logo.svg");

    // A wrong file is refused in words, without leaving the page.
    const wrong = artifactPath("not-really.png");
    fs.writeFileSync(wrong, FILES.pdf);
    await winner.locator("#final-upload input[type=file]").setInputFiles(wrong);
    await winner.getByRole("button", { name: "Upload the file" }).click();
    await winner.getByText("This file is named .png but it is a PDF.", { exact: false }).waitFor();

    // The winner reads the French text (offered first), chooses to sign the English one, and signs.
    await winner.getByRole("document", { name: "French version" }).waitFor();
    expect(await winner.getByRole("radio", { name: "Français" }).isChecked()).toBe(true);
    await winner.getByRole("radio", { name: "English" }).check();
    await winner.getByLabel("Your legal name").fill("Ana Maria Souza");
    await winner.getByLabel("I have read the agreement and I agree to it.").check();
    await winner.getByRole("button", { name: "Sign the agreement" }).click();
    await winner.getByText("You signed the design transfer agreement.").waitFor();
    await shot(winner, "handover-winner.png");

    // The client reviews, writes, signs and approves (with a confirmation step).
    const clientContext = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const client = await clientContext.newPage();
    const clientErrors = watchErrors(client);
    await logIn(client, s.client);
    await client.goto(`${server.url}/contests/${s.contestId}`);
    await client.getByRole("link", { name: "Review the handover" }).click();
    await client.getByRole("heading", { name: "Final files" }).waitFor();
    // The client opens what they are about to approve, before approving (the download is an attachment).
    const [finalFile] = await Promise.all([
      client.waitForEvent("download"),
      client.getByRole("link", { name: "Download final-logo.svg" }).click(),
    ]);
    expect(finalFile.suggestedFilename()).toBe("final-logo.svg");
    const checked = artifactPath("checked-before-approval.svg");
    await finalFile.saveAs(checked);
    expect(fs.readFileSync(checked)).toEqual(FILES.svg);
    expect((await loadContest(db(), s.contestId))!.status).toBe("handover");
    await client.getByLabel("Your message").fill("Lovely. Could you add a one-colour version later?");
    await client.getByRole("button", { name: "Send" }).click();
    await client.getByText("Message sent.").waitFor();
    // The winner's choice set the language: the client signs the same English text.
    await client.getByText("You sign the same text, in English.").waitFor();
    await client.getByLabel("Your legal name").fill("Camille Tremblay");
    await client.getByLabel("I have read the agreement and I agree to it.").check();
    await client.getByRole("button", { name: "Sign the agreement" }).click();
    await client.getByText("Signed by both parties. This agreement can no longer change.").waitFor();
    await shot(client, "handover-client-ready.png");
    const stored = await db()
      .selectFrom("transfer_agreements")
      .select(["locale", "text"])
      .where("contest_id", "=", s.contestId)
      .executeTakeFirstOrThrow();
    expect(stored.locale).toBe("en");
    expect(stored.text).toMatch(/^DESIGN TRANSFER AGREEMENT\n/);

    await client.getByRole("link", { name: "Review and approve" }).click();
    await client.getByText("I have checked the files, and I release $499 to Ana Souza.").waitFor();
    // The files being approved are listed there too, each one to open.
    const [again] = await Promise.all([
      client.waitForEvent("download"),
      client.getByTestId("approve-files").getByRole("link", { name: "Download final-logo.svg" }).click(),
    ]);
    expect(again.suggestedFilename()).toBe("final-logo.svg");
    await shot(client, "handover-approve-confirm.png");
    await client.getByLabel("I have checked the files, and I release $499 to Ana Souza.").check();
    await client.getByRole("button", { name: "Approve and release the prize" }).click();
    await client.getByText("You approved the handover. The prize has been released to Ana Souza.").waitFor();
    expect((await loadContest(db(), s.contestId))!.status).toBe("completed");

    // The original of the winning design, as a download through a short-lived link.
    const [download] = await Promise.all([
      client.waitForEvent("download"),
      client.getByTestId("originals").getByRole("link", { name: "Download" }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe("logo-for-pain-d-or-entry-1-v2.jpg");
    const saved = artifactPath("downloaded-original.jpg");
    await download.saveAs(saved);
    expect(fs.readFileSync(saved)).toEqual(Buffer.concat([ORIGINAL, Buffer.from(" v2")]));
    await shot(client, "handover-client-completed.png");

    // The designer sees the prize on /earnings.
    await winner.getByRole("link", { name: "Earnings" }).first().click();
    await winner.getByRole("heading", { level: 1, name: "Earnings" }).waitFor();
    await expect(winner.getByTestId("available").textContent()).resolves.toBe("$499.00");
    await expect(winner.getByTestId("movements").textContent()).resolves.toContain("“Logo for Pain d'Or”");
    await shot(winner, "earnings.png");
    expect((await designerBalance(db(), s.winner, "USD")).available).toBe(49_900);
    expect((await trialBalance(db())).balanced).toBe(true);

    // Phones: nothing scrolls sideways.
    await winner.setViewportSize({ width: 390, height: 844 });
    await winner.goto(`${server.url}/contests/${s.contestId}/handover`);
    const overflow = await winner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(winner, "handover-phone.png");

    // The upload's 415 answer is the only console error allowed (the browser logs failed requests).
    expect(winnerErrors.filter((e) => !/status of 415/.test(e))).toEqual([]);
    expect(clientErrors).toEqual([]);
    await winnerContext.close();
    await clientContext.close();
  });

  it("the winner uploads three final files in a row, then replaces one twice, with JavaScript: each lands in the list without a reload", async () => {
    const s = await handoverSetup({ deliverables: ["svg", "png", "pdf"] });
    await paintEntries([s.winningEntry, s.otherEntry]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, s.winner);
    await page.goto(`${server.url}/contests/${s.contestId}/handover`);
    await page.waitForFunction(
      () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
    );
    const list = page.getByTestId("final-files");
    const progress = page.getByRole("progressbar");

    const files: [string, Buffer][] = [
      ["logo.svg", FILES.svg],
      ["logo.png", FILES.png],
      ["logo.pdf", FILES.pdf],
    ];
    for (const [i, [name, bytes]] of files.entries()) {
      const path = artifactPath(name);
      fs.writeFileSync(path, bytes);
      await page.locator("#final-upload input[type=file]").setInputFiles(path);
      await page.getByRole("button", { name: "Upload the file" }).click();
      await list.getByText(name, { exact: true }).waitFor({ timeout: 10_000 });
      await expect(list.locator(".handover-file").count()).resolves.toBe(i + 1);
      await progress.waitFor({ state: "detached" });
      await page.getByText("Your file is uploaded.").waitFor();
    }
    // Replacing, twice in a row: the list shows v2, then v3.
    const svg = list.locator(".handover-file").first(); // the first file, logo.svg
    for (const version of [2, 3]) {
      const path = artifactPath(`logo-v${version}.svg`);
      fs.writeFileSync(path, Buffer.concat([FILES.svg, Buffer.from(`<!-- v${version} -->\n`)]));
      await svg.getByText("Replace", { exact: true }).click();
      await svg.locator("input[type=file]").setInputFiles(path);
      await svg.getByRole("button", { name: "Upload the new version" }).click();
      await svg.getByText(`logo-v${version}.svg`, { exact: true }).waitFor({ timeout: 10_000 });
      await svg.getByText(`v${version}`, { exact: true }).waitFor();
      await progress.waitFor({ state: "detached" });
    }
    expect((await finalVersions(s.contestId)).map((v) => v.file_name)).toEqual([
      "logo.svg",
      "logo.png",
      "logo.pdf",
      "logo-v2.svg",
      "logo-v3.svg",
    ]);
    await shot(page, "handover-three-uploads.png");
    expect(errors).toEqual([]);
    await context.close();
  });
});
