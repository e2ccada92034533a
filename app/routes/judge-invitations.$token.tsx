import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Notice } from "~/components/field";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { acceptInvitation, getInvitation } from "~/modules/judging/judges.server";
import { requireUser } from "~/utils/auth.server";
import { refusalMessage, refusalStatus } from "~/utils/refusals.server";
import { contestPaths } from "~/modules/contests/next-steps";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("invitation.title")} · ${t("app.name")}` },
    // The token is in the address: do not hand it to other sites.
    { name: "referrer", content: "no-referrer" },
  ];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await getInvitation(params.token ?? "");
  return data(
    { invitation, loggedIn: !!context.user, userName: context.user?.display_name ?? null },
    { status: invitation ? 200 : 410 },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context);
  const result = await acceptInvitation({ token: params.token ?? "", userId: user.id });
  if (result.ok) return redirect(contestPaths.judge(result.contestId));
  return data({ error: refusalMessage(result, context.locale) }, { status: refusalStatus(result) });
}

export default function JudgeInvitation() {
  const t = useT();
  const { invitation, loggedIn, userName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = useLocation().pathname;
  if (!invitation) {
    return (
      <div className="container page page--narrow stack">
        <h1>{t("invitation.invalid.title")}</h1>
        <p className="notice notice--error" role="alert">
          {t("invitation.invalid.body")}
        </p>
      </div>
    );
  }
  const back = encodeURIComponent(here);
  return (
    <div className="container page page--narrow stack">
      <h1>{t("invitation.title")}</h1>
      <p className="lead">
        {t("invitation.lead", { client: invitation.clientName, contest: invitation.contestTitle })}
      </p>
      <p className="muted">{t("invitation.what")}</p>
      <p className="muted">{t("invitation.invited", { email: invitation.email })}</p>
      {actionData?.error ? <Notice tone="error">{actionData.error}</Notice> : null}
      {loggedIn ? (
        <Form method="post" className="stack">
          <p style={{ margin: 0 }}>{t("auth.account.signedInAs", { email: userName ?? "" })}</p>
          <button type="submit" className="btn btn--primary btn--block">
            {t("invitation.accept")}
          </button>
        </Form>
      ) : (
        <div className="stack">
          <Link to={`/signup?as=client&redirectTo=${back}`} className="btn btn--primary btn--block">
            {t("invitation.signup")}
          </Link>
          <Link to={`/login?redirectTo=${back}`} className="btn btn--secondary btn--block">
            {t("invitation.login")}
          </Link>
        </div>
      )}
    </div>
  );
}
