import {
  type COPY_RULE,
  isCopy,
  scorePair,
  votingDescriptors,
  type ImageFeatures,
  type PairScore,
  type QueryFeatures,
} from "./features";
import { openCv } from "./opencv";
import type { VoteIndex } from "./vote-index";

/** Candidates verified per orientation of the new image (as sent, mirrored). */
export const CANDIDATES = 8;

export interface Verified<M> {
  item: M;
  score: PairScore;
  mirrored: boolean;
  votes: number;
}

/**
 * Every stored image the new one copies: candidates from the vote index (each orientation on its
 * own), their stored features loaded (`load`: the database, or memory in the benchmark), each pair
 * verified. With `all`, every verified candidate is returned with its score (the benchmark chooses
 * the thresholds from them); otherwise only those the rule calls copies.
 */
export async function findCopies<M>(input: {
  query: QueryFeatures;
  index: VoteIndex<M>;
  keep: (item: M) => boolean;
  load: (items: M[]) => Promise<Map<M, ImageFeatures>>;
  rule?: typeof COPY_RULE;
  all?: boolean;
}): Promise<Verified<M>[]> {
  const cv = await openCv();
  const sides = [
    { mirrored: false, features: input.query.plain },
    { mirrored: true, features: input.query.mirrored },
  ];
  const wanted = sides.map((side) => ({
    ...side,
    candidates: input.index.candidates(votingDescriptors(side.features), CANDIDATES, input.keep),
  }));
  const stored = await input.load([...new Set(wanted.flatMap((w) => w.candidates.map((c) => c.item)))]);
  const best = new Map<M, Verified<M>>();
  for (const side of wanted) {
    for (const c of side.candidates) {
      const earlier = stored.get(c.item);
      if (!earlier) continue; // gone since it was indexed (withdrawn, deleted)
      const score = scorePair(cv, side.features, earlier);
      if (!score) continue;
      const previous = best.get(c.item);
      if (!previous || score.coverage > previous.score.coverage) {
        best.set(c.item, { item: c.item, score, mirrored: side.mirrored, votes: c.votes });
      }
    }
  }
  const found = [...best.values()];
  return input.all ? found : found.filter((v) => isCopy(v.score, input.rule));
}
