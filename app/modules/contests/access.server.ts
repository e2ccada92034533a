import type { DB, Trx } from "~db/index";
import type { ContestStatus } from "~db/schema";
import { loadContest } from "./contests.server";
import { isTerminal } from "./machine";

/** What one person may see and do in one contest: the single owner of visibility rules. */
export interface ContestPermissions {
  /** The contest exists for this viewer (false: answer 404, never reveal it). */
  canView: boolean;
  /** May read the brief (false while an NDA waits to be accepted). */
  canReadBrief: boolean;
  isClient: boolean;
  isJudge: boolean;
  /** An invited designer of a private contest. */
  isInvitedDesigner: boolean;
  ndaPending: boolean;
  eliminated: boolean;
  isFinalist: boolean;
  /** Sees every entry in the gallery (the client, except after a refund; the judges). */
  seesAllEntries: boolean;
}

type ContestForAccess = {
  id: string;
  clientId: string;
  status: ContestStatus;
  isPrivate: boolean;
  blind: boolean;
  ndaText: string | null;
  finalists: string[];
};

/** Launched: past its draft. (A contest is cancelled only as a draft, machine.ts: it stays a draft.) */
export function hasLaunched(status: ContestStatus) {
  return status !== "draft" && status !== "cancelled";
}

export async function contestAccess(
  executor: DB | Trx,
  contest: ContestForAccess,
  viewerId: string | null,
): Promise<ContestPermissions> {
  const isClient = viewerId !== null && viewerId === contest.clientId;
  const members = viewerId
    ? await executor
        .selectFrom("contest_members")
        .select(["role", "nda_accepted_at", "eliminated_at"])
        .where("contest_id", "=", contest.id)
        .where("user_id", "=", viewerId)
        .execute()
    : [];
  const judge = members.find((m) => m.role === "judge");
  const designer = members.find((m) => m.role === "designer");
  const isJudge = !!judge;
  const isInvitedDesigner = !!designer;
  let canView: boolean;
  if (!hasLaunched(contest.status)) canView = isClient;
  else if (contest.isPrivate) canView = isClient || isJudge || isInvitedDesigner;
  else canView = true;
  const ndaPending = Boolean(
    contest.isPrivate &&
    contest.ndaText &&
    isInvitedDesigner &&
    !isClient &&
    !isJudge &&
    !designer?.nda_accepted_at,
  );
  return {
    canView,
    canReadBrief: canView && !ndaPending,
    isClient,
    isJudge,
    isInvitedDesigner,
    ndaPending,
    eliminated: !!designer?.eliminated_at,
    isFinalist: viewerId !== null && contest.finalists.includes(viewerId),
    // A client whose unguaranteed contest was refunded loses access to the previews.
    seesAllEntries: (isClient && contest.status !== "refunded") || isJudge,
  };
}

/**
 * Whether the contest exists for this viewer, for modules that hold only its id (a refusal then says
 * not_found to someone who may not see it, forbidden to someone who may).
 */
export async function canViewContest(executor: DB | Trx, contestId: string, viewerId: string | null) {
  const contest = await loadContest(executor, contestId);
  return contest !== null && (await contestAccess(executor, contest, viewerId)).canView;
}

/** May this viewer see other designers' entries? (Blind contests hide them until the contest ends.) */
export function seesOthersEntries(contest: ContestForAccess, access: ContestPermissions) {
  if (!access.canReadBrief) return false;
  if (access.seesAllEntries) return true;
  if (access.isClient) return false; // refunded: no previews
  return !contest.blind || isTerminal(contest.status);
}
