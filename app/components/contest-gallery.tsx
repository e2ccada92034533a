import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import { EntryStatusBadge, entryAlt } from "./entry-bits";

export interface GalleryEntry {
  id: string;
  number: number;
  title: string;
  designerName: string;
  status: "processing" | "ready" | "rejected" | "withdrawn" | "declined";
  thumbnailUrl: string | null;
  isOwn: boolean;
}

/** The contest's gallery: thumbnails on a light neutral ground, each opening the entry's page. */
export function ContestGallery({ entries, hiddenCount }: { entries: GalleryEntry[]; hiddenCount: number }) {
  return (
    <section className="stack" aria-labelledby="gallery-title">
      <h2 id="gallery-title">
        {t("entries.gallery.title")} <span className="muted num">{entries.length + hiddenCount}</span>
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
            <li key={e.id}>
              <Link to={`/entries/${e.id}`} className="entry-card">
                <span className="entry-card__frame">
                  {e.thumbnailUrl ? (
                    <img src={e.thumbnailUrl} alt={entryAlt(e)} loading="lazy" width={400} height={400} />
                  ) : (
                    <span className="shimmer" aria-label={t("entries.status.processing")} />
                  )}
                  {e.status !== "ready" ? (
                    <span className="entry-card__badge">
                      <EntryStatusBadge status={e.status} />
                    </span>
                  ) : null}
                </span>
                <span className="entry-card__meta">
                  <span className="entry-card__title">{e.title || e.designerName}</span>
                  <span className="muted num">{t("entries.number", { number: e.number })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
