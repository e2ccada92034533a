import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEVEL_RULES, LEVELS, levelOf, nextLevel, type CategoryRecord } from "~/modules/people/levels";
import { median, medianReply, replyWithin, RESPONSE_MIN_SAMPLES } from "~/modules/people/record";
import { stillEditable, REVIEW_EDIT_DAYS } from "~/modules/people/reviews";
import { DAY, HOUR, MINUTE } from "~/utils/durations";

const rank = (r: CategoryRecord) => LEVELS.indexOf(levelOf(r));

/** A record: wins, and reviews given as a list of stars. */
const record = fc
  .record({ wins: fc.nat(20), stars: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }) })
  .map(({ wins, stars }) => ({
    wins,
    reviews: stars.length,
    stars: stars.reduce((a, b) => a + b, 0),
    list: stars,
  }));

describe("designer levels", () => {
  it("follow the documented thresholds", () => {
    expect(LEVEL_RULES).toEqual({
      mid: { wins: 2, reviews: 0, minAverageTenths: 35 },
      top: { wins: 6, reviews: 3, minAverageTenths: 45 },
    });
    expect(levelOf({ wins: 0, reviews: 0, stars: 0 })).toBe("entry");
    expect(levelOf({ wins: 1, reviews: 1, stars: 5 })).toBe("entry");
    expect(levelOf({ wins: 2, reviews: 0, stars: 0 })).toBe("mid");
    expect(levelOf({ wins: 2, reviews: 2, stars: 7 })).toBe("mid"); // 3.5 exactly
    expect(levelOf({ wins: 2, reviews: 3, stars: 10 })).toBe("entry"); // 3.33
    expect(levelOf({ wins: 6, reviews: 2, stars: 10 })).toBe("mid"); // too few reviews for top
    expect(levelOf({ wins: 6, reviews: 4, stars: 18 })).toBe("top"); // 4.5 exactly
    expect(levelOf({ wins: 6, reviews: 3, stars: 13 })).toBe("mid"); // 4.33
  });

  it("never go down with one more win", () => {
    fc.assert(
      fc.property(record, (r) => rank({ ...r, wins: r.wins + 1 }) >= rank(r)),
      { numRuns: 500 },
    );
  });

  it("never go down when a review's stars go up, or with one more five-star review", () => {
    fc.assert(
      fc.property(record, fc.nat(11), (r, i) => {
        const better = i < r.list.length && r.list[i]! < 5 ? { ...r, stars: r.stars + 1 } : r;
        const more = { ...r, reviews: r.reviews + 1, stars: r.stars + 5 };
        return rank(better) >= rank(r) && rank(more) >= rank(r);
      }),
      { numRuns: 500 },
    );
  });

  it("say what the next level needs, and reaching it gives that level", () => {
    fc.assert(
      fc.property(record, (r) => {
        const next = nextLevel(r);
        if (levelOf(r) === "top") return next === null;
        if (!next) return false;
        if (next.averageTenths !== null) return true; // stars must go up: not a count to add
        const reached = {
          wins: r.wins + next.wins,
          reviews: r.reviews + next.reviews,
          stars: r.stars + 5 * next.reviews,
        };
        return levelOf(reached) === next.level || rank(reached) > LEVELS.indexOf(next.level);
      }),
      { numRuns: 500 },
    );
    expect(nextLevel({ wins: 2, reviews: 1, stars: 5 })).toEqual({
      level: "top",
      wins: 4,
      reviews: 2,
      averageTenths: null,
    });
    expect(nextLevel({ wins: 3, reviews: 2, stars: 5 })).toEqual({
      level: "mid",
      wins: 0,
      reviews: 0,
      averageTenths: 35,
    });
  });
});

describe("the record's figures", () => {
  it("takes the median of an odd and an even count, and none of nothing", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianReply(Array.from({ length: RESPONSE_MIN_SAMPLES - 1 }, () => HOUR))).toBeNull();
    expect(medianReply([HOUR, 3 * HOUR, 2 * HOUR])).toBe(2 * HOUR);
  });

  it("says a reply time as people do, rounded up", () => {
    expect(replyWithin(10 * 1000)).toEqual({ unit: "minutes", n: 1 });
    expect(replyWithin(59 * MINUTE)).toEqual({ unit: "minutes", n: 59 });
    expect(replyWithin(61 * MINUTE)).toEqual({ unit: "hours", n: 2 });
    expect(replyWithin(47 * HOUR)).toEqual({ unit: "hours", n: 47 });
    expect(replyWithin(50 * HOUR)).toEqual({ unit: "days", n: 3 });
  });

  it("keeps a review editable for 14 days, not a moment more", () => {
    expect(REVIEW_EDIT_DAYS).toBe(14);
    expect(stillEditable(0, 14 * DAY - 1)).toBe(true);
    expect(stillEditable(0, 14 * DAY)).toBe(false);
  });
});
