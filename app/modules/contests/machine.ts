/**
 * The contest state machine: a pure function from (contest, event, now) to the next contest and the
 * effects the service must carry out in the same transaction. No I/O here; see contests.server.ts.
 *
 *   draft ─launch→ qualifying ─deadline→ finalist_selection ─select_finalists→ final_round
 *     │                │  (fast track: deadline → winner_selection)          │
 *   cancel      select_finalists / select_winner early                 deadline
 *     ↓                ↓                                                     ↓
 *   cancelled    refund (unguaranteed) → refunded      winner_selection ─select_winner→ handover
 *                                                        timeout → resolution by rule     │
 *                                                                              approve / auto-approve
 *                                                                                         ↓
 *                                                                                     completed
 */
import type { NotificationKind } from "../notify/kinds";
import type { ContestStatus } from "~db/schema";
import { equalAwards, winnerAwards } from "../escrow/ledger";
import { DAY } from "~/utils/durations";

export type { ContestStatus };

export const MAX_FINALISTS = 6;
export const MAX_EXTENSIONS = 2;
export const MAX_EXTENSION_DAYS = 7;
/** Support extends a round by decision by at most this many days at a time (not counted as the client's). */
export const MAX_SUPPORT_EXTENSION_DAYS = 14;
/** The handover is approved automatically this long after the winner's first upload. */
export const HANDOVER_AUTO_APPROVE_MS = 5 * DAY;

export interface MachineContest {
  id: string;
  status: ContestStatus;
  version: number;
  clientId: string;
  guaranteed: boolean;
  fastTrack: boolean;
  prize: number;
  durations: { qualifying: number; selection: number; final: number; winner: number };
  roundEndsAt: number | null;
  extensionsUsed: number;
  finalists: string[];
  /** The part of the prize the finalists who do not win share when it is released (basis points). */
  finalistShareBps: number;
  winnerId: string | null;
  winningEntryId: string | null;
  /**
   * The prize waits for support's check of its winner (ADR 0046): no timer runs, the client can do
   * nothing more, and only support releases it or refunds the contest.
   */
  prizeHeld?: boolean;
}

/** Support staff act by decision, on the record (ADR 0043); only support events accept them. */
export type Actor = { kind: "user"; id: string } | { kind: "system" } | { kind: "support"; id: string };

/** Facts the service gathers before a decision that depends on entries and ratings. */
export interface Verdict {
  /** Designers ranked by judged score, best first (only those with ratings). */
  ranking: string[];
  /** Designers with at least one active entry, in a stable order (first entry first). */
  designersWithEntries: string[];
}

export type ContestEvent =
  | { type: "launch"; funded: boolean }
  | { type: "cancel" }
  | { type: "edit_brief"; fields: string[]; changes?: BriefChange[] }
  | { type: "extend_round"; days: number }
  | { type: "refund" }
  | { type: "select_finalists"; designerIds: string[]; verdict: Verdict }
  | { type: "select_winner"; designerId: string; entryId: string; verdict: Verdict }
  | { type: "handover_started" }
  | {
      type: "approve_handover";
      ready: boolean;
      /** Designers whose prize is held for support's check (account safety, ADR 0046). */
      holdFor?: string[];
    }
  | {
      type: "deadline";
      version: number;
      verdict: Verdict;
      /** In handover: the winner has signed the design transfer agreement (rights can pass). */
      designerSigned?: boolean;
      holdFor?: string[];
    }
  // support's decisions (ADR 0046)
  | { type: "support_extend"; days: number }
  | { type: "support_refund" }
  | { type: "support_select_winner"; designerId: string; entryId: string; verdict: Verdict }
  | { type: "support_award"; designerId: string; verdict: Verdict }
  | { type: "release_prize" };

export type ContestEventType = ContestEvent["type"];
/** The events only support sends (ADR 0046). */
export type SupportEventType =
  "support_extend" | "support_refund" | "support_select_winner" | "support_award" | "release_prize";

/** One field of a launched brief, before and after (shown to designers as a dated change list). */
export type BriefChange = { field: string; before: string; after: string };

export type Award = { designerId: string; amount: number };

export type NotifyAudience = "client" | "entrants" | "finalists" | "non_finalists" | "winner" | "non_winners";

export type Effect =
  | { type: "schedule_deadline"; at: number }
  | { type: "escrow_award"; awards: Award[]; reason: "winner" | "rule_top" | "rule_split" }
  | { type: "escrow_refund" }
  | { type: "notify"; audience: NotifyAudience; kind: NotificationKind }
  /** The winning entry joins the winner's portfolio (the service tells their followers, if public). */
  | { type: "portfolio_piece" }
  /** The prize is held for support: the service records why (support/holds.server.ts). */
  | { type: "hold_prize"; designerId: string };

export type RejectReason =
  | "not_owner"
  | "wrong_state"
  | "not_funded"
  | "too_early"
  | "stale"
  | "bad_finalists"
  | "bad_winner"
  | "guaranteed"
  | "extension_limit"
  | "bad_extension"
  | "not_ready"
  | "fast_track"
  | "prize_held"
  | "not_held";

export type Step =
  | { ok: true; next: MachineContest; effects: Effect[]; kind: string; data?: Record<string, unknown> }
  | { ok: false; reason: RejectReason };

const reject = (reason: RejectReason): Step => ({ ok: false, reason });

/** States in which the contest is running (the prize is held, the contest is not over). */
export const LIVE_STATES: ContestStatus[] = [
  "qualifying",
  "finalist_selection",
  "final_round",
  "winner_selection",
  "handover",
];
/** States a contest never leaves: it is over (a draft that is cancelled stays here too). */
export const TERMINAL_STATES: ContestStatus[] = ["completed", "cancelled", "refunded"];
/**
 * States whose deadline the clock acts on. They are the live states, because every live state ends
 * on a deadline (a round, a selection, the winner's delivery in handover) and no other state has one.
 */
const TIMED_STATES = LIVE_STATES;
/** States in which ratings may be given: through the rounds and the selections, not in handover. */
const RATING_OPEN_STATES: ContestStatus[] = [
  "qualifying",
  "finalist_selection",
  "final_round",
  "winner_selection",
];

/** Is the contest running (launched, prize held, not over)? */
export function isLive(status: ContestStatus): boolean {
  return LIVE_STATES.includes(status);
}

/**
 * The contest runs and its winner is not chosen yet (live, not in handover). Only then may a private
 * contest's client invite designers (once in handover nobody new can enter), and may entries be
 * declined or restored and designers eliminated.
 */
export function isUndecided(status: ContestStatus): boolean {
  return isLive(status) && status !== "handover";
}

/** Is the contest over for good? */
export function isTerminal(status: ContestStatus): boolean {
  return TERMINAL_STATES.includes(status);
}

/** Which events a client may send in each state (the guards' first line). */
export const CLIENT_EVENTS: Record<ContestStatus, ContestEventType[]> = {
  draft: ["launch", "cancel", "edit_brief"],
  qualifying: ["edit_brief", "extend_round", "refund", "select_finalists", "select_winner"],
  finalist_selection: ["edit_brief", "extend_round", "refund", "select_finalists", "select_winner"],
  final_round: ["edit_brief", "extend_round", "select_winner"],
  winner_selection: ["extend_round", "select_winner"],
  handover: ["approve_handover"],
  completed: [],
  cancelled: [],
  refunded: [],
};

/** May this designer submit an entry now? (No entry is accepted outside an open round.) */
export function canSubmitEntry(contest: MachineContest, designerId: string, now: number): boolean {
  if (contest.roundEndsAt === null || now >= contest.roundEndsAt) return false;
  if (contest.status === "qualifying") return designerId !== contest.clientId;
  if (contest.status === "final_round") return contest.finalists.includes(designerId);
  return false;
}

/** May ratings be given now? Rating goes on through the rounds and the selections. */
export function isRatingOpen(contest: Pick<MachineContest, "status">): boolean {
  return RATING_OPEN_STATES.includes(contest.status);
}

/**
 * A silent client: a guaranteed prize goes by rule to the best judged designer among `pool`,
 * else it is split equally among the pool; with nobody to pay, or no guarantee, it is refunded.
 */
function resolve(contest: MachineContest, pool: string[], verdict: Verdict, holdFor: string[] = []): Step {
  const base = { ...contest, version: contest.version + 1, roundEndsAt: null };
  if (contest.guaranteed && pool.length > 0) {
    const top = verdict.ranking.find((d) => pool.includes(d));
    if (top && holdFor.includes(top)) {
      // The rule's winner waits for support's check: the contest keeps its state, with no timer.
      return hold(contest, (p) => ({ ...base, ...p }), top, "awarded_by_rule");
    }
    if (top) {
      return {
        ok: true,
        next: { ...base, status: "completed", winnerId: top },
        kind: "awarded_by_rule",
        data: { designerId: top, rule: "top_judged" },
        effects: [
          {
            type: "escrow_award",
            awards: winnerAwards(contest.prize, top, contest.finalists, contest.finalistShareBps),
            reason: "rule_top",
          },
          { type: "notify", audience: "winner", kind: "contest.won_by_rule" },
          { type: "notify", audience: "client", kind: "contest.resolved" },
        ],
      };
    }
    const awards = equalAwards(contest.prize, pool);
    return {
      ok: true,
      next: { ...base, status: "completed" },
      kind: "split_by_rule",
      data: { awards },
      effects: [
        { type: "escrow_award", awards, reason: "rule_split" },
        {
          type: "notify",
          audience: pool === contest.finalists ? "finalists" : "entrants",
          kind: "contest.split_by_rule",
        },
        { type: "notify", audience: "client", kind: "contest.resolved" },
      ],
    };
  }
  return {
    ok: true,
    next: { ...base, status: "refunded" },
    kind: "refunded_by_rule",
    data: { reason: contest.guaranteed ? "no_entries" : "not_guaranteed" },
    effects: [
      { type: "escrow_refund" },
      { type: "notify", audience: "client", kind: "contest.refunded" },
      { type: "notify", audience: "entrants", kind: "contest.ended_without_winner" },
    ],
  };
}

/** Events only the platform sends: a deadline passing, the winner's first handover upload. */
export const SYSTEM_EVENTS: ContestEventType[] = ["deadline", "handover_started"];

/** Which events support may send in each state: only in a live contest, never after it ended. */
export const SUPPORT_EVENTS: Record<ContestStatus, SupportEventType[]> = {
  draft: [],
  qualifying: ["support_extend", "support_refund", "support_select_winner"],
  // A rule's award held for a check waits in the selection state whose timeout made it.
  finalist_selection: [
    "support_extend",
    "support_refund",
    "support_select_winner",
    "support_award",
    "release_prize",
  ],
  final_round: ["support_extend", "support_refund", "support_select_winner", "support_award"],
  winner_selection: [
    "support_extend",
    "support_refund",
    "support_select_winner",
    "support_award",
    "release_prize",
  ],
  handover: ["support_refund", "support_award", "release_prize"],
  completed: [],
  cancelled: [],
  refunded: [],
};

/** Events only a prize on hold allows (everything else but a refund waits for support's check). */
const WHILE_HELD: ContestEventType[] = ["release_prize", "support_refund", "support_award"];
const ALL_SUPPORT_EVENTS = new Set<ContestEventType>(Object.values(SUPPORT_EVENTS).flat());

export function transition(contest: MachineContest, event: ContestEvent, actor: Actor, now: number): Step {
  const isClient = actor.kind === "user" && actor.id === contest.clientId;
  if (actor.kind === "support") {
    if (!ALL_SUPPORT_EVENTS.has(event.type)) return reject("not_owner");
    if (!(SUPPORT_EVENTS[contest.status] as ContestEventType[]).includes(event.type))
      return reject("wrong_state");
  } else if (SYSTEM_EVENTS.includes(event.type)) {
    if (actor.kind !== "system") return reject("not_owner");
  } else if (!isClient || ALL_SUPPORT_EVENTS.has(event.type)) {
    return reject("not_owner");
  }
  if (actor.kind === "user" && !CLIENT_EVENTS[contest.status].includes(event.type))
    return reject("wrong_state");
  // A stale deadline of a held contest is refused as stale below; everything else waits for support.
  if (contest.prizeHeld && event.type !== "deadline" && !WHILE_HELD.includes(event.type))
    return reject("prize_held");

  const bump = (patch: Partial<MachineContest>): MachineContest => ({
    ...contest,
    ...patch,
    version: contest.version + 1,
  });

  switch (event.type) {
    case "launch": {
      if (!event.funded) return reject("not_funded");
      const roundEndsAt = now + contest.durations.qualifying;
      return {
        ok: true,
        next: bump({ status: "qualifying", roundEndsAt }),
        kind: "launched",
        effects: [{ type: "schedule_deadline", at: roundEndsAt }],
      };
    }
    case "cancel":
      return {
        ok: true,
        next: bump({ status: "cancelled", roundEndsAt: null }),
        kind: "cancelled",
        effects: [],
      };

    case "edit_brief":
      return {
        ok: true,
        next: bump({}),
        kind: contest.status === "draft" ? "draft_saved" : "brief_changed",
        data: { fields: event.fields, ...(event.changes ? { changes: event.changes } : {}) },
        effects:
          contest.status === "draft"
            ? []
            : [{ type: "notify", audience: "entrants", kind: "contest.brief_changed" }],
      };

    case "extend_round": {
      if (contest.extensionsUsed >= MAX_EXTENSIONS) return reject("extension_limit");
      if (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_EXTENSION_DAYS)
        return reject("bad_extension");
      const roundEndsAt = Math.max(contest.roundEndsAt ?? now, now) + event.days * DAY;
      return {
        ok: true,
        next: bump({ roundEndsAt, extensionsUsed: contest.extensionsUsed + 1 }),
        kind: "round_extended",
        data: { days: event.days, roundEndsAt },
        effects: [
          { type: "schedule_deadline", at: roundEndsAt },
          { type: "notify", audience: "entrants", kind: "contest.round_extended" },
        ],
      };
    }

    case "refund":
      if (contest.guaranteed) return reject("guaranteed");
      return {
        ok: true,
        next: bump({ status: "refunded", roundEndsAt: null }),
        kind: "refunded",
        effects: [
          { type: "escrow_refund" },
          { type: "notify", audience: "entrants", kind: "contest.ended_without_winner" },
        ],
      };

    case "select_finalists": {
      if (contest.fastTrack) return reject("fast_track");
      const ids = [...new Set(event.designerIds)];
      if (
        ids.length < 1 ||
        ids.length > MAX_FINALISTS ||
        ids.length !== event.designerIds.length ||
        !ids.every((d) => event.verdict.designersWithEntries.includes(d))
      ) {
        return reject("bad_finalists");
      }
      const roundEndsAt = now + contest.durations.final;
      return {
        ok: true,
        next: bump({ status: "final_round", finalists: ids, guaranteed: true, roundEndsAt }),
        kind: "finalists_selected",
        data: { designerIds: ids },
        effects: [
          { type: "schedule_deadline", at: roundEndsAt },
          { type: "notify", audience: "finalists", kind: "contest.finalist" },
          { type: "notify", audience: "non_finalists", kind: "contest.not_finalist" },
        ],
      };
    }

    case "select_winner": {
      const pool = winnerPool(contest, event.verdict);
      if (!pool.includes(event.designerId)) return reject("bad_winner");
      return {
        ok: true,
        next: bump({
          status: "handover",
          winnerId: event.designerId,
          winningEntryId: event.entryId,
          guaranteed: true,
          roundEndsAt: null,
        }),
        kind: "winner_selected",
        data: { designerId: event.designerId, entryId: event.entryId },
        effects: [
          { type: "notify", audience: "winner", kind: "contest.won" },
          { type: "notify", audience: "non_winners", kind: "contest.not_won" },
        ],
      };
    }

    case "handover_started": {
      if (contest.status !== "handover" || contest.roundEndsAt !== null) return reject("wrong_state");
      const roundEndsAt = now + HANDOVER_AUTO_APPROVE_MS;
      return {
        ok: true,
        next: bump({ roundEndsAt }),
        kind: "handover_started",
        effects: [{ type: "schedule_deadline", at: roundEndsAt }],
      };
    }

    case "approve_handover":
      if (!event.ready) return reject("not_ready");
      if (contest.winnerId && event.holdFor?.includes(contest.winnerId))
        return hold(contest, bump, contest.winnerId, "handover_approved");
      return complete(contest, bump, "handover_approved");

    case "support_extend": {
      if (contest.roundEndsAt === null) return reject("wrong_state");
      if (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_SUPPORT_EXTENSION_DAYS)
        return reject("bad_extension");
      const roundEndsAt = Math.max(contest.roundEndsAt, now) + event.days * DAY;
      return {
        ok: true,
        next: bump({ roundEndsAt }),
        kind: "round_extended",
        data: { days: event.days, roundEndsAt, bySupport: true },
        effects: [
          { type: "schedule_deadline", at: roundEndsAt },
          { type: "notify", audience: "entrants", kind: "contest.round_extended" },
        ],
      };
    }

    case "support_refund":
      return {
        ok: true,
        next: bump({ status: "refunded", roundEndsAt: null, prizeHeld: false }),
        kind: "refunded_by_decision",
        data: { bySupport: true },
        effects: [
          { type: "escrow_refund" },
          { type: "notify", audience: "client", kind: "contest.refunded" },
          { type: "notify", audience: "entrants", kind: "contest.ended_without_winner" },
        ],
      };

    case "support_select_winner": {
      const pool = winnerPool(contest, event.verdict);
      if (!pool.includes(event.designerId)) return reject("bad_winner");
      return {
        ok: true,
        next: bump({
          status: "handover",
          winnerId: event.designerId,
          winningEntryId: event.entryId,
          guaranteed: true,
          roundEndsAt: null,
        }),
        kind: "winner_selected",
        data: { designerId: event.designerId, entryId: event.entryId, bySupport: true },
        effects: [
          { type: "notify", audience: "winner", kind: "contest.won" },
          { type: "notify", audience: "non_winners", kind: "contest.not_won" },
        ],
      };
    }

    case "support_award": {
      // In handover the prize goes to the chosen winner; before, to a designer the client could pick.
      const allowed =
        contest.status === "handover"
          ? contest.winnerId === event.designerId
          : winnerPool(contest, event.verdict).includes(event.designerId);
      if (!allowed) return reject("bad_winner");
      return complete(
        { ...contest, winnerId: event.designerId },
        (p) => bump({ winnerId: event.designerId, prizeHeld: false, ...p }),
        "awarded_by_decision",
      );
    }

    case "release_prize":
      if (!contest.prizeHeld) return reject("not_held");
      return complete(contest, (p) => bump({ prizeHeld: false, ...p }), "prize_released");

    case "deadline": {
      if (event.version !== contest.version) return reject("stale");
      if (!TIMED_STATES.includes(contest.status) || contest.roundEndsAt === null)
        return reject("wrong_state");
      if (now < contest.roundEndsAt) return reject("too_early");
      switch (contest.status) {
        case "qualifying": {
          if (contest.fastTrack) {
            const roundEndsAt = now + contest.durations.winner;
            return {
              ok: true,
              next: bump({ status: "winner_selection", roundEndsAt }),
              kind: "round_ended",
              data: { from: "qualifying", to: "winner_selection" },
              effects: [
                { type: "schedule_deadline", at: roundEndsAt },
                { type: "notify", audience: "client", kind: "contest.pick_winner" },
              ],
            };
          }
          const roundEndsAt = now + contest.durations.selection;
          return {
            ok: true,
            next: bump({ status: "finalist_selection", roundEndsAt }),
            kind: "round_ended",
            data: { from: "qualifying", to: "finalist_selection" },
            effects: [
              { type: "schedule_deadline", at: roundEndsAt },
              { type: "notify", audience: "client", kind: "contest.pick_finalists" },
            ],
          };
        }
        case "finalist_selection":
          return resolve(contest, event.verdict.designersWithEntries, event.verdict, event.holdFor);
        case "final_round": {
          const roundEndsAt = now + contest.durations.winner;
          return {
            ok: true,
            next: bump({ status: "winner_selection", roundEndsAt }),
            kind: "round_ended",
            data: { from: "final_round", to: "winner_selection" },
            effects: [
              { type: "schedule_deadline", at: roundEndsAt },
              { type: "notify", audience: "client", kind: "contest.pick_winner" },
            ],
          };
        }
        case "winner_selection":
          return resolve(
            contest,
            contest.finalists.length ? contest.finalists : event.verdict.designersWithEntries,
            event.verdict,
            event.holdFor,
          );
        case "handover": {
          // A silent client is approved for, but the rights pass only with the winner's signature:
          // without it the clock waits a day at a time, and the winner is told what is missing.
          if (event.designerSigned) {
            if (contest.winnerId && event.holdFor?.includes(contest.winnerId))
              return hold(contest, bump, contest.winnerId, "handover_auto_approved");
            return complete(contest, bump, "handover_auto_approved");
          }
          const roundEndsAt = now + DAY;
          return {
            ok: true,
            next: bump({ roundEndsAt }),
            kind: "handover_waiting_for_signature",
            effects: [
              { type: "schedule_deadline", at: roundEndsAt },
              { type: "notify", audience: "winner", kind: "contest.handover_sign_to_be_paid" },
            ],
          };
        }
        default:
          return reject("wrong_state");
      }
    }
  }
}

function complete(
  contest: MachineContest,
  bump: (p: Partial<MachineContest>) => MachineContest,
  kind: string,
): Step {
  if (!contest.winnerId) return reject("wrong_state");
  return {
    ok: true,
    next: bump({ status: "completed", roundEndsAt: null }),
    kind,
    effects: [
      {
        type: "escrow_award",
        awards: winnerAwards(contest.prize, contest.winnerId, contest.finalists, contest.finalistShareBps),
        reason: "winner",
      },
      { type: "notify", audience: "winner", kind: "contest.prize_released" },
      { type: "portfolio_piece" },
      // The client who clicked knows; a silent client learns that the files are theirs now.
      ...(kind === "handover_auto_approved"
        ? [{ type: "notify", audience: "client", kind: "contest.handover_auto_approved" } as const]
        : []),
    ],
  };
}

/** Whom a winner may be picked among: the finalists with entries once there are finalists, else every entrant. */
function winnerPool(contest: MachineContest, verdict: Verdict): string[] {
  return contest.status === "final_round" || contest.status === "winner_selection"
    ? contest.finalists.filter((d) => verdict.designersWithEntries.includes(d))
    : verdict.designersWithEntries;
}

/**
 * Where the prize would be released, it is held instead (ADR 0046): the state stays, the timer stops,
 * the winner is recorded, and support's release completes the contest later (`release_prize`).
 */
function hold(
  contest: MachineContest,
  bump: (p: Partial<MachineContest>) => MachineContest,
  designerId: string,
  instead: string,
): Step {
  return {
    ok: true,
    next: bump({ roundEndsAt: null, winnerId: designerId, prizeHeld: true }),
    kind: "prize_held",
    data: { designerId, instead },
    effects: [
      { type: "hold_prize", designerId },
      { type: "notify", audience: "winner", kind: "contest.prize_held" },
      { type: "notify", audience: "client", kind: "contest.prize_held" },
    ],
  };
}
