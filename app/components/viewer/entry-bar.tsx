import { Form } from "@remix-run/react";
import type { RefObject } from "react";
import { Kbd, StarRating, starsText } from "~/components/judging";
import { useT } from "~/i18n/react";
import type { ViewerFilter } from "~/modules/judging/viewer";
import { CommentsPanel } from "./comments-panel";
import { DeclinePanel } from "./decline-panel";
import { entryLabel } from "./labels";
import { NotePanel } from "./note-panel";
import type { Entry, Feedback } from "./types";

/** Under the entry on screen: its stars (or Restore), the decline and talk panels, and the keys. */
export function EntryBar({
  current,
  isClient,
  ratingOpen,
  contestLive,
  filter,
  hydrated,
  feedback,
  now,
  onRate,
  declineRef,
  talkRef,
}: {
  current: Entry;
  isClient: boolean;
  ratingOpen: boolean;
  contestLive: boolean;
  filter: ViewerFilter;
  hydrated: boolean;
  feedback: Feedback;
  now: number;
  onRate: (stars: number) => void;
  declineRef: RefObject<HTMLDetailsElement>;
  talkRef: RefObject<HTMLDetailsElement>;
}) {
  const t = useT();
  return (
    <section className="viewer__bar" aria-label={entryLabel(current, t)}>
      <div className="viewer__rate">
        {current.declined ? (
          isClient ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="entryId" value={current.id} />
              <input type="hidden" name="filter" value={filter} />
              <button type="submit" className="viewer__button">
                {t("judging.decline.undo")}
              </button>
            </Form>
          ) : (
            <span className="viewer__muted">{t("judging.decline.badge")}</span>
          )
        ) : ratingOpen ? (
          <>
            <span className="viewer__muted" aria-hidden="true">
              {t("judging.stars.label")}
            </span>
            <StarRating
              entryId={current.id}
              value={current.myStars}
              filter={filter}
              hydrated={hydrated}
              label={t("judging.stars.label")}
              onRate={onRate}
            />
          </>
        ) : (
          <span className="viewer__muted">
            {current.myStars
              ? t("viewer.rated", { stars: starsText(current.myStars, t) })
              : t("judging.stars.none")}
          </span>
        )}
      </div>
      <div className="viewer__panels">
        {isClient && !current.declined && contestLive ? (
          <DeclinePanel innerRef={declineRef} entry={current} filter={filter} hydrated={hydrated} />
        ) : null}
        {isClient ? (
          <CommentsPanel
            innerRef={talkRef}
            entry={current}
            feedback={feedback}
            filter={filter}
            hydrated={hydrated}
            now={now}
          />
        ) : (
          <NotePanel
            innerRef={talkRef}
            entry={current}
            feedback={feedback}
            filter={filter}
            hydrated={hydrated}
          />
        )}
      </div>
      <ViewerKeysHint isClient={isClient} />
    </section>
  );
}

function ViewerKeysHint({ isClient }: { isClient: boolean }) {
  const t = useT();
  return (
    <p className="viewer__keys" aria-label={t("viewer.keys.title")}>
      <span>
        <Kbd>←</Kbd>
        <Kbd>→</Kbd> {t("viewer.keys.move")}
      </span>
      <span>
        <Kbd>1</Kbd>–<Kbd>5</Kbd> {t("viewer.keys.rate")}
      </span>
      {isClient ? (
        <span>
          <Kbd>D</Kbd> {t("viewer.keys.decline")}
        </span>
      ) : null}
      <span>
        <Kbd>C</Kbd> {isClient ? t("viewer.keys.comment") : t("viewer.keys.note")}
      </span>
    </p>
  );
}
