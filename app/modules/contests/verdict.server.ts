import type { Trx } from "~db/index";
import { rankDesignersByScore } from "../judging/scores.server";
import type { Verdict } from "./machine";

type ContestRef = { id: string };

/**
 * The facts a decision on finalists, a winner or a silent client's resolution rests on: who has
 * active entries (first entry first), and how the designers rank by judged score.
 */
export async function computeVerdict(trx: Trx, contest: ContestRef): Promise<Verdict> {
  const rows = await trx
    .selectFrom("entries")
    .select((eb) => ["designer_id", eb.fn.min<number>("created_at").as("first")])
    .where("contest_id", "=", contest.id)
    .where("status", "=", "ready")
    .groupBy("designer_id")
    .orderBy("first")
    .orderBy("designer_id")
    .execute();
  const designersWithEntries = rows.map((r) => r.designer_id);
  return { ranking: await rankDesigners(trx, contest.id, designersWithEntries), designersWithEntries };
}

/**
 * Designers ordered by their best entry's score (judging/scoring.ts) in the round the decision belongs
 * to (round 2 once there are finalists), best first; only designers with ratings.
 */
async function rankDesigners(trx: Trx, contestId: string, designers: string[]): Promise<string[]> {
  return rankDesignersByScore(trx, contestId, designers);
}
