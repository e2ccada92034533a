import fc from "fast-check";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  inspectImage,
  perceptualHash,
  renderEntryImages,
  type EntryImages,
  type ImageRefusal,
} from "~/modules/entries/images.server";
import { Refused } from "~/modules/refusal";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";
import { hammingDistance, NEARLY_IDENTICAL_MAX_DISTANCE } from "~/modules/entries/phash";
import { watermarkTextFor } from "~/modules/entries/watermark";
import {
  fromRaw,
  logoPixels,
  logoPng,
  photoJpeg,
  photoPixels,
  photoPng,
  photoWebp,
  pixelsOf,
  type RawImage,
} from "../helpers/image-fixtures";

const WATERMARK = watermarkTextFor("Acme logo");

/** A smooth picture (no noise), so codec noise stays well below a watermark stroke. */
function smoothPixels(width: number, height: number): RawImage {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = 40 + Math.round((150 * x) / width);
      data[i + 1] = 90;
      data[i + 2] = 40 + Math.round((150 * y) / height);
    }
  }
  return { data, width, height, channels: 3 };
}

/**
 * How much of `marked` differs from `plain` by more than `threshold` in some channel, and in how
 * many cells of a cols × rows grid (a cell counts when over 0.3 % of it is changed).
 */
function markedShare(
  marked: { data: Buffer; width: number; height: number; channels: number },
  plain: { data: Buffer; channels: number },
  threshold: number,
  cols: number,
  rows: number,
) {
  const perCell = new Array<number>(cols * rows).fill(0);
  let changed = 0;
  for (let y = 0; y < marked.height; y++) {
    for (let x = 0; x < marked.width; x++) {
      const i = (y * marked.width + x) * marked.channels;
      const j = (y * marked.width + x) * plain.channels;
      let delta = 0;
      for (let c = 0; c < 3; c++) delta = Math.max(delta, Math.abs(marked.data[i + c]! - plain.data[j + c]!));
      if (delta > threshold) {
        changed++;
        perCell[Math.floor((y * rows) / marked.height) * cols + Math.floor((x * cols) / marked.width)]!++;
      }
    }
  }
  const cellArea = (marked.width * marked.height) / (cols * rows);
  return {
    share: changed / (marked.width * marked.height),
    cellsMarked: perCell.filter((n) => n > cellArea * 0.003).length,
    cells: cols * rows,
  };
}

describe("inspectImage", () => {
  it("accepts JPEG, PNG and WebP, with the decoder's type and the real size", async () => {
    const jpeg = await photoJpeg(320, 200);
    expect(await inspectImage(jpeg)).toEqual({
      ok: true,
      format: "jpeg",
      contentType: "image/jpeg",
      width: 320,
      height: 200,
      bytes: jpeg.length,
    });
    expect(await inspectImage(await photoPng(64, 48))).toMatchObject({ ok: true, format: "png", width: 64 });
    expect(await inspectImage(await photoWebp(64, 48))).toMatchObject({
      ok: true,
      format: "webp",
      height: 48,
    });
  });

  it("caps the pixel count (configurable) before decoding, with a 413 and the numbers", async () => {
    const result = (await inspectImage(await photoPng(200, 100), { maxPixels: 10_000 })) as ImageRefusal;
    expect(result).toMatchObject({ ok: false, reason: "too_many_pixels" });
    expect(refusalStatus(result)).toBe(413);
    expect(refusalMessage(result, "en")).toBe(
      "This image is 200 × 100 pixels, more than the 0.01 megapixels we accept. Export it smaller and upload it again.",
    );
    expect(await inspectImage(await photoPng(100, 100), { maxPixels: 10_000 })).toMatchObject({ ok: true });
  });

  it("finds damage the header does not show (bytes flipped inside the pixel data)", async () => {
    const png = await photoPng(200, 150);
    const damaged = Buffer.from(png);
    const idat = damaged.indexOf("IDAT");
    for (let i = idat + 40; i < idat + 400; i++) damaged[i] = damaged[i]! ^ 0x5a;
    const result = (await inspectImage(damaged)) as ImageRefusal;
    expect(result).toMatchObject({ ok: false, reason: "corrupt" });
    expect(refusalStatus(result)).toBe(422);
    expect(refusalMessage(result, "en")).toMatch(/damaged and cannot be read/);
  });
});

describe("renderEntryImages", () => {
  it("makes a 400 px WebP thumbnail, a 1200 px WebP preview and a 16-hex hash", async () => {
    const result = await renderEntryImages(await photoJpeg(2400, 1600, 3), { watermarkText: WATERMARK });
    expect(result).toMatchObject({
      width: 2400,
      height: 1600,
      format: "jpeg",
      sizes: { preview: { width: 1200, height: 800 }, thumbnail: { width: 400, height: 267 } },
    });
    expect(result.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(await sharp(result.preview).metadata()).toMatchObject({
      format: "webp",
      width: 1200,
      height: 800,
    });
    expect(await sharp(result.thumbnail).metadata()).toMatchObject({
      format: "webp",
      width: 400,
      height: 267,
    });
  });

  it("fits the long side for portrait images too", async () => {
    const result = await renderEntryImages(await photoPng(1000, 1600), { watermarkText: WATERMARK });
    expect(result.sizes).toEqual({
      preview: { width: 750, height: 1200 },
      thumbnail: { width: 250, height: 400 },
    });
  });

  it("never upscales a small image", async () => {
    const result = await renderEntryImages(await photoWebp(300, 200), { watermarkText: WATERMARK });
    expect(result.sizes).toEqual({
      preview: { width: 300, height: 200 },
      thumbnail: { width: 300, height: 200 },
    });
  });

  it("strips every piece of metadata (EXIF, GPS, ICC, XMP) and applies the orientation", async () => {
    const original = await fromRaw(photoPixels(600, 400, 9))
      .withExif({
        IFD0: { Copyright: "Designer", ImageDescription: "secret brief" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100" },
      })
      .withMetadata({ orientation: 8 })
      .withIccProfile("p3")
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
      )
      .jpeg()
      .toBuffer();
    const before = await sharp(original).metadata();
    expect(before).toMatchObject({ orientation: 8 });
    expect([before.exif, before.icc, before.xmp].every(Boolean)).toBe(true);

    const result = await renderEntryImages(original, { watermarkText: WATERMARK });
    expect({ width: result.width, height: result.height }).toEqual({ width: 400, height: 600 });
    for (const output of [result.preview, result.thumbnail]) {
      const meta = await sharp(output).metadata();
      expect(meta).toMatchObject({ width: meta.width, format: "webp" });
      expect(meta.height).toBeGreaterThan(meta.width!); // rotated to portrait
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.comments).toBeUndefined();
    }
  });

  it("converts to sRGB: CMYK and Display P3 originals come out as the right sRGB colours", async () => {
    const cmyk = await fromRaw(smoothPixels(200, 100)).toColourspace("cmyk").jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const fromCmyk = await renderEntryImages(cmyk, { watermarkText: WATERMARK });
    expect(await sharp(fromCmyk.preview).metadata()).toMatchObject({ space: "srgb", channels: 3 });

    // sharp stores this sRGB orange as Display P3 numbers (about 187, 105, 62) with a P3 profile.
    const orange = { data: Buffer.alloc(64 * 64 * 3), width: 64, height: 64, channels: 3 as const };
    for (let i = 0; i < orange.data.length; i += 3) orange.data.set([200, 100, 50], i);
    const p3 = await fromRaw(orange).withIccProfile("p3").png().toBuffer();
    const stored = await sharp(p3, { ignoreIcc: true }).raw().toBuffer();
    expect(Math.abs(stored[0]! - 200)).toBeGreaterThan(8); // the file's numbers are not sRGB's
    const thumb = await pixelsOf((await renderEntryImages(p3, { watermarkText: WATERMARK })).thumbnail);
    const [r, g, b] = thumb.data.subarray(32 * 64 * 3, 32 * 64 * 3 + 3);
    expect([Math.abs(r! - 200), Math.abs(g! - 100), Math.abs(b! - 50)].every((d) => d <= 4)).toBe(true);
  });

  it("marks a transparent logo's empty background too, while the logo stays easy to judge", async () => {
    const original = await logoPng(1000);
    const result = await renderEntryImages(original, { watermarkText: WATERMARK });
    for (const [name, output, size] of [
      ["preview", result.preview, 1000],
      ["thumbnail", result.thumbnail, 400],
    ] as const) {
      const marked = await pixelsOf(output);
      const plain = await pixelsOf(await sharp(original).resize(size).png().toBuffer());
      expect(marked.channels, name).toBe(4);
      expect({ w: marked.width, h: marked.height }, name).toEqual({ w: plain.width, h: plain.height });
      // The logo's corners are fully transparent in the original; split them into a grid of cells.
      const cells = new Map<number, { clear: number; inked: number }>();
      let clear = 0;
      let inked = 0;
      let stillClear = 0;
      let designMarked = 0;
      let designAlphaLost = 0;
      for (let y = 0; y < marked.height; y++) {
        for (let x = 0; x < marked.width; x++) {
          const i = (y * marked.width + x) * 4;
          if (plain.data[i + 3] === 0) {
            clear++;
            const cell = Math.floor((y * 8) / marked.height) * 8 + Math.floor((x * 8) / marked.width);
            const c = cells.get(cell) ?? { clear: 0, inked: 0 };
            c.clear++;
            if (marked.data[i + 3]! > 24) {
              inked++;
              c.inked++;
            }
            if (marked.data[i + 3] === 0) stillClear++;
            cells.set(cell, c);
          } else if (plain.data[i + 3] === 255) {
            if (marked.data[i + 3]! < 250) designAlphaLost++;
            if (Math.abs(marked.data[i]! - plain.data[i]!) > 30) designMarked++;
          }
        }
      }
      expect(clear, name).toBeGreaterThan(marked.width * marked.height * 0.2);
      // The mark is drawn into the transparent background, visibly (alpha well above zero)…
      expect(inked / clear, name).toBeGreaterThan(0.02);
      // …in every corner region that is wholly transparent, not in a patch…
      const emptyCells = [...cells.values()].filter(
        (c) => c.clear === Math.max(...[...cells.values()].map((v) => v.clear)),
      );
      expect(emptyCells.length, name).toBeGreaterThan(4);
      for (const c of emptyCells) expect(c.inked, name).toBeGreaterThan(0);
      // …while most of the background stays clear and the logo itself stays opaque and marked.
      expect(stillClear / clear, name).toBeGreaterThan(0.5);
      expect(designAlphaLost, name).toBe(0);
      expect(designMarked, name).toBeGreaterThan(name === "preview" ? 2000 : 150);
    }
  });

  it("watermarks the thumbnail too: it differs from a clean resize in the same tiled pattern", async () => {
    const original = await fromRaw(smoothPixels(2400, 1800)).png().toBuffer();
    const result = await renderEntryImages(original, { watermarkText: WATERMARK });
    const clean = await pixelsOf(
      await sharp(original).resize({ width: 400, height: 400, fit: "inside" }).webp().toBuffer(),
    );
    const marked = await pixelsOf(result.thumbnail);
    expect({ w: marked.width, h: marked.height }).toEqual({ w: 400, h: 300 });
    const { share, cellsMarked, cells } = markedShare(marked, clean, 16, 6, 4);
    expect(share).toBeGreaterThan(0.02); // visibly marked…
    expect(share).toBeLessThan(0.3); // …but the design still shows
    expect(cellsMarked).toBe(cells); // everywhere, not in a corner
  });

  it("watermarks the preview in a tiled pattern spread over the whole image", async () => {
    const original = await fromRaw(smoothPixels(2400, 1800)).png().toBuffer();
    const result = await renderEntryImages(original, { watermarkText: WATERMARK });
    const plain = await pixelsOf(
      await sharp(original).resize({ width: 1200, height: 1200, fit: "inside" }).webp().toBuffer(),
    );
    const marked = await pixelsOf(result.preview);
    expect({ w: marked.width, h: marked.height }).toEqual({ w: plain.width, h: plain.height });

    const cols = 6;
    const rows = 4;
    const changedPerCell = new Array<number>(cols * rows).fill(0);
    let changed = 0;
    for (let y = 0; y < marked.height; y++) {
      for (let x = 0; x < marked.width; x++) {
        const i = (y * marked.width + x) * 3;
        const delta = Math.max(
          Math.abs(marked.data[i]! - plain.data[i]!),
          Math.abs(marked.data[i + 1]! - plain.data[i + 1]!),
          Math.abs(marked.data[i + 2]! - plain.data[i + 2]!),
        );
        if (delta > 30) {
          changed++;
          changedPerCell[
            Math.floor((y * rows) / marked.height) * cols + Math.floor((x * cols) / marked.width)
          ]!++;
        }
      }
    }
    const share = changed / (marked.width * marked.height);
    expect(share).toBeGreaterThan(0.02); // visibly marked…
    expect(share).toBeLessThan(0.3); // …but the design still shows
    const cellArea = (marked.width * marked.height) / (cols * rows);
    expect(changedPerCell.filter((n) => n > cellArea * 0.003)).toHaveLength(cols * rows); // everywhere
  });

  it("needs no SVG and no fonts: sharp's SVG (and TIFF) loaders are blocked in this process", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>x</text></svg>',
    );
    await expect(sharp(svg).png().toBuffer()).rejects.toThrow(/unsupported image format/);
    const tiff = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#123" } })
      .tiff()
      .toBuffer();
    await expect(sharp(tiff).metadata()).rejects.toThrow(/unsupported image format/);
    // …and the watermarked preview still renders (the watermark is rasterised in JavaScript).
    const result = await renderEntryImages(await photoJpeg(400, 300), { watermarkText: WATERMARK });
    expect(result.preview.length).toBeGreaterThan(0);
  });

  it("gives the same bytes when several renders run at once (no shared pixel buffers)", async () => {
    const originals = await Promise.all([1, 2, 3, 4].map((seed) => photoJpeg(900, 600, seed)));
    const sequential: EntryImages[] = [];
    for (const original of originals)
      sequential.push(await renderEntryImages(original, { watermarkText: WATERMARK }));
    const parallel = await Promise.all(
      originals.map((o) => renderEntryImages(o, { watermarkText: WATERMARK })),
    );
    parallel.forEach((result, i) => {
      expect(result.hash).toBe(sequential[i]!.hash);
      expect(result.preview.equals(sequential[i]!.preview)).toBe(true);
      expect(result.thumbnail.equals(sequential[i]!.thumbnail)).toBe(true);
    });
  });

  it("refuses what inspectImage refuses, with the same refusal", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#123" } })
      .gif()
      .toBuffer();
    const error = await renderEntryImages(gif, { watermarkText: WATERMARK }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refused);
    expect((error as Refused).refusal).toMatchObject({ area: "image", reason: "unsupported_type" });
    expect(refusalStatus(error as Refused)).toBe(415);
    expect(refusalMessage(error as Refused, "en")).toBe("This file is a GIF; upload a JPEG, PNG or WebP.");
  });
});

describe("perceptual hash of real images", () => {
  const within = (a: string, b: string) => hammingDistance(a, b) <= NEARLY_IDENTICAL_MAX_DISTANCE;

  it("is the hash renderEntryImages stores", async () => {
    const original = await photoJpeg(800, 600, 4);
    expect(await perceptualHash(original)).toBe(
      (await renderEntryImages(original, { watermarkText: "X" })).hash,
    );
  });

  it("stays within the threshold for a re-encode, a resize and a brightening; a different image does not", async () => {
    const original = await photoJpeg(640, 480, 11, 90);
    const hash = await perceptualHash(original);
    const variants = {
      requality: await sharp(original).jpeg({ quality: 55 }).toBuffer(),
      resized: await sharp(original).resize(400).png().toBuffer(),
      brighter: await sharp(original).linear(1, 8).jpeg({ quality: 90 }).toBuffer(),
      webp: await sharp(original).webp({ quality: 70 }).toBuffer(),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      expect(within(hash, await perceptualHash(bytes)), name).toBe(true);
    }
    for (const seed of [12, 13, 14]) {
      const other = await perceptualHash(await photoJpeg(640, 480, seed, 90));
      expect(hammingDistance(hash, other), `seed ${seed}`).toBeGreaterThan(NEARLY_IDENTICAL_MAX_DISTANCE * 2);
    }
    const logo = await perceptualHash(await fromRaw(logoPixels(480)).png().toBuffer());
    expect(within(hash, logo)).toBe(false);
  });

  it("property: re-encoded, resized or slightly brightened copies stay nearly identical", async () => {
    // A fixed seed: each example is a real encode, and the codec's tail is better pinned than sampled anew.
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.oneof(
          fc.record({ kind: fc.constant("quality" as const), value: fc.integer({ min: 50, max: 95 }) }),
          fc.record({
            kind: fc.constant("resize" as const),
            value: fc.double({ min: 0.5, max: 0.9, noNaN: true }),
          }),
          fc.record({ kind: fc.constant("brighten" as const), value: fc.integer({ min: 3, max: 8 }) }),
        ),
        async (seed, change) => {
          const original = await fromRaw(photoPixels(320, 240, seed))
            .jpeg({ quality: 90 })
            .toBuffer();
          const copy =
            change.kind === "quality"
              ? sharp(original).jpeg({ quality: change.value })
              : change.kind === "resize"
                ? sharp(original)
                    .resize(Math.round(320 * change.value))
                    .png()
                : sharp(original).linear(1, change.value).jpeg({ quality: 90 });
          const distance = hammingDistance(
            await perceptualHash(original),
            await perceptualHash(await copy.toBuffer()),
          );
          expect(distance).toBeLessThanOrEqual(NEARLY_IDENTICAL_MAX_DISTANCE);
        },
      ),
      { numRuns: 24, seed: 20261129 },
    );
  });
});
