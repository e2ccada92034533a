import { dialectOf, transaction, type DB, type Trx } from "~db/index";
import { forUpdate } from "~db/locking";
import type { ContestRow } from "~db/schema";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { log } from "~/utils/log.server";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";
import { notifyUsers } from "../notify/notifications.server";
import { notifyFollowers } from "../people/network.server";
import {
  briefCurrency,
  categoryMinimum,
  DURATION_LIMITS,
  NEUTRAL_STYLE,
  type Category,
  type ContestCurrency,
  type Deliverable,
  type Style,
} from "./brief";
import {
  isTerminal,
  transition,
  type Actor,
  type ContestEvent,
  type Effect,
  type MachineContest,
  type NotifyAudience,
  type RejectReason,
} from "./machine";
import { isRefused, Refused } from "../refusal";
import { applyMoneyEffect } from "./money.server";
import { FINALIST_SHARE_BPS, tierOf, type Tier } from "./tiers";
import { aiAllowed } from "./generative-ai";
import { refreshDesignerRecords } from "../people/designer-records.server";
import { computeVerdict } from "./verdict.server";

/** A contest as the domain sees it (camelCase, parsed JSON, booleans). */
export interface Contest {
  id: string;
  clientId: string;
  status: ContestRow["status"];
  version: number;
  category: Category;
  title: string;
  businessName: string;
  description: string;
  industry: string;
  audience: string;
  style: Style;
  colorsUse: string[];
  colorsAvoid: string[];
  mustHaves: string;
  deliverables: Deliverable[];
  prize: number;
  fee: number;
  currency: string;
  durations: MachineContest["durations"];
  guaranteed: boolean;
  blind: boolean;
  isPrivate: boolean;
  fastTrack: boolean;
  /** The client keeps the winning design out of the winner's portfolio (ADR 0036). */
  portfolioOptOut: boolean;
  /** Whether entries made with generative AI are accepted (ADR 0041): fixed at launch. */
  aiAllowed: boolean;
  /** The client chose the AI rule (a draft that has not reads its category's default). */
  aiChosen: boolean;
  ndaText: string | null;
  draftStep: number;
  roundEndsAt: number | null;
  extensionsUsed: number;
  launchedAt: number | null;
  endedAt: number | null;
  winnerId: string | null;
  winningEntryId: string | null;
  finalists: string[];
  /** Who may enter and whether finalists share the prize: stored at launch, a draft's follows its prize. */
  tier: Tier;
  finalistShareBps: number;
  createdAt: number;
  updatedAt: number;
}

export function toContest(row: ContestRow, finalists: string[]): Contest {
  return {
    id: row.id,
    clientId: row.client_id,
    status: row.status,
    version: row.version,
    category: row.category as Category,
    title: row.title,
    businessName: row.business_name,
    description: row.description,
    industry: row.industry,
    audience: row.audience,
    style: { ...NEUTRAL_STYLE, ...(JSON.parse(row.style) as Partial<Style>) },
    colorsUse: JSON.parse(row.colors_use) as string[],
    colorsAvoid: JSON.parse(row.colors_avoid) as string[],
    mustHaves: row.must_haves,
    deliverables: JSON.parse(row.deliverables) as Deliverable[],
    prize: row.prize_minor,
    fee: row.fee_minor,
    currency: row.currency,
    durations: {
      qualifying: row.qualifying_ms,
      selection: row.selection_ms,
      final: row.final_ms,
      winner: row.winner_ms,
    },
    guaranteed: row.guaranteed === 1,
    blind: row.blind === 1,
    isPrivate: row.is_private === 1,
    fastTrack: row.fast_track === 1,
    portfolioOptOut: row.portfolio_opt_out === 1,
    aiAllowed: aiAllowed(row.ai_allowed, row.category as Category),
    aiChosen: row.ai_allowed !== null,
    ndaText: row.nda_text,
    draftStep: row.draft_step,
    roundEndsAt: row.round_ends_at,
    extensionsUsed: row.extensions_used,
    launchedAt: row.launched_at,
    endedAt: row.ended_at,
    winnerId: row.winner_id,
    winningEntryId: row.winning_entry_id,
    finalists,
    ...contestTier(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A launched contest's stored tier; a draft's is the one its prize reaches now. */
function contestTier(row: ContestRow): { tier: Tier; finalistShareBps: number } {
  if (row.status !== "draft") return { tier: row.tier, finalistShareBps: row.finalist_share_bps };
  const tier = tierOf(row.category as Category, row.prize_minor, briefCurrency(row.currency));
  return { tier, finalistShareBps: FINALIST_SHARE_BPS[tier] };
}

export function toMachine(c: Contest): MachineContest {
  return {
    id: c.id,
    status: c.status,
    version: c.version,
    clientId: c.clientId,
    guaranteed: c.guaranteed,
    fastTrack: c.fastTrack,
    prize: c.prize,
    durations: c.durations,
    roundEndsAt: c.roundEndsAt,
    extensionsUsed: c.extensionsUsed,
    finalists: c.finalists,
    finalistShareBps: c.finalistShareBps,
    winnerId: c.winnerId,
    winningEntryId: c.winningEntryId,
  };
}

/** Load a contest; inside a transaction, `lock` takes the row lock (PostgreSQL) before deciding. */
export async function loadContest(executor: DB | Trx, contestId: string, options: { lock?: boolean } = {}) {
  let query = executor.selectFrom("contests").selectAll().where("id", "=", contestId);
  if (options.lock) query = forUpdate(query, dialectOf(executor as DB));
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const finalists = await executor
    .selectFrom("contest_finalists")
    .select("designer_id")
    .where("contest_id", "=", contestId)
    .orderBy("created_at")
    .orderBy("designer_id")
    .execute();
  return toContest(
    row,
    finalists.map((f) => f.designer_id),
  );
}

export type ContestFailure = RejectReason | "not_found" | "conflict";

type EventInput = ContestEvent | ((contest: Contest, trx: Trx) => Promise<ContestEvent>);

/**
 * Apply one event through the state machine, in one transaction: lock, decide, compare-and-set on
 * (id, status, version), append to the timeline, carry out the effects (jobs, money, notifications).
 */
export async function applyContestEvent(input: {
  contestId: string;
  actor: Actor;
  event: EventInput;
  /** More writes that belong to the same change (e.g. the edited brief fields), in its transaction. */
  also?: (trx: Trx, next: Contest) => Promise<void>;
}): Promise<Contest> {
  return transaction(async (trx) => {
    const contest = await loadContest(trx, input.contestId, { lock: true });
    if (!contest) throw new Refused("contest", "not_found");
    const event = typeof input.event === "function" ? await input.event(contest, trx) : input.event;
    const at = now();
    const step = transition(toMachine(contest), event, input.actor, at);
    if (!step.ok) throw new Refused("contest", step.reason);
    const next = step.next;

    const updated = await trx
      .updateTable("contests")
      .set({
        status: next.status,
        version: next.version,
        round_ends_at: next.roundEndsAt,
        extensions_used: next.extensionsUsed,
        guaranteed: next.guaranteed ? 1 : 0,
        winner_id: next.winnerId,
        winning_entry_id: next.winningEntryId,
        launched_at: contest.launchedAt ?? (next.status === "qualifying" ? at : null),
        // A draft's tier follows its prize; the launch stores it, and it stays as launched.
        tier: contest.tier,
        finalist_share_bps: contest.finalistShareBps,
        // A draft that never chose reads its category's default; the launch fixes it.
        ai_allowed: contest.aiAllowed ? 1 : 0,
        ended_at: isTerminal(next.status) ? at : null,
        updated_at: at,
      })
      .where("id", "=", contest.id)
      .where("status", "=", contest.status)
      .where("version", "=", contest.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Refused("contest", "conflict");

    const newFinalists = next.finalists.filter((d) => !contest.finalists.includes(d));
    if (newFinalists.length) {
      await trx
        .insertInto("contest_finalists")
        .values(
          newFinalists.map((designerId, i) => ({
            contest_id: contest.id,
            designer_id: designerId,
            created_at: at + i,
          })),
        )
        .execute();
    }
    await appendContestEvent(trx, {
      contestId: contest.id,
      version: next.version,
      kind: step.kind,
      actorId: input.actor.kind === "user" ? input.actor.id : null,
      data: step.data ?? {},
    });
    const after: Contest = {
      ...contest,
      status: next.status,
      version: next.version,
      roundEndsAt: next.roundEndsAt,
      extensionsUsed: next.extensionsUsed,
      guaranteed: next.guaranteed,
      winnerId: next.winnerId,
      winningEntryId: next.winningEntryId,
      finalists: next.finalists,
      updatedAt: at,
    };
    for (const effect of step.effects) await applyEffect(trx, after, effect);
    // A completed contest moves its people's records (wins, levels, public activity): the
    // directory's rows change in this transaction, with the contest (ADR 0037).
    if (next.status === "completed" && contest.status !== "completed")
      await refreshDesignerRecords(trx, [
        ...(await entrants(trx, contest.id)),
        ...next.finalists,
        ...(next.winnerId ? [next.winnerId] : []),
      ]);
    if (input.also) await input.also(trx, after);
    return after;
  });
}

export async function appendContestEvent(
  trx: Trx,
  input: {
    contestId: string;
    version: number;
    kind: string;
    actorId: string | null;
    data?: Record<string, unknown>;
  },
) {
  await trx
    .insertInto("contest_events")
    .values({
      id: newId(),
      contest_id: input.contestId,
      version: input.version,
      kind: input.kind,
      actor_id: input.actorId,
      data: JSON.stringify(input.data ?? {}),
      created_at: now(),
    })
    .execute();
}

async function applyEffect(trx: Trx, contest: Contest, effect: Effect) {
  switch (effect.type) {
    case "schedule_deadline":
      // Keyed by version: a later transition (an extension, an early pick) makes this one stale.
      await enqueueJob(trx, {
        kind: "contest.deadline",
        payload: { contestId: contest.id, version: contest.version },
        runAt: effect.at,
        uniqueKey: `contest.deadline:${contest.id}:${contest.version}`,
      });
      return;
    case "escrow_award":
    case "escrow_refund":
      await applyMoneyEffect(trx, contest, effect);
      return;
    case "notify":
      await notifyUsers(trx, await audience(trx, contest, effect.audience), {
        kind: effect.kind,
        contestId: contest.id,
      });
      return;
    case "portfolio_piece": {
      // A private contest's win stays out of the portfolio, so its followers never hear of it.
      if (contest.isPrivate || !contest.winnerId || !contest.winningEntryId) return;
      const entry = await trx
        .selectFrom("entries")
        .select("title")
        .where("id", "=", contest.winningEntryId)
        .executeTakeFirst();
      await notifyFollowers(trx, contest.winnerId, {
        kind: "entry",
        id: contest.winningEntryId,
        title: entry?.title ?? "",
      });
      return;
    }
  }
}

async function entrants(trx: Trx, contestId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("entries")
    .select("designer_id")
    .distinct()
    .where("contest_id", "=", contestId)
    .execute();
  return rows.map((r) => r.designer_id);
}

async function audience(trx: Trx, contest: Contest, who: NotifyAudience): Promise<string[]> {
  switch (who) {
    case "client":
      return [contest.clientId];
    case "finalists":
      return contest.finalists;
    case "winner":
      return contest.winnerId ? [contest.winnerId] : [];
    case "entrants":
      return entrants(trx, contest.id);
    case "non_finalists":
      return (await entrants(trx, contest.id)).filter((d) => !contest.finalists.includes(d));
    case "non_winners":
      return (await entrants(trx, contest.id)).filter((d) => d !== contest.winnerId);
  }
}

// ---- deadlines -------------------------------------------------------------------------------

/** The scheduler's job: the round whose deadline this is ends now (once; stale deadlines do nothing). */
export async function runContestDeadline(payload: { contestId: string; version: number }) {
  try {
    await applyContestEvent({
      contestId: payload.contestId,
      actor: { kind: "system" },
      event: async (contest, trx) => ({
        type: "deadline",
        version: payload.version,
        verdict: await computeVerdict(trx, contest),
        designerSigned: contest.status === "handover" && (await winnerHasSigned(trx, contest.id)),
      }),
    });
  } catch (error) {
    if (isRefused(error, "contest", "stale", "wrong_state", "not_found")) {
      log("debug", "contest.deadline.skipped", { ...payload, reason: error.reason });
      return;
    }
    throw error; // too early, a conflict or a database error: the job runs again later
  }
}

/** Whether the winner has signed the design transfer agreement (the handover's deadline asks). */
async function winnerHasSigned(trx: Trx, contestId: string): Promise<boolean> {
  const row = await trx
    .selectFrom("agreement_signatures")
    .select("party")
    .where("contest_id", "=", contestId)
    .where("party", "=", "designer")
    .executeTakeFirst();
  return row !== undefined;
}

export function registerContestJobs() {
  registerJobHandler("contest.deadline", runContestDeadline);
}

// ---- drafts ----------------------------------------------------------------------------------

export function defaultDurations(fastTrack = false) {
  return {
    qualifying_ms:
      (fastTrack ? DURATION_LIMITS.qualifying.fastTrackDefault : DURATION_LIMITS.qualifying.default) * DAY,
    selection_ms: DURATION_LIMITS.selection.default * DAY,
    final_ms: DURATION_LIMITS.final.default * DAY,
    winner_ms: DURATION_LIMITS.winner.default * DAY,
  };
}

/** The first step of a brief: a draft only its client sees, saved at once. */
export async function createDraft(input: {
  clientId: string;
  category: Category;
  title: string;
  businessName: string;
  currency: ContestCurrency;
}) {
  const id = newId();
  const at = now();
  await transaction(async (trx) => {
    await trx
      .insertInto("contests")
      .values({
        id,
        client_id: input.clientId,
        status: "draft",
        version: 1,
        category: input.category,
        title: input.title,
        business_name: input.businessName,
        style: JSON.stringify(NEUTRAL_STYLE),
        prize_minor: categoryMinimum(input.category, input.currency),
        currency: input.currency,
        ...defaultDurations(),
        draft_step: 2,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await appendContestEvent(trx, {
      contestId: id,
      version: 1,
      kind: "draft_created",
      actorId: input.clientId,
    });
  });
  return id;
}
