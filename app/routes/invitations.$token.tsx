import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RelativeTime } from "~/components/time";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { acceptInvitation, lookupInvitation } from "~/modules/contests/invitations.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import "./invitations.$token.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("invite.accept.title")} · ${t("app.name")}` },
    // The token is in the address: never send it on as a referrer.
    { name: "referrer", content: "no-referrer" },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await lookupInvitation(params.token ?? "");
  const path = `/invitations/${params.token ?? ""}`;
  if (!invitation.ok) {
    return data({ invitation: null, loggedIn: !!context.user, serverNow: now(), path }, { status: 410 });
  }
  return { invitation, loggedIn: !!context.user, serverNow: now(), path };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const result = await acceptInvitation({ token: params.token ?? "", userId: user.id });
  if (!result.ok) return data({ failed: true }, { status: 410 });
  return redirect(contestPaths.page(result.contestId));
}

export default function Invitation() {
  const t = useT();
  const { invitation, loggedIn, serverNow, path } = useLoaderData<typeof loader>();
  if (!invitation) {
    return (
      <div className="container page page--narrow stack">
        <h1>{t("invite.invalid.title")}</h1>
        <p className="lead">{t("invite.invalid.body")}</p>
        <Link to="/contests" className="btn btn--secondary">
          {t("browse.title")}
        </Link>
      </div>
    );
  }
  const back = encodeURIComponent(path);
  return (
    <div className="container page page--narrow stack">
      <div className="invite-card card">
        <p className="eyebrow">{t("badge.private")}</p>
        <h1>{t("invite.accept.title")}</h1>
        <p className="lead">
          {t("invite.accept.lead", { client: invitation.clientName, title: invitation.contestTitle })}
        </p>
        <p className="muted small">
          {t("invite.accept.expires")} <RelativeTime at={invitation.expiresAt} serverNow={serverNow} />
        </p>
        {loggedIn ? (
          <Form method="post">
            <button type="submit" className="btn btn--primary btn--block">
              {t("invite.accept.submit")}
            </button>
          </Form>
        ) : (
          <div className="stack">
            <p>{t("invite.accept.needAccount")}</p>
            <Link to={`/login?redirectTo=${back}`} className="btn btn--primary btn--block">
              {t("invite.accept.login")}
            </Link>
            <Link to={`/signup?as=designer&redirectTo=${back}`} className="btn btn--secondary btn--block">
              {t("invite.accept.signup")}
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}
