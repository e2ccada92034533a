/**
 * Where the browser fetches a public image (thumbnail or watermarked preview) by its blob key.
 * One resource route serves them (`/media/*`): streamed from the filesystem store, or redirected to
 * a short-lived presigned URL with S3. Only keys under `public/` are ever served.
 */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}
