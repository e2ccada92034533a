import { Link } from "@remix-run/react";
import { Preview, StarRating } from "~/components/judging";
import { useT } from "~/i18n/react";
import type { ViewerFilter } from "~/modules/judging/viewer";
import { entryAlt, entryLabel, viewerHref } from "./labels";
import type { Entry } from "./types";

/** Two to four entries side by side, each rated where it stands. */
export function CompareGrid({
  comparing,
  filter,
  ratingOpen,
  hydrated,
  announce,
}: {
  comparing: Entry[];
  filter: ViewerFilter;
  ratingOpen: boolean;
  hydrated: boolean;
  announce: (entry: Entry) => (stars: number) => void;
}) {
  const t = useT();
  return (
    <section className="viewer__compare" aria-label={t("viewer.compare.title", { n: comparing.length })}>
      <div className="viewer__compare-head">
        <h2>{t("viewer.compare.title", { n: comparing.length })}</h2>
        <Link to={viewerHref(filter, comparing[0]!.id)} className="viewer__button">
          {t("viewer.compare.exit")}
        </Link>
      </div>
      <ul className={`compare-grid compare-grid--${comparing.length}`}>
        {comparing.map((e) => (
          <li key={e.id} className="compare-grid__cell">
            <Link to={viewerHref(filter, e.id)} className="compare-grid__frame">
              <Preview
                src={e.previewUrl}
                alt={entryAlt(e, t)}
                number={e.number}
                width={e.width}
                height={e.height}
              />
            </Link>
            <div className="compare-grid__meta">
              <span>{entryLabel(e, t)}</span>
              {ratingOpen && !e.declined ? (
                <StarRating
                  entryId={e.id}
                  value={e.myStars}
                  hydrated={hydrated}
                  filter={filter}
                  onRate={announce(e)}
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
