import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { entryPaths } from "~/modules/entries/paths";
import { piecePaths } from "~/modules/people/pieces";
import "./portfolio-grid.css";

/** What a tile needs: a winning entry ("won contest: …") or the designer's own piece. */
export type PortfolioTile =
  | { kind: "won"; id: string; title: string; contestTitle: string; thumbnailUrl: string }
  | { kind: "own"; id: string; title: string; thumbnailUrl: string };

/** A designer's work as tiles: watermarked thumbnails, each to its own page, each saying what it is. */
export function PortfolioGrid({
  items,
  name,
  handle,
}: {
  items: PortfolioTile[];
  name: string;
  handle: string;
}) {
  const t = useT();
  return (
    <ul className="portfolio" data-testid="portfolio">
      {items.map((item) => {
        const title = item.title || t("entries.untitled");
        return (
          <li key={`${item.kind}-${item.id}`} className="portfolio__item" data-testid="portfolio-piece">
            <Link
              to={item.kind === "won" ? entryPaths.page(item.id) : piecePaths.page(handle, item.id)}
              className="portfolio__link"
            >
              <span className="portfolio__frame">
                <img
                  src={item.thumbnailUrl}
                  alt={
                    item.kind === "won"
                      ? t("people.profile.portfolio.alt", { title, name, contest: item.contestTitle })
                      : t("portfolio.piece.alt", { title, name })
                  }
                  loading="lazy"
                  width={400}
                  height={400}
                />
              </span>
              <span className="portfolio__title">{title}</span>
              <span className="portfolio__contest muted" data-testid={`portfolio-kind-${item.kind}`}>
                {item.kind === "won"
                  ? t("portfolio.piece.won", { contest: item.contestTitle })
                  : t("portfolio.piece.own")}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
