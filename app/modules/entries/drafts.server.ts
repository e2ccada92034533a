import { isRefused, type Refusal } from "../refusal";
import { inspectImage, type ImageRefusal, type InspectedImage } from "./images.server";
import { readUpload } from "./upload.server";

/**
 * A designer's uploaded draft, received: the multipart body read under the byte cap and the bytes
 * inspected. One call for the route's action; a refusal comes back as data (an upload or image
 * refusal, which the edge answers), never as an exception.
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
  | Refusal<"upload">
  | ImageRefusal;

export interface ReceiveDraftOptions {
  /** Byte cap (default UPLOAD_MAX_BYTES). */
  maxBytes?: number;
  /** Pixel cap (default IMAGE_MAX_PIXELS). */
  maxPixels?: number;
  fileField?: string;
}

export async function receiveDraft(
  request: Request,
  options: ReceiveDraftOptions = {},
): Promise<ReceivedDraft> {
  let upload;
  try {
    upload = await readUpload(request, { maxBytes: options.maxBytes, fileField: options.fileField });
  } catch (error) {
    if (!isRefused(error, "upload")) throw error;
    return error.refusal;
  }
  const image = await inspectImage(upload.file.bytes, { maxPixels: options.maxPixels });
  if (!image.ok) return image;
  return { ok: true, bytes: upload.file.bytes, image, fileName: upload.file.fileName, fields: upload.fields };
}
