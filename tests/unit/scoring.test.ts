import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bayesianAverage,
  rankDesignersByBestEntry,
  scoreEntries,
  type RatingInput,
} from "~/modules/judging/scoring";

/** Ratings from a table: one row per rater, one column per entry, 0 = not rated. */
function table(entries: string[], rows: Record<string, number[]>): RatingInput[] {
  return Object.entries(rows).flatMap(([raterId, stars]) =>
    stars.flatMap((s, i) => (s ? [{ entryId: entries[i]!, raterId, stars: s }] : [])),
  );
}
const order = (entryIds: string[], ratings: RatingInput[]) =>
  scoreEntries(entryIds, ratings).entries.map((e) => e.entryId);
const plainAverage = (ratings: RatingInput[], entryId: string) => {
  const stars = ratings.filter((r) => r.entryId === entryId).map((r) => r.stars);
  return stars.reduce((a, b) => a + b, 0) / stars.length;
};
const byId = (entryIds: string[], ratings: RatingInput[]) =>
  new Map(scoreEntries(entryIds, ratings).entries.map((e) => [e.entryId, e]));

// A contest: 2–10 entries, 1–6 raters, each rater rating any subset of the entries.
const contestArb = fc
  .record({ entries: fc.integer({ min: 2, max: 10 }), raters: fc.integer({ min: 1, max: 6 }) })
  .chain(({ entries, raters }) =>
    fc
      .array(
        fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: 0, freq: 3 }), {
          minLength: entries,
          maxLength: entries,
        }),
        { minLength: raters, maxLength: raters },
      )
      .map((matrix) => {
        const entryIds = Array.from({ length: entries }, (_, i) => `e${i}`);
        const rows = Object.fromEntries(matrix.map((row, r) => [`r${r}`, row]));
        return { entryIds, ratings: table(entryIds, rows) };
      }),
  );

describe("the score (unit)", () => {
  it("starts an entry nobody rated at the contest-wide mean, with no confidence", () => {
    const entries = ["a", "b", "c"];
    const scores = byId(entries, table(entries, { client: [5, 2, 0] }));
    const c = scores.get("c")!;
    expect(c.ratings).toBe(0);
    expect(c.confidence).toBe(0);
    expect(c.mean).toBeNull();
    expect(c.score).toBe(scoreEntries(entries, table(entries, { client: [5, 2, 0] })).prior);
  });

  it("lifts an entry above the unrated ones with the client's first five stars", () => {
    const entries = ["a", "b", "c", "d"];
    const result = scoreEntries(entries, table(entries, { client: [0, 5, 0, 0] }));
    expect(result.entries[0]!.entryId).toBe("b");
    expect(result.entries[0]!.score).toBeGreaterThan(result.prior);
    expect(result.entries[0]!.ratings).toBe(1);
  });

  it("keeps two five-star ratings from the same client on top rather than forgetting them", () => {
    const entries = ["a", "b", "c", "d", "e"];
    const top = order(entries, table(entries, { client: [5, 0, 5, 0, 0] }));
    expect(top.slice(0, 2).sort()).toEqual(["a", "c"]);
  });

  it("reads a harsh judge's top mark as a top mark", () => {
    const entries = ["e0", "e1", "e2", "e3", "e4", "e5"];
    // The harsh judge never gives more than three stars; they put e0 and e1 at their top, and skipped e2.
    const ratings = table(entries, {
      client: [5, 4, 4, 3, 2, 1],
      judge: [5, 4, 4, 3, 2, 1],
      harsh: [3, 3, 0, 1, 1, 1],
    });
    // A plain average sinks e1 below e2 only because the harsh judge looked at it.
    expect(plainAverage(ratings, "e1")).toBeLessThan(plainAverage(ratings, "e2"));
    const ranked = order(entries, ratings);
    expect(ranked[0]).toBe("e0");
    expect(ranked.indexOf("e1")).toBeLessThan(ranked.indexOf("e2"));
  });

  it("does not let one generous judge's lone five decide alone", () => {
    const entries = ["fav", "x", "c", "d", "e"];
    // The panel's favourite is fav; the generous judge gives 4s and 5s and alone rated x.
    const ratings = table(entries, {
      client: [5, 0, 3, 2, 1],
      judge: [5, 0, 4, 2, 1],
      generous: [4, 5, 4, 4, 4],
    });
    expect(plainAverage(ratings, "x")).toBeGreaterThan(plainAverage(ratings, "fav"));
    const ranked = order(entries, ratings);
    expect(ranked[0]).toBe("fav");
    expect(ranked.indexOf("x")).toBeGreaterThan(0);
  });

  it("needs several ratings before a high mean outranks a well-established one", () => {
    const entries = ["lucky", "solid", "x", "y", "z"];
    const ratings = table(entries, {
      r1: [5, 5, 3, 2, 1],
      r2: [0, 5, 3, 2, 1],
      r3: [0, 4, 3, 2, 2],
      r4: [0, 5, 2, 3, 1],
    });
    const scores = byId(entries, ratings);
    expect(scores.get("solid")!.score).toBeGreaterThan(scores.get("lucky")!.score);
    expect(scores.get("lucky")!.mean!).toBeGreaterThan(scores.get("solid")!.mean! - 0.5);
    expect(scores.get("solid")!.confidence).toBeGreaterThan(scores.get("lucky")!.confidence);
  });

  it("gives no weight to a rater who gave every entry the same stars", () => {
    const entries = ["a", "b", "c"];
    const result = scoreEntries(entries, table(entries, { client: [5, 3, 1], flat: [4, 4, 4] }));
    expect(result.raters.find((r) => r.raterId === "flat")!.weight).toBe(0);
    expect(result.raters.find((r) => r.raterId === "client")!.weight).toBe(1);
  });

  it("refuses stars outside 1–5 and two ratings of one entry by one rater", () => {
    expect(() => scoreEntries(["a"], [{ entryId: "a", raterId: "r", stars: 6 }])).toThrow(RangeError);
    expect(() => scoreEntries(["a"], [{ entryId: "a", raterId: "r", stars: 2.5 }])).toThrow(RangeError);
    expect(() =>
      scoreEntries(
        ["a"],
        [
          { entryId: "a", raterId: "r", stars: 2 },
          { entryId: "a", raterId: "r", stars: 3 },
        ],
      ),
    ).toThrow(/Two ratings/);
  });

  it("ranks designers by their best entry, leaving out designers nobody rated", () => {
    const entries = ["a1", "a2", "b1", "c1", "d1"];
    const designers = new Map([
      ["a1", "ana"],
      ["a2", "ana"],
      ["b1", "ben"],
      ["c1", "chloe"],
      ["d1", "dev"],
    ]);
    const scores = scoreEntries(entries, table(entries, { client: [2, 5, 4, 1, 0], j: [1, 5, 4, 2, 0] }));
    expect(rankDesignersByBestEntry(scores, designers)).toEqual(["ana", "ben", "chloe"]);
  });
});

describe("the score (properties)", () => {
  it("adding a judge who rates everything 1 does not change the order (nor any score)", () => {
    fc.assert(
      fc.property(contestArb, fc.integer({ min: 1, max: 5 }), ({ entryIds, ratings }, stars) => {
        const before = scoreEntries(entryIds, ratings).entries;
        const harsh = entryIds.map((entryId) => ({ entryId, raterId: "the-harsh-judge", stars }));
        const after = scoreEntries(entryIds, [...ratings, ...harsh]).entries;
        expect(after.map((e) => e.entryId)).toEqual(before.map((e) => e.entryId));
        expect(after.map((e) => e.score)).toEqual(before.map((e) => e.score));
      }),
      { numRuns: 300 },
    );
  });

  it("more equal ratings raise confidence, not the score: ratings that agree with the score leave it where it is", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.array(
          fc.record({
            value: fc.double({ min: 1, max: 5, noNaN: true }),
            weight: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 20 },
        ),
        fc.integer({ min: 1, max: 20 }),
        (prior, m, ratings, more) => {
          const before = bayesianAverage(prior, m, ratings);
          const agreeing = Array.from({ length: more }, () => ({ value: before.score, weight: 1 }));
          const after = bayesianAverage(prior, m, [...ratings, ...agreeing]);
          expect(after.score).toBeCloseTo(before.score, 9);
          expect(after.confidence).toBeGreaterThan(before.confidence);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("more equal ratings raise confidence, not the score: a larger panel rating alike raises confidence and never pushes a score past its ratings' mean", () => {
    fc.assert(
      fc.property(contestArb, fc.integer({ min: 2, max: 4 }), ({ entryIds, ratings }, copies) => {
        const one = byId(entryIds, ratings);
        const cloned = ratings.flatMap((r) =>
          Array.from({ length: copies }, (_, c) => ({ ...r, raterId: `${r.raterId}#${c}` })),
        );
        const result = scoreEntries(entryIds, cloned);
        for (const entry of result.entries) {
          const single = one.get(entry.entryId)!;
          if (single.weight > 0) expect(entry.confidence).toBeGreaterThan(single.confidence);
          if (entry.mean === null) continue;
          const lo = Math.min(result.prior, entry.mean) - 1e-9;
          const hi = Math.max(result.prior, entry.mean) + 1e-9;
          expect(entry.score).toBeGreaterThanOrEqual(lo);
          expect(entry.score).toBeLessThanOrEqual(hi);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("scores stay within 1–5 (and so do the prior and every normalised mean)", () => {
    fc.assert(
      fc.property(contestArb, ({ entryIds, ratings }) => {
        const result = scoreEntries(entryIds, ratings);
        expect(result.prior).toBeGreaterThanOrEqual(1);
        expect(result.prior).toBeLessThanOrEqual(5);
        for (const e of result.entries) {
          expect(e.score).toBeGreaterThanOrEqual(1);
          expect(e.score).toBeLessThanOrEqual(5);
          if (e.mean !== null) expect(e.mean).toBeGreaterThanOrEqual(1 - 1e-9);
          if (e.mean !== null) expect(e.mean).toBeLessThanOrEqual(5 + 1e-9);
          expect(e.confidence).toBeGreaterThanOrEqual(0);
          expect(e.confidence).toBeLessThan(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("permuting raters changes nothing (their order in the input, and who is called what)", () => {
    fc.assert(
      fc.property(
        contestArb.chain((c) =>
          fc.record({
            contest: fc.constant(c),
            shuffled: fc.shuffledSubarray(c.ratings, { minLength: c.ratings.length }),
            names: fc.shuffledSubarray(["r0", "r1", "r2", "r3", "r4", "r5"], { minLength: 6 }),
          }),
        ),
        ({ contest, shuffled, names }) => {
          const before = scoreEntries(contest.entryIds, contest.ratings).entries;
          const renamed = shuffled.map((r) => ({ ...r, raterId: names[Number(r.raterId.slice(1))]! }));
          const after = scoreEntries(contest.entryIds, renamed).entries;
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
