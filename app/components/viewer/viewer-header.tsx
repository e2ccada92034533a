import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";
import { VIEWER_FILTERS, type ViewerFilter } from "~/modules/judging/viewer";
import { viewerHref } from "./labels";
import type { ViewerData } from "./types";
import { contestPaths } from "~/modules/contests/next-steps";

/** Close, the contest and its round, the filters, the viewer's progress (and the client's shortlist). */
export function ViewerHeader({
  contest,
  round,
  ratingOpen,
  filter,
  progress,
  isClient,
}: {
  contest: ViewerData["contest"];
  round: ViewerData["round"];
  ratingOpen: boolean;
  filter: ViewerFilter;
  progress: { rated: number; total: number };
  isClient: boolean;
}) {
  const t = useT();
  return (
    <header className="viewer__top">
      <Link to={contestPaths.page(contest.id)} className="viewer__close" aria-label={t("viewer.close")}>
        <span aria-hidden="true">×</span>
      </Link>
      <div className="viewer__title">
        <h1>{contest.title}</h1>
        <span className="viewer__round" data-testid="viewer-round">
          {ratingOpen
            ? t(round === 2 ? "judging.round.2" : "judging.round.1")
            : t(`status.${contest.status}` as MessageKey)}
        </span>
      </div>
      <nav className="viewer__filters" aria-label={t("viewer.filter.label")}>
        {VIEWER_FILTERS.map((f) => (
          <Link
            key={f}
            to={viewerHref(f)}
            replace
            preventScrollReset
            aria-current={f === filter ? "page" : undefined}
            className="viewer__filter"
          >
            {t(`viewer.filter.${f}` as MessageKey)}
          </Link>
        ))}
      </nav>
      <div className="viewer__progress" data-testid="progress">
        <span className="num">{t("viewer.progress", progress)}</span>
        <progress
          value={progress.rated}
          max={Math.max(progress.total, 1)}
          aria-label={t("viewer.progressLabel")}
        />
      </div>
      {isClient ? (
        <Link to={contestPaths.shortlist(contest.id)} className="viewer__button">
          {t("viewer.shortlist")}
        </Link>
      ) : null}
    </header>
  );
}
