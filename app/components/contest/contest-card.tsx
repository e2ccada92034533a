import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { mediaUrl } from "~/modules/entries/media";
import { contestPaths } from "~/modules/contests/next-steps";
import { TimeLeft } from "../time";
import { ContestBadges, Money, StatusBadge } from "./badges";
import type { ContestCardData } from "~/modules/contests/queries.server";
import "../contest.css";

/** A contest as its card shows it: the browse query's row (the card has no use for the launch time). */
export type ContestCardProps = Omit<ContestCardData, "launchedAt">;

/** A contest in a list: the whole card is one link (the title's), the prize stands out. */
export function ContestCard({ contest, serverNow }: { contest: ContestCardProps; serverNow: number }) {
  const t = useT();
  const c = contest;
  return (
    <article className="contest-card" data-testid="contest-card">
      <div className="contest-card__cover" aria-hidden="true">
        {c.thumbnails.length ? (
          <div className="contest-card__thumbs" data-count={c.thumbnails.length}>
            {c.thumbnails.map((key) => (
              <img key={key} src={mediaUrl(key)} alt="" loading="lazy" />
            ))}
          </div>
        ) : c.palette.length ? (
          <div className="contest-card__palette">
            {c.palette.map((hex, i) => (
              <span key={`${hex}-${i}`} style={{ background: hex }} />
            ))}
          </div>
        ) : (
          <div className="contest-card__blank">{t(`category.${c.category}`)}</div>
        )}
      </div>
      <div className="contest-card__body">
        <p className="contest-card__meta">
          <span>{t(`category.${c.category}`)}</span>
          {c.status !== "qualifying" ? <StatusBadge status={c.status} /> : null}
        </p>
        <h3 className="contest-card__title">
          <Link to={contestPaths.page(c.id)} className="contest-card__link">
            {c.title}
          </Link>
        </h3>
        {c.businessName ? (
          <p className="contest-card__client">{t("card.by", { name: c.businessName })}</p>
        ) : null}
        <ContestBadges
          guaranteed={c.guaranteed}
          blind={c.blind}
          isPrivate={c.isPrivate}
          fastTrack={c.fastTrack}
        />
      </div>
      <footer className="contest-card__foot">
        <span className="contest-card__prize">
          <span className="visually-hidden">{t("card.prize")}: </span>
          <Money amount={c.prize} currency={c.currency} />
        </span>
        <span className="contest-card__facts">
          {c.roundEndsAt !== null ? <TimeLeft endsAt={c.roundEndsAt} serverNow={serverNow} /> : null}
          <span className="num">
            {c.entryCount === 0 ? t("card.noEntries") : t("card.entries", { n: c.entryCount })}
          </span>
        </span>
      </footer>
    </article>
  );
}
