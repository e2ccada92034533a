import type { Locale } from "~/i18n";
import { config } from "~/utils/env.server";
import { receiveDraft, type ReceivedDraft } from "./drafts.server";
import { ENTRY_NOTE_MAX } from "./limits";
import { submitEntry, submitRevision, type SubmitResult } from "./submission.server";
import { formatBytes } from "~/i18n/sizes";
import { AI_FIELD, readAiAnswer } from "../contests/generative-ai";

/** What the designer typed and chose, given back with a refusal so the form shows it again. */
export interface EntryFormValues {
  title: string;
  note: string;
  /** "yes", "no", or "" (not answered). */
  generativeAi: string;
}

export type UploadOutcome =
  | SubmitResult
  | Exclude<ReceivedDraft, { ok: true }>
  | (Exclude<SubmitResult, { ok: true }> & { values: EntryFormValues });

function text(fields: FormData, name: string, max: number) {
  const value = fields.get(name);
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

function declared(fields: FormData) {
  return readAiAnswer(fields.get(AI_FIELD));
}

function answerText(answer: boolean | null) {
  return answer === null ? "" : answer ? "yes" : "no";
}

/** Read a multipart upload (streamed under the byte cap, vetted by the decoder) as a new entry. */
export async function receiveEntryUpload(
  request: Request,
  input: { contestId: string; designerId: string },
): Promise<UploadOutcome> {
  const draft = await receiveDraft(request);
  if (!draft.ok) return draft;
  const values = {
    title: text(draft.fields, "title", 120),
    note: text(draft.fields, "note", ENTRY_NOTE_MAX),
    aiDeclared: declared(draft.fields),
  };
  const result = await submitEntry({ ...input, file: draft.bytes, image: draft.image, ...values });
  if (result.ok) return result;
  return {
    ...result,
    values: { title: values.title, note: values.note, generativeAi: answerText(values.aiDeclared) },
  };
}

/** Read a multipart upload as a new version of an entry. */
export async function receiveRevisionUpload(
  request: Request,
  input: { entryId: string; designerId: string },
): Promise<UploadOutcome> {
  const draft = await receiveDraft(request);
  if (!draft.ok) return draft;
  const aiDeclared = declared(draft.fields);
  const result = await submitRevision({ ...input, file: draft.bytes, image: draft.image, aiDeclared });
  if (result.ok) return result;
  return { ...result, values: { title: "", note: "", generativeAi: answerText(aiDeclared) } };
}

/** The upload limit in the reader's words ("25 MB", "25 Mo"). */
export function uploadLimitText(locale: Locale) {
  return formatBytes(config().UPLOAD_MAX_BYTES, locale);
}
