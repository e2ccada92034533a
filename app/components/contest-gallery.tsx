import { Link } from "@remix-run/react";
import type { EntryStatus } from "~db/schema";
import { DesignerBy } from "./designer-link";
import { useT } from "~/i18n/react";
import { EntryStatusBadge, entryAlt } from "./entry-bits";
import { StarsDisplay } from "./judging";
import { contestPaths } from "~/modules/contests/next-steps";
import { entryPaths } from "~/modules/entries/paths";
import type { AiDeclaration } from "~/modules/contests/generative-ai";
import { AiDeclarationNote } from "./ai-declaration";
import "./contest-gallery.css";

export interface GallerySimilarMarker {
  flagId: string;
  side: "later" | "earlier";
  dismissed: boolean;
  piece: boolean;
  other: { id: string; number: number; contestId: string; sameContest: boolean } | null;
}

export interface GalleryEntry {
  id: string;
  number: number;
  title: string;
  /** Null when the contest is blind to this viewer. */
  designerName: string | null;
  designerHandle: string | null;
  status: EntryStatus;
  thumbnailUrl: string | null;
  isOwn: boolean;
  isWinner: boolean;
  /** The client's own stars (null: not rated, or not the client). */
  myStars: number | null;
  similar: GallerySimilarMarker[];
  /** The designer's generative-AI declaration, for those who read it (null: not shown). */
  aiDeclaration: AiDeclaration | null;
}

/**
 * The contest's gallery: thumbnails on a light neutral ground, each opening the entry's page, with
 * the designer's name (unless the contest is blind to the viewer), the client's own stars, the
 * winner's badge and any "similar, please review" note.
 */
export function ContestGallery({
  contestId,
  entries,
  hiddenCount,
  entryCount,
  isClient,
}: {
  contestId: string;
  entries: GalleryEntry[];
  hiddenCount: number;
  /** The entries in the running: the same count as the contest's facts. */
  entryCount: number;
  isClient: boolean;
}) {
  const t = useT();
  return (
    <section className="stack" aria-labelledby="gallery-title">
      <h2 id="gallery-title">
        {t("entries.gallery.title")} <span className="muted num">{entryCount}</span>
      </h2>
      {hiddenCount > 0 ? (
        <p className="notice">{t("entries.gallery.hidden", { count: hiddenCount })}</p>
      ) : null}
      {entries.length === 0 && hiddenCount === 0 ? (
        <p className="empty">{t("entries.gallery.empty")}</p>
      ) : null}
      {entries.length > 0 ? (
        <ul className="gallery" data-testid="gallery">
          {entries.map((e) => (
            <li
              key={e.id}
              className={`gallery__item${e.isWinner ? " is-winner" : ""}`}
              data-testid="entry-tile"
            >
              <article className="entry-card">
                <Link to={entryPaths.page(e.id)} className="entry-card__link">
                  <span className="entry-card__frame">
                    {e.thumbnailUrl ? (
                      <img
                        src={e.thumbnailUrl}
                        alt={entryAlt(e, t)}
                        loading="lazy"
                        width={400}
                        height={400}
                      />
                    ) : (
                      <span className="shimmer" aria-label={t("entries.status.processing")} />
                    )}
                    {e.isWinner ? (
                      <span className="entry-card__badge">
                        <span className="winner-badge" data-testid="winner-badge">
                          <span aria-hidden="true">★ </span>
                          {t("entries.gallery.winner")}
                        </span>
                      </span>
                    ) : e.status !== "ready" ? (
                      <span className="entry-card__badge">
                        <EntryStatusBadge status={e.status} />
                      </span>
                    ) : null}
                  </span>
                  <span className="entry-card__meta">
                    <span className="entry-card__title">{e.title || `${t("entries.untitled")}`}</span>
                    <span className="muted num entry-card__number">
                      {t("entries.number", { number: e.number })}
                    </span>
                  </span>
                </Link>
                {e.designerName ? (
                  <p className="entry-card__by muted" data-testid="entry-designer">
                    <DesignerBy name={e.designerName} handle={e.designerHandle} />
                  </p>
                ) : null}
                {isClient && e.status === "ready" ? (
                  <p className="entry-card__stars" data-testid="entry-my-stars">
                    <span className="visually-hidden">{t("entries.gallery.yourStars")}: </span>
                    {e.myStars !== null ? (
                      <StarsDisplay value={e.myStars} />
                    ) : (
                      <span className="muted">{t("entries.gallery.notRated")}</span>
                    )}
                  </p>
                ) : null}
                {e.aiDeclaration && e.aiDeclaration !== "undeclared" ? (
                  <AiDeclarationNote declaration={e.aiDeclaration} compact />
                ) : null}
                {e.similar.map((m) => (
                  <SimilarNote key={m.flagId} marker={m} contestId={contestId} entryId={e.id} />
                ))}
              </article>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A "similar, please review" note on one entry (the gallery's tiles, the entry's page). */
export function SimilarNote({
  marker,
  contestId,
  entryId,
}: {
  marker: GallerySimilarMarker;
  contestId: string;
  entryId: string;
}) {
  const t = useT();
  const o = marker.other;
  if (marker.side === "earlier") {
    return (
      <p className="similar-note similar-note--quiet" data-testid="similar-note">
        {marker.dismissed
          ? t("entries.similar.earlierReviewed")
          : o
            ? t("entries.similar.earlier", { number: o.number })
            : t("entries.similar.earlierHidden")}
        {o && !marker.dismissed ? (
          <>
            {" "}
            <Link to={entryPaths.page(o.id)}>{t("entries.similar.open", { number: o.number })}</Link>
          </>
        ) : null}
      </p>
    );
  }
  const review =
    o && o.sameContest
      ? contestPaths.judgeEntry(contestId, entryId, o.id)
      : contestPaths.judgeEntry(contestId, entryId);
  return (
    <p className="similar-note" data-testid="similar-note">
      <span>
        {o && o.sameContest
          ? t("entries.similar.later", { number: o.number })
          : marker.piece
            ? t("similarity.laterPiece")
            : t("entries.similar.laterElsewhere")}
      </span>{" "}
      <Link to={review}>
        {o && o.sameContest ? t("entries.similar.compare") : t("entries.similar.review")}
      </Link>
    </p>
  );
}
