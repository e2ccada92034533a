import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LevelBadge } from "~/components/level-badge";
import { InvitationNotice, NetworkActions } from "~/components/network-actions";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { contestPaths } from "~/modules/contests/next-steps";
import { networkPaths } from "~/modules/people/network";
import { invitationNotice, myDesigners, type DesignerCard } from "~/modules/people/network.server";
import { profilePath } from "~/modules/people/profiles";
import { requireUser } from "~/utils/auth.server";
import "./my.designers.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("network.mine.title")} · ${t("app.name")}` }];
};

/** A client's designers: the favourites they keep, and those they worked with (from the record). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const [designers, notice] = await Promise.all([
    myDesigners(user.id),
    invitationNotice(user.id, new URL(request.url).searchParams),
  ]);
  return { ...designers, favouriteIds: designers.favourites.map((d) => d.id), notice };
}

function Who({ designer }: { designer: DesignerCard }) {
  const t = useT();
  return (
    <div className="my-designer__who">
      <Link to={profilePath(designer.handle)} className="my-designer__name">
        {designer.name}
      </Link>
      <span className="my-designer__facts">
        <LevelBadge level={designer.level} />
        <span className="muted num">{t("network.wins", { count: designer.wins })}</span>
      </span>
    </div>
  );
}

export default function MyDesigners() {
  const t = useT();
  const { favourites, workedWith, favouriteIds, notice } = useLoaderData<typeof loader>();
  const back = networkPaths.myDesigners;
  return (
    <div className="container page page--medium stack-lg">
      <header>
        <h1>{t("network.mine.title")}</h1>
        <p className="lead">{t("network.mine.lead")}</p>
      </header>
      <InvitationNotice notice={notice} />

      <section aria-labelledby="favourites-title" className="stack" data-testid="favourites">
        <h2 id="favourites-title">{t("network.mine.favourites")}</h2>
        {favourites.length === 0 ? (
          <p className="empty">{t("network.mine.favourites.empty")}</p>
        ) : (
          <ul className="my-designers">
            {favourites.map((d) => (
              <li key={d.id} className="card my-designer" data-testid="favourite">
                <Who designer={d} />
                <NetworkActions
                  handle={d.handle}
                  name={d.name}
                  state={{ self: false, favourite: true, following: false, contests: d.contests }}
                  back={back}
                  follow={false}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="worked-title" className="stack" data-testid="worked-with">
        <h2 id="worked-title">{t("network.mine.workedWith")}</h2>
        {workedWith.length === 0 ? (
          <p className="empty">{t("network.mine.workedWith.empty")}</p>
        ) : (
          <ul className="my-designers">
            {workedWith.map((d) => (
              <li key={d.id} className="card my-designer" data-testid="worked-with-designer">
                <Who designer={d} />
                <ul className="my-designer__contests">
                  {d.shared.map((c) => (
                    <li key={c.id}>
                      {c.won ? t("network.mine.won") : t("network.mine.finalist")}{" "}
                      <Link to={contestPaths.page(c.id)}>{c.title}</Link>
                    </li>
                  ))}
                </ul>
                <NetworkActions
                  handle={d.handle}
                  name={d.name}
                  state={{
                    self: false,
                    favourite: favouriteIds.includes(d.id),
                    following: false,
                    contests: d.contests,
                  }}
                  back={back}
                  follow={false}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
