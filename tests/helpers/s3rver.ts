import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * s3rver 3.7 makes ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node ≥ 17)
 * only has in its legacy provider: every truncated listing fails with a 500. Triple DES with three
 * equal keys computes exactly single DES and is in the default provider, so map one to the other.
 */
function letS3rverPaginate() {
  const c = crypto as unknown as Record<string, (...args: unknown[]) => unknown> & { __desShim?: boolean };
  if (c.__desShim) return;
  c.__desShim = true;
  for (const name of ["createCipheriv", "createDecipheriv"]) {
    const original = c[name]!.bind(crypto);
    c[name] = (algorithm: unknown, key: unknown, ...rest: unknown[]) =>
      algorithm === "des" && Buffer.isBuffer(key) && key.length === 8
        ? original("des-ede3-cbc", Buffer.concat([key, key, key]), ...rest)
        : original(algorithm, key, ...rest);
  }
}

/** An S3-protocol server in this process, on a random port, storing under a temp folder. */
export async function startS3rver() {
  letS3rverPaginate();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "concours-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** s3rver's built-in account. */
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
