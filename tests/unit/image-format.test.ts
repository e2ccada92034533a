import fc from "fast-check";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { checkStructure, sniffType, type AcceptedFormat } from "~/modules/entries/image-format";
import { fromRaw, photoPixels } from "../helpers/image-fixtures";

const images = {} as Record<AcceptedFormat | "progressive", Buffer>;

/** A COM segment right after SOI whose text holds the bytes of an EOI marker (FF D9). */
function withComment(jpeg: Buffer) {
  const text = Buffer.concat([
    Buffer.from("EOI inside a segment: "),
    Buffer.from([0xff, 0xd9]),
    Buffer.from(" (not the end)"),
  ]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(text.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, jpeg.subarray(2)]);
}

beforeAll(async () => {
  const pixels = () => fromRaw(photoPixels(96, 64, 5));
  images.jpeg = withComment(await pixels().jpeg({ quality: 80 }).toBuffer());
  images.progressive = await pixels().jpeg({ quality: 80, progressive: true }).toBuffer();
  images.png = await pixels().png().toBuffer();
  images.webp = await pixels().webp().toBuffer();
});

describe("sniffType: the bytes decide", () => {
  it("recognises the three accepted formats", () => {
    expect(sniffType(images.jpeg)).toBe("jpeg");
    expect(sniffType(images.png)).toBe("png");
    expect(sniffType(images.webp)).toBe("webp");
  });

  it("names the formats we refuse, from real files", async () => {
    const img = () => fromRaw(photoPixels(16, 16, 2));
    expect(sniffType(await img().gif().toBuffer())).toBe("gif");
    expect(sniffType(await img().tiff().toBuffer())).toBe("tiff");
    expect(sniffType(await img().avif().toBuffer())).toBe("avif");
    expect(sniffType(await img().heif({ compression: "av1" }).toBuffer())).toBe("avif");
  });

  it("names text and other formats from their signatures", () => {
    const text = (s: string) => Buffer.from(s, "utf8");
    expect(sniffType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe(
      "svg",
    );
    expect(sniffType(text('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<svg width="1"/>'))).toBe("svg");
    expect(sniffType(text("<!DOCTYPE html><html><body>hi</body></html>"))).toBe("html");
    expect(sniffType(text("  <script>alert(1)</script>"))).toBe("html");
    expect(sniffType(text("%PDF-1.7\n"))).toBe("pdf");
    expect(sniffType(Buffer.from("PK\x03\x04rest", "latin1"))).toBe("zip");
    expect(sniffType(Buffer.from("BM\x00\x00", "latin1"))).toBe("bmp");
    expect(sniffType(Buffer.from("\x00\x00\x00\x18ftypheic", "latin1"))).toBe("heic");
    expect(sniffType(text("just some words"))).toBe("unknown");
    expect(sniffType(Buffer.alloc(0))).toBe("unknown");
  });
});

describe("checkStructure: where the image ends", () => {
  it("accepts whole files, including a JPEG with EOI bytes inside a segment and a progressive one", async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      expect(checkStructure(images[format], format), format).toEqual({
        ok: true,
        end: images[format].length,
      });
    }
    expect(checkStructure(images.progressive, "jpeg")).toEqual({ ok: true, end: images.progressive.length });
    expect(images.jpeg.indexOf(Buffer.from([0xff, 0xd9]))).toBeLessThan(images.jpeg.length - 2);
    expect(await sharp(images.jpeg).metadata()).toMatchObject({ format: "jpeg", width: 96 }); // still a valid JPEG
  });

  it("property: anything appended after the end is trailing data (a polyglot)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AcceptedFormat>("jpeg", "png", "webp"),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        (format, extra) => {
          const polyglot = Buffer.concat([images[format], extra]);
          expect(checkStructure(polyglot, format)).toEqual({ ok: false, problem: "trailing" });
        },
      ),
    );
  });

  it("property: every proper prefix is truncated", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AcceptedFormat | "progressive">("jpeg", "progressive", "png", "webp"),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (which, fraction) => {
          const whole = images[which];
          const cut = whole.subarray(0, Math.floor(whole.length * fraction));
          const format = which === "progressive" ? "jpeg" : which;
          expect(checkStructure(cut, format)).toEqual({ ok: false, problem: "truncated" });
        },
      ),
    );
  });

  it("accepts whole JPEGs after the first one (a phone's gain map or depth map), and nothing else after them", async () => {
    const small = (colour: string) =>
      sharp({ create: { width: 16, height: 8, channels: 3, background: colour } })
        .jpeg()
        .toBuffer();
    const [main, gainMap, depth] = await Promise.all([small("#c84"), small("#777"), small("#222")]);
    const ultraHdr = Buffer.concat([main, gainMap, depth]);
    expect(checkStructure(ultraHdr, "jpeg")).toEqual({ ok: true, end: ultraHdr.length });
    const script = Buffer.from("<script>alert(document.cookie)</script>");
    expect(checkStructure(Buffer.concat([ultraHdr, script]), "jpeg")).toEqual({
      ok: false,
      problem: "trailing",
    });
    // Only SOI, or a "JPEG" with neither a frame nor a scan, is not an image.
    expect(checkStructure(Buffer.concat([main, Buffer.from([0xff, 0xd8, 0xff, 0xd9])]), "jpeg")).toEqual({
      ok: false,
      problem: "trailing",
    });
    // A cut second image is trailing data, not a whole file.
    const cut = Buffer.concat([main, gainMap.subarray(0, gainMap.length - 10)]);
    expect(checkStructure(cut, "jpeg")).toEqual({ ok: false, problem: "trailing" });
  });

  it("accepts what phones append to a photo (a motion photo's MP4, Samsung's SEF trailer), whole, and nothing else", async () => {
    const photo = await sharp({ create: { width: 16, height: 8, channels: 3, background: "#c84" } })
      .jpeg()
      .toBuffer();
    const box = (type: string, body: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(8 + body.length);
      head.write(type, 4, "latin1");
      return Buffer.concat([head, body]);
    };
    const mp4 = Buffer.concat([
      box("ftyp", Buffer.from("isom\0\0\0\0isomiso2mp41", "latin1")),
      box("moov", Buffer.alloc(24, 1)),
      box("mdat", Buffer.alloc(200, 7)),
    ]);
    const motion = Buffer.concat([photo, mp4]);
    expect(checkStructure(motion, "jpeg")).toEqual({ ok: true, end: motion.length });
    // A box that claims more than is there, bytes after the last box, or no ftyp first: refused.
    expect(checkStructure(motion.subarray(0, motion.length - 1), "jpeg")).toEqual({
      ok: false,
      problem: "trailing",
    });
    expect(checkStructure(Buffer.concat([motion, Buffer.from("<script>")]), "jpeg")).toEqual({
      ok: false,
      problem: "trailing",
    });
    expect(checkStructure(Buffer.concat([photo, mp4.subarray(mp4.indexOf("moov") - 4)]), "jpeg")).toEqual({
      ok: false,
      problem: "trailing",
    });

    const records = Buffer.from("\0\0\x01\x0aImage_UTC_Data1690000000000", "latin1");
    const header = Buffer.concat([Buffer.from("SEFH", "latin1"), Buffer.alloc(12, 0)]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const samsung = Buffer.concat([photo, records, header, length, Buffer.from("SEFT", "latin1")]);
    expect(checkStructure(samsung, "jpeg")).toEqual({ ok: true, end: samsung.length });
    const wrongLength = Buffer.from(samsung);
    wrongLength.writeUInt32LE(header.length + 3, samsung.length - 8);
    expect(checkStructure(wrongLength, "jpeg")).toEqual({ ok: false, problem: "trailing" });
  });

  it("finds a script appended to a JPEG", async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#abc" } })
      .jpeg()
      .toBuffer();
    const withScript = Buffer.concat([jpeg, Buffer.from("<script>alert(document.cookie)</script>")]);
    expect(checkStructure(withScript, "jpeg")).toEqual({ ok: false, problem: "trailing" });
  });
});
