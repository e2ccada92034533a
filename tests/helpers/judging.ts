import { db } from "~db/index";
import { applyContestEvent } from "~/modules/contests/contests.server";
import { computeVerdict } from "~/modules/contests/verdict.server";
import { now } from "~/utils/clock.server";
import { makeLaunchedContest, makeReadyEntry, makeUser } from "./fixtures";

/** Make someone a judge of a contest straight in the database (the invitation flow has its own tests). */
export async function makeJudge(contestId: string, name = "Judge") {
  const id = await makeUser(name, "client");
  await db()
    .insertInto("contest_members")
    .values({ contest_id: contestId, user_id: id, role: "judge", created_at: now() })
    .execute();
  return id;
}

/** A launched contest with a client, a judge, three designers and an entry each (two for Ana). */
export async function judgingSetup(
  patch: { blind?: boolean; isPrivate?: boolean; fastTrack?: boolean } = {},
) {
  const client = await makeUser("Camille Client", "client");
  const contest = await makeLaunchedContest(client, { fastTrack: patch.fastTrack });
  if (patch.blind || patch.isPrivate) {
    await db()
      .updateTable("contests")
      .set({ blind: patch.blind ? 1 : 0, is_private: patch.isPrivate ? 1 : 0 })
      .where("id", "=", contest.id)
      .execute();
  }
  const judge = await makeJudge(contest.id, "Jules Judge");
  const [ana, ben, chloe] = [await makeUser("Ana"), await makeUser("Ben"), await makeUser("Chloé")];
  const entries = {
    ana1: await makeReadyEntry(contest.id, ana),
    ben1: await makeReadyEntry(contest.id, ben),
    chloe1: await makeReadyEntry(contest.id, chloe),
    ana2: await makeReadyEntry(contest.id, ana),
  };
  return { client, contest, contestId: contest.id, judge, ana, ben, chloe, entries };
}

export async function selectFinalistsNow(contestId: string, clientId: string, designerIds: string[]) {
  return applyContestEvent({
    contestId,
    actor: { kind: "user", id: clientId },
    event: async (contest, trx) => ({
      type: "select_finalists",
      designerIds,
      verdict: await computeVerdict(trx, contest),
    }),
  });
}

export async function notificationsOf(userId: string) {
  return db()
    .selectFrom("notifications")
    .select(["kind", "entry_id", "data", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}
