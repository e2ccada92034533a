import { t, type MessageKey } from "~/i18n";
import { ContestActionError } from "../contests/contests.server";
import { JudgingError } from "./access.server";

/** A refused judging action in the reader's words. */
export function judgingMessage(error: JudgingError) {
  return t(`judging.error.${error.reason}` as MessageKey);
}

/** The contest machine's refusal in the reader's words (shortlist.error.*). */
export function contestRefusalMessage(error: ContestActionError) {
  const key = `shortlist.error.${error.reason}`;
  const known = [
    "not_owner",
    "wrong_state",
    "bad_finalists",
    "bad_winner",
    "fast_track",
    "conflict",
    "not_found",
  ].includes(error.reason);
  return known ? t(key as MessageKey) : t("shortlist.error.generic", { reason: error.reason });
}

/** For loaders: a refusal becomes the HTTP answer the error page shows; anything else propagates. */
export function refuse(error: unknown): never {
  if (error instanceof JudgingError) throw new Response(judgingMessage(error), { status: error.status });
  throw error;
}

export { ContestActionError, JudgingError };
