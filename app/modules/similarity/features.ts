import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { RawPixels } from "../entries/phash";
import { openCv, type Mat, type OpenCv } from "./opencv";

/**
 * What copy detection keeps of an image, and the decision whether one image copies another. See
 * docs/decisions/0040-copy-detection.md.
 *
 * 1. Normalise: grey levels (transparent = white), uniform margins trimmed away (repeatedly, so a
 *    border or a larger canvas around a logo goes), the rest scaled to 256 px on its long side and
 *    padded, so ORB sees the whole design.
 * 2. ORB keypoints (OpenCV): up to 500 binary descriptors with their positions. The strongest
 *    {@link VOTING_DESCRIPTORS} also go into the nearest-neighbour index (see vote-index.ts).
 * 3. Verify a candidate pair: descriptors matched (ratio test), an affine transform found by RANSAC
 *    (a rotation, a scale, a crop, a shift), then the earlier image's edges carried through that
 *    transform onto the new one: a copy keeps nearly all of them (whatever it adds, a tagline or a
 *    border, does not matter), a look-alike on the same template loses its initials' edges.
 * Mirror copies are caught by describing the new image twice, as sent and mirrored.
 */

export const FEATURES_VERSION = 1;
/** The normalised design's long side, and the background added around it (ORB's patch border). */
export const NORMAL_SIDE = 256;
const PAD = 32;
const MAX_KEYPOINTS = 500;
export const VOTING_DESCRIPTORS = 128;
export const DESCRIPTOR_BYTES = 32;

/** Decision thresholds, chosen on one half of the corpus (npm run bench:similarity). */
export const COPY_RULE = { minInliers: 12, minCoverage: 0.8 };

export interface ImageFeatures {
  version: number;
  /** The normalised frame, padding included. */
  width: number;
  height: number;
  grey: Uint8Array;
  /** x, y and orientation (degrees) of each keypoint in the normalised frame, strongest first. */
  points: Float32Array;
  /** DESCRIPTOR_BYTES per keypoint, in the same order. */
  descriptors: Uint8Array;
}

export interface PairScore {
  /** Matches consistent with one affine transform. */
  inliers: number;
  /** Share of the earlier image's edges found again in the new one (0–1), within their overlap. */
  coverage: number;
}

/** Grey levels of an image, transparent pixels read as white (Rec. 601 luma). */
export function lumaPlane({ data, width, height, channels }: RawPixels): Uint8Array {
  if (width < 1 || height < 1 || channels < 1 || channels > 4 || data.length < width * height * channels) {
    throw new RangeError("Pixel buffer is smaller than its stated size");
  }
  const out = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < out.length; p++, i += channels) {
    const luma = channels >= 3 ? (77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]!) >> 8 : data[i]!;
    const alpha = channels === 2 || channels === 4 ? data[i + channels - 1]! : 255;
    out[p] = alpha === 255 ? luma : Math.round((luma * alpha + 255 * (255 - alpha)) / 255);
  }
  return out;
}

interface Plane {
  data: Uint8Array;
  width: number;
  height: number;
}

const MARGIN_LEVELS = 24;

/**
 * The bounding box of what differs from a uniform margin, trimmed again inside it while the new
 * edge is uniform too (a white border around a coloured badge: first the white, then the badge's
 * own flat margin). The box of the design's content; the whole plane when its edge is not uniform.
 */
export function trimMargins(plane: Plane): {
  x: number;
  y: number;
  width: number;
  height: number;
  background: number;
} {
  let box = { x: 0, y: 0, width: plane.width, height: plane.height };
  let background = 255;
  for (let round = 0; round < 4; round++) {
    const edge: number[] = [];
    const at = (x: number, y: number) => plane.data[(box.y + y) * plane.width + box.x + x]!;
    for (let x = 0; x < box.width; x++) edge.push(at(x, 0), at(x, box.height - 1));
    for (let y = 0; y < box.height; y++) edge.push(at(0, y), at(box.width - 1, y));
    edge.sort((a, b) => a - b);
    const level = edge[edge.length >> 1]!;
    const uniform = edge.filter((v) => Math.abs(v - level) <= MARGIN_LEVELS).length >= 0.9 * edge.length;
    if (!uniform) break;
    background = level;
    // A row or column counts as content with a few differing pixels (not one speck of noise).
    const minRow = Math.max(2, Math.round(box.width * 0.004));
    const minCol = Math.max(2, Math.round(box.height * 0.004));
    const rows = new Uint32Array(box.height);
    const cols = new Uint32Array(box.width);
    for (let y = 0; y < box.height; y++) {
      for (let x = 0; x < box.width; x++) {
        if (Math.abs(at(x, y) - level) > MARGIN_LEVELS) {
          rows[y]!++;
          cols[x]!++;
        }
      }
    }
    let top = 0;
    while (top < box.height && rows[top]! < minRow) top++;
    let bottom = box.height - 1;
    while (bottom > top && rows[bottom]! < minRow) bottom--;
    let left = 0;
    while (left < box.width && cols[left]! < minCol) left++;
    let right = box.width - 1;
    while (right > left && cols[right]! < minCol) right--;
    if (top >= box.height || left >= box.width) break; // nothing but margin: keep what we have
    const next = { x: box.x + left, y: box.y + top, width: right - left + 1, height: bottom - top + 1 };
    if (next.width < 8 || next.height < 8) break;
    if (next.width === box.width && next.height === box.height) break;
    // Resampling blends the row where a margin meets what it surrounds: step over it, so the next
    // round sees the inner margin's own edge.
    const inset = next.width > 48 && next.height > 48 ? 2 : 0;
    box = {
      x: next.x + inset,
      y: next.y + inset,
      width: next.width - 2 * inset,
      height: next.height - 2 * inset,
    };
  }
  return { ...box, background };
}

/** Bilinear sample of a plane at (x, y), edges clamped. */
function sample(plane: Plane, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(plane.width - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(plane.height - 1, Math.floor(y)));
  const x1 = Math.min(plane.width - 1, x0 + 1);
  const y1 = Math.min(plane.height - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const d = plane.data;
  const w = plane.width;
  const top = d[y0 * w + x0]! * (1 - fx) + d[y0 * w + x1]! * fx;
  const bottom = d[y1 * w + x0]! * (1 - fx) + d[y1 * w + x1]! * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * The trimmed design at NORMAL_SIDE on its long side (area-averaged when shrinking, bilinear when
 * enlarging), on PAD pixels of its background; mirrored when asked.
 */
export function normalise(image: RawPixels, mirrored = false): Plane {
  const plane = { data: lumaPlane(image), width: image.width, height: image.height };
  const box = trimMargins(plane);
  const scale = NORMAL_SIDE / Math.max(box.width, box.height);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const width = w + 2 * PAD;
  const height = h + 2 * PAD;
  const out = new Uint8Array(width * height).fill(box.background);
  // Area average over the source footprint of each output pixel (a few samples a side).
  const step = 1 / scale;
  const taps = Math.max(1, Math.min(6, Math.ceil(step)));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let j = 0; j < taps; j++) {
        for (let i = 0; i < taps; i++) {
          const sx = box.x + (x + (i + 0.5) / taps) * step - 0.5;
          const sy = box.y + (y + (j + 0.5) / taps) * step - 0.5;
          sum += sample(plane, sx, sy);
        }
      }
      const ox = mirrored ? w - 1 - x : x;
      out[(y + PAD) * width + ox + PAD] = Math.round(sum / (taps * taps));
    }
  }
  return { data: stretch(out), width, height };
}

/**
 * Grey levels stretched so the darkest and lightest percent reach 0 and 255: a pale design gets the
 * contrast ORB's corner test and the edge threshold need (a copy of it is stretched alike).
 */
function stretch(data: Uint8Array): Uint8Array {
  const histogram = new Uint32Array(256);
  for (const v of data) histogram[v]!++;
  const cut = data.length * 0.01;
  let low = 0;
  for (let seen = 0; low < 255 && seen + histogram[low]! <= cut; low++) seen += histogram[low]!;
  let high = 255;
  for (let seen = 0; high > 0 && seen + histogram[high]! <= cut; high--) seen += histogram[high]!;
  if (high - low < 8 || (low === 0 && high === 255)) return data;
  const scale = 255 / (high - low);
  for (let i = 0; i < data.length; i++)
    data[i] = Math.max(0, Math.min(255, Math.round((data[i]! - low) * scale)));
  return data;
}

/** ORB keypoints and descriptors of a normalised plane, strongest first. */
function describePlane(cv: OpenCv, plane: Plane): ImageFeatures {
  const mat = cv.matFromArray(plane.height, plane.width, cv.CV_8UC1, plane.data);
  const mask = new cv.Mat();
  const keypoints = new cv.KeyPointVector();
  const descriptors = new cv.Mat();
  const orb = new cv.ORB(MAX_KEYPOINTS);
  try {
    orb.detectAndCompute(mat, mask, keypoints, descriptors);
    const n = keypoints.size();
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => keypoints.get(b).response - keypoints.get(a).response,
    );
    // OpenCV.js's ORB repeats some keypoints (same place, same descriptor): keep one of each, or
    // the ratio test would find every match ambiguous.
    const seen = new Set<string>();
    const kept: number[] = [];
    for (const from of order) {
      const { pt } = keypoints.get(from);
      const d = descriptors.data.subarray(from * DESCRIPTOR_BYTES, (from + 1) * DESCRIPTOR_BYTES);
      const key = `${Math.round(pt.x)},${Math.round(pt.y)},${Buffer.from(d).toString("hex")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(from);
    }
    const points = new Float32Array(3 * kept.length);
    const bytes = new Uint8Array(DESCRIPTOR_BYTES * kept.length);
    kept.forEach((from, to) => {
      const { pt, angle } = keypoints.get(from);
      points[3 * to] = pt.x;
      points[3 * to + 1] = pt.y;
      points[3 * to + 2] = angle;
      bytes.set(
        descriptors.data.subarray(from * DESCRIPTOR_BYTES, (from + 1) * DESCRIPTOR_BYTES),
        to * DESCRIPTOR_BYTES,
      );
    });
    return {
      version: FEATURES_VERSION,
      width: plane.width,
      height: plane.height,
      grey: plane.data,
      points,
      descriptors: bytes,
    };
  } finally {
    for (const o of [mat, mask, keypoints, descriptors, orb]) o.delete();
  }
}

/** The features an image is stored with. */
export async function describeImage(image: RawPixels): Promise<ImageFeatures> {
  return describePlane(await openCv(), normalise(image));
}

/** A new image as it is compared: as sent, and mirrored. */
export interface QueryFeatures {
  plain: ImageFeatures;
  mirrored: ImageFeatures;
}

export async function describeQuery(image: RawPixels): Promise<QueryFeatures> {
  const cv = await openCv();
  const plain = describePlane(cv, normalise(image));
  const mirrored = describePlane(cv, normalise(image, true));
  return { plain, mirrored };
}

/** Edge pixels (Sobel magnitude over a threshold) of a plane. */
function edgeMap(plane: Plane, level: number): Uint8Array {
  const { data, width: w, height: h } = plane;
  const out = new Uint8Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const gx =
        data[i - w + 1]! +
        2 * data[i + 1]! +
        data[i + w + 1]! -
        data[i - w - 1]! -
        2 * data[i - 1]! -
        data[i + w - 1]!;
      const gy =
        data[i + w - 1]! +
        2 * data[i + w]! +
        data[i + w + 1]! -
        data[i - w - 1]! -
        2 * data[i - w]! -
        data[i - w + 1]!;
      if (Math.abs(gx) + Math.abs(gy) > level) out[i] = 1;
    }
  }
  return out;
}
const EDGE_LEVEL = 160;
const FAINT_EDGE_LEVEL = 80;
/** How far (px) an edge may land from its counterpart: resampling, rotation and JPEG move them. */
const GROW = 2;

/** The edge map grown by `radius` pixels (a square neighbourhood). */
function dilate(edges: Uint8Array, w: number, h: number, radius: number): Uint8Array {
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!edges[y * w + x]) continue;
      for (let dx = Math.max(0, x - radius); dx <= Math.min(w - 1, x + radius); dx++) across[y * w + dx] = 1;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!across[y * w + x]) continue;
      for (let dy = Math.max(0, y - radius); dy <= Math.min(h - 1, y + radius); dy++) out[dy * w + x] = 1;
    }
  }
  return out;
}

const edgeCache = new WeakMap<ImageFeatures, { edges: Uint8Array; grown: Uint8Array }>();
function edgesOf(f: ImageFeatures) {
  let e = edgeCache.get(f);
  if (!e) {
    const plane = { data: f.grey, width: f.width, height: f.height };
    // The earlier image's clear edges are looked for among the later one's faint ones too: a
    // rescaled or recompressed copy blurs what it copies.
    e = {
      edges: edgeMap(plane, EDGE_LEVEL),
      grown: dilate(edgeMap(plane, FAINT_EDGE_LEVEL), f.width, f.height, GROW),
    };
    edgeCache.set(f, e);
  }
  return e;
}

const RATIO = 0.8;
/** Bits (of 256) two descriptors of one point may differ by. */
const MAX_DISTANCE = 64;
/** Degrees two keypoints of one point may differ by in orientation (a copy turns ≤ 5°; ORB's angle is noisy). */
const MAX_TURN = 20;

/**
 * How well `earlier` is found in `later`: RANSAC inliers of the descriptor matches and the share of
 * the earlier image's edges that land on the later one's. Null when no plausible transform exists
 * (too few matches, a reflection, a squash or a scale no copy has).
 */
export function scorePair(cv: OpenCv, later: ImageFeatures, earlier: ImageFeatures): PairScore | null {
  const nl = later.points.length / 3;
  const ne = earlier.points.length / 3;
  if (nl < 4 || ne < 4) return null;
  const query = cv.matFromArray(nl, DESCRIPTOR_BYTES, cv.CV_8UC1, later.descriptors);
  const train = cv.matFromArray(ne, DESCRIPTOR_BYTES, cv.CV_8UC1, earlier.descriptors);
  const matcher = new cv.BFMatcher(cv.NORM_HAMMING, false);
  const knn = new cv.DMatchVectorVector();
  const from: number[] = [];
  const to: number[] = [];
  try {
    matcher.knnMatch(query, train, knn, 2);
    for (let i = 0; i < knn.size(); i++) {
      const pair = knn.get(i);
      if (pair.size() < 1) continue;
      // Symmetric designs repeat a corner or a letter: when the two nearest are alike, both go to
      // RANSAC, which keeps the one that fits the transform (a ratio test would drop them all).
      const best = pair.get(0);
      const ambiguous = pair.size() > 1 && best.distance >= RATIO * pair.get(1).distance;
      for (const m of ambiguous ? [best, pair.get(1)] : [best]) {
        if (m.distance > MAX_DISTANCE) continue;
        // A copy turns a design by a few degrees at most: a match whose keypoints point other ways
        // pairs two look-alike corners of a symmetric shape.
        const turn = Math.abs(earlier.points[3 * m.trainIdx + 2]! - later.points[3 * m.queryIdx + 2]!) % 360;
        if (Math.min(turn, 360 - turn) > MAX_TURN) continue;
        from.push(earlier.points[3 * m.trainIdx]!, earlier.points[3 * m.trainIdx + 1]!);
        to.push(later.points[3 * m.queryIdx]!, later.points[3 * m.queryIdx + 1]!);
      }
    }
  } finally {
    for (const o of [query, train, matcher, knn]) o.delete();
  }
  const n = from.length / 2;
  if (n < 6) return null;
  const src = cv.matFromArray(n, 1, cv.CV_32FC2, from);
  const dst = cv.matFromArray(n, 1, cv.CV_32FC2, to);
  const mask = new cv.Mat();
  let m: Mat | undefined;
  let inliers = 0;
  let affine: number[];
  try {
    m = cv.estimateAffine2D(src, dst, mask, cv.RANSAC, 4, 2000, 0.995, 10);
    if (m.rows !== 2 || m.cols !== 3) return null;
    affine = Array.from(m.data64F);
    for (let i = 0; i < n; i++) inliers += mask.data[i] ? 1 : 0;
  } finally {
    for (const o of [src, dst, mask, m]) o?.delete();
  }
  const [a, b, c, d, e, f] = affine as [number, number, number, number, number, number];
  const det = a * e - b * d;
  const sx = Math.hypot(a, d);
  const sy = Math.hypot(b, e);
  if (det <= 0 || sx < 0.35 || sx > 3 || sy / sx < 0.75 || sy / sx > 1.33) return null;
  return { inliers, coverage: edgeCoverage(earlier, later, [a, b, c, d, e, f]) };
}

/**
 * Share of the earlier image's edge pixels that fall on (next to) an edge of the later image once
 * carried through the transform, counting only those that land inside the later design's content
 * (a crop removes some; they are not evidence either way). The worst cell of a CELL-pixel grid
 * counts, not the average: a look-alike on the same template matches everywhere but where its
 * initials differ, a copy matches everywhere (what it adds, a tagline, is not in the earlier image).
 */
const CELL = 48;
const CELL_MIN_EDGES = 60;
function edgeCoverage(earlier: ImageFeatures, later: ImageFeatures, [a, b, c, d, e, f]: number[]): number {
  const { edges } = edgesOf(earlier);
  const { grown } = edgesOf(later);
  const w = earlier.width;
  const cols = Math.ceil(w / CELL);
  const cells = Math.ceil(earlier.height / CELL) * cols;
  const inside = new Uint32Array(cells);
  const found = new Uint32Array(cells);
  for (let i = 0; i < edges.length; i++) {
    if (!edges[i]) continue;
    const x = i % w;
    const y = (i - x) / w;
    const lx = Math.round(a! * x + b! * y + c!);
    const ly = Math.round(d! * x + e! * y + f!);
    if (lx < PAD || ly < PAD || lx >= later.width - PAD || ly >= later.height - PAD) continue;
    const cell = Math.floor(y / CELL) * cols + Math.floor(x / CELL);
    inside[cell]!++;
    if (grown[ly * later.width + lx]) found[cell]!++;
  }
  let worst = 1;
  let counted = 0;
  for (let cell = 0; cell < cells; cell++) {
    if (inside[cell]! < CELL_MIN_EDGES) continue;
    counted++;
    worst = Math.min(worst, found[cell]! / inside[cell]!);
  }
  return counted === 0 ? 0 : worst;
}

export function isCopy(score: PairScore | null, rule = COPY_RULE): boolean {
  return score !== null && score.inliers >= rule.minInliers && score.coverage >= rule.minCoverage;
}

/** The best score of a new image (either orientation) against an earlier one. */
export function scoreQuery(
  cv: OpenCv,
  query: QueryFeatures,
  earlier: ImageFeatures,
  orientation?: "plain" | "mirrored",
) {
  const sides = orientation ? [orientation] : (["plain", "mirrored"] as const);
  let best: (PairScore & { mirrored: boolean }) | null = null;
  for (const side of sides) {
    const s = scorePair(cv, query[side], earlier);
    if (s && (!best || rank(s) > rank(best))) best = { ...s, mirrored: side === "mirrored" };
  }
  return best;
}
const rank = (s: PairScore) => s.coverage * 1000 + s.inliers;

/** Stored form: a versioned, compact byte string (the grey plane deflated). */
export function encodeFeatures(f: ImageFeatures): Buffer {
  const grey = deflateRawSync(f.grey);
  const n = f.points.length / 3;
  const head = Buffer.alloc(16);
  head.writeUInt16LE(f.version, 0);
  head.writeUInt16LE(f.width, 2);
  head.writeUInt16LE(f.height, 4);
  head.writeUInt16LE(n, 6);
  head.writeUInt32LE(grey.length, 8);
  return Buffer.concat([
    head,
    Buffer.from(f.points.buffer, f.points.byteOffset, f.points.byteLength),
    Buffer.from(f.descriptors.buffer, f.descriptors.byteOffset, f.descriptors.byteLength),
    grey,
  ]);
}

export function decodeFeatures(bytes: Buffer): ImageFeatures {
  const version = bytes.readUInt16LE(0);
  const width = bytes.readUInt16LE(2);
  const height = bytes.readUInt16LE(4);
  const n = bytes.readUInt16LE(6);
  const greyBytes = bytes.readUInt32LE(8);
  let at = 16;
  const points = new Float32Array(3 * n);
  Buffer.from(points.buffer).set(bytes.subarray(at, at + 12 * n));
  at += 12 * n;
  const descriptors = new Uint8Array(bytes.subarray(at, at + DESCRIPTOR_BYTES * n));
  at += DESCRIPTOR_BYTES * n;
  const grey = new Uint8Array(inflateRawSync(bytes.subarray(at, at + greyBytes)));
  return { version, width, height, grey, points, descriptors };
}

/** The strongest descriptors, the ones the index holds. */
export function votingDescriptors(f: ImageFeatures): Uint8Array {
  return f.descriptors.subarray(0, Math.min(f.descriptors.length, VOTING_DESCRIPTORS * DESCRIPTOR_BYTES));
}
