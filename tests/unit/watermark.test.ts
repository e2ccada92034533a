import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  applyWatermark,
  capHeightFor,
  normaliseWatermarkText,
  watermarkTextFor,
  watermarkTile,
  type WatermarkTile,
} from "~/modules/entries/watermark";
import { CAP_HEIGHT_UNITS, glyphSegments, WATERMARK_FONT } from "~/modules/entries/watermark-font";

function tileDigest(tile: WatermarkTile) {
  const hash = createHash("sha256").update(`${tile.width}x${tile.height}`);
  for (const row of tile.rows) hash.update(row.x).update(row.value).update(row.alpha).update("|");
  return hash.digest("hex");
}

describe("watermark text", () => {
  it("names the platform and the contest, in letters the font can draw", () => {
    expect(watermarkTextFor("Acme logo")).toBe("CONCOURS · ACME LOGO");
    expect(watermarkTextFor("Café Ünïcode — Logo!")).toBe("CONCOURS · CAFE UNICODE LOGO!");
    expect(watermarkTextFor("   ")).toBe("CONCOURS");
    expect(watermarkTextFor("日本語")).toBe("CONCOURS");
  });

  it("shortens a long contest title", () => {
    const text = watermarkTextFor("A very long contest title that goes on and on about the brief");
    expect(text).toBe("CONCOURS · A VERY LONG CONTEST TITLE THAT GOES...");
  });

  it("drops what the font lacks and collapses spaces", () => {
    expect(normaliseWatermarkText("  a\tb  ~~  c  ")).toBe("A B C");
  });
});

describe("the stroke font", () => {
  it("has a glyph for A–Z, 0–9 and the separator, made only of M and L commands that parse", () => {
    for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789·") {
      const glyph = WATERMARK_FONT[char];
      expect(glyph, char).toBeDefined();
      expect(glyph!.path, char).toMatch(/^(?:[ML]-?\d*\.?\d+ -?\d*\.?\d+)+$/);
      const segments = glyphSegments(glyph!.path);
      expect(segments.length, char).toBeGreaterThan(0);
      const xs = segments.flatMap(([x1, , x2]) => [x1, x2]);
      const ys = segments.flatMap(([, y1, , y2]) => [y1, y2]);
      // Within the glyph's box (a little room for descenders and round ends).
      expect(Math.min(...xs), char).toBeGreaterThanOrEqual(-0.5);
      expect(Math.max(...xs), char).toBeLessThanOrEqual(glyph!.width + 0.5);
      expect(Math.min(...ys), char).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...ys), char).toBeLessThanOrEqual(CAP_HEIGHT_UNITS + 1.5);
    }
  });

  it("refuses path data it cannot draw (curves, relative commands)", () => {
    expect(() => glyphSegments("M0 0C1 1 2 2 3 3")).toThrow(/Unsupported/);
    expect(() => glyphSegments("m0 0l1 1")).toThrow(/Unsupported/);
  });
});

describe("the watermark tile", () => {
  it("is the same bytes every time (pure arithmetic, no fonts): a golden digest", () => {
    const tile = watermarkTile("CONCOURS · ACME LOGO", 26);
    expect({ width: tile.width, height: tile.height }).toEqual({ width: 412, height: 238 });
    expect(tileDigest(tile)).toBe(GOLDEN_DIGEST);
  });

  it("is drawn once per text and size, then reused", () => {
    expect(watermarkTile("CONCOURS · CACHED", 20)).toBe(watermarkTile("CONCOURS · CACHED", 20));
    expect(watermarkTile("CONCOURS · CACHED", 21)).not.toBe(watermarkTile("CONCOURS · CACHED", 20));
  });

  it("runs along a rising diagonal: ink near the top sits to the right, near the bottom to the left", () => {
    const tile = watermarkTile("CONCOURS · DIAGONAL", 24);
    const meanX = (from: number, to: number) => {
      const xs = tile.rows.slice(from, to).flatMap((row) => [...row.x]);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const band = Math.floor(tile.height / 4);
    // The middle half of the tile, away from the wrap-around corners.
    expect(meanX(band, 2 * band)).toBeGreaterThan(meanX(2 * band, 3 * band) + tile.width * 0.1);
  });

  it("is semi-transparent: no painted pixel is opaque, and most of the tile is untouched", () => {
    const tile = watermarkTile("CONCOURS · OPACITY", 26);
    const alphas = tile.rows.flatMap((row) => [...row.alpha]);
    expect(Math.max(...alphas)).toBeLessThan(160);
    expect(alphas.length / (tile.width * tile.height)).toBeLessThan(0.25);
  });

  it("scales the letters with the preview", () => {
    expect(capHeightFor(1200, 900)).toBe(26);
    expect(capHeightFor(300, 200)).toBe(9);
    expect(capHeightFor(5000, 5000)).toBe(40);
  });
});

describe("applyWatermark", () => {
  it("blends over RGB pixels only where the tile is painted", () => {
    const tile = watermarkTile("CONCOURS · BLEND", 12);
    const width = tile.width * 2 + 7;
    const height = tile.height + 5;
    const pixels = new Uint8Array(width * height * 3).fill(100);
    applyWatermark(pixels, { width, height, channels: 3 }, tile);
    const changed = pixels.filter((v) => v !== 100).length / 3;
    const painted = tile.rows.reduce((n, row) => n + row.x.length, 0);
    // The tile repeats: about (width × height) / (tile area) copies of its painted pixels.
    const copies = (width * height) / (tile.width * tile.height);
    expect(changed).toBeGreaterThan(painted * copies * 0.5);
    expect(changed).toBeLessThan(painted * copies * 1.5);
  });

  it("composites over transparency: clear pixels take the mark's own alpha, opaque ones stay opaque", () => {
    const tile = watermarkTile("CONCOURS · ALPHA", 12);
    const { width, height } = tile;
    const row = tile.rows.find((r) => r.x.length > 0)!;
    const at = (tile.rows.indexOf(row) * width + row.x[0]!) * 4;
    const painted = tile.rows.reduce((n, r) => n + r.x.length, 0);

    const clear = new Uint8Array(width * height * 4);
    applyWatermark(clear, { width, height, channels: 4 }, tile);
    // Exactly the painted pixels become visible, each with the mark's grey and alpha.
    expect(clear.filter((v, k) => k % 4 === 3 && v > 0).length).toBe(painted);
    expect([...clear.subarray(at, at + 4)]).toEqual([row.value[0], row.value[0], row.value[0], row.alpha[0]]);

    const opaque = new Uint8Array(width * height * 4);
    for (let i = 0; i < opaque.length; i += 4) opaque.set([0, 0, 0, 255], i);
    applyWatermark(opaque, { width, height, channels: 4 }, tile);
    expect(opaque.filter((_, k) => k % 4 === 3).every((a) => a === 255)).toBe(true);
    expect(opaque[at]).toBe(Math.round((row.value[0]! * row.alpha[0]!) / 255));

    const half = new Uint8Array(width * height * 4);
    for (let i = 0; i < half.length; i += 4) half.set([0, 0, 0, 128], i);
    applyWatermark(half, { width, height, channels: 4 }, tile);
    const a = row.alpha[0]! / 255;
    expect(half[at + 3]).toBe(Math.round((a + (128 / 255) * (1 - a)) * 255));
    // An unpainted pixel (the first of a row whose paint starts later) is untouched.
    const y = tile.rows.findIndex((r) => r.x.length === 0 || r.x[0]! > 0);
    expect([...half.subarray(y * width * 4, y * width * 4 + 4)]).toEqual([0, 0, 0, 128]);
  });

  it("refuses pixel layouts it does not handle", () => {
    const tile = watermarkTile("CONCOURS", 12);
    expect(() => applyWatermark(new Uint8Array(4), { width: 2, height: 2, channels: 1 }, tile)).toThrow(
      RangeError,
    );
  });
});

/** Recorded from the first rendering; a deliberate change to the font or layout updates it. */
const GOLDEN_DIGEST = "1b0e271a84c61ce755a045a8561d1e596a4ceb23a45a0d9270c1855e23b56b40";
