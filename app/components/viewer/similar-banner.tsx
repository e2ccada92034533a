import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { ViewerFilter } from "~/modules/judging/viewer";
import { viewerHref } from "./labels";
import type { Entry } from "./types";
import { entryPaths } from "~/modules/entries/paths";
import { reportPaths } from "~/modules/support/reports";

/** "Similar to #N, please review": the pair side by side, and a plain form to dismiss the note. */
export function SimilarBanner({
  entry,
  marker,
  filter,
  comparing,
  inPool,
}: {
  entry: Entry;
  marker: Entry["similar"][number];
  filter: ViewerFilter;
  comparing: boolean;
  inPool: boolean;
}) {
  const t = useT();
  const o = marker.other;
  const compareHref = o
    ? `${viewerHref(filter, entry.id)}&compare=${entry.id}&compare=${o.id}`.replace("?&", "?")
    : null;
  return (
    <div className="viewer__banner viewer__banner--similar" data-testid="similar-banner">
      <p>
        <strong>
          {t("viewer.similar.on", { number: entry.number })}{" "}
          {o && o.sameContest
            ? t("entries.similar.later", { number: o.number })
            : marker.piece
              ? t("similarity.laterPiece")
              : t("entries.similar.laterElsewhere")}
        </strong>{" "}
        <span>{t("entries.similar.lead")}</span>
      </p>
      <div className="row">
        {o && o.sameContest && inPool && !comparing ? (
          <Link to={compareHref!} className="viewer__button" preventScrollReset>
            {t("entries.similar.compare")}
          </Link>
        ) : o && !inPool ? (
          <Link to={entryPaths.page(o.id)} className="viewer__button">
            {t("entries.similar.open", { number: o.number })}
          </Link>
        ) : null}
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="dismiss-similar" />
          <input type="hidden" name="flagId" value={marker.flagId} />
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="filter" value={filter} />
          <button type="submit" className="viewer__button">
            {t("entries.similar.dismiss")}
          </button>
        </Form>
        <Link to={reportPaths.fromFlag(marker.flagId)} className="viewer__button" data-testid="report-copy">
          {t("reports.fromFlag")}
        </Link>
      </div>
    </div>
  );
}
