import { Link } from "@remix-run/react";
import { Preview } from "~/components/judging";
import { useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";
import type { ViewerFilter } from "~/modules/judging/viewer";
import { entryAlt, entryLabel, viewerHref } from "./labels";
import type { Entry } from "./types";

/** The entry on screen, large, between the previous and next arrows. */
export function ViewerStage({
  current,
  prev,
  next,
  filter,
}: {
  current: Entry;
  prev: Entry | null;
  next: Entry | null;
  filter: ViewerFilter;
}) {
  const t = useT();
  return (
    <section className="viewer__stage" aria-labelledby="viewer-entry">
      <Link
        to={viewerHref(filter, prev?.id)}
        replace
        preventScrollReset
        className="viewer__nav viewer__nav--prev"
        aria-label={t("viewer.prev")}
        aria-disabled={!prev}
        tabIndex={prev ? undefined : -1}
        onClick={(e) => !prev && e.preventDefault()}
      >
        <span aria-hidden="true">‹</span>
      </Link>
      <figure className="viewer__figure">
        <Preview
          src={current.previewUrl}
          alt={entryAlt(current, t)}
          number={current.number}
          width={current.width}
          height={current.height}
          className="viewer__image"
          loading="eager"
        />
        <figcaption className="viewer__caption">
          <h2 id="viewer-entry">{entryLabel(current, t)}</h2>
          {current.title ? <span className="viewer__entry-title">{current.title}</span> : null}
          {current.declined ? <span className="viewer__badge">{t("judging.decline.badge")}</span> : null}
          {current.eliminated ? <span className="viewer__badge">{t("judging.eliminate.badge")}</span> : null}
          {current.aiDeclaration === "ai" ? (
            <span className="viewer__badge" data-testid="ai-declared">
              {t("safety.ai.badge.ai")}
            </span>
          ) : (
            <span className="viewer__muted" data-testid="ai-declared">
              {t(current.aiDeclaration === "none" ? "safety.ai.badge.none" : "safety.ai.badge.undeclared")}
            </span>
          )}
        </figcaption>
      </figure>
      <Link
        to={viewerHref(filter, next?.id)}
        replace
        preventScrollReset
        className="viewer__nav viewer__nav--next"
        aria-label={t("viewer.next")}
        aria-disabled={!next}
        tabIndex={next ? undefined : -1}
        onClick={(e) => !next && e.preventDefault()}
      >
        <span aria-hidden="true">›</span>
      </Link>
    </section>
  );
}

/** No entry under this filter: says so, by filter. */
export function EmptyStage({ filter }: { filter: ViewerFilter }) {
  const t = useT();
  return (
    <section className="viewer__stage viewer__stage--empty">
      <p className="viewer__empty">{t(`viewer.empty.${filter}` as MessageKey)}</p>
    </section>
  );
}
