import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Money } from "~/components/contest/badges";
import { ConsolePage, Pager, ConsoleSearch } from "~/components/support/console";
import { LocalTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { searchContests } from "~/modules/support/console.server";
import { listParams } from "~/modules/support/forms";
import { requireSupport } from "~/utils/auth.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("support.contests.title")} · ${t("app.name")}` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSupport(context);
  const params = listParams(new URL(request.url));
  return { ...(await searchContests(params)), q: params.q };
}

export default function SupportContests() {
  const t = useT();
  const { items, page, hasNext, q } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title={t("support.contests.title")}>
      <ConsoleSearch label={t("support.contests.search")} q={q} />
      {items.length ? (
        <ul className="console-list" data-testid="contest-results">
          {items.map((c) => (
            <li key={c.id} className="console-list__item">
              <span>
                <Link to={`/support/contests/${c.id}`}>{c.title}</Link>{" "}
                <span className="muted small">{t("support.contest.client", { name: c.clientName })}</span>
              </span>
              <span className="small">
                <span className="badge">{t(`status.${c.status}`)}</span>{" "}
                {c.held ? <span className="badge badge--pending">{t("support.held.badge")}</span> : null}{" "}
                <Money amount={c.prize} currency={c.currency} /> · <LocalTime at={c.createdAt} dateOnly />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t("support.contests.empty")}</p>
      )}
      <Pager page={page} hasNext={hasNext} q={q} />
    </ConsolePage>
  );
}
