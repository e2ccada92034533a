import { translate, type Locale } from "~/i18n";
import { isKnownRefusal, refusalMessage } from "~/utils/refusals.server";
import type { Refusal } from "../refusal";

/**
 * Why a version of an entry was refused, as it is stored (`reject_reason` of the revision and the
 * entry, `reason` of the designer's entry.rejected notification): the image's refusal with its code
 * and values, or that processing failed. No words are stored: they are written when read, in the
 * reader's language.
 */
export type Rejection = { refusal: Refusal<"image"> } | { failed: true };

export function storedRejection(rejection: Rejection): string {
  return JSON.stringify(rejection);
}

function readRejection(stored: string): Rejection | null {
  if (!stored.startsWith("{")) return null;
  try {
    const value = JSON.parse(stored) as Record<string, unknown>;
    if (value.failed === true) return { failed: true };
    if (isKnownRefusal(value.refusal) && value.refusal.area === "image")
      return { refusal: value.refusal as Refusal<"image"> };
  } catch {
    // not one of ours: text stored before reasons were codes
  }
  return null;
}

/** A stored reason in the reader's words. One stored as text (before reasons were codes) reads as it is. */
export function rejectionText(stored: string, locale: Locale): string {
  const rejection = readRejection(stored);
  if (!rejection) return stored;
  return "refusal" in rejection
    ? refusalMessage(rejection.refusal, locale)
    : translate(locale, "entries.processing.failed");
}
