import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmPage } from "~/components/confirm-page";
import { formatBytes } from "~/i18n/sizes";
import { translator, type Locale } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { confirmSchema } from "~/modules/contests/brief";
import { formatPrize } from "~/modules/money/money";
import { approveHandover, type MissingStep } from "~/modules/handover/approval.server";
import { handoverPaths } from "~/modules/handover/paths";
import { getHandoverView } from "~/modules/handover/view.server";
import { refusal } from "~/modules/refusal";
import { requireUser } from "~/utils/auth.server";
import { missingSteps, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";
import "./contests.$contestId.handover_.approve.css";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("approval.title")} · ${t("app.name")}` }];
};

function missingText(missing: MissingStep[], designer: string, locale: Locale) {
  return missingSteps({ steps: missing.join(" "), designer }, locale);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const view = await getHandoverView(params.contestId ?? "", user.id, context.locale);
  if (!view) refuse(refusal("approval", "not_found"), context.locale);
  if (view.role !== "client") refuse(refusal("approval", "not_client"), context.locale);
  return {
    contestId: view.contest.id,
    title: view.contest.title,
    prize: formatPrize(view.contest.prize, view.contest.currency, context.locale),
    designer: view.winnerName,
    share:
      view.contest.payout.finalists > 0
        ? {
            shared: formatPrize(view.contest.payout.shared, view.contest.currency, context.locale),
            winner: formatPrize(view.contest.payout.winner, view.contest.currency, context.locale),
            n: view.contest.payout.finalists,
          }
        : null,
    completed: view.contest.status === "completed",
    missing: missingText(view.missing, view.winnerName, context.locale),
    // What the client approves, each to open before ticking "I have checked the files".
    files: view.files.map((f) => ({
      id: f.current.id,
      fileName: f.current.fileName,
      bytes: f.current.bytes,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: confirmSchema(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await approveHandover({ contestId, clientId: user.id });
  if (result.ok) return redirect(`${handoverPaths.page(contestId)}?approved=1`);
  if (result.reason === "not_found" || result.reason === "not_client") refuse(result, context.locale);
  const designer = (await getHandoverView(contestId, user.id, context.locale))?.winnerName ?? "";
  const message = refusalMessage({ ...result, vars: { ...result.vars, designer } }, context.locale);
  return data(submission.reply({ formErrors: [message] }), { status: refusalStatus(result) });
}

export default function ApproveHandover() {
  const t = useT();
  const locale = useLocale();
  const c = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  if ((c.completed || c.missing) && !lastResult) {
    return (
      <div className="container page page--medium">
        <div className="confirm card">
          <h1 className="confirm__title">{t("approval.title")}</h1>
          <p className="lead">
            {c.completed
              ? t("approval.refused.closed")
              : t("approval.refused.missing", { missing: c.missing })}
          </p>
          <Link to={handoverPaths.page(c.contestId)} className="btn btn--secondary">
            {t("approval.confirm.cancel")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <ConfirmPage
      title={t("approval.title")}
      lead={
        <>
          <p>{t("approval.confirm.lead", { contest: c.title })}</p>
          {c.share ? (
            <p data-testid="finalist-share">{t("approval.share", { ...c.share, designer: c.designer })}</p>
          ) : null}
          <p className="approve-files__title">{t("approval.confirm.files")}</p>
          <ul className="approve-files" data-testid="approve-files">
            {c.files.map((f) => (
              <li key={f.id}>
                <span className="approve-files__name">{f.fileName}</span>{" "}
                <span className="muted num">{formatBytes(f.bytes, locale)}</span>
                <a
                  className="btn btn--secondary btn--small"
                  href={handoverPaths.final(c.contestId, f.id)}
                  aria-label={t("handover.files.downloadLabel", { name: f.fileName })}
                  download
                >
                  {t("handover.files.download")}
                </a>
              </li>
            ))}
          </ul>
        </>
      }
      warning={t("approval.confirm.warning", { prize: c.prize, designer: c.designer })}
      confirmLabel={t("approval.confirm.label", { prize: c.prize, designer: c.designer })}
      submitLabel={t("approval.confirm.submit")}
      cancelLabel={t("approval.confirm.cancel")}
      cancelTo={handoverPaths.page(c.contestId)}
      lastResult={lastResult}
      tone="primary"
    />
  );
}
