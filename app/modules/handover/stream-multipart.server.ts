import { Readable } from "node:stream";

/**
 * A multipart/form-data reader that streams its one file part instead of holding it. The parser of
 * @remix-run/form-data-parser (0.17, over multipart-parser 0.16) collects each part's bytes before
 * handing the part over, so a 200 MB final file would sit in memory; here the file's bytes go to
 * `onFile`'s stream as they arrive, with backpressure (a slow blob store slows the upload, it does not
 * fill memory). Text fields are small and kept.
 *
 * On a refusal the rest of the body is left unread, not cancelled: cancelling the body under Remix's
 * Node adapter destroys the socket, and the person would see a reset instead of our message. Node
 * discards what is still coming once the response is sent (bounded by the server's request timeout).
 */

export type MultipartProblem = "not_multipart" | "malformed" | "too_large" | "too_many_files" | "fields";

export class MultipartError extends Error {
  constructor(
    readonly problem: MultipartProblem,
    message = `multipart: ${problem}`,
  ) {
    super(message);
    this.name = "MultipartError";
  }
}

export interface StreamedFile {
  fieldName: string;
  /** As the browser sent it (display only). */
  fileName: string;
  declaredType: string;
  /** The part's bytes as they arrive; ends with the part. Destroyed with an error if the upload fails. */
  stream: Readable;
}

export interface StreamMultipartOptions<T> {
  /** The file part's largest size in bytes; one more byte is a `too_large` refusal. */
  maxFileBytes: number;
  /** The text fields' total size. */
  maxFieldBytes?: number;
  maxParts?: number;
  maxHeaderBytes?: number;
  /** The one field that may carry a file. */
  fileField: string;
  /** Called when the file part starts; it must read the stream to its end (or fail). */
  onFile: (file: StreamedFile) => Promise<T>;
}

export interface StreamedForm<T> {
  fields: FormData;
  /** The file part and what onFile made of it; null when the form had no file (or an empty input). */
  file: { fileName: string; bytes: number; result: T } | null;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function parseHeaders(raw: string) {
  const headers = new Map<string, string>();
  for (const line of raw.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  if (!/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError("malformed");
  const param = (name: string) => {
    const m = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition);
    return m ? m[1]!.replace(/\\(.)/g, "$1") : null;
  };
  return {
    name: param("name"),
    fileName: param("filename"),
    contentType: headers.get("content-type") ?? "application/octet-stream",
  };
}

type Part =
  | { kind: "field"; name: string; chunks: Buffer[] }
  | { kind: "file"; file: StreamedFile; bytes: number }
  | { kind: "skip" };

export async function streamMultipart<T>(
  request: Request,
  options: StreamMultipartOptions<T>,
): Promise<StreamedForm<T>> {
  const boundary = boundaryOf(request.headers.get("Content-Type"));
  if (!boundary || !request.body) throw new MultipartError("not_multipart");
  const maxFieldBytes = options.maxFieldBytes ?? 64 * 1024;
  const maxParts = options.maxParts ?? 32;
  const maxHeaderBytes = options.maxHeaderBytes ?? 4 * 1024;
  // Every delimiter is CRLF "--" boundary; a CRLF put in front lets the first one match too.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const keep = delimiter.length - 1;

  const reader = request.body.getReader();
  const fields = new FormData();
  let fieldBytes = 0;
  let parts = 0;
  let buffer: Buffer = CRLF;
  let state: "preamble" | "after_boundary" | "headers" | "body" | "done" = "preamble";
  let part: Part | null = null;

  let upload: { promise: Promise<T>; settled: Promise<void>; failure: { error: unknown } | null } | null =
    null;
  let uploaded: StreamedForm<T>["file"] = null;
  let wake: (() => void) | null = null;

  const failUpload = async (error: unknown) => {
    if (part?.kind === "file") part.file.stream.destroy(error as Error);
    if (upload) await upload.settled; // the store has thrown its partial write away
  };

  const feedFile = async (p: Extract<Part, { kind: "file" }>, chunk: Buffer) => {
    if (chunk.length === 0) return;
    p.bytes += chunk.length;
    if (p.bytes > options.maxFileBytes) throw new MultipartError("too_large");
    if (!p.file.stream.push(chunk)) {
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), upload!.settled]);
      if (upload!.failure) throw upload!.failure.error;
    }
  };

  const feed = async (chunk: Buffer) => {
    if (!part) return;
    if (part.kind === "file") return feedFile(part, chunk);
    if (part.kind === "field") {
      fieldBytes += chunk.length;
      if (fieldBytes > maxFieldBytes) throw new MultipartError("fields");
      part.chunks.push(chunk);
    }
  };

  const endPart = async () => {
    if (!part) return;
    if (part.kind === "field") fields.append(part.name, Buffer.concat(part.chunks).toString("utf8"));
    if (part.kind === "file") {
      part.file.stream.push(null);
      uploaded = { fileName: part.file.fileName, bytes: part.bytes, result: undefined as T };
    }
    part = null;
  };

  const startPart = (rawHeaders: string) => {
    if (++parts > maxParts) throw new MultipartError("malformed");
    const h = parseHeaders(rawHeaders);
    if (h.name === null) return { kind: "skip" } as Part;
    if (h.fileName === null) return { kind: "field", name: h.name, chunks: [] } as Part;
    // An empty file input arrives as a part with no file name: nothing was chosen.
    if (h.fileName === "") return { kind: "skip" } as Part;
    if (h.name !== options.fileField || upload) throw new MultipartError("too_many_files");
    const stream = new Readable({
      highWaterMark: 1024 * 1024,
      read() {
        const resume = wake;
        wake = null;
        resume?.();
      },
    });
    // Failures reach us through onFile's promise; a stream nobody listens to must not crash the process.
    stream.on("error", () => {});
    const file: StreamedFile = {
      fieldName: h.name,
      fileName: h.fileName,
      declaredType: h.contentType,
      stream,
    };
    const state = { failure: null as { error: unknown } | null };
    const promise = options.onFile(file);
    const settled = promise.then(
      () => undefined,
      (error: unknown) => {
        state.failure = { error };
      },
    );
    upload = {
      promise,
      settled,
      get failure() {
        return state.failure;
      },
    };
    return { kind: "file", file, bytes: 0 } as Part;
  };

  try {
    for (;;) {
      // Take from the buffer all that can be decided now.
      for (let progressed = true; progressed && state !== "done";) {
        progressed = false;
        if (state === "preamble") {
          const at = buffer.indexOf(delimiter);
          if (at === -1) {
            if (buffer.length > 4096) throw new MultipartError("malformed");
            break;
          }
          buffer = buffer.subarray(at + delimiter.length);
          state = "after_boundary";
          progressed = true;
        } else if (state === "after_boundary") {
          if (buffer.length < 2) break;
          if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
            state = "done";
            break;
          }
          const eol = buffer.indexOf(CRLF);
          if (eol === -1) {
            if (buffer.length > 256) throw new MultipartError("malformed");
            break;
          }
          // Only transport padding may sit between a boundary and its line end.
          if (buffer.subarray(0, eol).toString("latin1").trim() !== "") throw new MultipartError("malformed");
          buffer = buffer.subarray(eol + 2);
          state = "headers";
          progressed = true;
        } else if (state === "headers") {
          const end = buffer.indexOf(HEADER_END);
          if (end === -1) {
            if (buffer.length > maxHeaderBytes) throw new MultipartError("malformed");
            break;
          }
          if (end > maxHeaderBytes) throw new MultipartError("malformed");
          part = startPart(buffer.subarray(0, end).toString("utf8"));
          buffer = buffer.subarray(end + 4);
          state = "body";
          progressed = true;
        } else if (state === "body") {
          const at = buffer.indexOf(delimiter);
          if (at !== -1) {
            await feed(buffer.subarray(0, at));
            await endPart();
            buffer = buffer.subarray(at + delimiter.length);
            state = "after_boundary";
            progressed = true;
          } else if (buffer.length > keep) {
            // The tail might be the start of a delimiter: keep it for the next chunk.
            await feed(buffer.subarray(0, buffer.length - keep));
            buffer = Buffer.from(buffer.subarray(buffer.length - keep));
          }
        }
      }
      if ((state as string) === "done") break;
      const { done, value } = await reader.read();
      if (done) throw new MultipartError("malformed"); // the body ended inside the form
      buffer = buffer.length ? Buffer.concat([buffer, value]) : Buffer.from(value);
    }
  } catch (error) {
    await failUpload(error);
    throw error;
  }
  reader.releaseLock();
  if (upload && uploaded) {
    const { fileName, bytes } = uploaded as NonNullable<StreamedForm<T>["file"]>;
    return { fields, file: { fileName, bytes, result: await (upload as { promise: Promise<T> }).promise } };
  }
  return { fields, file: null };
}
