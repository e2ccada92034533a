import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConsolePage, Pager, ConsoleSearch } from "~/components/support/console";
import { LocalTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { searchUsers } from "~/modules/support/console.server";
import { listParams } from "~/modules/support/forms";
import { requireSupport } from "~/utils/auth.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("support.users.title")} · ${t("app.name")}` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSupport(context);
  const params = listParams(new URL(request.url));
  return { ...(await searchUsers(params)), q: params.q };
}

export default function SupportUsers() {
  const t = useT();
  const { items, page, hasNext, q } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title={t("support.users.title")}>
      <ConsoleSearch label={t("support.users.search")} q={q} />
      {items.length ? (
        <ul className="console-list" data-testid="user-results">
          {items.map((u) => (
            <li key={u.id} className="console-list__item">
              <span>
                <Link to={`/support/users/${u.id}`}>{u.name}</Link>{" "}
                <span className="muted small">
                  {u.email}
                  {u.handle ? ` · @${u.handle}` : ""}
                </span>
              </span>
              <span className="small">
                {u.support ? (
                  <span className="badge badge--accent">{t("support.user.role.support")}</span>
                ) : null}{" "}
                {u.suspended ? (
                  <span className="badge badge--revoked">{t("support.user.suspended")}</span>
                ) : null}{" "}
                <span className="muted">
                  {t("support.user.since")} <LocalTime at={u.createdAt} dateOnly />
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t("support.users.empty")}</p>
      )}
      <Pager page={page} hasNext={hasNext} q={q} />
    </ConsolePage>
  );
}
