import sharp from "sharp";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { receiveDraft, type ReceivedDraft } from "~/modules/entries/drafts.server";
import { renderEntryImages } from "~/modules/entries/images.server";
import { watermarkTextFor } from "~/modules/entries/watermark";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";
import { fromRaw, photoJpeg, photoPixels } from "../helpers/image-fixtures";
import { multipartRequest } from "../helpers/multipart";

/** Upload bytes the way a browser would, under a name and a declared type of the sender's choosing. */
function upload(bytes: Buffer, fileName: string, type: string, maxBytes?: number) {
  const request = multipartRequest([
    { name: "title", value: "My entry" },
    { name: "file", fileName, type, bytes },
  ]);
  return receiveDraft(request, { maxBytes });
}

function refused(result: ReceivedDraft) {
  if (result.ok) throw new Error("expected a refusal, the draft was accepted");
  return result;
}

/** A real PNG whose IHDR is rewritten (with a valid CRC) to claim other dimensions. */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

const svg = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">' +
    '<script>fetch("/account", { method: "POST" })</script><rect width="100" height="100"/></svg>',
);
const html = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

describe("hostile uploads", () => {
  it("refuses each one with a clear message and the right status, and the process carries on", async () => {
    const jpeg = await photoJpeg(400, 300, 21);
    const cases: Array<{ what: string; result: Promise<ReceivedDraft>; status: number; words: RegExp }> = [
      {
        what: "a PNG whose header claims 50,000 × 50,000 pixels",
        result: pngClaiming(50_000, 50_000).then((b) => upload(b, "huge.png", "image/png")),
        status: 413,
        words: /^This image is 50000 × 50000 pixels, more than the 50 megapixels we accept\./,
      },
      {
        what: "a truncated JPEG",
        result: upload(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), "cut.jpg", "image/jpeg"),
        status: 422,
        words: /^This file is incomplete: it ends before the image does\./,
      },
      {
        what: "an SVG renamed .png",
        result: upload(svg, "logo.png", "image/png"),
        status: 415,
        words: /^This file is an SVG drawing; upload a JPEG, PNG or WebP\.$/,
      },
      {
        what: "HTML sent as image/png",
        result: upload(html, "photo.png", "image/png"),
        status: 415,
        words: /^This file is an HTML page; upload a JPEG, PNG or WebP\.$/,
      },
      {
        what: "a JPEG with a script appended",
        result: upload(
          Buffer.concat([jpeg, Buffer.from("<script>alert(1)</script>")]),
          "x.jpg",
          "image/jpeg",
        ),
        status: 422,
        words: /^This file has extra data after the end of the image\./,
      },
      {
        what: "a TIFF",
        result: fromRaw(photoPixels(64, 64, 3))
          .tiff()
          .toBuffer()
          .then((b) => upload(b, "scan.tif", "image/tiff")),
        status: 415,
        words: /^This file is a TIFF; upload a JPEG, PNG or WebP\.$/,
      },
      {
        what: "a GIF (named .jpg)",
        result: fromRaw(photoPixels(64, 64, 4))
          .gif()
          .toBuffer()
          .then((b) => upload(b, "anim.jpg", "image/jpeg")),
        status: 415,
        words: /^This file is a GIF; upload a JPEG, PNG or WebP\.$/,
      },
      {
        what: "an empty file",
        result: upload(Buffer.alloc(0), "empty.png", "image/png"),
        status: 422,
        words: /^The file you chose is empty\./,
      },
      {
        what: "a file one byte over the cap",
        result: upload(Buffer.concat([jpeg, Buffer.alloc(1)]), "big.jpg", "image/jpeg", jpeg.length),
        status: 413,
        words: /^This file is larger than \d+ KB; upload a file of \d+ KB or less\.$/,
      },
    ];

    for (const { what, result, status, words } of cases) {
      const refusal = refused(await result);
      expect(refusalStatus(refusal), what).toBe(status);
      expect(refusalMessage(refusal, "en"), what).toMatch(words);
    }

    // The process is unharmed: a good image goes through the whole pipeline after all that.
    const good = await upload(jpeg, "fine.jpg", "image/jpeg");
    expect(good).toMatchObject({ ok: true, image: { format: "jpeg", width: 400, height: 300 } });
    const images = await renderEntryImages(jpeg, { watermarkText: watermarkTextFor("After the storm") });
    expect(await sharp(images.preview).metadata()).toMatchObject({ format: "webp", width: 400, height: 300 });
  });

  it("accepts a phone photo that carries a second JPEG after the first (an HDR gain map), previewing the first", async () => {
    const photo = await photoJpeg(400, 300, 31);
    const gainMap = await fromRaw(photoPixels(200, 150, 32))
      .greyscale()
      .jpeg()
      .toBuffer();
    const result = await upload(Buffer.concat([photo, gainMap]), "IMG_2041.jpg", "image/jpeg");
    expect(result).toMatchObject({ ok: true, image: { format: "jpeg", width: 400, height: 300 } });
    const images = await renderEntryImages(Buffer.concat([photo, gainMap]), {
      watermarkText: watermarkTextFor("Ultra HDR"),
    });
    expect(await sharp(images.preview).metadata()).toMatchObject({ format: "webp", width: 400, height: 300 });
  });

  it("accepts a motion photo (a phone's JPEG with its short video after it), previewing the photo", async () => {
    const photo = await photoJpeg(400, 300, 33);
    const box = (type: string, size: number) => {
      const b = Buffer.alloc(size, 5);
      b.writeUInt32BE(size);
      b.write(type, 4, "latin1");
      return b;
    };
    const motion = Buffer.concat([photo, box("ftyp", 24), box("moov", 64), box("mdat", 4096)]);
    const result = await upload(motion, "PXL_20261129_motion.jpg", "image/jpeg");
    expect(result).toMatchObject({ ok: true, image: { format: "jpeg", width: 400, height: 300 } });
    const images = await renderEntryImages(motion, { watermarkText: watermarkTextFor("Motion") });
    expect(await sharp(images.preview).metadata()).toMatchObject({ format: "webp", width: 400, height: 300 });
  });

  it("accepts a JPEG with GPS EXIF and orientation 6: rotated, and with no metadata left", async () => {
    const original = await fromRaw(photoPixels(640, 480, 8))
      .withExif({
        IFD0: { Make: "PhoneCo", Model: "Pocket 9" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "48/1 51/1 2400/100",
          GPSLongitudeRef: "E",
          GPSLongitude: "2/1 21/1 300/100",
        },
      })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 88 })
      .toBuffer();
    const stored = await sharp(original).metadata();
    expect(stored).toMatchObject({ width: 640, height: 480, orientation: 6 });
    // The GPS IFD pointer (tag 0x8825, little-endian in sharp's EXIF) is in the upload.
    expect(stored.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const received = await upload(original, "IMG_0042.JPG", "image/jpeg");
    expect(received).toMatchObject({ ok: true, image: { format: "jpeg", width: 480, height: 640 } });

    const images = await renderEntryImages(original, { watermarkText: watermarkTextFor("Street poster") });
    expect({ width: images.width, height: images.height }).toEqual({ width: 480, height: 640 });
    for (const output of [images.preview, images.thumbnail]) {
      const meta = await sharp(output).metadata();
      expect(meta.height).toBeGreaterThan(meta.width!); // width and height swapped: portrait
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
  });
});
