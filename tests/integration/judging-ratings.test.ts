import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Refused } from "~/modules/refusal";
import { refusalStatus } from "~/utils/refusals.server";
import { db } from "~db/index";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { notificationText } from "~/modules/notify/notifications.server";
import { freezeClock, now, resetClock } from "~/utils/clock.server";
import {
  addComment,
  declineEntry,
  eliminateDesigner,
  getFeedbackForViewer,
  rateEntry,
  reinstateDesigner,
  restoreEntry,
  saveJudgeNote,
} from "~/modules/judging/ratings.server";
import { isEliminated } from "~/modules/judging/access.server";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";
import { judgingSetup, makeJudge, notificationsOf, selectFinalistsNow } from "../helpers/judging";

async function stats(entryId: string, round: 1 | 2 = 1) {
  return db()
    .selectFrom("entry_round_stats")
    .select(["ratings_count", "stars_sum", "client_stars"])
    .where("entry_id", "=", entryId)
    .where("round", "=", round)
    .executeTakeFirst();
}

describe("rating entries", () => {
  it("keeps one rating per person and round: a second one replaces the first, and the entry's count and sum follow", async () => {
    const s = await judgingSetup();
    const first = await rateEntry({
      contestId: s.contestId,
      entryId: s.entries.ben1,
      raterId: s.client,
      stars: 3,
    });
    expect(first).toEqual({ stars: 3, round: 1, replaced: false });
    const again = await rateEntry({
      contestId: s.contestId,
      entryId: s.entries.ben1,
      raterId: s.client,
      stars: 5,
    });
    expect(again).toEqual({ stars: 5, round: 1, replaced: true });
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.judge, stars: 2 });
    expect(await stats(s.entries.ben1)).toEqual({ ratings_count: 2, stars_sum: 7, client_stars: 5 });
    const rows = await db()
      .selectFrom("ratings")
      .select(["rater_id", "stars", "round"])
      .where("entry_id", "=", s.entries.ben1)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it("tells the designer of the client's stars once (folding re-ratings), and never of a judge's", async () => {
    const s = await judgingSetup();
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.judge, stars: 1 });
    expect(await notificationsOf(s.ben)).toEqual([]);
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.client, stars: 2 });
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.client, stars: 4 });
    const notes = await notificationsOf(s.ben);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe("entry.rated");
    expect(JSON.parse(notes[0]!.data)).toMatchObject({ stars: 4, number: 2 });
  });

  it("lets only the contest's client and its judges rate", async () => {
    const s = await judgingSetup();
    const other = await makeLaunchedContest(await makeUser("Other client", "client"));
    const judgeElsewhere = await makeJudge(other.id, "Judge elsewhere");
    const stranger = await makeUser("Stranger", "client");
    for (const raterId of [s.ana, s.ben, judgeElsewhere, stranger]) {
      const refused = await rateEntry({
        contestId: s.contestId,
        entryId: s.entries.chloe1,
        raterId,
        stars: 4,
      })
        .then(() => null)
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ reason: "forbidden" });
      expect(refusalStatus(refused as Refused)).toBe(403);
    }
    // An entry of another contest cannot be rated through this one.
    const elsewhere = await makeReadyEntry(other.id, s.ana);
    await expect(
      rateEntry({ contestId: s.contestId, entryId: elsewhere, raterId: s.client, stars: 4 }),
    ).rejects.toMatchObject({ reason: "not_found" });
    expect(await stats(s.entries.chloe1)).toBeUndefined();
  });

  it("refuses stars outside 1–5, ratings of a declined entry, and ratings once the rounds are over", async () => {
    const s = await judgingSetup();
    for (const stars of [0, 6, 2.5, Number.NaN]) {
      await expect(
        rateEntry({ contestId: s.contestId, entryId: s.entries.ana1, raterId: s.client, stars }),
      ).rejects.toMatchObject({ reason: "invalid" });
    }
    await declineEntry({
      contestId: s.contestId,
      entryId: s.entries.ana2,
      clientId: s.client,
      reason: "off_brief",
    });
    await expect(
      rateEntry({ contestId: s.contestId, entryId: s.entries.ana2, raterId: s.judge, stars: 3 }),
    ).rejects.toMatchObject({ reason: "entry_declined" });
    await applyContestEvent({
      contestId: s.contestId,
      actor: { kind: "user", id: s.client },
      event: async (c, trx) => ({
        type: "select_winner",
        designerId: s.ben,
        entryId: s.entries.ben1,
        verdict: await computeVerdict(trx, c),
      }),
    });
    await expect(
      rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.client, stars: 5 }),
    ).rejects.toMatchObject({ reason: "rating_closed" });
  });

  it("puts final-round ratings in round 2, for the finalists' entries only, keeping round 1's", async () => {
    const s = await judgingSetup();
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ana1, raterId: s.client, stars: 4 });
    await selectFinalistsNow(s.contestId, s.client, [s.ana, s.ben]);
    const r = await rateEntry({
      contestId: s.contestId,
      entryId: s.entries.ana1,
      raterId: s.client,
      stars: 2,
    });
    expect(r.round).toBe(2);
    await expect(
      rateEntry({ contestId: s.contestId, entryId: s.entries.chloe1, raterId: s.judge, stars: 5 }),
    ).rejects.toMatchObject({ reason: "not_in_round" });
    expect(await stats(s.entries.ana1, 1)).toMatchObject({ ratings_count: 1, client_stars: 4 });
    expect(await stats(s.entries.ana1, 2)).toMatchObject({ ratings_count: 1, client_stars: 2 });
    // The designer sees the latest round's stars.
    expect(
      (await getFeedbackForViewer({ entryId: s.entries.ana1, viewer: { id: s.ana } }))!.clientStars,
    ).toBe(2);
  });

  it("keeps every entry's count and sum equal to its ratings, whatever the sequence of ratings", async () => {
    const s = await judgingSetup();
    const raters = [s.client, s.judge, await makeJudge(s.contestId, "Second judge")];
    const entryIds = Object.values(s.entries);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            rater: fc.integer({ min: 0, max: 2 }),
            entry: fc.integer({ min: 0, max: entryIds.length - 1 }),
            stars: fc.integer({ min: 1, max: 5 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          // Concurrent ratings (several tabs, several judges) must not lose an update.
          await Promise.all(
            steps.map((step) =>
              rateEntry({
                contestId: s.contestId,
                entryId: entryIds[step.entry]!,
                raterId: raters[step.rater]!,
                stars: step.stars,
              }),
            ),
          );
          const truth = await db()
            .selectFrom("ratings")
            .select((eb) => [
              "entry_id",
              eb.fn.countAll<number>().as("n"),
              eb.fn.sum<number>("stars").as("sum"),
            ])
            .where("contest_id", "=", s.contestId)
            .where("round", "=", 1)
            .groupBy("entry_id")
            .execute();
          for (const row of truth) {
            expect(await stats(row.entry_id)).toMatchObject({
              ratings_count: Number(row.n),
              stars_sum: Number(row.sum),
            });
          }
          const clientStars = await db()
            .selectFrom("ratings")
            .select(["entry_id", "stars"])
            .where("rater_id", "=", s.client)
            .where("round", "=", 1)
            .execute();
          for (const c of clientStars) expect((await stats(c.entry_id))!.client_stars).toBe(c.stars);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("declines and eliminations", () => {
  it("declines an entry with a reason the designer hears of, records it on the timeline, and undoes it", async () => {
    const s = await judgingSetup();
    await expect(
      declineEntry({ contestId: s.contestId, entryId: s.entries.ben1, clientId: s.judge, reason: "copied" }),
    ).rejects.toMatchObject({ reason: "forbidden" });
    await declineEntry({
      contestId: s.contestId,
      entryId: s.entries.ben1,
      clientId: s.client,
      reason: "copied",
      note: "  Too close to a known mark.  ",
    });
    const entry = await db()
      .selectFrom("entries")
      .selectAll()
      .where("id", "=", s.entries.ben1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      status: "declined",
      decline_reason: "copied",
      decline_note: "Too close to a known mark.",
    });
    const feedback = await getFeedbackForViewer({ entryId: s.entries.ben1, viewer: { id: s.ben } });
    expect(feedback!.declined).toMatchObject({ reason: "copied", note: "Too close to a known mark." });
    await restoreEntry({ contestId: s.contestId, entryId: s.entries.ben1, clientId: s.client });
    expect(
      await db()
        .selectFrom("entries")
        .select(["status", "decline_reason"])
        .where("id", "=", s.entries.ben1)
        .executeTakeFirst(),
    ).toEqual({ status: "ready", decline_reason: null });
    await expect(
      restoreEntry({ contestId: s.contestId, entryId: s.entries.ben1, clientId: s.client }),
    ).rejects.toMatchObject({ reason: "not_declined" });
    expect((await notificationsOf(s.ben)).map((n) => n.kind)).toEqual(["entry.declined", "entry.restored"]);
    const events = await db()
      .selectFrom("contest_events")
      .select("kind")
      .where("contest_id", "=", s.contestId)
      .orderBy("created_at")
      .execute();
    expect(events.map((e) => e.kind)).toEqual([
      "draft_created",
      "launched",
      "entry_declined",
      "entry_restored",
    ]);
  });

  it("eliminates a designer (isEliminated says so), refuses to eliminate a finalist, and lets them back", async () => {
    const s = await judgingSetup();
    expect(await isEliminated(db(), s.contestId, s.chloe)).toBe(false);
    await eliminateDesigner({ contestId: s.contestId, designerId: s.chloe, clientId: s.client });
    expect(await isEliminated(db(), s.contestId, s.chloe)).toBe(true);
    expect(await isEliminated(db(), s.contestId, s.ben)).toBe(false);
    await expect(
      eliminateDesigner({ contestId: s.contestId, designerId: s.ben, clientId: s.judge }),
    ).rejects.toMatchObject({ reason: "forbidden" });
    const nobody = await makeUser("Never entered");
    await expect(
      eliminateDesigner({ contestId: s.contestId, designerId: nobody, clientId: s.client }),
    ).rejects.toMatchObject({ reason: "no_entries" });
    await reinstateDesigner({ contestId: s.contestId, designerId: s.chloe, clientId: s.client });
    expect(await isEliminated(db(), s.contestId, s.chloe)).toBe(false);
    expect((await notificationsOf(s.chloe)).map((n) => n.kind)).toEqual([
      "contest.eliminated",
      "contest.reinstated",
    ]);
    await selectFinalistsNow(s.contestId, s.client, [s.ben]);
    await expect(
      eliminateDesigner({ contestId: s.contestId, designerId: s.ben, clientId: s.client }),
    ).rejects.toMatchObject({ reason: "finalist" });
  });
});

describe("comments and judges' notes", () => {
  it("keeps a thread between the client and the entry's designer, each told of the other's words", async () => {
    const s = await judgingSetup();
    // Both in the same millisecond (the clock stands still): the thread keeps the order of writing.
    freezeClock(now());
    try {
      await addComment({
        entryId: s.entries.ana1,
        authorId: s.client,
        body: "Love the mark; try a warmer red?",
      });
      await addComment({ entryId: s.entries.ana1, authorId: s.ana, body: "Will do, revision tonight." });
    } finally {
      resetClock();
    }
    for (const authorId of [s.judge, s.ben]) {
      await expect(addComment({ entryId: s.entries.ana1, authorId, body: "Hello" })).rejects.toMatchObject({
        reason: "forbidden",
      });
    }
    await expect(
      addComment({ entryId: s.entries.ana1, authorId: s.client, body: "   " }),
    ).rejects.toMatchObject({
      reason: "invalid",
    });
    expect((await notificationsOf(s.ana)).map((n) => n.kind)).toEqual(["entry.commented"]);
    // (the client's other notification is the contest's launch receipt)
    const toClient = (await notificationsOf(s.client)).filter((n) => n.kind !== "contest.launched");
    expect(toClient.map((n) => n.kind)).toEqual(["entry.replied"]);
    expect(JSON.parse(toClient[0]!.data)).toMatchObject({ name: "Ana", number: 1 });
    const thread = (await getFeedbackForViewer({ entryId: s.entries.ana1, viewer: { id: s.ana } }))!
      .comments!;
    expect(thread.map((c) => [c.author, c.mine, c.body])).toEqual([
      ["client", false, "Love the mark; try a warmer red?"],
      ["designer", true, "Will do, revision tonight."],
    ]);
  });

  it("lets a judge leave a private note the client reads and no designer ever sees", async () => {
    const s = await judgingSetup();
    await saveJudgeNote({
      contestId: s.contestId,
      entryId: s.entries.ben1,
      judgeId: s.judge,
      body: "Strongest concept.",
    });
    await saveJudgeNote({
      contestId: s.contestId,
      entryId: s.entries.ben1,
      judgeId: s.judge,
      body: "Strongest concept, by far.",
    });
    await expect(
      saveJudgeNote({ contestId: s.contestId, entryId: s.entries.ben1, judgeId: s.client, body: "x" }),
    ).rejects.toMatchObject({ reason: "forbidden" });
    // The client is told, once for the edited note; the designer is not.
    const told = await db()
      .selectFrom("notifications")
      .select(["user_id", "kind", "entry_id", "data"])
      .where("contest_id", "=", s.contestId)
      .where("kind", "=", "judge.noted")
      .execute();
    expect(told.map((n) => [n.user_id, n.entry_id])).toEqual([[s.client, s.entries.ben1]]);
    expect(
      notificationText("judge.noted", { ...JSON.parse(told[0]!.data), contestTitle: "Bakery logo" }, "en"),
    ).toBe(
      "Jules Judge, your judge, left you a note on entry #" +
        String(JSON.parse(told[0]!.data).number) +
        " in “Bakery logo”.",
    );
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.judge, stars: 5 });
    const forClient = await getFeedbackForViewer({ entryId: s.entries.ben1, viewer: { id: s.client } });
    expect(forClient!.judges).toEqual([
      { judgeId: s.judge, name: "Jules Judge", stars: 5, note: "Strongest concept, by far." },
    ]);
    const forJudge = await getFeedbackForViewer({ entryId: s.entries.ben1, viewer: { id: s.judge } });
    expect(forJudge!.mine).toEqual({ stars: 5, note: "Strongest concept, by far." });
    expect(forJudge!.comments).toBeNull();
    const forDesigner = await getFeedbackForViewer({ entryId: s.entries.ben1, viewer: { id: s.ben } });
    expect(forDesigner!.judges).toBeNull();
    expect(forDesigner!.mine).toBeNull();
    expect(JSON.stringify(forDesigner)).not.toContain("Jules");
    expect(JSON.stringify(forDesigner)).not.toContain("Strongest");
    await saveJudgeNote({ contestId: s.contestId, entryId: s.entries.ben1, judgeId: s.judge, body: "" });
    expect(
      (await getFeedbackForViewer({ entryId: s.entries.ben1, viewer: { id: s.client } }))!.judges![0]!.note,
    ).toBeNull();
  });
});

describe("what each viewer sees of an entry's feedback", () => {
  it("shows the client's stars to everyone in an open contest, the thread only to the two people in it", async () => {
    const s = await judgingSetup();
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.client, stars: 4 });
    await rateEntry({ contestId: s.contestId, entryId: s.entries.ben1, raterId: s.judge, stars: 1 });
    await addComment({ entryId: s.entries.ben1, authorId: s.client, body: "Nice." });
    const stranger = await makeUser("Stranger");
    for (const viewer of [{ id: s.ana }, { id: stranger }, null]) {
      const f = await getFeedbackForViewer({ entryId: s.entries.ben1, viewer });
      expect(f).toMatchObject({
        viewerRole: "visitor",
        clientStars: 4,
        comments: null,
        declined: null,
        judges: null,
      });
    }
    const own = await getFeedbackForViewer({ entryId: s.entries.ben1, viewer: { id: s.ben } });
    expect(own).toMatchObject({ viewerRole: "designer", clientStars: 4, canComment: true });
    expect(own!.comments).toHaveLength(1);
  });

  it("hides other designers' feedback in a blind contest, and everything from strangers in a private one", async () => {
    const blind = await judgingSetup({ blind: true });
    await rateEntry({
      contestId: blind.contestId,
      entryId: blind.entries.ben1,
      raterId: blind.client,
      stars: 5,
    });
    expect(await getFeedbackForViewer({ entryId: blind.entries.ben1, viewer: { id: blind.ana } })).toBeNull();
    expect(await getFeedbackForViewer({ entryId: blind.entries.ben1, viewer: null })).toBeNull();
    expect(
      (await getFeedbackForViewer({ entryId: blind.entries.ben1, viewer: { id: blind.ben } }))!.clientStars,
    ).toBe(5);
    const hidden = await judgingSetup({ isPrivate: true });
    expect(
      await getFeedbackForViewer({ entryId: hidden.entries.ben1, viewer: { id: hidden.ana } }),
    ).toBeNull();
    expect(
      (await getFeedbackForViewer({ entryId: hidden.entries.ben1, viewer: { id: hidden.judge } }))!
        .viewerRole,
    ).toBe("judge");
  });
});

describe("the ranking the contest's decisions rest on", () => {
  it("orders designers by their best entry's score, leaves out those nobody rated, and uses the final round once there is one", async () => {
    const s = await judgingSetup();
    const rate = (entryId: string, raterId: string, stars: number) =>
      rateEntry({ contestId: s.contestId, entryId, raterId, stars });
    await rate(s.entries.ana1, s.client, 2);
    await rate(s.entries.ana2, s.client, 5);
    await rate(s.entries.ben1, s.client, 4);
    await rate(s.entries.ana1, s.judge, 1);
    await rate(s.entries.ana2, s.judge, 5);
    await rate(s.entries.ben1, s.judge, 3);
    const verdict = await db()
      .transaction()
      .execute((trx) => computeVerdict(trx, { id: s.contestId }));
    expect(verdict.ranking).toEqual([s.ana, s.ben]);
    expect(verdict.designersWithEntries).toContain(s.chloe);

    await selectFinalistsNow(s.contestId, s.client, [s.ana, s.ben]);
    await rate(s.entries.ben1, s.client, 5);
    await rate(s.entries.ana2, s.client, 2);
    await rate(s.entries.ben1, s.judge, 5);
    await rate(s.entries.ana2, s.judge, 1);
    await rate(s.entries.ana1, s.judge, 2);
    const final = await db()
      .transaction()
      .execute((trx) => computeVerdict(trx, { id: s.contestId }));
    expect(final.ranking).toEqual([s.ben, s.ana]);
  });
});
