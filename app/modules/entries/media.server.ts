import { Readable } from "node:stream";
import { blobStore } from "~storage/index";
import { publicAvatarKey } from "../people/avatars.server";
import { publicPieceKey } from "../people/pieces.server";
import { isSupport } from "../support/staff.server";
import { publicMediaKey } from "./entries.server";

export type MediaAnswer =
  | { kind: "stream"; body: ReadableStream<Uint8Array>; contentType: string; size: number }
  | { kind: "redirect"; url: string }
  | null;

/** Who decides whether a public key may be served: its owner by the key's first folders. */
function publicKeyOf(input: {
  key: string;
  viewerId: string | null;
  asSupport?: boolean;
}): Promise<string | null> {
  if (input.key.startsWith("public/avatars/")) return publicAvatarKey(input.key);
  if (input.key.startsWith("public/pieces/")) return publicPieceKey(input.key, input.asSupport);
  return publicMediaKey(input);
}

/**
 * A public image (an entry's thumbnail or watermarked preview, a portfolio piece's, an avatar) for
 * this viewer, or null (answer 404).
 */
export async function openMedia(input: { key: string; viewerId: string | null }): Promise<MediaAnswer> {
  // Support sees any watermarked image it must judge (a report, a flag); asked only when the
  // viewer's own rights do not reach it, so nobody else's request pays for the check.
  const key =
    (await publicKeyOf(input)) ??
    (input.viewerId !== null && (await isSupport(input.viewerId))
      ? await publicKeyOf({ ...input, asSupport: true })
      : null);
  if (!key) return null;
  const store = blobStore();
  if (store.signedUrl) {
    return { kind: "redirect", url: await store.signedUrl(key, { expiresInSeconds: 300 }) };
  }
  const blob = await store.get(key);
  if (!blob) return null;
  return {
    kind: "stream",
    body: Readable.toWeb(blob.body) as ReadableStream<Uint8Array>,
    contentType: blob.info.contentType,
    size: blob.info.size,
  };
}
