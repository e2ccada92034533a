import type { DB, Trx } from "~db/index";
import { loadContest, type Contest } from "../contests/contests.server";

/** Who a person is in a handover: its client or its winner. Nobody else has a part in it. */
export type HandoverRole = "client" | "winner";

export interface HandoverParty {
  contest: Contest & { winnerId: string; winningEntryId: string };
  role: HandoverRole;
}

/** A contest that went through a handover: a winner was picked (select_winner), now or before. */
export function hasHandover(contest: Contest): contest is HandoverParty["contest"] {
  return (
    (contest.status === "handover" || contest.status === "completed") &&
    contest.winnerId !== null &&
    contest.winningEntryId !== null
  );
}

/**
 * The contest's handover as this person takes part in it, or null (answer 404: to anyone else the
 * handover does not exist). The single owner of "who is in a handover"; `lock` takes the contest's
 * row lock inside a transaction.
 */
export async function loadHandoverParty(
  executor: DB | Trx,
  contestId: string,
  viewerId: string | null,
  options: { lock?: boolean } = {},
): Promise<HandoverParty | null> {
  if (!viewerId || !/^[a-z0-9]{1,64}$/.test(contestId)) return null;
  const contest = await loadContest(executor, contestId, options);
  if (!contest || !hasHandover(contest)) return null;
  if (viewerId === contest.clientId) return { contest, role: "client" };
  if (viewerId === contest.winnerId) return { contest, role: "winner" };
  return null;
}
