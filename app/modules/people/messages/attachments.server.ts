import sharp from "sharp";
import { readAll } from "~storage/index";
import { inspectImage } from "~/modules/entries/images.server";
import { MultipartError, streamMultipart } from "~/modules/handover/stream-multipart.server";
import { cleanFilename } from "~/modules/contests/references.server";
import type { T } from "~/i18n";
import { Refused } from "~/modules/refusal";
import type { MessageDraft } from "./conversations.server";
import {
  messageSchema,
  MESSAGE_ATTACHMENT_EDGE,
  MESSAGE_ATTACHMENT_MAX_BYTES,
  MESSAGE_ATTACHMENT_MAX_PIXELS,
} from "./rules";

/**
 * A message's form, read from its multipart body: the text fields and at most one image. The image
 * goes through the entries' hostile-file rules (`inspectImage`: the bytes decide the type, JPEG, PNG
 * or WebP only, the pixel cap before decoding, the container whole), then is re-encoded as WebP with
 * its orientation applied and no metadata (no EXIF, GPS, ICC or XMP leaves with it).
 */

export interface PreparedAttachment {
  fileName: string;
  bytes: Buffer;
  contentType: "image/webp";
  width: number;
  height: number;
}

export interface MessageForm {
  fields: FormData;
  attachment: PreparedAttachment | null;
}

/** Throws Refused ("upload" or "image", or "message" for a second file) as the edge answers them. */
export async function readMessageForm(request: Request): Promise<MessageForm> {
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (declared > MESSAGE_ATTACHMENT_MAX_BYTES + 128 * 1024) {
    throw new Refused("upload", "too_large", { limit: MESSAGE_ATTACHMENT_MAX_BYTES });
  }
  try {
    const form = await streamMultipart(request, {
      maxFileBytes: MESSAGE_ATTACHMENT_MAX_BYTES,
      fileField: "file",
      onFile: async (file) => ({ fileName: file.fileName, bytes: await readAll(file.stream) }),
    });
    const file = form.file?.result;
    if (!file) return { fields: form.fields, attachment: null };
    return { fields: form.fields, attachment: await prepareAttachment(file.fileName, file.bytes) };
  } catch (error) {
    throw asRefusal(error);
  }
}

/** The image checked as entries are, then re-encoded: what is stored is never the bytes that came. */
export async function prepareAttachment(fileName: string, bytes: Buffer): Promise<PreparedAttachment> {
  const inspected = await inspectImage(bytes, { maxPixels: MESSAGE_ATTACHMENT_MAX_PIXELS });
  if (!inspected.ok) throw new Refused("image", inspected.reason, inspected.vars);
  const { data, info } = await sharp(bytes, {
    failOn: "error",
    limitInputPixels: MESSAGE_ATTACHMENT_MAX_PIXELS,
    autoOrient: true,
  })
    .resize({
      width: MESSAGE_ATTACHMENT_EDGE,
      height: MESSAGE_ATTACHMENT_EDGE,
      fit: "inside",
      withoutEnlargement: true,
    })
    .toColourspace("srgb")
    .webp({ quality: 84 })
    .toBuffer({ resolveWithObject: true });
  return {
    fileName: cleanFilename(fileName),
    bytes: data,
    contentType: "image/webp",
    width: info.width,
    height: info.height,
  };
}

function asRefusal(error: unknown): unknown {
  if (error instanceof Refused) return error;
  if (error instanceof MultipartError) {
    switch (error.problem) {
      case "too_large":
        return new Refused("upload", "too_large", { limit: MESSAGE_ATTACHMENT_MAX_BYTES });
      case "too_many_files":
        return new Refused("message", "too_many_files");
      case "not_multipart":
        return new Refused("upload", "not_multipart");
      default:
        return new Refused("upload", "malformed");
    }
  }
  return error;
}

export type DraftReading = { ok: true; draft: MessageDraft } | { ok: false; message: string; body: string };

/**
 * The message form as a draft to send: its text checked by the form's schema (built with the
 * reader's messages), its image prepared. Throws Refused for an upload the rules refuse.
 */
export async function readMessageDraft(request: Request, t: T): Promise<DraftReading> {
  const form = await readMessageForm(request);
  const parsed = messageSchema(t).safeParse({
    body: form.fields.get("body") ?? undefined,
    about: form.fields.get("about") ?? undefined,
  });
  if (!parsed.success) {
    return {
      ok: false,
      message: parsed.error.issues[0]?.message ?? t("errors.badRequest"),
      body: String(form.fields.get("body") ?? ""),
    };
  }
  return { ok: true, draft: { ...parsed.data, attachment: form.attachment } };
}
