/**
 * The score that ranks entries in one contest and rating round. Pure: no I/O, no clock.
 *
 * Two steps, so that one harsh or generous judge does not decide alone:
 *
 * 1. Each rater's stars are put on the panel's scale. A rater's mean and spread are estimated from
 *    their own ratings in the round, pulled toward the panel's (K pseudo-ratings, fading as the rater
 *    covers more of the entries), and each rating becomes `G + S · (stars − mean_r) / spread_r`,
 *    clamped to 1–5 (G, S: the panel's mean and spread). A rater counts with weight
 *    `min(1, spread_r / FULL_SPREAD)`: someone who gave every entry the same stars told us nothing about
 *    which is better, and weighs nothing; someone who rated only a few entries is trusted on the
 *    panel's scale until their own scale shows.
 * 2. A Bayesian average per entry: `(m · G + Σ w·v) / (m + Σ w)`. With few ratings the entry stays
 *    near the contest-wide mean G; it needs about `m` ratings before its own mean outweighs the prior.
 *
 * Every sum is taken over sorted terms, so the result does not depend on the order of the input or on
 * who is called what (permuting raters changes nothing, to the last bit).
 */

export interface RatingInput {
  entryId: string;
  raterId: string;
  /** Whole stars, 1 to 5. */
  stars: number;
}

export interface ScoringOptions {
  /** m: how many ratings' worth of weight the contest-wide mean has in each entry's average. */
  priorWeight?: number;
  /** K: pseudo-ratings pulling a rater's (and the panel's) mean and spread toward the neutral scale. */
  shrink?: number;
  /** A rater whose (shrunk) spread reaches this many stars counts fully. */
  fullSpread?: number;
}

export const DEFAULT_SCORING: Required<ScoringOptions> = { priorWeight: 2, shrink: 3, fullSpread: 0.5 };

/** The neutral scale a lone rating is read on: the middle of 1–5, one star of spread. */
const NEUTRAL_MEAN = 3;
const NEUTRAL_SPREAD = 1;

export interface EntryScore {
  entryId: string;
  /** 1–5, higher is better: the Bayesian average of the normalised ratings. */
  score: number;
  /** The weighted mean of the normalised ratings alone (no prior), or null without ratings. */
  mean: number | null;
  /** How many ratings the score rests on. */
  ratings: number;
  /** The same count in effective weight (raters who do not discriminate weigh less). */
  weight: number;
  /** weight / (weight + m): 0 with no ratings, towards 1 with many. */
  confidence: number;
  /** 1 for the best entry; ties are broken by weight, then count, then entry id (stable). */
  rank: number;
}

export interface RaterProfile {
  raterId: string;
  ratings: number;
  mean: number;
  spread: number;
  weight: number;
}

export interface ContestScores {
  /** Best first. */
  entries: EntryScore[];
  /** G: the contest-wide mean every entry starts from. */
  prior: number;
  /** S: the panel's spread, in stars. */
  spread: number;
  raters: RaterProfile[];
}

/** Sum after sorting: the same multiset of terms always gives the same float. */
export function stableSum(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  let total = 0;
  for (const v of sorted) total += v;
  return total;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The Bayesian average itself: `(m · prior + Σ w·v) / (m + Σ w)`, with its confidence. */
export function bayesianAverage(
  prior: number,
  m: number,
  ratings: { value: number; weight: number }[],
): { score: number; weight: number; confidence: number; mean: number | null } {
  const weight = stableSum(ratings.map((r) => r.weight));
  const total = stableSum(ratings.map((r) => r.weight * r.value));
  return {
    score: clamp((m * prior + total) / (m + weight), 1, 5),
    weight,
    confidence: weight / (weight + m),
    mean: weight > 0 ? total / weight : null,
  };
}

/**
 * Score every entry of one contest and round. `entryIds` are the entries in the running (an entry
 * nobody rated gets the contest-wide mean); ratings of entries not listed are still used to learn
 * each rater's scale, and those entries are scored too.
 */
export function scoreEntries(
  entryIds: readonly string[],
  ratings: readonly RatingInput[],
  options: ScoringOptions = {},
): ContestScores {
  const { priorWeight: m, shrink: K, fullSpread } = { ...DEFAULT_SCORING, ...options };
  const entries = new Set(entryIds);
  const seen = new Set<string>();
  for (const r of ratings) {
    if (!Number.isInteger(r.stars) || r.stars < 1 || r.stars > 5)
      throw new RangeError(`A rating is 1 to 5 whole stars (got ${r.stars})`);
    const key = `${r.entryId}\u0000${r.raterId}`;
    if (seen.has(key)) throw new Error(`Two ratings of one entry by one rater: ${r.entryId}`);
    seen.add(key);
    entries.add(r.entryId);
  }
  const N = entries.size;

  // Each rater's count, sum and sum of squares: integers, exact.
  const byRater = new Map<string, { n: number; sum: number; sumSq: number }>();
  for (const r of ratings) {
    const acc = byRater.get(r.raterId) ?? { n: 0, sum: 0, sumSq: 0 };
    acc.n += 1;
    acc.sum += r.stars;
    acc.sumSq += r.stars * r.stars;
    byRater.set(r.raterId, acc);
  }

  type Rater = { n: number; sum: number; sumSq: number; kappa: number; spread: number; weight: number };
  const raters = new Map<string, Rater>();
  for (const [id, acc] of byRater) {
    const variance = Math.max(0, (acc.n * acc.sumSq - acc.sum * acc.sum) / (acc.n * acc.n));
    // The prior's pull fades as the rater covers the round: none once they rated every entry.
    const kappa = (K * (N - acc.n)) / N;
    const spread = Math.sqrt((acc.n * variance + kappa * NEUTRAL_SPREAD ** 2) / (acc.n + kappa));
    raters.set(id, { ...acc, kappa, spread, weight: Math.min(1, spread / fullSpread) });
  }

  // The panel: weighted mean and spread of the raw stars, pulled toward the neutral scale.
  const list = [...raters.values()];
  const weightedCount = stableSum(list.map((r) => r.weight * r.n));
  const G = (stableSum(list.map((r) => r.weight * r.sum)) + K * NEUTRAL_MEAN) / (weightedCount + K);
  const squares = stableSum(list.map((r) => r.weight * Math.max(0, r.sumSq - 2 * G * r.sum + r.n * G * G)));
  const S = Math.sqrt((squares + K * NEUTRAL_SPREAD ** 2) / (weightedCount + K));

  const normalised = new Map<string, { value: number; weight: number }[]>();
  for (const id of entries) normalised.set(id, []);
  for (const r of ratings) {
    const rater = raters.get(r.raterId)!;
    const mean = (rater.sum + rater.kappa * G) / (rater.n + rater.kappa);
    const value = rater.spread > 0 ? clamp(G + (S * (r.stars - mean)) / rater.spread, 1, 5) : G;
    normalised.get(r.entryId)!.push({ value, weight: rater.weight });
  }

  const scored = [...normalised].map(([entryId, values]) => ({
    entryId,
    ratings: values.length,
    ...bayesianAverage(G, m, values),
  }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.weight - a.weight ||
      b.ratings - a.ratings ||
      (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
  );
  return {
    entries: scored.map((s, i) => ({ ...s, rank: i + 1 })),
    prior: G,
    spread: S,
    raters: [...raters]
      .map(([raterId, r]) => ({
        raterId,
        ratings: r.n,
        mean: r.sum / r.n,
        spread: r.spread,
        weight: r.weight,
      }))
      .sort((a, b) => (a.raterId < b.raterId ? -1 : a.raterId > b.raterId ? 1 : 0)),
  };
}

/**
 * Designers ordered by their best entry's score (ties: the best entry's rank decides), keeping only
 * designers with at least one rated entry among `entryDesigner`'s entries.
 */
export function rankDesignersByBestEntry(
  scores: ContestScores,
  entryDesigner: ReadonlyMap<string, string>,
): string[] {
  const best = new Map<string, number>();
  for (const entry of scores.entries) {
    const designer = entryDesigner.get(entry.entryId);
    if (!designer || entry.ratings === 0 || best.has(designer)) continue;
    best.set(designer, entry.rank);
  }
  return [...best].sort((a, b) => a[1] - b[1]).map(([designer]) => designer);
}
