import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { isRatingOpen, type BriefChange, type ContestStatus } from "~/modules/contests/machine";
import { contestPaths } from "~/modules/contests/next-steps";
import { ContestBadges, Money, StatusBadge } from "./contest/badges";
import { BriefChanges, BriefView, type BriefViewData } from "./contest/brief-view";
import { GalleryEmptyState } from "./contest/gallery-empty";
import { PhaseTrack, Timeline, type TimelineItem } from "./contest/timeline";
import { ContestGallery, type GalleryEntry } from "./contest-gallery";
import { Countdown, LocalTime, RelativeTime } from "./time";
import "~/styles/prize-panel.css";
import "./contest-page.css";

/** What the contest page shows of a contest (a subset of the domain's Contest, serialisable). */
/** The contest as its page shows it: the brief as designers read it, and the contest around it. */
export interface ContestPageContest extends BriefViewData {
  status: ContestStatus;
  title: string;
  prize: number;
  currency: string;
  guaranteed: boolean;
  blind: boolean;
  isPrivate: boolean;
  roundEndsAt: number | null;
  launchedAt: number | null;
  endedAt: number | null;
}

export interface ContestPageProps {
  contest: ContestPageContest;
  role: "client" | "judge" | "designer" | "visitor";
  canSeeBrief: boolean;
  clientName: string;
  entryCount: number;
  references: { id: string; filename: string; width: number; height: number }[];
  events: TimelineItem[];
  changes: { at: number; changes: BriefChange[] }[];
  serverNow: number;
  /** Above the header: notices (launched, extended, preview banner). */
  notices?: ReactNode;
  /** The aside's actions for whoever is looking. */
  actions: ReactNode;
  /** Replaces the brief and gallery (the NDA gate). */
  gate?: ReactNode;
  galleryAction?: ReactNode;
  /** The entries this viewer may see (the entries module decides), and how many stay hidden. */
  gallery?: { entries: GalleryEntry[]; hiddenCount: number };
}

export function ContestPage(props: ContestPageProps) {
  const t = useT();
  const c = props.contest;
  return (
    <div className="contest">
      <div className="container">
        {props.notices}
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to="/contests">{t("contest.breadcrumb")}</Link>
          <span aria-hidden="true"> / </span>
          <span>{t(`category.${c.category}`)}</span>
        </nav>
        <header className="contest__head">
          <div className="contest__status-line">
            <StatusBadge status={c.status} />
            <ContestBadges
              guaranteed={c.guaranteed}
              blind={c.blind}
              isPrivate={c.isPrivate}
              fastTrack={c.fastTrack}
            />
          </div>
          <h1 className="contest__title">{c.title}</h1>
          <p className="contest__byline muted">
            {c.businessName ? <span>{c.businessName}</span> : null}
            {c.businessName ? <span aria-hidden="true"> · </span> : null}
            <span>{t("contest.client", { name: props.clientName })}</span>
            {c.launchedAt ? (
              <>
                <span aria-hidden="true"> · </span>
                <span>
                  {t("contest.launched")} <RelativeTime at={c.launchedAt} serverNow={props.serverNow} />
                </span>
              </>
            ) : null}
          </p>
          <PhaseTrack status={c.status} fastTrack={c.fastTrack} />
        </header>

        <div className="contest__layout">
          <div className="contest__main">
            {props.gate ?? (
              <>
                {props.gallery && (props.gallery.entries.length > 0 || props.gallery.hiddenCount > 0) ? (
                  <div className="contest__section">
                    <ContestGallery
                      contestId={c.id}
                      entries={props.gallery.entries}
                      hiddenCount={props.gallery.hiddenCount}
                      entryCount={props.entryCount}
                      isClient={props.role === "client"}
                    />
                  </div>
                ) : (
                  <section className="contest__section" aria-labelledby="gallery-title">
                    <h2 id="gallery-title" className="section-title">
                      {t("contest.gallery")}{" "}
                      <span className="section-title__count num">{props.entryCount}</span>
                    </h2>
                    <GalleryEmptyState
                      contestId={c.id}
                      role={props.role}
                      blind={c.blind}
                      hidden={!props.canSeeBrief}
                      action={props.galleryAction}
                    />
                  </section>
                )}

                {props.changes.length ? (
                  <section className="contest__section" aria-labelledby="changes-title">
                    <h2 id="changes-title" className="section-title">
                      {t("contest.changes")}
                    </h2>
                    <p className="muted">{t("contest.changes.lead")}</p>
                    <BriefChanges changes={props.changes} serverNow={props.serverNow} />
                  </section>
                ) : null}

                <section className="contest__section" aria-labelledby="brief-title">
                  <h2 id="brief-title" className="section-title">
                    {t("contest.brief")}
                  </h2>
                  <BriefView brief={c} references={props.references} />
                </section>
              </>
            )}

            {props.events.length ? (
              <section className="contest__section" aria-labelledby="timeline-title">
                <h2 id="timeline-title" className="section-title">
                  {t("contest.timeline")}
                </h2>
                <p className="muted">{t("contest.timeline.lead")}</p>
                <Timeline
                  events={props.events}
                  serverNow={props.serverNow}
                  fastTrack={c.fastTrack}
                  currency={c.currency}
                />
              </section>
            ) : null}
          </div>

          <aside className="contest__aside">
            <div className="prize-panel">
              <p className="prize-panel__label">{t("contest.prize")}</p>
              <p className="prize-panel__amount">
                <Money amount={c.prize} currency={c.currency} />
              </p>
              <p className="prize-panel__note">
                {c.guaranteed ? t("contest.prize.guaranteed") : t("contest.prize.escrow")}
              </p>
              {c.roundEndsAt !== null ? (
                <div className="prize-panel__clock">
                  <p className="prize-panel__label">{t("time.roundEnds")}</p>
                  <Countdown endsAt={c.roundEndsAt} serverNow={props.serverNow} />
                  <p className="prize-panel__when">
                    <LocalTime at={c.roundEndsAt} />
                  </p>
                </div>
              ) : c.endedAt ? (
                <p className="prize-panel__when">
                  {t("contest.endedAt")} <LocalTime at={c.endedAt} dateOnly />
                </p>
              ) : null}
              <div className="prize-panel__actions">
                {props.actions}
                {props.role === "client" && isRatingOpen(c) ? (
                  <nav className="client-tools" aria-label={t("contest.clientTools")}>
                    <Link to={contestPaths.judges(c.id)}>{t("shortlist.inviteJudges")}</Link>
                    <Link to={contestPaths.polls(c.id)}>{t("contest.clientTools.polls")}</Link>
                  </nav>
                ) : null}
              </div>
              <dl className="facts">
                <div>
                  <dt>{t("contest.entries")}</dt>
                  <dd className="num">{props.entryCount}</dd>
                </div>
                <div>
                  <dt>{t("contest.category")}</dt>
                  <dd>{t(`category.${c.category}`)}</dd>
                </div>
              </dl>
            </div>
          </aside>
        </div>
      </div>
    </div>
  );
}
