import path from "node:path";
import { config } from "../app/utils/env.server";
import { singleton } from "../app/utils/singleton.server";
import type { BlobStore } from "./blob-store";
import { FsBlobStore } from "./fs-store";

export * from "./blob-store";
export { keys } from "./keys";

/** The process's blob store, chosen by config (filesystem by default). */
export function blobStore(): BlobStore {
  return singleton("blobStore", () => {
    const cfg = config();
    if (cfg.BLOB_DRIVER === "s3") {
      throw new Error("BLOB_DRIVER=s3 is not available yet");
    }
    return new FsBlobStore(path.join(cfg.dataDir, "blobs"));
  });
}
