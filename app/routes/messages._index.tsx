import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { listInbox } from "~/modules/people/messages/conversations.server";
import { requireUser } from "~/utils/auth.server";
import "./messages._index.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("messages.inbox.title")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  return { conversations: await listInbox(user.id), role: user.role };
}

/** The inbox: every conversation, the newest first, with what is unread. */
export default function Inbox() {
  const t = useT();
  const { conversations, role } = useLoaderData<typeof loader>();
  return (
    <div className="container page page--medium stack">
      <h1>{t("messages.inbox.title")}</h1>
      {conversations.length === 0 ? (
        <p className="empty muted" data-testid="inbox-empty">
          {role === "client" ? t("messages.inbox.empty.client") : t("messages.inbox.empty.designer")}
        </p>
      ) : (
        <ul className="inbox" data-testid="inbox">
          {conversations.map((c) => (
            <li key={c.id} className={`inbox__item${c.unread ? " is-unread" : ""}`} data-testid="inbox-item">
              <span>
                <Link to={c.href} className="inbox__name">
                  {c.other.name}
                  {c.unread ? (
                    <span className="visually-hidden">
                      {" "}
                      {t("messages.inbox.unread", { count: c.unread })}
                    </span>
                  ) : null}
                </Link>
                {c.other.profileHref ? (
                  <>
                    {" · "}
                    <Link to={c.other.profileHref} className="small">
                      {t("messages.inbox.profile")}
                    </Link>
                  </>
                ) : null}
              </span>
              <span className="small muted">
                {c.unread ? (
                  <span className="inbox__count num" aria-hidden="true" data-testid="inbox-unread">
                    {c.unread}
                  </span>
                ) : null}{" "}
                <LocalTime at={c.lastMessageAt} />
              </span>
              <p className="inbox__preview small muted">
                {c.lastFromMe ? `${t("messages.inbox.you")} ` : ""}
                {c.preview || (c.hasAttachment ? t("messages.inbox.image") : "")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
