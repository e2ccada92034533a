import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presetAmount } from "~/modules/contests/brief";
import { transition, type MachineContest } from "~/modules/contests/machine";
import { FINALIST_SHARE_BPS, TIER_FLOOR, tierOf, tierOpenTo } from "~/modules/contests/tiers";
import { awardProblem, finalistShare, winnerAwards } from "~/modules/escrow/ledger";

describe("fair pay for finalists", () => {
  it("pays the winner the prize less the share, and splits the share evenly, to the cent", () => {
    // 15 % of $1,000.01 is $150.0015: rounded down to $150.00, three finalists get $50.00 each.
    expect(winnerAwards(100_001, "w", ["a", "w", "b", "c"], 1500)).toEqual([
      { designerId: "w", amount: 85_001 },
      { designerId: "a", amount: 5_000 },
      { designerId: "b", amount: 5_000 },
      { designerId: "c", amount: 5_000 },
    ]);
    // $499.00 at 15 %: $74.85 between two; the first in order gets the odd cent.
    expect(winnerAwards(49_900, "w", ["w", "a", "b"], 1500)).toEqual([
      { designerId: "w", amount: 42_415 },
      { designerId: "a", amount: 3_743 },
      { designerId: "b", amount: 3_742 },
    ]);
    // No other finalist, or no share: the winner receives everything.
    expect(winnerAwards(49_900, "w", ["w"], 1500)).toEqual([{ designerId: "w", amount: 49_900 }]);
    expect(winnerAwards(49_900, "w", ["w", "a"], 0)).toEqual([{ designerId: "w", amount: 49_900 }]);
  });

  it("always adds up to the prize, never gives less than a cent, and pays each finalist within a cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 }),
        fc.constantFrom(0, 1, 1500, 2500, 4999),
        (prize, others, bps) => {
          const awards = winnerAwards(prize, "w", ["w", ...others], bps);
          expect(awardProblem(prize, awards)).toBeNull();
          if (awards.length > 1) {
            expect(awards[0]!.amount).toBe(prize - finalistShare(prize, bps));
            const parts = awards.slice(1).map((a) => a.amount);
            expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
            expect(parts).toEqual([...parts].sort((x, y) => y - x)); // the odd cents go first
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("refuses a share that is not less than half the prize", () => {
    expect(() => winnerAwards(1000, "w", ["w", "a"], 5000)).toThrow(RangeError);
    expect(() => winnerAwards(1000, "w", ["w", "a"], -1)).toThrow(RangeError);
  });

  it("is what the machine pays when the client approves the handover", () => {
    const contest: MachineContest = {
      id: "c1",
      status: "handover",
      version: 3,
      clientId: "client",
      guaranteed: true,
      fastTrack: false,
      prize: 100_000,
      durations: { qualifying: 1, selection: 1, final: 1, winner: 1 },
      roundEndsAt: null,
      extensionsUsed: 0,
      finalists: ["d1", "d2", "d3"],
      finalistShareBps: 1500,
      winnerId: "d2",
      winningEntryId: "e2",
    };
    const step = transition(
      contest,
      { type: "approve_handover", ready: true },
      { kind: "user", id: "client" },
      0,
    );
    expect(step.ok).toBe(true);
    if (!step.ok) return;
    expect(step.effects).toContainEqual({
      type: "escrow_award",
      reason: "winner",
      awards: [
        { designerId: "d2", amount: 85_000 },
        { designerId: "d1", amount: 7_500 },
        { designerId: "d3", amount: 7_500 },
      ],
    });
  });
});

describe("contest tiers", () => {
  it("are the prize packages: a prize takes the tier of the highest package it reaches", () => {
    const gold = presetAmount("logo", "gold", "CAD");
    expect(tierOf("logo", presetAmount("logo", "bronze", "CAD"), "CAD")).toBe("bronze");
    expect(tierOf("logo", gold - 1, "CAD")).toBe("silver");
    expect(tierOf("logo", gold, "CAD")).toBe("gold");
    expect(tierOf("logo", 10 * gold, "CAD")).toBe("platinum");
  });

  it("open bronze and silver to everyone, gold from mid level, platinum to top level; the two upper pay finalists", () => {
    expect(TIER_FLOOR).toEqual({ bronze: "entry", silver: "entry", gold: "mid", platinum: "top" });
    expect(FINALIST_SHARE_BPS).toEqual({ bronze: 0, silver: 0, gold: 1500, platinum: 1500 });
    expect(tierOpenTo("silver", "entry")).toBe(true);
    expect(tierOpenTo("gold", "entry")).toBe(false);
    expect(tierOpenTo("gold", "mid")).toBe(true);
    expect(tierOpenTo("platinum", "mid")).toBe(false);
    expect(tierOpenTo("platinum", "top")).toBe(true);
  });
});
