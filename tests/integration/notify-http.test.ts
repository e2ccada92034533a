import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { declineEntry } from "~/modules/judging/ratings.server";
import { requestPayout } from "~/modules/escrow/payments.server";
import { approveHandover } from "~/modules/handover/approval.server";
import { DIGEST_HOUR_UTC } from "~/modules/notify/kinds";
import { setMailPreferences } from "~/modules/notify/notifications.server";
import { advanceClock, freezeClock, now } from "~/utils/clock.server";
import { DAY, HOUR } from "~/utils/durations";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeUser } from "../helpers/fixtures";
import { FILES, handoverSetup, sign, uploadFinal } from "../helpers/handover";
import { makePng, entryForm } from "../helpers/images";
import { drainJobs } from "../helpers/jobs";
import { judgingSetup, selectFinalistsNow } from "../helpers/judging";
import { loginAs, startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const emailOf = async (id: string) =>
  (await db().selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;

/** What the file transport wrote to this address (the mail that really went out), oldest first. */
async function mailTo(userId: string): Promise<{ to: string; subject: string; text: string }[]> {
  const dir = path.join(config().dataDir, "mail");
  if (!fs.existsSync(dir)) return [];
  const to = await emailOf(userId);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")))
    .filter((m) => m.to === to);
}

/** A designer sends a design through the upload form, and the pipeline makes its previews. */
async function sendEntry(contestId: string, designerId: string, seed: number) {
  const res = await (
    await loginAs(server, designerId)
  ).post(
    `/contests/${contestId}/entries/new`,
    entryForm(
      { title: "Sunrise", note: "" },
      { name: "logo.png", type: "image/png", bytes: await makePng(seed) },
    ),
  );
  expect(res.status).toBe(302);
  await drainJobs();
  return /^\/entries\/([a-z0-9]+)/.exec(res.headers.get("location") ?? "")![1]!;
}

// Tests start just after a digest went out, so the next one is a known day away.
function startAfterDigest() {
  const today = Math.floor(now() / DAY) * DAY + DIGEST_HOUR_UTC * HOUR;
  freezeClock((today > now() ? today - DAY : today) + 5 * 60_000);
}

describe("the client's notifications say what happened", () => {
  it("names the designer, the entry's number and the contest, with the entry's thumbnail and a link to it", async () => {
    const client = await makeUser("Camille Client", "client");
    const ana = await makeUser("Ana Souza");
    const contest = await makeLaunchedContest(client);
    const entryId = await sendEntry(contest.id, ana, 3);

    const page = decode(await (await (await loginAs(server, client)).get("/notifications")).text());
    expect(page).toContain("Ana Souza sent entry #1 to “Logo for a bakery”.");
    expect(page).not.toContain("Something new");
    const item = /<li[^>]*class="notification[^"]*"[^>]*>([\s\S]*?)<\/li>/.exec(page)![1]!;
    expect(item).toContain(`href="/entries/${entryId}"`);
    const thumb = await db()
      .selectFrom("entries")
      .innerJoin("entry_revisions", "entry_revisions.id", "entries.current_revision_id")
      .select("entry_revisions.thumbnail_key")
      .where("entries.id", "=", entryId)
      .executeTakeFirstOrThrow();
    expect(item).toMatch(new RegExp(`<img[^>]*src="/media/${thumb.thumbnail_key}"`));
    expect(item).toContain('alt="Entry #1 by Ana Souza"');
    // The launch receipt reads as one too, and leads to the receipts.
    expect(page).toContain("“Logo for a bakery” is live. You paid $573.85");
    expect(page).toContain('href="/receipts"');
  });
});

describe("mail goes out as each person chose", () => {
  it("sends new entries to the client as one daily digest, and nothing twice", async () => {
    startAfterDigest();
    const client = await makeUser("Camille Client", "client");
    const [ana, ben] = [await makeUser("Ana Souza"), await makeUser("Ben Okafor")];
    const contest = await makeLaunchedContest(client);
    await sendEntry(contest.id, ana, 1);
    await sendEntry(contest.id, ben, 2);
    // The receipt went at once; the entries wait for the digest.
    expect((await mailTo(client)).map((m) => m.subject)).toEqual([
      "Your receipt: “Logo for a bakery” is live ($573.85)",
    ]);

    advanceClock(DAY - 10 * 60_000);
    await drainJobs();
    expect(await mailTo(client)).toHaveLength(1);
    advanceClock(10 * 60_000);
    await drainJobs();
    const mails = await mailTo(client);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe("Your day on Concours: 2 updates");
    expect(mails[1]!.text).toContain("Ana Souza sent entry #1 to “Logo for a bakery”.");
    expect(mails[1]!.text).toContain("Ben Okafor sent entry #2 to “Logo for a bakery”.");
    expect(mails[1]!.text).toContain(`${config().appUrl}/entries/`);
    expect(mails[1]!.text).toContain(`${config().appUrl}/account#mail`);

    advanceClock(DAY);
    await drainJobs();
    expect(await mailTo(client)).toHaveLength(2);
  });

  it("mails a decline at once by default, and not at all to someone who chose the app only", async () => {
    const client = await makeUser("Camille Client", "client");
    const [ana, ben] = [await makeUser("Ana Souza"), await makeUser("Ben Okafor")];
    const contest = await makeLaunchedContest(client);
    const [anaEntry, benEntry] = [await sendEntry(contest.id, ana, 4), await sendEntry(contest.id, ben, 5)];
    await setMailPreferences(ben, { declined: "app" });
    for (const entryId of [anaEntry, benEntry])
      await declineEntry({ contestId: contest.id, entryId, clientId: client, reason: "off_brief" });
    await drainJobs();

    const toAna = await mailTo(ana);
    expect(toAna.map((m) => m.subject)).toEqual([
      "Your entry #1 in “Logo for a bakery” was declined: it does not follow the brief",
    ]);
    expect(toAna[0]!.text).toContain(`${config().appUrl}/entries/${anaEntry}`);
    expect(await mailTo(ben)).toEqual([]);
    const bens = await db().selectFrom("notifications").select("kind").where("user_id", "=", ben).execute();
    expect(bens.map((n) => n.kind)).toContain("entry.declined");
  });

  it("tells finalists by mail at once, and the others in the app only", async () => {
    const s = await judgingSetup();
    await selectFinalistsNow(s.contestId, s.client, [s.ana]);
    await drainJobs();
    expect((await mailTo(s.ana)).map((m) => m.subject)).toEqual([
      "You are a finalist in “Logo for a bakery”. The final round has begun: you can revise your entries",
    ]);
    expect(await mailTo(s.ben)).toEqual([]);
    const bens = await db().selectFrom("notifications").select("kind").where("user_id", "=", s.ben).execute();
    expect(bens.map((n) => n.kind)).toEqual(["contest.not_finalist"]);
  });

  it("lets a client who wants each new entry get a mail for each", async () => {
    const client = await makeUser("Camille Client", "client");
    const ana = await makeUser("Ana Souza");
    await setMailPreferences(client, { entries: "each", receipt: "app" });
    const contest = await makeLaunchedContest(client);
    await sendEntry(contest.id, ana, 6);
    expect((await mailTo(client)).map((m) => m.subject)).toEqual([
      "Ana Souza sent entry #1 to “Logo for a bakery”",
    ]);
  });

  it("mails the winner's steps through the handover, the prize, and the payout", async () => {
    const s = await handoverSetup();
    const asWinner = await loginAs(server, s.winner);
    expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    expect((await sign(await loginAs(server, s.client), s.contestId, "Camille Tremblay")).status).toBe(302);
    await approveHandover({ contestId: s.contestId, clientId: s.client });
    const paid = await requestPayout({
      designerId: s.winner,
      amount: 100_00,
      currency: "USD",
      idempotencyKey: `payout-${newId()}`,
    });
    expect(paid.ok).toBe(true);
    await drainJobs();
    const subjects = (await mailTo(s.winner)).map((m) => m.subject);
    expect(subjects).toContain("You won “Logo for Pain d'Or”! Upload the final files to receive the prize");
    expect(subjects).toContain(
      "Camille Tremblay signed the design transfer agreement of “Logo for Pain d'Or”",
    );
    expect(subjects).toContain("The prize of “Logo for Pain d'Or” has been released to you");
    expect(subjects).toContain("Your payout of $100 was sent");
    const toClient = (await mailTo(s.client)).map((m) => m.subject);
    expect(toClient).toContain(
      "Ana Souza uploaded the first final files of “Logo for Pain d'Or”. Review them within 5 days",
    );
    expect(toClient).toContain("Ana Souza signed the design transfer agreement of “Logo for Pain d'Or”");
  });

  it("sends a silent client one mail when the handover is approved for them, not two stale reminders with it", async () => {
    const s = await handoverSetup();
    const asWinner = await loginAs(server, s.winner);
    expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    await drainJobs();
    const before = (await mailTo(s.client)).length;

    // The client is away for the whole handover; the worker catches up when time has passed.
    advanceClock(5 * DAY + HOUR);
    await drainJobs();
    const after = (await mailTo(s.client)).slice(before).map((m) => m.subject);
    expect(after).toEqual([
      "The handover of “Logo for Pain d'Or” was approved automatically. Your files are ready to download",
    ]);
  });
});

/** The value of the radio button of this name that the page shows checked. */
function chosen(page: string, name: string) {
  const inputs = [...page.matchAll(/<input[^>]*>/g)].map((m) => m[0]);
  const checked = inputs.filter((i) => i.includes(`name="${name}"`) && /\schecked/.test(i));
  expect(checked, name).toHaveLength(1);
  return /value="([^"]*)"/.exec(checked[0]!)![1];
}

describe("the account page's mail settings (no JavaScript)", () => {
  it("shows each kind of mail with its three choices, saves a choice, and refuses one that is not offered", async () => {
    const client = await makeUser("Camille Client", "client");
    const browser = await loginAs(server, client);
    let page = decode(await (await browser.get("/account")).text());
    expect(page).toContain("New entries in my contests");
    expect(chosen(page, "entries")).toBe("daily");
    expect(chosen(page, "declined")).toBe("each");
    expect(page).toContain("Unread messages in my conversations");
    expect(chosen(page, "messages")).toBe("each");
    expect(page).toContain("Reports about my work, and the outcome of reports");
    expect(chosen(page, "reports")).toBe("each");

    const form: Record<string, string> = {
      intent: "mail-settings",
      entries: "each",
      declined: "app",
      finalist: "each",
      winner: "each",
      handover: "daily",
      prize: "each",
      payout: "each",
      receipt: "app",
      messages: "daily",
      invitations: "app",
      reports: "daily",
    };
    const saved = await browser.post("/account", form);
    expect(saved.status).toBe(200);
    expect(decode(await saved.text())).toContain("Mail settings saved.");
    page = decode(await (await browser.get("/account")).text());
    expect(chosen(page, "entries")).toBe("each");
    expect(chosen(page, "handover")).toBe("daily");
    expect(chosen(page, "receipt")).toBe("app");
    expect(chosen(page, "messages")).toBe("daily");
    expect(chosen(page, "invitations")).toBe("app");
    expect(chosen(page, "reports")).toBe("daily");

    const refused = await browser.post("/account", { ...form, entries: "hourly" });
    expect(refused.status).toBe(400);
    expect(decode(await refused.text())).toContain("Choose one of the options for each kind of mail.");
    page = decode(await (await browser.get("/account")).text());
    expect(chosen(page, "entries")).toBe("each");
  });
});
