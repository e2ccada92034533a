import sharp, { type Metadata } from "sharp";
import { refusal, Refused, type Refusal, type RefusalVars } from "~/modules/refusal";
import { config } from "~/utils/env.server";
import {
  ACCEPTED_FORMATS,
  checkStructure,
  CONTENT_TYPES,
  sniffType,
  type AcceptedFormat,
  type SniffedType,
} from "./image-format";
import { differenceHash, type RawPixels } from "./phash";
import { applyWatermark, capHeightFor, watermarkTile } from "./watermark";

/**
 * The entry image pipeline: an uploaded draft is inspected (the bytes decide the type), then turned
 * into a thumbnail, a watermarked preview and a perceptual hash from one decode. See
 * docs/decisions/0008-entry-images.md.
 */

// Only the JPEG, PNG and WebP decoders, and only from memory. Every other libvips loader (SVG,
// TIFF, GIF, PDF, HEIF, ImageMagick, files on disk…) is refused for the whole process, so bytes that
// slip past the checks below still cannot reach a decoder we do not trust.
sharp.block({ operation: ["VipsForeignLoad"] });
sharp.unblock({
  operation: ["VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer", "VipsForeignLoadWebpBuffer"],
});

export const PREVIEW_LONG_SIDE = 1200;
export const THUMBNAIL_LONG_SIDE = 400;
const WEBP_QUALITY = 80;
/**
 * WebP for our outputs. With transparency, libwebp compresses the alpha plane losslessly at the
 * encoder's effort, and an alpha plane that carries the watermark costs most of the encode: effort 3
 * instead of the default 4 takes about a third less CPU for 5 % more bytes, and the same colours.
 */
function webpOptions(channels: number) {
  return channels === 4 ? { quality: WEBP_QUALITY, effort: 3 } : { quality: WEBP_QUALITY };
}
/** A decode that takes longer than this is abandoned (a hostile file built to be slow). */
const DECODE_TIMEOUT_SECONDS = 60;

export type { AcceptedFormat, SniffedType };

export type ImageRefusalReason =
  "empty" | "unsupported_type" | "too_many_pixels" | "truncated" | "trailing_data" | "corrupt";

/**
 * An image refused: the refusal (for unsupported_type its `type` value is the sniffed type's code),
 * what the bytes look like, and the decoder's own words for logs (never shown to users). The edge
 * (`~/utils/refusals.server`) gives it its status and message.
 */
export type ImageRefusal = Refusal<"image"> & {
  /** What the bytes look like. */
  detectedType: SniffedType;
  /** The decoder's own words, for logs (never shown to users). */
  detail?: string;
};

export interface InspectedImage {
  ok: true;
  format: AcceptedFormat;
  /** The content type to store the original under, from the decoder (not from the upload). */
  contentType: string;
  /** Dimensions after EXIF orientation is applied. */
  width: number;
  height: number;
  /** Size of the file in bytes. */
  bytes: number;
}

export type ImageInspection = InspectedImage | ImageRefusal;

export interface InspectOptions {
  /** Refuse images with more pixels than this, before decoding (default IMAGE_MAX_PIXELS, 50 MP). */
  maxPixels?: number;
  /**
   * Decode the pixel data (at reduced size) to find damage the headers do not show. On by default;
   * renderEntryImages turns it off because its own decode does the same.
   */
  verifyPixels?: boolean;
}

/** The refusal thrown by renderEntryImages; the decoder's words, if any, are its cause. */
function refused(image: ImageRefusal): Refused<"image"> {
  const options = image.detail ? { cause: new Error(image.detail) } : undefined;
  return new Refused("image", image.reason, image.vars, options);
}

function refuse(
  reason: ImageRefusalReason,
  detectedType: SniffedType,
  vars?: RefusalVars,
  detail?: string,
): ImageRefusal {
  return { ...refusal("image", reason, vars), detectedType, ...(detail ? { detail } : {}) };
}

function maxPixelsOf(options: { maxPixels?: number }) {
  return options.maxPixels ?? config().IMAGE_MAX_PIXELS;
}

function isAccepted(type: SniffedType): type is AcceptedFormat {
  return (ACCEPTED_FORMATS as readonly string[]).includes(type);
}

/** The checks that need no decoder: not empty, sniffed as ours, the container whole and alone. */
function checkBytes(bytes: Buffer): ImageRefusal | AcceptedFormat {
  if (bytes.length === 0) return refuse("empty", "unknown");
  const sniffed = sniffType(bytes);
  if (!isAccepted(sniffed)) return refuse("unsupported_type", sniffed, { type: sniffed });
  const structure = checkStructure(bytes, sniffed);
  if (!structure.ok)
    return refuse(structure.problem === "truncated" ? "truncated" : "trailing_data", sniffed);
  return sniffed;
}

/** The header only (no pixels decoded): what the decoder sees, and the pixel cap. */
async function checkHeader(
  bytes: Buffer,
  sniffed: AcceptedFormat,
  maxPixels: number,
): Promise<ImageRefusal | { ok: true; width: number; height: number }> {
  let header: Metadata;
  try {
    header = await sharp(bytes, { failOn: "error", limitInputPixels: false }).metadata();
  } catch (error) {
    return refuse("corrupt", sniffed, undefined, (error as Error).message);
  }
  if (header.format !== sniffed || !header.width || !header.height) {
    return refuse("corrupt", sniffed, undefined, `decoder saw ${header.format ?? "nothing"}`);
  }
  // Dimensions as the designer sees them, after EXIF orientation.
  const width = header.autoOrient?.width ?? header.width;
  const height = header.autoOrient?.height ?? header.height;
  if (header.width * header.height > maxPixels) {
    return refuse("too_many_pixels", sniffed, {
      width,
      height,
      limit: Number((maxPixels / 1_000_000).toPrecision(2)),
    });
  }
  return { ok: true, width, height };
}

/**
 * Decide whether uploaded bytes are an image we accept. Never trusts the file name or the
 * Content-Type: the bytes are sniffed, the header is read (no pixels) to cap the pixel count, the
 * container is walked to its end marker, and then the pixels are decoded at reduced size.
 */
export async function inspectImage(bytes: Buffer, options: InspectOptions = {}): Promise<ImageInspection> {
  const maxPixels = maxPixelsOf(options);
  if (bytes.length === 0) return refuse("empty", "unknown");
  const sniffed = sniffType(bytes);
  if (!isAccepted(sniffed)) return refuse("unsupported_type", sniffed, { type: sniffed });
  // The pixel cap comes before the container walk: a huge image is refused as huge.
  const header = await checkHeader(bytes, sniffed, maxPixels);
  if (!header.ok) return header;
  const checked = checkBytes(bytes);
  if (typeof checked !== "string") return checked;

  if (options.verifyPixels ?? true) {
    try {
      await sharp(bytes, { failOn: "error", limitInputPixels: maxPixels })
        .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
        .resize({ width: 256, height: 256, fit: "inside", withoutEnlargement: true })
        .raw()
        .toBuffer();
    } catch (error) {
      return refuse("corrupt", sniffed, undefined, (error as Error).message);
    }
  }

  return {
    ok: true,
    format: sniffed,
    contentType: CONTENT_TYPES[sniffed],
    width: header.width,
    height: header.height,
    bytes: bytes.length,
  };
}

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/**
 * The one decode: oriented, converted to sRGB, shrunk on load and resized to fit the preview, as
 * raw 8-bit pixels (RGB, or RGBA when the image has transparency). Never upscales.
 */
async function decodeForPreview(original: Buffer, maxPixels: number): Promise<RawImage> {
  const { data, info } = await sharp(original, {
    failOn: "error",
    limitInputPixels: maxPixels,
    autoOrient: true,
  })
    .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
    .resize({ width: PREVIEW_LONG_SIDE, height: PREVIEW_LONG_SIDE, fit: "inside", withoutEnlargement: true })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 | 4 };
}

/**
 * The original checked and decoded: the byte checks first (no decoder involved), then the header
 * read and the decode side by side; limitInputPixels stops an oversized decode at its header.
 * Throws Refused("image", …).
 */
async function acceptAndDecode(original: Buffer, maxPixels: number) {
  const format = checkBytes(original);
  if (typeof format !== "string") throw refused(format);
  const [header, decoded] = await Promise.all([
    checkHeader(original, format, maxPixels),
    decodeForPreview(original, maxPixels).catch((error: Error) => error),
  ]);
  if (!header.ok) throw refused(header);
  if (decoded instanceof Error) throw refused(refuse("corrupt", format, undefined, decoded.message));
  return { format, width: header.width, height: header.height, pixels: decoded };
}

export interface RenderOptions {
  /** The watermark's words, e.g. watermarkTextFor(contest.title) → "CONCOURS · ACME LOGO". */
  watermarkText: string;
  maxPixels?: number;
}

export interface EntryImages {
  /** WebP, at most 400 px on the long side, watermarked at its own size, no metadata. */
  thumbnail: Buffer;
  /** WebP, at most 1200 px on the long side, watermarked, no metadata. */
  preview: Buffer;
  /** 64-bit difference hash, 16 hex characters (see phash.ts). */
  hash: string;
  /** The decoded, unwatermarked pixels at preview size (copy detection describes them). */
  pixels: RawPixels;
  /** The original's dimensions after orientation. */
  width: number;
  height: number;
  format: AcceptedFormat;
  /** The outputs' own dimensions (for width/height attributes in the page). */
  sizes: { preview: { width: number; height: number }; thumbnail: { width: number; height: number } };
}

/**
 * Thumbnail, watermarked preview and perceptual hash of an entry's original, from one decode: the
 * original is decoded once (shrink-on-load) to preview-sized raw pixels; the thumbnail resize starts
 * at once on a libuv thread while this thread watermarks a copy, the preview encodes on a second
 * thread, the thumbnail is watermarked at its own size and encoded, and the hash is taken when the
 * thumbnail is done. Both outputs are marked; neither carries metadata (no EXIF, GPS, ICC or XMP).
 * Throws Refused("image", …) if the original is not an acceptable image.
 */
export async function renderEntryImages(original: Buffer, options: RenderOptions): Promise<EntryImages> {
  const { format, width, height, pixels } = await acceptAndDecode(original, maxPixelsOf(options));
  const raw = { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } };

  // The thumbnail is resized on a libuv thread while this thread watermarks the preview's copy.
  const thumbnail = sharp(pixels.data, raw)
    .resize({
      width: THUMBNAIL_LONG_SIDE,
      height: THUMBNAIL_LONG_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const watermarked = Buffer.from(pixels.data);
  applyWatermark(
    watermarked,
    pixels,
    watermarkTile(options.watermarkText, capHeightFor(pixels.width, pixels.height)),
  );
  const preview = sharp(watermarked, raw).webp(webpOptions(pixels.channels)).toBuffer();
  // The thumbnail gets its own mark, drawn at its size (a shrunken preview's mark would blur away).
  const thumbnailWebp = thumbnail.then(({ data, info }) => {
    const size = { width: info.width, height: info.height, channels: info.channels };
    applyWatermark(data, size, watermarkTile(options.watermarkText, capHeightFor(info.width, info.height)));
    return sharp(data, { raw: size }).webp(webpOptions(info.channels)).toBuffer({ resolveWithObject: true });
  });
  // Hash on the core the thumbnail frees (it finishes long before the preview).
  const hash = thumbnailWebp.then(() => differenceHash(pixels));

  const [thumb, previewBytes, hashValue] = await Promise.all([thumbnailWebp, preview, hash]);
  return {
    thumbnail: thumb.data,
    preview: previewBytes,
    hash: hashValue,
    pixels,
    width,
    height,
    format,
    sizes: {
      preview: { width: pixels.width, height: pixels.height },
      thumbnail: { width: thumb.info.width, height: thumb.info.height },
    },
  };
}

/** The perceptual hash of any accepted image, computed exactly as renderEntryImages does. */
export async function perceptualHash(bytes: Buffer, options: { maxPixels?: number } = {}): Promise<string> {
  const { pixels } = await acceptAndDecode(bytes, maxPixelsOf(options));
  return differenceHash(pixels);
}

/**
 * Square WebP crops of an accepted image (an avatar), one per side, centred cover crops, never
 * upscaled past the decoded size. The same checks and single decode as an entry (the bytes decide
 * the type, the pixel cap before decoding, orientation applied, no metadata kept). Throws
 * Refused("image", …).
 */
export async function renderSquareCrops(
  original: Buffer,
  sides: readonly number[],
  options: { maxPixels?: number } = {},
): Promise<Buffer[]> {
  const { pixels } = await acceptAndDecode(original, maxPixelsOf(options));
  const raw = { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } };
  return Promise.all(
    sides.map((side) =>
      sharp(pixels.data, raw)
        .resize({ width: side, height: side, fit: "cover", position: "centre" })
        .webp(webpOptions(pixels.channels))
        .toBuffer(),
    ),
  );
}
