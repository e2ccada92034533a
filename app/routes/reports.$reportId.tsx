import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, Notice } from "~/components/field";
import { ReportSubjectCard } from "~/components/report-bits";
import { translator } from "~/i18n";
import { formatDate } from "~/i18n/dates";
import { metaT } from "~/i18n/meta";
import { useI18n, useT } from "~/i18n/react";
import { ANSWER_MAX, LINK_MAX, answerSchema, reportPaths } from "~/modules/support/reports";
import { answerReport, reportForParty, withdrawReported } from "~/modules/support/reports.server";
import { requireUser } from "~/utils/auth.server";
import {
  badRequest,
  caughtRefusal,
  notFound,
  refusalMessage,
  refusalStatus,
  refuse,
} from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("reports.page.title")} · ${t("app.name")}` }];
};

/** A report, for its two parties only (each seeing what is theirs); anyone else gets 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const report = await reportForParty({ reportId: params.reportId!, viewerId: user.id });
  if (!report) notFound(context.locale);
  return { report };
}

/** The reported person answers with evidence, or withdraws, within the 24 hours. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const reportId = params.reportId!;
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "withdraw") {
      await withdrawReported({ reportId, userId: user.id });
      return redirect(reportPaths.page(reportId));
    }
    if (intent !== "answer") badRequest(context.locale);
    const submission = parseWithZod(formData, { schema: answerSchema(t) });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    await answerReport({
      reportId,
      userId: user.id,
      answer: submission.value.answer,
      answerUrl: submission.value.answerUrl ?? null,
    });
    return redirect(reportPaths.page(reportId));
  } catch (error) {
    const refused = caughtRefusal(error);
    if (refused.reason === "not_found") refuse(refused, context.locale);
    return data(
      { status: "error", error: { "": [refusalMessage(refused, context.locale)] } } as SubmissionResult<
        string[]
      >,
      { status: refusalStatus(refused) },
    );
  }
}

export default function ReportPage() {
  const t = useT();
  const { locale, timeZone } = useI18n();
  const { report } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const errors = (result?.error ?? {}) as Record<string, string[] | null>;
  const [params] = useSearchParams();
  const date = (at: number) => formatDate(at, locale, timeZone);
  const statusKey =
    report.status === "open"
      ? (`reports.page.status.${report.phase === "queued" ? "queued" : "answering"}` as const)
      : (`reports.page.status.${report.status}` as const);
  return (
    <div className="container page page--medium stack">
      <div>
        <h1>{report.role === "reporter" ? t("reports.page.yours") : t("reports.page.aboutYou")}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t("reports.page.filed", { date: date(report.createdAt) })} ·{" "}
          <strong data-testid="report-status">{t(statusKey)}</strong>
        </p>
      </div>
      {params.get("sent") ? <Notice tone="success">{t("reports.page.sent")}</Notice> : null}
      <FormError errors={errors[""] ?? undefined} />
      <ReportSubjectCard subject={report.subject} />
      <dl className="report-facts card">
        <dt>{t("reports.page.reason")}</dt>
        <dd>{t(`reports.reason.${report.reason}`)}</dd>
        <dt>{report.role === "reporter" ? t("reports.page.yourBody") : t("reports.page.body")}</dt>
        <dd>{report.body}</dd>
        {report.originalUrl ? (
          <>
            <dt>{t("reports.page.original")}</dt>
            <dd>
              <a href={report.originalUrl} rel="noopener noreferrer nofollow" target="_blank">
                {report.originalUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      {report.decision ? (
        <section className="card stack" aria-labelledby="decision-title" data-testid="report-decision">
          <h2 id="decision-title">{t("reports.page.decision")}</h2>
          <p style={{ margin: 0 }}>
            <strong>{t(`reports.page.status.${report.decision.status}`)}</strong> · {date(report.decision.at)}
          </p>
          <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{report.decision.reason}</p>
          {report.decision.status === "upheld" && report.role === "reported" ? (
            <p className="muted" style={{ margin: 0 }}>
              {t("reports.page.upheldStrike")}
            </p>
          ) : null}
        </section>
      ) : null}

      {report.withdrawnAt ? (
        <Notice tone="success">{t("reports.page.withdrawn", { date: date(report.withdrawnAt) })}</Notice>
      ) : null}

      {report.status === "open" && report.phase === "answering" && report.role === "reporter" ? (
        <p>{t("reports.page.deadlineReporter", { date: date(report.answerDueAt) })}</p>
      ) : null}

      {report.role === "reported" && report.answer ? (
        <section className="card stack" aria-labelledby="answer-title">
          <h2 id="answer-title">{t("reports.page.answer")}</h2>
          <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{report.answer.text}</p>
          {report.answer.url ? (
            <p style={{ margin: 0 }}>
              <a href={report.answer.url} rel="noopener noreferrer nofollow" target="_blank">
                {report.answer.url}
              </a>
            </p>
          ) : null}
          <p className="muted" style={{ margin: 0 }}>
            {t("reports.page.answered", { date: date(report.answer.at) })}
          </p>
        </section>
      ) : null}

      {report.role === "reported" && report.status === "open" && !report.answer && !report.canRespond ? (
        <Notice>{t("reports.page.late")}</Notice>
      ) : null}

      {report.canRespond ? (
        <>
          <Notice>{t("reports.page.deadline", { date: date(report.answerDueAt) })}</Notice>
          <section className="card stack" aria-labelledby="answer-form-title">
            <h2 id="answer-form-title">{t("reports.page.answer")}</h2>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="answer" />
              <div className="field">
                <label className="field__label" htmlFor="report-answer">
                  {t("reports.page.answer.label")}
                </label>
                <span className="field__hint" id="report-answer-hint">
                  {t("reports.page.answer.hint")}
                </span>
                <textarea
                  className="textarea"
                  id="report-answer"
                  name="answer"
                  rows={5}
                  required
                  maxLength={ANSWER_MAX}
                  aria-invalid={errors.answer?.length ? true : undefined}
                  aria-describedby={`report-answer-hint${errors.answer?.length ? " answer-error" : ""}`}
                />
                {errors.answer?.length ? (
                  <p className="field__error" id="answer-error" role="alert">
                    {errors.answer.join(" ")}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label className="field__label" htmlFor="report-answer-url">
                  {t("reports.page.answerUrl")}
                </label>
                <input
                  className="input"
                  id="report-answer-url"
                  name="answerUrl"
                  type="url"
                  maxLength={LINK_MAX}
                  aria-invalid={errors.answerUrl?.length ? true : undefined}
                  aria-describedby={errors.answerUrl?.length ? "answer-url-error" : undefined}
                />
                {errors.answerUrl?.length ? (
                  <p className="field__error" id="answer-url-error" role="alert">
                    {errors.answerUrl.join(" ")}
                  </p>
                ) : null}
              </div>
              <div>
                <button type="submit" className="btn btn--primary">
                  {t("reports.page.answer.submit")}
                </button>
              </div>
            </Form>
          </section>
          {report.canWithdraw ? (
            <section className="card stack" aria-labelledby="withdraw-title">
              <h2 id="withdraw-title">{t("reports.page.withdraw.title")}</h2>
              <p className="muted" style={{ margin: 0 }}>
                {t("reports.page.withdraw.hint")}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <button type="submit" className="btn btn--danger">
                  {report.subjectKind === "piece"
                    ? t("reports.page.withdraw.piece")
                    : t("reports.page.withdraw.entry")}
                </button>
              </Form>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
