import { db, transaction } from "~db/index";
import type { Job } from "~db/schema";
import { blobStore, keys, readAll } from "~storage/index";
import { t } from "~/i18n";
import { HOUR, now } from "~/utils/clock.server";
import { log } from "~/utils/log.server";
import { registerJobHandler } from "../jobs/queue.server";
import { registerPeriodicJob } from "../jobs/scheduler.server";
import { notifyUsers } from "../notify/notifications.server";
import { ImageRefusedError, refusalMessage, renderEntryImages } from "./images.server";
import { indexAndFlagSimilar } from "./similarity.server";
import { watermarkTextFor } from "./watermark";

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
    const previewKey = keys.preview(revision.contest_id, revision.id);
    const thumbnailKey = keys.thumbnail(revision.contest_id, revision.id);
    await blobStore().put(thumbnailKey, images.thumbnail, { contentType: "image/webp" });
    await blobStore().put(previewKey, images.preview, { contentType: "image/webp" });
    await transaction(async (trx) => {
      const marked = await trx
        .updateTable("entry_revisions")
        .set({
          status: "ready",
          preview_key: previewKey,
          thumbnail_key: thumbnailKey,
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
        hash: images.hash,
      });
      await notifyUsers(trx, [contest.client_id], {
        kind: revision.version === 1 ? "entry.new" : "entry.revised",
        contestId: revision.contest_id,
        entryId: entry.id,
        data: { number: entry.number, version: revision.version },
      });
    });
  } catch (error) {
    const permanent = error instanceof ImageRefusedError || error instanceof ImageMissingError;
    const lastTry = job !== undefined && job.attempts >= job.max_attempts;
    if (!permanent && !lastTry) throw error; // storage hiccup: the job runs again later
    const reason =
      error instanceof ImageRefusedError ? refusalMessage(error.refusal) : t("entries.processing.failed");
    log("info", "entries.rejected", { revisionId, error: String(error) });
    await rejectRevision(revision.id, reason);
  }
}

class ImageMissingError extends Error {
  constructor(key: string) {
    super(`The original ${key} is missing`);
  }
}

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
  registerPeriodicJob("entries.sweep", 6 * HOUR, async () => {
    const removed = await sweepOrphanBlobs();
    if (removed) log("info", "entries.swept", { removed });
  });
}
