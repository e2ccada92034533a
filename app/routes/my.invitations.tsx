import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { contestPaths } from "~/modules/contests/next-steps";
import { invitationsReceived } from "~/modules/people/network.server";
import { requireUser } from "~/utils/auth.server";
import "./my.invitations.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("network.received.title")} · ${t("app.name")}` }];
};

/** A designer's invitations from clients: who invited them, to what, when, and whether it is still open. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  return { invitations: await invitationsReceived(user.id) };
}

export default function MyInvitations() {
  const t = useT();
  const { invitations } = useLoaderData<typeof loader>();
  return (
    <div className="container page page--medium stack">
      <h1>{t("network.received.title")}</h1>
      {invitations.length === 0 ? (
        <div className="empty stack">
          <p className="received__empty">{t("network.received.empty")}</p>
          <p className="received__empty">
            <Link to="/contests" className="btn btn--primary">
              {t("entries.mine.browse")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="received">
          {invitations.map((inv) => (
            <li key={inv.contestId} className="card received__item" data-testid="received-invitation">
              <div className="received__what">
                <p className="received__line">
                  <Link to={contestPaths.page(inv.contestId)} className="received__contest">
                    {inv.contestTitle}
                  </Link>
                </p>
                <p className="muted small received__line">
                  {t("network.received.from", { name: inv.clientName })} ·{" "}
                  <LocalTime at={inv.invitedAt} dateOnly />
                  {inv.isPrivate ? ` · ${t("badge.private")}` : null}
                </p>
              </div>
              <span
                className={`badge badge--${inv.state === "open" ? "pending" : "expired"}`}
                data-testid="invitation-state"
              >
                {t(`network.received.state.${inv.state}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
