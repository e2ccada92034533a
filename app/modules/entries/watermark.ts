import {
  CAP_HEIGHT_UNITS,
  glyphSegments,
  LETTER_SPACING_UNITS,
  STROKE_UNITS,
  WATERMARK_FONT,
  type Segment,
} from "./watermark-font";

/**
 * The preview watermark: the text drawn with the stroke font in watermark-font.ts along a rising
 * diagonal, in white with a dark halo so it shows on light and dark designs alike, rasterised in
 * plain JavaScript (no fonts, no SVG) into a tile that repeats seamlessly over the preview.
 * Everything here is pure arithmetic, so a tile is the same bytes on every machine.
 */

export const WATERMARK_PLATFORM = "CONCOURS";
/**
 * What the public images of a revision carry, stored with it (entry_revisions.watermark_version):
 * 1, the preview only, and on transparent images only over opaque pixels; 2, the thumbnail too, and
 * transparent backgrounds. Raising it makes the entries.remark job draw older revisions again.
 */
export const WATERMARK_VERSION = 2;
/** The first version whose thumbnails are watermarked: older ones are never served. */
export const MARKED_THUMBNAILS_SINCE = 2;
const MAX_CONTEST_CHARS = 40;
/** Opacity of the white strokes and of the dark halo around them. */
const INK_OPACITY = 0.42;
const HALO_OPACITY = 0.22;
/** The rise of the diagonal: tan(30°). */
const SLOPE = 0.5773502691896257;

/** "CONCOURS · <CONTEST>", in the characters the font can draw. */
export function watermarkTextFor(contestTitle: string): string {
  const title = normaliseWatermarkText(contestTitle);
  const short = title.length > MAX_CONTEST_CHARS ? `${cutAtWord(title, MAX_CONTEST_CHARS - 3)}...` : title;
  return short ? `${WATERMARK_PLATFORM} · ${short}` : WATERMARK_PLATFORM;
}

/** At most `max` characters, ending at a word boundary unless that would leave too little. */
function cutAtWord(text: string, max: number) {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (text[max] === " " || space < max / 2 ? cut : cut.slice(0, space)).trimEnd();
}

/** Upper case, accents removed, characters the font lacks dropped, spaces collapsed. */
export function normaliseWatermarkText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/\s+/g, " ")
    .split("")
    .filter((char) => char in WATERMARK_FONT)
    .join("")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** One tile row's painted pixels: x positions, grey values and alpha values, all 0–255. */
export interface TileRow {
  x: Uint16Array;
  value: Uint8Array;
  alpha: Uint8Array;
}

export interface WatermarkTile {
  width: number;
  height: number;
  /** Cap height of the letters, in pixels. */
  capHeight: number;
  rows: TileRow[];
}

/** Letter size for a preview: about 2.2 % of its long side, within readable bounds. */
export function capHeightFor(width: number, height: number): number {
  return Math.min(40, Math.max(9, Math.round(Math.max(width, height) * 0.022)));
}

const cache = new Map<string, WatermarkTile>();
const CACHE_LIMIT = 64;

/** The tile for a text and letter size, drawn once and then kept (least recently used dropped). */
export function watermarkTile(text: string, capHeight: number): WatermarkTile {
  const key = `${capHeight}|${text}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const tile = drawTile(text, capHeight);
  cache.set(key, tile);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return tile;
}

function drawTile(text: string, capHeight: number): WatermarkTile {
  const normalised = normaliseWatermarkText(text) || WATERMARK_PLATFORM;
  const scale = capHeight / CAP_HEIGHT_UNITS;
  // Lay the glyphs out on a line in font units.
  const segments: Segment[] = [];
  let advance = 0;
  for (const char of normalised) {
    const glyph = WATERMARK_FONT[char]!;
    for (const [x1, y1, x2, y2] of glyphSegments(glyph.path)) {
      segments.push([x1 + advance, y1, x2 + advance, y2]);
    }
    advance += glyph.width + LETTER_SPACING_UNITS;
  }
  const textLength = (advance - LETTER_SPACING_UNITS) * scale;
  // The text runs along the tile's rising diagonal, from bottom-left to top-right, with a gap
  // before the next repeat; tiling the tile continues the lines seamlessly.
  const period = textLength + capHeight * 5;
  const width = Math.max(8, Math.round(period / Math.sqrt(1 + SLOPE * SLOPE)));
  const height = Math.max(4, Math.round(width * SLOPE));
  const diagonal = Math.sqrt(width * width + height * height);
  const dx = width / diagonal;
  const dy = -height / diagonal;
  // Normal pointing "down" in text space (towards the baseline).
  const nx = height / diagonal;
  const ny = width / diagonal;
  const start = (diagonal - textLength) / 2;
  const toTile = (u: number, v: number): [number, number] => {
    const along = start + u * scale;
    const across = (v - CAP_HEIGHT_UNITS / 2) * scale;
    return [along * dx + across * nx, height + along * dy + across * ny];
  };

  const radius = (STROKE_UNITS * scale) / 2;
  const haloRadius = radius + Math.max(1, capHeight * 0.08);
  const ink = new Float32Array(width * height);
  const halo = new Float32Array(width * height);
  for (const [u1, v1, u2, v2] of segments) {
    const [ax, ay] = toTile(u1, v1);
    const [bx, by] = toTile(u2, v2);
    strokeSegment(ax, ay, bx, by, radius, haloRadius, width, height, ink, halo);
  }

  const rows: TileRow[] = [];
  for (let y = 0; y < height; y++) {
    const xs: number[] = [];
    const values: number[] = [];
    const alphas: number[] = [];
    for (let x = 0; x < width; x++) {
      const a = INK_OPACITY * ink[y * width + x]!;
      const h = HALO_OPACITY * halo[y * width + x]!;
      // White ink over a black halo, as one grey + alpha pixel.
      const alpha = a + h * (1 - a);
      const alpha8 = Math.round(alpha * 255);
      if (alpha8 === 0) continue;
      xs.push(x);
      values.push(Math.round((255 * a) / alpha));
      alphas.push(alpha8);
    }
    rows.push({ x: Uint16Array.from(xs), value: Uint8Array.from(values), alpha: Uint8Array.from(alphas) });
  }
  return { width, height, capHeight, rows };
}

/** Anti-aliased round-ended stroke: coverage from each pixel centre's distance to the segment. */
function strokeSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  haloRadius: number,
  width: number,
  height: number,
  ink: Float32Array,
  halo: Float32Array,
) {
  const reach = haloRadius + 1;
  const x0 = Math.floor(Math.min(ax, bx) - reach);
  const x1 = Math.ceil(Math.max(ax, bx) + reach);
  const y0 = Math.floor(Math.min(ay, by) - reach);
  const y1 = Math.ceil(Math.max(ay, by) + reach);
  const ex = bx - ax;
  const ey = by - ay;
  const lengthSq = ex * ex + ey * ey;
  for (let y = y0; y <= y1; y++) {
    const row = (((y % height) + height) % height) * width;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax;
      const py = y + 0.5 - ay;
      const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, (px * ex + py * ey) / lengthSq));
      const qx = px - t * ex;
      const qy = py - t * ey;
      const distance = Math.sqrt(qx * qx + qy * qy);
      if (distance >= haloRadius + 0.5) continue;
      // Wrap around the tile's edges so the repeat has no seams.
      const i = row + (((x % width) + width) % width);
      const inkCover = Math.min(1, Math.max(0, radius + 0.5 - distance));
      const haloCover = Math.min(1, Math.max(0, haloRadius + 0.5 - distance));
      if (inkCover > ink[i]!) ink[i] = inkCover;
      if (haloCover > halo[i]!) halo[i] = haloCover;
    }
  }
}

/**
 * Paint the tile, repeated, onto raw 8-bit pixels in place, 3 or 4 channels. With an alpha channel
 * the watermark is composited _over_ the image: where the design is opaque it blends as on RGB, and
 * where it is transparent the mark's own alpha is added, so a logo on a transparent background is
 * marked across the whole canvas, not only on its strokes (a copy cut from its background would
 * otherwise come away clean).
 */
export function applyWatermark(
  pixels: Uint8Array,
  image: { width: number; height: number; channels: number },
  tile: WatermarkTile,
) {
  const { width, height, channels } = image;
  if (channels !== 3 && channels !== 4) throw new RangeError(`Cannot watermark ${channels} channels`);
  const hasAlpha = channels === 4;
  for (let y = 0; y < height; y++) {
    const row = tile.rows[y % tile.height]!;
    const n = row.x.length;
    if (n === 0) continue;
    const rowStart = y * width;
    for (let originX = 0; originX < width; originX += tile.width) {
      for (let k = 0; k < n; k++) {
        const x = originX + row.x[k]!;
        if (x >= width) break;
        const i = (rowStart + x) * channels;
        const a = row.alpha[k]! / 255;
        const v = row.value[k]!;
        // Over: out = mark·a + image·(1 − a) with premultiplied colours; `keep` is the image's
        // share of the result's colour (1 − a when the image is opaque).
        let keep = 1 - a;
        if (hasAlpha) {
          const imageAlpha = pixels[i + 3]! / 255;
          const outAlpha = a + imageAlpha * (1 - a);
          keep = (imageAlpha * (1 - a)) / outAlpha;
          pixels[i + 3] = outAlpha * 255 + 0.5;
        }
        pixels[i] = v + (pixels[i]! - v) * keep + 0.5;
        pixels[i + 1] = v + (pixels[i + 1]! - v) * keep + 0.5;
        pixels[i + 2] = v + (pixels[i + 2]! - v) * keep + 0.5;
      }
    }
  }
}
