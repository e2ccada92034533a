import { DESCRIPTOR_BYTES } from "./features";

/**
 * The candidate stage: locality-sensitive hashing over ORB's 256-bit descriptors. Each of TABLES
 * tables keys a descriptor by KEY_BITS of its bits (fixed positions, drawn once from a seed), so two
 * descriptors of the same image point, a few bits apart, share a key in at least one table with
 * good odds, and unrelated ones rarely do. A new image's descriptors look up their buckets and vote
 * for the images found there; the most-voted images are the candidates that verification looks at.
 * Work per query is the size of the buckets touched, not the number of stored images; buckets that
 * every image shares (flat backgrounds, plain strokes) are skipped as stop words.
 * Pure and in memory: the database is the truth, this is rebuilt from it (see index.server.ts).
 */

const TABLES = 8;
const KEY_BITS = 16;
/** A bucket holding more than this share of all stored descriptors says nothing about any image. */
const STOP_SHARE = 0.002;
const STOP_MIN = 64;

/** Bit positions of each table, from a fixed seed (every process draws the same). */
const POSITIONS: number[][] = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return Array.from({ length: TABLES }, () => {
    const bits = Array.from({ length: DESCRIPTOR_BYTES * 8 }, (_, i) => i);
    for (let i = bits.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [bits[i], bits[j]] = [bits[j]!, bits[i]!];
    }
    return bits.slice(0, KEY_BITS);
  });
})();

function keyOf(descriptors: Uint8Array, d: number, table: number): number {
  let key = 0;
  const base = d * DESCRIPTOR_BYTES;
  for (const bit of POSITIONS[table]!)
    key = (key << 1) | ((descriptors[base + (bit >> 3)]! >> (bit & 7)) & 1);
  return key;
}

export interface Candidate<M> {
  item: M;
  votes: number;
}

export class VoteIndex<M> {
  readonly #tables: (number[] | undefined)[][] = Array.from(
    { length: TABLES },
    () => new Array(1 << KEY_BITS),
  );
  readonly #items: M[] = [];
  #descriptors = 0;

  get size(): number {
    return this.#items.length;
  }

  add(item: M, descriptors: Uint8Array): void {
    const slot = this.#items.push(item) - 1;
    const n = descriptors.length / DESCRIPTOR_BYTES;
    for (let d = 0; d < n; d++) {
      for (let t = 0; t < TABLES; t++) {
        const table = this.#tables[t]!;
        const key = keyOf(descriptors, d, t);
        const bucket = (table[key] ??= []);
        if (bucket[bucket.length - 1] !== slot) bucket.push(slot);
      }
    }
    this.#descriptors += n;
  }

  /**
   * The `limit` stored items with the most votes from these descriptors (at least `minVotes`),
   * among those `keep` accepts (e.g. not the uploader's own work).
   */
  candidates(
    descriptors: Uint8Array,
    limit: number,
    keep: (item: M) => boolean,
    minVotes = 2,
  ): Candidate<M>[] {
    const stop = Math.max(STOP_MIN, this.#descriptors * STOP_SHARE);
    const votes = new Map<number, number>();
    const n = descriptors.length / DESCRIPTOR_BYTES;
    for (let d = 0; d < n; d++) {
      // One vote per image per query descriptor, however many tables agree.
      const seen = new Set<number>();
      for (let t = 0; t < TABLES; t++) {
        const bucket = this.#tables[t]![keyOf(descriptors, d, t)];
        if (!bucket || bucket.length > stop) continue;
        for (const slot of bucket) seen.add(slot);
      }
      for (const slot of seen) votes.set(slot, (votes.get(slot) ?? 0) + 1);
    }
    const ranked: Candidate<M>[] = [];
    for (const [slot, v] of votes) {
      if (v >= minVotes && keep(this.#items[slot]!)) ranked.push({ item: this.#items[slot]!, votes: v });
    }
    ranked.sort((a, b) => b.votes - a.votes);
    return ranked.slice(0, limit);
  }
}
