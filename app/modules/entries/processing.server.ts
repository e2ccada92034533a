import { db, transaction } from "~db/index";
import type { Job } from "~db/schema";
import { blobStore, keys, readAll } from "~storage/index";
import { now } from "~/utils/clock.server";
import { HOUR } from "~/utils/durations";
import { log } from "~/utils/log.server";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";
import { registerPeriodicJob } from "../jobs/scheduler.server";
import { isRefused } from "../refusal";
import { notifyUsers } from "../notify/notifications.server";
import { renderEntryImages } from "./images.server";
import { storedRejection } from "./rejection.server";
import { describeForSimilarity, indexAndFlagSimilar } from "./similarity.server";
import { WATERMARK_VERSION, watermarkTextFor } from "./watermark";

/**
 * The durable job that turns a stored original into its thumbnail and watermarked preview.
 * Idempotent: a worker that dies midway leaves the revision `processing`; the job runs again after
 * the lease and overwrites the same keys. The revision becomes `ready` only in the transaction that
 * follows the successful writes of both images, so nothing is ever ready without its previews.
 */
export async function processRevision(revisionId: string, job?: Pick<Job, "attempts" | "max_attempts">) {
  const revision = await db()
    .selectFrom("entry_revisions")
    .selectAll()
    .where("id", "=", revisionId)
    .executeTakeFirst();
  if (!revision || revision.status !== "processing") return;
  const contest = await db()
    .selectFrom("contests")
    .select(["title", "client_id"])
    .where("id", "=", revision.contest_id)
    .executeTakeFirstOrThrow();
  try {
    const original = await blobStore().get(revision.original_key);
    if (!original) throw new ImageMissingError(revision.original_key);
    const images = await renderEntryImages(await readAll(original.body), {
      watermarkText: watermarkTextFor(contest.title),
    });
    const previewKey = keys.preview(revision.contest_id, revision.id, WATERMARK_VERSION);
    const thumbnailKey = keys.thumbnail(revision.contest_id, revision.id, WATERMARK_VERSION);
    await blobStore().put(thumbnailKey, images.thumbnail, { contentType: "image/webp" });
    await blobStore().put(previewKey, images.preview, { contentType: "image/webp" });
    // Described before the transaction: the CPU work does not hold the write lock.
    const features = await describeForSimilarity(images.pixels);
    await transaction(async (trx) => {
      const marked = await trx
        .updateTable("entry_revisions")
        .set({
          status: "ready",
          preview_key: previewKey,
          thumbnail_key: thumbnailKey,
          watermark_version: WATERMARK_VERSION,
          phash: images.hash,
          width: images.width,
          height: images.height,
          ready_at: now(),
        })
        .where("id", "=", revision.id)
        .where("status", "=", "processing")
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) return;
      const entry = await trx
        .selectFrom("entries")
        .selectAll()
        .where("id", "=", revision.entry_id)
        .executeTakeFirstOrThrow();
      const current = entry.current_revision_id
        ? await trx
            .selectFrom("entry_revisions")
            .select("version")
            .where("id", "=", entry.current_revision_id)
            .executeTakeFirst()
        : undefined;
      if (!current || current.version < revision.version) {
        await trx
          .updateTable("entries")
          .set({
            current_revision_id: revision.id,
            // The entry shows what its shown version declared (ADR 0041).
            ai_declared: revision.ai_declared,
            status: entry.status === "processing" || entry.status === "rejected" ? "ready" : entry.status,
            reject_reason: null,
            updated_at: now(),
          })
          .where("id", "=", entry.id)
          .execute();
      }
      await indexAndFlagSimilar(trx, {
        id: revision.id,
        entryId: entry.id,
        contestId: revision.contest_id,
        designerId: revision.designer_id,
        features,
      });
      await notifyUsers(trx, [contest.client_id], {
        kind: revision.version === 1 ? "entry.new" : "entry.revised",
        contestId: revision.contest_id,
        entryId: entry.id,
        data: { number: entry.number, version: revision.version },
      });
    });
  } catch (error) {
    const permanent = isRefused(error, "image") || error instanceof ImageMissingError;
    const lastTry = job !== undefined && job.attempts >= job.max_attempts;
    if (!permanent && !lastTry) throw error; // storage hiccup: the job runs again later
    // The code and values are stored, not words: the entry page and the notification word them.
    const reason = storedRejection(isRefused(error, "image") ? { refusal: error.refusal } : { failed: true });
    log("info", "entries.rejected", { revisionId, error: describe(error) });
    await rejectRevision(revision.id, reason);
  }
}

/** The error for the logs, with the decoder's own words when a refusal carries them. */
function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${String(error)}${cause}`;
}

class ImageMissingError extends Error {
  constructor(key: string) {
    super(`The original ${key} is missing`);
  }
}

/** `reason`: a {@link storedRejection}. */
async function rejectRevision(revisionId: string, reason: string) {
  await transaction(async (trx) => {
    const revision = await trx
      .updateTable("entry_revisions")
      .set({ status: "rejected", reject_reason: reason })
      .where("id", "=", revisionId)
      .where("status", "=", "processing")
      .returning(["entry_id", "designer_id", "contest_id"])
      .executeTakeFirst();
    if (!revision) return;
    // An entry with no usable version is refused as a whole; one with an earlier version keeps it.
    await trx
      .updateTable("entries")
      .set({ status: "rejected", reject_reason: reason, updated_at: now() })
      .where("id", "=", revision.entry_id)
      .where("status", "=", "processing")
      .execute();
    await notifyUsers(trx, [revision.designer_id], {
      kind: "entry.rejected",
      contestId: revision.contest_id,
      entryId: revision.entry_id,
      data: { reason },
    });
  });
}

/**
 * Draw a ready revision's preview and thumbnail again from its original when they carry an older
 * watermark (made before thumbnails and transparent backgrounds were marked). The new images go
 * under new keys, the row moves to them with compare-and-set, then the old blobs are deleted (the
 * orphan sweep is the backstop). Nothing else about the revision changes: same hash, same status.
 */
export async function remarkRevision(revisionId: string) {
  const revision = await db()
    .selectFrom("entry_revisions")
    .innerJoin("contests", "contests.id", "entry_revisions.contest_id")
    .select([
      "entry_revisions.id",
      "entry_revisions.contest_id",
      "entry_revisions.status",
      "entry_revisions.original_key",
      "entry_revisions.preview_key",
      "entry_revisions.thumbnail_key",
      "entry_revisions.watermark_version",
      "contests.title",
    ])
    .where("entry_revisions.id", "=", revisionId)
    .executeTakeFirst();
  if (!revision || revision.status !== "ready" || revision.watermark_version >= WATERMARK_VERSION) return;
  const original = await blobStore().get(revision.original_key);
  if (!original) {
    // Nothing to draw from; the media route keeps answering its thumbnail with the preview.
    log("info", "entries.remark.missing", { revisionId, key: revision.original_key });
    return;
  }
  let images;
  try {
    images = await renderEntryImages(await readAll(original.body), {
      watermarkText: watermarkTextFor(revision.title),
    });
  } catch (error) {
    if (!isRefused(error, "image")) throw error;
    log("info", "entries.remark.refused", { revisionId, error: describe(error) });
    return;
  }
  const previewKey = keys.preview(revision.contest_id, revision.id, WATERMARK_VERSION);
  const thumbnailKey = keys.thumbnail(revision.contest_id, revision.id, WATERMARK_VERSION);
  await blobStore().put(thumbnailKey, images.thumbnail, { contentType: "image/webp" });
  await blobStore().put(previewKey, images.preview, { contentType: "image/webp" });
  const moved = await db()
    .updateTable("entry_revisions")
    .set({ preview_key: previewKey, thumbnail_key: thumbnailKey, watermark_version: WATERMARK_VERSION })
    .where("id", "=", revision.id)
    .where("watermark_version", "=", revision.watermark_version)
    .executeTakeFirst();
  // Another worker got there first: it wrote the same keys, so there is nothing to undo.
  if (Number(moved.numUpdatedRows) !== 1) return;
  for (const old of [revision.preview_key, revision.thumbnail_key]) {
    if (old && old !== previewKey && old !== thumbnailKey) await blobStore().delete(old);
  }
}

/** Queue a re-mark for every ready revision whose images carry an older watermark. */
export async function enqueueRemarks(): Promise<number> {
  const stale = await db()
    .selectFrom("entry_revisions")
    .select("id")
    .where("status", "=", "ready")
    .where("watermark_version", "<", WATERMARK_VERSION)
    .execute();
  for (const { id } of stale) {
    await enqueueJob(db(), {
      kind: "entries.remark.revision",
      payload: { revisionId: id },
      uniqueKey: `entries.remark:${id}:${WATERMARK_VERSION}`,
    });
  }
  return stale.length;
}

/** Grace period before an unreferenced blob is removed (an upload may still be committing). */
export const ORPHAN_GRACE_MS = 24 * HOUR;

/**
 * Remove originals and images that no committed row references and that are older than the grace
 * period: what a crash between storing bytes and committing their row leaves behind.
 */
export async function sweepOrphanBlobs(olderThan = now() - ORPHAN_GRACE_MS): Promise<number> {
  let removed = 0;
  for (const prefix of ["private/originals/", "public/previews/", "public/thumbs/"]) {
    for await (const blob of blobStore().list(prefix)) {
      if (blob.lastModified > olderThan) continue;
      const column = prefix.startsWith("private")
        ? "original_key"
        : prefix.includes("previews")
          ? "preview_key"
          : "thumbnail_key";
      const used = await db()
        .selectFrom("entry_revisions")
        .select("id")
        .where(column, "=", blob.key)
        .executeTakeFirst();
      if (!used) {
        await blobStore().delete(blob.key);
        removed++;
      }
    }
  }
  return removed;
}

export function registerEntryJobs() {
  registerJobHandler("entries.process", (payload: { revisionId: string }, job) =>
    processRevision(payload.revisionId, job),
  );
  registerJobHandler("entries.remark.revision", (payload: { revisionId: string }) =>
    remarkRevision(payload.revisionId),
  );
  // Runs at start (a missed slot runs at once), so a deployment re-marks older images right away.
  registerPeriodicJob("entries.remark", 6 * HOUR, async () => {
    const queued = await enqueueRemarks();
    if (queued) log("info", "entries.remark.queued", { queued });
  });
  registerPeriodicJob("entries.sweep", 6 * HOUR, async () => {
    const removed = await sweepOrphanBlobs();
    if (removed) log("info", "entries.swept", { removed });
  });
}
