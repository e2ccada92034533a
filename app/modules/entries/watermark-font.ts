/**
 * A single-stroke font for the watermark, shipped with the code so the watermark looks the same on
 * every machine (no system fonts, no font files, no SVG `<text>`). Each glyph is SVG path data made
 * only of absolute M (move) and L (line) commands on a grid where capitals are 8 units tall
 * (y = 0 is the top, y = 8 the baseline); `width` is the glyph's width in the same units. The
 * watermark strokes these centre lines with round ends, like an engraving font.
 */
export interface StrokeGlyph {
  width: number;
  path: string;
}

export const CAP_HEIGHT_UNITS = 8;
/** Space between two glyphs, in font units. */
export const LETTER_SPACING_UNITS = 1.8;
/** Stroke thickness, in font units. */
export const STROKE_UNITS = 1;

const O = "M1 0L3 0L4 1L4 7L3 8L1 8L0 7L0 1L1 0";

export const WATERMARK_FONT: Record<string, StrokeGlyph> = {
  A: { width: 4.4, path: "M0 8L2.2 0L4.4 8M0.8 5.2L3.6 5.2" },
  B: { width: 4, path: "M0 8L0 0L2.8 0L3.6 0.8L3.6 2.8L2.8 3.6L0 3.6M2.8 3.6L4 4.6L4 7L3 8L0 8" },
  C: { width: 4, path: "M4 1L3 0L1 0L0 1L0 7L1 8L3 8L4 7" },
  D: { width: 4, path: "M0 0L0 8L2.5 8L4 6.5L4 1.5L2.5 0L0 0" },
  E: { width: 3.6, path: "M3.6 0L0 0L0 8L3.6 8M0 4L2.8 4" },
  F: { width: 3.6, path: "M3.6 0L0 0L0 8M0 4L2.8 4" },
  G: { width: 4, path: "M4 1L3 0L1 0L0 1L0 7L1 8L3 8L4 7L4 4.6L2.2 4.6" },
  H: { width: 4, path: "M0 0L0 8M4 0L4 8M0 4L4 4" },
  I: { width: 2.4, path: "M0 0L2.4 0M1.2 0L1.2 8M0 8L2.4 8" },
  J: { width: 4, path: "M4 0L4 7L3 8L1 8L0 7L0 6" },
  K: { width: 4, path: "M0 0L0 8M4 0L0 5M1.5 3.6L4 8" },
  L: { width: 3.6, path: "M0 0L0 8L3.6 8" },
  M: { width: 5, path: "M0 8L0 0L2.5 5L5 0L5 8" },
  N: { width: 4, path: "M0 8L0 0L4 8L4 0" },
  O: { width: 4, path: O },
  P: { width: 4, path: "M0 8L0 0L3 0L4 1L4 3L3 4L0 4" },
  Q: { width: 4, path: `${O}M2.4 5.8L4.4 8.4` },
  R: { width: 4, path: "M0 8L0 0L3 0L4 1L4 3L3 4L0 4M2 4L4 8" },
  S: { width: 4, path: "M4 1L3 0L1 0L0 1L0 3L1 4L3 4L4 5L4 7L3 8L1 8L0 7" },
  T: { width: 4.4, path: "M0 0L4.4 0M2.2 0L2.2 8" },
  U: { width: 4, path: "M0 0L0 7L1 8L3 8L4 7L4 0" },
  V: { width: 4.4, path: "M0 0L2.2 8L4.4 0" },
  W: { width: 5.6, path: "M0 0L1.3 8L2.8 2.6L4.3 8L5.6 0" },
  X: { width: 4.4, path: "M0 0L4.4 8M4.4 0L0 8" },
  Y: { width: 4.4, path: "M0 0L2.2 4L4.4 0M2.2 4L2.2 8" },
  Z: { width: 4, path: "M0 0L4 0L0 8L4 8" },
  "0": { width: 4, path: `${O}M3.5 1L0.5 7` },
  "1": { width: 3, path: "M0 1.6L1.8 0L1.8 8M0 8L3 8" },
  "2": { width: 4, path: "M0 1L1 0L3 0L4 1L4 3L0 8L4 8" },
  "3": { width: 4, path: "M0 1L1 0L3 0L4 1L4 3L3 4L1.6 4M3 4L4 5L4 7L3 8L1 8L0 7" },
  "4": { width: 4, path: "M3 8L3 0L0 5.4L4 5.4" },
  "5": { width: 4, path: "M4 0L0.4 0L0 3.6L3 3.6L4 4.6L4 7L3 8L1 8L0 7" },
  "6": { width: 4, path: "M3.6 0L1.6 0L0 1.6L0 7L1 8L3 8L4 7L4 5L3 4L0 4" },
  "7": { width: 4, path: "M0 0L4 0L1.4 8" },
  "8": { width: 4, path: "M1 4L0 3L0 1L1 0L3 0L4 1L4 3L3 4L1 4L0 5L0 7L1 8L3 8L4 7L4 5L3 4" },
  "9": { width: 4, path: "M4 4L1 4L0 3L0 1L1 0L3 0L4 1L4 6.4L2.4 8L0.4 8" },
  " ": { width: 2.4, path: "" },
  "·": { width: 0.4, path: "M0 4L0.4 4" },
  ".": { width: 0.4, path: "M0 7.8L0.4 7.8" },
  ",": { width: 0.8, path: "M0.8 7.6L0 9.2" },
  ":": { width: 0.4, path: "M0 2.6L0.4 2.6M0 7.8L0.4 7.8" },
  "'": { width: 0.4, path: "M0.2 0L0.2 2" },
  "!": { width: 0.4, path: "M0.2 0L0.2 5.4M0.2 7.8L0.2 8" },
  "?": { width: 4, path: "M0 1L1 0L3 0L4 1L4 2.6L2 4.4L2 5.4M2 7.8L2 8" },
  "-": { width: 3, path: "M0 4.4L3 4.4" },
  "+": { width: 4, path: "M0 4.4L4 4.4M2 2.4L2 6.4" },
  "/": { width: 3.2, path: "M0 8.4L3.2 -0.4" },
  "&": { width: 4.4, path: "M4.4 8L1 2.4L1.2 0.8L2 0L2.8 0.6L2.8 1.8L0 5.4L0 7L1 8L2.6 8L4.4 5.4" },
  "#": { width: 4.4, path: "M1.4 0.6L0.8 7.4M3.6 0.6L3 7.4M0 2.8L4.4 2.8M0 5.2L4.4 5.2" },
  "(": { width: 1.6, path: "M1.6 -0.4L0 1.6L0 6.4L1.6 8.4" },
  ")": { width: 1.6, path: "M0 -0.4L1.6 1.6L1.6 6.4L0 8.4" },
  "@": {
    width: 6,
    path: "M4.2 5.2L4.2 3L2.8 2.6L1.8 3.6L1.8 5L2.8 5.6L4.2 5.2L5.2 5.6L6 4.6L6 2L4.6 0.6L1.6 0.6L0 2.2L0 6L1.6 7.8L4.8 7.8",
  },
};

/** A line segment in font units. */
export type Segment = [x1: number, y1: number, x2: number, y2: number];

/** The segments of one glyph's path data (absolute M and L commands only). */
export function glyphSegments(path: string): Segment[] {
  const segments: Segment[] = [];
  const tokens = path.match(/[ML]|-?\d*\.?\d+/g) ?? [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length;) {
    const command = tokens[i++];
    const nx = Number(tokens[i++]);
    const ny = Number(tokens[i++]);
    if ((command !== "M" && command !== "L") || Number.isNaN(nx) || Number.isNaN(ny)) {
      throw new Error(`Unsupported watermark glyph path: ${path}`);
    }
    if (command === "L") segments.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  }
  return segments;
}
