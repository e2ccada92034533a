import { Readable } from "node:stream";
import { blobStore } from "~storage/index";
import { mayFetchMedia } from "./entries.server";

export type MediaAnswer =
  | { kind: "stream"; body: ReadableStream<Uint8Array>; contentType: string; size: number }
  | { kind: "redirect"; url: string }
  | null;

/** A public image (thumbnail or watermarked preview) for this viewer, or null (answer 404). */
export async function openMedia(input: { key: string; viewerId: string | null }): Promise<MediaAnswer> {
  if (!(await mayFetchMedia(input))) return null;
  const store = blobStore();
  if (store.signedUrl) {
    return { kind: "redirect", url: await store.signedUrl(input.key, { expiresInSeconds: 300 }) };
  }
  const blob = await store.get(input.key);
  if (!blob) return null;
  return {
    kind: "stream",
    body: Readable.toWeb(blob.body) as ReadableStream<Uint8Array>,
    contentType: blob.info.contentType,
    size: blob.info.size,
  };
}
