import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { NEW_ENTRY_NOTIFICATION } from "~/modules/contests/queries.server";
import { notifyUsers } from "~/modules/notify/notifications.server";
import { advanceClock, now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { makeReadyEntry, makeUser } from "../helpers/fixtures";
import { drainJobs } from "../helpers/jobs";
import { contestRow, decode, makeCompleteDraft, makeLiveContest, signUpAs } from "../helpers/contests";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { startDraft } from "~/modules/contests/drafts.server";
import { loginAs, startTestServer } from "../helpers/server";
import { FILES, handoverSetup, sign, uploadFinal } from "../helpers/handover";
import { judgingSetup, selectFinalistsNow } from "../helpers/judging";
import { approveHandover } from "~/modules/handover/approval.server";
import { rateEntry } from "~/modules/judging/ratings.server";

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
    const draft = await startDraft(
      id,
      { category: "logo", title: "Half-written brief", businessName: "" },
      "USD",
    );
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

/** The text of the part of the page marked data-testid="…" (a section, not nested in another). */
function part(html: string, testId: string): string | null {
  const m = new RegExp(`<section[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return m
    ? decode(
        m[1]!
          .replace(/<!-- -->/g, "")
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      )
    : null;
}

describe("a designer's dashboard", () => {
  it("shows their entries by status, the handover to do, then the earnings once the prize is released", async () => {
    const s = await handoverSetup({ prize: 49_900 });
    // Ana also has an entry running in another contest, and one she withdrew.
    const client = await makeUser("Other Client", "client");
    const running = await makeLiveContest(client, { title: "Poster for a jazz night" });
    const live = await makeReadyEntry(running, s.winner);
    const gone = await makeReadyEntry(running, s.winner);
    await db().updateTable("entries").set({ status: "withdrawn" }).where("id", "=", gone).execute();
    const asWinner = await loginAs(server, s.winner);

    const html = decode(await (await asWinner.get("/dashboard")).text());
    expect(html).not.toContain("Your first contest starts with a brief");
    expect(tasks(html)).toEqual(["Hand over your files · Logo for Pain d'Or"]);
    expect(html).toContain(`href="/contests/${s.contestId}/handover"`);
    const entries = part(html, "designer-entries")!;
    expect(entries).toMatch(/Won 1 .*Logo for Pain d'Or/);
    expect(entries).toMatch(/In the running 1 .*Poster for a jazz night/);
    expect(entries).toMatch(/Closed 1 .*Withdrawn/);
    expect(html).toContain(`href="/entries/${live}"`);
    expect(part(html, "designer-earnings")).toContain("No prize money yet");

    // The files and both signatures, then the client approves: the task is done, the prize is there.
    expect((await uploadFinal(asWinner, s.contestId, "logo.svg", FILES.svg)).status).toBe(201);
    expect((await sign(asWinner, s.contestId, "Ana Souza")).status).toBe(302);
    const waiting = decode(await (await asWinner.get("/dashboard")).text());
    expect(tasks(waiting)).toEqual([]);
    expect(await sign(await loginAs(server, s.client), s.contestId, "Camille Tremblay")).toHaveProperty(
      "status",
      302,
    );
    expect((await approveHandover({ contestId: s.contestId, clientId: s.client })).ok).toBe(true);
    const paid = decode(await (await asWinner.get("/dashboard")).text());
    expect(part(paid, "designer-earnings")).toMatch(/Available \$499\b/);
    expect(paid).toContain('href="/earnings"');
  });

  it("tells a new designer to find a contest, not to write a brief", async () => {
    const client = server.client();
    await signUpAs(client, "New Designer", "designer");
    const html = decode(await (await client.get("/dashboard")).text());
    expect(html).not.toContain("Your first contest starts with a brief");
    expect(html).not.toContain('href="/contests/new"');
    expect(html).toContain("Find a contest to enter");
    expect(html).toContain('href="/contests"');
  });
});

describe("a judge's dashboard", () => {
  it("lists the contests to judge with the judge's progress, and none of the client's empty state", async () => {
    const s = await judgingSetup();
    await db()
      .updateTable("contests")
      .set({ title: "Logo to judge" })
      .where("id", "=", s.contestId)
      .execute();
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.judge, stars: 4 });
    // The client's ratings are not the judge's progress.
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ana1, raterId: s.client, stars: 5 });
    const asJudge = await loginAs(server, s.judge);
    const html = decode(await (await asJudge.get("/dashboard")).text());
    expect(html).not.toContain("Your first contest starts with a brief");
    const judging = part(html, "judging")!;
    expect(judging).toContain("Logo to judge");
    expect(judging).toContain("Rated 1 of 4");
    expect(html).toContain(`href="/contests/${s.contestId}/judge"`);
    expect(tasks(html)).toEqual(["3 entries left to rate · Logo to judge"]);
  });

  it("counts only the finalists' entries in the final round", async () => {
    const s = await judgingSetup();
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ana1, raterId: s.judge, stars: 3 });
    advanceClock(4 * DAY + 1000);
    await drainJobs();
    await selectFinalistsNow(s.contestId, s.client, [s.ana]);
    expect((await contestRow(s.contestId)).status).toBe("final_round");
    const asJudge = await loginAs(server, s.judge);
    const html = decode(await (await asJudge.get("/dashboard")).text());
    // Ana's two entries; the round-1 rating does not count for the final round.
    expect(part(html, "judging")).toContain("Rated 0 of 2");
  });
});

describe("someone who wears several hats", () => {
  it("a client who also designs and judges sees what needs them first, then each of their roles", async () => {
    const { client, id } = await clientPerson("Hats");
    await makeCompleteDraft(id, { title: "My own brief" });
    const other = await makeUser("Another Client", "client");
    const theirs = await makeLiveContest(other, { title: "Their contest" });
    await makeReadyEntry(theirs, id);
    const judged = await makeLiveContest(other, { title: "A contest I judge" });
    await db()
      .insertInto("contest_members")
      .values({ contest_id: judged, user_id: id, role: "judge", created_at: now() })
      .execute();
    const html = decode(await (await client.get("/dashboard")).text());
    const order = [
      "needs-you",
      'data-testid="judging"',
      'data-testid="designer-entries"',
      "all-contests",
    ].map((marker) => html.indexOf(marker));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order[0]).toBeLessThan(order[1]!);
    expect(part(html, "judging")).toContain("A contest I judge");
    expect(part(html, "designer-entries")).toContain("Their contest");
    expect(html).toContain("My own brief");
  });
});
