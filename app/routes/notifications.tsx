import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RelativeTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { markAllRead, notificationsForPage } from "~/modules/notify/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import "./notifications.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("notifications.title")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  return { notifications: await notificationsForPage(user.id, context.locale), now: now() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  await markAllRead(user.id);
  return redirect("/notifications");
}

export default function Notifications() {
  const t = useT();
  const { notifications, now: serverNow } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="container page page--medium judging-page">
      <div className="judging-page__head">
        <h1>{t("notifications.title")}</h1>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" className="btn btn--secondary">
              {t("notifications.markAll")}
            </button>
          </Form>
        ) : notifications.length ? (
          <span className="muted">{t("notifications.allRead")}</span>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <p className="empty">{t("notifications.empty")}</p>
      ) : (
        <ul className="notifications" data-testid="notifications">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`notification${n.read ? "" : " notification--unread"}${n.image ? " notification--with-image" : ""}`}
            >
              <span className="notification__dot" aria-hidden="true" />
              <Link to={n.href} className="notification__link">
                {n.image ? (
                  <img
                    className="notification__thumb"
                    src={n.image.src}
                    alt={n.image.alt}
                    width={56}
                    height={56}
                    loading="lazy"
                  />
                ) : null}
                <span className="notification__text">
                  {n.read ? null : <span className="visually-hidden">{t("notifications.unread")}: </span>}
                  {n.text}
                </span>
              </Link>
              <RelativeTime at={n.createdAt} serverNow={serverNow} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
