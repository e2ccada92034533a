import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { verificationLinkState, verifyEmail } from "~/modules/auth/verification.server";
import { notFound, refusalMessage, refusalStatus } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("safety.verify.page.title")} · ${t("app.name")}` },
    { name: "referrer", content: "no-referrer" },
  ];
};

/**
 * The link from the mail. Opening it shows one button: a mail scanner that fetches links does not
 * spend it. A link nobody sent is not found; a spent one (used, expired) says to ask for another.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const state = await verificationLinkState(params.token ?? "");
  if (state === "unknown") notFound(context.locale);
  return data({ usable: state === "usable" }, { status: state === "usable" ? 200 : 410 });
}

export async function action({ params, context }: ActionFunctionArgs) {
  const result = await verifyEmail(params.token ?? "");
  // The link is spent now: the confirmation is a page of its own (reloading it spends nothing).
  if (result.ok) return redirect("/verify-email/done");
  if (result.reason === "not_found") notFound(context.locale);
  return data({ error: refusalMessage(result, context.locale) }, { status: refusalStatus(result) });
}

export default function VerifyEmail() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  return (
    <div className="container page page--narrow stack">
      <h1>{t("safety.verify.page.title")}</h1>
      {!usable || done?.error ? (
        <>
          <p className="notice notice--error" role="alert">
            {done?.error ?? t("safety.verify.refused.invalid")}
          </p>
          <Link to="/account" className="btn btn--secondary">
            {t("safety.verify.page.again")}
          </Link>
        </>
      ) : (
        <Form method="post" className="form">
          <p>{t("safety.verify.page.lead")}</p>
          <button type="submit" className="btn btn--primary btn--block">
            {t("safety.verify.page.confirm")}
          </button>
        </Form>
      )}
    </div>
  );
}
