import type { Contest } from "./contests.server";
import { briefGaps, getBriefForEditing } from "./drafts.server";
import { launchQuote } from "./launch.server";
import { CLIENT_EVENTS } from "./machine";
import type { ReferenceSummary } from "./queries.server";
import { addReference, type ReferenceProblem } from "./references.server";

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
      price: launchQuote(contest),
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

export type AddReferencesResult =
  | { ok: true; added: number }
  | { ok: false; reason: "none" }
  | { ok: false; reason: "not_found" | "not_owner" | "wrong_state"; filename: string }
  | { ok: false; reason: "invalid"; filename: string; problem: ReferenceProblem };

/**
 * Attach the files of one upload, in order. The first refused file stops the rest; the ones before
 * it stay attached.
 */
export async function addReferences(input: {
  contestId: string;
  clientId: string;
  files: ReferenceUpload[];
}): Promise<AddReferencesResult> {
  if (input.files.length === 0) return { ok: false, reason: "none" };
  for (const file of input.files) {
    const result = await addReference({ contestId: input.contestId, clientId: input.clientId, ...file });
    if (!result.ok) return { ...result, filename: file.filename };
  }
  return { ok: true, added: input.files.length };
}
