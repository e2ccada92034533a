/**
 * What a file is, from its bytes (never its name or Content-Type), and where the image in it ends.
 * Pure byte inspection: it names the types we refuse so the designer gets a useful message, and it
 * finds polyglots (an image followed by something else, e.g. HTML or a ZIP) and truncated files.
 */

export type AcceptedFormat = "jpeg" | "png" | "webp";

export type SniffedType =
  | AcceptedFormat
  | "gif"
  | "tiff"
  | "svg"
  | "html"
  | "pdf"
  | "bmp"
  | "heic"
  | "avif"
  | "jxl"
  | "psd"
  | "ico"
  | "zip"
  | "unknown";

export const ACCEPTED_FORMATS: readonly AcceptedFormat[] = ["jpeg", "png", "webp"];

export const CONTENT_TYPES: Record<AcceptedFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(bytes: Buffer, prefix: number[] | string, offset = 0) {
  const expected = typeof prefix === "string" ? Buffer.from(prefix, "latin1") : Buffer.from(prefix);
  return (
    bytes.length >= offset + expected.length &&
    bytes.subarray(offset, offset + expected.length).equals(expected)
  );
}

export function sniffType(bytes: Buffer): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [...PNG_SIGNATURE])) return "png";
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return "webp";
  if (startsWith(bytes, "GIF87a") || startsWith(bytes, "GIF89a")) return "gif";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return "tiff";
  if (startsWith(bytes, "%PDF-")) return "pdf";
  if (startsWith(bytes, "BM")) return "bmp";
  if (startsWith(bytes, "8BPS")) return "psd";
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return "ico";
  if (startsWith(bytes, "PK\x03\x04")) return "zip";
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    return "jxl";
  if (startsWith(bytes, "ftyp", 4)) {
    const brand = bytes.subarray(8, 12).toString("latin1");
    if (brand === "avif" || brand === "avis") return "avif";
    if (["heic", "heix", "hevc", "hevx", "mif1", "msf1"].includes(brand)) return "heic";
  }
  // Text formats: look at the start, past a BOM, whitespace and comments.
  const head = bytes
    .subarray(0, 1024)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(head)) return "svg";
  if (
    /^(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|script|iframe|meta|title|style|link|div|img|p|a)\b/.test(
      head,
    )
  ) {
    return "html";
  }
  if (head.startsWith("<?xml") && head.includes("<svg")) return "svg";
  return "unknown";
}

/**
 * Where the image ends, from the format's own structure: JPEG's EOI marker, PNG's IEND chunk,
 * WebP's RIFF size. `truncated` when the end never comes; `trailing` when bytes follow it.
 */
export type StructureCheck = { ok: true; end: number } | { ok: false; problem: "truncated" | "trailing" };

export function checkStructure(bytes: Buffer, format: AcceptedFormat): StructureCheck {
  let end = format === "jpeg" ? jpegEnd(bytes, 0)?.end : format === "png" ? pngEnd(bytes) : webpEnd(bytes);
  if (end === null || end === undefined || end > bytes.length) return { ok: false, problem: "truncated" };
  if (format === "jpeg") end = pastPhoneTrailers(bytes, pastEmbeddedJpegs(bytes, end));
  if (end < bytes.length) return { ok: false, problem: "trailing" };
  return { ok: true, end };
}

/**
 * Phones and HDR exports put more whole JPEGs after the first one's end (the Multi-Picture Format
 * of CIPA DC-007: the gain map of an Ultra HDR photo, a depth map, a preview). Those are images,
 * not a polyglot: skip each one that is a complete JPEG with image data of its own, up to 8.
 * Anything else after them is trailing data, but for what phones append (`pastPhoneTrailers`).
 */
function pastEmbeddedJpegs(bytes: Buffer, end: number): number {
  for (let i = 0; i < 8 && end + 3 <= bytes.length; i++) {
    if (bytes[end] !== 0xff || bytes[end + 1] !== 0xd8 || bytes[end + 2] !== 0xff) break;
    const next = jpegEnd(bytes, end);
    if (!next || !next.hasFrame || !next.hasScan) break;
    end = next.end;
  }
  return end;
}

/**
 * What phones append after a photo, recognised whole from its own structure: the video of a
 * motion photo (an MP4, ISO BMFF boxes from `ftyp` exactly to the end of the file) or Samsung's
 * trailer (records indexed by a `SEFH` header, the file ending in its length and `SEFT`). The end
 * of the file when one of them fills what is left; `end` unchanged otherwise.
 */
function pastPhoneTrailers(bytes: Buffer, end: number): number {
  if (end >= bytes.length) return end;
  if (isWholeMp4(bytes, end) || isSamsungTrailer(bytes, end)) return bytes.length;
  return end;
}

function isWholeMp4(bytes: Buffer, start: number): boolean {
  if (bytes.length - start < 16 || bytes.toString("latin1", start + 4, start + 8) !== "ftyp") return false;
  let pos = start;
  for (let boxes = 0; pos < bytes.length; boxes++) {
    if (boxes > 10_000 || pos + 8 > bytes.length) return false;
    let size = bytes.readUInt32BE(pos);
    const type = bytes.toString("latin1", pos + 4, pos + 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return false;
    if (size === 1) {
      if (pos + 16 > bytes.length) return false;
      size = Number(bytes.readBigUInt64BE(pos + 8));
      if (size < 16) return false;
    } else if (size === 0) {
      size = bytes.length - pos; // the last box runs to the end
    } else if (size < 8) {
      return false;
    }
    pos += size;
  }
  return pos === bytes.length;
}

function isSamsungTrailer(bytes: Buffer, start: number): boolean {
  const length = bytes.length;
  if (length - start < 16 || bytes.toString("latin1", length - 4) !== "SEFT") return false;
  const headerAt = length - 8 - bytes.readUInt32LE(length - 8);
  return headerAt >= start && bytes.toString("latin1", headerAt, headerAt + 4) === "SEFH";
}

/**
 * Offset just past the EOI marker that ends the JPEG starting at `start`, or null if it never
 * comes; and whether a frame header (SOFn) and a scan (SOS) came before it.
 */
function jpegEnd(bytes: Buffer, start: number): { end: number; hasFrame: boolean; hasScan: boolean } | null {
  let pos = start + 2; // after SOI
  let hasFrame = false;
  let hasScan = false;
  const length = bytes.length;
  while (pos < length) {
    // Find the next marker (tolerating stray bytes between segments, as decoders do).
    if (bytes[pos] !== 0xff) {
      pos++;
      continue;
    }
    while (pos < length && bytes[pos] === 0xff) pos++; // fill bytes
    if (pos >= length) return null;
    const marker = bytes[pos]!;
    pos++;
    if (marker === 0xd9) return { end: pos, hasFrame, hasScan }; // EOI
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (pos + 2 > length) return null;
    const segmentLength = bytes.readUInt16BE(pos);
    if (segmentLength < 2) return null;
    pos += segmentLength;
    // SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      hasFrame = true;
    }
    if (marker === 0xda) {
      hasScan = true;
      // Start of scan: entropy-coded data runs to the next marker that is not a stuffed 0xFF00
      // or a restart marker.
      for (;;) {
        pos = bytes.indexOf(0xff, pos);
        if (pos === -1) return null;
        const next = bytes[pos + 1];
        if (next === undefined) return null;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos += 2;
        else if (next === 0xff) pos++;
        else break;
      }
    }
  }
  return null;
}

/** Offset just past the IEND chunk, or null if it never comes. */
function pngEnd(bytes: Buffer): number | null {
  let pos = PNG_SIGNATURE.length;
  while (pos + 8 <= bytes.length) {
    const chunkLength = bytes.readUInt32BE(pos);
    const type = bytes.subarray(pos + 4, pos + 8).toString("latin1");
    const next = pos + 12 + chunkLength;
    if (chunkLength > 0x7fffffff || next > bytes.length) return null;
    if (type === "IEND") return next;
    pos = next;
  }
  return null;
}

/** The RIFF container's own length (a chunk of odd size is padded by one byte). */
function webpEnd(bytes: Buffer): number | null {
  if (bytes.length < 12) return null;
  const size = bytes.readUInt32LE(4);
  return 8 + size + (size % 2);
}
