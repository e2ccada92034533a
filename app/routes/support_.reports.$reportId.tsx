import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, Notice } from "~/components/field";
import { ReportSubjectCard } from "~/components/report-bits";
import { translator } from "~/i18n";
import { formatDate } from "~/i18n/dates";
import { metaT } from "~/i18n/meta";
import { useI18n, useT } from "~/i18n/react";
import { AUDIT_REASON_MAX } from "~/modules/support/audit";
import { STRIKES_TO_SUSPEND, decisionSchema, reportPaths } from "~/modules/support/reports";
import { decideReport, reportForSupport } from "~/modules/support/reports.server";
import { requireSupport } from "~/utils/auth.server";
import { caughtRefusal, notFound, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("reports.queue.title")} · ${t("app.name")}` }];
};

/** One report for support: the reported thing and the original side by side, the answer, the decision. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  requireSupport(context);
  const report = await reportForSupport(params.reportId!);
  if (!report) notFound(context.locale);
  return { report };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireSupport(context);
  const t = translator(context.locale);
  const submission = parseWithZod(await request.formData(), { schema: decisionSchema(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const r = await decideReport({
      reportId: params.reportId!,
      supportId: user.id,
      decision: submission.value.decision,
      reason: submission.value.reason,
    });
    return redirect(`${reportPaths.decide(params.reportId!)}?decided=1${r.suspended ? "&suspended=1" : ""}`);
  } catch (error) {
    const refused = caughtRefusal(error);
    if (refused.reason === "not_found") refuse(refused, context.locale);
    return data(submission.reply({ formErrors: [refusalMessage(refused, context.locale)] }), {
      status: refusalStatus(refused),
    });
  }
}

export default function DecideReport() {
  const t = useT();
  const { locale, timeZone } = useI18n();
  const { report } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const errors = (result?.error ?? {}) as Record<string, string[] | null>;
  const [params] = useSearchParams();
  const date = (at: number) => formatDate(at, locale, timeZone);
  const original = report.original.entry
    ? {
        kind: "entry" as const,
        number: report.original.entry.number,
        title: report.original.entry.title,
        contestTitle: report.original.entry.contestTitle,
        reportedName: "",
        href: report.original.entry.href,
        imageUrl: report.original.entry.imageUrl,
      }
    : null;
  return (
    <div className="container page stack">
      <p>
        <Link to={reportPaths.queue}>← {t("reports.decide.back")}</Link>
      </p>
      <div>
        <h1>{t("reports.decide.title", { name: report.reported.name })}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {t(`reports.reason.${report.reason}`)} · {t("reports.page.filed", { date: date(report.createdAt) })}{" "}
          ·{" "}
          <strong data-testid="report-status">
            {t(
              report.status === "open"
                ? (`reports.page.status.${report.phase === "queued" ? "queued" : "answering"}` as const)
                : (`reports.page.status.${report.status}` as const),
            )}
          </strong>
        </p>
      </div>
      {params.get("decided") ? <Notice tone="success">{t("reports.decide.done")}</Notice> : null}
      {params.get("suspended") ? <Notice tone="success">{t("reports.decide.suspended")}</Notice> : null}
      <FormError errors={errors[""] ?? undefined} />

      <div className="report-pair">
        <ReportSubjectCard
          subject={report.subject}
          heading={t("reports.decide.reported")}
          testId="reported-thing"
        />
        {report.reason === "copied" ? (
          <div className="stack">
            {original ? (
              <ReportSubjectCard
                subject={original}
                heading={t("reports.decide.original")}
                testId="original-thing"
              />
            ) : null}
            {report.original.url ? (
              <p className="card" style={{ margin: 0 }}>
                {t("reports.decide.originalLink")}:{" "}
                <a href={report.original.url} rel="noopener noreferrer nofollow" target="_blank">
                  {report.original.url}
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      <dl className="report-facts card">
        <dt>{t("reports.decide.reporter")}</dt>
        <dd>{report.reporter.name}</dd>
        <dt>{t("reports.page.body")}</dt>
        <dd>{report.body}</dd>
        <dt>{t("reports.decide.answer")}</dt>
        <dd data-testid="report-answer">
          {report.answer ? (
            <>
              {report.answer.text}
              {report.answer.url ? (
                <>
                  {"\n"}
                  <a href={report.answer.url} rel="noopener noreferrer nofollow" target="_blank">
                    {report.answer.url}
                  </a>
                </>
              ) : null}
            </>
          ) : (
            t("reports.decide.noAnswer")
          )}
        </dd>
        <dt>{t("reports.decide.strikes")}</dt>
        <dd data-testid="report-strikes">
          {t("reports.strikes", { count: report.reported.strikes, max: STRIKES_TO_SUSPEND })}
        </dd>
      </dl>

      {report.decision ? (
        <section className="card stack" data-testid="report-decision">
          <h2>{t("reports.page.decision")}</h2>
          <p style={{ margin: 0 }}>
            <strong>{t(`reports.page.status.${report.decision.status}`)}</strong> · {date(report.decision.at)}
          </p>
          <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{report.decision.reason}</p>
        </section>
      ) : report.phase === "answering" ? (
        <Notice>{t("reports.decide.waiting", { date: date(report.answerDueAt) })}</Notice>
      ) : (
        <section className="card stack" aria-labelledby="decide-title">
          <h2 id="decide-title">{t("reports.decide.form")}</h2>
          <Form method="post" className="form" noValidate>
            <fieldset
              className="choices"
              aria-describedby={errors.decision?.length ? "decision-error" : undefined}
            >
              <legend className="field__label">{t("reports.decide.choice")}</legend>
              <label className="choice">
                <input type="radio" name="decision" value="upheld" required />
                <span>{t("reports.decide.uphold")}</span>
              </label>
              <label className="choice">
                <input type="radio" name="decision" value="dismissed" required />
                <span>{t("reports.decide.dismiss")}</span>
              </label>
              {errors.decision?.length ? (
                <p className="field__error" id="decision-error" role="alert">
                  {errors.decision.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <div className="field">
              <label className="field__label" htmlFor="decision-reason">
                {t("reports.decide.reason")}
              </label>
              <textarea
                className="textarea"
                id="decision-reason"
                name="reason"
                rows={3}
                required
                maxLength={AUDIT_REASON_MAX}
                aria-invalid={errors.reason?.length ? true : undefined}
                aria-describedby={errors.reason?.length ? "reason-error" : undefined}
              />
              {errors.reason?.length ? (
                <p className="field__error" id="reason-error" role="alert">
                  {errors.reason.join(" ")}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit" className="btn btn--primary">
                {t("reports.decide.submit")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
