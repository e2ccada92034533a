import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { answerSchema, REVIEW_EDIT_DAYS, REVIEW_TEXT_MAX, reviewSchema } from "~/modules/people/reviews";
import { FormError } from "./field";
import { StarChoice, TextAreaField } from "./form-controls";
import { StarsDisplay } from "./judging";
import { LocalTime } from "./time";
import "./review.css";

/** The form-level errors of a submission's reply (conform keeps them under the empty name). */
export const formErrorsOf = (result: SubmissionResult<string[]>) => result.error?.[""] ?? undefined;

/** A review as it reads anywhere: stars, text, who wrote it and when, and the designer's answer. */
export interface ReviewShown {
  stars: number;
  body: string;
  createdAt: number;
  editedAt: number | null;
  answer: string | null;
  answeredAt: number | null;
  answerEditedAt: number | null;
}

export function ReviewCard({
  review,
  author,
  about,
  designerName,
}: {
  review: ReviewShown;
  author: string;
  /** What the review is about (the contest's name, or "a private contest"), when shown. */
  about?: string;
  designerName: string;
}) {
  const t = useT();
  return (
    <article className="review" data-testid="review">
      <header className="review__head">
        <StarsDisplay value={review.stars} />
        <p className="review__meta small muted">
          {t("people.review.by", { name: author })} · <LocalTime at={review.createdAt} dateOnly />
          {review.editedAt ? ` · ${t("people.review.edited")}` : null}
        </p>
      </header>
      {about ? <p className="review__about small">{about}</p> : null}
      <p className="review__body">{review.body}</p>
      {review.answer ? (
        <div className="review__answer" data-testid="review-answer">
          <p className="review__meta small">
            <strong>{t("people.review.answerBy", { name: designerName })}</strong>
            {review.answerEditedAt ? ` · ${t("people.review.edited")}` : null}
          </p>
          <p className="review__body">{review.answer}</p>
        </div>
      ) : null}
    </article>
  );
}

export interface ReviewPanelData {
  role: "client" | "winner";
  open: boolean;
  review: ReviewShown | null;
  canReview: boolean;
  canAnswer: boolean;
  reviewLocksAt: number | null;
  answerLocksAt: number | null;
}

/** The handover's last step once the prize is released: the client reviews, the winner answers. */
export function ReviewPanel({
  panel,
  designerName,
  clientName,
  lastResult,
}: {
  panel: ReviewPanelData;
  designerName: string;
  clientName: string;
  lastResult?: { intent: "review" | "answer"; result: SubmissionResult<string[]> };
}) {
  const t = useT();
  const { review } = panel;
  // A refusal for a form the page no longer offers (the window closed, nothing to answer) shows here.
  const formShown = lastResult?.intent === "review" ? panel.canReview : panel.canAnswer && review !== null;
  return (
    <div className="review-panel stack">
      {lastResult && !formShown ? <FormError errors={formErrorsOf(lastResult.result)} /> : null}
      {review ? <ReviewCard review={review} author={clientName} designerName={designerName} /> : null}
      {panel.role === "client" && !review && panel.open ? (
        <p className="muted">
          {t("people.review.lead.client", { designer: designerName, days: REVIEW_EDIT_DAYS })}
        </p>
      ) : null}
      {panel.role === "winner" && !review ? (
        <p className="muted" data-testid="review-waiting">
          {t("people.review.waiting", { client: clientName })}
        </p>
      ) : null}
      {panel.canReview ? (
        review ? (
          <details className="review-panel__edit" open={lastResult?.intent === "review"}>
            <summary>{t("people.review.edit")}</summary>
            <ReviewForm
              review={review}
              lastResult={lastResult?.intent === "review" ? lastResult.result : undefined}
            />
            {panel.reviewLocksAt ? (
              <p className="muted small">
                {t("people.review.editUntil")} <LocalTime at={panel.reviewLocksAt} dateOnly />.
              </p>
            ) : null}
          </details>
        ) : (
          <ReviewForm
            review={null}
            lastResult={lastResult?.intent === "review" ? lastResult.result : undefined}
          />
        )
      ) : null}
      {panel.canAnswer ? (
        review?.answer ? (
          <details className="review-panel__edit" open={lastResult?.intent === "answer"}>
            <summary>{t("people.review.editAnswer")}</summary>
            <AnswerForm
              answer={review.answer}
              lastResult={lastResult?.intent === "answer" ? lastResult.result : undefined}
            />
            {panel.answerLocksAt ? (
              <p className="muted small">
                {t("people.review.editUntil")} <LocalTime at={panel.answerLocksAt} dateOnly />.
              </p>
            ) : null}
          </details>
        ) : (
          <AnswerForm
            answer={null}
            lastResult={lastResult?.intent === "answer" ? lastResult.result : undefined}
          />
        )
      ) : null}
    </div>
  );
}

function ReviewForm({
  review,
  lastResult,
}: {
  review: ReviewShown | null;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "review-form",
    lastResult,
    defaultValue: review ? { stars: String(review.stars), body: review.body } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewSchema(t) }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="form form--compact" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="review" />
      <FormError errors={form.errors} id={form.errorId} />
      <StarChoice meta={fields.stars} legend={t("people.review.stars")} />
      <TextAreaField
        meta={fields.body}
        label={t("people.review.body")}
        hint={t("people.review.body.hint", { max: REVIEW_TEXT_MAX })}
      />
      <div>
        <button type="submit" className="btn btn--primary">
          {review ? t("people.review.save") : t("people.review.publish")}
        </button>
      </div>
    </Form>
  );
}

function AnswerForm({
  answer,
  lastResult,
}: {
  answer: string | null;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "answer-form",
    lastResult,
    defaultValue: answer ? { answer } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema(t) }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="form form--compact" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="answer" />
      <FormError errors={form.errors} id={form.errorId} />
      <TextAreaField
        meta={fields.answer}
        label={t("people.review.answer")}
        hint={t("people.review.answer.hint", { max: REVIEW_TEXT_MAX })}
      />
      <div>
        <button type="submit" className="btn btn--secondary">
          {answer ? t("people.review.save") : t("people.review.answer.publish")}
        </button>
      </div>
    </Form>
  );
}
