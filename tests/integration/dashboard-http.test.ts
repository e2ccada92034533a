import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { NEW_ENTRY_NOTIFICATION } from "~/modules/contests/queries.server";
import { notifyUsers } from "~/modules/notify/notifications.server";
import { DAY, advanceClock } from "~/utils/clock.server";
import { makeReadyEntry, makeUser } from "../helpers/fixtures";
import { drainJobs } from "../helpers/jobs";
import { contestRow, decode, makeCompleteDraft, makeLiveContest, signUpAs } from "../helpers/contests";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { startDraft } from "~/modules/contests/drafts.server";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function clientPerson(name = "Camille") {
  const client = server.client();
  const user = await signUpAs(client, name);
  return { client, ...user };
}

/** The tasks of "What needs you now", in order, as text. */
function tasks(html: string): string[] {
  const list = /<ul class="tasks"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<p class="task__label">([^<]*)<\/p><p class="task__contest">([^<]*)<\/p>/g)].map(
    (m) => `${decode(m[1]!)} · ${decode(m[2]!)}`,
  );
}

describe("the client's dashboard", () => {
  it("needs a login", async () => {
    const res = await server.client().get("/dashboard");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fdashboard");
  });

  it("says what to do next when there is nothing yet", async () => {
    const { client } = await clientPerson();
    const html = await (await client.get("/dashboard")).text();
    expect(html).toContain("Your first contest starts with a brief");
    expect(html).toContain('href="/contests/new"');
    expect(tasks(html)).toEqual([]);
  });

  it("puts what needs the client first: deadlines, then new entries, then unfinished briefs", async () => {
    const { client, id } = await clientPerson();
    const designer = await makeUser("Dana", "designer");
    const draft = await startDraft(id, { category: "logo", title: "Half-written brief", businessName: "" });
    const rating = await makeLiveContest(id, { title: "Contest with new entries" });
    const entries = [await makeReadyEntry(rating, designer), await makeReadyEntry(rating, designer)];
    for (const entryId of entries) {
      await notifyUsers(db(), [id], { kind: NEW_ENTRY_NOTIFICATION, contestId: rating, entryId });
    }
    const picking = await makeLiveContest(id, { title: "Contest to judge" });
    await makeReadyEntry(picking, designer);
    // Move only "Contest to judge" past its round: the other one was given more time.
    await applyContestEvent({
      contestId: rating,
      actor: { kind: "user", id },
      event: { type: "extend_round", days: 7 },
    });
    advanceClock(4 * DAY + 1000);
    await drainJobs();
    expect((await contestRow(picking)).status).toBe("finalist_selection");

    const html = decode(await (await client.get("/dashboard")).text());
    expect(tasks(html)).toEqual([
      "Pick your finalists · Contest to judge",
      "2 new entries to rate · Contest with new entries",
      "Finish your brief · Half-written brief",
    ]);
    expect(html).toContain(`href="/contests/${picking}/shortlist"`);
    expect(html).toContain(`href="/contests/${rating}/judge"`);
    expect(html).toContain(`href="/contests/${draft}/edit?step=2"`);
    expect(html).toContain("Step 2 of 5, saved as a draft");
    expect(html).toMatch(/Ends(<!-- -->)? <time dateTime="[^"]+"/);
    expect(html).toContain("Drafts");
    expect(html).toContain("Running");

    // Opening the contest is seeing its new entries.
    await client.get(`/contests/${rating}`);
    const after = decode(await (await client.get("/dashboard")).text());
    expect(tasks(after)).not.toContain("2 new entries to rate · Contest with new entries");
  });

  it("shows only the client's own contests", async () => {
    const me = await clientPerson("Me");
    const other = await makeUser("Someone else", "client");
    const theirs = await makeCompleteDraft(other, { title: "Not mine at all" });
    const html = await (await me.client.get("/dashboard")).text();
    expect(html).not.toContain("Not mine at all");
    expect(html).not.toContain(theirs);
  });
});
