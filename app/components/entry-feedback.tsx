import { Form } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { COMMENT_MAX } from "~/modules/judging/limits";
import type { EntryFeedback } from "~/modules/judging/ratings.server";
import { StarsDisplay } from "./judging";
import { RelativeTime } from "./time";
import { entryPaths } from "~/modules/entries/paths";
import "./entry-feedback.css";
import "./thread.css";

/**
 * An entry's feedback as getFeedbackForViewer returned it for this viewer: the client's stars, the
 * decline reason and the thread (with a reply box) where the viewer may see them. The entry page
 * renders it; it shows nothing the data layer did not allow.
 */
export function EntryFeedbackPanel({ feedback, now }: { feedback: EntryFeedback; now: number }) {
  const t = useT();
  const designer = feedback.viewerRole === "designer";
  return (
    <section className="card stack" aria-labelledby="feedback-title" id="comments">
      <h2 id="feedback-title" style={{ fontSize: "1rem", margin: 0 }}>
        {t("judging.feedback.clientStars")}
      </h2>
      <StarsDisplay value={feedback.clientStars} />
      {feedback.declined ? (
        <p className="notice notice--error" style={{ margin: 0 }}>
          {t("judging.decline.because", {
            reason: t(`judging.decline.reason.${feedback.declined.reason}`),
          })}
          {feedback.declined.note ? ` “${feedback.declined.note}”` : null}
        </p>
      ) : null}
      {feedback.comments ? (
        <>
          <h3 style={{ fontSize: "0.95rem", margin: 0 }}>
            {designer ? t("judging.comments.titleDesigner") : t("judging.comments.title")}
          </h3>
          {feedback.comments.length === 0 ? (
            <p className="muted" style={{ margin: 0 }}>
              {designer ? t("judging.comments.emptyDesigner") : t("judging.comments.empty")}
            </p>
          ) : (
            <ol className="thread">
              {feedback.comments.map((c) => (
                <li key={c.id} className={`thread__item${c.mine ? " thread__item--mine" : ""}`}>
                  <span className="thread__who">
                    {c.mine
                      ? t("judging.comments.you")
                      : c.author === "client"
                        ? t("judging.comments.client")
                        : c.authorName}{" "}
                    · <RelativeTime at={c.createdAt} serverNow={now} />
                  </span>
                  <p>{c.body}</p>
                </li>
              ))}
            </ol>
          )}
          {feedback.canComment ? (
            <Form method="post" action={entryPaths.comments(feedback.entryId)} className="stack">
              <label className="field__label" htmlFor="entry-comment">
                {designer ? t("judging.comments.labelDesigner") : t("judging.comments.label")}
              </label>
              <textarea
                id="entry-comment"
                name="body"
                className="input"
                rows={3}
                required
                maxLength={COMMENT_MAX}
              />
              <div>
                <button type="submit" className="btn btn--primary">
                  {designer ? t("judging.comments.submitDesigner") : t("judging.comments.submit")}
                </button>
              </div>
            </Form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
