import { describe, expect, it } from "vitest";
import { refusalStatus } from "~/utils/refusals.server";
import { db } from "~db/index";
import { applyContestEvent, loadContest } from "~/modules/contests/contests.server";
import { Refused } from "~/modules/refusal";
import type { ContestEvent } from "~/modules/contests/machine";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { advanceClock } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { drainJobs } from "../helpers/jobs";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "../helpers/fixtures";

describe("contest service", () => {
  it("moves a contest to finalist selection when its clock passes, once, and records it on the timeline", async () => {
    const client = await makeUser("Client", "client");
    const contest = await makeLaunchedContest(client);
    expect(contest.status).toBe("qualifying");
    advanceClock(3 * DAY);
    await drainJobs();
    expect((await loadContest(db(), contest.id))!.status).toBe("qualifying");
    advanceClock(1 * DAY + 1000);
    await drainJobs();
    await drainJobs();
    const after = (await loadContest(db(), contest.id))!;
    expect(after.status).toBe("finalist_selection");
    const events = await db()
      .selectFrom("contest_events")
      .select(["kind", "actor_id", "data"])
      .where("contest_id", "=", contest.id)
      .orderBy("version")
      .execute();
    expect(events.map((e) => e.kind)).toEqual(["draft_created", "launched", "round_ended"]);
    expect(events[2]!.actor_id).toBeNull();
    const notes = await db()
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("contest_id", "=", contest.id)
      .execute();
    expect(notes).toContainEqual({ user_id: client, kind: "contest.pick_finalists" });
  });

  it("fires a deadline that passed while the app was down, and ignores the one an extension replaced", async () => {
    const client = await makeUser("Client", "client");
    const contest = await makeLaunchedContest(client);
    await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: { type: "extend_round", days: 2 },
    });
    // The app is down past the original deadline: nothing happens, the extended round is still on.
    advanceClock(4 * DAY + 1000);
    await drainJobs();
    expect((await loadContest(db(), contest.id))!.status).toBe("qualifying");
    // Down again, well past the new deadline: on restart it fires once.
    advanceClock(5 * DAY);
    await drainJobs();
    const after = (await loadContest(db(), contest.id))!;
    expect(after.status).toBe("finalist_selection");
    const ended = await db()
      .selectFrom("contest_events")
      .select("kind")
      .where("contest_id", "=", contest.id)
      .where("kind", "=", "round_ended")
      .execute();
    expect(ended).toHaveLength(1);
  });

  it("lets only the contest's own client act on it", async () => {
    const client = await makeUser("Client", "client");
    const other = await makeUser("Other client", "client");
    const contest = await makeLaunchedContest(client);
    for (const event of [
      { type: "extend_round", days: 1 },
      { type: "refund" },
      { type: "edit_brief", fields: ["description"] },
    ] satisfies ContestEvent[]) {
      const refused = await applyContestEvent({
        contestId: contest.id,
        actor: { kind: "user", id: other },
        event,
      })
        .then(() => null)
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ reason: "not_owner" });
      expect(refusalStatus(refused as Refused)).toBe(403);
    }
    expect((await loadContest(db(), contest.id))!.version).toBe(contest.version);
  });

  it("ends two racing winner picks with exactly one winner and one clear refusal", async () => {
    const client = await makeUser("Client", "client");
    const [a, b] = [await makeUser("Ana"), await makeUser("Ben")];
    const contest = await makeLaunchedContest(client);
    const entryA = await makeReadyEntry(contest.id, a);
    const entryB = await makeReadyEntry(contest.id, b);
    const pick = (designerId: string, entryId: string) =>
      applyContestEvent({
        contestId: contest.id,
        actor: { kind: "user", id: client },
        event: async (c, trx) => ({
          type: "select_winner",
          designerId,
          entryId,
          verdict: await computeVerdict(trx, c),
        }),
      });
    const results = await Promise.allSettled([pick(a, entryA), pick(b, entryB)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(Refused);
    expect((lost[0]!.reason as Refused).area).toBe("contest");
    expect(["wrong_state", "conflict"]).toContain((lost[0]!.reason as Refused).reason);
    const after = (await loadContest(db(), contest.id))!;
    expect(after.status).toBe("handover");
    expect([a, b]).toContain(after.winnerId);
    const picks = await db()
      .selectFrom("contest_events")
      .select("kind")
      .where("contest_id", "=", contest.id)
      .where("kind", "=", "winner_selected")
      .execute();
    expect(picks).toHaveLength(1);
  });

  it("makes the finalists and guarantees the prize when the client selects them", async () => {
    const client = await makeUser("Client", "client");
    const [a, b, c] = [await makeUser("Ana"), await makeUser("Ben"), await makeUser("Chloé")];
    const contest = await makeLaunchedContest(client);
    for (const d of [a, b, c]) await makeReadyEntry(contest.id, d);
    const after = await applyContestEvent({
      contestId: contest.id,
      actor: { kind: "user", id: client },
      event: async (x, trx) => ({
        type: "select_finalists",
        designerIds: [a, c],
        verdict: await computeVerdict(trx, x),
      }),
    });
    expect(after.status).toBe("final_round");
    expect(after.guaranteed).toBe(true);
    const reloaded = (await loadContest(db(), contest.id))!;
    expect(reloaded.finalists.sort()).toEqual([a, c].sort());
    const notes = await db()
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("contest_id", "=", contest.id)
      .execute();
    expect(notes).toContainEqual({ user_id: a, kind: "contest.finalist" });
    expect(notes).toContainEqual({ user_id: b, kind: "contest.not_finalist" });
  });
});
