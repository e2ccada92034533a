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
import { formatPrize } from "~/modules/money/money";
import { ownContest } from "~/modules/contests/drafts.server";
import { refundContest } from "~/modules/contests/manage.server";
import { clientActions, contestPaths } from "~/modules/contests/next-steps";
import { requireUser } from "~/utils/auth.server";
import { refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("contest.refund.title")} · ${t("app.name")}` }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const own = await ownContest(params.contestId ?? "", user.id);
  if (!own.ok) return refuse(own, context.locale);
  const c = own.contest;
  return {
    id: c.id,
    title: c.title,
    prize: formatPrize(c.prize, c.currency, context.locale),
    refundable: clientActions(c).includes("refund"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: confirmSchema(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await refundContest({ contestId, clientId: user.id });
  if (result.ok) return redirect(`${contestPaths.page(contestId)}?refunded=1`);
  if (result.reason === "not_found" || result.reason === "not_owner") return refuse(result, context.locale);
  return data(submission.reply({ formErrors: [refusalMessage(result, context.locale)] }), {
    status: refusalStatus(result),
  });
}

export default function Refund() {
  const t = useT();
  const c = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  if (!c.refundable && !lastResult) {
    return (
      <div className="container page page--medium">
        <div className="confirm card">
          <h1 className="confirm__title">{t("contest.refund.title")}</h1>
          <p className="lead">{t("contest.refund.notAllowed")}</p>
          <Link to={contestPaths.page(c.id)} className="btn btn--secondary">
            {t("contest.refund.keep")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <ConfirmPage
      title={t("contest.refund.title")}
      lead={<p>{t("contest.refund.lead", { prize: c.prize })}</p>}
      warning={t("contest.refund.warning")}
      confirmLabel={t("contest.refund.confirm", { prize: c.prize })}
      submitLabel={t("contest.refund.submit")}
      cancelLabel={t("contest.refund.keep")}
      cancelTo={contestPaths.page(c.id)}
      lastResult={lastResult}
    />
  );
}
