import { db, transaction, type Trx } from "~db/index";
import type { Job } from "~db/schema";
import { blobStore, keys, readAll } from "~storage/index";
import { now } from "~/utils/clock.server";
import { HOUR } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { log } from "~/utils/log.server";
import type { Category } from "../contests/brief";
import type { InspectedImage } from "../entries/images.server";
import { renderEntryImages } from "../entries/images.server";
import { mediaUrl } from "../entries/media";
import { storedRejection } from "../entries/rejection.server";
import { WATERMARK_VERSION, watermarkTextFor } from "../entries/watermark";
import { ORPHAN_GRACE_MS } from "../entries/processing.server";
import { enqueueJob, registerJobHandler } from "../jobs/queue.server";
import { registerPeriodicJob } from "../jobs/scheduler.server";
import { isRefused, refusal, type Refusal } from "../refusal";
import type { T } from "~/i18n";
import { receiveDraft, type ReceivedDraft } from "../entries/drafts.server";
import { describeForSimilarity, indexPiece } from "../entries/similarity.server";
import { notifyFollowers } from "./network.server";
import { PIECES_MAX, pieceSchema, type PieceInput } from "./pieces";

/**
 * Portfolio pieces: work a designer uploads to their profile. Each is processed like an entry: the
 * original stored privately (never served), then a durable job makes a watermarked thumbnail and
 * preview (the entry pipeline, one decode) and the same perceptual hash entries keep, for copy
 * detection. Only a ready piece's two watermarked images are public.
 */

export type PortfolioFailure = "not_found" | "limit";

export type AddPieceResult = { ok: true; pieceId: string } | Refusal<"portfolio">;

const activeStatuses = ["processing", "ready"] as const;

async function activeCount(designerId: string) {
  const row = await db()
    .selectFrom("portfolio_pieces")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("designer_id", "=", designerId)
    .where("status", "in", activeStatuses)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the designer may add a piece now: null, or the refusal (the cap). */
export async function pieceEligibility(designerId: string): Promise<Refusal<"portfolio"> | null> {
  return (await activeCount(designerId)) >= PIECES_MAX
    ? refusal("portfolio", "limit", { limit: PIECES_MAX })
    : null;
}

/** A new piece from bytes already vetted by receiveDraft: `processing` until its job has run. */
export async function addPiece(
  input: PieceInput & { designerId: string; file: Buffer; image: InspectedImage },
): Promise<AddPieceResult> {
  const refused = await pieceEligibility(input.designerId);
  if (refused) return refused;
  const pieceId = newId();
  const originalKey = keys.pieceOriginal(input.designerId, pieceId);
  // Stored before its row commits: a crash in between leaves an unreferenced blob, never a row
  // without its bytes.
  await blobStore().put(originalKey, input.file, { contentType: input.image.contentType });
  await transaction(async (trx) => {
    await trx
      .insertInto("portfolio_pieces")
      .values({
        id: pieceId,
        designer_id: input.designerId,
        title: input.title,
        category: input.category,
        description: input.description,
        status: "processing",
        original_key: originalKey,
        original_format: input.image.format,
        original_bytes: input.image.bytes,
        width: input.image.width,
        height: input.image.height,
        created_at: now(),
      })
      .execute();
    await enqueueJob(trx, {
      kind: "portfolio.process",
      payload: { pieceId },
      uniqueKey: `portfolio.process:${pieceId}`,
    });
  });
  return { ok: true, pieceId };
}

export type ReceivePieceResult =
  | AddPieceResult
  | Exclude<ReceivedDraft, { ok: true }>
  | { ok: false; area: "form"; fieldErrors: Partial<Record<keyof PieceInput, string[]>> };

/**
 * A piece sent by the upload form (multipart: `file`, `title`, `category`, `description`): the
 * bytes read under the cap and vetted by the decoder, the fields by the piece's schema.
 */
export async function receivePiece(request: Request, designerId: string, t: T): Promise<ReceivePieceResult> {
  const draft = await receiveDraft(request);
  if (!draft.ok) return draft;
  const fields = pieceSchema(t).safeParse(Object.fromEntries(draft.fields));
  if (!fields.success) {
    const fieldErrors: Partial<Record<keyof PieceInput, string[]>> = {};
    for (const issue of fields.error.issues) {
      const name = issue.path[0] as keyof PieceInput;
      (fieldErrors[name] ??= []).push(issue.message);
    }
    return { ok: false, area: "form", fieldErrors };
  }
  return addPiece({ ...fields.data, designerId, file: draft.bytes, image: draft.image });
}

/**
 * The job: the original into a watermarked thumbnail and preview and a perceptual hash. Idempotent
 * (a rerun overwrites the same keys); the piece becomes ready only after both images are written.
 */
export async function processPiece(pieceId: string, job?: Pick<Job, "attempts" | "max_attempts">) {
  const piece = await db()
    .selectFrom("portfolio_pieces")
    .innerJoin("users", "users.id", "portfolio_pieces.designer_id")
    .select([
      "portfolio_pieces.id",
      "portfolio_pieces.designer_id",
      "portfolio_pieces.status",
      "portfolio_pieces.original_key",
      "portfolio_pieces.title",
      "users.display_name",
    ])
    .where("portfolio_pieces.id", "=", pieceId)
    .executeTakeFirst();
  if (!piece || piece.status !== "processing") return;
  try {
    const original = await blobStore().get(piece.original_key);
    if (!original) throw new Error(`The original ${piece.original_key} is missing`);
    // The mark names the designer: a copied preview still says whose work it is.
    const images = await renderEntryImages(await readAll(original.body), {
      watermarkText: watermarkTextFor(piece.display_name),
    });
    const previewKey = keys.piecePreview(piece.designer_id, piece.id, WATERMARK_VERSION);
    const thumbnailKey = keys.pieceThumbnail(piece.designer_id, piece.id, WATERMARK_VERSION);
    await blobStore().put(thumbnailKey, images.thumbnail, { contentType: "image/webp" });
    await blobStore().put(previewKey, images.preview, { contentType: "image/webp" });
    // Indexed for copy detection: a later entry that copies this piece is flagged (decision 40).
    const features = await describeForSimilarity(images.pixels);
    const marked = await transaction(async (trx) => {
      const updated = await trx
        .updateTable("portfolio_pieces")
        .set({
          status: "ready",
          preview_key: previewKey,
          thumbnail_key: thumbnailKey,
          preview_width: images.sizes.preview.width,
          preview_height: images.sizes.preview.height,
          watermark_version: WATERMARK_VERSION,
          phash: images.hash,
          width: images.width,
          height: images.height,
          reject_reason: null,
          ready_at: now(),
        })
        .where("id", "=", piece.id)
        .where("status", "=", "processing")
        .executeTakeFirst();
      // Its followers hear of it once, with the change that shows it.
      if (Number(updated.numUpdatedRows) === 1) {
        await indexPiece(trx, { id: piece.id, designerId: piece.designer_id }, features);
        await notifyFollowers(trx, piece.designer_id, { kind: "piece", id: piece.id, title: piece.title });
      }
      return updated;
    });
    // Deleted while it was drawn: nothing will ever point at these images.
    if (Number(marked.numUpdatedRows) !== 1) {
      for (const key of [previewKey, thumbnailKey]) await blobStore().delete(key);
    }
  } catch (error) {
    const permanent = isRefused(error, "image");
    const lastTry = job !== undefined && job.attempts >= job.max_attempts;
    if (!permanent && !lastTry) throw error; // storage hiccup: the job runs again later
    log("info", "portfolio.rejected", { pieceId, error: String(error) });
    await db()
      .updateTable("portfolio_pieces")
      .set({
        status: "rejected",
        reject_reason: storedRejection(
          isRefused(error, "image") ? { refusal: error.refusal } : { failed: true },
        ),
      })
      .where("id", "=", piece.id)
      .where("status", "=", "processing")
      .execute();
  }
}

/** Delete one's own piece and its images; someone else's (or a missing one) is not found. */
export async function deletePiece(input: { pieceId: string; designerId: string }) {
  const piece = await db()
    .deleteFrom("portfolio_pieces")
    .where("id", "=", input.pieceId)
    .where("designer_id", "=", input.designerId)
    .returning(["original_key", "preview_key", "thumbnail_key"])
    .executeTakeFirst();
  if (!piece) return refusal("portfolio", "not_found");
  for (const key of [piece.original_key, piece.preview_key, piece.thumbnail_key]) {
    if (key) await blobStore().delete(key);
  }
  return { ok: true as const };
}

/**
 * Take a piece off the portfolio after a report (support upheld it, or its designer withdrew it):
 * it leaves every public page, its row and images stay for the record (ADR 0045). False when there
 * is no such piece of this designer still shown.
 */
export async function takePieceOffPortfolio(trx: Trx, input: { pieceId: string; designerId: string }) {
  const changed = await trx
    .updateTable("portfolio_pieces")
    .set({ hidden_at: now() })
    .where("id", "=", input.pieceId)
    .where("designer_id", "=", input.designerId)
    .where("hidden_at", "is", null)
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) > 0;
}

export interface OwnPiece {
  id: string;
  title: string;
  category: Category;
  description: string;
  status: "processing" | "ready" | "rejected";
  /** A stored rejection (rejectionText words it). */
  rejectReason: string | null;
  thumbnailUrl: string | null;
  createdAt: number;
}

/** The designer's own pieces, every status, newest first (the account's portfolio page). */
export async function listOwnPieces(designerId: string): Promise<OwnPiece[]> {
  const rows = await db()
    .selectFrom("portfolio_pieces")
    .select([
      "id",
      "title",
      "category",
      "description",
      "status",
      "reject_reason",
      "thumbnail_key",
      "created_at",
    ])
    .where("designer_id", "=", designerId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category as Category,
    description: r.description,
    status: r.status,
    rejectReason: r.reject_reason,
    thumbnailUrl: r.status === "ready" && r.thumbnail_key ? mediaUrl(r.thumbnail_key) : null,
    createdAt: r.created_at,
  }));
}

export interface PublicPiece {
  id: string;
  title: string;
  category: Category;
  description: string;
  thumbnailUrl: string;
  at: number;
}

const readyPieces = (designerId: string) =>
  db()
    .selectFrom("portfolio_pieces")
    .where("designer_id", "=", designerId)
    .where("status", "=", "ready")
    .where("hidden_at", "is", null)
    .where("thumbnail_key", "is not", null);

/** A page of a designer's ready pieces, newest first, and how many they have in all. */
export async function publicPieces(designerId: string, page: { limit: number; offset?: number }) {
  const [rows, total] = await Promise.all([
    readyPieces(designerId)
      .select(["id", "title", "category", "description", "thumbnail_key", "ready_at", "created_at"])
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(page.limit)
      .offset(page.offset ?? 0)
      .execute(),
    readyPieces(designerId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const pieces: PublicPiece[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category as Category,
    description: r.description,
    thumbnailUrl: mediaUrl(r.thumbnail_key!),
    at: r.ready_at ?? r.created_at,
  }));
  return { pieces, total: Number(total.n) };
}

/** One ready piece of this designer, with its watermarked preview, or null (answer 404). */
export async function publicPiece(designerId: string, pieceId: string) {
  const r = await readyPieces(designerId)
    .select([
      "id",
      "title",
      "category",
      "description",
      "preview_key",
      "preview_width",
      "preview_height",
      "created_at",
    ])
    .where("id", "=", pieceId)
    .where("preview_key", "is not", null)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    category: r.category as Category,
    description: r.description,
    previewUrl: mediaUrl(r.preview_key!),
    width: r.preview_width,
    height: r.preview_height,
    createdAt: r.created_at,
  };
}

/** A designer by their profile's address (for the public work pages), or null. */
async function designerByHandle(handle: string) {
  const user = await db()
    .selectFrom("users")
    .select(["id", "handle", "display_name"])
    .where("handle", "=", handle.toLowerCase())
    .executeTakeFirst();
  return user?.handle ? { id: user.id, handle: user.handle, name: user.display_name } : null;
}

/** A page (from 1) of a designer's own pieces for /designers/:handle/work, or null (404). */
export async function publicWork(handle: string, page: number, pageSize: number) {
  const designer = await designerByHandle(handle);
  if (!designer) return null;
  const { pieces, total } = await publicPieces(designer.id, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  if (page > 1 && pieces.length === 0) return null;
  return { designer, pieces, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One ready piece on its page, with its designer, or null (404). */
export async function publicPieceOf(handle: string, pieceId: string) {
  const designer = await designerByHandle(handle);
  if (!designer) return null;
  const piece = await publicPiece(designer.id, pieceId);
  return piece ? { designer, piece } : null;
}

/** The key, when it is a ready piece's thumbnail or watermarked preview (public), else null. */
export async function publicPieceKey(key: string, asSupport = false): Promise<string | null> {
  const m = /^public\/pieces\/([a-z0-9]+)\/([a-z0-9]+)-[pt]-w\d+\.webp$/.exec(key);
  if (!m) return null;
  const piece = await db()
    .selectFrom("portfolio_pieces")
    .select(["status", "preview_key", "thumbnail_key", "hidden_at"])
    .where("id", "=", m[2]!)
    .where("designer_id", "=", m[1]!)
    .executeTakeFirst();
  // A piece taken off the portfolio stays visible to support, who decided it (ADR 0045).
  if (!piece || piece.status !== "ready" || (piece.hidden_at !== null && !asSupport)) return null;
  return key === piece.preview_key || key === piece.thumbnail_key ? key : null;
}

/**
 * Remove piece images and avatar crops that no row references, older than the grace period: what a
 * crash between storing bytes and committing their row (or a replaced avatar's failed delete) leaves.
 */
export async function sweepOrphanPortfolioBlobs(olderThan = now() - ORPHAN_GRACE_MS): Promise<number> {
  let removed = 0;
  for (const prefix of ["private/pieces/", "public/pieces/", "public/avatars/"]) {
    for await (const blob of blobStore().list(prefix)) {
      if (blob.lastModified > olderThan) continue;
      const used =
        prefix === "public/avatars/" ? await avatarInUse(blob.key) : await pieceBlobInUse(blob.key);
      if (!used) {
        await blobStore().delete(blob.key);
        removed++;
      }
    }
  }
  return removed;
}

async function pieceBlobInUse(key: string) {
  const row = await db()
    .selectFrom("portfolio_pieces")
    .select("id")
    .where((eb) =>
      eb.or([eb("original_key", "=", key), eb("preview_key", "=", key), eb("thumbnail_key", "=", key)]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

async function avatarInUse(key: string) {
  const m = /^public\/avatars\/([a-z0-9]+)\/([a-z0-9]+)-\d+\.webp$/.exec(key);
  if (!m) return false;
  const user = await db().selectFrom("users").select("avatar_id").where("id", "=", m[1]!).executeTakeFirst();
  return user?.avatar_id === m[2];
}

export function registerPortfolioJobs() {
  registerJobHandler("portfolio.process", (payload: { pieceId: string }, job) =>
    processPiece(payload.pieceId, job),
  );
  registerPeriodicJob("portfolio.sweep", 6 * HOUR, async () => {
    const removed = await sweepOrphanPortfolioBlobs();
    if (removed) log("info", "portfolio.swept", { removed });
  });
}
