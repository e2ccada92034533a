import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Avatar } from "~/components/avatar";
import { PortfolioGrid } from "~/components/portfolio-grid";
import type { T } from "~/i18n";
import { metaT } from "~/i18n/meta";
import type { Category } from "~/modules/contests/brief";
import { formatDate } from "~/i18n/dates";
import { useI18n, useT } from "~/i18n/react";
import { piecePaths } from "~/modules/people/pieces";
import { getPublicProfile } from "~/modules/people/profiles.server";
import { averageStars } from "~/modules/people/reviews";
import { replyWithin } from "~/modules/people/record";
import { StarsDisplay } from "~/components/judging";
import { ReviewCard } from "~/components/review";
import { LevelBadge } from "~/components/level-badge";
import { formatScore } from "~/i18n/numbers";
import { writeHref } from "~/modules/people/messages/conversations.server";
import { WriteLink } from "~/components/messages/write-link";
import { ReportLink } from "~/components/report-bits";
import { offersProfileReport } from "~/modules/support/reports.server";
import { notFound } from "~/utils/refusals.server";
import { InvitationNotice, NetworkActions } from "~/components/network-actions";
import { invitationNotice, networkState, profileNetworkState } from "~/modules/people/network.server";
import { profilePath } from "~/modules/people/profiles";
import "./designers.$handle.css";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaT(matches);
  if (!data) return [{ title: `${t("errors.notFound.title")} · ${t("app.name")}` }];
  return [{ title: `${t("people.profile.metaTitle", { name: data.profile.name })} · ${t("app.name")}` }];
};

/** A designer's public profile: anyone may read it, signed in or not (ADR 0033 says what it counts). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const profile = await getPublicProfile(params.handle ?? "");
  if (!profile) notFound(context.locale);
  const viewerId = context.user?.id ?? null;
  const [write, network, notice, canReport] = await Promise.all([
    writeHref(context.user, { handle: profile.handle }),
    networkState(viewerId, profile.handle),
    viewerId ? invitationNotice(viewerId, new URL(request.url).searchParams) : null,
    offersProfileReport(viewerId, profile.handle),
  ]);
  return { profile, writeHref: write, network: network && profileNetworkState(network), notice, canReport };
}

/** What a review is about: the contest by name, or only its kind when the contest is private. */
function reviewAbout(r: { contestTitle: string | null; category: Category | null }, t: T) {
  const category = r.category ? t(`category.${r.category}`) : t("notify.aContest");
  return r.contestTitle
    ? t("people.review.about", { contest: r.contestTitle, category })
    : t("people.review.aboutPrivate", { category });
}

export default function DesignerProfile() {
  const t = useT();
  const { locale, timeZone } = useI18n();
  const { profile, writeHref, network, notice, canReport } = useLoaderData<typeof loader>();
  const languageNames = new Intl.DisplayNames([locale], { type: "language" });
  const average = averageStars(profile.rating.stars, profile.rating.count);
  const reply = profile.replyMs === null ? null : replyWithin(profile.replyMs);
  const stats = [
    {
      key: "entered",
      count: profile.stats.entered,
      label: t("people.profile.stats.entered", { count: profile.stats.entered }),
    },
    {
      key: "finalist",
      count: profile.stats.finalist,
      label: t("people.profile.stats.finalist", { count: profile.stats.finalist }),
    },
    {
      key: "won",
      count: profile.stats.won,
      label: t("people.profile.stats.won", { count: profile.stats.won }),
    },
  ];
  return (
    <div className="container page stack-lg profile">
      <header className="profile__head">
        <Avatar
          url={profile.avatar?.large ?? null}
          initials={profile.initials}
          size={96}
          className="profile__avatar"
        />
        <div className="profile__who">
          <p className="profile__kicker muted">{t("people.profile.kicker")}</p>
          <h1 className="profile__name">{profile.name}</h1>
          <p className="profile__level">
            <LevelBadge level={profile.level} testId="profile-level" />
          </p>
          <p className="muted">
            {t("people.profile.memberSince", {
              date: formatDate(profile.memberSince, locale, timeZone, "date"),
            })}
          </p>
          <div className="profile__actions">
            {writeHref ? <WriteLink href={writeHref} name={profile.name} small /> : null}
            {canReport ? <ReportLink kind="profile" id={profile.handle} /> : null}
            {network ? (
              <NetworkActions
                handle={profile.handle}
                name={profile.name}
                state={network}
                back={profilePath(profile.handle)}
                invite="link"
              />
            ) : null}
          </div>
        </div>
      </header>
      <InvitationNotice notice={notice} />

      <section aria-labelledby="profile-record">
        <h2 id="profile-record" className="visually-hidden">
          {t("people.profile.record")}
        </h2>
        <ul className="profile__stats" data-testid="profile-stats">
          {stats.map((s) => (
            <li key={s.key} className="profile__stat" data-testid={`stat-${s.key}`}>
              <span className="profile__stat-n num">{new Intl.NumberFormat(locale).format(s.count)}</span>
              <span className="profile__stat-label">{s.label}</span>
            </li>
          ))}
          <li className="profile__stat" data-testid="stat-rating">
            {average === null ? (
              <>
                <span className="profile__stat-n num">—</span>
                <span className="profile__stat-label">{t("people.profile.stats.noReview")}</span>
              </>
            ) : (
              <>
                <span className="profile__stat-n num">
                  {formatScore(average, locale)} <StarsDisplay value={Math.round(average)} />
                </span>
                <span className="profile__stat-label">
                  {t("people.profile.stats.rating", { count: profile.rating.count })}
                </span>
              </>
            )}
          </li>
        </ul>
        <p className="muted profile__note">
          {reply ? (
            <span data-testid="profile-reply">
              {t(`people.profile.reply.${reply.unit}`, { n: reply.n })}{" "}
            </span>
          ) : null}
          {t("people.profile.stats.note")}
        </p>
      </section>

      <section aria-labelledby="profile-portfolio" className="stack">
        <h2 id="profile-portfolio">{t("portfolio.heading")}</h2>
        {profile.portfolio.length === 0 ? (
          <p className="empty muted">{t("portfolio.empty")}</p>
        ) : (
          <PortfolioGrid items={profile.portfolio} name={profile.name} handle={profile.handle} />
        )}
        {profile.piecesTotal > profile.portfolio.filter((p) => p.kind === "own").length ? (
          <p className="portfolio-more">
            <Link to={piecePaths.all(profile.handle)} data-testid="all-work">
              {t("portfolio.seeAll", { count: profile.piecesTotal })}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="profile-reviews" className="stack">
        <h2 id="profile-reviews">{t("people.profile.reviews")}</h2>
        {profile.reviews.length === 0 ? (
          <p className="empty muted">{t("people.profile.reviews.empty")}</p>
        ) : (
          <div className="card profile__reviews" data-testid="reviews">
            {profile.reviews.map((r) => (
              <ReviewCard
                key={r.contestId}
                review={r}
                author={r.clientName}
                designerName={profile.name}
                about={reviewAbout(r, t)}
              />
            ))}
          </div>
        )}
      </section>

      <div className="profile__details">
        <section aria-labelledby="profile-about" className="card stack">
          <h2 id="profile-about">{t("people.profile.about")}</h2>
          {profile.bio ? (
            <p className="profile__bio" data-testid="profile-bio">
              {profile.bio}
            </p>
          ) : (
            <p className="muted">{t("people.profile.noBio")}</p>
          )}
        </section>
        {profile.location ||
        profile.languages.length > 0 ||
        profile.categories.length > 0 ||
        profile.standings.length > 0 ? (
          <dl className="card profile__facts">
            {profile.location ? (
              <div>
                <dt>{t("people.profile.location")}</dt>
                <dd data-testid="profile-location">{profile.location}</dd>
              </div>
            ) : null}
            {profile.languages.length > 0 ? (
              <div>
                <dt>{t("people.profile.languages")}</dt>
                <dd data-testid="profile-languages">
                  {new Intl.ListFormat(locale, { type: "conjunction" }).format(
                    profile.languages.map((code) => languageNames.of(code) ?? code),
                  )}
                </dd>
              </div>
            ) : null}
            {profile.standings.length > 0 ? (
              <div>
                <dt>{t("people.profile.levels")}</dt>
                <dd>
                  <ul className="profile__levels" data-testid="profile-levels">
                    {profile.standings.map((s) => (
                      <li key={s.category}>
                        {t("people.profile.levelIn", {
                          category: t(`category.${s.category}`),
                          level: t(`people.level.${s.level}`),
                        })}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {profile.categories.length > 0 ? (
              <div>
                <dt>{t("people.profile.categories")}</dt>
                <dd>
                  <ul className="profile__tags" data-testid="profile-categories">
                    {profile.categories.map((c) => (
                      <li key={c} className="badge">
                        {t(`category.${c}`)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </div>
    </div>
  );
}
