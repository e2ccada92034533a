import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, Notice } from "~/components/field";
import { ReportSubjectCard } from "~/components/report-bits";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import {
  LINK_MAX,
  REPORT_BODY_MAX,
  REPORT_BODY_MIN,
  REPORT_REASONS,
  readSubject,
  reportPaths,
  reportSchema,
} from "~/modules/support/reports";
import { fileReport, reportForm } from "~/modules/support/reports.server";
import { requireUser } from "~/utils/auth.server";
import { refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("reports.new.title")} · ${t("app.name")}` }];
};

/**
 * The one report form, for an entry, a piece, a message or a profile (`?subject=kind:id`), or for a
 * similarity flag the client turns into a report (`?flag=id`, prefilled). What the reporter may not
 * see is 404; their own thing, or a second report of the same thing, is answered with why.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const url = new URL(request.url);
  const form = await reportForm({
    reporterId: user.id,
    subject: readSubject(url.searchParams.get("subject")),
    flagId: url.searchParams.get("flag"),
    locale: context.locale,
  });
  if (!form.ok) {
    if (form.reason === "not_found") refuse(form, context.locale);
    return data(
      {
        refused: refusalMessage(form, context.locale),
        existing: typeof form.vars?.reportId === "string" ? form.vars.reportId : null,
        form: null,
      },
      { status: refusalStatus(form) },
    );
  }
  return { refused: null, existing: null, form: { subject: form.subject, prefill: form.prefill } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: reportSchema(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const input = submission.value;
  const result = await fileReport({
    reporterId: user.id,
    subject: readSubject(input.subject),
    flagId: input.flag || null,
    reason: input.reason,
    body: input.body,
    originalUrl: input.originalUrl ?? null,
    locale: context.locale,
  });
  if (!result.ok) {
    if (result.reason === "not_found") refuse(result, context.locale);
    return data(submission.reply({ formErrors: [refusalMessage(result, context.locale)] }), {
      status: refusalStatus(result),
    });
  }
  return redirect(`${reportPaths.page(result.reportId)}?sent=1`);
}

export default function NewReport() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const errors = (result?.error ?? {}) as Record<string, string[] | null>;
  const values = (result?.initialValue ?? {}) as Record<string, string | undefined>;
  const described = (name: string, hint: string) =>
    [hint, errors[name]?.length ? `${name}-error` : null].filter(Boolean).join(" ");
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p className="field__error" id={`${name}-error`} role="alert">
        {errors[name]!.join(" ")}
      </p>
    ) : null;
  return (
    <div className="container page page--narrow stack">
      <h1>{t("reports.new.title")}</h1>
      {loaded.refused ? (
        <>
          <Notice tone="error">{loaded.refused}</Notice>
          {loaded.existing ? (
            <p>
              <Link to={reportPaths.page(loaded.existing)}>{t("reports.page.title")}</Link>
            </p>
          ) : null}
        </>
      ) : loaded.form ? (
        <>
          <p className="lead">{t("reports.new.lead")}</p>
          <ReportSubjectCard subject={loaded.form.subject} testId="report-subject" />
          {loaded.form.prefill.flagId ? <Notice>{t("reports.new.fromFlag")}</Notice> : null}
          <Form method="post" className="form card" noValidate>
            <FormError errors={errors[""] ?? undefined} />
            <input
              type="hidden"
              name="subject"
              value={`${loaded.form.subject.kind}:${loaded.form.subject.id}`}
            />
            {loaded.form.prefill.flagId ? (
              <input type="hidden" name="flag" value={loaded.form.prefill.flagId} />
            ) : null}
            <fieldset
              className="choices"
              aria-describedby={errors.reason?.length ? "reason-error" : undefined}
            >
              <legend className="field__label">{t("reports.new.reason")}</legend>
              {REPORT_REASONS.map((reason) => (
                <label key={reason} className="choice">
                  <input
                    type="radio"
                    name="reason"
                    value={reason}
                    required
                    defaultChecked={(values.reason ?? loaded.form!.prefill.reason) === reason}
                  />
                  <span>{t(`reports.reason.${reason}`)}</span>
                </label>
              ))}
              {fieldError("reason")}
            </fieldset>
            <div className="field">
              <label className="field__label" htmlFor="report-body">
                {t("reports.new.body")}
              </label>
              <span className="field__hint" id="report-body-hint">
                {t("reports.new.body.hint", { min: REPORT_BODY_MIN })}
              </span>
              <textarea
                className="textarea"
                id="report-body"
                name="body"
                rows={5}
                required
                minLength={REPORT_BODY_MIN}
                maxLength={REPORT_BODY_MAX}
                defaultValue={values.body ?? ""}
                aria-invalid={errors.body?.length ? true : undefined}
                aria-describedby={described("body", "report-body-hint")}
              />
              {fieldError("body")}
            </div>
            <div className="field">
              <label className="field__label" htmlFor="report-original">
                {t("reports.new.original")}
              </label>
              <span className="field__hint" id="report-original-hint">
                {t("reports.new.original.hint")}
              </span>
              <input
                className="input"
                id="report-original"
                name="originalUrl"
                type="url"
                maxLength={LINK_MAX}
                defaultValue={values.originalUrl ?? loaded.form.prefill.originalUrl}
                aria-invalid={errors.originalUrl?.length ? true : undefined}
                aria-describedby={described("originalUrl", "report-original-hint")}
              />
              {fieldError("originalUrl")}
            </div>
            <div className="row">
              <button type="submit" className="btn btn--primary">
                {t("reports.new.submit")}
              </button>
              <Link to={loaded.form.subject.href} className="btn">
                {t("reports.new.cancel")}
              </Link>
            </div>
          </Form>
        </>
      ) : null}
    </div>
  );
}
