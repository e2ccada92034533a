import type { Readable } from "node:stream";
import sharp from "sharp";
import { db, type Trx } from "~db/index";
import { blobStore, keys } from "~storage/index";
import { now } from "~/utils/clock.server";
import { newId } from "~/utils/ids.server";
import { log } from "~/utils/log.server";
import { isRefused, Refused } from "../refusal";
import { applyContestEvent, type Contest } from "./contests.server";
import { ownContest } from "./drafts.server";
import { CLIENT_EVENTS } from "./machine";
import { listReferences, loadContestWithAccess, type ReferenceSummary, type Viewer } from "./queries.server";

/** Reference images a client attaches to the brief: what we accept and keep. */
export const REFERENCE_LIMITS = {
  /** Bytes of one upload (the multipart parser stops reading past it). */
  maxBytes: 10 * 1024 * 1024,
  /** Width × height, checked from the header before anything is decoded. */
  maxPixels: 40_000_000,
  perContest: 8,
  /** The kept copy's longest edge, and the thumbnail's. */
  maxEdge: 2048,
  thumbEdge: 480,
} as const;

export type ReferenceProblem =
  | { reason: "too_large" }
  | { reason: "wrong_type"; kind: string }
  | { reason: "not_image" }
  | { reason: "too_many_pixels" }
  | { reason: "too_many" };

type Format = "jpeg" | "png" | "webp";

/**
 * What the bytes are, by their signature: one of the three formats we decode, the name of a format
 * we refuse (for a message in plain words), or null. Nothing else ever reaches a decoder, so sharp's
 * other loaders (SVG, TIFF, PDF, HEIF…) never run on uploads.
 */
export function sniffImage(bytes: Uint8Array): Format | { other: string } | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(0, 4) === "GIF8") return { other: "GIF" };
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return { other: "TIFF" };
  if (ascii(0, 2) === "BM") return { other: "BMP" };
  if (ascii(0, 4) === "%PDF") return { other: "PDF" };
  if (ascii(4, 8) === "ftyp") return { other: /avif/.test(ascii(8, 12)) ? "AVIF" : "HEIC" };
  const head = ascii(0, Math.min(bytes.length, 256)).trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return { other: "SVG" };
  return null;
}

export interface PreparedImage {
  width: number;
  height: number;
  full: Buffer;
  thumb: Buffer;
}

/** Check an upload is a real JPEG, PNG or WebP of sane size, and re-encode it (metadata stripped, orientation applied). */
export async function prepareReferenceImage(
  bytes: Buffer,
): Promise<{ ok: true; image: PreparedImage } | { ok: false; problem: ReferenceProblem }> {
  if (bytes.length > REFERENCE_LIMITS.maxBytes) return { ok: false, problem: { reason: "too_large" } };
  const sniffed = sniffImage(bytes);
  if (sniffed === null) return { ok: false, problem: { reason: "not_image" } };
  if (typeof sniffed === "object")
    return { ok: false, problem: { reason: "wrong_type", kind: sniffed.other } };
  const options = { limitInputPixels: REFERENCE_LIMITS.maxPixels, failOn: "error" as const };
  try {
    const meta = await sharp(bytes, options).metadata();
    if (meta.format !== sniffed) return { ok: false, problem: { reason: "not_image" } };
    if (!meta.width || !meta.height) return { ok: false, problem: { reason: "not_image" } };
    if (meta.width * meta.height > REFERENCE_LIMITS.maxPixels) {
      return { ok: false, problem: { reason: "too_many_pixels" } };
    }
    const { data: full, info } = await sharp(bytes, options)
      .rotate()
      .resize({
        width: REFERENCE_LIMITS.maxEdge,
        height: REFERENCE_LIMITS.maxEdge,
        fit: "inside",
        withoutEnlargement: true,
      })
      .webp({ quality: 84 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full)
      .resize({ width: REFERENCE_LIMITS.thumbEdge, height: REFERENCE_LIMITS.thumbEdge, fit: "inside" })
      .webp({ quality: 78 })
      .toBuffer();
    return { ok: true, image: { width: info.width, height: info.height, full, thumb } };
  } catch (error) {
    const message = String(error);
    if (/pixel limit/i.test(message)) return { ok: false, problem: { reason: "too_many_pixels" } };
    log("info", "reference.unreadable", { error: message.slice(0, 200) });
    return { ok: false, problem: { reason: "not_image" } };
  }
}

/** A file name fit to show: its last path part, no control characters, not too long. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "image").slice(0, 120);
}

export type ReferenceResult =
  | { ok: true; reference?: ReferenceSummary }
  | { ok: false; reason: "not_found" | "not_owner" | "wrong_state" }
  | { ok: false; reason: "invalid"; problem: ReferenceProblem };

/** A draft's references change freely; a launched brief's only while it may still be edited. */
function canEditReferences(contest: Contest) {
  return CLIENT_EVENTS[contest.status].includes("edit_brief");
}

const fullKey = (contestId: string, id: string) => keys.reference(contestId, id);
const thumbKey = (contestId: string, id: string) => keys.reference(contestId, `${id}.thumb`);

/**
 * Attach a reference image to the brief. The bytes are stored first; the row (and, after launch, the
 * timeline entry saying the brief changed) commits after; if that fails, the bytes are removed.
 */
export async function addReference(input: {
  contestId: string;
  clientId: string;
  filename: string;
  bytes: Buffer;
}): Promise<ReferenceResult> {
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return own;
  if (!canEditReferences(own.contest)) return { ok: false, reason: "wrong_state" };
  const existing = await listReferences(input.contestId);
  if (existing.length >= REFERENCE_LIMITS.perContest) {
    return { ok: false, reason: "invalid", problem: { reason: "too_many" } };
  }
  const prepared = await prepareReferenceImage(input.bytes);
  if (!prepared.ok) return { ok: false, reason: "invalid", problem: prepared.problem };

  const id = newId();
  const filename = cleanFilename(input.filename);
  const { width, height, full, thumb } = prepared.image;
  const store = blobStore();
  await store.put(fullKey(input.contestId, id), full, { contentType: "image/webp" });
  await store.put(thumbKey(input.contestId, id), thumb, { contentType: "image/webp" });
  const insert = (trx: Trx) =>
    trx
      .insertInto("contest_references")
      .values({
        id,
        contest_id: input.contestId,
        blob_key: fullKey(input.contestId, id),
        filename,
        content_type: "image/webp",
        width,
        height,
        created_at: now(),
      })
      .execute();
  try {
    const names = existing.map((r) => r.filename);
    await recordReferenceChange(own.contest, input.clientId, names, [...names, filename], insert);
  } catch (error) {
    await store.delete(fullKey(input.contestId, id));
    await store.delete(thumbKey(input.contestId, id));
    if (isRefused(error, "contest")) return { ok: false, reason: "wrong_state" };
    throw error;
  }
  return { ok: true, reference: { id, filename, width, height } };
}

export async function removeReference(input: {
  contestId: string;
  clientId: string;
  referenceId: string;
}): Promise<ReferenceResult> {
  const own = await ownContest(input.contestId, input.clientId);
  if (!own.ok) return own;
  if (!canEditReferences(own.contest)) return { ok: false, reason: "wrong_state" };
  const existing = await listReferences(input.contestId);
  const target = existing.find((r) => r.id === input.referenceId);
  if (!target) return { ok: false, reason: "not_found" };
  const names = existing.map((r) => r.filename);
  try {
    await recordReferenceChange(
      own.contest,
      input.clientId,
      names,
      existing.filter((r) => r.id !== target.id).map((r) => r.filename),
      (trx) =>
        trx
          .deleteFrom("contest_references")
          .where("id", "=", target.id)
          .where("contest_id", "=", input.contestId)
          .execute(),
    );
  } catch (error) {
    if (isRefused(error, "contest")) return { ok: false, reason: "wrong_state" };
    throw error;
  }
  await blobStore().delete(fullKey(input.contestId, target.id));
  await blobStore().delete(thumbKey(input.contestId, target.id));
  return { ok: true };
}

/** A draft's change is just written; a launched brief's goes on the timeline (edit_brief) with it. */
async function recordReferenceChange(
  contest: Contest,
  clientId: string,
  before: string[],
  after: string[],
  write: (trx: Trx) => Promise<unknown>,
) {
  if (contest.status === "draft") {
    await db()
      .transaction()
      .execute(async (trx) => {
        const still = await trx
          .updateTable("contests")
          .set({ updated_at: now() })
          .where("id", "=", contest.id)
          .where("status", "=", "draft")
          .executeTakeFirst();
        if (Number(still.numUpdatedRows) !== 1) throw new Refused("contest", "wrong_state");
        await write(trx);
      });
    return;
  }
  await applyContestEvent({
    contestId: contest.id,
    actor: { kind: "user", id: clientId },
    event: {
      type: "edit_brief",
      fields: ["references"],
      changes: [{ field: "references", before: before.join(", "), after: after.join(", ") }],
    },
    also: async (trx) => {
      await write(trx);
    },
  });
}

/**
 * A reference image's bytes, for whoever may see the brief (the client; anyone for a public
 * launched contest; invited designers after the NDA). Null for everyone else: a 404.
 */
export async function openReference(input: {
  contestId: string;
  referenceId: string;
  viewer: Viewer;
  size: "full" | "thumb";
}): Promise<{ body: Readable; contentType: string; size: number } | null> {
  const found = await loadContestWithAccess(db(), input.contestId, input.viewer);
  if (!found || !found.access.canSeeBrief) return null;
  const row = await db()
    .selectFrom("contest_references")
    .select(["id"])
    .where("id", "=", input.referenceId)
    .where("contest_id", "=", input.contestId)
    .executeTakeFirst();
  if (!row) return null;
  const key = input.size === "thumb" ? thumbKey(input.contestId, row.id) : fullKey(input.contestId, row.id);
  const blob = await blobStore().get(key);
  if (!blob) return null;
  return { body: blob.body, contentType: blob.info.contentType, size: blob.info.size };
}
