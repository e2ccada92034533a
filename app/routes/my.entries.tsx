import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EntryStatusBadge } from "~/components/entry-bits";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { listMyEntries } from "~/modules/entries/entries.server";
import { requireUser } from "~/utils/auth.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { entryPaths } from "~/modules/entries/paths";
import "./my.entries.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("entries.mine.title")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  return { entries: await listMyEntries(user.id, context.locale) };
}

export default function MyEntries() {
  const t = useT();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <div className="container page page--medium stack">
      <h1>{t("entries.mine.title")}</h1>
      {entries.length === 0 ? (
        <div className="empty stack">
          <p style={{ margin: 0 }}>{t("entries.mine.empty")}</p>
          <p style={{ margin: 0 }}>
            <Link to="/contests" className="btn btn--primary">
              {t("entries.mine.browse")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="my-entries">
          {entries.map((e) => (
            <li key={e.id} className="card my-entry">
              <Link to={entryPaths.page(e.id)} className="my-entry__thumb" aria-hidden="true" tabIndex={-1}>
                {e.thumbnailUrl ? <img src={e.thumbnailUrl} alt="" /> : <span className="shimmer" />}
              </Link>
              <div>
                <Link to={entryPaths.page(e.id)} style={{ fontWeight: 650 }}>
                  {e.title || t("entries.untitled")}{" "}
                  <span className="num">{t("entries.number", { number: e.number })}</span>
                </Link>
                <p className="muted" style={{ margin: 0 }}>
                  <Link to={contestPaths.page(e.contestId)} style={{ color: "inherit" }}>
                    {e.contestTitle}
                  </Link>
                </p>
              </div>
              <div className="row">
                {e.won ? <span className="status status--ready">{t("entries.mine.won")}</span> : null}
                {e.won && (e.contestStatus === "handover" || e.contestStatus === "completed") ? (
                  <Link to={contestPaths.handover(e.contestId)} className="btn btn--secondary btn--small">
                    {e.contestStatus === "handover"
                      ? t("contest.action.handover.winner")
                      : t("contest.action.handover.done")}
                  </Link>
                ) : null}
                <EntryStatusBadge status={e.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
