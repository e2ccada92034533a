import type { Contest } from "./contests.server";
import { isEmailVerified } from "../auth/verification.server";
import { briefGaps, getBriefForEditing } from "./drafts.server";
import { billingRegionFor, launchQuote } from "./launch.server";
import { CLIENT_EVENTS } from "./machine";
import type { ReferenceSummary } from "./queries.server";
import { refusal, type Refusal, type RefusalVars } from "../refusal";
import { addReference, REFERENCE_LIMITS, type ReferenceProblem } from "./references.server";

/**
 * The brief editor, as its client opens it: a draft at one of the wizard's steps (never one it has
 * not reached yet) with what launching it costs, or a launched brief while it may still change.
 */
export type BriefEditor =
  | {
      ok: true;
      mode: "draft";
      contest: Contest;
      references: ReferenceSummary[];
      step: number;
      gaps: ReturnType<typeof briefGaps>;
      price: ReturnType<typeof launchQuote>;
      /** The client's address is verified: launching (paying) waits for it (ADR 0042). */
      emailVerified: boolean;
    }
  | { ok: true; mode: "launched"; contest: Contest; references: ReferenceSummary[] }
  | { ok: false; reason: "not_found" | "not_owner" | "closed" };

/** `askedStep`: the wizard step in the address, if any (a draft opens at its latest step otherwise). */
export async function openBriefEditor(input: {
  contestId: string;
  clientId: string;
  askedStep: number | null;
}): Promise<BriefEditor> {
  const found = await getBriefForEditing(input.contestId, input.clientId);
  if (!found.ok) return found;
  const { contest, references } = found;
  if (contest.status === "draft") {
    const asked = input.askedStep ?? contest.draftStep;
    const step = Number.isInteger(asked)
      ? Math.min(Math.max(asked, 1), contest.draftStep)
      : contest.draftStep;
    return {
      ok: true,
      mode: "draft",
      contest,
      references,
      step,
      gaps: briefGaps(contest),
      price: launchQuote(contest, await billingRegionFor(input.clientId)),
      emailVerified: await isEmailVerified(input.clientId),
    };
  }
  if (CLIENT_EVENTS[contest.status].includes("edit_brief")) {
    return { ok: true, mode: "launched", contest, references };
  }
  return { ok: false, reason: "closed" };
}

export interface ReferenceUpload {
  filename: string;
  bytes: Buffer;
}

export type ReferenceFailure = "none" | "closed" | ReferenceProblem["reason"];

export type AddReferencesResult =
  { ok: true; added: number } | Refusal<"contest", "not_found" | "not_owner"> | Refusal<"reference">;

/** A refused reference image; the message names the file and the limit it passed. */
export function referenceRefusal(reason: ReferenceFailure, vars: RefusalVars = {}): Refusal<"reference"> {
  return refusal("reference", reason, {
    mb: REFERENCE_LIMITS.maxBytes / (1024 * 1024),
    mp: REFERENCE_LIMITS.maxPixels / 1_000_000,
    count: REFERENCE_LIMITS.perContest,
    ...vars,
  });
}

/**
 * Attach the files of one upload, in order. The first refused file stops the rest; the ones before
 * it stay attached.
 */
export async function addReferences(input: {
  contestId: string;
  clientId: string;
  files: ReferenceUpload[];
}): Promise<AddReferencesResult> {
  if (input.files.length === 0) return referenceRefusal("none");
  for (const file of input.files) {
    const result = await addReference({ contestId: input.contestId, clientId: input.clientId, ...file });
    if (result.ok) continue;
    if (result.reason === "not_found" || result.reason === "not_owner")
      return refusal("contest", result.reason);
    if (result.reason !== "invalid") return referenceRefusal("closed");
    const { reason, ...facts } = result.problem;
    return referenceRefusal(reason, { name: file.filename, ...facts });
  }
  return { ok: true, added: input.files.length };
}
