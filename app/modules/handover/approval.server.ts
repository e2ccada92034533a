import { db, type DB, type Trx } from "~db/index";
import { isRefused, refusal, type Refusal } from "../refusal";
import { applyContestEvent, loadContest } from "../contests/contests.server";
import { loadHandoverParty } from "./access.server";
import { countFinalFiles } from "./files.server";
import { prizeHoldsFor } from "../support/holds.server";

export type MissingStep = "files" | "clientSignature" | "designerSignature";

/** What still stands between the handover and the client's approval (nothing: it may be approved). */
export async function handoverMissing(executor: DB | Trx, contestId: string): Promise<MissingStep[]> {
  const [files, signatures] = await Promise.all([
    countFinalFiles(executor, contestId),
    executor.selectFrom("agreement_signatures").select("party").where("contest_id", "=", contestId).execute(),
  ]);
  const missing: MissingStep[] = [];
  if (files === 0) missing.push("files");
  if (!signatures.some((s) => s.party === "client")) missing.push("clientSignature");
  if (!signatures.some((s) => s.party === "designer")) missing.push("designerSignature");
  return missing;
}

export type ApproveResult =
  | { ok: true; alreadyApproved: boolean }
  | Refusal<"approval", Exclude<ApprovalFailure, "missing">>
  | (Refusal<"approval", "missing"> & { missing: MissingStep[] });

export type ApprovalFailure = "not_found" | "not_client" | "closed" | "missing";

/**
 * The client approves the handover: the machine completes the contest and the escrow awards the
 * prize, in one transaction. The readiness is decided inside that transaction (under the contest's
 * lock), so nothing can slip between the check and the release. A second click, or an approval
 * that lost the race to the automatic one, finds the contest completed and says so.
 */
export async function approveHandover(input: {
  contestId: string;
  clientId: string;
}): Promise<ApproveResult> {
  const party = await loadHandoverParty(db(), input.contestId, input.clientId);
  if (!party) return refusal("approval", "not_found");
  if (party.role !== "client") return refusal("approval", "not_client");
  if (party.contest.status === "completed") return { ok: true, alreadyApproved: true };
  try {
    await applyContestEvent({
      contestId: input.contestId,
      actor: { kind: "user", id: input.clientId },
      // A winner to be checked (account safety, ADR 0046) holds the prize for support instead.
      event: async (contest, trx) => ({
        type: "approve_handover",
        ready: (await handoverMissing(trx, contest.id)).length === 0,
        holdFor: await prizeHoldsFor(trx, contest),
      }),
    });
    return { ok: true, alreadyApproved: false };
  } catch (error) {
    if (!isRefused(error, "contest")) throw error;
    if (error.reason === "not_ready") {
      const missing = await handoverMissing(db(), input.contestId);
      return { ...refusal("approval", "missing", { steps: missing.join(" ") }), missing };
    }
    const latest = await loadContest(db(), input.contestId);
    if (latest?.status === "completed") return { ok: true, alreadyApproved: true };
    return refusal("approval", "closed");
  }
}
