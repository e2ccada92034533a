import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmPage } from "~/components/confirm-page";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { confirmSchema } from "~/modules/contests/brief";
import { ownContest } from "~/modules/contests/drafts.server";
import { cancelDraft } from "~/modules/contests/manage.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { requireUser } from "~/utils/auth.server";
import { refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("contest.cancel.title")} · ${t("app.name")}` }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const own = await ownContest(params.contestId ?? "", user.id);
  if (!own.ok) return refuse(own, context.locale);
  const c = own.contest;
  // Not a redirect: after a refused POST the page must still say why (the loader runs again).
  return { id: c.id, title: c.title, draftStep: c.draftStep, isDraft: c.status === "draft" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: confirmSchema(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await cancelDraft({ contestId, clientId: user.id });
  if (result.ok) return redirect("/dashboard");
  if (result.reason === "not_found" || result.reason === "not_owner") return refuse(result, context.locale);
  return data(submission.reply({ formErrors: [refusalMessage(result, context.locale)] }), {
    status: refusalStatus(result),
  });
}

export default function CancelDraft() {
  const t = useT();
  const c = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  if (!c.isDraft && !lastResult) {
    return (
      <div className="container page page--medium">
        <div className="confirm card">
          <h1 className="confirm__title">{t("contest.cancel.title")}</h1>
          <p className="lead">{t("contest.cancel.notDraft")}</p>
          <Link to={contestPaths.page(c.id)} className="btn btn--secondary">
            {t("contest.cancel.toContest")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <ConfirmPage
      title={t("contest.cancel.title")}
      lead={<p>{t("contest.cancel.lead", { title: c.title })}</p>}
      confirmLabel={t("contest.cancel.confirm")}
      submitLabel={t("contest.cancel.submit")}
      cancelLabel={t("contest.cancel.keep")}
      cancelTo={c.isDraft ? contestPaths.edit(c.id, c.draftStep) : contestPaths.page(c.id)}
      lastResult={lastResult}
    />
  );
}
