import type { Locale } from "~/i18n";
import { config } from "~/utils/env.server";
import { receiveDraft, type ReceivedDraft } from "./drafts.server";
import { ENTRY_NOTE_MAX } from "./limits";
import { submitEntry, submitRevision, type SubmitResult } from "./submission.server";
import { formatBytes } from "~/i18n/sizes";

export type UploadOutcome = SubmitResult | Exclude<ReceivedDraft, { ok: true }>;

function text(fields: FormData, name: string, max: number) {
  const value = fields.get(name);
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

/** Read a multipart upload (streamed under the byte cap, vetted by the decoder) as a new entry. */
export async function receiveEntryUpload(
  request: Request,
  input: { contestId: string; designerId: string },
): Promise<UploadOutcome> {
  const draft = await receiveDraft(request);
  if (!draft.ok) return draft;
  return submitEntry({
    ...input,
    file: draft.bytes,
    image: draft.image,
    title: text(draft.fields, "title", 120),
    note: text(draft.fields, "note", ENTRY_NOTE_MAX),
  });
}

/** Read a multipart upload as a new version of an entry. */
export async function receiveRevisionUpload(
  request: Request,
  input: { entryId: string; designerId: string },
): Promise<UploadOutcome> {
  const draft = await receiveDraft(request);
  if (!draft.ok) return draft;
  return submitRevision({ ...input, file: draft.bytes, image: draft.image });
}

/** The upload limit in the reader's words ("25 MB", "25 Mo"). */
export function uploadLimitText(locale: Locale) {
  return formatBytes(config().UPLOAD_MAX_BYTES, locale);
}
