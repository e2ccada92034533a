import { Readable } from "node:stream";
import { blobStore } from "~storage/index";
import { publicMediaKey } from "./entries.server";

export type MediaAnswer =
  | { kind: "stream"; body: ReadableStream<Uint8Array>; contentType: string; size: number }
  | { kind: "redirect"; url: string }
  | null;

/** A public image (thumbnail or watermarked preview) for this viewer, or null (answer 404). */
export async function openMedia(input: { key: string; viewerId: string | null }): Promise<MediaAnswer> {
  const key = await publicMediaKey(input);
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
