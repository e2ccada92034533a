import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContestCard } from "~/components/contest/contest-card";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { mediaUrl } from "~/modules/entries/media";
import { listLiveContests } from "~/modules/contests/queries.server";
import { useRootData } from "~/root";
import { now } from "~/utils/clock.server";
import { contestPaths } from "~/modules/contests/next-steps";
import "./_index.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("app.name")} · ${t("app.tagline")}` },
    { name: "description", content: t("landing.hero.lead") },
  ];
};

const STEPS = [1, 2, 3, 4] as const;
// A visitor signs up on the way to what they chose: the brief wizard, or the open contests.
const START_AS_VISITOR = `/signup?as=client&redirectTo=${encodeURIComponent("/contests/new")}`;
const ENTER_AS_VISITOR = `/signup?as=designer&redirectTo=${encodeURIComponent("/contests")}`;

export async function loader() {
  return { open: await listLiveContests(6), serverNow: now() };
}

export default function Landing() {
  const t = useT();
  const user = useRootData()?.user;
  // A designer who never ran a contest is here for the open contests first.
  const designerFirst = !!user && user.designs && !user.runsContests;
  const start = (
    <Link
      key="start"
      to={user ? "/contests/new" : START_AS_VISITOR}
      className={`btn ${designerFirst ? "btn--secondary" : "btn--primary"}`}
    >
      {t("landing.cta.client")}
    </Link>
  );
  const enter = (
    <Link
      key="enter"
      to={user ? "/contests" : ENTER_AS_VISITOR}
      className={`btn ${designerFirst ? "btn--primary" : "btn--secondary"}`}
    >
      {t("landing.cta.designer")}
    </Link>
  );
  const { open, serverNow } = useLoaderData<typeof loader>();
  // Live work is the best argument: a few recent drafts from open contests, beside the pitch.
  const mosaic = open
    .flatMap((c) =>
      c.thumbnails.map((key) => ({
        contestId: c.id,
        src: mediaUrl(key),
        alt: t("landing.mosaic.alt", { title: c.title }),
      })),
    )
    .slice(0, 6);
  return (
    <>
      <section className="hero">
        <div className="container hero__inner">
          <div>
            <h1>{t("landing.hero.title")}</h1>
            <p className="lead">{t("landing.hero.lead")}</p>
            <div className="row" style={{ marginTop: 32 }}>
              {designerFirst ? [enter, start] : [start, enter]}
            </div>
          </div>
          {mosaic.length >= 3 ? (
            <ul className="hero__mosaic" aria-label={t("landing.mosaic.label")}>
              {mosaic.map((tile) => (
                <li key={tile.src}>
                  <Link to={contestPaths.page(tile.contestId)} tabIndex={-1}>
                    <img src={tile.src} alt={tile.alt} width={400} height={400} />
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </section>
      <section className="section" id="how-it-works" aria-labelledby="how-title">
        <div className="container">
          <h2 id="how-title">{t("landing.steps.title")}</h2>
          <ol className="grid grid--4" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {STEPS.map((n) => (
              <li key={n} className="card step">
                <h3>{t(`landing.step${n}.title`)}</h3>
                <p className="muted" style={{ margin: 0 }}>
                  {t(`landing.step${n}.body`)}
                </p>
              </li>
            ))}
          </ol>
        </div>
      </section>
      <section className="section" aria-labelledby="open-title">
        <div className="container">
          <div className="section__head">
            <div>
              <h2 id="open-title">{t("landing.open.title")}</h2>
              <p className="muted">{t("landing.open.lead")}</p>
            </div>
            {open.length ? (
              <Link to="/contests" className="btn btn--secondary">
                {t("landing.open.all")} →
              </Link>
            ) : null}
          </div>
          {open.length ? (
            <ul className="contest-grid contest-grid--landing">
              {open.map((c) => (
                <li key={c.id}>
                  <ContestCard contest={c} serverNow={serverNow} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="empty">
              <p>{t("landing.open.empty")}</p>
              <Link to={user ? "/contests/new" : START_AS_VISITOR} className="btn btn--primary">
                {t("landing.cta.client")}
              </Link>
            </div>
          )}
        </div>
      </section>
      <section className="section section--tint">
        <div className="container grid grid--2">
          <div>
            <h2>{t("landing.clients.title")}</h2>
            <p className="muted">{t("landing.clients.body")}</p>
          </div>
          <div>
            <h2>{t("landing.designers.title")}</h2>
            <p className="muted">{t("landing.designers.body")}</p>
          </div>
        </div>
      </section>
    </>
  );
}
