import { createHmac, timingSafeEqual } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "~db/index";
import { attachmentDisposition, blobStore } from "~storage/index";
import { now } from "~/utils/clock.server";
import { config } from "~/utils/env.server";
import { appSecret } from "~/utils/secret.server";
import { loadHandoverParty } from "./access.server";

/**
 * The private bytes of a handover, reached only through short-lived links issued after the access
 * check: the final files and the winning entry's originals (every version). Both parties open the
 * final files at any time, so the client can check what they approve (the automatic approval keeps
 * the designer from waiting on a silent client); the originals reach the client once the contest is
 * completed (docs/decisions/0016-handover-downloads-and-earnings.md). With S3
 * the link is a presigned URL; with the filesystem store it is `/downloads/<token>`, an HMAC-signed
 * token naming the blob, the file name, the expiry and the user it was issued to.
 */

export type DownloadTarget = { kind: "final"; versionId: string } | { kind: "original"; revisionId: string };

interface Grant {
  key: string;
  fileName: string;
  contentType: string;
}

const EXTENSION: Record<string, string> = { jpeg: "jpg", png: "png", webp: "webp" };

export function slug(text: string) {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "contest"
  );
}

/** The blob this viewer may download, or null (answer 403). The one owner of the download rule. */
export async function authorizeDownload(input: {
  contestId: string;
  viewerId: string | null;
  target: DownloadTarget;
}): Promise<Grant | null> {
  const party = await loadHandoverParty(db(), input.contestId, input.viewerId);
  if (!party) return null;
  if (input.target.kind === "final") {
    const version = await db()
      .selectFrom("handover_file_versions")
      .select(["blob_key", "file_name", "content_type"])
      .where("id", "=", input.target.versionId)
      .where("contest_id", "=", party.contest.id)
      .executeTakeFirst();
    if (!version) return null;
    return { key: version.blob_key, fileName: version.file_name, contentType: version.content_type };
  }
  if (party.role !== "client" || party.contest.status !== "completed") return null;
  const revision = await db()
    .selectFrom("entry_revisions")
    .innerJoin("entries", "entries.id", "entry_revisions.entry_id")
    .select([
      "entry_revisions.original_key",
      "entry_revisions.original_format",
      "entry_revisions.version",
      "entries.number",
    ])
    .where("entry_revisions.id", "=", input.target.revisionId)
    .where("entry_revisions.entry_id", "=", party.contest.winningEntryId)
    .executeTakeFirst();
  if (!revision) return null;
  const ext = EXTENSION[revision.original_format] ?? "bin";
  return {
    key: revision.original_key,
    fileName: `${slug(party.contest.title)}-entry-${revision.number}-v${revision.version}.${ext}`,
    contentType: ext === "jpg" ? "image/jpeg" : ext === "bin" ? "application/octet-stream" : `image/${ext}`,
  };
}

export function linkSeconds() {
  return config().DOWNLOAD_LINK_SECONDS;
}

/** A short-lived link to the bytes, made after authorizeDownload said yes. */
export async function downloadLink(grant: Grant, viewerId: string): Promise<string> {
  const store = blobStore();
  const seconds = linkSeconds();
  if (store.signedUrl) {
    return store.signedUrl(grant.key, {
      expiresInSeconds: seconds,
      contentDisposition: attachmentDisposition(grant.fileName),
    });
  }
  return `/downloads/${signDownloadToken({ ...grant, userId: viewerId, expiresAt: now() + seconds * 1000 })}`;
}

interface TokenClaims extends Grant {
  userId: string;
  expiresAt: number;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");
const mac = (payload: string) => createHmac("sha256", appSecret()).update(`download.v1.${payload}`).digest();

export function signDownloadToken(claims: TokenClaims): string {
  const payload = b64(
    JSON.stringify({
      k: claims.key,
      n: claims.fileName,
      t: claims.contentType,
      u: claims.userId,
      e: claims.expiresAt,
    }),
  );
  return `${payload}.${b64(mac(payload))}`;
}

/** The token's claims if it is ours, unaltered, unexpired and issued to this viewer; else null. */
export function verifyDownloadToken(token: string, viewerId: string | null): TokenClaims | null {
  if (!viewerId || token.length > 2048) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: { k?: unknown; n?: unknown; t?: unknown; u?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (
    typeof claims.k !== "string" ||
    typeof claims.n !== "string" ||
    typeof claims.t !== "string" ||
    typeof claims.u !== "string" ||
    typeof claims.e !== "number"
  ) {
    return null;
  }
  if (claims.u !== viewerId || now() >= claims.e) return null;
  // Only private originals and final files are ever handed out this way.
  if (!/^private\/(originals|finals)\//.test(claims.k)) return null;
  return { key: claims.k, fileName: claims.n, contentType: claims.t, userId: claims.u, expiresAt: claims.e };
}

/** The bytes behind a valid token, streamed; null when the token is not valid for this viewer. */
export async function openDownload(token: string, viewerId: string | null) {
  const claims = verifyDownloadToken(token, viewerId);
  if (!claims) return null;
  const blob = await blobStore().get(claims.key);
  if (!blob) return null;
  return {
    body: Readable.toWeb(blob.body) as ReadableStream<Uint8Array>,
    size: blob.info.size,
    contentType: claims.contentType,
    disposition: attachmentDisposition(claims.fileName),
  };
}
