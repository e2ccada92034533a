import type { Readable } from "node:stream";

export type BlobBody = Buffer | Uint8Array | Readable;

export interface BlobInfo {
  key: string;
  size: number;
  contentType: string;
  lastModified: number;
}

export interface PutOptions {
  contentType: string;
  /** Refuse the write once more than this many bytes arrived (the partial write is discarded). */
  maxBytes?: number;
}

export interface SignedUrlOptions {
  /** How long the URL works, in seconds (S3 allows up to 7 days; keep it to minutes). */
  expiresInSeconds: number;
  /** The Content-Disposition the download gets, e.g. attachmentDisposition("logo.png"). */
  contentDisposition?: string;
}

/**
 * Where bytes live. Keys are slash-separated paths (see keys.ts). A put is atomic: readers see the
 * whole blob or none of it, also after a crash mid-write.
 */
export interface BlobStore {
  readonly driver: "fs" | "s3";
  put(key: string, body: BlobBody, options: PutOptions): Promise<BlobInfo>;
  /** The blob as a stream, or null when there is no blob under the key. */
  get(key: string): Promise<{ info: BlobInfo; body: Readable } | null>;
  head(key: string): Promise<BlobInfo | null>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<BlobInfo>;
  /**
   * A short-lived URL from which anyone holding it can GET the blob straight from the store.
   * Optional: drivers that cannot sign (the filesystem) leave it out, and the app serves the bytes
   * itself through a route that checks access.
   */
  signedUrl?(key: string, options: SignedUrlOptions): Promise<string>;
  /**
   * Remove what writes that died mid-way left behind (the filesystem's temp files); run at start and
   * hourly. Optional: a store with nothing to sweep leaves it out. Returns how many were removed.
   */
  sweepTemp?(): Promise<number>;
}

/** `attachment` with the file name, safe for any characters (RFC 6266 / RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
    this.name = "BlobTooLargeError";
  }
}

export class InvalidBlobKeyError extends Error {
  constructor(key: string) {
    super(`Invalid blob key: ${JSON.stringify(key)}`);
    this.name = "InvalidBlobKeyError";
  }
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

export function assertValidKey(key: string) {
  if (!KEY.test(key) || key.length > 512 || key.split("/").some((part) => part === ".." || part === ".")) {
    throw new InvalidBlobKeyError(key);
  }
}

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
