import path from "node:path";
import { config } from "../app/utils/env.server";
import { singleton } from "../app/utils/singleton.server";
import type { BlobStore } from "./blob-store";
import { FsBlobStore } from "./fs-store";
import { S3BlobStore } from "./s3-store";

export * from "./blob-store";
export { keys } from "./keys";
export { S3BlobStore, S3RequestError } from "./s3-store";

/** The process's blob store, chosen by config (filesystem by default). */
export function blobStore(): BlobStore {
  return singleton("blobStore", () => {
    const cfg = config();
    if (cfg.BLOB_DRIVER === "s3") {
      return new S3BlobStore({
        bucket: cfg.S3_BUCKET,
        region: cfg.S3_REGION,
        endpoint: cfg.S3_ENDPOINT,
        forcePathStyle: cfg.S3_FORCE_PATH_STYLE,
        credentials:
          cfg.S3_ACCESS_KEY_ID && cfg.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: cfg.S3_ACCESS_KEY_ID, secretAccessKey: cfg.S3_SECRET_ACCESS_KEY }
            : undefined,
        maxAttempts: cfg.S3_MAX_ATTEMPTS,
        retryBaseDelayMs: cfg.S3_RETRY_BASE_MS,
        requestTimeoutMs: cfg.S3_REQUEST_TIMEOUT_MS,
      });
    }
    return new FsBlobStore(path.join(cfg.dataDir, "blobs"));
  });
}
