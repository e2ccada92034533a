import { db, type Trx } from "~db/index";
import type { ContestsTable } from "~db/schema";
import type { Updateable } from "kysely";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { translator, type Locale } from "~/i18n";
import {
  briefCurrency,
  categoryMinimum,
  REVIEW_STEP,
  STYLE_AXES,
  prizeIssue,
  prizeProblem,
  type LaunchedBriefValues,
  type PrizeValues,
  type StyleValues,
  type Category,
  type ContestCurrency,
} from "./brief";
import { isRefused, refusal, type Refusal } from "../refusal";
import { applyContestEvent, createDraft, type Contest } from "./contests.server";
import type { BriefChange } from "./machine";
import { listReferences, loadContestWithAccess } from "./queries.server";

export type DraftFailure = "not_found" | "not_owner" | "not_draft";

type BasicsValues = { category: Category; title: string; businessName: string };
type AboutValues = { description: string; industry: string; audience: string; mustHaves: string };

export type DraftStepInput =
  | { step: 1; values: BasicsValues }
  | { step: 2; values: AboutValues }
  | { step: 3; values: StyleValues }
  | { step: 4; values: PrizeValues };

export type SaveDraftResult =
  | { ok: true; contest: Contest; nextStep: number }
  | { ok: false; reason: DraftFailure }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> };

/** `/contests/new`: the first step saved at once as a draft only its client sees. */
export async function startDraft(
  clientId: string,
  values: BasicsValues,
  currency: ContestCurrency,
): Promise<string> {
  return createDraft({ clientId, ...values, currency });
}

/**
 * The client's own contest, or why not: a contest the person may not see is "not found" (drafts and
 * private contests are never revealed); one they may see but do not run is "not owner".
 */
export async function ownContest(
  contestId: string,
  clientId: string,
): Promise<{ ok: true; contest: Contest } | Refusal<"contest", "not_found" | "not_owner">> {
  const found = await loadContestWithAccess(db(), contestId, { id: clientId });
  if (!found) return refusal("contest", "not_found");
  if (found.access.role !== "client") return refusal("contest", "not_owner");
  return { ok: true, contest: found.contest };
}

/**
 * Save one step of a draft brief: only its client, only while it is a draft (the update itself
 * checks the status, so a launch in between wins). The draft remembers the furthest step reached.
 */
export async function saveDraftStep(
  input: { contestId: string; clientId: string; locale: Locale } & DraftStepInput,
): Promise<SaveDraftResult> {
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return own;
  const contest = own.contest;
  if (contest.status !== "draft") return { ok: false, reason: "not_draft" };

  let patch: Updateable<ContestsTable>;
  switch (input.step) {
    case 1: {
      const v = input.values;
      patch = { category: v.category, title: v.title, business_name: v.businessName };
      // Another category: the generative-AI rule goes back to that category's default until chosen.
      if (v.category !== contest.category) patch.ai_allowed = null;
      // A cheaper category keeps the prize; a dearer one lifts it to the new minimum.
      const minimum = categoryMinimum(v.category, briefCurrency(contest.currency));
      if (contest.prize < minimum) patch.prize_minor = minimum;
      break;
    }
    case 2: {
      const v = input.values;
      patch = {
        description: v.description,
        industry: v.industry,
        audience: v.audience,
        must_haves: v.mustHaves,
      };
      break;
    }
    case 3:
      patch = styleColumns(input.values);
      break;
    case 4: {
      const v = input.values;
      const t = translator(input.locale);
      const problem = prizeProblem(contest.category, v.prize, v.currency, t, input.locale);
      if (problem) return { ok: false, reason: "invalid", fieldErrors: { prize: [problem] } };
      patch = {
        prize_minor: v.prize,
        currency: v.currency,
        qualifying_ms: v.qualifyingDays * DAY,
        selection_ms: v.selectionDays * DAY,
        final_ms: v.finalDays * DAY,
        winner_ms: v.winnerDays * DAY,
        guaranteed: v.guaranteed ? 1 : 0,
        blind: v.blind ? 1 : 0,
        is_private: v.isPrivate ? 1 : 0,
        fast_track: v.fastTrack ? 1 : 0,
        portfolio_opt_out: v.portfolioOptOut ? 1 : 0,
        ai_allowed: v.aiAllowed ? 1 : 0,
        nda_text: v.isPrivate && v.ndaText.trim() ? v.ndaText.trim() : null,
      };
      break;
    }
  }
  const nextStep = Math.min(input.step + 1, REVIEW_STEP);
  const result = await db()
    .updateTable("contests")
    .set({ ...patch, draft_step: Math.max(contest.draftStep, nextStep), updated_at: now() })
    .where("id", "=", contest.id)
    .where("client_id", "=", input.clientId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: "not_draft" };
  const after = await ownContest(contest.id, input.clientId);
  if (!after.ok) return after;
  return { ok: true, contest: after.contest, nextStep };
}

function styleColumns(v: StyleValues): Updateable<ContestsTable> {
  return {
    style: JSON.stringify(Object.fromEntries(STYLE_AXES.map((axis) => [axis, v[axis]]))),
    colors_use: JSON.stringify(v.colorsUse),
    colors_avoid: JSON.stringify(v.colorsAvoid),
    deliverables: JSON.stringify(v.deliverables),
  };
}

/** Which steps of a draft still need the client before it can launch (empty: ready). */
export function briefGaps(contest: Contest): ("basics" | "about" | "prize")[] {
  const gaps: ("basics" | "about" | "prize")[] = [];
  if (!contest.title.trim()) gaps.push("basics");
  if (!contest.description.trim()) gaps.push("about");
  const currency = briefCurrency(contest.currency);
  if (contest.draftStep < REVIEW_STEP || prizeIssue(contest.category, contest.prize, currency)) {
    gaps.push("prize");
  }
  return gaps;
}

// ---- after launch -------------------------------------------------------------------------------

class NothingChanged extends Error {}

export type EditBriefResult =
  | { ok: true; changes: BriefChange[] }
  | { ok: false; reason: "not_found" | "not_owner" | "wrong_state" | "conflict" };

const joined = (items: string[]) => items.join(", ");

/** The before/after of every descriptive field that differs, in the brief's order. */
export function diffBrief(contest: Contest, v: LaunchedBriefValues): BriefChange[] {
  const changes: BriefChange[] = [];
  const text = (field: string, before: string, after: string) => {
    if (before !== after) changes.push({ field, before, after });
  };
  text("description", contest.description, v.description);
  text("industry", contest.industry, v.industry);
  text("audience", contest.audience, v.audience);
  text("mustHaves", contest.mustHaves, v.mustHaves);
  for (const axis of STYLE_AXES) text(`style.${axis}`, String(contest.style[axis]), String(v[axis]));
  text("colorsUse", joined(contest.colorsUse), joined(v.colorsUse));
  text("colorsAvoid", joined(contest.colorsAvoid), joined(v.colorsAvoid));
  text("deliverables", joined(contest.deliverables), joined(v.deliverables));
  return changes;
}

/**
 * Edit a launched brief's descriptive parts. Goes through the state machine (edit_brief), so the
 * change is on the timeline with its before/after and entrants are told; the fields are written in
 * the same transaction. Saving without a change records nothing.
 */
export async function editLaunchedBrief(input: {
  contestId: string;
  clientId: string;
  values: LaunchedBriefValues;
}): Promise<EditBriefResult> {
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return own;
  if (own.contest.status === "draft") return { ok: false, reason: "wrong_state" };
  let changes: BriefChange[] = [];
  try {
    await applyContestEvent({
      contestId: input.contestId,
      actor: { kind: "user", id: input.clientId },
      event: async (contest) => {
        changes = diffBrief(contest, input.values);
        if (changes.length === 0) throw new NothingChanged();
        return {
          type: "edit_brief",
          fields: [...new Set(changes.map((c) => c.field.split(".")[0]!))],
          changes,
        };
      },
      also: async (trx: Trx) => {
        const v = input.values;
        await trx
          .updateTable("contests")
          .set({
            description: v.description,
            industry: v.industry,
            audience: v.audience,
            must_haves: v.mustHaves,
            ...styleColumns(v),
          })
          .where("id", "=", input.contestId)
          .execute();
      },
    });
  } catch (error) {
    if (error instanceof NothingChanged) return { ok: true, changes: [] };
    if (isRefused(error, "contest")) {
      if (error.reason === "not_found") return { ok: false, reason: "not_found" };
      if (error.reason === "not_owner") return { ok: false, reason: "not_owner" };
      return { ok: false, reason: error.reason === "conflict" ? "conflict" : "wrong_state" };
    }
    throw error;
  }
  return { ok: true, changes };
}

/** The client's brief with its references, for the wizard and the after-launch edit form. */
export async function getBriefForEditing(contestId: string, clientId: string) {
  const own = await ownContest(contestId, clientId);
  if (!own.ok) return own;
  return { ok: true as const, contest: own.contest, references: await listReferences(contestId) };
}
