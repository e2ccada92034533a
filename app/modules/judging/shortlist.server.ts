import { db } from "~db/index";
import type { RatingRound } from "~db/schema";
import { applyContestEvent, loadContest, type Contest } from "../contests/contests.server";
import { Refused } from "../refusal";
import { hasLaunched } from "../contests/access.server";
import { CLIENT_EVENTS } from "../contests/machine";
import { computeVerdict } from "../contests/verdict.server";
import { decisionRound, requireJudgingRole } from "./access.server";
import { loadPool, type PoolEntry } from "./pool.server";
import { roundScores } from "./scores.server";

export type ShortlistMode = "finalists" | "winner" | "early" | "fast_track" | "closed";

export interface ShortlistEntry extends PoolEntry {
  /** Among the entries rated in this round (null: nobody rated it yet, so it has no rank). */
  rank: number | null;
  score: number;
  ratings: number;
  confidence: number;
  clientStars: number | null;
  /** The round-1 score, shown in the final round beside the round-2 one. */
  earlierScore: number | null;
  judges: { name: string; stars: number | null; note: string | null }[];
}

export interface ShortlistDesigner {
  designerId: string;
  name: string;
  finalist: boolean;
  winner: boolean;
  /** The best entry's rank, or null when nobody rated their entries in this round. */
  bestRank: number | null;
  /** In the final round, the best round-1 rank: it orders the finalists nobody rated again yet. */
  earlierRank: number | null;
  entries: ShortlistEntry[];
}

function modeOf(contest: Contest): ShortlistMode {
  const events = CLIENT_EVENTS[contest.status];
  if (!events.includes("select_winner")) return "closed";
  if (contest.fastTrack) return "fast_track";
  if (contest.status === "finalist_selection") return "finalists";
  if (contest.status === "qualifying") return "early";
  return "winner";
}

async function clientContest(contestId: string, clientId: string) {
  const contest = await loadContest(db(), contestId);
  if (!contest || !hasLaunched(contest.status)) throw new Refused("judging", "not_found");
  await requireJudgingRole(db(), contest, clientId, "client");
  return contest;
}

/** Refuses anyone but the contest's client (JudgingError), before a decision is even described (a judging refusal). */
export async function assertClient(input: { contestId: string; clientId: string }) {
  await clientContest(input.contestId, input.clientId);
}

/**
 * The client's shortlist: entries ranked by score in the round the next decision belongs to, grouped
 * by designer (best first), with the number of ratings, the client's own stars and each judge's stars
 * and private note.
 */
export async function getShortlist(input: { contestId: string; clientId: string }) {
  const contest = await clientContest(input.contestId, input.clientId);
  const round: RatingRound = decisionRound({ ...contest, hasFinalists: contest.finalists.length > 0 });
  const inFinal = round === 2;
  const pool = await loadPool(db(), contest.id, inFinal ? { designers: contest.finalists } : {});
  const entryIds = pool.map((e) => e.id);
  const [scores, earlier, judges, ratings, notes] = await Promise.all([
    roundScores(db(), contest.id, round, entryIds),
    inFinal ? roundScores(db(), contest.id, 1, entryIds) : Promise.resolve(null),
    db()
      .selectFrom("contest_members")
      .innerJoin("users", "users.id", "contest_members.user_id")
      .select(["users.id", "users.display_name"])
      .where("contest_members.contest_id", "=", contest.id)
      .where("contest_members.role", "=", "judge")
      .orderBy("contest_members.created_at")
      .execute(),
    db()
      .selectFrom("ratings")
      .select(["entry_id", "rater_id", "stars"])
      .where("contest_id", "=", contest.id)
      .where("round", "=", round)
      .execute(),
    db()
      .selectFrom("judge_notes")
      .select(["entry_id", "judge_id", "body"])
      .where("contest_id", "=", contest.id)
      .execute(),
  ]);
  const byEntry = new Map(pool.map((e) => [e.id, e]));
  const starsOf = new Map(ratings.map((r) => [`${r.entry_id}:${r.rater_id}`, r.stars]));
  const noteOf = new Map(notes.map((n) => [`${n.entry_id}:${n.judge_id}`, n.body]));
  const earlierOf = new Map(earlier?.entries.map((e) => [e.entryId, e]) ?? []);

  // Ranks count only rated entries: an unrated one sits at the panel's mean and has earned no place.
  const rankOf = rankRated(scores.entries);
  const earlierRankOf = rankRated(earlier?.entries ?? []);
  const designers = new Map<string, ShortlistDesigner>();
  for (const score of scores.entries) {
    const entry = byEntry.get(score.entryId)!;
    const row: ShortlistEntry = {
      ...entry,
      rank: rankOf.get(entry.id) ?? null,
      score: score.score,
      ratings: score.ratings,
      confidence: score.confidence,
      clientStars: starsOf.get(`${entry.id}:${contest.clientId}`) ?? null,
      earlierScore: (earlierOf.get(entry.id)?.ratings ?? 0) > 0 ? earlierOf.get(entry.id)!.score : null,
      judges: judges.map((j) => ({
        name: j.display_name,
        stars: starsOf.get(`${entry.id}:${j.id}`) ?? null,
        note: noteOf.get(`${entry.id}:${j.id}`) ?? null,
      })),
    };
    const designer = designers.get(entry.designerId) ?? {
      designerId: entry.designerId,
      name: entry.designerName,
      finalist: contest.finalists.includes(entry.designerId),
      winner: contest.winnerId === entry.designerId,
      bestRank: null,
      earlierRank: null,
      entries: [],
    };
    if (row.rank !== null) designer.bestRank = Math.min(designer.bestRank ?? row.rank, row.rank);
    const earlierRank = earlierRankOf.get(entry.id);
    if (earlierRank !== undefined)
      designer.earlierRank = Math.min(designer.earlierRank ?? earlierRank, earlierRank);
    designer.entries.push(row);
    designers.set(entry.designerId, designer);
  }
  // Designers with rated entries first, by their best entry; in the final round, finalists not rated
  // again yet follow in their round-1 order; then the others in submission order.
  const last = Number.MAX_SAFE_INTEGER;
  const ranked = [...designers.values()].sort(
    (a, b) =>
      (a.bestRank ?? last) - (b.bestRank ?? last) ||
      (a.earlierRank ?? last) - (b.earlierRank ?? last) ||
      Math.min(...a.entries.map((e) => e.number)) - Math.min(...b.entries.map((e) => e.number)),
  );
  const mode = modeOf(contest);
  return {
    contest: {
      id: contest.id,
      title: contest.title,
      status: contest.status,
      fastTrack: contest.fastTrack,
      roundEndsAt: contest.roundEndsAt,
      winningEntryId: contest.winningEntryId,
    },
    round,
    mode,
    canSelectFinalists: mode === "finalists" || mode === "early",
    canSelectWinner: mode !== "closed",
    prior: scores.prior,
    judgesCount: judges.length,
    rated: scores.entries.filter((e) => e.ratings > 0).length,
    designers: ranked,
  };
}

/** Rank 1, 2, … over the rated entries only, in score order (the scores come sorted best first). */
function rankRated(entries: { entryId: string; ratings: number }[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const e of entries) if (e.ratings > 0) ranks.set(e.entryId, ranks.size + 1);
  return ranks;
}

/** The client selects 1 to MAX_FINALISTS finalist designers through the state machine (refusals: the contest area's). */
export async function selectFinalists(input: { contestId: string; clientId: string; designerIds: string[] }) {
  return applyContestEvent({
    contestId: input.contestId,
    actor: { kind: "user", id: input.clientId },
    event: async (contest, trx) => ({
      type: "select_finalists",
      designerIds: input.designerIds,
      verdict: await computeVerdict(trx, contest),
    }),
  });
}

/** The client picks the winning entry (its designer wins) through the state machine. */
export async function selectWinner(input: { contestId: string; clientId: string; entryId: string }) {
  return applyContestEvent({
    contestId: input.contestId,
    actor: { kind: "user", id: input.clientId },
    event: async (contest, trx) => {
      const entry = await trx
        .selectFrom("entries")
        .select(["designer_id", "status"])
        .where("id", "=", input.entryId)
        .where("contest_id", "=", contest.id)
        .executeTakeFirst();
      if (!entry || entry.status !== "ready") throw new Refused("contest", "bad_winner");
      return {
        type: "select_winner",
        designerId: entry.designer_id,
        entryId: input.entryId,
        verdict: await computeVerdict(trx, contest),
      };
    },
  });
}

/** Names of designers and an entry's number, for the confirmation step. */
export async function describeChoice(input: { contestId: string; designerIds?: string[]; entryId?: string }) {
  const designers = input.designerIds?.length
    ? await db()
        .selectFrom("users")
        .select(["id", "display_name"])
        .where("id", "in", input.designerIds)
        .execute()
    : [];
  const entry = input.entryId
    ? await db()
        .selectFrom("entries")
        .innerJoin("users", "users.id", "entries.designer_id")
        .select(["entries.id", "entries.number", "users.display_name"])
        .where("entries.id", "=", input.entryId)
        .where("entries.contest_id", "=", input.contestId)
        .executeTakeFirst()
    : undefined;
  return {
    designers: (input.designerIds ?? []).flatMap((id) => {
      const d = designers.find((x) => x.id === id);
      return d ? [{ id, name: d.display_name }] : [];
    }),
    entry: entry ? { id: entry.id, number: entry.number, designerName: entry.display_name } : null,
  };
}
