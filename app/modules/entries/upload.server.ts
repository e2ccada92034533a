import {
  FormDataParseError,
  MaxFilesExceededError,
  MaxFileSizeExceededError,
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MaxTotalSizeExceededError,
  parseFormData,
  type FileUpload,
} from "@remix-run/form-data-parser";
import { isRefused, Refused } from "~/modules/refusal";
import { config } from "~/utils/env.server";

/**
 * Reading one uploaded file from a multipart request, with a byte cap. The body is streamed
 * through @remix-run/form-data-parser, which counts the file's bytes as they arrive; the moment the
 * cap is passed we stop reading and cancel the body, whatever Content-Length said (or if it said
 * nothing). The file's type is not decided here: pass the bytes to inspectImage.
 */

/** Room for the form's text fields besides the file. */
const DEFAULT_MAX_FIELD_BYTES = 64 * 1024;
const DEFAULT_MAX_PARTS = 32;
const MAX_PART_HEADER_BYTES = 4 * 1024;
/** Boundary lines and part headers, per part, on top of the contents. */
const PART_ENVELOPE_BYTES = MAX_PART_HEADER_BYTES + 256;

export type UploadRefusalReason =
  "too_large" | "empty" | "missing" | "too_many_files" | "malformed" | "not_multipart";

/** An upload refused (thrown as {@link Refused}); the edge gives each reason its status and message. */
function tooLarge(maxBytes: number, options?: ErrorOptions) {
  return new Refused("upload", "too_large", { limit: maxBytes }, options);
}

function refused(reason: Exclude<UploadRefusalReason, "too_large">, options?: ErrorOptions) {
  return new Refused("upload", reason, undefined, options);
}

export interface UploadedFile {
  bytes: Buffer;
  /** The form field it came in. */
  fieldName: string;
  /** As the browser named it: for display only, never for deciding the type. */
  fileName: string;
  /** As the browser declared it: informational only, never for deciding the type. */
  declaredType: string;
}

export interface ParsedUpload {
  file: UploadedFile;
  /** The form's other (text) fields, ready for zod/conform. */
  fields: FormData;
}

export interface ReadUploadOptions {
  /** Largest accepted file in bytes (default UPLOAD_MAX_BYTES, 25 MB). Exactly this many is fine. */
  maxBytes?: number;
  /** The form field that carries the file (default "file"). */
  fileField?: string;
  /** Room for the other fields, in bytes (default 64 KB). */
  maxFieldBytes?: number;
}

/**
 * The uploaded file and the other fields of a multipart request. Throws Refused("upload",
 * "too_large") as soon as the file passes the cap, and Refused("upload", …) for an empty or missing
 * file, more than one file, a body that is not multipart or does not parse. The body is cancelled when refused.
 */
export async function readUpload(request: Request, options: ReadUploadOptions = {}): Promise<ParsedUpload> {
  const maxBytes = options.maxBytes ?? config().UPLOAD_MAX_BYTES;
  const fileField = options.fileField ?? "file";
  const maxFieldBytes = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;

  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    abandon(request);
    throw refused("not_multipart");
  }
  // A declared length that no acceptable body could have is refused without reading a byte. A
  // smaller (or missing, or false) length proves nothing: the parser counts the real bytes.
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (declared > maxBytes + maxFieldBytes + DEFAULT_MAX_PARTS * PART_ENVELOPE_BYTES) {
    abandon(request);
    throw tooLarge(maxBytes);
  }

  let file: UploadedFile | undefined;
  let fields: FormData;
  try {
    fields = await parseFormData(
      request,
      {
        maxFileSize: maxBytes,
        maxTotalSize: maxBytes + maxFieldBytes,
        maxFiles: 1,
        maxParts: DEFAULT_MAX_PARTS,
        maxHeaderSize: MAX_PART_HEADER_BYTES,
      },
      async (upload: FileUpload) => {
        if (upload.fieldName !== fileField) throw refused("too_many_files");
        file = {
          bytes: Buffer.from(await upload.arrayBuffer()),
          fieldName: upload.fieldName,
          fileName: upload.name,
          declaredType: upload.type,
        };
        return null;
      },
    );
  } catch (error) {
    abandon(request);
    throw asUploadError(error, maxBytes);
  }

  // A file input left empty arrives as a part with no file name and no bytes.
  if (!file || (file.bytes.length === 0 && file.fileName === "")) throw refused("missing");
  if (file.bytes.length === 0) throw refused("empty");
  return { file, fields };
}

function asUploadError(error: unknown, maxBytes: number): unknown {
  if (isRefused(error, "upload")) return error;
  if (error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError) {
    return tooLarge(maxBytes, { cause: error });
  }
  if (error instanceof MaxFilesExceededError) return refused("too_many_files", { cause: error });
  if (
    error instanceof FormDataParseError ||
    error instanceof MaxPartsExceededError ||
    error instanceof MaxHeaderSizeExceededError
  ) {
    return refused("malformed", { cause: error });
  }
  return error;
}

/** Stop reading: whatever is still coming is not wanted (an endless body ends here too). */
function abandon(request: Request) {
  if (request.body && !request.body.locked) request.body.cancel().catch(() => {});
}

/** "25 MB", "2.5 MB", "512 KB", "900 bytes" / "2,5 Mo", "900 octets" (1 MB = 1024 × 1024 bytes). */
