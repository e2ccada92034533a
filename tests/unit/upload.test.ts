import { describe, expect, it } from "vitest";
import { formatBytes } from "~/i18n/sizes";
import { readUpload } from "~/modules/entries/upload.server";
import { Refused } from "~/modules/refusal";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";
import { filePartHead, multipartBody, multipartRequest, watchedRequest } from "../helpers/multipart";

const CAP = 64 * 1024;
const BOUNDARY = "----ConcoursStream";
const STREAM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refused);
  const refused = error as Refused;
  expect(refused.area).toBe("upload");
  return { reason: refused.reason, status: refusalStatus(refused), message: refusalMessage(refused, "en") };
}

describe("readUpload", () => {
  it("returns the file's bytes and the other fields", async () => {
    const bytes = Buffer.from("\x89PNG pretend bytes");
    const request = multipartRequest([
      { name: "title", value: "Round logo, blue" },
      { name: "file", fileName: "logo v2.png", type: "image/png", bytes },
      { name: "note", value: "Second revision" },
    ]);
    const { file, fields } = await readUpload(request, { maxBytes: CAP });
    expect(file.bytes.equals(bytes)).toBe(true);
    expect(file).toMatchObject({ fieldName: "file", fileName: "logo v2.png", declaredType: "image/png" });
    expect(fields.get("title")).toBe("Round logo, blue");
    expect(fields.get("note")).toBe("Second revision");
    expect(fields.has("file")).toBe(false);
  });

  it("accepts a file of exactly the cap", async () => {
    const request = multipartRequest([{ name: "file", fileName: "a.png", bytes: Buffer.alloc(CAP, 7) }]);
    const { file } = await readUpload(request, { maxBytes: CAP });
    expect(file.bytes.length).toBe(CAP);
  });

  it("refuses a file one byte over the cap with a 413 and the limit in words", async () => {
    const request = multipartRequest([{ name: "file", fileName: "a.png", bytes: Buffer.alloc(CAP + 1, 7) }]);
    const error = await refusal(readUpload(request, { maxBytes: CAP }));
    expect(error).toMatchObject({ reason: "too_large" });
    expect(error.status).toBe(413);
    expect(error.message).toBe("This file is larger than 64 KB; upload a file of 64 KB or less.");
  });

  it("counts the real bytes when Content-Length lies", async () => {
    const request = multipartRequest([{ name: "file", fileName: "a.png", bytes: Buffer.alloc(CAP * 2, 7) }], {
      "Content-Length": "300",
    });
    expect(request.headers.get("Content-Length")).toBe("300");
    expect(await refusal(readUpload(request, { maxBytes: CAP }))).toMatchObject({ reason: "too_large" });
  });

  it("counts the real bytes when there is no Content-Length (a streamed body)", async () => {
    const { body } = multipartBody(
      [{ name: "file", fileName: "a.png", bytes: Buffer.alloc(CAP + 10, 7) }],
      BOUNDARY,
    );
    const { request, stats } = watchedRequest(STREAM_TYPE, (n) =>
      n <= Math.ceil(body.length / 8192) ? body.subarray((n - 1) * 8192, n * 8192) : null,
    );
    expect(request.headers.get("Content-Length")).toBeNull();
    expect(await refusal(readUpload(request, { maxBytes: CAP }))).toMatchObject({ reason: "too_large" });
    expect(stats.cancelled).toBe(true);
  });

  it("abandons a body that never ends once the cap is passed (not read to the end)", async () => {
    const chunk = new Uint8Array(8192).fill(0x41);
    const { request, stats } = watchedRequest(STREAM_TYPE, (n) => (n === 1 ? filePartHead(BOUNDARY) : chunk));
    const error = await refusal(readUpload(request, { maxBytes: CAP }));
    expect(error).toMatchObject({ reason: "too_large" });
    // The cap is 8 chunks; the parser may hold one more while it looks for a boundary.
    expect(stats.pulls).toBeLessThanOrEqual(1 + CAP / chunk.length + 2);
    expect(stats.cancelled).toBe(true);
  });

  it("refuses a declared length no acceptable upload could have, without reading a byte", async () => {
    const { request, stats } = watchedRequest(STREAM_TYPE, () => new Uint8Array(1024), {
      "Content-Length": String(50 * 1024 * 1024),
    });
    expect(await refusal(readUpload(request, { maxBytes: CAP }))).toMatchObject({ reason: "too_large" });
    expect(stats.pulls).toBe(0);
    expect(stats.cancelled).toBe(true);
  });

  it("refuses an empty file, and a file input left empty, each with its own message", async () => {
    const empty = await refusal(
      readUpload(multipartRequest([{ name: "file", fileName: "blank.png", bytes: Buffer.alloc(0) }])),
    );
    expect(empty).toMatchObject({ reason: "empty", status: 422 });
    expect(empty.message).toMatch(/file you chose is empty/);

    const unchosen = await refusal(
      readUpload(multipartRequest([{ name: "file", fileName: "", bytes: Buffer.alloc(0) }])),
    );
    expect(unchosen).toMatchObject({ reason: "missing", status: 422 });
    expect(unchosen.message).toBe("Choose a file to upload.");
  });

  it("refuses a form without the file field", async () => {
    const error = await refusal(readUpload(multipartRequest([{ name: "title", value: "no file" }])));
    expect(error).toMatchObject({ reason: "missing" });
  });

  it("refuses more than one file", async () => {
    const request = multipartRequest([
      { name: "file", fileName: "a.png", bytes: Buffer.from("a") },
      { name: "file", fileName: "b.png", bytes: Buffer.from("b") },
    ]);
    const error = await refusal(readUpload(request));
    expect(error).toMatchObject({ reason: "too_many_files", status: 400 });
    expect(error.message).toBe("Upload one file at a time.");
  });

  it("takes the file from the field it is told to", async () => {
    const request = multipartRequest([{ name: "draft", fileName: "d.webp", bytes: Buffer.from("webp?") }]);
    const { file } = await readUpload(request, { fileField: "draft" });
    expect(file.fieldName).toBe("draft");
    expect(
      await refusal(
        readUpload(multipartRequest([{ name: "draft", fileName: "d.webp", bytes: Buffer.from("x") }])),
      ),
    ).toMatchObject({ reason: "too_many_files" });
  });

  it("refuses a body that is not multipart (415) or does not parse (400)", async () => {
    const form = new Request("http://localhost/x", {
      method: "POST",
      body: "title=hello",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(await refusal(readUpload(form))).toMatchObject({ reason: "not_multipart", status: 415 });

    const { request } = watchedRequest(STREAM_TYPE, (n) =>
      n === 1 ? filePartHead(BOUNDARY) : n === 2 ? Buffer.from("half") : null,
    );
    const cut = await refusal(readUpload(request));
    expect(cut).toMatchObject({ reason: "malformed", status: 400 });
    expect(cut.message).toMatch(/did not arrive complete/);
  });

  it("uses UPLOAD_MAX_BYTES (25 MB) when no cap is given", async () => {
    const big = Buffer.alloc(25 * 1024 * 1024 + 1);
    const error = await refusal(
      readUpload(multipartRequest([{ name: "file", fileName: "big.png", bytes: big }])),
    );
    expect(error.message).toBe("This file is larger than 25 MB; upload a file of 25 MB or less.");
  });
});

describe("formatBytes", () => {
  it("says sizes the way people read them", () => {
    expect(formatBytes(25 * 1024 * 1024, "en")).toBe("25 MB");
    expect(formatBytes(2.5 * 1024 * 1024, "en")).toBe("2.5 MB");
    expect(formatBytes(64 * 1024, "en")).toBe("64 KB");
    expect(formatBytes(900, "en")).toBe("900 bytes");
  });
});
