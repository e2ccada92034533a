import { db } from "~db/index";
import { isRefused, refusal, type Refusal } from "../refusal";
import { applyContestEvent, loadContest, type Contest } from "./contests.server";
import type { ContestEvent } from "./machine";
import { ownContest } from "./drafts.server";

/**
 * What the client asked for, or why it could not happen. A refusal carries the contest's state now
 * (`vars.status`), so the message can say what changed meanwhile ("a winner has already been picked").
 */
export type ClientActionResult = { ok: true; contest: Contest } | Refusal<"contest">;

/** Send one client event through the state machine, turning refusals into results. */
async function clientEvent(
  contestId: string,
  clientId: string,
  event: ContestEvent,
): Promise<ClientActionResult> {
  const own = await ownContest(contestId, clientId);
  if (!own.ok) return refusal("contest", own.reason);
  try {
    const contest = await applyContestEvent({ contestId, actor: { kind: "user", id: clientId }, event });
    return { ok: true, contest };
  } catch (error) {
    if (!isRefused(error, "contest")) throw error;
    const current = await loadContest(db(), contestId);
    return refusal("contest", error.reason, current ? { status: current.status } : undefined);
  }
}

/** Give designers more time in the current round (1–7 days; two extensions per contest). */
export function extendRound(input: { contestId: string; clientId: string; days: number }) {
  return clientEvent(input.contestId, input.clientId, { type: "extend_round", days: input.days });
}

/** End an unguaranteed contest before its final round and give the prize back (through escrow). */
export function refundContest(input: { contestId: string; clientId: string }) {
  return clientEvent(input.contestId, input.clientId, { type: "refund" });
}

/** Throw a draft away (it stays in the client's list as cancelled; nobody else ever saw it). */
export function cancelDraft(input: { contestId: string; clientId: string }) {
  return clientEvent(input.contestId, input.clientId, { type: "cancel" });
}
