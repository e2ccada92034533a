import type { DB, Trx } from "~db/index";
import type { RatingRound } from "~db/schema";
import { decisionRound } from "./access.server";
import { rankDesignersByBestEntry, scoreEntries, type ContestScores } from "./scoring";

// No import of contests.server here: verdict.server (which contests.server uses) imports this file.

/** Every rating of one contest and round, as the scoring function takes them. */
export async function loadRatings(executor: DB | Trx, contestId: string, round: RatingRound) {
  const rows = await executor
    .selectFrom("ratings")
    .select(["entry_id", "rater_id", "stars"])
    .where("contest_id", "=", contestId)
    .where("round", "=", round)
    .execute();
  return rows.map((r) => ({ entryId: r.entry_id, raterId: r.rater_id, stars: r.stars }));
}

/** The scores of a round over the given entries (every rating of the round teaches each rater's scale). */
export async function roundScores(
  executor: DB | Trx,
  contestId: string,
  round: RatingRound,
  entryIds: string[],
): Promise<ContestScores> {
  const ratings = await loadRatings(executor, contestId, round);
  const inPool = new Set(entryIds);
  const scores = scoreEntries(entryIds, ratings);
  // Entries outside the pool (declined, or not a finalist's) only served to learn the raters' scales.
  const entries = scores.entries.filter((e) => inPool.has(e.entryId)).map((e, i) => ({ ...e, rank: i + 1 }));
  return { ...scores, entries };
}

/**
 * Designers ranked by their best ready entry's score in the round the decision belongs to (round 2
 * once there are finalists), best first, only designers with ratings; designers rated only in round 1
 * follow, in their round-1 order.
 */
export async function rankDesignersByScore(
  trx: Trx | DB,
  contestId: string,
  designers: string[],
): Promise<string[]> {
  if (designers.length === 0) return [];
  const contest = await trx
    .selectFrom("contests")
    .select(["status", "fast_track"])
    .where("id", "=", contestId)
    .executeTakeFirst();
  if (!contest) return [];
  const finalist = await trx
    .selectFrom("contest_finalists")
    .select("designer_id")
    .where("contest_id", "=", contestId)
    .limit(1)
    .executeTakeFirst();
  const round = decisionRound({
    status: contest.status,
    fastTrack: contest.fast_track === 1,
    hasFinalists: !!finalist,
  });
  const entries = await trx
    .selectFrom("entries")
    .select(["id", "designer_id"])
    .where("contest_id", "=", contestId)
    .where("status", "=", "ready")
    .where("designer_id", "in", designers)
    .execute();
  const entryDesigner = new Map(entries.map((e) => [e.id, e.designer_id]));
  const entryIds = entries.map((e) => e.id);
  const ranked = rankDesignersByBestEntry(await roundScores(trx, contestId, round, entryIds), entryDesigner);
  if (round === 1) return ranked;
  const earlier = rankDesignersByBestEntry(await roundScores(trx, contestId, 1, entryIds), entryDesigner);
  return [...ranked, ...earlier.filter((d) => !ranked.includes(d))];
}
