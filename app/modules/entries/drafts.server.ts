import type { Locale } from "~/i18n";
import { inspectImage, refusalMessage, type ImageRefusalReason, type InspectedImage } from "./images.server";
import { readUpload, UploadError, type UploadRefusalReason } from "./upload.server";

/**
 * A designer's uploaded draft, received: the multipart body read under the byte cap and the bytes
 * inspected. One call for the route's action; a refusal comes back as data with the HTTP status
 * and the message to show, never as an exception.
 */
export type ReceivedDraft =
  | {
      ok: true;
      /** The original, to store privately (keys.original) under image.contentType. */
      bytes: Buffer;
      image: InspectedImage;
      /** As the designer's computer named it (display only). */
      fileName: string;
      fields: FormData;
    }
  | {
      ok: false;
      status: number;
      reason: UploadRefusalReason | ImageRefusalReason;
      message: string;
    };

export interface ReceiveDraftOptions {
  /** Byte cap (default UPLOAD_MAX_BYTES). */
  maxBytes?: number;
  /** Pixel cap (default IMAGE_MAX_PIXELS). */
  maxPixels?: number;
  fileField?: string;
  locale?: Locale;
}

export async function receiveDraft(
  request: Request,
  options: ReceiveDraftOptions = {},
): Promise<ReceivedDraft> {
  let upload;
  try {
    upload = await readUpload(request, { maxBytes: options.maxBytes, fileField: options.fileField });
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    return {
      ok: false,
      status: error.status,
      reason: error.reason,
      message: error.userMessage(options.locale),
    };
  }
  const image = await inspectImage(upload.file.bytes, { maxPixels: options.maxPixels });
  if (!image.ok) {
    return {
      ok: false,
      status: image.status,
      reason: image.reason,
      message: refusalMessage(image, options.locale),
    };
  }
  return { ok: true, bytes: upload.file.bytes, image, fileName: upload.file.fileName, fields: upload.fields };
}
