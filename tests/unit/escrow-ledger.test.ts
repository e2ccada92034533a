import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CURRENCIES,
  MAX_AMOUNT,
  ZERO_TOTALS,
  applyTransfer,
  availableBalance,
  awardProblem,
  canDebit,
  equalAwards,
  isCurrency,
  launchPrice,
  pendingBalance,
  platformFee,
  postedBalance,
  splitEvenly,
  type Currency,
} from "~/modules/escrow/ledger";

const SPLIT_RUNS = 2_000;

describe("the fee policy: 15% of the prize, rounded half up, never under the currency's floor", () => {
  it("charges 15% on ordinary prizes", () => {
    expect(platformFee(299_00, "USD")).toBe(44_85);
    expect(platformFee(1_000_00, "EUR")).toBe(150_00);
    expect(launchPrice(599_00, "USD")).toEqual({ prize: 599_00, fee: 89_85, total: 688_85, currency: "USD" });
  });

  it("rounds half a minor unit up, and anything less down", () => {
    expect(platformFee(1_000_10, "USD")).toBe(150_02); // 15001.5 → 15002
    expect(platformFee(1_000_03, "USD")).toBe(150_00); // 15000.45 → 15000
  });

  it("never charges less than the floor", () => {
    expect(platformFee(100_00, "USD")).toBe(29_00);
    expect(platformFee(100_00, "GBP")).toBe(25_00);
    expect(platformFee(193_33, "USD")).toBe(29_00);
    expect(platformFee(193_34, "USD")).toBe(29_00); // 2900.1 → 2900
    expect(platformFee(193_37, "USD")).toBe(29_01);
  });

  it("refuses what is not a whole amount of minor units", () => {
    expect(() => platformFee(10.5, "USD")).toThrow(RangeError);
    expect(() => platformFee(-1, "USD")).toThrow(RangeError);
    expect(() => platformFee(MAX_AMOUNT + 1, "USD")).toThrow(RangeError);
  });

  it(`is a whole amount, at least the floor and within a unit of 15% (${SPLIT_RUNS} runs)`, () => {
    const currency = fc.constantFrom(...(Object.keys(CURRENCIES) as Currency[]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT }), currency, (prize, cur) => {
        const fee = platformFee(prize, cur);
        expect(Number.isSafeInteger(fee)).toBe(true);
        expect(fee).toBeGreaterThanOrEqual(CURRENCIES[cur].feeFloor);
        if (fee > CURRENCIES[cur].feeFloor)
          expect(Math.abs(fee * 10_000 - prize * 1_500)).toBeLessThanOrEqual(5_000);
      }),
      { numRuns: SPLIT_RUNS },
    );
  });
});

describe("currencies", () => {
  it("know their own names and nothing else", () => {
    expect(isCurrency("USD")).toBe(true);
    expect(isCurrency("CAD")).toBe(true);
    expect(isCurrency("toString")).toBe(false);
  });
});

describe("splitEvenly", () => {
  it("gives the remainder to the first parts, one unit each", () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(101, 3)).toEqual([34, 34, 33]);
    expect(splitEvenly(5, 6)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(splitEvenly(0, 2)).toEqual([0, 0]);
    expect(splitEvenly(999_00, 1)).toEqual([999_00]);
  });

  it("refuses fractions and empty splits", () => {
    expect(() => splitEvenly(10, 0)).toThrow(RangeError);
    expect(() => splitEvenly(10.5, 2)).toThrow(RangeError);
    expect(() => splitEvenly(10, 1.5)).toThrow(RangeError);
  });

  it(`parts add up to the total, differ by at most one, largest first (${SPLIT_RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
      { numRuns: SPLIT_RUNS },
    );
  });
});

describe("awards", () => {
  it("must pay exactly the prize, in positive whole amounts, once per designer", () => {
    expect(awardProblem(100, equalAwards(100, ["a", "b", "c"]))).toBeNull();
    expect(equalAwards(100, ["a", "b", "c"]).map((a) => a.amount)).toEqual([34, 33, 33]);
    expect(awardProblem(100, [])).toBe("no_awards");
    expect(awardProblem(100, [{ designerId: "a", amount: 99 }])).toBe("sum_differs_from_prize");
    expect(
      awardProblem(100, [
        { designerId: "a", amount: 50 },
        { designerId: "a", amount: 50 },
      ]),
    ).toBe("duplicate_designer");
    expect(
      awardProblem(100, [
        { designerId: "a", amount: 100.5 },
        { designerId: "b", amount: -0.5 },
      ]),
    ).toBe("not_an_amount");
    expect(
      awardProblem(100, [
        { designerId: "a", amount: 100 },
        { designerId: "b", amount: 0 },
      ]),
    ).toBe("not_an_amount");
  });
});

describe("balances", () => {
  it("follow two-phase transfers: pending reserves, post moves, void releases", () => {
    let designer = applyTransfer(ZERO_TOTALS, "credit", "single", 500);
    expect(postedBalance(designer)).toBe(500);
    designer = applyTransfer(designer, "debit", "pending", 200);
    expect(availableBalance(designer)).toBe(300);
    expect(pendingBalance(designer)).toBe(-200);
    expect(canDebit(designer, 300)).toBe(true);
    expect(canDebit(designer, 301)).toBe(false);
    const voided = applyTransfer(designer, "debit", "void", 200);
    expect(availableBalance(voided)).toBe(500);
    const posted = applyTransfer(designer, "debit", "post", 200);
    expect(posted).toEqual({ debitsPosted: 200, creditsPosted: 500, debitsPending: 0, creditsPending: 0 });
    expect(availableBalance(posted)).toBe(300);
  });
});
