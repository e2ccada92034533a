import { z } from "zod";
import type { T } from "~/i18n";
import { DAY } from "~/utils/durations";

/** Reviews after the work: the rules every side shares (pure: the route, the page and the module). */

/** A review, or an answer, may be corrected for this long after it was first written; then it stands. */
export const REVIEW_EDIT_DAYS = 14;
export const REVIEW_TEXT_MAX = 1000;
export const REVIEW_STARS = [1, 2, 3, 4, 5] as const;

/** Whether a text written at `writtenAt` may still be changed at `at`. */
export const stillEditable = (writtenAt: number, at: number) => at < writtenAt + REVIEW_EDIT_DAYS * DAY;

/** When a text written at `writtenAt` stops being editable. */
export const editableUntil = (writtenAt: number) => writtenAt + REVIEW_EDIT_DAYS * DAY;

const text = (t: T, required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(REVIEW_TEXT_MAX, { error: t("brief.error.tooLong", { max: REVIEW_TEXT_MAX }) });

/** The client's review: 1–5 stars and a short text. */
export const reviewSchema = (t: T) =>
  z.object({
    intent: z.literal("review"),
    stars: z.coerce
      .number({ error: t("people.review.error.stars") })
      .int({ error: t("people.review.error.stars") })
      .min(1, { error: t("people.review.error.stars") })
      .max(5, { error: t("people.review.error.stars") }),
    body: text(t, t("people.review.error.body")),
  });

/** The designer's answer: one short text. */
export const answerSchema = (t: T) =>
  z.object({
    intent: z.literal("answer"),
    answer: text(t, t("people.review.error.answer")),
  });

export type ReviewInput = z.output<ReturnType<typeof reviewSchema>>;

/** The average of some stars, to one decimal, for display (null without any). */
export const averageStars = (stars: number, count: number): number | null =>
  count > 0 ? Math.round((stars / count) * 10) / 10 : null;
