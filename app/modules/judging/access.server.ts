import { type DB, type Trx } from "~db/index";
import type { ContestStatus, RatingRound } from "~db/schema";
import { canViewContest } from "../contests/access.server";
import { isRatingOpen } from "../contests/machine";
import { Refused } from "../refusal";

export type { RatingRound };

/** Who may judge a contest: its client, and the judges the client invited. */
export type JudgingRole = "client" | "judge";

export type JudgingFailure =
  | "not_found"
  | "forbidden"
  | "rating_closed"
  | "not_in_round"
  | "entry_declined"
  | "entry_not_ready"
  | "not_declined"
  | "finalist"
  | "no_entries"
  | "contest_closed"
  | "invalid";

type RoundContest = { status: ContestStatus; fastTrack: boolean };

/**
 * The rating round open now: 1 while entries qualify and finalists are chosen, 2 in the final round and
 * while the winner is chosen. A fast-track contest has no final round: its ratings all belong to round 1.
 * Null when no rating is accepted.
 */
export function ratingRound(contest: RoundContest): RatingRound | null {
  // The machine owns the rule; it only looks at the status.
  if (!isRatingOpen(contest)) return null;
  if (contest.status === "final_round" || contest.status === "winner_selection") {
    return contest.fastTrack ? 1 : 2;
  }
  return 1;
}

/** The round whose ratings a decision rests on now, also after rating has closed (the last one). */
export function decisionRound(contest: RoundContest & { hasFinalists: boolean }): RatingRound {
  return ratingRound(contest) ?? (contest.hasFinalists && !contest.fastTrack ? 2 : 1);
}

/**
 * The judging role this person needs here (any role, or the client's), or a refusal that gives
 * nothing away: someone who may not see the contest (the contests module's rule) is told it does not
 * exist, as for an unknown id; someone who may see it but has not this role is refused.
 */
export async function requireJudgingRole(
  executor: DB | Trx,
  contest: { id: string; clientId: string },
  userId: string,
  only?: JudgingRole,
): Promise<JudgingRole> {
  const role = await judgingRole(executor, contest, userId);
  if (role && (!only || role === only)) return role;
  throw new Refused(
    "judging",
    (await canViewContest(executor, contest.id, userId)) ? "forbidden" : "not_found",
  );
}

/** The viewer's judging role in the contest, or null (designers, strangers). */
export async function judgingRole(
  executor: DB | Trx,
  contest: { id: string; clientId: string },
  userId: string | null | undefined,
): Promise<JudgingRole | null> {
  if (!userId) return null;
  if (userId === contest.clientId) return "client";
  return (await isJudge(executor, contest.id, userId)) ? "judge" : null;
}

export async function isJudge(executor: DB | Trx, contestId: string, userId: string): Promise<boolean> {
  const row = await executor
    .selectFrom("contest_members")
    .select("user_id")
    .where("contest_id", "=", contestId)
    .where("user_id", "=", userId)
    .where("role", "=", "judge")
    .executeTakeFirst();
  return !!row;
}

/**
 * Has the client eliminated this designer from the contest? An eliminated designer may not submit
 * new entries (the entries module asks before accepting an upload).
 */
export async function isEliminated(
  executor: DB | Trx,
  contestId: string,
  designerId: string,
): Promise<boolean> {
  const row = await executor
    .selectFrom("contest_members")
    .select("eliminated_at")
    .where("contest_id", "=", contestId)
    .where("user_id", "=", designerId)
    .where("role", "=", "designer")
    .executeTakeFirst();
  return row?.eliminated_at != null;
}
