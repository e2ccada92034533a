import { describe, expect, it } from "vitest";
import { readAll } from "~storage/blob-store";
import { MultipartError, streamMultipart } from "~/modules/handover/stream-multipart.server";
import { filePartHead, multipartBody, watchedRequest } from "../helpers/multipart";

const BOUNDARY = "----ConcoursBoundary7MA4YWxkTrZu0gW";

/** A request whose body arrives in chunks of `size` bytes. */
function chunkedRequest(body: Buffer, contentType: string, size: number) {
  let offset = 0;
  return watchedRequest(contentType, () => {
    if (offset >= body.length) return null;
    const chunk = body.subarray(offset, offset + size);
    offset += size;
    return chunk;
  }).request;
}

describe("the streaming multipart reader", () => {
  it("gives the same fields and file bytes however the body is cut into chunks", async () => {
    // The file holds something that looks like a boundary but is not one.
    const file = Buffer.concat([
      Buffer.from(`%PDF-1.7\r\n--${BOUNDARY.slice(0, 20)}\r\n`),
      Buffer.alloc(3000, 7),
    ]);
    const { body, contentType } = multipartBody([
      { name: "replace", value: "file123" },
      { name: "file", fileName: "brand.pdf", type: "application/pdf", bytes: file },
      { name: "note", value: "été ✓" },
    ]);
    for (const size of [1, 2, 3, 7, 40, 41, 42, 43, 64, 511, 4096, body.length]) {
      const form = await streamMultipart(chunkedRequest(body, contentType, size), {
        maxFileBytes: 10_000,
        fileField: "file",
        onFile: async (f) => ({ name: f.fileName, bytes: await readAll(f.stream) }),
      });
      expect(form.fields.get("replace"), `chunks of ${size}`).toBe("file123");
      expect(form.fields.get("note"), `chunks of ${size}`).toBe("été ✓");
      expect(form.file?.result.name).toBe("brand.pdf");
      expect(form.file?.bytes).toBe(file.length);
      expect(Buffer.compare(form.file!.result.bytes, file), `chunks of ${size}`).toBe(0);
    }
  });

  it("refuses one byte over the cap, and the file's stream ends in that error", async () => {
    const { body, contentType } = multipartBody([
      { name: "file", fileName: "big.zip", bytes: Buffer.alloc(1001, 1) },
    ]);
    let consumerError: unknown = null;
    const attempt = streamMultipart(chunkedRequest(body, contentType, 100), {
      maxFileBytes: 1000,
      fileField: "file",
      onFile: async (f) => {
        try {
          return await readAll(f.stream);
        } catch (error) {
          consumerError = error;
          throw error;
        }
      },
    });
    await expect(attempt).rejects.toMatchObject({ problem: "too_large" });
    expect(consumerError).toBeInstanceOf(MultipartError);
  });

  it("keeps exactly the cap, and an empty file input counts as no file", async () => {
    const exact = multipartBody([{ name: "file", fileName: "a.zip", bytes: Buffer.alloc(1000, 2) }]);
    const ok = await streamMultipart(chunkedRequest(exact.body, exact.contentType, 333), {
      maxFileBytes: 1000,
      fileField: "file",
      onFile: async (f) => (await readAll(f.stream)).length,
    });
    expect(ok.file?.result).toBe(1000);
    const empty = multipartBody([{ name: "file", fileName: "", bytes: new Uint8Array() }]);
    const none = await streamMultipart(chunkedRequest(empty.body, empty.contentType, 50), {
      maxFileBytes: 1000,
      fileField: "file",
      onFile: async () => {
        throw new Error("no file should reach the store");
      },
    });
    expect(none.file).toBeNull();
  });

  it("does not read the body faster than the store takes it (backpressure, not buffering)", async () => {
    const chunk = Buffer.alloc(64 * 1024, 9);
    const { request, stats } = watchedRequest(`multipart/form-data; boundary=${BOUNDARY}`, (n) =>
      n === 1 ? filePartHead(BOUNDARY, "huge.zip", "application/zip") : n < 10_000 ? chunk : null,
    );
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const parsing = streamMultipart(request, {
      maxFileBytes: 10 * 1024 * 1024,
      fileField: "file",
      // A store that has stopped reading: the reader must wait for it, not pile the body up.
      onFile: async (f) => {
        await stalled;
        f.stream.destroy(new Error("store gave up"));
        throw new Error("store gave up");
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // 1 MB of stream buffer and a chunk or two of slack: about 17 chunks of 64 KB, not 10,000.
    expect(stats.pulls).toBeLessThan(40);
    release();
    await expect(parsing).rejects.toThrow("store gave up");
    expect(stats.pulls).toBeLessThan(40);
  });

  it("refuses a second file, a body that is not multipart, and a body cut short", async () => {
    const two = multipartBody([
      { name: "file", fileName: "a.zip", bytes: Buffer.from("PK\u0003\u0004a") },
      { name: "other", fileName: "b.zip", bytes: Buffer.from("PK\u0003\u0004b") },
    ]);
    const drain = {
      maxFileBytes: 100,
      fileField: "file",
      onFile: async (f: { stream: NodeJS.ReadableStream }) => readAll(f.stream as never),
    };
    await expect(streamMultipart(chunkedRequest(two.body, two.contentType, 10), drain)).rejects.toMatchObject(
      {
        problem: "too_many_files",
      },
    );
    await expect(
      streamMultipart(
        new Request("http://x/", {
          method: "POST",
          body: "a=b",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }),
        drain,
      ),
    ).rejects.toMatchObject({ problem: "not_multipart" });
    const cut = multipartBody([{ name: "file", fileName: "a.zip", bytes: Buffer.from("PK\u0003\u0004abc") }]);
    await expect(
      streamMultipart(chunkedRequest(cut.body.subarray(0, cut.body.length - 10), cut.contentType, 10), drain),
    ).rejects.toMatchObject({ problem: "malformed" });
  });
});
