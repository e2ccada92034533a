import { describe, expect, it } from "vitest";
import {
  CLIENT_EVENTS,
  MAX_EXTENSIONS,
  canSubmitEntry,
  transition,
  type Actor,
  type ContestEvent,
  type ContestEventType,
  type ContestStatus,
  type MachineContest,
  type SupportEventType,
  MAX_SUPPORT_EXTENSION_DAYS,
  SUPPORT_EVENTS,
} from "~/modules/contests/machine";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);
const CLIENT: Actor = { kind: "user", id: "client" };
const SYSTEM: Actor = { kind: "system" };
const verdict = { ranking: ["d2", "d1"], designersWithEntries: ["d1", "d2", "d3"] };

function contestIn(status: ContestStatus, patch: Partial<MachineContest> = {}): MachineContest {
  const late = ["final_round", "winner_selection", "handover"].includes(status);
  return {
    id: "c1",
    status,
    version: 7,
    clientId: "client",
    guaranteed: late,
    fastTrack: false,
    prize: 50_000,
    durations: { qualifying: 4 * DAY, selection: 4 * DAY, final: 3 * DAY, winner: 14 * DAY },
    roundEndsAt: ["draft", "handover", "completed", "cancelled", "refunded"].includes(status)
      ? null
      : NOW - 1,
    extensionsUsed: 0,
    finalists: late ? ["d1", "d2"] : [],
    finalistShareBps: 0,
    winnerId: status === "handover" ? "d1" : null,
    winningEntryId: status === "handover" ? "e1" : null,
    ...patch,
  };
}

type PartyEventType = Exclude<ContestEventType, SupportEventType>;
const EVENTS: Record<PartyEventType, ContestEvent> = {
  launch: { type: "launch", funded: true },
  cancel: { type: "cancel" },
  edit_brief: { type: "edit_brief", fields: ["description"] },
  extend_round: { type: "extend_round", days: 2 },
  refund: { type: "refund" },
  select_finalists: { type: "select_finalists", designerIds: ["d1", "d3"], verdict },
  select_winner: { type: "select_winner", designerId: "d1", entryId: "e9", verdict },
  handover_started: { type: "handover_started" },
  approve_handover: { type: "approve_handover", ready: true },
  deadline: { type: "deadline", version: 7, verdict },
};

const W = "wrong_state";
// Every state × event: the next state, or the reason for refusal. (Handover's timer is not running
// in the sample, so its deadline is refused; it is tested below.)
const TABLE: Record<ContestStatus, Record<PartyEventType, ContestStatus | string>> = {
  draft: {
    launch: "qualifying",
    cancel: "cancelled",
    edit_brief: "draft",
    extend_round: W,
    refund: W,
    select_finalists: W,
    select_winner: W,
    handover_started: W,
    approve_handover: W,
    deadline: W,
  },
  qualifying: {
    launch: W,
    cancel: W,
    edit_brief: "qualifying",
    extend_round: "qualifying",
    refund: "refunded",
    select_finalists: "final_round",
    select_winner: "handover",
    handover_started: W,
    approve_handover: W,
    deadline: "finalist_selection",
  },
  finalist_selection: {
    launch: W,
    cancel: W,
    edit_brief: "finalist_selection",
    extend_round: "finalist_selection",
    refund: "refunded",
    select_finalists: "final_round",
    select_winner: "handover",
    handover_started: W,
    approve_handover: W,
    deadline: "refunded",
  },
  final_round: {
    launch: W,
    cancel: W,
    edit_brief: "final_round",
    extend_round: "final_round",
    refund: W,
    select_finalists: W,
    select_winner: "handover",
    handover_started: W,
    approve_handover: W,
    deadline: "winner_selection",
  },
  winner_selection: {
    launch: W,
    cancel: W,
    edit_brief: W,
    extend_round: "winner_selection",
    refund: W,
    select_finalists: W,
    select_winner: "handover",
    handover_started: W,
    approve_handover: W,
    deadline: "completed",
  },
  handover: {
    launch: W,
    cancel: W,
    edit_brief: W,
    extend_round: W,
    refund: W,
    select_finalists: W,
    select_winner: W,
    handover_started: "handover",
    approve_handover: "completed",
    deadline: W,
  },
  completed: {
    launch: W,
    cancel: W,
    edit_brief: W,
    extend_round: W,
    refund: W,
    select_finalists: W,
    select_winner: W,
    handover_started: W,
    approve_handover: W,
    deadline: W,
  },
  cancelled: {
    launch: W,
    cancel: W,
    edit_brief: W,
    extend_round: W,
    refund: W,
    select_finalists: W,
    select_winner: W,
    handover_started: W,
    approve_handover: W,
    deadline: W,
  },
  refunded: {
    launch: W,
    cancel: W,
    edit_brief: W,
    extend_round: W,
    refund: W,
    select_finalists: W,
    select_winner: W,
    handover_started: W,
    approve_handover: W,
    deadline: W,
  },
};

function actorFor(type: PartyEventType) {
  return type === "deadline" || type === "handover_started" ? SYSTEM : CLIENT;
}

describe("contest machine: every state × event", () => {
  for (const [state, row] of Object.entries(TABLE) as [ContestStatus, Record<PartyEventType, string>][]) {
    for (const [type, expected] of Object.entries(row) as [PartyEventType, string][]) {
      it(`${state} + ${type} → ${expected}`, () => {
        const contest = contestIn(
          state,
          state === "handover" && type === "handover_started" ? { roundEndsAt: null } : {},
        );
        const step = transition(contest, EVENTS[type], actorFor(type), NOW);
        if (step.ok) {
          expect(step.next.status).toBe(expected);
          expect(step.next.version).toBe(contest.version + 1);
        } else {
          expect(step.reason).toBe(expected);
        }
      });
    }
  }

  it("covers every state and every event", () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(CLIENT_EVENTS).sort());
    for (const row of Object.values(TABLE))
      expect(Object.keys(row).sort()).toEqual(Object.keys(EVENTS).sort());
  });
});

describe("contest machine guards", () => {
  it("refuses every client event from anyone but the contest's client", () => {
    const stranger: Actor = { kind: "user", id: "someone-else" };
    for (const state of Object.keys(TABLE) as ContestStatus[]) {
      for (const type of CLIENT_EVENTS[state]) {
        expect(transition(contestIn(state), EVENTS[type as PartyEventType], stranger, NOW)).toEqual({
          ok: false,
          reason: "not_owner",
        });
        expect(transition(contestIn(state), EVENTS[type as PartyEventType], SYSTEM, NOW)).toEqual({
          ok: false,
          reason: "not_owner",
        });
      }
    }
  });

  it("lets only the platform send deadlines", () => {
    expect(transition(contestIn("qualifying"), EVENTS.deadline, CLIENT, NOW)).toEqual({
      ok: false,
      reason: "not_owner",
    });
  });

  it("does not launch a contest whose prize is not in escrow", () => {
    expect(transition(contestIn("draft"), { type: "launch", funded: false }, CLIENT, NOW)).toEqual({
      ok: false,
      reason: "not_funded",
    });
  });

  it("starts the qualifying round's clock at launch and schedules its deadline", () => {
    const step = transition(contestIn("draft"), EVENTS.launch, CLIENT, NOW);
    expect(step.ok && step.next.roundEndsAt).toBe(NOW + 4 * DAY);
    expect(step.ok && step.effects).toContainEqual({ type: "schedule_deadline", at: NOW + 4 * DAY });
  });

  it("ignores a deadline scheduled for an older version, and one that comes too early", () => {
    expect(
      transition(contestIn("qualifying"), { ...EVENTS.deadline, version: 6 } as ContestEvent, SYSTEM, NOW),
    ).toEqual({ ok: false, reason: "stale" });
    expect(
      transition(contestIn("qualifying", { roundEndsAt: NOW + 1 }), EVENTS.deadline, SYSTEM, NOW),
    ).toEqual({ ok: false, reason: "too_early" });
  });

  it("allows a limited number of extensions of 1 to 7 days", () => {
    expect(transition(contestIn("qualifying"), { type: "extend_round", days: 8 }, CLIENT, NOW)).toEqual({
      ok: false,
      reason: "bad_extension",
    });
    expect(transition(contestIn("qualifying"), { type: "extend_round", days: 0 }, CLIENT, NOW)).toEqual({
      ok: false,
      reason: "bad_extension",
    });
    expect(
      transition(
        contestIn("qualifying", { extensionsUsed: MAX_EXTENSIONS }),
        EVENTS.extend_round,
        CLIENT,
        NOW,
      ),
    ).toEqual({ ok: false, reason: "extension_limit" });
    const step = transition(
      contestIn("qualifying", { roundEndsAt: NOW + DAY }),
      EVENTS.extend_round,
      CLIENT,
      NOW,
    );
    expect(step.ok && step.next.roundEndsAt).toBe(NOW + 3 * DAY);
  });

  it("refuses a refund once the prize is guaranteed", () => {
    expect(transition(contestIn("qualifying", { guaranteed: true }), EVENTS.refund, CLIENT, NOW)).toEqual({
      ok: false,
      reason: "guaranteed",
    });
  });

  it("takes 1 to 6 distinct finalists who have entries, and guarantees the prize", () => {
    const bad = (designerIds: string[]) =>
      transition(
        contestIn("finalist_selection"),
        { type: "select_finalists", designerIds, verdict },
        CLIENT,
        NOW,
      );
    expect(bad([])).toEqual({ ok: false, reason: "bad_finalists" });
    expect(bad(["d1", "d1"])).toEqual({ ok: false, reason: "bad_finalists" });
    expect(bad(["d1", "nobody"])).toEqual({ ok: false, reason: "bad_finalists" });
    const many = { ranking: [], designersWithEntries: ["a", "b", "c", "d", "e", "f", "g"] };
    expect(
      transition(
        contestIn("finalist_selection"),
        { type: "select_finalists", designerIds: many.designersWithEntries, verdict: many },
        CLIENT,
        NOW,
      ),
    ).toEqual({ ok: false, reason: "bad_finalists" });
    const ok = transition(contestIn("finalist_selection"), EVENTS.select_finalists, CLIENT, NOW);
    expect(ok.ok && ok.next.guaranteed).toBe(true);
    expect(ok.ok && ok.next.finalists).toEqual(["d1", "d3"]);
  });

  it("picks a winner only among the finalists once there are finalists", () => {
    const step = transition(
      contestIn("winner_selection"),
      { type: "select_winner", designerId: "d3", entryId: "e3", verdict },
      CLIENT,
      NOW,
    );
    expect(step).toEqual({ ok: false, reason: "bad_winner" });
  });

  it("goes straight from the one round to winner selection on fast track, with no finalists", () => {
    const step = transition(contestIn("qualifying", { fastTrack: true }), EVENTS.deadline, SYSTEM, NOW);
    expect(step.ok && step.next.status).toBe("winner_selection");
    expect(
      transition(contestIn("qualifying", { fastTrack: true }), EVENTS.select_finalists, CLIENT, NOW),
    ).toEqual({ ok: false, reason: "fast_track" });
  });

  it("needs the handover to be ready before the client approves it", () => {
    expect(
      transition(contestIn("handover"), { type: "approve_handover", ready: false }, CLIENT, NOW),
    ).toEqual({ ok: false, reason: "not_ready" });
  });
});

describe("resolution when the client goes silent", () => {
  it("awards a guaranteed prize to the top judged finalist", () => {
    const step = transition(contestIn("winner_selection"), EVENTS.deadline, SYSTEM, NOW);
    expect(step.ok && step.kind).toBe("awarded_by_rule");
    expect(step.ok && step.effects).toContainEqual({
      type: "escrow_award",
      awards: [{ designerId: "d2", amount: 50_000 }],
      reason: "rule_top",
    });
  });

  it("splits it equally among finalists when nobody was rated, the remainder to the first", () => {
    const step = transition(
      contestIn("winner_selection", { prize: 10_001, finalists: ["d1", "d2", "d3"] }),
      { type: "deadline", version: 7, verdict: { ranking: [], designersWithEntries: ["d1", "d2", "d3"] } },
      SYSTEM,
      NOW,
    );
    expect(step.ok && step.effects).toContainEqual({
      type: "escrow_award",
      awards: [
        { designerId: "d1", amount: 3_334 },
        { designerId: "d2", amount: 3_334 },
        { designerId: "d3", amount: 3_333 },
      ],
      reason: "rule_split",
    });
  });

  it("refunds an unguaranteed prize when finalist selection times out", () => {
    const step = transition(contestIn("finalist_selection"), EVENTS.deadline, SYSTEM, NOW);
    expect(step.ok && step.next.status).toBe("refunded");
    expect(step.ok && step.effects).toContainEqual({ type: "escrow_refund" });
  });

  it("refunds even a guaranteed prize when nobody entered", () => {
    const step = transition(
      contestIn("finalist_selection", { guaranteed: true }),
      { type: "deadline", version: 7, verdict: { ranking: [], designersWithEntries: [] } },
      SYSTEM,
      NOW,
    );
    expect(step.ok && step.next.status).toBe("refunded");
  });

  it("approves the handover automatically when its timer runs out and the winner has signed, releasing the prize", () => {
    const step = transition(
      contestIn("handover", { roundEndsAt: NOW - 1 }),
      { type: "deadline", version: 7, verdict, designerSigned: true },
      SYSTEM,
      NOW,
    );
    expect(step.ok && step.next.status).toBe("completed");
    expect(step.ok && step.effects).toContainEqual({
      type: "escrow_award",
      awards: [{ designerId: "d1", amount: 50_000 }],
      reason: "winner",
    });
  });

  it("waits a day at a time, telling the winner, while the winner has not signed the agreement", () => {
    const step = transition(
      contestIn("handover", { roundEndsAt: NOW - 1 }),
      { type: "deadline", version: 7, verdict, designerSigned: false },
      SYSTEM,
      NOW,
    );
    expect(step.ok && step.next.status).toBe("handover");
    expect(step.ok && step.next.roundEndsAt).toBe(NOW + DAY);
    expect(step.ok && step.kind).toBe("handover_waiting_for_signature");
    expect(step.ok && step.effects).toEqual([
      { type: "schedule_deadline", at: NOW + DAY },
      { type: "notify", audience: "winner", kind: "contest.handover_sign_to_be_paid" },
    ]);
  });
});

describe("entries", () => {
  it("accepts entries only in an open round, and only from finalists in the final round", () => {
    expect(canSubmitEntry(contestIn("qualifying", { roundEndsAt: NOW + DAY }), "d9", NOW)).toBe(true);
    expect(canSubmitEntry(contestIn("qualifying", { roundEndsAt: NOW + DAY }), "client", NOW)).toBe(false);
    expect(canSubmitEntry(contestIn("qualifying", { roundEndsAt: NOW }), "d9", NOW)).toBe(false);
    expect(canSubmitEntry(contestIn("finalist_selection", { roundEndsAt: NOW + DAY }), "d1", NOW)).toBe(
      false,
    );
    expect(canSubmitEntry(contestIn("final_round", { roundEndsAt: NOW + DAY }), "d1", NOW)).toBe(true);
    expect(canSubmitEntry(contestIn("final_round", { roundEndsAt: NOW + DAY }), "d9", NOW)).toBe(false);
  });
});

const SUPPORT: Actor = { kind: "support", id: "agent" };
const SUPPORT_SAMPLE: Record<SupportEventType, ContestEvent> = {
  support_extend: { type: "support_extend", days: 2 },
  support_refund: { type: "support_refund" },
  support_select_winner: { type: "support_select_winner", designerId: "d1", entryId: "e1", verdict },
  support_award: { type: "support_award", designerId: "d1", verdict },
  release_prize: { type: "release_prize" },
};
// What support's decisions lead to in each state (a held prize for release_prize: see below).
const SUPPORT_TABLE: Record<ContestStatus, Record<SupportEventType, ContestStatus | string>> = {
  draft: {
    support_extend: W,
    support_refund: W,
    support_select_winner: W,
    support_award: W,
    release_prize: W,
  },
  qualifying: {
    support_extend: "qualifying",
    support_refund: "refunded",
    support_select_winner: "handover",
    support_award: W,
    release_prize: W,
  },
  finalist_selection: {
    support_extend: "finalist_selection",
    support_refund: "refunded",
    support_select_winner: "handover",
    support_award: "completed",
    release_prize: "not_held",
  },
  final_round: {
    support_extend: "final_round",
    support_refund: "refunded",
    support_select_winner: "handover",
    support_award: "completed",
    release_prize: W,
  },
  winner_selection: {
    support_extend: "winner_selection",
    support_refund: "refunded",
    support_select_winner: "handover",
    support_award: "completed",
    release_prize: "not_held",
  },
  handover: {
    support_extend: W,
    support_refund: "refunded",
    support_select_winner: W,
    support_award: "completed",
    release_prize: "not_held",
  },
  completed: {
    support_extend: W,
    support_refund: W,
    support_select_winner: W,
    support_award: W,
    release_prize: W,
  },
  cancelled: {
    support_extend: W,
    support_refund: W,
    support_select_winner: W,
    support_award: W,
    release_prize: W,
  },
  refunded: {
    support_extend: W,
    support_refund: W,
    support_select_winner: W,
    support_award: W,
    release_prize: W,
  },
};

describe("support's decisions: every state × support event", () => {
  for (const [state, row] of Object.entries(SUPPORT_TABLE) as [
    ContestStatus,
    Record<SupportEventType, string>,
  ][]) {
    for (const [type, expected] of Object.entries(row) as [SupportEventType, string][]) {
      it(`${state} + ${type} by support → ${expected}`, () => {
        const contest = contestIn(state);
        const step = transition(contest, SUPPORT_SAMPLE[type], SUPPORT, NOW);
        if (step.ok) {
          expect(step.next.status).toBe(expected);
          expect(step.next.version).toBe(contest.version + 1);
        } else {
          expect(step.reason).toBe(expected);
        }
      });
    }
  }

  it("covers every state, and support events are support's alone (a client or the system is refused)", () => {
    expect(Object.keys(SUPPORT_TABLE).sort()).toEqual(Object.keys(SUPPORT_EVENTS).sort());
    for (const state of Object.keys(SUPPORT_TABLE) as ContestStatus[]) {
      for (const type of Object.keys(SUPPORT_SAMPLE) as SupportEventType[]) {
        expect(transition(contestIn(state), SUPPORT_SAMPLE[type], CLIENT, NOW).ok).toBe(false);
        expect(transition(contestIn(state), SUPPORT_SAMPLE[type], SYSTEM, NOW).ok).toBe(false);
      }
      // Support cannot act as the client: the client's own events refuse it.
      expect(transition(contestIn(state), EVENTS.select_winner, SUPPORT, NOW)).toEqual({
        ok: false,
        reason: "not_owner",
      });
    }
  });

  it("extends a round by 1 to 14 days without using the client's extensions", () => {
    const full = contestIn("qualifying", { roundEndsAt: NOW + DAY, extensionsUsed: MAX_EXTENSIONS });
    const step = transition(full, { type: "support_extend", days: MAX_SUPPORT_EXTENSION_DAYS }, SUPPORT, NOW);
    expect(step.ok && step.next.roundEndsAt).toBe(NOW + (1 + MAX_SUPPORT_EXTENSION_DAYS) * DAY);
    expect(step.ok && step.next.extensionsUsed).toBe(MAX_EXTENSIONS);
    expect(step.ok && step.data).toMatchObject({ bySupport: true, days: MAX_SUPPORT_EXTENSION_DAYS });
    for (const days of [0, MAX_SUPPORT_EXTENSION_DAYS + 1, 1.5])
      expect(transition(full, { type: "support_extend", days }, SUPPORT, NOW)).toEqual({
        ok: false,
        reason: "bad_extension",
      });
  });

  it("refunds even a guaranteed prize by decision, through the escrow", () => {
    const step = transition(contestIn("winner_selection"), SUPPORT_SAMPLE.support_refund, SUPPORT, NOW);
    expect(step.ok && step.kind).toBe("refunded_by_decision");
    expect(step.ok && step.effects).toContainEqual({ type: "escrow_refund" });
  });

  it("awards the prize by decision only to a designer the client could pick (the winner, in handover)", () => {
    const award = (state: ContestStatus, designerId: string) =>
      transition(contestIn(state), { type: "support_award", designerId, verdict }, SUPPORT, NOW);
    expect(award("winner_selection", "d3")).toEqual({ ok: false, reason: "bad_winner" });
    expect(award("handover", "d2")).toEqual({ ok: false, reason: "bad_winner" });
    const step = award("winner_selection", "d2");
    expect(step.ok && step.next.winnerId).toBe("d2");
    expect(step.ok && step.kind).toBe("awarded_by_decision");
    expect(step.ok && step.effects).toContainEqual({
      type: "escrow_award",
      awards: [{ designerId: "d2", amount: 50_000 }],
      reason: "winner",
    });
  });
});

describe("a held prize (account safety)", () => {
  it("is held instead of released when the client approves for a winner to be checked: no money moves, no timer", () => {
    const step = transition(
      contestIn("handover"),
      { type: "approve_handover", ready: true, holdFor: ["d1"] },
      CLIENT,
      NOW,
    );
    expect(step.ok && step.next.status).toBe("handover");
    expect(step.ok && step.next.prizeHeld).toBe(true);
    expect(step.ok && step.next.roundEndsAt).toBe(null);
    expect(step.ok && step.kind).toBe("prize_held");
    expect(step.ok && step.effects.some((e) => e.type === "escrow_award")).toBe(false);
    expect(step.ok && step.effects).toContainEqual({ type: "hold_prize", designerId: "d1" });
  });

  it("is held on the automatic approval, and when the rule's top designer is to be checked", () => {
    const auto = transition(
      contestIn("handover", { roundEndsAt: NOW - 1 }),
      { type: "deadline", version: 7, verdict, designerSigned: true, holdFor: ["d1"] },
      SYSTEM,
      NOW,
    );
    expect(auto.ok && auto.kind).toBe("prize_held");
    const rule = transition(
      contestIn("winner_selection"),
      { ...EVENTS.deadline, holdFor: ["d2"] } as ContestEvent,
      SYSTEM,
      NOW,
    );
    expect(rule.ok && rule.next.status).toBe("winner_selection");
    expect(rule.ok && rule.next.winnerId).toBe("d2");
    expect(rule.ok && rule.next.prizeHeld).toBe(true);
    expect(rule.ok && rule.effects.some((e) => e.type === "escrow_award")).toBe(false);
    // Someone else's check does not hold the rule's winner.
    const other = transition(
      contestIn("winner_selection"),
      { ...EVENTS.deadline, holdFor: ["d1"] } as ContestEvent,
      SYSTEM,
      NOW,
    );
    expect(other.ok && other.kind).toBe("awarded_by_rule");
  });

  it("waits for support: the client can do nothing more; support releases it once or refunds", () => {
    const held = contestIn("handover", { prizeHeld: true });
    expect(transition(held, { type: "approve_handover", ready: true }, CLIENT, NOW)).toEqual({
      ok: false,
      reason: "prize_held",
    });
    expect(transition(held, EVENTS.handover_started, SYSTEM, NOW)).toEqual({
      ok: false,
      reason: "prize_held",
    });
    const released = transition(held, SUPPORT_SAMPLE.release_prize, SUPPORT, NOW);
    expect(released.ok && released.next.status).toBe("completed");
    expect(released.ok && released.next.prizeHeld).toBe(false);
    expect(released.ok && released.effects).toContainEqual({
      type: "escrow_award",
      awards: [{ designerId: "d1", amount: 50_000 }],
      reason: "winner",
    });
    expect(released.ok && transition(released.next, SUPPORT_SAMPLE.release_prize, SUPPORT, NOW).ok).toBe(
      false,
    );
    const refunded = transition(held, SUPPORT_SAMPLE.support_refund, SUPPORT, NOW);
    expect(refunded.ok && refunded.next.status).toBe("refunded");
    const ruleHeld = contestIn("winner_selection", { prizeHeld: true, winnerId: "d2", roundEndsAt: null });
    const ruleReleased = transition(ruleHeld, SUPPORT_SAMPLE.release_prize, SUPPORT, NOW);
    expect(ruleReleased.ok && ruleReleased.next.status).toBe("completed");
    expect(transition(ruleHeld, EVENTS.select_winner, CLIENT, NOW)).toEqual({
      ok: false,
      reason: "prize_held",
    });
  });
});
