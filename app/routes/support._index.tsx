import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConsolePage } from "~/components/support/console";
import { Money } from "~/components/contest/badges";
import { LocalTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { formatBasisPoints } from "~/i18n/numbers";
import { consoleHome } from "~/modules/support/console.server";
import { requireSupport } from "~/utils/auth.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("support.home.title")} · ${t("app.name")}` }, { name: "robots", content: "noindex" }];
};

export async function loader({ context }: LoaderFunctionArgs) {
  requireSupport(context);
  return consoleHome();
}

export default function SupportHome() {
  const t = useT();
  const locale = useLocale();
  const { held, flags } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title={t("support.home.title")}>
      <p className="lead">{t("support.home.lead")}</p>
      <section className="console-section" aria-labelledby="held-title">
        <h2 id="held-title" className="section-title">
          {t("support.home.held")} <span className="section-title__count num">{held.length}</span>
        </h2>
        {held.length ? (
          <ul className="console-list" data-testid="held-prizes">
            {held.map((h) => (
              <li key={h.contestId} className="console-list__item">
                <span>
                  <Link to={`/support/contests/${h.contestId}`}>{h.title}</Link> ·{" "}
                  {t("support.held.winner", { name: h.designerName })} ·{" "}
                  <Money amount={h.prize} currency={h.currency} />
                </span>
                <span className="muted small">
                  {h.reasons.map((r) => t(`support.hold.reason.${r}`)).join(" · ")} ·{" "}
                  <LocalTime at={h.heldAt} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("support.home.heldEmpty")}</p>
        )}
      </section>

      <section className="console-section" aria-labelledby="flags-title">
        <h2 id="flags-title" className="section-title">
          {t("support.home.flags")}
        </h2>
        {flags.length ? (
          <ul className="console-pairs" data-testid="similarity-flags">
            {flags.map((f) => (
              <li key={f.id} className="console-pair">
                <div className="console-pair__images">
                  {[f.entry, f.earlier].map((side, i) => (
                    <figure key={side.id} style={{ margin: 0 }}>
                      {side.thumbUrl ? (
                        <img
                          src={side.thumbUrl}
                          alt={t(i === 0 ? "support.flag.newAlt" : "support.flag.earlierAlt", {
                            number: side.number,
                            contest: side.contestTitle,
                          })}
                          loading="lazy"
                        />
                      ) : null}
                      <figcaption className="small">
                        <Link to={`/support/contests/${side.contestId}`}>
                          {t("support.flag.entry", { number: side.number, contest: side.contestTitle })}
                        </Link>
                      </figcaption>
                    </figure>
                  ))}
                </div>
                <p className="muted small">
                  {t("support.flag.match", { percent: formatBasisPoints((100 - f.distance) * 100, locale) })}{" "}
                  · <LocalTime at={f.at} />
                  {f.dismissed ? ` · ${t("support.flag.dismissed")}` : ""}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("support.home.flagsEmpty")}</p>
        )}
      </section>

      <section className="console-section" aria-labelledby="go-title">
        <h2 id="go-title" className="section-title">
          {t("support.home.go")}
        </h2>
        <ul className="console-list">
          <li className="console-list__item">
            <Link to="/support/users">{t("support.nav.users")}</Link>
            <span className="muted small">{t("support.home.usersHint")}</span>
          </li>
          <li className="console-list__item">
            <Link to="/support/contests">{t("support.nav.contests")}</Link>
            <span className="muted small">{t("support.home.contestsHint")}</span>
          </li>
          <li className="console-list__item">
            <Link to="/support/reports">{t("support.nav.reports")}</Link>
            <span className="muted small">{t("support.home.reportsHint")}</span>
          </li>
          <li className="console-list__item">
            <Link to="/support/audit">{t("support.nav.audit")}</Link>
            <span className="muted small">{t("support.home.auditHint")}</span>
          </li>
        </ul>
      </section>
    </ConsolePage>
  );
}
