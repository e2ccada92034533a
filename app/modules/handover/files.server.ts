import { createHash } from "node:crypto";
import { pipeline, Transform, type TransformCallback } from "node:stream";
import { db, transaction, type DB, type Trx } from "~db/index";
import { blobStore, BlobTooLargeError, keys } from "~storage/index";
import { orderedNow } from "~/utils/clock.server";
import { config } from "~/utils/env.server";
import { newId } from "~/utils/ids.server";
import { isRefused, refusal as refusalOf, Refused, type Refusal, type RefusalVars } from "../refusal";
import { applyContestEvent, loadContest } from "../contests/contests.server";
import { notifyCoalesced, notifyUsers } from "../notify/notifications.server";
import { loadHandoverParty } from "./access.server";
import {
  CONTENT_TYPES,
  SNIFF_BYTES,
  acceptedFormats,
  bytesMatch,
  cleanFileName,
  extensionOf,
  formatFromFileName,
  sniffFormat,
  type Detected,
  type FinalFormat,
} from "./formats";
import { scheduleHandoverReminders } from "./reminders.server";
import { MultipartError, streamMultipart } from "./stream-multipart.server";

export type HandoverRefusalReason =
  | "not_found"
  | "not_winner"
  | "closed"
  | "too_large"
  | "no_extension"
  | "not_asked"
  | "mismatch"
  | "empty"
  | "missing"
  | "one_file"
  | "not_multipart"
  | "malformed"
  | "no_such_file";

/** A refused final file, thrown through the stream and the transaction (see {@link asRefusal}). */
const refuse = (reason: HandoverRefusalReason, vars?: RefusalVars) => new Refused("handover", reason, vars);

export function finalFileLimit() {
  return config().HANDOVER_MAX_BYTES;
}

/**
 * Passes the bytes through while it hashes and counts them, and holds back the first few KB until
 * it has seen enough to tell the format: a file whose bytes are not what its name says is refused
 * before any of it reaches the store.
 */
class FinalFileInspector extends Transform {
  private head: Buffer[] = [];
  private headBytes = 0;
  private decided = false;
  private readonly hash = createHash("sha256");
  bytes = 0;
  detected: Detected | null = null;

  constructor(
    private readonly format: FinalFormat,
    private readonly fileName: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (this.decided) return done(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return done();
    const problem = this.decide();
    if (problem) return done(problem);
    done(null, Buffer.concat(this.head));
    this.head = [];
  }

  override _flush(done: TransformCallback) {
    if (this.bytes === 0) return done(refuse("empty"));
    if (!this.decided) {
      const problem = this.decide();
      if (problem) return done(problem);
      this.push(Buffer.concat(this.head));
    }
    done();
  }

  private decide(): Refused<"handover"> | null {
    this.decided = true;
    this.detected = sniffFormat(Buffer.concat(this.head).subarray(0, SNIFF_BYTES));
    if (bytesMatch(this.format, this.detected)) return null;
    // The detected type and the expected format as codes: the edge names them.
    return refuse("mismatch", {
      ext: extensionOf(this.fileName),
      detected: this.detected,
      format: this.format,
    });
  }

  sha256() {
    return this.hash.digest("hex");
  }
}

interface StoredFile {
  key: string;
  fileName: string;
  format: FinalFormat;
  bytes: number;
  sha256: string;
}

export type ReceiveResult =
  { ok: true; fileId: string; versionId: string; version: number } | Refusal<"handover">;

/**
 * The winner uploads a final file (or, with `replaceFileId`, a new version of one). The multipart
 * body is streamed straight into the blob store under the size cap, its format checked by its
 * first bytes on the way; then its row is written. The first file of a handover starts the
 * automatic approval's clock (`handover_started`) in the same transaction.
 */
export async function receiveFinalFile(
  request: Request,
  input: { contestId: string; userId: string; replaceFileId?: string | null },
): Promise<ReceiveResult> {
  const party = await loadHandoverParty(db(), input.contestId, input.userId);
  if (!party) return refusalOf("handover", "not_found");
  if (party.role !== "winner") return refusalOf("handover", "not_winner");
  if (party.contest.status !== "handover") return refusalOf("handover", "closed");

  const maxBytes = finalFileLimit();
  // A declared length no acceptable body could have is refused before a byte is read.
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (declared > maxBytes + 128 * 1024) return refusalOf("handover", "too_large", { limit: maxBytes });

  const accepted = acceptedFormats(party.contest.deliverables);
  const versionId = newId();
  const key = keys.finalFile(input.contestId, versionId);
  let form;
  try {
    form = await streamMultipart(request, {
      maxFileBytes: maxBytes,
      fileField: "file",
      onFile: async (file): Promise<StoredFile> => {
        const fileName = cleanFileName(file.fileName);
        const format = formatFromFileName(fileName);
        if (!format) throw refuse("no_extension");
        if (!accepted.includes(format)) {
          // The accepted formats as codes ("png,svg"): the edge names them.
          throw refuse("not_asked", { formats: accepted.join(","), ext: extensionOf(fileName) || "?" });
        }
        const inspector = new FinalFileInspector(format, fileName);
        // pipeline() carries an error of either side to the other: a refused upload stops the store.
        const body = pipeline(file.stream, inspector, () => {});
        await blobStore().put(key, body, { contentType: CONTENT_TYPES[format], maxBytes });
        return { key, fileName, format, bytes: inspector.bytes, sha256: inspector.sha256() };
      },
    });
  } catch (error) {
    return asRefusal(error, maxBytes).refusal;
  }
  const stored = form.file?.result;
  if (!stored) return refusalOf("handover", "missing");

  const replaceFileId =
    input.replaceFileId ??
    (typeof form.fields.get("replace") === "string" ? String(form.fields.get("replace")) : "");
  const outcome = await recordFinalFile({
    contestId: input.contestId,
    designerId: input.userId,
    versionId,
    replaceFileId: replaceFileId || null,
    stored,
  }).catch(async (error: unknown) => {
    await blobStore().delete(key);
    throw error;
  });
  if (!outcome.ok) await blobStore().delete(key);
  return outcome;
}

/** The parser's and the store's own errors as the handover's refusals; anything else propagates. */
/** `limit`: the largest file, in bytes (the edge words it). */
function asRefusal(error: unknown, limit: number): Refused<"handover"> {
  if (isRefused(error, "handover")) return error;
  if (error instanceof BlobTooLargeError) return refuse("too_large", { limit });
  if (error instanceof MultipartError) {
    switch (error.problem) {
      case "too_large":
        return refuse("too_large", { limit });
      case "too_many_files":
        return refuse("one_file");
      case "not_multipart":
        return refuse("not_multipart");
      default:
        return refuse("malformed");
    }
  }
  throw error;
}

/** Write the version's rows; the handover's first file also starts its clock. Retries a lost race. */
async function recordFinalFile(input: {
  contestId: string;
  designerId: string;
  versionId: string;
  replaceFileId: string | null;
  stored: StoredFile;
}): Promise<ReceiveResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const contest = await loadContest(db(), input.contestId);
    // A prize held for support's check closes the handover until support decides (ADR 0046).
    if (
      !contest ||
      contest.status !== "handover" ||
      contest.winnerId !== input.designerId ||
      contest.prizeHeld
    ) {
      return refusalOf("handover", "closed");
    }
    try {
      if (contest.roundEndsAt === null) {
        let written: ReceiveResult | null = null;
        await applyContestEvent({
          contestId: input.contestId,
          actor: { kind: "system" },
          event: { type: "handover_started" },
          also: async (trx, next) => {
            if (next.winnerId !== input.designerId) throw refuse("closed");
            written = await writeVersion(trx, input);
            await scheduleHandoverReminders(trx, next);
            await notifyUsers(trx, [next.clientId], {
              kind: "handover.started",
              contestId: next.id,
              data: { name: await userName(trx, input.designerId) },
            });
          },
        });
        return written!;
      }
      const done = await transaction(async (trx) => {
        const locked = await loadContest(trx, input.contestId, { lock: true });
        if (!locked || locked.status !== "handover" || locked.winnerId !== input.designerId) {
          throw refuse("closed");
        }
        if (locked.roundEndsAt === null) return null; // not started after all: take the other path
        const written = await writeVersion(trx, input);
        // The client hears of later files too, folded into one unread notice while they keep coming.
        await notifyCoalesced(trx, locked.clientId, {
          kind: "handover.files_updated",
          contestId: locked.id,
          entryId: locked.winningEntryId,
          data: { name: await userName(trx, input.designerId) },
        });
        return written;
      });
      if (done) return done;
    } catch (error) {
      if (isRefused(error, "handover")) return error.refusal;
      // Another upload started the clock first (or the contest moved on): look again.
      if (isRefused(error, "contest", "wrong_state", "conflict")) continue;
      throw error;
    }
  }
  return refusalOf("handover", "closed");
}

async function writeVersion(
  trx: Trx,
  input: {
    contestId: string;
    designerId: string;
    versionId: string;
    replaceFileId: string | null;
    stored: StoredFile;
  },
): Promise<ReceiveResult> {
  const at = orderedNow(); // files and versions list in the order they came
  const { stored } = input;
  let fileId: string;
  let version: number;
  if (input.replaceFileId) {
    const file = await trx
      .selectFrom("handover_files")
      .select(["id", "version_count"])
      .where("id", "=", input.replaceFileId)
      .where("contest_id", "=", input.contestId)
      .executeTakeFirst();
    if (!file) throw refuse("no_such_file");
    fileId = file.id;
    version = file.version_count + 1;
    // Under the contest's lock (taken by the caller), so two replacements cannot take one number.
    await trx
      .updateTable("handover_files")
      .set({ current_version_id: input.versionId, version_count: version, updated_at: at })
      .where("id", "=", fileId)
      .execute();
  } else {
    fileId = newId();
    version = 1;
    await trx
      .insertInto("handover_files")
      .values({
        id: fileId,
        contest_id: input.contestId,
        designer_id: input.designerId,
        current_version_id: input.versionId,
        version_count: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  await trx
    .insertInto("handover_file_versions")
    .values({
      id: input.versionId,
      file_id: fileId,
      contest_id: input.contestId,
      version,
      blob_key: stored.key,
      file_name: stored.fileName,
      format: stored.format,
      content_type: CONTENT_TYPES[stored.format],
      bytes: stored.bytes,
      sha256: stored.sha256,
      uploaded_by: input.designerId,
      created_at: at,
    })
    .execute();
  return { ok: true, fileId, versionId: input.versionId, version };
}

async function userName(executor: DB | Trx, userId: string) {
  const row = await executor
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.display_name ?? "";
}

export interface FinalFileVersionView {
  id: string;
  version: number;
  fileName: string;
  format: FinalFormat;
  bytes: number;
  sha256: string;
  createdAt: number;
}

export interface FinalFileView {
  id: string;
  current: FinalFileVersionView;
  /** Earlier versions, newest first. */
  earlier: FinalFileVersionView[];
}

/** A contest's final files, first uploaded first, each with its versions. */
export async function listFinalFiles(executor: DB | Trx, contestId: string): Promise<FinalFileView[]> {
  const files = await executor
    .selectFrom("handover_files")
    .select(["id", "current_version_id"])
    .where("contest_id", "=", contestId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  if (files.length === 0) return [];
  const versions = await executor
    .selectFrom("handover_file_versions")
    .select(["id", "file_id", "version", "file_name", "format", "bytes", "sha256", "created_at"])
    .where("contest_id", "=", contestId)
    .orderBy("version", "desc")
    .execute();
  return files.map((f) => {
    const mine = versions
      .filter((v) => v.file_id === f.id)
      .map((v) => ({
        id: v.id,
        version: v.version,
        fileName: v.file_name,
        format: v.format,
        bytes: Number(v.bytes),
        sha256: v.sha256,
        createdAt: v.created_at,
      }));
    const current = mine.find((v) => v.id === f.current_version_id) ?? mine[0]!;
    return { id: f.id, current, earlier: mine.filter((v) => v.id !== current.id) };
  });
}

export async function countFinalFiles(executor: DB | Trx, contestId: string): Promise<number> {
  const row = await executor
    .selectFrom("handover_files")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("contest_id", "=", contestId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
