import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Kbd, starsText } from "~/components/judging";
import { RelativeTime } from "~/components/time";
import { useT } from "~/i18n/react";
import { COMMENT_MAX } from "~/modules/judging/limits";
import type { Feedback, PanelProps, ViewerAction } from "./types";
import "../thread.css";

/** The client's thread with the entry's designer, and the judges' notes. */
export function CommentsPanel({
  innerRef,
  entry,
  feedback,
  filter,
  hydrated,
  now: serverNow,
}: PanelProps & { feedback: Feedback; now: number }) {
  const t = useT();
  const fetcher = useFetcher<ViewerAction>();
  // One draft per entry: a comment begun on one entry never follows the client to the next one
  // (it would reach the wrong designer), and is still there on coming back.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && sentFor.current) {
      const sent = sentFor.current;
      sentFor.current = null;
      setDrafts(({ [sent]: _, ...rest }) => rest);
    }
  }, [fetcher.state, fetcher.data]);
  const comments = feedback?.comments ?? [];
  return (
    <details ref={innerRef} className="viewer__panel" id="comments">
      <summary className="viewer__button">
        {t("viewer.comment")} {comments.length ? <span className="num">({comments.length})</span> : null}{" "}
        <Kbd>C</Kbd>
      </summary>
      <div className="viewer__sheet">
        <h3>{t("judging.comments.title")}</h3>
        {comments.length === 0 ? <p className="viewer__muted">{t("judging.comments.empty")}</p> : null}
        <ol className="thread">
          {comments.map((c) => (
            <li key={c.id} className={`thread__item${c.mine ? " thread__item--mine" : ""}`}>
              <span className="thread__who">
                {c.mine ? t("judging.comments.you") : c.authorName} ·{" "}
                <RelativeTime at={c.createdAt} serverNow={serverNow} />
              </span>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
        {feedback?.judges?.some((j) => j.note) ? (
          <div className="viewer__notes">
            <h3>{t("judging.notes.fromJudges")}</h3>
            <ul>
              {feedback.judges
                .filter((j) => j.note)
                .map((j) => (
                  <li key={j.judgeId}>
                    <strong>{j.name}</strong>
                    {j.stars ? ` · ${starsText(j.stars, t)}` : ""}: {j.note}
                  </li>
                ))}
            </ul>
          </div>
        ) : null}
        <fetcher.Form
          method="post"
          className="stack"
          preventScrollReset
          onSubmit={() => {
            sentFor.current = entry.id;
          }}
        >
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
          <label className="viewer__label" htmlFor={`comment-${entry.id}`}>
            {t("judging.comments.label")}
          </label>
          <textarea
            id={`comment-${entry.id}`}
            name="body"
            rows={3}
            required
            maxLength={COMMENT_MAX}
            className="viewer__textarea"
            value={drafts[entry.id] ?? ""}
            onChange={(e) => setDrafts((d) => ({ ...d, [entry.id]: e.target.value }))}
          />
          {fetcher.data && !fetcher.data.ok ? (
            <p className="viewer__error" role="alert">
              {fetcher.data.error}
            </p>
          ) : null}
          <button
            type="submit"
            className="viewer__button viewer__button--primary"
            disabled={fetcher.state !== "idle"}
          >
            {t("judging.comments.submit")}
          </button>
        </fetcher.Form>
      </div>
    </details>
  );
}
