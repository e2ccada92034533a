import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/index";
import { loadContest } from "~/modules/contests/contests.server";
import { designerBalance, trialBalance } from "~/modules/escrow/ledger-reads.server";
import { rateEntry } from "~/modules/judging/ratings.server";
import { notificationText } from "~/modules/notify/notifications.server";
import { advanceClock } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { decode } from "../helpers/contests";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { loginAs } from "../helpers/handover";
import { drainJobs } from "../helpers/jobs";
import { selectFinalistsNow } from "../helpers/judging";
import { startTestServer } from "../helpers/server";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A contest with three designers' entries, the client silent from here on. */
async function silentContest(prize: number) {
  const client = await makeUser("Camille Tremblay", "client");
  const [ana, ben, chloe] = [
    await makeUser("Ana Souza"),
    await makeUser("Ben Okafor"),
    await makeUser("Chloé Martin"),
  ];
  const contest = await makeLaunchedContest(client, { prize });
  await db()
    .updateTable("contests")
    .set({ title: "Logo for Pain d'Or" })
    .where("id", "=", contest.id)
    .execute();
  const entries = {
    ana: await makeReadyEntry(contest.id, ana),
    ben: await makeReadyEntry(contest.id, ben),
    chloe: await makeReadyEntry(contest.id, chloe),
  };
  return { client, ana, ben, chloe, contestId: contest.id, entries };
}

/** Let every round's clock run out, running the deadline jobs, until the contest ends. */
async function letTimePass() {
  for (let i = 0; i < 6; i++) {
    advanceClock(15 * DAY);
    await drainJobs();
  }
}

async function notes(contestId: string) {
  const rows = await db()
    .selectFrom("notifications")
    .select(["user_id", "kind"])
    .where("contest_id", "=", contestId)
    .where("kind", "like", "contest.%")
    .execute();
  return rows;
}

/** Every notification of this person about this contest reads as a sentence (not the fallback). */
function expectSentences(kinds: string[]) {
  for (const kind of kinds) {
    const text = notificationText(kind, { contestTitle: "Logo for Pain d'Or" }, "en");
    expect(text, kind).toContain("“Logo for Pain d'Or”");
    expect(text, kind).not.toBe(
      notificationText("some.unknown.kind", { contestTitle: "Logo for Pain d'Or" }, "en"),
    );
  }
}

describe("a contest resolved without a winner", () => {
  it("splits a guaranteed prize equally among the finalists (the remainder to the first), on the timeline and in everyone's notifications", async () => {
    const s = await silentContest(50_001);
    await selectFinalistsNow(s.contestId, s.client, [s.ana, s.ben]);
    await letTimePass();
    const contest = (await loadContest(db(), s.contestId))!;
    expect(contest.status).toBe("completed");
    expect((await designerBalance(db(), s.ana, "USD")).available).toBe(25_001);
    expect((await designerBalance(db(), s.ben, "USD")).available).toBe(25_000);
    expect((await trialBalance(db())).balanced).toBe(true);

    const page = decode(await (await server.client().get(`/contests/${s.contestId}`)).text());
    expect(page).toContain(
      "The client did not decide in time; the prize was split by rule: Ana Souza ($250.01), Ben Okafor ($250)",
    );
    const sent = await notes(s.contestId);
    const of = (id: string) => sent.filter((n) => n.user_id === id).map((n) => n.kind);
    expect(of(s.ana)).toContain("contest.split_by_rule");
    expect(of(s.ben)).toContain("contest.split_by_rule");
    expect(of(s.client)).toContain("contest.resolved");
    expectSentences([...new Set(sent.map((n) => n.kind))]);
    // The page of notifications says it in words, and leads to the earnings.
    const mine = decode(await (await loginAs(server, s.ana)).get("/notifications").then((r) => r.text()));
    expect(mine).toContain(
      notificationText("contest.split_by_rule", { contestTitle: "Logo for Pain d'Or" }, "en"),
    );
    expect(mine).toContain('href="/earnings"');
  });

  it("awards a guaranteed prize to the best-rated finalist when the client rated", async () => {
    const s = await silentContest(49_900);
    await selectFinalistsNow(s.contestId, s.client, [s.ana, s.ben]);
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben, raterId: s.client, stars: 5 });
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ana, raterId: s.client, stars: 2 });
    await letTimePass();
    expect((await loadContest(db(), s.contestId))!.winnerId).toBe(s.ben);
    expect((await designerBalance(db(), s.ben, "USD")).available).toBe(49_900);
    const page = decode(await (await server.client().get(`/contests/${s.contestId}`)).text());
    expect(page).toContain(
      "The client did not decide in time; the prize went by rule to the best-rated designer, Ben Okafor",
    );
    const sent = await notes(s.contestId);
    expect(sent.filter((n) => n.user_id === s.ben).map((n) => n.kind)).toContain("contest.won_by_rule");
    expect(sent.filter((n) => n.user_id === s.client).map((n) => n.kind)).toContain("contest.resolved");
    expectSentences([...new Set(sent.map((n) => n.kind))]);
    // Completed by rule, not through a handover: there is no handover page.
    expect((await (await loginAs(server, s.client)).get(`/contests/${s.contestId}/handover`)).status).toBe(
      404,
    );
  });

  it("refunds a prize that was not guaranteed, and tells the client and every entrant", async () => {
    const s = await silentContest(30_000);
    await letTimePass();
    const contest = (await loadContest(db(), s.contestId))!;
    expect(contest.status).toBe("refunded");
    const page = decode(
      await (await loginAs(server, s.client)).get(`/contests/${s.contestId}`).then((r) => r.text()),
    );
    expect(page).toContain(
      "The client did not decide in time and the prize was not guaranteed; it was refunded",
    );
    const sent = await notes(s.contestId);
    expect(sent.filter((n) => n.user_id === s.client).map((n) => n.kind)).toContain("contest.refunded");
    for (const d of [s.ana, s.ben, s.chloe]) {
      expect(sent.filter((n) => n.user_id === d).map((n) => n.kind)).toContain(
        "contest.ended_without_winner",
      );
    }
    expectSentences([...new Set(sent.map((n) => n.kind))]);
    // The client's receipt shows the refund.
    const receipts = decode(await (await loginAs(server, s.client)).get("/receipts").then((r) => r.text()));
    expect(receipts).toContain("Refunded");
  });
});
